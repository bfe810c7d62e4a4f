"""factcheck: a fact-checking workbench for the terminal.

The public API, for a notebook or a test: `open_ledger`, `run_pipeline` and each stage's entry
point, the report and export builders, the language registry, and the name comparison. Everything
but the name comparison is imported on first use, so `import factcheck` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

from factcheck.entities.names.pairs import NameComparison, compare_names, compare_pairs  # noqa: E402

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
}

__all__ = ["NameComparison", "__version__", "compare_names", "compare_pairs", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
