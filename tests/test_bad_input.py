"""Nasty files through the real CLI: each gets one line saying why, nothing crashes or hangs, and
memory stays bounded on a 50 MB single line. The files are written at test time by
tests/data/bad/make_bad_files.py (the big ones are never committed)."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.ingest.reading import MAX_SOURCE_BYTES
from tests.conftest import REPO, SEEDS
from tests.data.bad.make_bad_files import ARTICLE, make_bad_files, write_big_line

# No single bad file may take longer than this (lingua's first load is about a second).
CASE_TIMEOUT_S = 30
# Peak resident memory of one factcheck process fed a 50 MB line, or a 5 MiB one it accepts.
MAX_RSS_MB = 400

# case -> (exit status, what the case's one line must say)
CASES: dict[str, tuple[int, str]] = {
    "binary": (1, r"skipped .*binary\.txt: binary data \(NUL bytes\)"),
    "truncated_utf8": (
        1,
        rf"skipped .*truncated_utf8\.txt: not valid UTF-8 \(bad byte at offset "
        rf"{len(ARTICLE.encode()) + 1}\)",
    ),
    "utf16_bom": (0, r"added #1 .*utf16_bom\.txt: 1 passages \(0 clutter\); languages en"),
    "utf16_no_bom": (1, r"skipped .*utf16_no_bom\.txt: .*UTF-16 without a byte-order mark"),
    "zip_bomb": (1, r"skipped .*zip_bomb\.txt: binary data"),
    "hostile": (1, r"skipped .*hostile\.html: HTML nested more than 255 tags deep"),
    "empty": (1, r"skipped .*empty\.txt: empty \(no text\)"),
    "whitespace": (1, r"skipped .*whitespace\.txt: empty \(no text\)"),
    "clutter": (0, r"added #1 .*clutter\.txt: 6 passages \(6 clutter\); languages none"),
    "big_line": (1, r"skipped .*big_line\.txt: larger than 5 MiB, too large to be an article"),
    "unreadable": (1, r"skipped .*unreadable\.txt: permission denied"),
}


class Hang(BaseException):
    """A case ran past its time limit (BaseException: neither click nor our handlers catch it)."""


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("bad")
    cases = make_bad_files(folder)
    yield cases
    cases["unreadable"].chmod(0o644)  # so the temporary folder can be cleaned up


@pytest.fixture
def time_limit() -> Iterator[None]:
    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"took more than {CASE_TIMEOUT_S} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(CASE_TIMEOUT_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def ingest(ledger: Path, *paths: Path) -> Result:
    return CliRunner().invoke(cli, ["--db", str(ledger), "ingest", *map(str, paths)])


def source_count(ledger: Path) -> int:
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT COUNT(*) FROM sources").fetchone()[0]


@pytest.mark.parametrize("case", sorted(set(CASES) - {"big_line"}))
def test_each_bad_file_gets_one_line(
    case: str, bad_files: dict[str, Path], tmp_path: Path, time_limit: None
) -> None:
    if case == "unreadable" and os.geteuid() == 0:
        pytest.skip("running as root, which reads any file whatever its permissions")
    status, message = CASES[case]
    ledger = tmp_path / "ledger.db"
    result = ingest(ledger, bad_files[case])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert result.exit_code == status, result.output
    lines = [line for line in result.output.splitlines() if bad_files[case].name in line]
    assert len(lines) == 1, result.output
    assert re.search(message, lines[0]), lines[0]
    if status:
        assert result.output.rstrip().endswith("Error: nothing was ingested")
    assert source_count(ledger) == (0 if status else 1)


def test_clutter_only_file_gives_no_passage_to_read_claims_from(
    bad_files: dict[str, Path], tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.db"
    ingest(ledger, bad_files["clutter"])
    with sqlite3.connect(ledger) as conn:
        kinds = [row[0] for row in conn.execute("SELECT kind FROM passages")]
    assert len(kinds) == 6 and not {"body", "title"} & set(kinds)


def test_symlink_loop_is_skipped_with_one_line_per_link(
    bad_files: dict[str, Path], tmp_path: Path, time_limit: None
) -> None:
    ledger = tmp_path / "ledger.db"
    result = ingest(ledger, bad_files["symlink_loop"])
    assert result.exit_code == 1
    for name in ("a.txt", "b.txt"):
        assert re.search(rf"skipped .*/{name}: a symbolic link loop", result.output)
    assert "2 skipped" in result.output and "Traceback" not in result.output


def test_a_batch_of_bad_files_still_takes_the_good_one(
    bad_files: dict[str, Path], tmp_path: Path, time_limit: None
) -> None:
    ledger = tmp_path / "ledger.db"
    everything = [path for case, path in bad_files.items() if case != "unreadable"]
    result = ingest(ledger, *everything, SEEDS / "002_a97171451ef5e886.txt")
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output  # utf16_bom, clutter and the seed
    assert source_count(ledger) == 3


def peak_rss_mb(args: list[str], cwd: Path) -> tuple[int, str, float]:
    """Run factcheck in a fresh process tree and return (exit status, stderr, peak RSS in MB).

    A middle process waits for factcheck and reads RUSAGE_CHILDREN, so the figure is that of this
    one run, not the largest child the test process ever had.
    """
    probe = (
        "import resource, subprocess, sys\n"
        "run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stderr.write(run.stdout + run.stderr)\n"  # results are on stdout, errors on stderr
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(run.returncode)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    return done.returncode, done.stderr, int(done.stdout.strip()) / 1024


def test_fifty_megabyte_line_is_refused_in_bounded_memory(
    bad_files: dict[str, Path], tmp_path: Path
) -> None:
    status, stderr, rss = peak_rss_mb(
        ["--db", str(tmp_path / "l.db"), "ingest", str(bad_files["big_line"])], tmp_path
    )
    assert status == 1 and "larger than 5 MiB" in stderr and "Traceback" not in stderr
    print(f"50 MB line: peak RSS {rss:.0f} MB (limit {MAX_RSS_MB} MB)")
    assert rss < MAX_RSS_MB


def test_a_line_just_under_the_limit_goes_in_in_bounded_memory(tmp_path: Path) -> None:
    near = tmp_path / "near_limit.txt"
    write_big_line(near, MAX_SOURCE_BYTES - 1024)
    status, stderr, rss = peak_rss_mb(
        ["--db", str(tmp_path / "l.db"), "ingest", str(near)], tmp_path
    )
    assert status == 0 and "added #1" in stderr, stderr
    print(f"5 MiB line: peak RSS {rss:.0f} MB (limit {MAX_RSS_MB} MB)")
    assert rss < MAX_RSS_MB
