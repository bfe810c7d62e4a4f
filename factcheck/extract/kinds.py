"""The kind of a claim (quote, quantity, comparison, event, date, attribution, statement).

Rules are a table of tests in order of precedence; the first that holds names the kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from factcheck.extract.cues import COMPARISON, EVENT_VERBS
from factcheck.extract.models import ClaimValue

_COMPARISON = {lang: re.compile(source) for lang, source in COMPARISON.items()}
_EVENT = {lang: re.compile(source) for lang, source in EVENT_VERBS.items()}

Test = Callable[[str, int, int, str, Sequence[ClaimValue], str], str | None]


def _quote(text, start, end, lang, values, modality):
    quoted = [v for v in values if v.kind == "quote" and v.speaker]
    return f"quotes {quoted[0].speaker}" if quoted else None


def _quantity(text, start, end, lang, values, modality):
    counted = [v for v in values if v.kind in ("quantity", "percent", "money")]
    return f"has a {counted[0].kind}: {counted[0].text}" if counted else None


def _cue(table):
    def test(text, start, end, lang, values, modality):
        found = table.get(lang, table["en"]).search(text, start, end)
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
    ("comparison", _cue(_COMPARISON)),
    ("event", _cue(_EVENT)),
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
