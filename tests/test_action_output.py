"""Commands that change the ledger print their results on standard output (progress and errors
on standard error), nothing with --quiet, and one JSON summary with --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.ledger_checks import run_factcheck


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def test_results_go_to_standard_output(corpus: Path, tmp_path: Path) -> None:
    done = run_factcheck(tmp_path / "ledger.db", "run", str(corpus))
    assert done.returncode == 0, done.stderr
    assert "5 added, 0 new versions" in done.stdout
    assert "verdicts:" in done.stdout
    assert "added" not in done.stderr


def test_quiet_prints_nothing(corpus: Path, tmp_path: Path) -> None:
    done = run_factcheck(tmp_path / "ledger.db", "run", "--quiet", str(corpus))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    checked = run_factcheck(tmp_path / "ledger.db", "check", "-q")
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")


def test_json_is_one_summary(corpus: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.db"
    done = run_factcheck(ledger, "run", "--json", str(corpus))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert [o["status"] for o in summary["ingest"]["outcomes"]] == ["added"] * 5
    assert summary["extract"]["claims"] > 0 and "by_label" in summary["verdicts"]
    reviewed = run_factcheck(ledger, "review", "1", "--verdict", "unverified", "--json")
    assert json.loads(reviewed.stdout)["claim_id"] == 1
    both = run_factcheck(ledger, "check", "--json", "--quiet")
    assert both.returncode == 2 and "--quiet and --json are alternatives" in both.stderr
