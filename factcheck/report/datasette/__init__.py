"""Browsing the ledger in Datasette: shipped metadata (metadata.json, queries/*.sql) and
`factcheck serve`."""

from factcheck.report.datasette.metadata import build_metadata, canned_queries, database_name
from factcheck.report.datasette.server import is_loopback, make_datasette, serve

__all__ = [
    "build_metadata",
    "canned_queries",
    "database_name",
    "is_loopback",
    "make_datasette",
    "serve",
]
