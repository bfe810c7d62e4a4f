"""The pipeline as one call, in one transaction: ingest, extract, resolve entities, match and
judge. Every command that changes claims runs the stages after it too, so the ledger never holds
claims without entities, links and verdicts brought up to date."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

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
from factcheck.ingest import (
    AnalysedSource,
    IngestOutcome,
    IngestReport,
    analyse_input,
    gather_prepared,
    store_inputs,
)
from factcheck.ingest.passages import CLAIM_BEARING_KINDS
from factcheck.ingest.reading import STDIN_PATH, Skipped, find_inputs
from factcheck.match import MatchReport, match_claims
from factcheck.verdicts.stage import VerdictReport, give_verdicts

ProgressCallback = Callable[[str, int, int], None]
Progress = Callable[[str], ProgressCallback | None]


@dataclass
class RunReport:
    ingest: IngestReport | None
    extract: ExtractReport
    entities: EntityReport | None
    match: MatchReport
    verdicts: VerdictReport


# A worker process pays about two seconds to start (imports, models) and extraction reads about
# 0.25 MB a second, so by default a batch is shared out only from this size up.
MIN_BATCH_BYTES_FOR_WORKERS = 1024 * 1024


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(files: list[str], jobs: int | None) -> int:
    """How many worker processes to prepare `files` on: `jobs` as asked (never more than one a
    file), or by default every core for a batch large enough to repay the workers' start."""
    if jobs is None:
        size = sum(os.path.getsize(path) for path in files if os.path.isfile(path))
        jobs = cores() if size >= MIN_BATCH_BYTES_FOR_WORKERS else 1
    return min(jobs, len(files)) if len(files) > 1 else 1


def no_progress(stage: str) -> None:
    return None


@dataclass
class PreparedFile:
    """Everything factcheck derives from one input without the ledger."""

    analysed: AnalysedSource | IngestOutcome  # an outcome when the input was skipped
    extraction: SourceExtraction | None


def prepare_file(path: str, stdin: BinaryIO | None = None) -> PreparedFile:
    """Read, analyse and extract one input: a pure function of the file (no ledger, no state),
    so a batch can be mapped over worker processes, or over a cluster's partitions."""
    analysed = analyse_input(path, stdin=stdin)
    if isinstance(analysed, IngestOutcome):
        return PreparedFile(analysed, None)
    spans = [
        PassageSpan(passage.start, passage.end, passage.lang or "und")
        for passage in analysed.passages
        if passage.kind in CLAIM_BEARING_KINDS
    ]
    extraction = extract_text(analysed.text, spans, analysed.metadata.published)
    return PreparedFile(analysed, extraction)


def ignore_ctrl_c() -> None:
    """Workers leave Ctrl-C to the main process, which stops them and rolls back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def prepare_files(
    paths: Iterable[str],
    *,
    jobs: int | None = 1,
    stdin: BinaryIO | None = None,
    on_progress: ProgressCallback | None = None,
) -> list[PreparedFile]:
    """`prepare_file` over every input, in input order, on `jobs` worker processes (None: as
    many as pay, see `workers_for`)."""
    inputs = list(find_inputs(list(paths)))
    files = [item for item in inputs if isinstance(item, str) and item != STDIN_PATH]
    workers = workers_for(files, jobs)
    pooled = workers > 1
    from_workers = iter(map_files(files, workers) if pooled else ())
    prepared: list[PreparedFile] = []
    for index, item in enumerate(inputs, start=1):
        if on_progress:
            on_progress(item.path if isinstance(item, Skipped) else item, index, len(inputs))
        if isinstance(item, Skipped):
            prepared.append(PreparedFile(IngestOutcome(item.path, "skipped", item.reason), None))
        elif pooled and item != STDIN_PATH:
            prepared.append(next(from_workers))
        else:
            prepared.append(prepare_file(item, stdin))
    return prepared


def map_files(files: list[str], jobs: int) -> Iterator[PreparedFile]:
    """`prepare_file` over `files` on `jobs` worker processes, results in order as they come."""
    # spawn, not fork: the parent may hold BLAS and SQLite threads that a fork would copy stuck.
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=ignore_ctrl_c) as pool:
        yield from pool.imap(prepare_file, files, chunksize=2)


def run_pipeline(
    db: Database,
    paths: Iterable[str],
    *,
    progress: Progress = no_progress,
    jobs: int | None = 1,
) -> RunReport:
    """Ingest `paths`, then extract claims from every source not yet extracted and update
    everything after it. Reading, analysing and extracting the files runs on `jobs` processes
    before the ledger is written."""
    files = prepare_files(paths, jobs=jobs, on_progress=progress("Reading and extracting"))
    return store_prepared(db, files, progress=progress)


def store_prepared(
    db: Database, files: Iterable[PreparedFile], *, progress: Progress = no_progress
) -> RunReport:
    """Write prepared files (from `prepare_file`, wherever it ran) to the ledger and bring every
    later stage up to date, in one transaction."""
    files = list(files)
    prepared = gather_prepared(file.analysed for file in files)
    extractions = {
        text_key(file.analysed.text): file.extraction
        for file in files
        if isinstance(file.analysed, AnalysedSource) and file.extraction
    }
    with transaction(db):
        ingest = store_inputs(db, prepared)
        report = extract_and_update(db, progress=progress, precomputed=extractions)
    report.ingest = ingest
    return report


def extract_and_update(
    db: Database,
    source_ids: list[int] | None = None,
    *,
    discard_reviews: bool = False,
    progress: Progress = no_progress,
    precomputed: dict[str, SourceExtraction] | None = None,
) -> RunReport:
    """Extract claims (from `source_ids`, or every source not yet extracted), resolve entities
    again if any claims changed, then bring links and verdicts up to date."""
    with transaction(db):
        extract = extract_sources(
            db,
            source_ids,
            on_progress=progress("Extracting claims"),
            discard_reviews=discard_reviews,
            precomputed=precomputed,
        )
        entities = resolve_entities(db) if extract.source_ids else None
        match, verdicts = check_claims(db, progress=progress)
    return RunReport(None, extract, entities, match, verdicts)


def check_claims(
    db: Database, *, progress: Progress = no_progress
) -> tuple[MatchReport, VerdictReport]:
    """Match claims across sources and give verdicts again (after any change to claims or
    entities), in one transaction."""
    with transaction(db):
        match = match_claims(db, on_progress=progress("Matching claims"))
        return match, give_verdicts(db)
