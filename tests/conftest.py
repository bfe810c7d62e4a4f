"""Shared fixtures: a real ledger in a temporary folder, the real seed corpus, the real CLI."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli

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
