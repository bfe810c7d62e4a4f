"""Titles compared exactly: a qualifier makes another office ("Vice President" is not
"President", "former interior minister" is not the interior minister). The qualifiers are data,
each language's TITLE_QUALIFIERS in its lang/<code>/cues.py."""

from __future__ import annotations

import functools
import re
import unicodedata

from factcheck.lang import language_for, primary_code, registry_key
from factcheck.match.stance import form_pattern


@functools.cache
def _pattern(code: str, _registry: tuple) -> re.Pattern[str] | None:
    language = language_for(code)
    if not language.title_qualifiers:
        return None
    words = sorted(language.title_qualifiers.split("|"), key=len, reverse=True)
    alternatives = "|".join(form_pattern(word, language) for word in words)
    if language.lexicon_whole_words:
        return re.compile(rf"(?<![\w])(?:{alternatives})(?=[\s-])", re.I)
    return re.compile(alternatives)


def qualifiers(title: str | None, lang: str | None) -> frozenset[str]:
    """The qualifiers a title carries, case-folded: "Vice President" → {"vice"}. A language
    outside the registry has none of its own, and no other language's stand in."""
    pattern = _pattern(primary_code(lang or "en"), registry_key()) if title else None
    if pattern is None:
        return frozenset()
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
