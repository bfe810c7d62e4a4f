"""Ingestion time for a hostile page: 2.5 MB of HTML with 100,000 <p> tags (issue 16), as factcheck
reads it now (lxml block reader above 1 MB, passages capped at 20,000) next to the baseline of the
same run: the page through trafilatura, with every passage kept. First, end to end: `factcheck
ingest` of the page in a fresh process (models loaded, the ledger written), wall and CPU time.

    PYTHONPATH=. python benchmarks/bench_ingest.py
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORDS = "the minister said police officers were deployed in the city on Monday after protests"


def hostile_page(paragraphs: int = 100_000) -> str:
    chooser = random.Random(1)
    words = WORDS.split()
    body = "\n".join(
        "<p>" + " ".join(chooser.choice(words) for _ in range(3)) + "</p>"
        for _ in range(paragraphs)
    )
    return f"<html><head><title>Many paragraphs</title></head><body>\n{body}\n</body></html>"


def timed_ingest(page: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of reading and analysing the page in this process, and the
    passages kept."""
    from factcheck.ingest import prepare_inputs

    started, cpu = time.perf_counter(), time.process_time()
    prepared = prepare_inputs([str(page)])
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return wall, cpu, len(prepared.analysed[0].passages)


def end_to_end(page: Path, ledger: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `factcheck ingest PAGE` in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "factcheck", "--db", str(ledger), "ingest", str(page)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "CI": "1"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    from factcheck.ingest import html, passages

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "hostile.html"
        page.write_text(hostile_page(), encoding="utf-8")
        size = page.stat().st_size / 1e6
        runs = [end_to_end(page, Path(folder) / f"ledger{run}.db") for run in range(3)]
        wall, cpu = min(runs)
        print(f"end to end, factcheck ingest in a new process: {wall:.1f} s wall, {cpu:.1f} s CPU")
        wall, cpu, kept = timed_ingest(page)
        print(
            f"{size:.1f} MB, 100,000 <p>: now {wall:.1f} s wall, {cpu:.1f} s CPU "
            f"({kept:,} passages kept)"
        )
        html.LARGE_PAGE_CHARS = 10**12  # baseline: trafilatura for every page
        passages.MAX_PASSAGES_PER_SOURCE = 10**9  # and no cap
        passages.split_passages_counted.__defaults__ = (10**9,)
        wall, cpu, kept = timed_ingest(page)
        print(
            f"baseline (trafilatura, no cap): {wall:.1f} s wall, {cpu:.1f} s CPU "
            f"({kept:,} passages)"
        )


if __name__ == "__main__":
    main()
