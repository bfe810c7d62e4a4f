"""The extract stage: the body passages of each source in the ledger -> claims, their values,
entity mentions and the findings seen on the way.

Only sources not yet extracted are read, so a re-run after new sources arrive touches only those.
Passages that repeat an earlier block of the same source give no claims (they are not evidence
twice); clutter gives none either.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from factcheck.db import insert_rows, now_iso, store_reason_texts, transaction
from factcheck.entities.mentions import Mention, find_source_mentions
from factcheck.extract import ExtractedClaim, PassageSpan, extract_claims
from factcheck.extract.continuity import EarlierClaim, continued_claims
from factcheck.ingest.passages import CLAIM_BEARING_KINDS
from factcheck.text.offsets import OffsetMap


@dataclass
class SourceExtraction:
    """What one source's text gives: claims and mentions, with the inputs they were read from."""

    spans: list[PassageSpan]
    published: str | None
    claims: list[ExtractedClaim]
    mentions: list[Mention]


def extract_text(text: str, spans: list[PassageSpan], published: str | None) -> SourceExtraction:
    """Claims and mentions of one source's claim-bearing passages: a pure function of its text,
    so it can run in a worker process before the ledger is touched."""
    published_on = datetime.date.fromisoformat(published) if published else None
    mentions = find_source_mentions(text, [(span.start, span.end, span.lang) for span in spans])
    claims = extract_claims(text, spans, published_on, mentions)
    return SourceExtraction(spans, published, claims, mentions)


def text_key(text: str) -> str:
    """How a precomputed extraction is found again for the source holding `text`."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class ExtractReport:
    source_ids: list[int] = field(default_factory=list)
    claims: int = 0
    checkworthy: int = 0
    findings: int = 0


def pending_source_ids(db: Database) -> list[int]:
    return [
        row[0]
        for row in db.execute(
            "SELECT id FROM sources WHERE is_current = 1 AND extracted_at IS NULL ORDER BY id"
        )
    ]


class ReviewedSourceError(Exception):
    """Extracting a source afresh would discard a reviewer's verdicts on its claims."""


def extract_sources(
    db: Database,
    source_ids: list[int] | None = None,
    *,
    on_progress: Callable[[str, int, int], None] | None = None,
    discard_reviews: bool = False,
    precomputed: dict[str, SourceExtraction] | None = None,
) -> ExtractReport:
    """Extract claims from the given sources (default: every source not yet extracted), in one
    transaction. A source extracted before is extracted afresh: its old claims are replaced,
    which a source with human reviews allows only with `discard_reviews`. `precomputed` holds
    extractions already made (by worker processes), by `text_key` of the source's text; one is
    used only if it was made from the same passages and date the ledger holds."""
    report = ExtractReport()
    ids = pending_source_ids(db) if source_ids is None else source_ids
    if not discard_reviews:
        for source_id in ids:
            reviews = db.execute(
                """SELECT COUNT(*) FROM verdicts JOIN claims ON claims.id = verdicts.claim_id
                   WHERE claims.source_id = ? AND verdicts.decided_by <> 'auto'""",
                [source_id],
            ).fetchone()[0]
            if reviews:
                raise ReviewedSourceError(
                    f"source {source_id} has {reviews} human review(s) that extracting it afresh "
                    "would discard; use --discard-reviews to do it anyway"
                )
    with transaction(db):
        for index, source_id in enumerate(ids, start=1):
            if on_progress:
                on_progress(f"source {source_id}", index, len(ids))
            claims = extract_source(db, source_id, precomputed or {})
            report.source_ids.append(source_id)
            report.claims += len(claims)
            report.checkworthy += sum(1 for claim in claims if claim.checkworthiness.is_checkworthy)
            report.findings += sum(len(claim.findings) for claim in claims)
    return report


