"""Rule signals: tables of cue words and patterns that fire on a sentence, each with a reason.

A language's rules are a tuple of `Cue`s (see lang/ here). A cue that fires gives a
`Signal`: its weight (log-odds for or against check-worthiness) and a reason a fact-checker reads.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.text.wordsearch import ASCII_LOWER, LeftBounded

Finder = Callable[[str], str | None]


@dataclass(frozen=True)
class Cue:
    name: str
    find: Finder  # returns the text that triggered the cue, or None
    weight: float  # log-odds: > 0 for check-worthiness, < 0 against
    reason: str  # format string; "{match}" is replaced by what was found


@dataclass(frozen=True)
class Signal:
    name: str
    weight: float
    reason: str


@dataclass(frozen=True)
class RuleSet:
    """One language's cues and the log-odds of a sentence on which nothing fires."""

    cues: tuple[Cue, ...]
    bias: float


def nfc(text: str) -> str:
    """One spelling per letter: Bengali য় is typed both as one code point and as য + nukta."""
    return unicodedata.normalize("NFC", text)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word (部长 before 长)."""
    unique = sorted({nfc(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique)


def searching(searcher: re.Pattern[str] | LeftBounded, lowered: bool = False) -> Finder:
    """A finder that shows the first match as the sentence spells it. With `lowered`, the
    searcher is given the sentence with its ASCII letters lowered (same length, same offsets):
    Python's case-insensitive matching is several times slower than plain matching of a
    lower-case pattern."""

    def find(sentence: str) -> str | None:
        found = searcher.search(_ascii_lowered(sentence) if lowered else sentence)
        return sentence[found.start() : found.end()].strip() if found else None

    return find


_lowered_last = ("", "")  # the last sentence lowered, and its lowered form


def _ascii_lowered(sentence: str) -> str:
    """The sentence with its ASCII letters lowered, computed once for all the cues that read
    one sentence (find_signals hands each cue the same string object)."""
    global _lowered_last
    last = _lowered_last  # one read: another thread may replace it meanwhile
    if last[0] is not sentence:
        last = _lowered_last = (sentence, sentence.translate(ASCII_LOWER))
    return last[1]


def regex(pattern: str | re.Pattern[str], flags: int = 0) -> Finder:
    if isinstance(pattern, str) and flags & re.IGNORECASE and _lower_ascii(pattern):
        return searching(re.compile(pattern, flags & ~re.IGNORECASE), lowered=True)
    return searching(re.compile(nfc(pattern), flags) if isinstance(pattern, str) else pattern)


def _lower_ascii(pattern: str) -> bool:
    """An ASCII pattern with no upper-case letter (so no \\D, \\W, \\S or \\B): ignoring case
    means the same as lowering the sentence's ASCII letters."""
    return pattern.isascii() and pattern == pattern.lower()


def cue(name: str, pattern: str, weight: float, reason: str, flags: int = 0) -> Cue:
    return Cue(name, regex(pattern, flags), weight, reason)


def find_signals(sentence: str, rules: RuleSet) -> list[Signal]:
    """Every cue that fires, once each, in table order."""
    signals = []
    sentence = nfc(sentence)
    for rule in rules.cues:
        found = rule.find(sentence)
        if found is not None:
            shown = found if len(found) <= 60 else found[:57] + "..."
            signals.append(Signal(rule.name, rule.weight, rule.reason.format(match=shown)))
    return signals


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))
