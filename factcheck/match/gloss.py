"""An English gloss of a Chinese or Bengali claim: word by word, from lexical tables, with the
people, places, numbers and dates the pipeline already resolved put in their English form.

A gloss is a reading and matching aid, never a translation: it keeps the original's word order
and drops what the tables do not know. Chinese: longest-match segmentation over a table derived
from CC-CEDICT (gloss_data/zh_en.tsv.gz, CC BY-SA 3.0). Bengali: a word table learned by IBM
Model 1 from parallel posts (gloss_data/bn_en.tsv.gz), with case endings stripped when a form is
not in it. Pure functions; nothing here knows SQLite.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from factcheck.loading import announced

GLOSSED_LANGUAGES = ("zh", "bn")
ALTERNATIVE_PROBABILITY = 0.2
MAX_HAN_WORD = 8
HAN = re.compile(r"[\u3400-\u9fff]")
# A Bengali word (letters and signs), a Latin word, or a number in either script's digits.
BN_TOKEN = re.compile(
    r"[\u0980-\u09e5\u09f0-\u09ff]+|[A-Za-z][A-Za-z'-]*|[0-9\u09e6-\u09ef][0-9\u09e6-\u09ef.,]*"
)
ZH_TOKEN = re.compile(r"[\u3400-\u9fff]+|[A-Za-z][A-Za-z'-]*|[0-9][0-9.,]*")
# Particles that carry grammar, not content: glossed they only add noise ("finish" for 了).
ZH_PARTICLES = frozenset("了的地得着过吗呢吧啊也就都和与及并而之在是将")
BENGALI_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
# Case endings and particles, longest first: নাগরিকদের -> নাগরিক, পাকিস্তানের -> পাকিস্তান.
BN_SUFFIXES = (
    "গুলোর",
    "গুলো",
    "গুলি",
    "দের",
    "দেরকে",
    "েরা",
    "ের",
    "কে",
    "তে",
    "রা",
    "টি",
    "টা",
    "য়",
    "র",
    "ে",
    "ও",
    "ই",
)


@dataclass(frozen=True)
class Known:
    """A span of the claim the pipeline already knows in English (an entity, a value)."""

    start: int  # offsets into the claim's text
    end: int
    english: str


@functools.cache
@announced("the Chinese gloss table (CC-CEDICT)")
def zh_table() -> dict[str, str]:
    return read_table("zh_en.tsv.gz")


@functools.cache
@announced("the Bengali gloss table")
def bn_alternatives() -> dict[str, tuple[str, ...]]:
    """A Bengali word's other likely English words (t(e|b) at least ALTERNATIVE_PROBABILITY):
    for matching only, never shown."""
    table = {}
    for word, translations in read_table("bn_en.tsv.gz").items():
        others = []
        for pair in translations.split()[1:]:
            english, _, probability = pair.partition(":")
            if float(probability) >= ALTERNATIVE_PROBABILITY:
                others.append(english)
        if others:
            table[word] = tuple(others)
    return table


def alternative_words(text: str, lang: str | None) -> list[str]:
    """The second English words of a Bengali text's words, for matching."""
    if lang != "bn":
        return []
    alternatives = bn_alternatives()
    return [other for token in BN_TOKEN.findall(text) for other in alternatives.get(token, ())]


@functools.cache
@announced("the Bengali gloss table")
def bn_table() -> dict[str, str]:
    table = {}
    for word, translations in read_table("bn_en.tsv.gz").items():
        table[word] = translations.split()[0].split(":")[0]
    return table


def read_table(name: str) -> dict[str, str]:
    data = resources.files("factcheck.match").joinpath("gloss_data", name).read_bytes()
    table = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("\t")
            table[key] = value
    return table


def first_sense(sense: str) -> str:
    return sense.split("/")[0]


def gloss_han(run: str) -> list[str]:
    """Longest-match segmentation of a run of Han characters, each word glossed."""
    table = zh_table()
    words, i = [], 0
    while i < len(run):
        for size in range(min(MAX_HAN_WORD, len(run) - i), 0, -1):
            if size == 1 and run[i] in ZH_PARTICLES:
                i += 1
                break
            sense = table.get(run[i : i + size])
            if sense:
                words.append(first_sense(sense))
                i += size
                break
        else:
            i += 1  # a character the table does not know: left out
    return words


def gloss_bengali_word(word: str) -> str | None:
    table = bn_table()
    if word in table:
        return table[word]
    for suffix in BN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)]
            if stem in table:
                return table[stem]
    return None


def gloss_plain(text: str, lang: str) -> list[str]:
    words: list[str] = []
    if lang == "zh":
        for token in ZH_TOKEN.findall(text):
            words.extend(gloss_han(token) if HAN.match(token) else [token])
    else:
        for token in BN_TOKEN.findall(text):
            if token[0].isascii() or token[0] in "০১২৩৪৫৬৭৮৯":
                words.append(token.translate(BENGALI_DIGITS))
            elif english := gloss_bengali_word(token):
                words.append(english)
    return words


def gloss(text: str, lang: str | None, known: Sequence[Known] = ()) -> str | None:
    """The English gloss of a Chinese or Bengali text, or None for other languages (and when
    nothing in it is known)."""
    if lang not in GLOSSED_LANGUAGES:
        return None
    words: list[str] = []
    position = 0
    for span in sorted(known, key=lambda k: (k.start, -k.end)):
        if span.start < position or span.end > len(text):
            continue  # overlaps one already placed
        words.extend(gloss_plain(text[position : span.start], lang))
        words.append(span.english)
        position = span.end
    words.extend(gloss_plain(text[position:], lang))
    result = " ".join(word for word in words if word)
    return result or None