def extract_source(
    db: Database, source_id: int, precomputed: dict[str, SourceExtraction]
) -> list[ExtractedClaim]:
    text, published, previous_version = db.execute(
        "SELECT text, published, previous_version_id FROM sources WHERE id = ?", [source_id]
    ).fetchone()
    passages = list(
        db.execute(
            f"""SELECT id, start_offset, end_offset, lang FROM passages
                WHERE source_id = ? AND kind IN ({",".join("?" * len(CLAIM_BEARING_KINDS))})
                ORDER BY seq""",
            [source_id, *sorted(CLAIM_BEARING_KINDS)],
        )
    )
    own = earlier_claims(db, source_id)
    # The next version's claims that continue these: deleting them clears the link.
    successors = list(
        db.execute(
            """SELECT later.id, later.previous_claim_id FROM claims AS later
               JOIN claims AS mine ON mine.id = later.previous_claim_id
               WHERE mine.source_id = ?""",
            [source_id],
        )
    )
    db.execute("DELETE FROM findings WHERE source_id = ? AND stage = 'extract'", [source_id])
    db.execute("DELETE FROM claims WHERE source_id = ?", [source_id])
    db.execute("DELETE FROM mentions WHERE source_id = ?", [source_id])
    spans = [PassageSpan(start, end, lang or "und") for _, start, end, lang in passages]
    extraction = precomputed.get(text_key(text))
    if extraction is None or (extraction.spans, extraction.published) != (spans, published):
        extraction = extract_text(text, spans, published)
    claims, mentions = extraction.claims, extraction.mentions
    kept_ids = continued_claims(own, claims, OffsetMap.unchanged(len(text)))
    previous_ids: list[int | None] = [None] * len(claims)
    if previous_version is not None:
        old_text = db.execute(
            "SELECT text FROM sources WHERE id = ?", [previous_version]
        ).fetchone()[0]
        previous_ids = continued_claims(
            earlier_claims(db, previous_version), claims, OffsetMap.between(old_text, text)
        )
    now = now_iso()
    fresh_from = max((claim.id for claim in own), default=0) + 1
    claim_ids = store_claims(
        db, source_id, passages, claims, now, kept_ids, previous_ids, fresh_from
    )
    kept = set(claim_ids)
    db.conn.executemany(
        "UPDATE claims SET previous_claim_id = ? WHERE id = ?",
        [(mine, later) for later, mine in successors if mine in kept],
    )
    claim_spans = [
        (claim.end - claim.start, claim_id, claim.start)
        for claim, claim_id in zip(claims, claim_ids, strict=True)
    ]
    store_mentions(db, source_id, mentions, claim_spans)
    db.execute("UPDATE sources SET extracted_at = ? WHERE id = ?", [now, source_id])
    return claims


def earlier_claims(db: Database, source_id: int) -> list[EarlierClaim]:
    return [
        EarlierClaim(*row)
        for row in db.execute(
            "SELECT id, start_offset, end_offset, text FROM claims WHERE source_id = ?",
            [source_id],
        )
    ]


def store_mentions(
    db: Database, source_id: int, mentions: list[Mention], claim_spans: list[tuple[int, int, int]]
) -> None:
    """The source's entity mentions, each tied to the smallest claim that contains it (if any).

    Mentions are found over the whole source rather than claim by claim, so that a short
    reference is recognised from a full name given earlier in the article."""
    smallest_first = sorted(claim_spans)
    rows = []
    for mention in mentions:
        claim_id = next(
            (
                claim_id
                for length, claim_id, start in smallest_first
                if start <= mention.start and mention.end <= start + length
            ),
            None,
        )
        rows.append(
            (
                source_id,
                claim_id,
                mention.start,
                mention.end,
                mention.text,
                mention.type,
                mention.lang,
                mention.match_form,
                mention.role,
            )
        )
    insert_rows(db, "mentions", MENTION_COLUMNS, rows)


