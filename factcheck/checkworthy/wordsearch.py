"""Whole-word search that stays fast on long alternations of words.

A pattern that opens with an assertion (`\\b`, `(?<![\\w-])`) stops Python's regex engine from
skipping ahead to the positions where one of the alternatives' first letters occurs: it tries every
alternative at every position instead (7.8 µs a sentence for 264 country names, against 1.3 µs
without the assertion). `WordStart` searches the bare pattern and checks the left boundary itself,
which finds exactly the same matches.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@dataclass(frozen=True)
class WordStart:
    """`pattern`, matched only where no word character (nor one of `also`) comes before: as a
    leading `\\b` (for an alternation whose words all start with a word character) or
    `(?<![\\w-])` (with also="-") would."""

    pattern: re.Pattern[str]
    also: str = ""

    def search(self, text: str) -> re.Match[str] | None:
        pos = 0
        while (found := self.pattern.search(text, pos)) is not None:
            start = found.start()
            before = text[start - 1] if start else ""
            if not before or not (before.isalnum() or before == "_" or before in self.also):
                return found
            pos = start + 1
        return None
