"""Reports on the ledger for people and machines: Markdown, HTML, CSV and ClaimReview JSON-LD,
all read through one query layer (data.py)."""

from factcheck.report.data import Report, ReportFilter, gather_report

__all__ = ["Report", "ReportFilter", "gather_report"]
