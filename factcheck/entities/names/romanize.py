"""Romanise names and reduce them to a phonetic key. Each script's romanisation is its
language's (lang/zh/romanize.py: pinyin; lang/bn/romanize.py: a letter table), read through the
registry; any other script goes through anyascii.

Romanisation only has to bring two spellings of one name close enough for the key and the
string scorer; it is not a transliteration standard.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from factcheck.lang import registered_languages, registry_key
from factcheck.text.scripts import script_of

MIDDLE_DOTS = "·•・‧∙⋅"
NAME_SEPARATORS = re.compile(rf"[\s{MIDDLE_DOTS}\-‐–]+")


@dataclass(frozen=True)
class Romanization:
    """How a language's names come into Latin letters (lang/<code>/romanize.py defines its
    ROMANIZATION): for names written in `script` (a text.scripts.script_of name)."""

    script: str
    to_latin: Callable[[str], str]


@functools.cache
def _romanizations(_registry: tuple) -> dict[str, Callable[[str], str]]:
    """script -> its registered language's romanisation (the first language to claim it)."""
    found: dict[str, Callable[[str], str]] = {}
    for language in registered_languages():
        if language.romanization is not None:
            found.setdefault(language.romanization.script, language.romanization.to_latin)
    return found


def _any_latin(text: str) -> str:
    return anyascii(unicodedata.normalize("NFC", text))


@lru_cache(maxsize=65536)
def romanize(text: str, lang: str | None = None) -> str:
    """Latin form of a name: its script's registered romanisation (pinyin for Han, a
    name-tuned table for Bengali), anyascii else.

    The result is lowercase words separated by single spaces. `lang` is a hint only: the
    script of the text decides.
    """
    to_latin = _romanizations(registry_key()).get(script_of(text), _any_latin)
    latin = to_latin(text)
    latin = re.sub(r"[^a-z0-9 ]+", " ", latin.lower().replace("'", ""))
    return " ".join(latin.split())


# Ordered: digraphs first, then single letters. Folds sounds that scripts write differently:
# q/k/c/g, x/s/z/j/ch/sh/zh (Bengali writes pinyin x as জ), v/w/bh, p/b, d/t.
_DIGRAPHS = [
    ("sch", "s"),
    ("tch", "s"),
    ("bh", "v"),
    ("ph", "f"),
    ("ck", "k"),
    ("ch", "s"),
    ("sh", "s"),
    ("zh", "s"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("dh", "d"),
    ("ts", "s"),
    ("dz", "s"),
]
_LETTER_FOLD = str.maketrans(
    {"q": "k", "c": "k", "g": "k", "x": "s", "z": "s", "j": "s", "w": "v", "p": "b", "d": "t"}
)
_VOWELS_AND_H = re.compile(r"[aeiouyh]")
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    for digraph, replacement in _DIGRAPHS:
        word = word.replace(digraph, replacement)
    word = word.translate(_LETTER_FOLD)
    word = _VOWELS_AND_H.sub("", word)
    return _DOUBLES.sub(r"\1", word)


def phonetic_key(latin: str) -> str:
    """Consonant skeleton per word: 'mohsin naqvi' → 'msn nkv'; 'na ke wei' joined → 'nkv'.

    Lowercase, drop vowels and h, fold q→k, v/w, x/s/j/z/ch/sh/zh, b/p, d/t, g/k, collapse
    doubles. Words stay separate so callers can align them.
    """
    words = romanize(latin).split() if script_of(latin) != "latin" else _latin_words(latin)
    return " ".join(k for k in (_word_key(w) for w in words) if k)


def _latin_words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]+", " ", anyascii(text).lower().replace("'", "")).split()
