"""Fast start: `--help` and the read commands import only what they use. A command that lists
sources must not pay for the extraction models, the HTML reader, Datasette or the HTTP client."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from factcheck.db import MIGRATION_NAMES, SCHEMA, LedgerError, ReadOnlyLedger, open_reader
from factcheck.migrations import migrations
from tests.conftest import DATA, copy_ledger

HEAVY = (
    "sqlite_utils", "numpy", "rich.progress", "trafilatura", "lingua", "datasette", "httpx",
    "feedparser", "pypdf", "docx", "pypinyin", "factcheck.extract.checkworthy.model",
    "pycrfsuite", "rapidfuzz", "asyncio",
)  # fmt: skip


def heavy_modules_after(*args: str) -> set[str]:
    """Run the CLI in a fresh interpreter; the heavy modules it had imported when it finished."""
    script = (
        "import json, sys\n"
        "from factcheck.cli import cli\n"
        f"try:\n    cli.main({list(args)!r}, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_help_imports_nothing_heavy() -> None:
    assert heavy_modules_after("--help") == set()
    assert heavy_modules_after("claims", "--help") == set()


def test_read_commands_load_nothing_heavy(seeded_ledger: Path) -> None:
    """A current ledger is read with plain sqlite3: not even sqlite-utils (and its numpy)."""
    commands = (
        ["sources"], ["claims"], ["claims", "--search", "minister"], ["claim", "1"],
        ["verdicts"], ["entities"], ["entity", "1"], ["source", "1"], ["source", "1", "--json"],
        ["contradictions"], ["tensions"],
    )  # fmt: skip
    for command in commands:
        assert heavy_modules_after("--db", str(seeded_ledger), *command) == set(), command


def test_the_plain_readers_schema_is_the_last_migration() -> None:
    """db.MIGRATION_NAMES are the migrations the plain reader accepts: a new migration must be
    added there, or every read command would take the slow path through sqlite-utils."""
    assert tuple(migration.name for migration in migrations._migrations) == MIGRATION_NAMES
    assert migrations._migrations[-1].name == SCHEMA
    assert int(SCHEMA.split("_", 1)[0]) == len(migrations._migrations)


def test_a_ledger_with_another_migration_of_the_same_number_is_not_read_plainly(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    """The plain reader checks every recorded name, not only the count and the last one: a
    ledger from another factcheck whose 0013 is some other change takes the full path (which
    explains the refusal) instead of being read as if it had our schema."""
    other = copy_ledger(seeded_ledger, tmp_path / "other.db")
    with sqlite3.connect(other) as connection:
        connection.execute(
            "UPDATE _sqlite_migrations SET name = '0013_something_else' "
            "WHERE name = '0013_claim_continuity'"
        )
    connection.close()
    with pytest.raises(LedgerError, match="another factcheck"):
        open_reader(other)


def test_an_older_ledger_is_still_read_through_an_upgraded_copy(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    """A ledger of an older schema takes the full path (upgraded in memory, the file untouched):
    the plain reader is only for a ledger whose schema is exactly ours."""
    older = tmp_path / "v0012.db"
    older.write_bytes((DATA / "ledgers" / "v0012_seeds.db").read_bytes())
    before = older.read_bytes()
    ledger = open_reader(older)
    assert not isinstance(ledger, ReadOnlyLedger)
    assert [row["id"] for row in ledger.query("SELECT id FROM sources ORDER BY id")]
    assert older.read_bytes() == before
    assert isinstance(open_reader(seeded_ledger), ReadOnlyLedger)


def test_plain_search_quoting_is_sqlite_utils_quoting() -> None:
    """`claims --search` quotes the words as sqlite-utils did, operators and stray quotes too."""
    plain = ReadOnlyLedger(sqlite3.connect(":memory:"))
    full = Database(memory=True)
    for query in (
        "minister", "prime minister", '"prime minister" said', 'unclosed "quote',
        "a OR b NOT c", "col:value*", "  spaced   out ", '""', "总统 说", "NEAR(a b)",
    ):  # fmt: skip
        assert plain.quote_fts(query) == full.quote_fts(query), query
