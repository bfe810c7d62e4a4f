"""Stress figures for the ledger's promise (nothing lost, nothing corrupted): kill points tried and
survived, concurrent writers and operations, hypothesis examples run, bad files tried.

    PYTHONPATH=. python benchmarks/stress.py [--kills 52] [--writers 4] [--examples 200]

It runs the same harnesses as the tests (tests/test_interrupt.py: every point of a grid of
--kills, where the test samples 6 of 52 unless FACTCHECK_KILL_POINTS=all; test_concurrency.py,
test_properties.py, test_bad_input.py), with larger numbers if asked, and exits non-zero if
anything was lost.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=52)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--examples", type=int, default=200)
    options = parser.parse_args()
    os.environ["FACTCHECK_HYPOTHESIS_EXAMPLES"] = str(options.examples)
    os.environ.setdefault("PYTHONPATH", str(REPO))

    from click.testing import CliRunner

    from factcheck.cli import cli
    from tests import test_properties
    from tests.data.bad.make_bad_files import make_bad_files
    from tests.ledger_checks import ledger_problems
    from tests.test_concurrency import run_concurrently
    from tests.test_interrupt import run_kill_trials

    failures: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)

        started = time.monotonic()
        trials = run_kill_trials(work / "kills", options.kills)
        failures += trials.failures
        print(
            f"kill points: {trials.tried} tried, {trials.survived} survived "
            f"({trials.ledger_before} left the ledger as before the run, {trials.ledger_after} "
            f"after its commit); run {trials.run_seconds:.2f} s; "
            f"{time.monotonic() - started:.0f} s"
        )

        started = time.monotonic()
        run = run_concurrently(work / "concurrent", options.writers)
        failures += run.failures
        print(
            f"concurrency: {run.writers} writers, {run.operations} operations completed, "
            f"{run.sources} sources present, {len(run.failures)} failures; "
            f"{time.monotonic() - started:.0f} s"
        )

        started = time.monotonic()
        for name in dir(test_properties):
            if name.startswith("test_"):
                try:
                    getattr(test_properties, name)()
                except Exception as error:  # a falsified property is a failure to report
                    failures.append(f"{name}: {error}")
        counts = ", ".join(f"{name} {count}" for name, count in test_properties.EXAMPLES.items())
        total = sum(test_properties.EXAMPLES.values())
        print(f"hypothesis: {total} examples ({counts}); {time.monotonic() - started:.0f} s")

        cases = make_bad_files(work / "bad")
        ledger = work / "bad.db"
        tried = 0
        for case, path in cases.items():
            if case == "unreadable" and os.geteuid() == 0:
                continue  # root reads it anyway
            result = CliRunner().invoke(cli, ["--db", str(ledger), "ingest", str(path)])
            tried += 1
            if result.exception and not isinstance(result.exception, SystemExit):
                failures.append(f"bad file {case}: {result.exception!r}")
        cases["unreadable"].chmod(0o644)
        failures += ledger_problems(ledger)
        print(f"bad files: {tried} tried, ledger whole: {not ledger_problems(ledger)}")

    print("nothing lost" if not failures else "FAILURES:\n" + "\n".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
