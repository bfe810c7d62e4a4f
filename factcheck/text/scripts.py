"""Script helpers shared by every stage: character classes, Bengali spelling variants, script
guessing. Python's \\b breaks Bengali words at vowel signs, so Bengali patterns use the lookarounds
defined here instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

BN_CHARS = "\u0980-\u09ff"
# CJK unified ideographs, extension A, compatibility ideographs, and the supplementary planes'
# extensions B onwards: the one Han range every module reads.
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
BN_BEFORE = rf"(?<![{BN_CHARS}])"
BN_AFTER = rf"(?![{BN_CHARS}])"
DIGIT = "0-9০-৯０-９"

# Precomposed letters and vowel signs and their decomposed spellings (য় / য + ়, ো / ে + া);
# real texts use either, so patterns accept both and look-ups fold to the decomposed form.
_NUKTA = {
    "\u09df": "\u09af\u09bc",
    "\u09dc": "\u09a1\u09bc",
    "\u09dd": "\u09a2\u09bc",
    "\u09cb": "\u09c7\u09be",
    "\u09cc": "\u09c7\u09d7",
}
_NUKTA_PATTERN = {v: f"(?:{v}|{k})" for k, v in _NUKTA.items()}
# The three consonants with a nukta (not the split vowel signs): names are keyed composed.
BN_NUKTA_LETTERS = {k: v for k, v in _NUKTA.items() if v.endswith("\u09bc")}

_HAN = re.compile(f"[{HAN_CHARS}]")
_BENGALI = re.compile(f"[{BN_CHARS}]")
_LATIN = re.compile("[A-Za-z]")


def fold_bengali(text: str) -> str:
    """One spelling for the nukta letters, so table look-ups match either form."""
    for composed, decomposed in _NUKTA.items():
        text = text.replace(composed, decomposed)
    return text


def bn_pattern(word: str) -> str:
    """A regex source matching `word` in either nukta spelling."""
    source = re.escape(fold_bengali(word))
    for decomposed, alternatives in _NUKTA_PATTERN.items():
        source = source.replace(decomposed, alternatives)
    return source


def alternation(words: Iterable[str], bengali: bool = False) -> str:
    """Longest-first alternation so that 'twenty-five' wins over 'twenty'."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(bn_pattern(w) if bengali else re.escape(w) for w in ordered)


def guess_script_lang(text: str, default: str = "en") -> str:
    """'zh', 'bn' or 'en' by which script writes most of the text; `default` when none does.

    Han characters count as whole words, Latin and Bengali letters as about a third of one.
    """
    scores = {
        "zh": len(_HAN.findall(text)),
        "bn": len(_BENGALI.findall(text)) / 3,
        "en": len(_LATIN.findall(text)) / 3,
    }
    best = max(scores, key=scores.__getitem__)
    if scores[best] == 0:
        return default
    return best


def to_number(digits: str) -> float:
    """Parse digits in any script, with thousands separators ("14,000", "১,২৩৪", "3.5")."""
    return float(digits.replace(",", "").replace("，", "").replace("．", "."))


def script_of(text: str) -> str:
    """'han', 'bengali' or 'latin' for a name or a word: Han if any Han character is in it, else
    Bengali if any Bengali one is, else Latin (anyascii romanises the rest)."""
    if _HAN.search(text):
        return "han"
    if _BENGALI.search(text):
        return "bengali"
    return "latin"


def normalize_bengali(text: str) -> str:
    """Compose য়, ড়, ঢ় into single code points (same length or shorter): names are keyed so."""
    for composed, decomposed in BN_NUKTA_LETTERS.items():
        text = text.replace(decomposed, composed)
    return text
