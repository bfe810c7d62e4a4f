"""The verdict stage: links -> one current verdict per claim, with a confidence, a rationale in
plain words and citations; and the human review that outranks it.

Corroboration counts independence groups (a source with its translations and copies is one
group), never the same group twice. History is append-only: a changed verdict is a new row and
the old one stops being current; an automatic run never replaces a human verdict, it flags the
human verdict when new evidence disagrees.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from factcheck.db import now_iso, transaction
from factcheck.ingest.queries import UnknownIdError
from factcheck.verdicts.records import AUTO, Citation, Verdict
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


def confidence_for(groups: int, best_score: float) -> float:
    """More independent groups and stronger links make a surer verdict; never certainty."""
    return round(min(0.95, 0.45 + 0.2 * groups + 0.2 * best_score), 2)


def decide(claim: dict[str, Any], evidence: list[dict[str, Any]]) -> Verdict:
    """The verdict on one claim from its corroborating and contradicting links to claims of
    other independence groups (`evidence`: the other claim's row with the link's relation)."""
    if not claim["is_checkworthy"] or claim["modality"] in ("question", "opinion"):
        why = (
            "a question or an opinion"
            if claim["modality"] in ("question", "opinion")
            else "not a check-worthy statement"
        )
        return Verdict(claim["id"], "not_checkable", 0.9, f"Not checked: {why}.")
    independent = [
        row for row in evidence if row["independence_group"] != claim["independence_group"]
    ]
    supports = [row for row in independent if row["relation"] == "corroborates"]
    contradicts = [row for row in independent if row["relation"] == "contradicts"]
    support_groups = {row["independence_group"] for row in supports}
    contra_groups = {row["independence_group"] for row in contradicts}
    citations = tuple(
        Citation(
            row["id"],
            row["source_id"],
            "supports" if row["relation"] == "corroborates" else "contradicts",
            row["text"],
            row["start_offset"],
            row["end_offset"],
            row["url"],
        )
        for row in sorted(supports + contradicts, key=lambda row: (-row["score"], row["id"]))
    )
    own_copies = [
        row for row in evidence if row["independence_group"] == claim["independence_group"]
    ]
    if support_groups and contra_groups:
        return Verdict(
            claim["id"],
            "conflicting",
            0.5,
            f"{len(support_groups)} independent source(s) agree and {len(contra_groups)} "
            f"disagree: {contradicts[0]['reason']}.",
            citations,
        )
    for label, rows, groups in (
        ("corroborated", supports, support_groups),
        ("contradicted", contradicts, contra_groups),
    ):
        if groups:
            best = max(rows, key=lambda row: row["score"])
            return Verdict(
                claim["id"],
                label,
                confidence_for(len(groups), best["score"]),
                f"{label.capitalize()} by {len(groups)} independent source(s): {best['reason']}.",
                citations,
            )
    if own_copies:
        rationale = (
            "No independent source states this; only its own translation or a copy of its "
            "source does, which is not confirmation."
        )
    else:
        rationale = "No other source in the ledger states this or its opposite."
    return Verdict(claim["id"], "unverified", 0.5, rationale)


def evidence_by_claim(db: Database) -> dict[int, list[dict[str, Any]]]:
    """For each claim, the claims linked to it (either side of the link), with the link."""
    evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = db.query(
        """SELECT links.claim_a, links.claim_b, links.relation, links.score, links.reason,
                  other.id, other.source_id, other.text, other.start_offset, other.end_offset,
                  other.independence_group, sources.url
           FROM links
           JOIN claims AS other ON other.id IN (links.claim_a, links.claim_b)
           JOIN sources ON sources.id = other.source_id"""
    )
    for row in rows:
        this = row["claim_b"] if row["id"] == row["claim_a"] else row["claim_a"]
        evidence[this].append(row)
    return evidence


def current_verdicts(db: Database) -> dict[int, dict[str, Any]]:
    return {row["claim_id"]: row for row in db.query("SELECT * FROM verdicts WHERE is_current = 1")}


def insert_verdict(db: Database, verdict: Verdict, decided_by: str, note: str | None = None) -> int:
    db.execute(
        "UPDATE verdicts SET is_current = 0 WHERE claim_id = ? AND is_current = 1",
        [verdict.claim_id],
    )
    verdict_id = (
        db["verdicts"]
        .insert(
            {
                "claim_id": verdict.claim_id,
                "label": verdict.label,
                "confidence": verdict.confidence,
                "rationale": verdict.rationale,
                "decided_by": decided_by,
                "decided_at": now_iso(),
                "note": note,
                "is_current": 1,
                "disagreement": None,
            }
        )
        .last_pk
    )
    db["citations"].insert_all(
        {
            "verdict_id": verdict_id,
            "claim_id": citation.claim_id,
            "source_id": citation.source_id,
            "stance": citation.stance,
            "quote": citation.quote,
            "start_offset": citation.start,
            "end_offset": citation.end,
            "url": citation.url,
        }
        for citation in verdict.citations
    )
    return verdict_id


def citations_of(db: Database, verdict_id: int) -> list[tuple]:
    return [
        tuple(row)
        for row in db.execute(
            "SELECT claim_id, stance FROM citations WHERE verdict_id = ? ORDER BY claim_id, stance",
            [verdict_id],
        )
    ]


def give_verdicts(db: Database) -> VerdictReport:
    """Bring every current claim's verdict up to date with its links, in one transaction."""
    report = VerdictReport()
    with transaction(db):
        evidence = evidence_by_claim(db)
        current = current_verdicts(db)
        claims = db.query(
            """SELECT claims.id, claims.is_checkworthy, claims.modality, claims.independence_group
               FROM claims JOIN sources ON sources.id = claims.source_id
               WHERE sources.is_current = 1 ORDER BY claims.id"""
        )
        for claim in claims:
            verdict = decide(claim, evidence.get(claim["id"], []))
            existing = current.get(claim["id"])
            report.verdicts += 1
            if existing and existing["decided_by"] != AUTO:
                # A human verdict stands; say so when the evidence now points elsewhere.
                disagreement = (
                    None
                    if verdict.label == existing["label"]
                    else f"automatic evidence now says {verdict.label}: {verdict.rationale}"
                )
                if disagreement != existing["disagreement"]:
                    db["verdicts"].update(existing["id"], {"disagreement": disagreement})
                if disagreement:
                    report.flagged.append(claim["id"])
                label = existing["label"]
            else:
                unchanged = (
                    existing is not None
                    and (existing["label"], existing["confidence"], existing["rationale"])
                    == (verdict.label, verdict.confidence, verdict.rationale)
                    and citations_of(db, existing["id"])
                    == sorted((c.claim_id, c.stance) for c in verdict.citations)
                )
                if not unchanged:
                    insert_verdict(db, verdict, AUTO)
                    if existing is not None and existing["label"] != verdict.label:
                        report.changed.append((claim["id"], existing["label"], verdict.label))
                label = verdict.label
            report.by_label[label] = report.by_label.get(label, 0) + 1
    return report


