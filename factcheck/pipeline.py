"""The pipeline as one call, in one transaction: ingest, extract, resolve entities, match and
judge. Every command that changes claims runs the stages after it too, so the ledger never holds
claims without entities, links and verdicts brought up to date."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.db import transaction
from factcheck.entities.stage import EntityReport, resolve_entities
from factcheck.extract.stage import ExtractReport, extract_sources
from factcheck.ingest import IngestReport, prepare_inputs, store_inputs
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


def no_progress(stage: str) -> None:
    return None


def run_pipeline(
    db: Database, paths: Iterable[str], *, progress: Progress = no_progress
) -> RunReport:
    """Ingest `paths`, then extract claims from every source not yet extracted and update
    everything after it."""
    prepared = prepare_inputs(paths, on_progress=progress("Ingesting"))
    with transaction(db):
        ingest = store_inputs(db, prepared)
        report = extract_and_update(db, progress=progress)
    report.ingest = ingest
    return report


def extract_and_update(
    db: Database,
    source_ids: list[int] | None = None,
    *,
    discard_reviews: bool = False,
    progress: Progress = no_progress,
) -> RunReport:
    """Extract claims (from `source_ids`, or every source not yet extracted), resolve entities
    again if any claims changed, then bring links and verdicts up to date."""
    with transaction(db):
        extract = extract_sources(
            db,
            source_ids,
            on_progress=progress("Extracting claims"),
            discard_reviews=discard_reviews,
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
