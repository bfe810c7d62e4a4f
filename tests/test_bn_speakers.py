"""Bengali speakers: the name or title next to the speech verb, past the one spoken to, never a
verb or a noun (বলেও, আমন্ত্রণ, দাবি), nobody for someone unnamed, and a pronoun's person from
the sentence before; on the Bengali seed (seeds/003, real news) and its phrases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.lang.bn.speech import speaker_words, title_subject
from tests.conftest import DATA

SEED = DATA.parent.parent / "seeds" / "003_3ac30b51f75ed0a7.txt"


def test_the_seed_ministry_and_a_pronoun_after_naqvi(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.db"
    result = CliRunner().invoke(cli, ["--db", str(ledger), "run", str(SEED)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(ledger)
    found = dict(conn.execute("SELECT text, attributed_to FROM claims WHERE kind != 'role'"))
    ministry = next(text for text in found if text.startswith("স্বরাষ্ট্র মন্ত্রণালয় জানিয়েছে"))
    assert found[ministry] == "স্বরাষ্ট্র মন্ত্রণালয়"  # the ministry, not the minister it names
    pronoun = next(text for text in found if text.startswith("তিনি উল্লেখ করেন"))
    assert found[pronoun] == "নাকভি"  # "তিনি" after "বৈঠকের এক পর্যায়ে নাকভি ..."


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("বিকালে ইসি সচিব সিরাজুল ইসলাম", "সিরাজুল ইসলাম"),  # the name after the title
        ("আশ্রয়ন প্রকল্প বিস্তৃত করার নির্দেশ দিয়ে প্রধানমন্ত্রী", "প্রধানমন্ত্রী"),  # a title alone
        ("কমিটির সদস্য ফরিদ আহমেদ প্রকাশক", "ফরিদ আহমেদ"),  # a name between two titles
        ("নাম প্রকাশে অনিচ্ছুক ওই সংসদ সদস্য", ""),  # someone unnamed
        ("একজন নেতা", ""),
        ("নাকভি চীনা মন্ত্রীকে পাকিস্তান সফরের আমন্ত্রণ", None),  # a noun names no one
        ("প্রধান বিচারপতির বক্তব্যে ... ঘটেছে বলেও", None),  # a verb names no one
    ],
)  # fmt: skip
def test_speaker_words(words: str, speaker: str | None) -> None:
    assert speaker_words(words.split()) == speaker


def test_a_title_names_the_speaker_of_a_demand() -> None:
    words = "সমাবেশে ঢাকা সাংবাদিক ইউনিয়নের বিএনপিপন্থি অংশের সভাপতি আব্দুল হাই শিকদার নীতিমালা বাতিলের দাবি"
    assert title_subject(words.split()) == "আব্দুল হাই শিকদার"
