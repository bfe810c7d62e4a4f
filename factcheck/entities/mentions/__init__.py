"""Find mentions of people, places and organisations in text: each language's finder is its
lang/<code>/mentions.py; a language without one (the fallback) finds none."""

from __future__ import annotations

from factcheck.entities.mentions.link import link_short_references
from factcheck.entities.mentions.model import ENTITY_TYPES, Mention
from factcheck.lang import language_for

__all__ = [
    "ENTITY_TYPES",
    "Mention",
    "find_mentions",
    "find_source_mentions",
    "link_short_references",
]


def find_mentions(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Mentions inside text[start:end] with absolute offsets, by the language's own finder."""
    return language_for(lang).find_mentions(text, start, end)


def find_source_mentions(text: str, passages: list[tuple[int, int, str]]) -> list[Mention]:
    """Mentions in a source's passages ((start, end, lang), in text order).

    Each language's passages are read as one run, so a short reference ("নকভি", "纳克维") is
    found after its full form in an earlier paragraph; mentions outside the passages (in clutter
    or headings between them) are dropped.
    """
    by_lang: dict[str, list[tuple[int, int]]] = {}
    for start, end, lang in passages:
        by_lang.setdefault(lang, []).append((start, end))
    found: list[Mention] = []
    for lang, spans in by_lang.items():
        own_text = _blank_other_passages(text, passages, lang) if len(by_lang) > 1 else text
        for mention in find_mentions(own_text, lang, spans[0][0], spans[-1][1]):
            if any(start <= mention.start and mention.end <= end for start, end in spans):
                found.append(mention)
    return sorted(found, key=lambda mention: (mention.start, mention.end))


def _blank_other_passages(text: str, passages: list[tuple[int, int, str]], lang: str) -> str:
    """The text with other languages' passages turned into line breaks (same length, so offsets
    hold): a finder reading its own passages as one run need not tokenise the rest."""
    pieces, done = [], 0
    for start, end, passage_lang in passages:
        if passage_lang != lang:
            pieces += [text[done:start], "\n" * (end - start)]
            done = end
    pieces.append(text[done:])
    return "".join(pieces)
