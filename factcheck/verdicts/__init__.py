"""The verdicts stage: links -> one verdict per claim with its citations; human reviews outrank
the machine's."""

from factcheck.lazy import lazy_exports

__all__ = ["VerdictReport", "give_verdicts", "review_claim"]

__getattr__ = lazy_exports(
    __name__,
    {
        "VerdictReport": "factcheck.verdicts.stage",
        "give_verdicts": "factcheck.verdicts.stage",
        "review_claim": "factcheck.verdicts.stage",
    },
)
