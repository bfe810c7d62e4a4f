"""The fast searches give exactly the matches of the slow regexes they replace.

`LeftBounded` drops a pattern's leading assertion and checks the character before each match in
Python; the hand features find plain words by set lookup; case-insensitive cues and the number
scan match ASCII-lowered text. Each is compared with the plain regex on generated text built from
the pieces that make boundaries tricky (hyphens, apostrophes, digits, Bengali letters, case).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.checkworthy.features import HAND_FEATURES, hand_terms
from factcheck.extract.numbers import number_pattern
from factcheck.text.scripts import BN_CHARS
from factcheck.text.wordsearch import ASCII_LOWER, LeftBounded

PIECES = [
    "may", "May", "MAY", "mayor", "dismay", "last", "last year", "last week", "i", "I", "i'm",
    "I'm", "won't", "going to", "going", "to", "gone up", "half", "two", "twenty", "-", "'", "’",
    " ", "  ", ",", ".", "$", "5", "1999", "2024-01-07", "x", "_", "৭", "জানুয়ারি", "বুধবার", "গত",
    "ক", "本周三", "每周三", "\n", "percent", "per cent", "Per cent", "Monday", "monday", "K",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
SETTINGS = settings(max_examples=300, deadline=None)

WORDS = "may|mayor|last year|last|i'm|i|going to|two|twenty"
CASES = [
    (LeftBounded(re.compile(rf"(?:{WORDS})\b")), re.compile(rf"\b(?:{WORDS})\b")),
    (
        LeftBounded(re.compile(rf"(?:{WORDS})(?![\w-])"), r"\w-"),
        re.compile(rf"(?<![\w-])(?:{WORDS})(?![\w-])"),
    ),
    (
        LeftBounded(re.compile(r"(?:গত\s+)?বুধবার|[০-৯]+"), BN_CHARS),
        re.compile(rf"(?<![{BN_CHARS}])(?:(?:গত\s+)?বুধবার|[০-৯]+)"),
    ),
    (
        LeftBounded(re.compile(r"(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[,.]\d)"), r"\w,.$"),
        re.compile(r"(?<![\w,.$])(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[,.]\d)"),
    ),
]


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@SETTINGS
@given(TEXT, st.integers(0, 40), st.integers(0, 80))
def test_left_bounded_finds_what_the_assertion_finds(text: str, pos: int, endpos: int) -> None:
    for fast, slow in CASES:
        assert spans(fast.finditer(text)) == spans(slow.finditer(text))
        assert spans(fast.finditer(text, pos, endpos)) == spans(slow.finditer(text, pos, endpos))
        found, expected = fast.search(text), slow.search(text)
        assert (found and found.span()) == (expected and expected.span())


@SETTINGS
@given(TEXT)
def test_hand_features_match_their_regexes(text: str) -> None:
    lowered = text.lower()
    expected = []
    for term, pattern, _ in HAND_FEATURES:
        if isinstance(pattern, re.Pattern):
            regex = pattern
        else:  # the word list the set lookup stands for, as the plain regex it replaced
            words = sorted(pattern.plain) + [a.replace("\\", "") for a in _others(pattern)]
            regex = re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b")
        if regex.search(lowered):
            expected.append(term)
    assert [
        t for t in hand_terms(text) if not t.startswith(("_length", "_capital", "_numbers"))
    ] == (expected)


def _others(pattern) -> list[str]:
    if pattern.others is None:
        return []
    return pattern.others.pattern.pattern.removeprefix("(?:").removesuffix(")\\b").split("|")


@SETTINGS
@given(TEXT)
def test_number_scan_on_lowered_text_equals_ignorecase(text: str) -> None:
    number = number_pattern()
    ignorecase = re.compile(number.pattern, re.IGNORECASE)
    assert [(m.span(), m.lastgroup) for m in number.finditer(text.translate(ASCII_LOWER))] == [
        (m.span(), m.lastgroup) for m in ignorecase.finditer(text)
    ]
