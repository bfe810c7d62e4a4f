"""Ingest: files -> sources and passages in the ledger.

Reading and analysing happen before any write; the writes of one call happen in one transaction,
so an interrupted ingest leaves the ledger as it was. The same bytes twice add nothing; changed
bytes at a known path become a new version of that source.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from sqlite_utils import Database

from factcheck.db import now_iso, transaction
from factcheck.ingest.html import NotAnArticle, extract_article
from factcheck.ingest.metadata import SourceMetadata, read_metadata
from factcheck.ingest.passages import CLUTTER_KINDS, TITLE, Passage, split_passages
from factcheck.ingest.reading import RawDocument, Skipped, find_inputs, read_input

# A source whose body passages mostly appear in an earlier source is a copy of it.
COPY_SHARE = 0.6


@dataclass
class AnalysedSource:
    raw: RawDocument
    text: str
    passages: list[Passage]
    metadata: SourceMetadata
    languages: list[str]


@dataclass
class IngestOutcome:
    path: str
    status: str  # added | new_version | unchanged | skipped
    message: str
    source_id: int | None = None


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


def analyse(raw: RawDocument) -> AnalysedSource:
    """Passages, metadata and languages of one decoded document."""
    html_article = extract_article(raw.text) if raw.format == "html" else None
    text = html_article.text if html_article else raw.text
    passages = split_passages(text)
    title_passage = next((p for p in passages if p.kind == TITLE), None)
    title = (
        text[title_passage.start : title_passage.end].lstrip("#").strip() if title_passage else None
    )
    metadata = read_metadata(
        text, title, f"headline passage {title_passage.seq}" if title_passage else None
    )
    if html_article:
        for name, value in (
            ("title", html_article.title),
            ("url", html_article.url),
            ("published", html_article.published),
            ("outlet", html_article.sitename),
        ):
            if value:
                setattr(metadata, name, value)
                metadata.evidence[name] = "the page's own metadata"
    return AnalysedSource(raw, text, passages, metadata, source_languages(text, passages))


def source_languages(text: str, passages: list[Passage]) -> list[str]:
    """Languages of the source's non-clutter passages, most text first."""
    weights: dict[str, int] = {}
    for passage in passages:
        if passage.kind not in CLUTTER_KINDS and passage.lang:
            weights[passage.lang] = weights.get(passage.lang, 0) + passage.end - passage.start
    total = sum(weights.values()) or 1
    # A stray word in another language is not a language of the source.
    return [
        lang
        for lang in sorted(weights, key=lambda lang: -weights[lang])
        if weights[lang] / total >= 0.02
    ]


@dataclass
class PreparedInputs:
    """Inputs read and analysed, ready to store; the skipped ones already reported."""

    analysed: list[AnalysedSource]
    report: IngestReport


def analyse_input(item: str, *, stdin: BinaryIO | None = None) -> AnalysedSource | IngestOutcome:
    """Read and analyse one input, or say why it was skipped: a pure function of the file,
    which touches no ledger and can run in a worker process."""
    raw = read_input(item, stdin=stdin)
    if isinstance(raw, Skipped):
        return IngestOutcome(raw.path, "skipped", raw.reason)
    try:
        return analyse(raw)
    except NotAnArticle as error:
        return IngestOutcome(raw.path, "skipped", str(error))