def review_claim(
    db: Database, claim_id: int, label: str, *, decided_by: str, note: str | None
) -> dict[str, Any]:
    """Record a reviewer's verdict on a claim; it becomes current and stays so through re-runs.
    The citations of the automatic verdict it replaces are kept with it."""
    if label not in LABELS:
        raise ValueError(f"unknown verdict {label!r}: choose one of {', '.join(LABELS)}")
    with transaction(db):
        claim = db.execute("SELECT id FROM claims WHERE id = ?", [claim_id]).fetchone()
        if claim is None:
            raise UnknownIdError(f"no claim with id {claim_id}")
        previous = current_verdicts_of(db, claim_id)
        citations: tuple[Citation, ...] = ()
        if previous:
            citations = tuple(
                Citation(
                    row["claim_id"],
                    row["source_id"],
                    row["stance"],
                    row["quote"],
                    row["start_offset"],
                    row["end_offset"],
                    row["url"],
                )
                for row in db.query(
                    "SELECT * FROM citations WHERE verdict_id = ?", [previous["id"]]
                )
            )
        rationale = f"Reviewed by {decided_by}" + (f": {note}" if note else ".")
        verdict_id = insert_verdict(
            db, Verdict(claim_id, label, 1.0, rationale, citations), decided_by, note
        )
    return {"verdict_id": verdict_id, "claim_id": claim_id, "label": label, "previous": previous}


def current_verdicts_of(db: Database, claim_id: int) -> dict[str, Any] | None:
    rows = list(
        db.query("SELECT * FROM verdicts WHERE claim_id = ? AND is_current = 1", [claim_id])
    )
    return rows[0] if rows else None


def verdict_history(db: Database, claim_id: int) -> list[dict[str, Any]]:
    """Every verdict the claim has had, oldest first, each with its citations."""
    history = list(db.query("SELECT * FROM verdicts WHERE claim_id = ? ORDER BY id", [claim_id]))
    for verdict in history:
        verdict["citations"] = list(
            db.query(
                """SELECT citations.*, sources.final_url AS fetched_from, sources.fetched_at,
                          (SELECT page FROM passages
                           WHERE passages.source_id = citations.source_id
                             AND passages.start_offset <= citations.start_offset
                           ORDER BY passages.start_offset DESC LIMIT 1) AS page
                   FROM citations JOIN sources ON sources.id = citations.source_id
                   WHERE verdict_id = ? ORDER BY citations.id""",
                [verdict["id"]],
            )
        )
    return history


def verdict_counts(db: Database) -> list[dict[str, Any]]:
    """Current verdicts counted by source and label."""
    return list(
        db.query(
            """SELECT claims.source_id, sources.label AS source, verdicts.label, COUNT(*) AS claims
               FROM verdicts JOIN claims ON claims.id = verdicts.claim_id
               JOIN sources ON sources.id = claims.source_id
               WHERE verdicts.is_current = 1 AND sources.is_current = 1
               GROUP BY claims.source_id, verdicts.label
               ORDER BY claims.source_id, verdicts.label"""
        )
    )


def contradictions(db: Database) -> list[dict[str, Any]]:
    """Every contradiction with both quotes."""
    return list(
        db.query(
            """SELECT links.claim_a, a.source_id AS source_a, a.text AS quote_a,
                      links.claim_b, b.source_id AS source_b, b.text AS quote_b,
                      links.score, links.reason
               FROM links JOIN claims AS a ON a.id = links.claim_a
               JOIN claims AS b ON b.id = links.claim_b
               WHERE links.relation = 'contradicts' ORDER BY links.score DESC, links.id"""
        )
    )


def claim_links(db: Database, claim_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            """SELECT links.relation, links.score, links.reason, other.id AS other_id,
                      other.source_id AS other_source, other.text AS other_text
               FROM links JOIN claims AS other ON other.id =
                    CASE WHEN links.claim_a = :id THEN links.claim_b ELSE links.claim_a END
               WHERE :id IN (links.claim_a, links.claim_b)
               ORDER BY CASE links.relation WHEN 'contradicts' THEN 0 WHEN 'corroborates' THEN 1
                        WHEN 'translation' THEN 2 WHEN 'duplicate' THEN 3 ELSE 4 END,
                        links.score DESC""",
            {"id": claim_id},
        )
    )
