"""The pipeline as one call, in one transaction: ingest, extract, resolve entities, match and
judge. Every command that changes claims runs the stages after it too, so the ledger never holds
claims without entities, links and verdicts brought up to date."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.db import transaction
from factcheck.entities.stage import EntityReport, resolve_entities
from factcheck.extract import PassageSpan
from factcheck.extract.stage import (
    ExtractReport,
    SourceExtraction,
    extract_sources,
    extract_text,
    text_key,
)
from factcheck.ingest.fetch import Fetcher
from factcheck.ingest.passages import CLAIM_BEARING_KINDS
from factcheck.ingest.reading import Skipped, read_input
from factcheck.ingest.stage import (
    AnalysedSource,
    Document,
    IngestOutcome,
    IngestReport,
    PreparedInputs,
    analyse_document,
    known_url_source,
    prepare_inputs,
    store_inputs,
)
from factcheck.match import MatchReport, match_claims
from factcheck.verdicts.carryover import CarryReport, carry_human_decisions
from factcheck.verdicts.stage import VerdictReport, give_verdicts

ProgressCallback = Callable[[str, int, int], None]
Progress = Callable[[str], ProgressCallback | None]


@dataclass
class RunReport:
    ingest: IngestReport | None
    extract: ExtractReport
    carried: CarryReport
    entities: EntityReport | None
    match: MatchReport
    verdicts: VerdictReport


# A worker process pays about two seconds to start (imports, models) and extraction reads about
# 0.25 MB a second, so by default a batch is shared out only from this size up.
MIN_BATCH_BYTES_FOR_WORKERS = 1024 * 1024


def no_progress(stage: str) -> None:
    return None


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(documents: list[Document], jobs: int | None) -> int:
    """How many worker processes to analyse `documents` on: `jobs` as asked (never more than one
    a document), or by default every core for a batch large enough to repay the workers' start."""
    if jobs is None:
        size = sum(raw.byte_size for raw, _ in documents)
        jobs = cores() if size >= MIN_BATCH_BYTES_FOR_WORKERS else 1
    return min(jobs, len(documents)) if len(documents) > 1 else 1


@dataclass
class PreparedFile:
    """Everything factcheck derives from one input without the ledger."""

    analysed: AnalysedSource | IngestOutcome  # an outcome when the input was skipped
    extraction: SourceExtraction | None


def prepare_document(document: Document) -> PreparedFile:
    """Analyse and extract one read document: a pure function of it (no ledger, no state), so a
    batch can be mapped over worker processes, or over a cluster's partitions."""
    analysed = analyse_document(document)
    if isinstance(analysed, IngestOutcome):
        return PreparedFile(analysed, None)
    spans = [
        PassageSpan(passage.start, passage.end, passage.lang or "und")
        for passage in analysed.passages
        if passage.kind in CLAIM_BEARING_KINDS
    ]
    extraction = extract_text(analysed.text, spans, analysed.metadata.published)
    return PreparedFile(analysed, extraction)


def prepare_file(path: str) -> PreparedFile:
    """`prepare_document` of a local file, read as `ingest` reads it."""
    raw = read_input(path)
    if isinstance(raw, Skipped):
        return PreparedFile(IngestOutcome(raw.path, "skipped", raw.reason), None)
    return prepare_document((raw, None))


