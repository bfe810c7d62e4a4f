"""Several factcheck processes on one ledger at once: writers ingesting different files, readers
listing and exporting. None fails with "database is locked", no write is lost, the ledger is whole."""

from __future__ import annotations

import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.ledger_checks import (
    factcheck_command,
    factcheck_env,
    ledger_problems,
    make_corpus,
)

WRITERS = 4
READS_PER_READER = 3


@dataclass
class ConcurrencyRun:
    writers: int = 0
    operations: int = 0
    sources: int = 0
    failures: list[str] = field(default_factory=list)


def run_concurrently(workdir: Path, writers: int = WRITERS) -> ConcurrencyRun:
    files = make_corpus(workdir / "corpus", editions=writers)
    ledger = workdir / "shared.db"
    # Each writer ingests its own slice, so every source must be there at the end.
    slices = [files[index::writers] for index in range(writers)]
    commands = [factcheck_command(ledger, "ingest", *map(str, part)) for part in slices]
    commands += [factcheck_command(ledger, "sources", "--json")] * READS_PER_READER
    commands += [factcheck_command(ledger, "export", "-o", "-")] * READS_PER_READER
    processes = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=factcheck_env()
        )
        for command in commands
    ]
    result = ConcurrencyRun(writers=writers)
    for command, process in zip(commands, processes, strict=True):
        _, stderr = process.communicate(timeout=120)
        result.operations += 1
        is_reader = "ingest" not in command
        # A reader that starts before any writer has created the ledger is told so, in one line.
        no_ledger_yet = is_reader and "no ledger at" in stderr
        if (
            "locked" in stderr
            or "Traceback" in stderr
            or (process.returncode and not no_ledger_yet)
        ):
            result.failures.append(f"{command[5:7]} exit {process.returncode}: {stderr[-300:]}")
    result.failures += ledger_problems(ledger)
    with sqlite3.connect(ledger) as conn:
        paths = {row[0] for row in conn.execute("SELECT path FROM sources")}
    result.sources = len(paths)
    missing = {str(path) for path in files} - paths
    if missing:
        result.failures.append(f"lost writes: {sorted(missing)[:3]}")
    return result


def test_concurrent_writers_and_readers_lose_nothing(tmp_path: Path) -> None:
    run = run_concurrently(tmp_path)
    print(f"{run.writers} writers, {run.operations} operations, {run.sources} sources")
    assert not run.failures, "\n".join(run.failures)
    assert run.sources == WRITERS * 5


def test_reviews_made_during_a_run_survive_it(tmp_path: Path, seeded_ledger: Path) -> None:
    """A reviewer records verdicts while a colleague's `run` adds sources to the same ledger:
    every command succeeds (they queue on the ledger's lock), and the reviews are current after
    the run, whichever committed first."""
    from tests.conftest import copy_ledger

    ledger = copy_ledger(seeded_ledger, tmp_path / "shared.db")
    with sqlite3.connect(ledger) as conn:
        claims = [
            row[0] for row in conn.execute("SELECT id FROM claims WHERE is_checkworthy = 1 LIMIT 3")
        ]
    files = make_corpus(tmp_path / "corpus", editions=2)
    commands = [factcheck_command(ledger, "run", *map(str, files))]
    commands += [
        factcheck_command(
            ledger, "review", str(claim), "--verdict", "contradicted", "--by", "alice"
        )
        for claim in claims
    ]
    commands += [
        factcheck_command(ledger, "export", "-o", "-"),
        factcheck_command(ledger, "claims", "--json"),
    ]
    processes = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=factcheck_env()
        )
        for command in commands
    ]
    for command, process in zip(commands, processes, strict=True):
        _, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, (command[5:7], stderr[-500:])
        assert "locked" not in stderr and "Traceback" not in stderr
    assert ledger_problems(ledger) == []
    with sqlite3.connect(ledger) as conn:
        for claim in claims:
            label, decided_by = conn.execute(
                "SELECT label, decided_by FROM verdicts WHERE claim_id = ? AND is_current = 1",
                [claim],
            ).fetchone()
            assert (label, decided_by) == ("contradicted", "alice")
        assert conn.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 5 + len(files)
