"""Interrupt factcheck with SIGKILL and SIGINT at many moments: the ledger stays whole (integrity,
no orphans), holds all of a command's changes or none of them, Ctrl-C ends with one line, and a
final uninterrupted run gives the same export as a clean run on a fresh ledger.

`run`: the ledger starts with half a 20-file corpus; the run adds the other half, so a kill can
land before, during or after its one write transaction. Kill points start 0.12 s in: a Ctrl-C
during Python's own start-up, before any factcheck code runs, gets Python's traceback, not ours.

The grid has 52 kill points; a default test run tries a stratified sample of them (one from each
of FACTCHECK_KILL_POINTS equal slices of the grid, 6 unless set) and prints the seed it drew.
FACTCHECK_KILL_POINTS=all runs the whole grid; FACTCHECK_KILL_SEED=N repeats a sample.

Kills are also sent inside the commit window, found by the markers tests/commit_markers.py
prints: during the COMMIT of a large run, and during `review`, `entity merge`, `export -o` and
`report -o`.
"""

from __future__ import annotations

import math
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from factcheck.db import ctrl_c_deferred
from tests.commit_markers import COMMIT_END, COMMIT_START, WRITE_END, WRITE_START
from tests.ledger_checks import (
    REPO,
    copy_ledger,
    factcheck_command,
    factcheck_env,
    ledger_problems,
    make_corpus,
    normalised_export,
    run_factcheck,
)

KILL_POINTS = 52  # the grid: half SIGKILL, half SIGINT
SAMPLED_KILL_POINTS = 6  # tried by default, one from each sixth of the grid
KILL_POINTS_ENV = "FACTCHECK_KILL_POINTS"  # "all", or how many to sample
KILL_SEED_ENV = "FACTCHECK_KILL_SEED"
CORPUS_EDITIONS = 4  # 20 files: a run of about 1.3 s on an idle machine
# Kill points run past the measured duration, since a loaded machine runs slower than measured.
LAST_KILL_SHARE = 1.2
FIRST_KILL_S = 0.12
# Of the full grid at least 10 kills of 52 must land before the run's commit, or the kills are
# not testing the write; a sample must show the same share.
BEFORE_SHARE = 10 / 52
INTERRUPTED_LINES = {
    "interrupted; the ledger is unchanged": "before",
    "interrupted; the ledger's changes were already complete": "after",
}
# Delays after a window's start marker; the first ones land inside a COMMIT of a few ms.
WINDOW_DELAYS_S = (0.0, 0.0, 0.001, 0.0, 0.002, 0.0, 0.004, 0.0)
MARKERS = REPO / "tests" / "commit_markers.py"


@dataclass
class KillTrials:
    tried: int = 0
    survived: int = 0
    ledger_before: int = 0  # the kill left the ledger as it was before the run
    ledger_after: int = 0  # the run had committed before the kill
    run_seconds: float = 0.0
    seed: int | None = None  # None: the whole grid
    failures: list[str] = field(default_factory=list)


def kill_points(grid: int = KILL_POINTS) -> tuple[list[int], int | None]:
    """The grid indices to try and the seed that drew them (None for the whole grid), from
    $FACTCHECK_KILL_POINTS and $FACTCHECK_KILL_SEED. One index from each of `count` equal slices
    of the grid, alternating SIGKILL (even index) and SIGINT (odd), so a sample covers the run
    from start to end with both signals."""
    wanted = os.environ.get(KILL_POINTS_ENV, "").strip().lower() or str(SAMPLED_KILL_POINTS)
    if wanted == "all":
        return list(range(grid)), None
    if not wanted.isdigit() or int(wanted) < 1:
        raise ValueError(f"{KILL_POINTS_ENV} must be 'all' or a positive number, not {wanted!r}")
    count = int(wanted)
    if count >= grid:
        return list(range(grid)), None
    seed_text = os.environ.get(KILL_SEED_ENV, "").strip()
    seed = int(seed_text) if seed_text else random.SystemRandom().randrange(1_000_000)
    chooser = random.Random(seed)
    points = []
    for slice_index in range(count):
        start, stop = grid * slice_index // count, grid * (slice_index + 1) // count
        candidates = [i for i in range(start, stop) if i % 2 == slice_index % 2]
        points.append(chooser.choice(candidates or list(range(start, stop))))
    return points, seed


