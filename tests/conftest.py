"""Shared fixtures: a real ledger in a temporary folder, the real seed corpus, the real CLI."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.db import open_ledger
from tests.verdict_fixture import add_fixture_verdicts

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A private copy of the seed corpus, so tests may add to or change it."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def invoke(ledger: Path) -> Callable[..., Result]:
    """Run the real CLI against the temporary ledger."""

    def run(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", str(ledger), *args], input=input)

    return run


@pytest.fixture(scope="session")
def seeded_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger with the seeds run through the whole pipeline once, shared read-only."""
    path = tmp_path_factory.mktemp("seeded") / "ledger.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "run", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return path


def copy_ledger(source: Path, target: Path) -> Path:
    """Copy a WAL ledger with SQLite's backup API (a file copy could miss the WAL's pages)."""
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    return target


@pytest.fixture(scope="session")
def verdict_ledger(
    seeded_ledger: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, int]]:
    """The seeded ledger plus the TEST FIXTURE verdict rows of tests/verdict_fixture.py (until
    the verdict stage writes its own), shared read-only; with the fixture's claim ids by name."""
    path = copy_ledger(seeded_ledger, tmp_path_factory.mktemp("verdicts") / "ledger.db")
    db = open_ledger(path, create=False)
    ids = add_fixture_verdicts(db)
    db.conn.close()
    return path, ids
