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
from factcheck.match.stance import stance_of
from factcheck.match.wording import plural
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
    """More independent origins and stronger links make a surer verdict; never certainty."""
    return round(min(0.95, 0.45 + 0.2 * groups + 0.2 * best_score), 2)


def origin_of(row: dict[str, Any]) -> str:
    """Who a claim comes from: its origin (a quoted speaker, near-copies merged), or, in a
    ledger matched before origins existed, its independence group."""
    return row.get("origin") or row["independence_group"]


def origin_words(origin: str, names: dict[int, str]) -> str:
    if origin.startswith("speaker-e"):
        return names.get(int(origin.removeprefix("speaker-e")), "one speaker")
    if origin.startswith("source-"):
        return f"source {origin.removeprefix('source-')}"
    return origin


def decide(
    claim: dict[str, Any],
    evidence: list[dict[str, Any]],
    names: dict[int, str] | None = None,
) -> Verdict:
    """The verdict on one claim from its corroborating and contradicting links (`evidence`: the
    other claim's row with the link's relation), counting origins, never outlets: claims that
    quote one speaker, or copy one text, are one origin however many sources print them."""
    names = names or {}
    if not claim["is_checkworthy"] or claim["modality"] in ("question", "opinion"):
        why = (
            "a question or an opinion"
            if claim["modality"] in ("question", "opinion")
            else "not a check-worthy statement"
        )
        return Verdict(claim["id"], "not_checkable", 0.9, f"Not checked: {why}.")
    if claim.get("text"):
        stance = stance_of(
            claim["text"], claim.get("lang"), claim["modality"], claim.get("kind", "")
        )
        if stance.tense in ("prediction", "opinion"):
            return Verdict(
                claim["id"],
                "not_checkable",
                0.8,
                f"Not checked: {stance.describe().removeprefix('is ').strip()}, which no "
                "source can confirm or refute as a fact.",
            )
    own = origin_of(claim)
    independent = [
        row
        for row in evidence
        if row["independence_group"] != claim["independence_group"] and origin_of(row) != own
    ]
    supports = [row for row in independent if row["relation"] == "corroborates"]
    contradicts = [row for row in independent if row["relation"] == "contradicts"]
    support_origins = {origin_of(row) for row in supports}
    contra_origins = {origin_of(row) for row in contradicts}
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
    if support_origins and contra_origins:
        return Verdict(
            claim["id"],
            "conflicting",
            0.5,
            f"{plural(len(support_origins), 'independent source')} agree and "
            f"{plural(len(contra_origins), 'independent source')} disagree: "
            f"{contradicts[0]['reason']}.",
            citations,
        )
    for label, rows, origins in (
        ("corroborated", supports, support_origins),
        ("contradicted", contradicts, contra_origins),
    ):
        if origins:
            best = max(rows, key=lambda row: row["score"])
            return Verdict(
                claim["id"],
                label,
                confidence_for(len(origins), best["score"]),
                f"{label.capitalize()} by {plural(len(origins), 'independent source')}: "
                f"{best['reason']}.",
                citations,
            )
    return Verdict(claim["id"], "unverified", 0.5, why_unverified(claim, evidence, names))


