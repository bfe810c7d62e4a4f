"""The whole pipeline as one call, in one transaction: ingest, then every later stage on what
changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.db import transaction
from factcheck.entities import EntityReport, resolve_entities
from factcheck.extract.stage import ExtractReport, extract_sources
from factcheck.ingest import IngestReport, ingest_paths
from factcheck.match import MatchReport, match_claims
from factcheck.verdict import VerdictReport, give_verdicts

ProgressCallback = Callable[[str, int, int], None]


@dataclass
class RunReport:
    ingest: IngestReport
    extract: ExtractReport
    entities: EntityReport | None
    match: MatchReport
    verdicts: VerdictReport


def run_pipeline(
    db: Database,
    paths: Iterable[str],
    *,
    progress: Callable[[str], ProgressCallback | None] = lambda stage: None,
) -> RunReport:
    """Ingest `paths`, extract claims from every source not yet extracted, resolve entities
    again if any source is new, then bring links and verdicts up to date."""
    with transaction(db):
        ingest = ingest_paths(db, paths, on_progress=progress("Ingesting"))
        extract = extract_sources(db, on_progress=progress("Extracting claims"))
        entities = resolve_entities(db) if extract.source_ids else None
        match = match_claims(db, on_progress=progress("Matching claims"))
        verdicts = give_verdicts(db)
    return RunReport(ingest, extract, entities, match, verdicts)