@dataclass
class KillSetup:
    """A ledger holding half the corpus, and the two states a run on the whole corpus may leave."""

    corpus: Path
    base: Path
    clean: Path  # the base after an uninterrupted run
    expected: dict[str, Any]
    run_seconds: float


def prepare_run(workdir: Path) -> KillSetup:
    corpus = workdir / "corpus"
    files = make_corpus(corpus, CORPUS_EDITIONS)
    base = workdir / "base.db"
    done = run_factcheck(base, "ingest", *map(str, files[: len(files) // 2]))
    assert done.returncode == 0, done.stderr
    clean = workdir / "clean.db"
    copy_ledger(base, clean)
    started = time.monotonic()
    done = run_factcheck(clean, "run", str(corpus))
    run_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    expected = {"before": normalised_export(base), "after": normalised_export(clean)}
    return KillSetup(corpus, base, clean, expected, run_seconds)


@pytest.fixture(scope="module")
def run_setup(tmp_path_factory: pytest.TempPathFactory) -> KillSetup:
    return prepare_run(tmp_path_factory.mktemp("kill-run"))


def fresh_copy(base: Path, ledger: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{ledger}{suffix}").unlink(missing_ok=True)
    copy_ledger(base, ledger)


def signal_problems(
    sent: signal.Signals,
    returncode: int,
    stderr: str,
    state: str | None,
    finished_line: str,
    stdout: str = "",
) -> list[str]:
    """What is wrong with how the process ended, given the state it left the ledger in."""
    problems = []
    if sent == signal.SIGINT:
        lines = [line for line in stderr.strip().splitlines() if not line.startswith("@@")]
        last = lines[-1] if lines else ""
        if "Traceback" in stderr:
            problems.append(f"traceback on Ctrl-C: {stderr[-300:]}")
        if returncode == 130 and INTERRUPTED_LINES.get(last) != state:
            problems.append(f"said {last!r} but the ledger is in the {state} state")
        elif returncode == -signal.SIGINT and state == "after" and finished_line in stdout:
            pass  # the signal came as the interpreter shut down after the command finished
        elif returncode not in (0, 130):
            problems.append(f"exit status {returncode}: {stderr[-300:]}")
    elif returncode not in (0, -signal.SIGKILL):
        problems.append(f"exit status {returncode}: {stderr[-300:]}")
    if state is None:
        problems.append("the ledger holds part of the command's changes")
    return problems


def run_kill_trials(
    workdir: Path,
    points: int = KILL_POINTS,
    indices: Sequence[int] | None = None,
    setup: KillSetup | None = None,
) -> KillTrials:
    """Kill `run` at the grid's points (`indices` of a grid of `points`, all by default)."""
    setup = setup or prepare_run(workdir)
    trials = KillTrials(run_seconds=setup.run_seconds)
    ledger = workdir / "killed.db"
    for index in range(points) if indices is None else indices:
        last = trials.run_seconds * LAST_KILL_SHARE
        moment = FIRST_KILL_S + (last - FIRST_KILL_S) * index / max(1, points - 1)
        sent = signal.SIGKILL if index % 2 == 0 else signal.SIGINT
        fresh_copy(setup.base, ledger)
        process = subprocess.Popen(
            factcheck_command(ledger, "run", str(setup.corpus)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=factcheck_env(),
        )
        time.sleep(moment)
        process.send_signal(sent)
        stdout, stderr = process.communicate(timeout=120)
        trials.tried += 1
        where = f"{sent.name} at {moment:.2f} s (kill point {index} of {points})"
        problems = ledger_problems(ledger)
        found = normalised_export(ledger)
        state = next((name for name, doc in setup.expected.items() if found == doc), None)
        problems += signal_problems(sent, process.returncode, stderr, state, "added", stdout)
        if problems:
            trials.failures.append(f"{where}: {'; '.join(problems)}")
            continue
        trials.survived += 1
        trials.ledger_before += state == "before"
        trials.ledger_after += state == "after"
    # From whatever state the last kill left, one uninterrupted run completes the work.
    done = run_factcheck(ledger, "run", str(setup.corpus))
    if done.returncode != 0 or normalised_export(ledger) != setup.expected["after"]:
        trials.failures.append(f"final run does not match a clean run: {done.stderr[-300:]}")
    return trials


def test_killed_and_interrupted_runs_leave_a_whole_ledger(
    run_setup: KillSetup, tmp_path: Path
) -> None:
    indices, seed = kill_points()
    trials = run_kill_trials(tmp_path, KILL_POINTS, indices, run_setup)
    drawn = "the whole grid" if seed is None else f"{KILL_SEED_ENV}={seed}"
    summary = (
        f"kill points {sorted(indices)} ({drawn}); run {trials.run_seconds:.2f} s; "
        f"{trials.tried} kills, {trials.survived} survived "
        f"({trials.ledger_before} before the commit, {trials.ledger_after} after)"
    )
    print(summary)
    assert not trials.failures, summary + "\n" + "\n".join(trials.failures)
    assert trials.tried == len(indices), summary
    assert trials.ledger_before >= math.ceil(len(indices) * BEFORE_SHARE), summary


# Kills inside the commit window -------------------------------------------------------------


@dataclass
class WindowKill:
    returncode: int
    stderr: str
    inside: bool  # the signal went after the window opened and before it closed


def kill_in_window(
    command: list[str], start: str, end: str, sent: signal.Signals, delay: float
) -> WindowKill:
    """Run `command` under the markers and send `sent` `delay` seconds after its first `start`
    marker (the ledgers here are up to date, so no schema upgrade commits first)."""
    process = subprocess.Popen(
        [sys.executable, str(MARKERS), *command[3:]],  # command is factcheck_command(...)
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=factcheck_env(),
    )
    assert process.stderr is not None
    seen: list[str] = []
    opened = False
    for line in process.stderr:
        seen.append(line)
        if line.strip() == start:
            opened = True
            if delay:
                time.sleep(delay)
            process.send_signal(sent)
            break
    _, rest = process.communicate(timeout=120)
    inside = opened and end not in rest
    return WindowKill(process.returncode, "".join(seen) + rest, inside)


def test_kills_during_the_commit_of_a_large_run(run_setup: KillSetup, tmp_path: Path) -> None:
    """SIGKILL inside the COMMIT (the WAL being written and synced) leaves all or nothing; a
    Ctrl-C there is held until the COMMIT is done and then says the changes are complete."""
    ledger = tmp_path / "killed.db"
    failures, inside = [], 0
    for attempt, delay in enumerate(WINDOW_DELAYS_S):
        fresh_copy(run_setup.base, ledger)
        command = factcheck_command(ledger, "run", str(run_setup.corpus))
        killed = kill_in_window(command, COMMIT_START, COMMIT_END, signal.SIGKILL, delay)
        inside += killed.inside
        found = normalised_export(ledger)
        state = next((name for name, doc in run_setup.expected.items() if found == doc), None)
        problems = ledger_problems(ledger)
        problems += signal_problems(signal.SIGKILL, killed.returncode, killed.stderr, state, "")
        if problems:
            failures.append(f"SIGKILL {delay * 1000:.0f} ms into the COMMIT: {problems}")
        if inside and attempt >= 1:
            break
    assert not failures, "\n".join(failures)
    assert inside >= 1, "no SIGKILL landed inside the COMMIT"

    fresh_copy(run_setup.base, ledger)
    command = factcheck_command(ledger, "run", str(run_setup.corpus))
    interrupted = kill_in_window(command, COMMIT_START, COMMIT_END, signal.SIGINT, 0.0)
    assert interrupted.returncode == 130, interrupted.stderr
    assert interrupted.stderr.rstrip().endswith(
        "interrupted; the ledger's changes were already complete"
    ), interrupted.stderr
    assert "Traceback" not in interrupted.stderr
    assert not ledger_problems(ledger)
    assert normalised_export(ledger) == run_setup.expected["after"]


@pytest.fixture(scope="module")
def small_ledger(run_setup: KillSetup) -> Path:
    """The base ledger run to completion: claims, entities and verdicts to act on."""
    return run_setup.clean


def same_type_entities(ledger: Path) -> tuple[int, int]:
    import sqlite3

    with sqlite3.connect(ledger) as conn:
        rows = conn.execute(
            """SELECT a.id, b.id FROM entities AS a JOIN entities AS b
               ON a.type = b.type AND a.id < b.id WHERE a.type = 'person'
               ORDER BY a.id, b.id LIMIT 1"""
        ).fetchall()
    assert rows, "the corpus names fewer than two people"
    return rows[0]


def a_claim(ledger: Path) -> int:
    import sqlite3

    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            "SELECT claims.id FROM claims JOIN sources ON sources.id = claims.source_id "
            "WHERE sources.is_current = 1 AND claims.is_checkworthy = 1 ORDER BY claims.id"
        ).fetchone()[0]


def write_command_cases(ledger: Path) -> dict[str, list[str]]:
    person_a, person_b = same_type_entities(ledger)
    return {
        "review": ["review", str(a_claim(ledger)), "--verdict", "contradicted", "--by", "kim"],
        "entity merge": ["entity", "merge", str(person_a), str(person_b), "--by", "kim"],
    }


@pytest.mark.parametrize("name", ["review", "entity merge"])
def test_kills_during_the_commit_of_review_and_entity_merge(
    name: str, small_ledger: Path, tmp_path: Path
) -> None:
    args = write_command_cases(small_ledger)[name]
    done_ledger = tmp_path / "done.db"
    fresh_copy(small_ledger, done_ledger)
    done = run_factcheck(done_ledger, *args)
    assert done.returncode == 0, done.stderr
    expected = {"before": normalised_export(small_ledger), "after": normalised_export(done_ledger)}
    assert expected["before"] != expected["after"]
    ledger = tmp_path / "killed.db"
    failures, inside = [], 0
    sends = [(signal.SIGKILL, delay) for delay in WINDOW_DELAYS_S[:4]] + [(signal.SIGINT, 0.0)]
    for sent, delay in sends:
        fresh_copy(small_ledger, ledger)
        killed = kill_in_window(
            factcheck_command(ledger, *args), COMMIT_START, COMMIT_END, sent, delay
        )
        inside += killed.inside and sent == signal.SIGKILL
        found = normalised_export(ledger)
        state = next((label for label, doc in expected.items() if found == doc), None)
        problems = ledger_problems(ledger)
        problems += signal_problems(sent, killed.returncode, killed.stderr, state, "")
        if sent == signal.SIGINT and state != "after":
            problems.append("a Ctrl-C during the COMMIT undid it")
        if problems:
            failures.append(f"{name}: {sent.name} {delay * 1000:.0f} ms in: {problems}")
    assert not failures, "\n".join(failures)
    assert inside >= 1, f"no SIGKILL landed inside the COMMIT of {name}"


def undated(text: str) -> str:
    """A report without the moment it was generated, which two runs do not share."""
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<generated>", text)


@pytest.mark.parametrize(
    "args",
    [["export", "--format", "json"], ["report", "--format", "html"]],
    ids=["export -o", "report -o"],
)
def test_kills_while_writing_an_export_or_report(
    args: list[str], small_ledger: Path, tmp_path: Path
) -> None:
    """The file is the old one or the whole new one, never a part; the ledger is untouched;
    a Ctrl-C leaves no temporary file behind."""
    target = tmp_path / "out" / "published.txt"
    target.parent.mkdir()
    clean = run_factcheck(small_ledger, *args)
    assert clean.returncode == 0, clean.stderr
    expected_ledger = normalised_export(small_ledger)
    old = "the previous edition\n"
    ledger = tmp_path / "ledger.db"
    failures, inside = [], 0
    sends = [(signal.SIGKILL, delay) for delay in WINDOW_DELAYS_S[:4]] + [(signal.SIGINT, 0.0)]
    for sent, delay in sends:
        fresh_copy(small_ledger, ledger)
        target.write_text(old, encoding="utf-8")
        for leftover in target.parent.glob(".published.txt.*"):
            leftover.unlink()  # a SIGKILL cannot clean up after itself; a rerun works past it
        command = factcheck_command(ledger, *args, "-o", str(target))
        killed = kill_in_window(command, WRITE_START, WRITE_END, sent, delay)
        inside += killed.inside
        problems = ledger_problems(ledger)
        content = target.read_text(encoding="utf-8")
        if undated(content) not in (old, undated(clean.stdout)):
            problems.append(f"the file holds {len(content)} characters of neither edition")
        if normalised_export(ledger) != expected_ledger:
            problems.append("the ledger changed")
        if sent == signal.SIGINT:
            if killed.returncode not in (0, 130) or "Traceback" in killed.stderr:
                problems.append(f"exit {killed.returncode}: {killed.stderr[-300:]}")
            if list(target.parent.glob(".published.txt.*")):
                problems.append("a temporary file was left behind")
        elif killed.returncode not in (0, -signal.SIGKILL):
            problems.append(f"exit {killed.returncode}: {killed.stderr[-300:]}")
        if problems:
            failures.append(f"{args[0]} -o: {sent.name} {delay * 1000:.0f} ms in: {problems}")
    assert not failures, "\n".join(failures)
    assert inside >= 1, f"no SIGKILL landed while {args[0]} -o was writing"


class _Stop(Exception):
    pass


def _raise_stop(signum: int, frame: object) -> None:
    raise _Stop


def test_ctrl_c_during_a_commit_is_raised_after_it_whichever_thread_receives_it() -> None:
    """The kill test once caught `run` saying "unchanged" about a committed ledger: the SIGINT went
    to a BLAS thread, so blocking it in the main thread did not hold Python's handler off between
    the COMMIT and its count. A signal sent from another thread reproduces that every time."""
    previous = signal.signal(signal.SIGINT, _raise_stop)
    finished = []
    try:
        with pytest.raises(_Stop), ctrl_c_deferred():
            sender = threading.Thread(target=os.kill, args=(os.getpid(), signal.SIGINT))
            sender.start()
            sender.join()
            time.sleep(0.05)  # bytecodes run here: a handler not held off raises now
            finished.append("the block")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert finished == ["the block"]


def test_kill_points_are_a_stratified_sample_with_a_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KILL_SEED_ENV, "7")
    monkeypatch.delenv(KILL_POINTS_ENV, raising=False)
    points, seed = kill_points()
    assert seed == 7 and len(points) == SAMPLED_KILL_POINTS
    assert points == kill_points()[0]  # the seed repeats the sample
    for slice_index, index in enumerate(points):
        slices = SAMPLED_KILL_POINTS
        assert (
            KILL_POINTS * slice_index // slices <= index < KILL_POINTS * (slice_index + 1) // slices
        )
        assert index % 2 == slice_index % 2  # SIGKILL and SIGINT alternate
    monkeypatch.setenv(KILL_POINTS_ENV, "all")
    assert kill_points() == (list(range(KILL_POINTS)), None)
    monkeypatch.setenv(KILL_POINTS_ENV, "often")
    with pytest.raises(ValueError, match=KILL_POINTS_ENV):
        kill_points()
