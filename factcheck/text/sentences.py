"""Sentence segmentation for English, Chinese and Bengali text, alone or mixed.

Returns absolute (start, end) spans, trimmed of whitespace. Chinese and Bengali terminators always
end a sentence; an English period does unless it ends an abbreviation, an initial or a decimal.
"""

from __future__ import annotations

import re

# Words that end with a period without ending the sentence (compared lowercase, without the dot).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "gov",
        "sen",
        "rep",
        "pres",
        "rev",
        "hon",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "dept",
        "univ",
        "vs",
        "etc",
        "al",
        "e.g",
        "i.e",
        "cf",
        "approx",
        "no",
        "nos",
        "vol",
        "pp",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "est",
        "ave",
        "blvd",
        "rd",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "p.m",
        "a.m",
        "ড",
    ]
)
ALWAYS_FINAL = "。！？；।॥"
MAYBE_FINAL = ".!?"
CLOSERS = "\"'”’」』)）]】"
# A candidate boundary: terminators, then any closing quotes or brackets.
_BOUNDARY = re.compile(
    rf"(\.{{3}}|…|[{re.escape(MAYBE_FINAL)}]+|[{ALWAYS_FINAL}]+|\n)([{re.escape(CLOSERS)}]*)"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT_START = re.compile(r"\s*(\S)")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences; spans are absolute offsets into text."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, stop):
        if _is_boundary(text, match, begin, stop):
            _add_trimmed(text, begin, match.end(), spans)
            begin = match.end()
    _add_trimmed(text, begin, stop, spans)
    return spans


def _is_boundary(text: str, match: re.Match[str], begin: int, stop: int) -> bool:
    mark = match.group(1)
    if mark == "\n":
        return True
    if mark[0] in ALWAYS_FINAL:
        return True
    if mark in ("...", "…"):
        return False  # an ellipsis inside a quote or a trailing thought: keep the sentence whole
    after = match.end()
    if after >= stop:
        return True
    following = text[after]
    if mark[0] in "!?":
        return following.isspace() or not following.isascii()
    # A period.
    if following.isspace():
        nxt = _NEXT_START.match(text, after, stop)
        if nxt is None:
            return True
        first = nxt.group(1)
        if first.islower() and first.isascii():
            return False  # "e.g. a thing", "approx. three"
        return not _ends_abbreviation(text, begin, match.start())
    if following.isascii() and following.isalpha() and following.isupper():
        # "techniques.A significant": a missing space, but not "U.S." nor "J.K."
        before = text[match.start() - 1] if match.start() > begin else ""
        word = _word_before(text, begin, match.start())
        return before.islower() and len(word) > 1 and "." not in word
    return not following.isascii() and not following.isdigit()


def _word_before(text: str, begin: int, dot: int) -> str:
    found = _WORD_BEFORE.search(text, max(begin, dot - 20), dot)
    return found.group(1) if found else ""


def _ends_abbreviation(text: str, begin: int, dot: int) -> bool:
    word = _word_before(text, begin, dot)
    if not word:
        return False
    bare = word.lower().strip(".")
    if bare in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. K. Rowling"
    # "U.S", "p.m": letters separated by dots
    return bool(re.fullmatch(r"(?:\w\.)+\w", word)) and len(word) <= 7


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
