"""The verdict stage: links -> one current verdict per claim, with a confidence, a rationale in
plain words and citations; and the human review that outranks it.

The decisions are `decision.py`'s, the SQL `queries.py`'s; this module runs them in one
transaction. History is append-only: a changed verdict is a new row and the old one stops being
current; an automatic run never replaces a human verdict, it flags the human verdict when new
evidence disagrees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from factcheck.db import transaction
from factcheck.ingest.queries import UnknownIdError
from factcheck.verdicts.changes import claims_to_decide, mark_decided
from factcheck.verdicts.decision import (
    as_fact,
    cited_keys,
    decide,
    decision_inputs,
    decision_key,
    disagreement_with,
    fact_evidence,
    fact_members,
)
from factcheck.verdicts.queries import (
    citations_of,
    citations_of_verdict,
    claim_exists,
    claims_to_judge,
    current_verdicts,
    current_verdicts_of,
    entity_names,
    evidence_by_claim,
    insert_verdict,
    insert_verdicts,
    set_disagreement,
    standing_verdicts,
)
from factcheck.verdicts.records import AUTO, Verdict
from factcheck.vocab import VerdictLabel, values

LABELS = values(VerdictLabel)


@dataclass
class VerdictReport:
    verdicts: int = 0
    changed: list[tuple[int, str, str]] = field(default_factory=list)  # claim, old, new
    flagged: list[int] = field(default_factory=list)  # human verdicts new evidence disputes
    by_label: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        counts = ", ".join(f"{count} {label}" for label, count in sorted(self.by_label.items()))
        text = f"verdicts: {counts}; {len(self.changed)} changed"
        if self.flagged:
            text += f"; {len(self.flagged)} human verdicts disputed by new evidence"
        return text


def give_verdicts(db: Database, *, everything: bool = False) -> VerdictReport:
    """Bring every current claim's verdict up to date with its links, in one transaction. The
    claims of one fact share its verdict: each weighs the whole fact's evidence, and the
    check-worthiness and modality of the claim that stands for the fact. A claim whose inputs
    (`decision_inputs`) are those its current verdict was decided from is not decided again,
    unless `everything`: the outcome is the same. Only the claims whose inputs can have changed
    since the last run (verdicts/changes.py) are read at all."""
    from factcheck import __version__

    report = VerdictReport()
    with transaction(db):
        only = None if everything else claims_to_decide(db, __version__)
        evidence = evidence_by_claim(db, only)
        current = current_verdicts(db, only)
        names = entity_names(db)
        claims = claims_to_judge(db, only)
        members = fact_members(claims)
        by_id = {claim.id: claim for claim in claims}
        new_inputs: list[tuple[str, int]] = []
        decided: list[tuple[Verdict, str]] = []  # new automatic verdicts, with their inputs
        for claim in claims:
            record = as_fact(claim, by_id.get(claim.fact_id, claim))
            facts = fact_evidence(claim.id, members[claim.fact_id], evidence)
            inputs = decision_inputs(record, facts, names, __version__)
            existing = current.get(claim.id)
            report.verdicts += 1
            if existing and existing["inputs"] == inputs and not everything:
                label = existing["label"]
                if existing["decided_by"] != AUTO and existing["disagreement"]:
                    report.flagged.append(claim.id)
                report.by_label[label] = report.by_label.get(label, 0) + 1
                continue
            verdict = decide(record, facts, names)
            if existing and existing["decided_by"] != AUTO:
                # A human verdict stands; say so when the evidence now points elsewhere.
                disagreement = disagreement_with(existing["label"], verdict)
                if disagreement != existing["disagreement"]:
                    set_disagreement(db, existing["id"], disagreement)
                if disagreement:
                    report.flagged.append(claim.id)
                label = existing["label"]
                new_inputs.append((inputs, existing["id"]))
            else:
                unchanged = (
                    existing is not None
                    and (existing["label"], existing["confidence"], existing["rationale"])
                    == decision_key(verdict)
                    and citations_of(db, existing["id"]) == cited_keys(verdict)
                )
                if unchanged:
                    new_inputs.append((inputs, existing["id"]))
                else:
                    decided.append((verdict, inputs))
                    if existing is not None and existing["label"] != verdict.label:
                        report.changed.append((claim.id, existing["label"], verdict.label))
                label = verdict.label
            report.by_label[label] = report.by_label.get(label, 0) + 1
        if only is not None:
            for claim_id, label, decided_by, disagreement in standing_verdicts(db, only):
                report.verdicts += 1
                report.by_label[label] = report.by_label.get(label, 0) + 1
                if decided_by != AUTO and disagreement:
                    report.flagged.append(claim_id)
            report.flagged.sort()
        db.conn.executemany("UPDATE verdicts SET inputs = ? WHERE id = ?", new_inputs)
        insert_verdicts(db, decided, AUTO)
        mark_decided(db, __version__)
    return report


def review_claim(
    db: Database, claim_id: int, label: str, *, decided_by: str, note: str | None
) -> dict[str, Any]:
    """Record a reviewer's verdict on a claim; it becomes current and stays so through re-runs.
    The citations of the automatic verdict it replaces are kept with it."""
    if label not in LABELS:
        raise ValueError(f"unknown verdict {label!r}: choose one of {', '.join(LABELS)}")
    with transaction(db):
        if not claim_exists(db, claim_id):
            raise UnknownIdError(f"no claim with id {claim_id}")
        previous = current_verdicts_of(db, claim_id)
        citations = citations_of_verdict(db, previous["id"]) if previous else ()
        rationale = f"Reviewed by {decided_by}" + (f": {note}" if note else ".")
        verdict_id = insert_verdict(
            db, Verdict(claim_id, label, 1.0, rationale, citations), decided_by, note
        )
    return {"verdict_id": verdict_id, "claim_id": claim_id, "label": label, "previous": previous}
