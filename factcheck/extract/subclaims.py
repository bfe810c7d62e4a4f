"""Decomposition of a sentence into sub-claims: coordinated events and role claims.

"X, led by Deputy Director General Gao Jianzan, visited Pakistan and met with Interior Minister
Mohsin Naqvi." gives two events (visited, met with) and two roles, each with the exact span of the
words it rests on. Titles and name shapes are each language's (lang/<code>/roles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.lang import Language, language_for


@dataclass(frozen=True)
class SubClaim:
    """A span of a sentence that states one fact, with a simple triple."""

    start: int
    end: int
    kind: str  # event | role
    subject: str | None
    predicate: str
    object: str | None


@cache
def _event_patterns(language: Language) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(coordinated event, event verb) of a language with both tables, else None."""
    if not (language.coordinated_event and language.event_verbs):
        return None
    return re.compile(language.coordinated_event), re.compile(language.event_verbs)


_TRAILING = " .。!！;；,，\"'”’」』"


def find_roles(text: str, start: int, end: int, lang: str) -> list[SubClaim]:
    """Role claims from titles next to names, in text[start:end], by the language's own rules
    (lang/<code>/roles.py); a language without them has none."""
    roles = language_for(lang).find_roles(text, start, end)
    roles.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[SubClaim] = []
    for role in roles:
        if all(role.end <= k.start or role.start >= k.end for k in kept):
            kept.append(role)
    return kept


def split_events(text: str, start: int, end: int, lang: str) -> list[SubClaim]:
    """Coordinated events ("visited X and met with Y") as separate spans, else []."""
    patterns = _event_patterns(language_for(lang))
    if patterns is None:
        return []
    pattern, event = patterns
    cuts = [m for m in pattern.finditer(text, start, end)]
    if not cuts:
        return []
    first_event = event.search(text, start, cuts[0].start())
    if first_event is None and lang != "bn":
        return []
    events: list[SubClaim] = []
    subject = _subject(text, start, first_event.start()) if first_event and lang == "en" else None
    piece_start = start
    boundaries = [(c.start(), c.start("verb")) for c in cuts] + [(end, end)]
    predicate_match = first_event
    for piece_end, next_start in boundaries:
        span_end = _rstrip(text, piece_start, piece_end)
        predicate = predicate_match.group() if predicate_match else "event"
        obj = text[predicate_match.end() : span_end].strip(" 了") if predicate_match else None
        events.append(SubClaim(piece_start, span_end, "event", subject, predicate, obj or None))
        piece_start = next_start
        predicate_match = None
        if next_start < end:
            predicate_match = event.match(text, next_start, end) or event.search(
                text, next_start, end
            )
    return events


def _subject(text: str, start: int, verb_start: int) -> str | None:
    head = text[start:verb_start]
    head = re.split(r",|\s+(?:recently|yesterday|today|also|has|have|had)\b", head)[0]
    return head.strip() or None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end
