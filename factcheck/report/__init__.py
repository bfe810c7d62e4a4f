"""Reports on the ledger for people and machines: Markdown, HTML, CSV and ClaimReview JSON-LD,
all read through one query layer (data.py)."""

from factcheck.lazy import lazy_exports

__all__ = ["Report", "ReportFilter", "gather_report"]

__getattr__ = lazy_exports(
    __name__,
    {
        "Report": "factcheck.report.data",
        "ReportFilter": "factcheck.report.data",
        "gather_report": "factcheck.report.data",
    },
)
