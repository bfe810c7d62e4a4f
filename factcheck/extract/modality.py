"""Modality of a sentence: asserted, reported, hedged, planned, question or opinion.

The cues are each language's table (lang/<code>/cues.py); this module only applies them in order
of precedence. A language without cues (the fallback) knows questions only.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.lang import Language, language_for

QUESTION_END = r"[?？][\"'”’」』)）]*\s*$"
_QUESTION = re.compile(QUESTION_END)


@cache
def _compiled(language: Language) -> list[tuple[str, re.Pattern[str]]]:
    return [(modality, re.compile(source)) for modality, source in language.modality_cues]


def _cues(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    return _compiled(language_for(lang))


def classify_modality(text: str, start: int, end: int, lang: str) -> tuple[str, str]:
    """(modality, reason) for text[start:end]; the first cue in precedence order wins.

    A wish ("May this initiative ...") must open the sentence; other cues may be anywhere.
    """
    if _QUESTION.search(text, start, end):
        return "question", "ends with a question mark"
    cues = _cues(lang)
    for index, (modality, pattern) in enumerate(cues):
        found = pattern.match(text, start, end) if index == 0 else pattern.search(text, start, end)
        if found:
            kind = "a wish" if index == 0 else "cue"
            return modality, f"{modality}: {kind} “{found.group().strip()}”"
    return "asserted", "asserted: no reporting, hedging, planning or opinion cue"


def has_cue(text: str, start: int, end: int, lang: str, modality: str) -> bool:
    """Whether text[start:end] holds a cue of `modality` (e.g. a future in a reported sentence)."""
    cues = _cues(lang)
    return any(m == modality and p.search(text, start, end) for m, p in cues[1:])
