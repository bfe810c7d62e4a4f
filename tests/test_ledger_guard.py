"""What factcheck will open: another program's SQLite file only when asked (`init`, `--create`),
a ledger from a newer factcheck not for writing, and every file read-only for commands that only
read (no switch to WAL, no migration: the bytes stay the same)."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import __version__
from factcheck.cli import cli
from factcheck.migrations import migrations
from tests.conftest import DATA, SEEDS, copy_ledger

READ_COMMANDS = [
    ["sources"],
    ["claims", "--all"],
    ["entities"],
    ["verdicts"],
    ["contradictions"],
    ["tensions"],
    ["export"],
    ["report"],
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def invoke(ledger: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(ledger), *args])


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """Another program's database, in rollback-journal mode, read-only."""
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('buy milk')")
    path.chmod(0o444)
    return path


@pytest.mark.parametrize("args", [*READ_COMMANDS, ["ingest", str(SEEDS)], ["check"]])
def test_a_foreign_database_is_refused_and_left_as_it_was(foreign: Path, args: list[str]) -> None:
    before = digest(foreign)
    result = invoke(foreign, *args)
    assert result.exit_code == 1, result.output
    assert "other tables (notes) and no factcheck ledger" in result.output
    assert f"factcheck --db {foreign} init" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert digest(foreign) == before
    assert not Path(f"{foreign}-wal").exists()


def test_init_and_create_add_a_ledger_to_a_foreign_database(foreign: Path, tmp_path: Path) -> None:
    foreign.chmod(0o644)
    done = invoke(foreign, "init")
    assert done.exit_code == 0, done.output
    assert invoke(foreign, "sources").exit_code == 0
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    article = tmp_path / "a.txt"
    article.write_text("The bridge opened on 3 May 2024 after 14 months of work.\n")
    assert invoke(other, "ingest", str(article)).exit_code == 1
    created = CliRunner().invoke(cli, ["--db", str(other), "--create", "ingest", str(article)])
    assert created.exit_code == 0, created.output
    with sqlite3.connect(other) as conn:
        assert conn.execute("SELECT COUNT(*) FROM notes").fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM sources").fetchone() == (1,)


@pytest.fixture
def newer(seeded_ledger: Path, tmp_path: Path) -> Path:
    path = copy_ledger(seeded_ledger, tmp_path / "newer.db")
    # Closed here, not whenever the garbage collector gets to it: closing the last connection
    # checkpoints the WAL into the file, which would change its digest in the middle of a test.
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('factcheck', '9999_from_the_future', '2030-01-01 00:00:00')"
        )
    return path


@pytest.mark.parametrize(
    "args", [["ingest", str(SEEDS)], ["check"], ["review", "1", "--verdict", "unverified"]]
)
def test_a_ledger_from_a_newer_factcheck_is_not_written(newer: Path, args: list[str]) -> None:
    before = digest(newer)
    result = invoke(newer, *args)
    assert result.exit_code == 1, result.output
    latest = migrations._migrations[-1].name
    assert result.output.strip() == (
        f"Error: {newer} was written by a newer factcheck (schema 9999_from_the_future; "
        f"factcheck {__version__} knows up to {latest}): upgrade factcheck to change it"
    )
    assert digest(newer) == before


def test_a_ledger_from_a_newer_factcheck_can_still_be_read(newer: Path) -> None:
    result = invoke(newer, "sources", "--json")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda args: args[0])
def test_read_commands_never_write(seeded_ledger: Path, tmp_path: Path, args: list[str]) -> None:
    """A ledger in rollback-journal mode stays in it, byte for byte, and so does an old ledger
    that needs migrations: they are applied to a copy in memory."""
    current = copy_ledger(seeded_ledger, tmp_path / "current.db")
    with sqlite3.connect(current) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    old = tmp_path / "v0005.db"
    shutil.copyfile(DATA / "ledgers" / "v0005_seeds.db", old)
    for ledger in (current, old):
        ledger.chmod(0o444)
        before = digest(ledger)
        result = invoke(ledger, *args)
        assert result.exit_code == 0, result.output
        assert digest(ledger) == before, f"{args[0]} changed {ledger.name}"
        with sqlite3.connect(f"file:{ledger}?mode=ro", uri=True) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


@pytest.mark.parametrize("fixture", ["v0005_seeds.db", "v0011_seeds.db"])
def test_a_ledger_with_an_unknown_and_pending_migrations_is_one_line(
    fixture: str, tmp_path: Path
) -> None:
    """A ledger from a factcheck whose history forked from ours (it records a migration we do
    not know and lacks one we need) cannot be upgraded even in a copy: say so, naming both,
    instead of SQLite's own error from the half-fitting upgrade (duplicate column name)."""
    path = tmp_path / "forked.db"
    shutil.copyfile(DATA / "ledgers" / fixture, path)
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        if fixture == "v0011_seeds.db":  # another branch's 0011: our 0011 is pending
            conn.execute(
                "UPDATE _sqlite_migrations SET name = '0011_from_a_fork' WHERE name LIKE '0011%'"
            )
        else:
            conn.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('factcheck', '0011_from_a_fork', '2030-01-01 00:00:00')"
            )
    before = digest(path)
    needed = next(
        m.name
        for m in migrations._migrations
        if m.name.startswith("0011" if fixture == "v0011_seeds.db" else "0006")
    )
    for args in READ_COMMANDS:
        result = invoke(path, *args)
        assert result.exit_code == 1, result.output
        assert result.output.strip() == (
            f"Error: {path} was written by another factcheck (it records schema "
            f"0011_from_a_fork, which factcheck {__version__} does not know, and lacks "
            f"{needed}, which it needs): open it with the factcheck that wrote it"
        ), args
    assert "newer factcheck" in invoke(path, "check").output
    assert digest(path) == before
