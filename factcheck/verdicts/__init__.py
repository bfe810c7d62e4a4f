"""The verdicts stage: links -> one verdict per claim with its citations; human reviews outrank
the machine's."""

from factcheck.verdicts.stage import VerdictReport, give_verdicts, review_claim

__all__ = ["VerdictReport", "give_verdicts", "review_claim"]
