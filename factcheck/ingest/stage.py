"""Ingest: files, URLs and feeds -> sources and passages in the ledger.

Reading and analysing happen before any write; the writes of one call happen in one transaction,
so an interrupted ingest leaves the ledger as it was. The same bytes twice add nothing; changed
bytes at a known path (or URL) become a new version of that source. A page, PDF or DOCX keeps the
bytes its text was read from as the source's snapshot.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from sqlite_utils import Database

from factcheck.db import insert_row, insert_rows, now_iso, transaction
from factcheck.ingest.documents import page_of
from factcheck.ingest.feeds import FeedEntry, apply_feed_entry, read_feed
from factcheck.ingest.fetch import Fetcher, fetched_document
from factcheck.ingest.html import NotAnArticle, extract_article
from factcheck.ingest.metadata import SourceMetadata, read_metadata
from factcheck.ingest.passages import (
    CLUTTER_KINDS,
    MAX_PASSAGES_PER_SOURCE,
    TITLE,
    Passage,
    split_passages_counted,
)
from factcheck.ingest.reading import RawDocument, Skipped, find_inputs, is_url, read_input

# A source whose body passages mostly appear in an earlier source is a copy of it.
COPY_SHARE = 0.6


@dataclass
class AnalysedSource:
    raw: RawDocument
    text: str
    passages: list[Passage]
    metadata: SourceMetadata
    languages: list[str]
    passages_found: int = 0  # before the cap: more than len(passages) when it was reached


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
    passages, found = split_passages_counted(text)
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
    if raw.fetch and not metadata.url:
        metadata.url = raw.fetch.final_url
        metadata.evidence["url"] = f"the URL it was fetched from, {raw.fetch.fetched_at}"
    return AnalysedSource(raw, text, passages, metadata, source_languages(text, passages), found)


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


Document = tuple[RawDocument, FeedEntry | None]  # what was read, and the feed entry it came from


def analyse_document(document: Document) -> AnalysedSource | IngestOutcome:
    """Analyse one read document, or say why it is not an article: a pure function of what was
    read, which touches no ledger and can run in a worker process."""
    raw, entry = document
    try:
        source = analyse(raw)
    except NotAnArticle as error:
        return IngestOutcome(raw.path, "skipped", str(error))
    if entry:
        apply_feed_entry(source.metadata, entry)
    return source


def analyse_in_order(documents: list[Document]) -> Iterable[AnalysedSource | IngestOutcome]:
    return map(analyse_document, documents)


def prepare_inputs(
    paths: Iterable[str],
    *,
    feeds: Iterable[str] = (),
    stdin: BinaryIO | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
    fetcher: Fetcher | None = None,
    known_url: Callable[[str], int | None] | None = None,
    follow_links: bool = False,
    analyse_all: Callable[
        [list[Document]], Iterable[AnalysedSource | IngestOutcome]
    ] = analyse_in_order,
) -> PreparedInputs:
    """Read (or fetch) and analyse files, folders, '-', URLs and the entries of feeds without
    writing to the ledger, so the slow part of ingesting holds no lock another factcheck process
    may be waiting for. `known_url` names the source already fetched from a URL, so a feed's
    known entries are skipped without being fetched again. Everything is read first, then
    `analyse_all` analyses what was read (in order; the pipeline shares it out to workers)."""
    inputs: list[str | Skipped | FeedEntry] = list(
        find_inputs(list(paths), follow_links=follow_links)
    )
    # Each input's place: an outcome already (skipped, known), or a document to analyse.
    read: list[IngestOutcome | Document] = []
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()  # connects only when a URL is given
    try:
        for given in feeds:
            feed = read_feed(given, fetcher)
            if isinstance(feed, Skipped):
                read.append(IngestOutcome(feed.path, "skipped", feed.reason))
                continue
            read.extend(IngestOutcome(item.path, "skipped", item.reason) for item in feed.skipped)
            inputs.extend(feed.entries)
        for index, item in enumerate(inputs, start=1):
            name = item.path if isinstance(item, Skipped) else getattr(item, "link", item)
            if on_progress:
                on_progress(str(name), index, len(inputs))
            read.append(read_item(item, fetcher, stdin, known_url))
    finally:
        if own_fetcher:
            fetcher.close()
    documents = [item for item in read if not isinstance(item, IngestOutcome)]
    analysed = iter(analyse_all(documents))
    report = IngestReport()
    sources: list[AnalysedSource] = []
    for item in read:
        result = item if isinstance(item, IngestOutcome) else next(analysed)
        if isinstance(result, IngestOutcome):
            report.outcomes.append(result)
        else:
            sources.append(result)
    return PreparedInputs(sources, report)


def read_item(
    item: str | Skipped | FeedEntry,
    fetcher: Fetcher,
    stdin: BinaryIO | None,
    known_url: Callable[[str], int | None] | None,
) -> IngestOutcome | Document:
    """One input read (or fetched), or the outcome that says why there is nothing to analyse."""
    if isinstance(item, Skipped):
        return IngestOutcome(item.path, "skipped", item.reason)
    entry = item if isinstance(item, FeedEntry) else None
    if entry:
        known = known_url(entry.link) if known_url else None
        if known is not None:
            return IngestOutcome(
                entry.link,
                "unchanged",
                f"known entry of feed {entry.feed}: already source {known}, not fetched again",
                known,
            )
    raw = read_one(entry.link if entry else str(item), fetcher, stdin)
    if isinstance(raw, Skipped):
        return IngestOutcome(raw.path, "skipped", raw.reason)
    return raw, entry


def read_one(given: str, fetcher: Fetcher, stdin: BinaryIO | None) -> RawDocument | Skipped:
    """A file, '-' or a URL, read into a document."""
    if not is_url(given):
        return read_input(given, stdin=stdin)
    fetched = fetcher.fetch(given)
    if isinstance(fetched, Skipped):
        return fetched
    return fetched_document(fetched)


def known_url_source(db: Database, url: str) -> int | None:
    """The current source fetched from `url` (as asked, or after redirects), if any."""
    row = db.execute(
        """SELECT id FROM sources WHERE is_current = 1 AND (requested_url = ? OR final_url = ?)
           ORDER BY id LIMIT 1""",
        [url, url],
    ).fetchone()
    return row[0] if row else None


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
    feeds: Iterable[str] = (),
    stdin: BinaryIO | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
    fetcher: Fetcher | None = None,
    follow_links: bool = False,
) -> IngestReport:
    """Ingest files, folders, '-' (standard input), URLs and the entries of feeds into the
    ledger, in one transaction."""
    prepared = prepare_inputs(
        paths,
        feeds=feeds,
        stdin=stdin,
        on_progress=on_progress,
        fetcher=fetcher,
        known_url=lambda url: known_url_source(db, url),
        follow_links=follow_links,
    )
    return store_inputs(db, prepared)


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
    fetch = raw.fetch
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
        "snapshot_sha256": keep_snapshot(db, raw.snapshot) if raw.snapshot is not None else None,
        "requested_url": fetch.requested_url if fetch else None,
        "final_url": fetch.final_url if fetch else None,
        "fetched_at": fetch.fetched_at if fetch else None,
        "http_status": fetch.http_status if fetch else None,
        "content_type": fetch.content_type if fetch else None,
        "last_modified": fetch.last_modified if fetch else None,
        "etag": fetch.etag if fetch else None,
    }
    if previous:
        db.execute("UPDATE sources SET is_current = 0 WHERE id = ?", [previous[0]])
    source_id = insert_row(db, "sources", row)
    store_passages(db, source_id, source.passages, raw.page_starts)
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


PASSAGE_COLUMNS = (
    "id",
    "source_id",
    "seq",
    "start_offset",
    "end_offset",
    "lang",
    "kind",
    "kind_reason",
    "duplicate_of",
    "text_hash",
    "page",
)


def store_passages(
    db: Database,
    source_id: int,
    passages: list[Passage],
    page_starts: tuple[tuple[int, int], ...],
) -> None:
    """Write a source's passages in one statement; ids are given here so that a repeated block
    can point at the id of the passage it repeats."""
    first_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM passages").fetchone()[0]
    passage_ids = {passage.seq: first_id + index for index, passage in enumerate(passages)}
    insert_rows(
        db,
        "passages",
        PASSAGE_COLUMNS,
        (
            (
                passage_ids[passage.seq],
                source_id,
                passage.seq,
                passage.start,
                passage.end,
                passage.lang,
                passage.kind,
                passage.kind_reason,
                passage_ids.get(passage.duplicate_of_seq or -1),
                passage.text_hash,
                page_of(page_starts, passage.start),
            )
            for passage in passages
        ),
    )


def keep_snapshot(db: Database, content: bytes) -> str:
    """Keep bytes once per content; their SHA-256 names them."""
    digest = hashlib.sha256(content).hexdigest()
    db.execute(
        """INSERT OR IGNORE INTO snapshots (sha256, content, byte_size, kept_at)
           VALUES (?, ?, ?, ?)""",
        [digest, content, len(content), now_iso()],
    )
    return digest


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
    if source.passages_found > len(source.passages):
        parts.append(
            f"only the first {len(source.passages):,} of its {source.passages_found:,} passages "
            f"kept (at most {MAX_PASSAGES_PER_SOURCE:,} a source)"
        )
    return "; ".join(parts)
