"""Content words of a claim, for matching claims of one language that name no entity the
mention finder knows: "riot control tactics" and "tactics of riot control" share words even when
they share no name.

Each language's words come from its folder's keywords.py (lang/<code>/keywords.py: English folds
endings, Chinese takes pairs of Han characters, Bengali strips case endings); a language without
one, or outside the registry, gets the language-independent split: case-folded runs of four
letters or more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from factcheck.lang import language_for, primary_code, registry_key

_LETTERS = re.compile(r"[^\W\d_]{4,}")


def letter_runs(text: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _LETTERS.findall(text))


@functools.cache
def _finder(code: str, _registry: tuple) -> Callable[[str], frozenset[str]]:
    return language_for(code).keywords or letter_runs


def keywords(text: str, lang: str | None) -> frozenset[str]:
    return _finder(primary_code(lang or "en"), registry_key())(text)
