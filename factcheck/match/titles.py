"""Titles compared exactly: a qualifier makes another office ("Vice President" is not
"President", "former interior minister" is not the interior minister). The qualifiers are data,
per language."""

from __future__ import annotations

import re
import unicodedata

from factcheck.text.scripts import BN_CHARS

QUALIFIERS = {
    "en": (
        "vice|deputy|assistant|associate|former|ex|acting|interim|caretaker|outgoing|"
        "incoming|designate|elect|first lady|junior|state|minister of state|under|co"
    ),
    "zh": "副|前任|前|原|代理|助理|候任|署理",
    "bn": "উপ|সহকারী|সাবেক|প্রাক্তন|ভারপ্রাপ্ত|তত্ত্বাবধায়ক|প্রতিমন্ত্রী",
}


def _pattern(lang: str) -> re.Pattern[str]:
    words = sorted(QUALIFIERS[lang].split("|"), key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    if lang == "en":
        return re.compile(rf"(?<![\w])(?:{alternatives})(?=[\s-])", re.I)
    if lang == "bn":
        return re.compile(rf"(?<![{BN_CHARS}])(?:{alternatives})")
    return re.compile(alternatives)


PATTERNS = {lang: _pattern(lang) for lang in QUALIFIERS}


def qualifiers(title: str | None, lang: str | None) -> frozenset[str]:
    """The qualifiers a title carries, case-folded: "Vice President" → {"vice"}."""
    if not title:
        return frozenset()
    pattern = PATTERNS.get((lang or "en")[:2], PATTERNS["en"])
    text = unicodedata.normalize("NFC", title)
    return frozenset(match.group(0).casefold() for match in pattern.finditer(text))


def same_office(title_a: str | None, lang_a: str | None, title_b: str | None,
                lang_b: str | None) -> bool:  # fmt: skip
    """Two titles of one role concept name the same office when both carry qualifiers or
    neither does (qualifiers in two languages cannot be compared word for word)."""
    found_a, found_b = qualifiers(title_a, lang_a), qualifiers(title_b, lang_b)
    if (lang_a or "en")[:2] == (lang_b or "en")[:2]:
        return found_a == found_b
    return bool(found_a) == bool(found_b)
