"""Regex search that stays fast when a pattern must not start inside a word.

A pattern that opens with an assertion (`\\b`, `(?<![\\w-])`) stops Python's regex engine from
skipping ahead to the positions where one of its alternatives' first characters occurs: it tries
the whole pattern at every position instead (7.8 µs a sentence for 264 country names, against
1.3 µs without the assertion). `LeftBounded` searches the bare pattern and checks the character
before each match itself, which finds exactly the matches the assertion would.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field

ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@dataclass(frozen=True)
class LeftBounded:
    """`pattern`, matched only where the character before is not in `not_after` (the inside of a
    character class): what a leading `(?<![not_after])` says. With the default `\\w` it is a
    leading `\\b`, for a pattern whose every match starts with a word character."""

    pattern: re.Pattern[str]
    not_after: str = r"\w"
    _before: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_before", re.compile(f"[{self.not_after}]"))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        endpos = len(text) if endpos is None else endpos
        while (found := self.pattern.search(text, pos, endpos)) is not None:
            start = found.start()
            if start and self._before.match(text, start - 1):
                pos = start + 1  # a match starting later may hide inside this one
                continue
            yield found
            pos = max(found.end(), start + 1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)