def ignore_ctrl_c() -> None:
    """Workers leave Ctrl-C to the main process, which stops them and rolls back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def prepare_documents(documents: list[Document], jobs: int | None) -> Iterator[PreparedFile]:
    """`prepare_document` over `documents`, in order, on as many workers as `workers_for` says."""
    workers = workers_for(documents, jobs)
    if workers <= 1:
        yield from map(prepare_document, documents)
        return
    # spawn, not fork: the parent may hold BLAS and SQLite threads that a fork would copy stuck.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=ignore_ctrl_c) as pool:
        yield from pool.imap(prepare_document, documents, chunksize=2)


def run_pipeline(
    db: Database,
    paths: Iterable[str],
    *,
    feeds: Iterable[str] = (),
    fetcher: Fetcher | None = None,
    progress: Progress = no_progress,
    follow_links: bool = False,
    jobs: int | None = 1,
    semantic: bool = False,
) -> RunReport:
    """Ingest `paths` (files, folders, URLs) and the entries of `feeds`, then extract claims
    from every source not yet extracted and update everything after it. What was read is
    analysed and extracted on `jobs` worker processes (None: as many as pay) before the ledger
    is written. `semantic` adds the optional sentence encoder to matching."""
    prepared: list[PreparedFile] = []

    def analyse_all(documents: list[Document]) -> Iterator[AnalysedSource | IngestOutcome]:
        update = progress("Analysing and extracting")
        for index, file in enumerate(prepare_documents(documents, jobs), start=1):
            analysed = file.analysed
            if update:
                path = analysed.path if isinstance(analysed, IngestOutcome) else analysed.raw.path
                update(path, index, len(documents))
            prepared.append(file)
            yield analysed

    inputs = prepare_inputs(
        paths,
        feeds=feeds,
        fetcher=fetcher,
        on_progress=progress("Reading"),
        known_url=lambda url: known_url_source(db, url),
        follow_links=follow_links,
        analyse_all=analyse_all,
    )
    extractions = extractions_of(prepared)
    prepared.clear()  # what is stored is in `inputs` and `extractions`, which storing empties
    return store_and_update(db, inputs, extractions, progress, semantic=semantic)


def extractions_of(files: Iterable[PreparedFile]) -> dict[str, SourceExtraction]:
    return {
        text_key(file.analysed.text): file.extraction
        for file in files
        if isinstance(file.analysed, AnalysedSource) and file.extraction
    }


def store_prepared(
    db: Database, files: Iterable[PreparedFile], *, progress: Progress = no_progress
) -> RunReport:
    """Write files prepared anywhere (`prepare_file` in a worker, or over a cluster's
    partitions) to the ledger as `run` writes them, with the extractions they carry."""
    files = list(files)
    outcomes = [file.analysed for file in files if isinstance(file.analysed, IngestOutcome)]
    analysed = [file.analysed for file in files if isinstance(file.analysed, AnalysedSource)]
    inputs = PreparedInputs(analysed, IngestReport(outcomes))
    extractions = extractions_of(files)
    del files, analysed  # storing empties `inputs` and `extractions`: nothing else holds them
    return store_and_update(db, inputs, extractions, progress)


def store_and_update(
    db: Database,
    inputs: PreparedInputs,
    extractions: dict[str, SourceExtraction],
    progress: Progress,
    *,
    semantic: bool = False,
) -> RunReport:
    """Store what was read and analysed, then extract (using `extractions` where they fit) and
    bring every later stage up to date, in one transaction. `inputs.analysed` and `extractions`
    are emptied once stored: a batch of 3,000 articles holds over 100 MB of them, which matching
    and verdicts should not carry."""
    with transaction(db):
        ingest = store_inputs(db, inputs)
        inputs.analysed.clear()
        report = extract_and_update(
            db, progress=progress, precomputed=extractions, semantic=semantic
        )
    report.ingest = ingest
    return report


def extract_and_update(
    db: Database,
    source_ids: list[int] | None = None,
    *,
    discard_reviews: bool = False,
    progress: Progress = no_progress,
    precomputed: dict[str, SourceExtraction] | None = None,
    semantic: bool = False,
) -> RunReport:
    """Extract claims (from `source_ids`, or every source not yet extracted), resolve entities
    again if any claims changed, then bring links and verdicts up to date. `precomputed` is
    emptied once its extractions are stored."""
    with transaction(db):
        extract = extract_sources(
            db,
            source_ids,
            on_progress=progress("Extracting claims"),
            discard_reviews=discard_reviews,
            precomputed=precomputed,
        )
        if precomputed:
            precomputed.clear()  # stored now; the later stages read the ledger
        # Before entities and verdicts are decided again, so both see the carried decisions.
        carried = carry_human_decisions(db, extract.source_ids)
        entities = resolve_entities(db) if extract.source_ids else None
        match, verdicts = check_claims(db, progress=progress, semantic=semantic)
    return RunReport(None, extract, carried, entities, match, verdicts)


def check_claims(
    db: Database, *, progress: Progress = no_progress, semantic: bool = False
) -> tuple[MatchReport, VerdictReport]:
    """Match claims across sources and give verdicts again (after any change to claims or
    entities), in one transaction."""
    with transaction(db):
        match = match_claims(db, on_progress=progress("Matching claims"), semantic=semantic)
        return match, give_verdicts(db)
