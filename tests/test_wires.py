"""Issue 14, item 2: two outlets printing one agency's story are one origin, not two
confirmations; the verdict says how many outlets and origins it rests on. Fixtures in
tests/data/wires/: short items written from the widely reported raising of Pakistan's Special
Security Division (about 15,000 troops) for CPEC; datelines and agency names as agencies print
them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factcheck.match.wires import origin_name, wire_name, wires_in
from tests.conftest import DATA
from tests.ledger_checks import run_files

FIXTURES = DATA / "wires"
STORY = "ISLAMABAD (Reuters) - Pakistan has raised"


def run(tmp_path: Path, *names: str) -> sqlite3.Connection:
    return run_files(tmp_path, *(FIXTURES / name for name in names))


def verdict(conn: sqlite3.Connection, start: str) -> sqlite3.Row:
    return conn.execute(
        """SELECT verdicts.label, reason_texts.text AS rationale, claims.origin FROM verdicts
           JOIN claims ON claims.id = verdicts.claim_id
           JOIN reason_texts ON reason_texts.id = verdicts.rationale_id
           WHERE verdicts.is_current = 1 AND claims.text LIKE ? ORDER BY claims.id""",
        [start + "%"],
    ).fetchone()


def test_an_outlet_reprinting_a_wire_story_is_the_same_origin(tmp_path: Path) -> None:
    conn = run(tmp_path, "reuters_story.txt", "reuters_reprint.txt")
    origins = {row[0] for row in conn.execute("SELECT origin FROM claims WHERE kind != 'role'")}
    assert origins == {"wire-reuters"}, origins
    found = verdict(conn, STORY)
    assert found["label"] == "unverified", found["rationale"]
    assert "Only one origin says this: 2 sources repeat Reuters" in found["rationale"]


def test_own_reporting_is_a_second_origin_and_the_verdict_counts_outlets(tmp_path: Path) -> None:
    conn = run(tmp_path, "reuters_story.txt", "reuters_reprint.txt", "own_reporting.txt")
    found = verdict(conn, "Pakistan has 15,000 troops")
    assert found["label"] == "corroborated", found["rationale"]
    assert found["rationale"].startswith(
        "Corroborated by 1 independent source (2 outlets, 1 independent origin: Reuters "
        "counted once):"
    ), found["rationale"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ISLAMABAD (Reuters) - Pakistan has raised", "reuters"),
        ("WASHINGTON (AP) — The State Department said", "ap"),
        ("新华社北京3月10日电", "xinhua"),
        ("ঢাকা, ১০ মার্চ (বাসস) :", "bss"),
        ("স্বরাষ্ট্র মন্ত্রণালয়ের জারি করা এক প্রেস বিজ্ঞপ্তিতে এ তথ্য নিশ্চিত করা হয়", "press_release"),
    ],
)  # fmt: skip
def test_agencies_in_three_languages(text: str, key: str) -> None:
    assert [found for _, found in wires_in(text)] == [key]


def test_an_acronym_matches_only_as_written() -> None:
    assert wires_in("The map was drawn up by the ap team") == []
    assert wire_name("bss") == "Bangladesh Sangbad Sangstha"
    assert origin_name("wire-xinhua") == "Xinhua" and origin_name("source-3") is None
