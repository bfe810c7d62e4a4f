"""Cues every language shares: digits, questions, headings, gazetteers from CLDR."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.checkworthy.rules import Finder

# Sentence-final punctuation in the scripts we read (。 Chinese, । Bengali dari).
_FINAL = re.compile(r"[.。!！?？।|:：;；]['\"”’)）\]]*\s*$")
_TOKEN = re.compile(r"\w+")


def heading(max_words: int, max_chars: int) -> Finder:
    """Short text without sentence-final punctuation reads as a heading or label, not a claim."""

    def find(sentence: str) -> str | None:
        text = sentence.strip()
        if not text or _FINAL.search(text):
            return None
        if len(_TOKEN.findall(text)) <= max_words and len(text) <= max_chars:
            return text
        return None

    return find


@cache
def territory_names(locale: str) -> tuple[str, ...]:
    """Country and territory names in a CLDR locale (babel is already a dependency)."""
    from babel import Locale

    names = Locale.parse(locale).territories
    # Two-letter codes are countries and territories; numeric codes are continents and regions.
    return tuple(name for code, name in names.items() if code.isalpha() and len(name) >= 2)
