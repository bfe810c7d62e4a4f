"""factcheck: a fact-checking workbench for the terminal.

The public API, for a notebook or a test: `open_ledger`, `run_pipeline` and each stage's entry
point, the report and export builders, the language registry, and the name comparison. Each is
imported on first use, so `import factcheck` (and so `factcheck --help`) stays cheap.
"""

from __future__ import annotations

from factcheck.lazy import lazy_exports

__version__ = "0.1.0"


# name -> the module that defines it, imported when the name is first asked for.
_LAZY = {
    "open_ledger": "factcheck.db",
    "run_pipeline": "factcheck.pipeline",
    "ingest_paths": "factcheck.ingest",
    "PassageSpan": "factcheck.extract",
    "extract_claims": "factcheck.extract",
    "resolve_entities": "factcheck.entities",
    "match_claims": "factcheck.match",
    "give_verdicts": "factcheck.verdicts",
    "review_claim": "factcheck.verdicts",
    "ReportFilter": "factcheck.report",
    "gather_report": "factcheck.report",
    "export_document": "factcheck.report.export",
    "language_for": "factcheck.lang",
    "NameComparison": "factcheck.entities.names.pairs",
    "compare_names": "factcheck.entities.names.pairs",
    "compare_pairs": "factcheck.entities.names.pairs",
}

__all__ = ["__version__", *_LAZY]

__getattr__ = lazy_exports(__name__, _LAZY)
