"""Romanise names from Han and Bengali script and reduce them to a phonetic key.

Romanisation only has to bring two spellings of one name close enough for the key and the
string scorer; it is not a transliteration standard. pypinyin is imported lazily (250 ms).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii

from factcheck.text.scripts import HAN_CHARS, normalize_bengali, script_of

_HAN = re.compile(f"[{HAN_CHARS}]")
MIDDLE_DOTS = "·•・‧∙⋅"
_NAME_SEPARATORS = re.compile(rf"[\s{MIDDLE_DOTS}\-‐–]+")


@cache
def _bengali_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    text = (
        resources.files("factcheck.entities.names").joinpath("data/bn_latin.tsv").read_text("utf-8")
    )
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        letter, latin, kind = line.split("\t")
        table[normalize_bengali(letter)] = (latin, kind)
    return table


def _romanize_bengali_word(word: str) -> str:
    """Letter by letter, adding the inherent vowel 'o' after a word's first consonant when
    another consonant follows (মহসিন → mohsin, নকভি → nokvi) and before ং (হং → hong);
    elsewhere Bengali mostly drops it in speech (নাকভি → nakvi)."""
    table = _bengali_table()
    # Word-initial ওয় is how Bengali writes "w" (ওয়াং = Wang).
    if word.startswith("ও\u09df"):
        word = "w" + word[2:]
    out: list[str] = []
    letters = list(word)
    for i, ch in enumerate(letters):
        latin, kind = table.get(ch, (anyascii(ch), "m"))
        out.append(latin)
        if kind == "c" and i + 1 < len(letters):
            nxt = letters[i + 1]
            if (i == 0 and table.get(nxt, ("", "m"))[1] == "c") or nxt in "ংঃ":
                out.append("o")
    return "".join(out)


def _romanize_han(text: str) -> str:
    """Pinyin; syllables of one name part are joined ("mo xin·na ke wei" → "moxin nakewei")."""
    from pypinyin import Style, lazy_pinyin

    parts = [p for p in _NAME_SEPARATORS.split(text) if p]
    words: list[str] = []
    for part in parts:
        if _HAN.search(part):
            words.append("".join(lazy_pinyin(part, style=Style.NORMAL)))
        else:
            words.append(anyascii(part))
    return " ".join(words)


@lru_cache(maxsize=65536)
def romanize(text: str, lang: str | None = None) -> str:
    """Latin form of a name: pinyin for Han, a name-tuned table for Bengali, anyascii else.

    The result is lowercase words separated by single spaces. `lang` is a hint only: the
    script of the text decides.
    """
    script = script_of(text)
    if script == "han":
        latin = _romanize_han(text)
    elif script == "bengali":
        words = _NAME_SEPARATORS.split(normalize_bengali(text))
        latin = " ".join(_romanize_bengali_word(w) for w in words if w)
    else:
        latin = anyascii(unicodedata.normalize("NFC", text))
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
