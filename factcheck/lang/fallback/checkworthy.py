"""Rules for languages without their own table: only script-independent cues."""

from __future__ import annotations

from functools import cache

from factcheck.extract.checkworthy.common import heading
from factcheck.extract.checkworthy.rules import Cue, RuleSet, cue


@cache
def rules() -> RuleSet:
    return RuleSet(
        cues=(
            cue("number", r"\d+(?:[.,]\d+)*", 1.5, "has a number: {match}"),
            cue("percent", r"\d\s?%", 0.5, "has a percentage: {match}"),
            cue("year", r"\b(?:1[89]|20)\d\d\b", 0.5, "has a year: {match}"),
            cue("question", r"[?？¿\u037e]", -3.0, "is a question"),
            cue("exclamation", r"[!！]\s*$", -1.5, "ends with an exclamation mark"),
            Cue("heading", heading(6, 60), -2.0, "looks like a heading: '{match}'"),
        ),
        bias=-0.5,
    )
