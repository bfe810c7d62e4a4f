"""The ingest stage: files, URLs and feeds -> sources and passages (stage.py writes the ledger;
reading, fetch, html, documents, metadata and passages are pure; queries.py reads back)."""

from factcheck.ingest.stage import (
    AnalysedSource,
    IngestOutcome,
    IngestReport,
    PreparedInputs,
    analyse,
    ingest_paths,
    known_url_source,
    prepare_inputs,
    store_inputs,
)

__all__ = [
    "AnalysedSource",
    "IngestOutcome",
    "IngestReport",
    "PreparedInputs",
    "analyse",
    "ingest_paths",
    "known_url_source",
    "prepare_inputs",
    "store_inputs",
]
