"""The ingest stage: files, URLs and feeds -> sources and passages (reading.py finds and decodes
inputs, fetch.py, feeds.py and documents.py bring in pages, feeds, PDF and DOCX, html.py and
passages.py read an article, metadata.py its title, outlet and date, stage.py writes the ledger,
queries.py reads it back)."""

from factcheck.lazy import lazy_exports

_STAGE = "factcheck.ingest.stage"
_EXPORTS = {
    name: _STAGE
    for name in (
        "AnalysedSource",
        "IngestOutcome",
        "IngestReport",
        "PreparedInputs",
        "analyse",
        "ingest_paths",
        "known_url_source",
        "prepare_inputs",
        "store_inputs",
    )
}

__all__ = list(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
