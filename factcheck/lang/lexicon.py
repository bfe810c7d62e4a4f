"""The lexicon of roles, events, terms, units and places that claim matching reads, so that
claims in different languages meet on concepts rather than on translated words.

The lexicon is data: the concepts and their kinds in concepts.tsv beside this file, and each
language's forms of them in its own folder's lexicon.tsv (lang/<code>/lexicon.tsv), read through
the registry; a new language adds its file, a new concept a line in each.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from factcheck.lang import language_for, primary_code, registry_key


@dataclass(frozen=True)
class Concept:
    name: str
    kind: str  # role | event | term | unit | place


@dataclass(frozen=True)
class ConceptHit:
    concept: Concept
    start: int  # offsets into the text searched
    end: int


@functools.cache
def concepts() -> tuple[Concept, ...]:
    """Every concept in the order claims are searched for them."""
    table = resources.files("factcheck.lang").joinpath("concepts.tsv").read_text("utf-8")
    return tuple(
        Concept(*line.split("\t"))
        for line in table.splitlines()
        if line.strip() and not line.startswith("#")
    )


def concept_forms(code: str) -> dict[str, list[str]]:
    """A registered language's forms of each concept it names, as written in its lexicon.tsv."""
    language = language_for(code)
    if language.lexicon is None:
        return {}
    forms: dict[str, list[str]] = {}
    for line in language.lexicon().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, column = line.split("\t")
        forms[name] = [form.strip() for form in column.split("|") if form.strip()]
    return forms


# Letters that IGNORECASE matches to an ASCII letter although their casefold is another (dotless
# and dotted i, long s, Kelvin and Angstrom signs, sharp s): a text holding one is searched
# without the substring prefilter.
SPECIAL_FOLDS = frozenset("\u0131\u0130\u017f\u212a\u212b\u1e9e\u00df")


@functools.cache
def _patterns(
    code: str, _registry: tuple
) -> list[tuple[Concept, re.Pattern[str], tuple[str, ...], bool]]:
    """Each concept's pattern, the strings one of which any match contains (casefolded for a
    case-insensitive pattern), so most patterns are skipped by a substring test, and whether
    the pattern ignores case."""
    whole_words = language_for(code).lexicon_whole_words
    forms = concept_forms(code)
    patterns: list[tuple[Concept, re.Pattern[str], tuple[str, ...], bool]] = []
    for concept in concepts():
        words = list(forms.get(concept.name, ()))
        if not words:
            continue
        # Longest forms first, so "interior minister" wins over "minister".
        words.sort(key=len, reverse=True)
        if whole_words:
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
        patterns.append((concept, pattern, needles, bool(pattern.flags & re.IGNORECASE)))
    return patterns


def find_concepts(text: str, lang: str | None) -> list[ConceptHit]:
    """Every lexicon concept named in `text`; a span taken by a longer concept of the same kind
    ("interior minister") is not counted again for a shorter one ("minister")."""
    code = primary_code(lang or "en")
    table = _patterns(code, registry_key())
    if not table:
        return []  # a language with no lexicon of its own: no other language's forms stand in
    whole_words = language_for(code).lexicon_whole_words
    searched = text if whole_words else unicodedata.normalize("NFC", text)
    folded = searched.casefold()
    # A letter IGNORECASE folds otherwise than casefold (a dotless i) could match unseen.
    prefilter = not SPECIAL_FOLDS.intersection(folded)
    hits: list[ConceptHit] = []
    for concept, pattern, needles, ignores_case in table:
        probe = folded if ignores_case else searched
        # map, not a generator: this test runs for every concept of every claim of every run.
        if prefilter and not any(map(probe.__contains__, needles)):
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
