"""The verdict stage's SQL: reading the claims to judge and their links, writing verdicts with
their citations, and reading verdicts, histories, contradictions and a claim's links back."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from factcheck.db import now_iso, store_reason_texts
from factcheck.verdicts.records import Citation, Verdict

if TYPE_CHECKING:
    from sqlite_utils import Database

    from factcheck.db import Ledger
    from factcheck.verdicts.decision import ClaimRecord, Evidence


# A verdict row as the table had it before rationales were stored once each (reason_texts):
# every reader gets the same keys in the same order.
VERDICT_COLUMNS = """verdicts.id, verdicts.claim_id, verdicts.label, verdicts.confidence,
    (SELECT text FROM reason_texts WHERE reason_texts.id = verdicts.rationale_id) AS rationale,
    verdicts.decided_by, verdicts.decided_at, verdicts.note, verdicts.is_current,
    verdicts.disagreement, verdicts.inputs"""


ONLY = "(:only IS NULL OR {column} IN (SELECT value FROM json_each(:only)))"


def id_list(ids: set[int]) -> str:
    """Ids as a JSON list, for `IN (SELECT value FROM json_each(?))`."""
    return json.dumps(sorted(ids))


def only_param(only: set[int] | None) -> dict[str, str | None]:
    """The `:only` parameter of ONLY: the ids as a JSON list, or NULL for all."""
    return {"only": None if only is None else id_list(only)}


def claims_to_judge(db: Database, only: set[int] | None = None) -> list[ClaimRecord]:
    """Every claim of a current source (of them, those in `only`), in id order, with what its
    verdict depends on."""
    # Imported here: decision.py brings the matcher (numpy, rapidfuzz), which the readers below
    # (`factcheck claim ID`, `verdicts`) must not load.
    from factcheck.verdicts.decision import ClaimRecord

    return [
        ClaimRecord(
            id=row["id"],
            is_checkworthy=bool(row["is_checkworthy"]),
            modality=row["modality"],
            text=row["text"],
            lang=row["lang"],
            kind=row["kind"],
            independence_group=row["independence_group"],
            origin=row["origin"],
            source_id=row["source_id"],
            fact_id=row["fact_id"],
            published=row["published"],
            quantities=row["quantities"],
        )
        for row in db.query(
            f"""SELECT claims.id, claims.is_checkworthy, claims.modality, claims.text,
                      claims.lang, claims.kind,
                      claims.independence_group, claims.origin, claims.source_id,
                      coalesce(claims.fact_id, claims.id) AS fact_id, sources.published,
                      (SELECT group_concat(text, ', ') FROM claim_values
                       WHERE claim_values.claim_id = claims.id
                         AND claim_values.kind = 'quantity') AS quantities
               FROM claims JOIN sources ON sources.id = claims.source_id
               WHERE sources.is_current = 1 AND {ONLY.format(column="claims.id")}
               ORDER BY claims.id""",
            only_param(only),
        )
    ]


def evidence_by_claim(db: Database, only: set[int] | None = None) -> dict[int, list[Evidence]]:
    """For each claim (at least those in `only`), the claims linked to it (either side of the
    link), with the link."""
    from factcheck.verdicts.decision import Evidence

    evidence: dict[int, list[Evidence]] = defaultdict(list)
    # Tuples, not sqlite-utils' dicts: a run reads every link twice over (each side's claim).
    rows = db.execute(
        f"""SELECT links.claim_a, links.claim_b, links.relation, links.score, links.reason,
                  other.id, other.source_id, other.text, other.start_offset, other.end_offset,
                  other.independence_group, other.origin, sources.url
           FROM links
           JOIN claims AS other ON other.id IN (links.claim_a, links.claim_b)
           JOIN sources ON sources.id = other.source_id
           WHERE {ONLY.format(column="links.claim_a")} OR {ONLY.format(column="links.claim_b")}""",
        only_param(only),
    )
    for a, b, relation, score, reason, other, source, text, start, end, group, origin, url in rows:
        this = b if other == a else a
        evidence[this].append(
            Evidence(
                claim_id=other,
                source_id=source,
                text=text,
                start_offset=start,
                end_offset=end,
                independence_group=group,
                origin=origin,
                url=url,
                relation=relation,
                score=score,
                reason=reason,
            )
        )
    return evidence


def entity_names(db: Database) -> dict[int, str]:
    return dict(db.execute("SELECT id, name FROM entities").fetchall())


def claim_exists(db: Database, claim_id: int) -> bool:
    return db.execute("SELECT id FROM claims WHERE id = ?", [claim_id]).fetchone() is not None


def current_verdicts(db: Database, only: set[int] | None = None) -> dict[int, dict[str, Any]]:
    """The current verdict of each claim (of those in `only`)."""
    return {
        row["claim_id"]: row
        for row in db.query(
            f"""SELECT {VERDICT_COLUMNS} FROM verdicts
                WHERE is_current = 1 AND {ONLY.format(column="verdicts.claim_id")}""",
            only_param(only),
        )
    }


def standing_verdicts(db: Database, decided: set[int]) -> list[tuple[int, str, str, str | None]]:
    """(claim, label, decided by, disagreement) of the current verdicts of current claims
    outside the run's claims: what a run that decides only some claims reports of the rest."""
    rows = db.execute(
        """SELECT verdicts.claim_id, verdicts.label, verdicts.decided_by, verdicts.disagreement
           FROM verdicts JOIN claims ON claims.id = verdicts.claim_id
           JOIN sources ON sources.id = claims.source_id AND sources.is_current = 1
           WHERE verdicts.is_current = 1"""
    )
    return [row for row in rows if row[0] not in decided]


