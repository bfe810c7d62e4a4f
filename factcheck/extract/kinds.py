"""The kind of a claim (quote, quantity, comparison, event, date, attribution, statement).

Rules are a table of tests in order of precedence; the first that holds names the kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from factcheck.extract.models import ClaimValue
from factcheck.lang import Language, language_for

Test = Callable[[str, int, int, str, Sequence[ClaimValue], str], str | None]


def _quote(text, start, end, lang, values, modality):
    quoted = [v for v in values if v.kind == "quote" and v.speaker]
    return f"quotes {quoted[0].speaker}" if quoted else None


def _quantity(text, start, end, lang, values, modality):
    counted = [v for v in values if v.kind in ("quantity", "percent", "money")]
    return f"has a {counted[0].kind}: {counted[0].text}" if counted else None


@cache
def _pattern(language: Language, table: str) -> re.Pattern[str] | None:
    source = getattr(language, table)
    return re.compile(source) if source else None


def _cue(table):
    """A test for one of the language's cue tables (Language.comparison, .event_verbs)."""

    def test(text, start, end, lang, values, modality):
        pattern = _pattern(language_for(lang), table)
        found = pattern.search(text, start, end) if pattern else None
        return f"cue “{found.group()}”" if found else None

    return test


def _date(text, start, end, lang, values, modality):
    dated = [v for v in values if v.kind == "date"]
    return f"has a date: {dated[0].text}" if dated else None


def _attribution(text, start, end, lang, values, modality):
    return "attributed to a source" if modality == "reported" else None


KIND_RULES: list[tuple[str, Test]] = [
    ("quote", _quote),
    ("quantity", _quantity),
    ("comparison", _cue("comparison")),
    ("event", _cue("event_verbs")),
    ("date", _date),
    ("attribution", _attribution),
]


def classify_kind(
    text: str, start: int, end: int, lang: str, values: Sequence[ClaimValue], modality: str
) -> tuple[str, str]:
    """(kind, reason) for the claim text[start:end] with its values."""
    for kind, test in KIND_RULES:
        reason = test(text, start, end, lang, values, modality)
        if reason:
            return kind, f"{kind}: {reason}"
    return "statement", "statement: no quote, value, comparison or event cue"
