"""English glosses of Chinese and Bengali claims: the tables, the resolved names and values put
in English, where the gloss shows (card, report, Datasette), and what matching does with it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from factcheck.match.gloss import Known, gloss
from factcheck.report.archive import GLOSS_LABEL
from tests.conftest import invoke_ok


def test_chinese_is_glossed_by_longest_match() -> None:
    assert gloss("巴基斯坦内政部长", "zh") == "Pakistan Minister of the Interior"
    # 了 is grammar, not content: left out rather than glossed "finish".
    assert gloss("会见了巴基斯坦内政部长", "zh") == "meet with Pakistan Minister of the Interior"


def test_bengali_words_and_case_endings_are_glossed() -> None:
    glossed = gloss("চীনা নাগরিকদের নিরাপত্তা দিতে বিশেষ ইউনিট গঠন করবে পাকিস্তান", "bn")
    assert glossed is not None
    words = glossed.split()
    assert {"chinese", "citizens", "security", "special", "unit", "pakistan"} <= set(words)


def test_known_spans_are_given_in_english_and_digits_kept() -> None:
    text = "বুধবার (৭ জানুয়ারি) নাকভি বৈঠক করেন"
    name_start = text.index("নাকভি")
    known = [Known(name_start, name_start + len("নাকভি"), "Mohsin Naqvi")]
    glossed = gloss(text, "bn", known)
    assert "Mohsin Naqvi" in glossed
    assert "7" in glossed.split()


def test_english_claims_get_no_gloss() -> None:
    assert gloss("Interior Minister Mohsin Naqvi", "en") is None


def test_seed_glosses_are_in_the_ledger_and_on_the_card(seeded_ledger: Path) -> None:
    conn = sqlite3.connect(seeded_ledger)
    rows = dict(
        conn.execute("SELECT text, gloss FROM claims WHERE lang IN ('zh', 'bn')").fetchall()
    )
    assert rows, "the seeds have Chinese and Bengali claims"
    assert all(gloss_text for gloss_text in rows.values()), "every zh/bn claim has a gloss"
    assert rows["巴基斯坦内政部长纳克维"] == "Pakistan Minister of the Interior Mohsin Naqvi"
    assert (
        conn.execute(
            "SELECT count(*) FROM claims WHERE lang = 'en' AND gloss IS NOT NULL"
        ).fetchone()[0]
        == 0
    )
    (claim_id,) = conn.execute(
        "SELECT id FROM claims WHERE text = '巴基斯坦内政部长纳克维'"
    ).fetchone()
    card = invoke_ok(seeded_ledger, "claim", str(claim_id)).output
    assert "not a translation" in card
    assert "Mohsin Naqvi" in card
    exported = json.loads(invoke_ok(seeded_ledger, "export").output)
    (claim,) = [c for c in exported["claims"] if c["id"] == claim_id]
    assert claim["gloss"] == "Pakistan Minister of the Interior Mohsin Naqvi"


def test_report_shows_the_gloss_next_to_the_original(seeded_ledger: Path) -> None:
    report = invoke_ok(seeded_ledger, "report").output
    assert f"*{GLOSS_LABEL}:*" in report.replace("\\(", "(").replace("\\)", ")")


def test_pacific_island_training_is_linked(seeded_ledger: Path) -> None:
    conn = sqlite3.connect(seeded_ledger)
    rows = conn.execute(
        """SELECT relation, reason FROM claim_links
           WHERE quote_a LIKE '%Pacific Island countries to provide training%'
             AND quote_b LIKE '%Solomon Islands%training%'"""
    ).fetchall()
    assert rows, "the SCMP's Pacific-island training and the Solomon Islands training"
    assert rows[0][0] == "related"
    assert "training" in rows[0][1] and "pacific islands" in rows[0][1]
