"""PLACEHOLDER mention finder, to be replaced at merge by the real `mentions` package.

Only the API is meant to survive: `find_mentions(text, lang, start, end) -> list[Mention]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’-]*)*")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    lang: str
    match_form: str
    role: str | None = None


def find_mentions(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """PLACEHOLDER: capitalised word runs, English only; offsets are absolute in `text`."""
    if lang != "en":
        return []
    stop = len(text) if end is None else end
    return [
        Mention(m.start(), m.end(), m.group(), "unknown", lang, m.group().lower())
        for m in _CAPITALISED_RUN.finditer(text, start, stop)
    ]