def current_verdicts_of(db: Database, claim_id: int) -> dict[str, Any] | None:
    rows = list(
        db.query(
            f"SELECT {VERDICT_COLUMNS} FROM verdicts WHERE claim_id = ? AND is_current = 1",
            [claim_id],
        )
    )
    return rows[0] if rows else None


def citations_of(db: Database, verdict_id: int) -> list[tuple]:
    """A verdict's citations as (cited claim, stance), sorted."""
    return [
        tuple(row)
        for row in db.execute(
            "SELECT claim_id, stance FROM citations WHERE verdict_id = ? ORDER BY claim_id, stance",
            [verdict_id],
        )
    ]


def citations_of_verdict(db: Database, verdict_id: int) -> tuple[Citation, ...]:
    """A verdict's citations in full, in the order they were stored."""
    return tuple(
        Citation(
            row["claim_id"],
            row["source_id"],
            row["stance"],
            row["quote"],
            row["start_offset"],
            row["end_offset"],
            row["url"],
        )
        for row in db.query("SELECT * FROM citations WHERE verdict_id = ?", [verdict_id])
    )


def insert_verdict(db: Database, verdict: Verdict, decided_by: str, note: str | None = None) -> int:
    """Store a verdict and its citations as the claim's current one; the one it replaces stays
    in the history."""
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
                "rationale_id": store_reason_texts(db, [verdict.rationale])[0],
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


def insert_verdicts(db: Database, verdicts: list[tuple[Verdict, str]], decided_by: str) -> None:
    """`insert_verdict` for many (each with its decision inputs), in bulk: the ones they replace
    stop being current, the new rows and their citations go in with executemany."""
    if not verdicts:
        return
    db.conn.executemany(
        "UPDATE verdicts SET is_current = 0 WHERE claim_id = ? AND is_current = 1",
        [(verdict.claim_id,) for verdict, _ in verdicts],
    )
    first = (db.execute("SELECT MAX(id) FROM verdicts").fetchone()[0] or 0) + 1
    stamp = now_iso()
    rationale_ids = store_reason_texts(db, [verdict.rationale for verdict, _ in verdicts])
    db.conn.executemany(
        """INSERT INTO verdicts (id, claim_id, label, confidence, rationale_id, decided_by,
                                 decided_at, note, is_current, disagreement, inputs)
           VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1, NULL, ?)""",
        [
            (
                first + n,
                verdict.claim_id,
                verdict.label,
                verdict.confidence,
                rationale_id,
                decided_by,
                stamp,
                inputs,
            )
            for n, ((verdict, inputs), rationale_id) in enumerate(
                zip(verdicts, rationale_ids, strict=True)
            )
        ],
    )
    db.conn.executemany(
        """INSERT INTO citations (verdict_id, claim_id, source_id, stance, quote, start_offset,
                                  end_offset, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                first + n,
                citation.claim_id,
                citation.source_id,
                citation.stance,
                citation.quote,
                citation.start,
                citation.end,
                citation.url,
            )
            for n, (verdict, _) in enumerate(verdicts)
            for citation in verdict.citations
        ],
    )


def set_disagreement(db: Database, verdict_id: int, disagreement: str | None) -> None:
    db["verdicts"].update(verdict_id, {"disagreement": disagreement})


def verdict_history(db: Ledger, claim_id: int) -> list[dict[str, Any]]:
    """Every verdict the claim has had, oldest first, each with its citations."""
    history = list(
        db.query(
            f"SELECT {VERDICT_COLUMNS} FROM verdicts WHERE claim_id = ? ORDER BY id", [claim_id]
        )
    )
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


def verdict_counts(db: Ledger) -> list[dict[str, Any]]:
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


def contradictions(db: Ledger) -> list[dict[str, Any]]:
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


def claim_links(db: Ledger, claim_id: int) -> list[dict[str, Any]]:
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
