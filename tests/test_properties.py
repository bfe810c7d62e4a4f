"""Property-based tests: arbitrary Unicode through ingestion, language detection and date parsing.

Mixed scripts, combining marks, zero-width and bidirectional controls, control characters, very
long lines and huge numbers: no exception escapes, passage spans are ordered, in range and trimmed,
every result is the same twice, and the same text ingested twice adds nothing the second time.
`EXAMPLES` counts the examples each property ran (benchmarks/stress.py prints it); set
FACTCHECK_HYPOTHESIS_EXAMPLES to run more.
"""

from __future__ import annotations

import datetime
import io
import os
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.db import open_ledger
from factcheck.ingest import analyse, ingest_paths
from factcheck.ingest.html import NotAnArticle
from factcheck.ingest.metadata import parse_date
from factcheck.ingest.passages import split_passages
from factcheck.ingest.reading import RawDocument
from factcheck.text.language import SUPPORTED_LANGUAGES, detect_language

EXAMPLES: Counter[str] = Counter()
MAX_EXAMPLES = int(os.environ.get("FACTCHECK_HYPOTHESIS_EXAMPLES", "60"))
PROPERTY = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,  # lingua loads on first use, in about a second
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces that hit the rules of the pipeline, and pieces that hurt text handling.
PIECES = [
    "Pakistan and China agreed on Tuesday to expand police cooperation, officials said.",
    "চীনা নাগরিকদের নিরাপত্তা দিতে সুরক্ষা বিশেষ ইউনিট গঠন করবে পাকিস্তান।",
    "巴基斯坦和中国同意扩大警务合作。",
    "مرحبا بالعالم",  # right-to-left Arabic
    "שלום עולם",  # right-to-left Hebrew
    "\u202eevil\u202c",  # right-to-left override
    "\u200e\u200f",  # direction marks
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte-order mark inside the text
    "e\u0301\u0301\u0301",  # stacked combining marks
    "\u0301",  # a combining mark with nothing to combine with
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\r",
    "\n\n",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b\x0c",
    "\t",
    "   ",
    "\u3000",  # ideographic space
    " – South China Morning Post",
    "new.  – South China Morning Post",  # two spaces before the attribution
    " - Reuters",
    "23 February 2025",
    "Feb 23, 2025",
    "২৩ ফেব্রুয়ারি ২০২৫",
    "আপডেট সময় : ০৭ জানুয়ারী ২০২৬",
    "2025年2月23日",
    "9999-99-99",
    "Today : Feb 23, 2025",
    "Reference Link: https://thinktank.pk/2025/07/23/a/",
    "You may also like:",
    "Leave a Reply",
    "# Heading",
    "- item",
    "ſep 1, 2020",  # long s folds to 's' under re.I
    "K",  # Kelvin sign folds to 'k'
    "٢٠٢٥-٠٢-٢٣",  # Arabic-Indic digits are \d too
    "\U0001f600",
    "\ud7ff\ue000\U0010ffff",
]
huge_numbers = st.integers(min_value=-(10**60), max_value=10**60).map(str)
long_lines = st.tuples(
    st.sampled_from(PIECES[:3] + ["a", "9 ", "word "]), st.integers(1, 3000)
).map(lambda pair: pair[0] * pair[1])
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=40), huge_numbers, long_lines),
    max_size=30,
).map("".join)


def spans_hold(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        assert start >= previous_end, "spans overlap or are out of order"
        piece = text[start:end]
        assert piece == piece.strip(), f"span not trimmed: {piece!r}"
        previous_end = end


@PROPERTY
@given(texts)
@example("Police said the unit was new.  – South China Morning Post")
def test_split_passages(text: str) -> None:
    EXAMPLES["split_passages"] += 1
    passages = split_passages(text)
    spans_hold(text, [(p.start, p.end) for p in passages])
    assert [p.seq for p in passages] == list(range(1, len(passages) + 1))
    assert all(p.lang is None or p.lang in SUPPORTED_LANGUAGES for p in passages)
    assert split_passages(text) == passages


@PROPERTY
@given(texts, st.sampled_from(["text", "markdown", "html"]))
def test_analyse(text: str, document_format: str) -> None:
    EXAMPLES["analyse"] += 1
    raw = RawDocument("x.txt", None, "0" * 64, len(text), text, document_format)
    try:
        first = analyse(raw)
    except NotAnArticle:
        return  # an HTML page with no article text: refused with its one line
    spans_hold(first.text, [(p.start, p.end) for p in first.passages])
    again = analyse(raw)
    assert (again.text, again.passages, again.metadata, again.languages) == (
        first.text,
        first.passages,
        first.metadata,
        first.languages,
    )


@PROPERTY
@given(texts, st.sampled_from([None, "en", "bn"]))
def test_detect_language(text: str, fallback: str | None) -> None:
    EXAMPLES["detect_language"] += 1
    language = detect_language(text, fallback=fallback)
    assert language is None or language in SUPPORTED_LANGUAGES
    assert detect_language(text, fallback=fallback) == language


@PROPERTY
@given(st.one_of(texts, huge_numbers.map(lambda n: f"{n} February {n}")))
def test_parse_date(text: str) -> None:
    EXAMPLES["parse_date"] += 1
    date = parse_date(text)
    assert date is None or isinstance(date, datetime.date)
    assert parse_date(text) == date


def ledger_counts(path: Path) -> tuple[int, ...]:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return tuple(
            conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("sources", "passages", "sources_fts")
        )


@settings(PROPERTY, max_examples=max(10, MAX_EXAMPLES // 3))
@given(texts)
def test_ingesting_the_same_text_twice_adds_nothing(text: str) -> None:
    EXAMPLES["ingest_twice"] += 1
    data = text.encode("utf-8", errors="surrogatepass")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.db"
        db = open_ledger(path)
        first = ingest_paths(db, ["-"], stdin=io.BytesIO(data))
        after_first = ledger_counts(path)
        second = ingest_paths(db, ["-"], stdin=io.BytesIO(data))
        db.conn.close()
        assert ledger_counts(path) == after_first
        assert second.count("added") == second.count("new_version") == 0
        if first.count("added"):
            assert second.count("unchanged") == 1
