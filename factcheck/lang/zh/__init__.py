"""Chinese: check-worthiness rules (checkworthy.py), mention finder (mentions.py and mentions.tsv),
cue words for modality, events and comparisons (cues.py), role titles (roles.py)."""

from __future__ import annotations

from factcheck.lang import Language
from factcheck.lang.zh import cues


def checkworthy_rules():  # type: ignore[no-untyped-def]
    from factcheck.lang.zh.checkworthy import rules

    return rules()


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list:
    from factcheck.lang.zh import mentions

    return mentions.find_mentions(text, start, end)


def find_roles(text: str, start: int, end: int) -> list:
    from factcheck.lang.zh import roles

    return roles.find_roles(text, start, end)


LANGUAGE = Language(
    code="zh",
    name="Chinese",
    checkworthy_rules=checkworthy_rules,
    find_mentions=find_mentions,
    find_roles=find_roles,
    modality_cues=tuple(cues.MODALITY_CUES),
    event_verbs=cues.EVENT_VERBS,
    coordinated_event=cues.COORDINATED_EVENT,
    comparison=cues.COMPARISON,
)
