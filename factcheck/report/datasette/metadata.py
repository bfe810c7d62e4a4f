"""Datasette metadata for a ledger, shipped in the package: descriptions of every table and
column, facets, label columns, full-text search and the canned queries fact-checkers ask most.

The tables live in metadata.json; each canned query is a .sql file in queries/ whose first
lines give its title and description (`-- title: ...`, `-- description: ...`) and, for a query
whose SQL would push the answer below the fold, `-- hide_sql: true` (a "show" link stays).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck import vocab

HEADER = re.compile(r"^--\s*(title|description|hide_sql):\s*(.+)$")
# metadata.json names a fixed value list as {vocab:NAME} instead of restating it.
VOCABULARY = re.compile(r"\{vocab:(\w+)\}")
VOCABULARIES: dict[str, str] = {
    "CLUTTER_KINDS": ", ".join(kind for kind in vocab.PassageKind if kind in vocab.CLUTTER_KINDS),
    **{
        enum.__name__: vocab.in_words(enum)
        for enum in (
            vocab.ClaimKind,
            vocab.Modality,
            vocab.EntityType,
            vocab.LinkRelation,
            vocab.VerdictLabel,
            vocab.CitationStance,
        )
    },
}


def database_name(ledger_path: str | Path) -> str:
    """The name Datasette gives a database file: its file name without the extension."""
    return Path(ledger_path).stem


def canned_queries() -> dict[str, dict[str, Any]]:
    queries = {}
    folder = resources.files("factcheck.report.datasette").joinpath("queries")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".sql"):
            continue
        text = entry.read_text(encoding="utf-8")
        query: dict[str, Any] = {}
        body = []
        for line in text.splitlines():
            header = HEADER.match(line)
            if header and not body:
                key, value = header.group(1), header.group(2).strip()
                query[key] = value == "true" if key == "hide_sql" else value
            else:
                body.append(line)
        query["sql"] = "\n".join(body).strip()
        # "01_contradictions.sql" -> "contradictions": the order prefix is not part of the URL.
        queries[re.sub(r"^\d+_", "", entry.name.removesuffix(".sql"))] = query
    return queries


def spell_vocabularies(node: Any) -> Any:
    """The metadata with every {vocab:NAME} written out as its list of values."""
    if isinstance(node, dict):
        return {key: spell_vocabularies(value) for key, value in node.items()}
    if isinstance(node, list):
        return [spell_vocabularies(value) for value in node]
    if isinstance(node, str):
        return VOCABULARY.sub(lambda match: VOCABULARIES[match.group(1)], node)
    return node


def build_metadata(ledger_path: str | Path) -> dict[str, Any]:
    shipped = spell_vocabularies(
        json.loads(
            resources.files("factcheck.report.datasette")
            .joinpath("metadata.json")
            .read_text(encoding="utf-8")
        )
    )
    tables = shipped.pop("tables")
    return {
        **shipped,
        "databases": {
            database_name(ledger_path): {
                "description": shipped["description"],
                "tables": tables,
                "queries": canned_queries(),
            }
        },
    }
