"""The Mention record shared by the per-language finders."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.vocab import EntityType, values

ENTITY_TYPES = values(EntityType)


@dataclass(frozen=True)
class Mention:
    start: int  # absolute offsets into the text: text[start:end] == self.text
    end: int
    text: str  # surface form, Bengali case endings included ("নকভিকে")
    type: str  # "person" | "place" | "organization"
    lang: str
    match_form: str  # titles removed, case endings stripped: the form names are compared on
    role: str | None = None  # "Interior Minister", "副局长", "স্বরাষ্ট্রমন্ত্রী"


def select_non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (an organisation beats the place inside it),
    then sort by position."""
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= s or m.start >= e for s, e in taken):
            chosen.append(m)
            taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)
