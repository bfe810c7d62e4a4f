"""Codes and concept names in the words a reader accepts: places by name ("Pakistan", not
"PK"), lexicon concepts by their English form, counts in proper grammar ("1 independent source")."""

from __future__ import annotations

import functools
from importlib import resources

from factcheck.lang.lexicon import concept_forms


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 independent source", "2 independent sources"."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def joined(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def concept_words(concept: str) -> str:
    """A lexicon concept in words: its first English form."""
    return _concept_words().get(concept, concept.replace("_", " "))


@functools.cache
def _concept_words() -> dict[str, str]:
    words = {}
    for name, forms in concept_forms("en").items():
        first = forms[0].rstrip("*").strip() if forms else ""
        if first:
            words[name] = first
    return words


@functools.cache
def place_name(code: str) -> str:
    """A place code in words: "PK" → Pakistan, "PK-IS" → Islamabad."""
    if "-" in code:
        table = (
            resources.files("factcheck.entities.names")
            .joinpath("data/places.tsv")
            .read_text("utf-8")
        )
        for line in table.splitlines():
            columns = line.split("\t")
            if len(columns) >= 3 and columns[0] == code:
                return columns[2].split("|")[0]
        return code
    from babel import Locale

    return Locale.parse("en").territories.get(code, code)
