"""Commands that change the ledger print their results on standard output (progress and errors
on standard error), nothing with --quiet, and one JSON summary with --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, SEEDS
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


def test_archive_import_takes_quiet_and_json(tmp_path: Path) -> None:
    """Like the other action commands: --quiet keeps only the errors (the records it could not
    read, on standard error), --json gives one summary; the records go in either way."""
    ledger = tmp_path / "ledger.db"
    checks = str(DATA / "archive" / "checks.csv")
    quiet = run_factcheck(ledger, "archive", "import", "--quiet", checks)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == ""
    assert quiet.stderr.count("skipped") == 3 and "row 5: no rating" in quiet.stderr
    page = str(DATA / "archive" / "claimreview_page.html")
    summary = run_factcheck(ledger, "archive", "import", "--json", checks, page)
    assert summary.returncode == 0, summary.stderr
    report = json.loads(summary.stdout)
    assert (report["added"], report["unchanged"], len(report["problems"])) == (1, 2, 3)
    plain = run_factcheck(ledger, "archive", "import", page)
    assert plain.stdout.strip() == "0 fact-checks added, 1 already in the archive, 0 not read"
