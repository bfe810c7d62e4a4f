"""The explicit fallback for a language with no folder of its own: script-independent
check-worthiness cues (numbers, years, percentages, question marks, heading shapes), no mention
finder and no cue words, and a reason on every claim that says so."""

from __future__ import annotations

from functools import cache

from factcheck.lang import Language


def checkworthy_rules():  # type: ignore[no-untyped-def]
    from factcheck.lang.fallback.checkworthy import rules

    return rules()


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list:
    return []


def language_name(code: str) -> str:
    """The language's English name from CLDR ('ur' -> 'Urdu'), else the code itself."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).english_name or code
    except (ValueError, UnknownLocaleError):
        return code


@cache
def fallback_for(code: str) -> Language:
    name = language_name(code) if code else "an unknown language"
    return Language(
        code=code,
        name=name,
        checkworthy_rules=checkworthy_rules,
        find_mentions=find_mentions,
        fallback_reason=f"no rules for {name} ({code}): language-independent fallback rules only",
    )