def why_unverified(
    claim: dict[str, Any], evidence: list[dict[str, Any]], names: dict[int, str]
) -> str:
    """Why nothing settled the claim, in words, and what would settle it."""
    own = origin_of(claim)
    same_origin = [
        row
        for row in evidence
        if row["relation"] == "corroborates"
        and row["independence_group"] != claim["independence_group"]
        and origin_of(row) == own
    ]
    own_copies = [
        row for row in evidence if row["independence_group"] == claim["independence_group"]
    ]
    related = [row for row in evidence if row["relation"] == "related"]
    if same_origin:
        speaker = origin_words(own, names)
        outlets = len({row["source_id"] for row in same_origin} | {claim["source_id"]})
        why = (
            f"Only one origin says this: {plural(outlets, 'source')} repeat {speaker}, which "
            "is one origin, not independent confirmation."
        )
        settle = f"a source that does not rest on {speaker}: a document, a record or a witness"
    elif own_copies:
        why = (
            "No independent source states this; only its own translation or a copy of its "
            "source does, which is not confirmation."
        )
        settle = "an independent source that states it or its opposite"
    elif related:
        best = max(related, key=lambda row: row["score"])
        count = len({row["source_id"] for row in related})
        why = (
            f"{plural(count, 'other source')} {'touches' if count == 1 else 'touch'} on it, "
            f"but none states it or its opposite ({best['reason']})."
        )
        settle = "a source that states this very thing, or its opposite"
    elif claim.get("quantities"):
        why = f"The figure ({claim['quantities']}) appears in no other source in the ledger."
        settle = "the figure's original record, or an independent source giving the same count"
    else:
        why = "No other source in the ledger states this or its opposite."
        settle = "an independent source on the same people, places or events"
    if not claim.get("published"):
        why += " Its source gives no publication date, so it cannot be placed in time."
    return f"{why} What would settle it: {settle}."


def evidence_by_claim(db: Database) -> dict[int, list[dict[str, Any]]]:
    """For each claim, the claims linked to it (either side of the link), with the link."""
    evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = db.query(
        """SELECT links.claim_a, links.claim_b, links.relation, links.score, links.reason,
                  other.id, other.source_id, other.text, other.start_offset, other.end_offset,
                  other.independence_group, other.origin, sources.url
           FROM links
           JOIN claims AS other ON other.id IN (links.claim_a, links.claim_b)
           JOIN sources ON sources.id = other.source_id"""
    )
    for row in rows:
        this = row["claim_b"] if row["id"] == row["claim_a"] else row["claim_a"]
        evidence[this].append(row)
    return evidence


def fact_evidence(
    member: int, members: list[int], evidence: dict[int, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """A fact's evidence as seen from one of its claims: every link of every claim of the fact,
    other than to the claim itself, the strongest once per claim and relation."""
    best: dict[tuple[int, str], dict[str, Any]] = {}
    for claim_id in members:
        for row in evidence.get(claim_id, []):
            if row["id"] == member:
                continue
            key = (row["id"], row["relation"])
            if key not in best or row["score"] > best[key]["score"]:
                best[key] = row
    return sorted(best.values(), key=lambda row: (row["id"], row["relation"]))


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
    """Bring every current claim's verdict up to date with its links, in one transaction. The
    claims of one fact share its verdict: each weighs the whole fact's evidence, and the
    check-worthiness and modality of the claim that stands for the fact."""
    report = VerdictReport()
    with transaction(db):
        evidence = evidence_by_claim(db)
        current = current_verdicts(db)
        names = dict(db.execute("SELECT id, name FROM entities").fetchall())
        claims = list(
            db.query(
                """SELECT claims.id, claims.is_checkworthy, claims.modality, claims.text,
                          claims.lang, claims.kind,
                          claims.independence_group, claims.origin, claims.source_id,
                          coalesce(claims.fact_id, claims.id) AS fact_id, sources.published,
                          (SELECT group_concat(text, ', ') FROM claim_values
                           WHERE claim_values.claim_id = claims.id
                             AND claim_values.kind = 'quantity') AS quantities
                   FROM claims JOIN sources ON sources.id = claims.source_id
                   WHERE sources.is_current = 1 ORDER BY claims.id"""
            )
        )
        members: dict[int, list[int]] = defaultdict(list)
        by_id = {claim["id"]: claim for claim in claims}
        for claim in claims:
            members[claim["fact_id"]].append(claim["id"])
        for claim in claims:
            lead = by_id.get(claim["fact_id"], claim)
            as_fact = {
                **claim,
                "is_checkworthy": lead["is_checkworthy"],
                "modality": lead["modality"],
                "text": lead["text"],
                "lang": lead["lang"],
                "kind": lead["kind"],
            }
            verdict = decide(
                as_fact, fact_evidence(claim["id"], members[claim["fact_id"]], evidence), names
            )
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
