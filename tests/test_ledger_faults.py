"""A ledger that cannot be written: read-only, or on a full disk. One clear line, and the ledger
is exactly what it was (compared by a hash of its SQL dump).

Root writes through chmod 0444, so as root the read-only file is made immutable (chattr +i), which
stops root too; the full disk is a real 1 MiB tmpfs, which needs mount (root). Each case is skipped,
with the reason, where the machine cannot make it.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from tests.ledger_checks import SEEDS, ledger_problems

SMALL_DISK = "1m"


def dump_hash(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def invoke(ledger: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(ledger), *args])


def seeded(ledger: Path) -> Path:
    result = invoke(ledger, "ingest", str(SEEDS / "000_916843004772a2b8.txt"))
    assert result.exit_code == 0, result.output
    return ledger


@pytest.fixture
def read_only_ledger(tmp_path: Path) -> Iterator[Path]:
    ledger = seeded(tmp_path / "ledger.db")
    if os.geteuid() != 0:
        ledger.chmod(0o444)
        yield ledger
        ledger.chmod(0o644)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(ledger)]).returncode:
        pytest.skip(
            "running as root, which writes through chmod 0444, and chattr +i is unavailable"
        )
    yield ledger
    subprocess.run(["chattr", "-i", str(ledger)], check=True)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small_disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SMALL_DISK}", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a small tmpfs to fill (needs root): {mounted.stderr[:80]!r}")
    yield mount_point
    gc.collect()  # close the connections the in-process CLI left open, so the mount is not busy
    if subprocess.run(["umount", str(mount_point)]).returncode:
        subprocess.run(["umount", "--lazy", str(mount_point)], check=True)


def one_error_line(result: Result) -> str:
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in result.output, result.output
    return errors[0]


def test_read_only_ledger_is_one_line_and_unchanged(read_only_ledger: Path) -> None:
    before = dump_hash(read_only_ledger)
    result = invoke(read_only_ledger, "ingest", str(SEEDS))
    assert result.exit_code == 1
    assert one_error_line(result) == (
        "Error: ledger error: the ledger is read-only; nothing was changed"
    )
    assert "added" not in result.output  # nothing claims to have gone in
    assert dump_hash(read_only_ledger) == before
    assert invoke(read_only_ledger, "sources", "--json").exit_code == 0  # reading still works


def test_full_disk_is_one_line_and_the_ledger_is_unchanged(full_disk: Path, tmp_path: Path) -> None:
    ledger = seeded(full_disk / "ledger.db")
    before = dump_hash(ledger)
    # 700 KiB of distinct prose: with its search index it cannot fit in what is left of 1 MiB.
    words = [f"word{number}" for number in range(40_000)]
    big = tmp_path / "big.txt"
    big.write_text(
        "\n\n".join(" ".join(words[i : i + 60]) + "." for i in range(0, len(words), 60)) * 2,
        encoding="utf-8",
    )
    result = invoke(ledger, "ingest", str(big))
    assert result.exit_code == 1
    assert one_error_line(result) == "Error: ledger error: the disk is full; nothing was changed"
    assert dump_hash(ledger) == before
    assert ledger_problems(ledger) == []
