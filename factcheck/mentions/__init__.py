"""Find mentions of people, places and organisations in text, one module per language."""

from __future__ import annotations

from factcheck.mentions.link import link_short_references
from factcheck.mentions.model import ENTITY_TYPES, Mention

__all__ = ["ENTITY_TYPES", "Mention", "find_mentions", "link_short_references"]


def find_mentions(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Mentions inside text[start:end] with absolute offsets; lang is 'en', 'zh' or 'bn'."""
    if lang.startswith("zh"):
        from factcheck.mentions import zh

        return zh.find_mentions(text, start, end)
    if lang.startswith("bn"):
        from factcheck.mentions import bn

        return bn.find_mentions(text, start, end)
    from factcheck.mentions import en

    return en.find_mentions(text, start, end)
