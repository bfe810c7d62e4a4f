"""The tensions queue: what a fact-checker must look at first. Contradictions (a figure that
differs, a source that denies what another states), discrepancies between approximate figures,
a plan and a deed of the same thing, a body said to exist and said to be formed, and human
verdicts that new evidence disputes; each with both quotes and why it was raised."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.db import Ledger

# The order a fact-checker works in: a person's verdict in doubt, then clashes, then the rest.
KIND_ORDER = (
    "disputed_verdict",
    "contradiction",
    "denial",
    "existence",
    "plan_vs_done",
    "discrepancy",
)
KIND_WORDS = {
    "disputed_verdict": "a reviewer's verdict that new evidence disputes",
    "contradiction": "figures or statements that contradict",
    "denial": "one source denies what another states",
    "existence": "said to exist in one source, to be formed in another",
    "plan_vs_done": "planned in one source, done in another",
    "discrepancy": "approximate figures further apart than their precision",
}


@dataclass(frozen=True)
class Tension:
    kind: str
    what: str  # the kind in words
    why: str
    claim_a: int
    source_a: int
    quote_a: str
    claim_b: int | None = None
    source_b: int | None = None
    quote_b: str | None = None
    score: float | None = None
    lang_a: str | None = None  # each quote's language, for the report's lang attributes
    lang_b: str | None = None


def tensions(db: Ledger, *, kinds: tuple[str, ...] = ()) -> list[Tension]:
    """Every tension in the ledger, most urgent first."""
    found: list[Tension] = []
    for row in db.query(
        """SELECT coalesce(json_extract(links.evidence, '$.tension'), 'contradiction') AS kind,
                  links.score, links.reason, links.claim_a, a.source_id AS source_a,
                  a.text AS quote_a, links.claim_b, b.source_id AS source_b, b.text AS quote_b,
                  a.lang AS lang_a, b.lang AS lang_b
           FROM links JOIN claims a ON a.id = links.claim_a JOIN claims b ON b.id = links.claim_b
           JOIN sources sa ON sa.id = a.source_id JOIN sources sb ON sb.id = b.source_id
           WHERE sa.is_current = 1 AND sb.is_current = 1
             AND (links.relation = 'contradicts'
                  OR json_extract(links.evidence, '$.tension') IS NOT NULL)"""
    ):
        kind = row["kind"] if row["kind"] in KIND_WORDS else "contradiction"
        found.append(
            Tension(
                kind,
                KIND_WORDS[kind],
                row["reason"],
                row["claim_a"],
                row["source_a"],
                row["quote_a"],
                row["claim_b"],
                row["source_b"],
                row["quote_b"],
                row["score"],
                lang_a=row["lang_a"],
                lang_b=row["lang_b"],
            )
        )
    for row in db.query(
        """SELECT claims.id, claims.source_id, claims.text, claims.lang, verdicts.label,
                  verdicts.decided_by, verdicts.disagreement
           FROM verdicts JOIN claims ON claims.id = verdicts.claim_id
           JOIN sources ON sources.id = claims.source_id
           WHERE verdicts.is_current = 1 AND verdicts.disagreement IS NOT NULL
             AND sources.is_current = 1"""
    ):
        found.append(
            Tension(
                "disputed_verdict",
                KIND_WORDS["disputed_verdict"],
                f"{row['decided_by']} said {row['label']}; {row['disagreement']}",
                row["id"],
                row["source_id"],
                row["text"],
                lang_a=row["lang"],
            )
        )
    if kinds:
        found = [tension for tension in found if tension.kind in kinds]
    return sorted(
        found,
        key=lambda t: (KIND_ORDER.index(t.kind), -(t.score or 0), t.claim_a, t.claim_b or 0),
    )


def tension_rows(items: list[Tension]) -> list[dict[str, Any]]:
    return [asdict(item) for item in items]
