"""Language identification: which language a passage is written in.

The script decides where it can (Bengali, Han, Hangul, kana are unambiguous); lingua, restricted
to the languages factcheck meets in newsrooms, decides among the languages that share a script.
lingua loads lazily, its small models first (RELIABLE_LOW_ACCURACY_CHARS): the full ones cost
about 2 s and 240 MiB, and only a short text in an unexpected language needs them.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from factcheck.loading import announce
from factcheck.text.scripts import BN_CHARS, HAN_CHARS

# Languages lingua may choose among (ISO 639-1). Restricting it keeps memory and start-up small and
# avoids the mislabelling its low-accuracy mode is known for.
SUPPORTED_LANGUAGES = (
    "en", "zh", "bn", "hi", "ur", "ar", "fa", "fr", "de", "es", "pt", "it", "nl", "id", "tr",
    "ru", "ja", "ko", "ta",
)  # fmt: skip

# A passage's language is read from its first this-many characters: a paragraph is far shorter,
# and a 5 MiB single-line file would otherwise take seconds of script counting and lingua.
MAX_DETECTION_CHARS = 10_000
# Below this many letters a Latin-script passage is too short to identify on its own.
MIN_LETTERS_FOR_DETECTION = 20


# English function words that are not words of the other Latin-script languages above (so not
# "in", "is", "of", "was", "will", "also", "he", "on"): a passage that uses several of them often
# is English, and lingua, whose models cost about two seconds to load, is not needed for it.
ENGLISH_MARKERS = frozenset({
    "the", "and", "with", "that", "this", "which", "from", "their", "they", "been", "would", "who",
    "said", "are", "has", "have", "had", "were", "to", "by", "she", "it", "its", "not", "when",
    "where", "while", "could", "should", "into", "than", "after", "about",
})  # fmt: skip
MIN_ENGLISH_MARKERS = 2  # distinct marker words
MIN_ENGLISH_MARKER_SHARE = 0.1  # of the passage's words
LATIN_WORD = re.compile(r"[a-z]+")


def looks_english(text: str) -> bool:
    """True when English function words are frequent enough that no other language fits."""
    words = LATIN_WORD.findall(text.lower())
    markers = [word for word in words if word in ENGLISH_MARKERS]
    frequent = len(markers) >= MIN_ENGLISH_MARKER_SHARE * len(words)
    return frequent and len(set(markers)) >= MIN_ENGLISH_MARKERS


_BENGALI = re.compile(f"[{BN_CHARS}]")
_HAN = re.compile(f"[{HAN_CHARS}]")


def letter_script(char: str) -> str | None:
    """The script of one letter, coarsely: 'bengali', 'han', 'kana', 'hangul', 'latin', 'other';
    None for what is not a letter."""
    if _BENGALI.match(char):
        return "bengali"
    if _HAN.match(char):
        return "han"
    code = ord(char)
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0xAC00 <= code <= 0xD7AF:
        return "hangul"
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return "latin" if name.startswith("LATIN") else "other"


_ASCII_LETTERS = re.compile("[A-Za-z]")


def script_counts(text: str) -> dict[str, int]:
    if text.isascii():  # most passages: one C-speed count instead of a lookup per character
        letters = len(_ASCII_LETTERS.findall(text))
        return {"latin": letters} if letters else {}
    counts: dict[str, int] = {}
    for char in text:
        script = letter_script(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    return counts


# Texts at least this long are told apart as well by lingua's low-accuracy mode (trigram models
# only: about 0.1 s and 30 MiB to load) as by its full models (about 2 s and 240 MiB); shorter
# texts lose much accuracy in it (lingua-rs issue 119, "less than 120 characters").
RELIABLE_LOW_ACCURACY_CHARS = 120


def _builder():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in SUPPORTED_LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes)


@functools.cache
def _detector():  # type: ignore[no-untyped-def]
    """lingua with its full models."""
    return _builder().build()


@functools.cache
def _small_detector():  # type: ignore[no-untyped-def]
    """lingua in its low-accuracy mode."""
    return _builder().with_low_accuracy_mode().build()


_full_models_announced = False


def _lingua_code(text: str, *, low_accuracy: bool) -> str | None:
    """lingua's answer as an ISO 639-1 code. The full models load on the first question that
    needs them (a second or two, holding Python's lock, so no display can redraw meanwhile):
    that first time is announced beforehand."""
    global _full_models_announced
    if not low_accuracy and not _full_models_announced:
        announce("lingua's language models")
        _full_models_announced = True
    detector = _small_detector() if low_accuracy else _detector()
    language = detector.detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language else None


def lingua_language(text: str, expected: str | None = None) -> str | None:
    """lingua's answer, from its low-accuracy models where they are as good: a text of
    RELIABLE_LOW_ACCURACY_CHARS or more, or a shorter one whose answer is the `expected`
    language (the rest of its document's). Only a short text that seems to be in another
    language than expected loads the full models, which decide it."""
    guess = _lingua_code(text, low_accuracy=True)
    if len(text) >= RELIABLE_LOW_ACCURACY_CHARS or (guess is not None and guess == expected):
        return guess
    return _lingua_code(text, low_accuracy=False)


def detect_language(
    text: str, *, fallback: str | None = None, expected: str | None = None
) -> str | None:
    """The ISO 639-1 code of the language `text` is mostly written in, or `fallback`.

    `fallback` is used for Latin-script text too short to identify (a byline, a tag line):
    the caller passes the language of the rest of the document. `expected` (by default the
    fallback) is the language a short text is taken to be in when lingua's small models say
    so too (lingua_language).
    """
    text = text[:MAX_DETECTION_CHARS]
    counts = script_counts(text)
    if not counts:
        return fallback
    script = max(counts, key=lambda name: counts[name])
    if script == "bengali":
        return "bn"
    if script == "han":
        return "ja" if counts.get("kana", 0) > counts["han"] * 0.2 else "zh"
    if script == "kana":
        return "ja"
    if script == "hangul":
        return "ko"
    if script == "latin" and counts[script] < MIN_LETTERS_FOR_DETECTION and fallback:
        return fallback
    if script == "latin" and looks_english(text):
        return "en"
    return lingua_language(text, expected or fallback) or fallback
