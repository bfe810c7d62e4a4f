"""Reading claims back out of the ledger: filtered listings and the data of one claim card."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.db import reason_texts
from factcheck.ingest.queries import UnknownIdError

if TYPE_CHECKING:
    from factcheck.db import Ledger

# Trigram full-text search needs three characters; shorter searches fall back to LIKE.
MIN_FTS_QUERY = 3


@dataclass(frozen=True)
class ClaimFilter:
    source_id: int | None = None
    lang: str | None = None
    kind: str | None = None
    search: str | None = None
    include_all: bool = False  # default: check-worthy claims only


def list_claims(db: Ledger, claim_filter: ClaimFilter) -> list[dict[str, Any]]:
    where = ["sources.is_current = 1"]
    params: list[Any] = []
    if not claim_filter.include_all:
        where.append("claims.is_checkworthy = 1")
    if claim_filter.source_id is not None:
        where.append("claims.source_id = ?")
        params.append(claim_filter.source_id)
    if claim_filter.lang:
        where.append("claims.lang = ?")
        params.append(claim_filter.lang)
    if claim_filter.kind:
        where.append("claims.kind = ?")
        params.append(claim_filter.kind)
    if claim_filter.search:
        if len(claim_filter.search.strip()) >= MIN_FTS_QUERY:
            where.append("claims.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(db.quote_fts(claim_filter.search))
        else:
            where.append("claims.text LIKE ? ESCAPE '\\'")
            escaped = (
                claim_filter.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            )
            params.append(f"%{escaped}%")
    rows = db.query(
        f"""
        SELECT claims.id, claims.source_id, claims.start_offset, claims.end_offset,
               claims.text, claims.lang, claims.kind, claims.modality, claims.score,
               claims.is_checkworthy, claims.reason_ids
        FROM claims JOIN sources ON sources.id = claims.source_id
        WHERE {" AND ".join(where)}
        ORDER BY claims.source_id, claims.start_offset, claims.id
        """,
        params,
    )
    result = with_reasons(db, list(rows))
    for row in result:
        row["is_checkworthy"] = bool(row["is_checkworthy"])
    return result


def with_reasons(db: Ledger, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claim rows with their reasons in words: `reason_ids` (a JSON list of reason_texts ids)
    becomes `reasons`, the list of their texts, in the same place among the row's keys."""
    lists = [json.loads(row["reason_ids"]) for row in rows]
    texts = reason_texts(db, (text_id for ids in lists for text_id in ids))
    return [
        {
            ("reasons" if key == "reason_ids" else key): (
                [texts[text_id] for text_id in ids] if key == "reason_ids" else value
            )
            for key, value in row.items()
        }
        for row, ids in zip(rows, lists, strict=True)
    ]


def get_claim(db: Ledger, claim_id: int) -> dict[str, Any]:
    """A claim with its source, sentence context, values, mentions and findings."""
    rows = list(
        db.query(
            """SELECT claims.*, sources.text AS source_text, sources.title AS source_title,
                      sources.path AS source_path, sources.url AS source_url,
                      sources.published AS source_published
               FROM claims JOIN sources ON sources.id = claims.source_id WHERE claims.id = ?""",
            [claim_id],
        )
    )
    if not rows:
        raise UnknownIdError(f"no claim with id {claim_id}")
    claim = with_reasons(db, rows)[0]
    claim["is_checkworthy"] = bool(claim["is_checkworthy"])  # as `claims --json` gives it
    claim["values"] = list(
        db.query("SELECT * FROM claim_values WHERE claim_id = ? ORDER BY start_offset", [claim_id])
    )
    # A mention belongs to every claim whose span holds it (sub-claims of a sentence overlap).
    claim["mentions"] = list(
        db.query(
            """SELECT * FROM mentions WHERE source_id = ? AND start_offset >= ?
               AND end_offset <= ? ORDER BY start_offset""",
            [claim["source_id"], claim["start_offset"], claim["end_offset"]],
        )
    )
    # The same words in a repeated block of the source: shown, never counted as a second claim.
    claim["repeated_at"] = list(
        db.query(
            """SELECT repeat.seq, repeat.start_offset + (:start - original.start_offset) AS start,
                      repeat.start_offset + (:end - original.start_offset) AS end
               FROM passages AS original JOIN passages AS repeat
                 ON repeat.duplicate_of = original.id
               WHERE original.id = :passage""",
            {
                "start": claim["start_offset"],
                "end": claim["end_offset"],
                "passage": claim["passage_id"],
            },
        )
    )
    claim["findings"] = list(
        db.query("SELECT kind, detail FROM findings WHERE claim_id = ? ORDER BY id", [claim_id])
    )
    return claim