MENTION_COLUMNS = (
    "source_id",
    "claim_id",
    "start_offset",
    "end_offset",
    "text",
    "type",
    "lang",
    "match_form",
    "role",
)
CLAIM_COLUMNS = (
    "id",
    "source_id",
    "passage_id",
    "start_offset",
    "end_offset",
    "sentence_start",
    "sentence_end",
    "text",
    "lang",
    "kind",
    "modality",
    "subject",
    "predicate",
    "object",
    "attributed_to",
    "score",
    "is_checkworthy",
    "reason_ids",
    "previous_claim_id",
)
VALUE_COLUMNS = (
    "claim_id",
    "kind",
    "start_offset",
    "end_offset",
    "text",
    "value",
    "normalized",
    "unit",
    "is_approximate",
    "is_relative",
    "speaker",
)
FINDING_COLUMNS = (
    "kind",
    "detail",
    "stage",
    "source_id",
    "claim_id",
    "forms",
    "locations",
    "created_at",
)


def store_claims(
    db: Database,
    source_id: int,
    passages: list[tuple[int, int, int, str | None]],
    claims: list[ExtractedClaim],
    now: str,
    kept_ids: list[int | None],
    previous_ids: list[int | None],
    fresh_from: int = 1,
) -> list[int]:
    """Write one source's claims with their values and findings, a statement per table; the
    claims' ids, in order. `passages` are the source's claim-bearing (id, start, end, lang).
    A claim keeps its id from `kept_ids` where it has one (the same statement extracted
    before); the others get ids above every claim's and `fresh_from`, so an id once published
    is not handed to another statement of this source. `previous_ids` name the claims of the
    source's previous version that they continue."""
    next_id = max(
        fresh_from, db.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0]
    )
    claim_ids = []
    for kept in kept_ids:
        if kept is None:
            kept, next_id = next_id, next_id + 1
        claim_ids.append(kept)
    claim_rows, value_rows, finding_rows = [], [], []
    # Each distinct reason is stored once (reason_texts); a claim keeps the list of their ids.
    reason_lists = [[*claim.checkworthiness.reasons, *claim.reasons] for claim in claims]
    text_ids = iter(store_reason_texts(db, [text for texts in reason_lists for text in texts]))
    reason_ids = [
        json.dumps([next(text_ids) for _ in texts], separators=(",", ":")) for texts in reason_lists
    ]
    for claim_id, claim, previous_id, reasons in zip(
        claim_ids, claims, previous_ids, reason_ids, strict=True
    ):
        passage_id = next(pid for pid, start, end, _ in passages if start <= claim.start < end)
        checkworthiness = claim.checkworthiness
        claim_rows.append(
            (
                claim_id,
                source_id,
                passage_id,
                claim.start,
                claim.end,
                claim.sentence_start,
                claim.sentence_end,
                claim.text,
                claim.lang,
                claim.kind,
                claim.modality,
                claim.subject,
                claim.predicate,
                claim.object,
                claim.source,
                round(checkworthiness.score, 4),
                int(checkworthiness.is_checkworthy),
                reasons,
                previous_id,
            )
        )
        value_rows.extend(
            (
                claim_id,
                value.kind,
                value.start,
                value.end,
                value.text,
                value.value,
                value.normalized,
                value.unit,
                int(value.is_approximate),
                int(value.is_relative),
                value.speaker,
            )
            for value in claim.values
        )
        finding_rows.extend(
            (
                finding.kind,
                finding.detail,
                "extract",
                source_id,
                claim_id,
                "[]",
                json.dumps([{"source_id": source_id, "start": finding.start, "end": finding.end}]),
                now,
            )
            for finding in claim.findings
        )
    insert_rows(db, "claims", CLAIM_COLUMNS, claim_rows)
    insert_rows(db, "claim_values", VALUE_COLUMNS, value_rows)
    insert_rows(db, "findings", FINDING_COLUMNS, finding_rows)
    return claim_ids
