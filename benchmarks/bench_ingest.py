"""Ingestion time for a hostile page: 2.5 MB of HTML with 100,000 <p> tags (issue 16), as factcheck
reads it now (lxml block reader above 1 MB, passages capped at 20,000) next to the baseline of the
same run: the page through trafilatura, with every passage kept.

    PYTHONPATH=. python benchmarks/bench_ingest.py
"""

from __future__ import annotations

import random
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


def timed_ingest(page: Path) -> tuple[float, int]:
    from factcheck.ingest import prepare_inputs

    started = time.perf_counter()
    prepared = prepare_inputs([str(page)])
    return time.perf_counter() - started, len(prepared.analysed[0].passages)


def main() -> None:
    from factcheck.ingest import html, passages

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "hostile.html"
        page.write_text(hostile_page(), encoding="utf-8")
        size = page.stat().st_size / 1e6
        now, kept = timed_ingest(page)
        print(f"{size:.1f} MB, 100,000 <p>: now {now:.1f} s ({kept:,} passages kept)")
        html.LARGE_PAGE_CHARS = 10**12  # baseline: trafilatura for every page
        passages.MAX_PASSAGES_PER_SOURCE = 10**9  # and no cap
        import factcheck.ingest as ingest

        ingest.split_passages_counted.__defaults__ = (10**9,)
        before, kept = timed_ingest(page)
        print(f"baseline (trafilatura, no cap): {before:.1f} s ({kept:,} passages)")


if __name__ == "__main__":
    main()
