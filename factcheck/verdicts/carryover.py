"""Human decisions follow a source into its new version: a reviewer's verdict moves to the same
statement in the new text, an entity merge or split to the same mentions; where the statement
changed, the new claim is flagged as needing a person again; nothing is dropped silently.

Offsets map through the common start and end of the two texts (an appended or inserted
paragraph leaves everything else in place); what falls in the changed middle is found by its
words, nearest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from sqlite_utils import Database

from factcheck.db import now_iso
from factcheck.text.offsets import OffsetMap
from factcheck.verdicts.queries import insert_verdict
from factcheck.verdicts.records import AUTO, Verdict

# A new claim this similar to a reviewed one is the same statement changed: it needs a person.
CHANGED_STATEMENT_MIN_RATIO = 60.0


@dataclass
class CarriedReview:
    old_claim_id: int
    new_claim_id: int | None  # None: the statement is gone from the new version
    outcome: str  # carried | needs_review | gone
    label: str
    decided_by: str


@dataclass
class CarryReport:
    reviews: list[CarriedReview] = field(default_factory=list)
    judgements_carried: int = 0
    judgements_lost: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for review in self.reviews if review.outcome == outcome)

    def describe(self) -> str | None:
        if not self.reviews and not self.judgements_carried and not self.judgements_lost:
            return None
        parts = [f"{self.count('carried')} human verdicts carried to new versions"]
        if self.count("needs_review"):
            parts.append(
                f"{self.count('needs_review')} need a person again (the statement changed)"
            )
        if self.count("gone"):
            parts.append(f"{self.count('gone')} on statements the new version no longer makes")
        if self.judgements_carried or self.judgements_lost:
            parts.append(f"{self.judgements_carried} entity judgements carried")
        if self.judgements_lost:
            parts.append(f"{self.judgements_lost} could not be placed in the new version")
        return "; ".join(parts)


def nearest(candidates: list[dict[str, Any]], start: int) -> dict[str, Any] | None:
    return min(candidates, key=lambda row: abs(row["start_offset"] - start), default=None)


def carry_human_decisions(db: Database, source_ids: list[int]) -> CarryReport:
    """For each newly extracted source that is a new version of another, carry its previous
    version's human verdicts and entity judgements over (inside the caller's transaction)."""
    report = CarryReport()
    for source_id in source_ids:
        row = db.execute(
            "SELECT previous_version_id, text FROM sources WHERE id = ?", [source_id]
        ).fetchone()
        if row is None or row[0] is None:
            continue
        previous_id, new_text = row
        old_text = db.execute("SELECT text FROM sources WHERE id = ?", [previous_id]).fetchone()[0]
        offsets = OffsetMap.between(old_text, new_text)
        carry_reviews(db, previous_id, source_id, offsets, report)
        carry_judgements(db, previous_id, source_id, offsets, report)
    return report


def carry_reviews(
    db: Database, old_source: int, new_source: int, offsets: OffsetMap, report: CarryReport
) -> None:
    reviewed = list(
        db.query(
            """SELECT claims.id AS claim_id, claims.text, claims.start_offset, claims.end_offset,
                      verdicts.id AS verdict_id, verdicts.label, verdicts.decided_by,
                      verdicts.note
               FROM claims JOIN verdicts ON verdicts.claim_id = claims.id
                    AND verdicts.is_current = 1 AND verdicts.decided_by <> ?
               WHERE claims.source_id = ? ORDER BY claims.start_offset, claims.id""",
            [AUTO, old_source],
        )
    )
    if not reviewed:
        return
    new_claims = list(
        db.query(
            "SELECT id, text, start_offset, end_offset FROM claims WHERE source_id = ?",
            [new_source],
        )
    )
    taken: set[int] = set()
    for old in reviewed:
        free = [claim for claim in new_claims if claim["id"] not in taken]
        same = [claim for claim in free if claim["text"] == old["text"]]
        mapped = offsets.span(old["start_offset"], old["end_offset"])
        target = next(
            (claim for claim in same if (claim["start_offset"], claim["end_offset"]) == mapped),
            None,
        ) or nearest(same, mapped[0] if mapped else old["start_offset"])
        outcome = "carried"
        if target is None:
            scored = [(fuzz.ratio(old["text"], claim["text"]), claim) for claim in free]
            best = max(scored, key=lambda pair: pair[0], default=None)
            if best and best[0] >= CHANGED_STATEMENT_MIN_RATIO:
                target, outcome = best[1], "needs_review"
            else:
                outcome = "gone"
        if target is not None:
            taken.add(target["id"])
        if outcome == "carried":
            assert target is not None
            rationale = (
                f"Reviewed by {old['decided_by']}"
                + (f": {old['note']}" if old["note"] else ".")
                + f" (carried over from claim {old['claim_id']}, the same statement in the "
                "previous version of this source)"
            )
            insert_verdict(
                db,
                Verdict(target["id"], old["label"], 1.0, rationale),
                old["decided_by"],
                old["note"],
            )
        db["review_carryovers"].insert(
            {
                "old_claim_id": old["claim_id"],
                "new_claim_id": target["id"] if target else None,
                "new_source_id": new_source,
                "verdict_id": old["verdict_id"],
                "outcome": outcome,
                "decided_at": now_iso(),
            }
        )
        report.reviews.append(
            CarriedReview(
                old["claim_id"],
                target["id"] if target else None,
                outcome,
                old["label"],
                old["decided_by"],
            )
        )


def carry_judgements(
    db: Database, old_source: int, new_source: int, offsets: OffsetMap, report: CarryReport
) -> None:
    judgements = list(
        db.query(
            "SELECT * FROM entity_judgements WHERE a_source_id = ? OR b_source_id = ?",
            [old_source, old_source],
        )
    )
    if not judgements:
        return
    old_text = dict(
        ((row[0], row[1]), row[2])
        for row in db.execute(
            "SELECT start_offset, end_offset, text FROM mentions WHERE source_id = ?", [old_source]
        )
    )
    new_mentions = list(
        db.query(
            "SELECT start_offset, end_offset, text FROM mentions WHERE source_id = ?", [new_source]
        )
    )
    at = {(row["start_offset"], row["end_offset"]): row for row in new_mentions}

    def place(start: int, end: int) -> tuple[int, int] | None:
        words = old_text.get((start, end))
        mapped = offsets.span(start, end)
        if mapped in at and (words is None or at[mapped]["text"] == words):
            return mapped
        found = nearest([row for row in new_mentions if row["text"] == words], start)
        return (found["start_offset"], found["end_offset"]) if found else None

    for judgement in judgements:
        sides = {}
        for side in ("a", "b"):
            source, start, end = (
                judgement[f"{side}_{key}"] for key in ("source_id", "start", "end")
            )
            if source == old_source:
                placed = place(start, end)
                if placed is None:
                    break
                source, (start, end) = new_source, placed
            sides.update({f"{side}_source_id": source, f"{side}_start": start, f"{side}_end": end})
        else:
            db["entity_judgements"].insert(
                {
                    **sides,
                    "kind": judgement["kind"],
                    "decided_by": judgement["decided_by"],
                    "decided_at": judgement["decided_at"],
                    "note": judgement["note"],
                }
            )
            report.judgements_carried += 1
            continue
        report.judgements_lost += 1


def reviews_needing_a_person(db: Database) -> list[dict[str, Any]]:
    """Claims of current sources whose reviewed statement changed in a new version, and which no
    person has reviewed since: what the earlier reviewer said, and about which wording."""
    return list(
        db.query(
            """SELECT carry.new_claim_id AS claim_id, carry.old_claim_id,
                      old.text AS old_text, new.text AS new_text,
                      verdicts.label AS old_label, verdicts.decided_by AS old_decided_by,
                      verdicts.note AS old_note
               FROM review_carryovers AS carry
               JOIN claims AS new ON new.id = carry.new_claim_id
               JOIN sources ON sources.id = new.source_id AND sources.is_current = 1
               JOIN claims AS old ON old.id = carry.old_claim_id
               JOIN verdicts ON verdicts.id = carry.verdict_id
               WHERE carry.outcome = 'needs_review'
                 AND NOT EXISTS (SELECT 1 FROM verdicts AS now
                                 WHERE now.claim_id = carry.new_claim_id AND now.is_current = 1
                                   AND now.decided_by <> 'auto')
               ORDER BY carry.new_claim_id"""
        )
    )