def prepare_inputs(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> PreparedInputs:
    """Read and analyse files, folders and '-' without touching the ledger, so the slow part
    of ingesting holds no lock another factcheck process may be waiting for."""
    inputs = list(find_inputs(list(paths)))
    results: list[AnalysedSource | IngestOutcome] = []
    for index, item in enumerate(inputs, start=1):
        if on_progress:
            on_progress(item.path if isinstance(item, Skipped) else item, index, len(inputs))
        if isinstance(item, Skipped):
            results.append(IngestOutcome(item.path, "skipped", item.reason))
        else:
            results.append(analyse_input(item, stdin=stdin))
    return gather_prepared(results)


def gather_prepared(results: Iterable[AnalysedSource | IngestOutcome]) -> PreparedInputs:
    """The analysed inputs to store, in order, and a report already holding the skipped ones."""
    report = IngestReport()
    analysed: list[AnalysedSource] = []
    for result in results:
        if isinstance(result, IngestOutcome):
            report.outcomes.append(result)
        else:
            analysed.append(result)
    return PreparedInputs(analysed, report)


def store_inputs(db: Database, prepared: PreparedInputs) -> IngestReport:
    """Store analysed inputs in the ledger, in one transaction."""
    with transaction(db):
        for source in prepared.analysed:
            prepared.report.outcomes.append(store_source(db, source))
    return prepared.report


def ingest_paths(
    db: Database,
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> IngestReport:
    """Ingest files, folders and '-' (standard input) into the ledger, in one transaction."""
    return store_inputs(db, prepare_inputs(paths, stdin=stdin, on_progress=on_progress))


def store_source(db: Database, source: AnalysedSource) -> IngestOutcome:
    raw = source.raw
    same_bytes = db.execute(
        "SELECT id, path FROM sources WHERE sha256 = ? AND is_current = 1 LIMIT 1", [raw.sha256]
    ).fetchone()
    if same_bytes:
        where = "" if same_bytes[1] == raw.path else f" (same content as {same_bytes[1]})"
        return IngestOutcome(
            raw.path,
            "unchanged",
            f"already in the ledger as source {same_bytes[0]}{where}",
            same_bytes[0],
        )
    previous = None
    if raw.resolved_path:
        previous = db.execute(
            "SELECT id, version FROM sources WHERE resolved_path = ? AND is_current = 1",
            [raw.resolved_path],
        ).fetchone()
    metadata = source.metadata
    row = {
        "path": raw.path,
        "resolved_path": raw.resolved_path,
        "sha256": raw.sha256,
        "version": previous[1] + 1 if previous else 1,
        "previous_version_id": previous[0] if previous else None,
        "is_current": 1,
        "format": raw.format,
        "title": metadata.title,
        "outlet": metadata.outlet,
        "url": metadata.url,
        "published": metadata.published,
        "metadata_evidence": json.dumps(metadata.evidence, ensure_ascii=False),
        "languages": json.dumps(source.languages),
        "copy_of": None,
        "byte_size": raw.byte_size,
        "text": source.text,
        "ingested_at": now_iso(),
    }
    if previous:
        db.execute("UPDATE sources SET is_current = 0 WHERE id = ?", [previous[0]])
    source_id = db["sources"].insert(row).last_pk
    passage_ids: dict[int, int] = {}
    for passage in source.passages:
        passage_ids[passage.seq] = (
            db["passages"]
            .insert(
                {
                    "source_id": source_id,
                    "seq": passage.seq,
                    "start_offset": passage.start,
                    "end_offset": passage.end,
                    "lang": passage.lang,
                    "kind": passage.kind,
                    "kind_reason": passage.kind_reason,
                    "duplicate_of": passage_ids.get(passage.duplicate_of_seq or -1),
                    "text_hash": passage.text_hash,
                }
            )
            .last_pk
        )
    copy_of = find_copy_of(db, source_id)
    if copy_of:
        db.execute("UPDATE sources SET copy_of = ? WHERE id = ?", [copy_of, source_id])
    summary = describe(source, copy_of)
    if previous:
        return IngestOutcome(
            raw.path,
            "new_version",
            f"new version {row['version']} of source {previous[0]}: {summary}",
            source_id,
        )
    return IngestOutcome(raw.path, "added", summary, source_id)


def find_copy_of(db: Database, source_id: int) -> int | None:
    """An earlier current source holding most of this source's body passages word for word."""
    row = db.execute(
        """
        SELECT other.source_id, COUNT(DISTINCT mine.text_hash) AS shared,
               (SELECT COUNT(DISTINCT text_hash) FROM passages
                WHERE source_id = :source AND kind = 'body') AS total
        FROM passages AS mine
        JOIN passages AS other ON other.text_hash = mine.text_hash AND other.kind = 'body'
        JOIN sources ON sources.id = other.source_id AND sources.is_current = 1
        WHERE mine.source_id = :source AND mine.kind = 'body' AND other.source_id < :source
        GROUP BY other.source_id ORDER BY shared DESC LIMIT 1
        """,
        {"source": source_id},
    ).fetchone()
    if row and row[2] and row[1] / row[2] >= COPY_SHARE:
        return row[0]
    return None


def describe(source: AnalysedSource, copy_of: int | None) -> str:
    clutter = sum(1 for p in source.passages if p.kind in CLUTTER_KINDS)
    parts = [
        f"{len(source.passages)} passages ({clutter} clutter)",
        "languages " + (", ".join(source.languages) or "none"),
        f"published {source.metadata.published or 'unknown'}",
    ]
    if copy_of:
        parts.append(f"copy of source {copy_of}")
    return "; ".join(parts)
