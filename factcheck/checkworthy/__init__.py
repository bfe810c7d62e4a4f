"""PLACEHOLDER check-worthiness scorer, to be replaced at merge by the real `checkworthy` package.

Only the API is meant to survive: `assess(sentence, lang) -> Checkworthiness`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SIGNALS = (
    ("has a digit", re.compile(r"[0-9০-৯〇一二三四五六七八九十百千万亿]")),
    (
        "names someone or something",
        re.compile(r"(?<!^)\b[A-Z][a-z]+|[\u4e00-\u9fff]{2}|[\u0980-\u09ff]{3}"),
    ),
)


@dataclass(frozen=True)
class Checkworthiness:
    score: float
    is_checkworthy: bool
    reasons: tuple[str, ...]


def assess(sentence: str, lang: str) -> Checkworthiness:
    """PLACEHOLDER: a digit or a name and not a question."""
    stripped = sentence.rstrip(" \"'”’」』)")
    if stripped.endswith(("?", "？")):
        return Checkworthiness(0.0, False, ("is a question",))
    reasons = tuple(reason for reason, pattern in _SIGNALS if pattern.search(sentence))
    score = 0.3 * len(reasons) + (0.2 if len(sentence) > 40 else 0.0)
    return Checkworthiness(round(score, 2), score >= 0.5, reasons or ("no digit or name",))
