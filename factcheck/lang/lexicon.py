"""The bilingual lexicon of roles, events, terms, units and places that claim matching reads, so
that claims in English, Chinese and Bengali meet on concepts rather than on translated words.

The lexicon is data (lexicon.tsv beside this file): extending it means adding a line.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

LANGUAGE_COLUMNS = ("en", "zh", "bn")


@dataclass(frozen=True)
class Concept:
    name: str
    kind: str  # role | event | term | unit | place


@dataclass(frozen=True)
class ConceptHit:
    concept: Concept
    start: int  # offsets into the text searched
    end: int


# Letters that IGNORECASE matches to an ASCII letter although their casefold is another (dotless
# and dotted i, long s, Kelvin and Angstrom signs, sharp s): a text holding one is searched
# without the substring prefilter.
SPECIAL_FOLDS = frozenset("\u0131\u0130\u017f\u212a\u212b\u1e9e\u00df")


@functools.cache
def _patterns() -> dict[str, list[tuple[Concept, re.Pattern[str], tuple[str, ...]]]]:
    """Per language, each concept's pattern and the strings one of which any match contains
    (casefolded for English), so most patterns are skipped by a substring test."""
    table = resources.files("factcheck.lang").joinpath("lexicon.tsv").read_text("utf-8")
    patterns: dict[str, list[tuple[Concept, re.Pattern[str], tuple[str, ...]]]] = {
        lang: [] for lang in LANGUAGE_COLUMNS
    }
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, *forms = line.split("\t")
        concept = Concept(name, kind)
        for lang, column in zip(LANGUAGE_COLUMNS, forms, strict=False):
            words = [form.strip() for form in column.split("|") if form.strip()]
            if not words:
                continue
            # Longest forms first, so "interior minister" wins over "minister".
            words.sort(key=len, reverse=True)
            if lang == "en":
                alternatives = [
                    re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)
                    for word in words
                ]
                pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I)
                needles = tuple(word.removesuffix("*").casefold() for word in words)
            else:
                normalised = [unicodedata.normalize("NFC", word) for word in words]
                pattern = re.compile("|".join(re.escape(word) for word in normalised))
                needles = tuple(normalised)
            patterns[lang].append((concept, pattern, needles))
    return patterns


def find_concepts(text: str, lang: str | None) -> list[ConceptHit]:
    """Every lexicon concept named in `text`; a span taken by a longer concept of the same kind
    ("interior minister") is not counted again for a shorter one ("minister")."""
    language = (lang or "en")[:2]
    table = _patterns().get(language) or _patterns()["en"]
    searched = unicodedata.normalize("NFC", text) if language != "en" else text
    english = table is _patterns()["en"]
    probe = searched.casefold() if english else searched
    prefilter = not (english and SPECIAL_FOLDS.intersection(probe))
    hits: list[ConceptHit] = []
    for concept, pattern, needles in table:
        if prefilter and not any(needle in probe for needle in needles):
            continue  # no match can lack all of its words
        for match in pattern.finditer(searched):
            overlapped = any(
                hit.concept.kind == concept.kind
                and hit.start < match.end()
                and match.start() < hit.end
                for hit in hits
            )
            if not overlapped:
                hits.append(ConceptHit(concept, match.start(), match.end()))
    return hits
