"""How a source stands towards what it reports, from cue words kept as data (each language's
lang/<code>/stance_cues.tsv, read through the registry):
whether it affirms or denies it, says it in its own voice or reports someone's allegation, and
whether it is done, planned, predicted, hedged or an opinion. Pure functions over text.

A denial ("false", "no evidence", "denied", a fact-check's rating, "did not") turns agreement on
the content into a contradiction; an allegation, a prediction, a hedge or an opinion never
corroborates nor is corroborated; a plan and a deed of the same thing are a tension to check.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.lang import Language, language_for, primary_code, registry_key

CUE_KINDS = (
    "denial",
    "rating",
    "negation",
    "not_negation",
    "allegation",
    "prediction",
    "opinion",
    "plan",
    "done",
    "hedge",
    "unconfirmed",
)
# What a claim says happened or holds, from surest to least: only `done` and `planned` claims
# state something a second source can confirm (a plan confirms a plan).
CONFIRMABLE_TENSES = frozenset({"done", "planned"})
# Extraction modalities that already settle the tense.
MODALITY_TENSE = {"opinion": "opinion", "question": "question", "hedged": "hedged"}


@dataclass(frozen=True)
class Stance:
    polarity: str  # affirms | denies
    voice: str  # own | allegation
    tense: str  # done | planned | prediction | opinion | hedged | question
    cues: tuple[tuple[str, str], ...] = ()  # (kind, the words found)

    def cue_words(self, *kinds: str) -> list[str]:
        return [words for kind, words in self.cues if kind in kinds]

    def describe(self) -> str:
        """The stance in words, with the cue that decided it."""
        if self.polarity == "denies":
            words = self.cue_words("denial", "rating", "negation")
            return f"denies it ({_quoted(words)})"
        if self.voice == "allegation":
            return f"reports it as an allegation ({_quoted(self.cue_words('allegation'))})"
        if self.tense in ("prediction", "opinion"):
            return f"is {'a' if self.tense == 'prediction' else 'an'} {self.tense} " + (
                f"({_quoted(self.cue_words(self.tense))})" if self.cue_words(self.tense) else ""
            )
        if self.tense == "planned":
            words = self.cue_words("plan")
            return "says it is planned" + (f" ({_quoted(words)})" if words else "")
        if self.tense == "done":
            words = self.cue_words("done")
            return "says it is done or exists" + (f" ({_quoted(words)})" if words else "")
        return f"is {self.tense}"


def _quoted(words: list[str]) -> str:
    return ", ".join(f"“{word}”" for word in dict.fromkeys(words))


def form_pattern(form: str, language: Language) -> str:
    """A cue form as a regex, matched the way its language's cue words are (see `Language`)."""
    if language.lexicon_whole_words:
        return (re.escape(form[:-1]) + r"\w*") if form.endswith("*") else re.escape(form)
    form = unicodedata.normalize("NFC", form)
    if letters := language.letters:
        if form.startswith("~"):
            return re.escape(form[1:]) + rf"(?![{letters}])"
        if form.endswith("="):
            return rf"(?<![{letters}]){re.escape(form[:-1])}(?![{letters}])"
        return rf"(?<![{letters}]){re.escape(form)}"
    return re.escape(form)


def forms_pattern(words: Iterable[str], language: Language) -> re.Pattern[str]:
    """One pattern of every form, longest first; whole words, case-folded, where the language
    matches its cue words so."""
    ordered = sorted({word for word in words if word}, key=len, reverse=True)
    alternatives = "|".join(form_pattern(word, language) for word in ordered)
    if language.lexicon_whole_words:
        return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])", re.I)
    return re.compile(alternatives)


@functools.cache
def _cue_patterns(code: str, _registry: tuple) -> dict[str, re.Pattern[str]]:
    language = language_for(code)
    if language.stance_cues is None:
        return {}
    patterns: dict[str, re.Pattern[str]] = {}
    for line in language.stance_cues().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, forms = line.split("\t")
        if kind not in CUE_KINDS:
            raise ValueError(f"{code}/stance_cues.tsv: unknown cue kind in {line!r}")
        patterns[kind] = forms_pattern((form.strip() for form in forms.split("|")), language)
    return patterns


def cue_pattern(lang: str | None, kind: str) -> re.Pattern[str] | None:
    """The language's pattern of one cue kind; None where it has no such cues (a language
    outside the registry has none: no other language's words stand in for its own)."""
    return _cue_patterns(primary_code(lang or "en"), registry_key()).get(kind)


def find_cues(text: str, lang: str | None, kind: str) -> list[str]:
    return [words for _start, _end, words in find_cue_spans(text, lang, kind)]


def find_cue_spans(text: str, lang: str | None, kind: str) -> list[tuple[int, int, str]]:
    """Where the cues of one kind are in the (NFC) text: (start, end, the words)."""
    pattern = cue_pattern(lang, kind)
    if pattern is None:
        return []
    searched = unicodedata.normalize("NFC", text)
    return [(match.start(), match.end(), match.group(0)) for match in pattern.finditer(searched)]


def _without(text: str, lang: str | None, kind: str) -> str:
    """The text with the spans of one cue kind blanked out (so "not only" negates nothing)."""
    pattern = cue_pattern(lang, kind)
    searched = unicodedata.normalize("NFC", text)
    return pattern.sub(lambda m: " " * len(m.group(0)), searched) if pattern else searched


@functools.lru_cache(maxsize=65536)
def stance_of(
    text: str,
    lang: str | None,
    modality: str = "asserted",
    kind: str = "",
    sentence: str = "",
) -> Stance:
    """The stance of a claim: denials, ratings and allegations are read in its whole sentence
    ("The claim that ... is false"), negation and tense in the claim's own words. A role claim
    ("Interior Minister Mohsin Naqvi") is a title in the source's own voice whatever the
    sentence around it says."""
    cues: list[tuple[str, str]] = []
    frame = sentence or text

    def found(cue_kind: str, searched: str) -> list[str]:
        words = find_cues(searched, lang, cue_kind)
        cues.extend((cue_kind, word) for word in words)
        return words

    if kind == "role":
        return Stance("affirms", "own", "done")
    denial = found("denial", frame) + found("rating", frame)
    negation = found("negation", _without(text, lang, "not_negation"))
    polarity = "denies" if denial or negation else "affirms"
    voice = "allegation" if found("allegation", frame) else "own"
    if modality in MODALITY_TENSE:
        tense = MODALITY_TENSE[modality]
    elif found("prediction", text):
        tense = "prediction"
    elif found("opinion", text):
        tense = "opinion"
    elif found("done", text):
        tense = "done"
    elif found("plan", text) or modality == "planned":
        tense = "planned"
    else:
        tense = "done"
    return Stance(polarity, voice, tense, tuple(cues))


def confirms(stance: Stance) -> bool:
    """Whether a claim can confirm or be confirmed at all: stated in the source's own voice, as
    a deed or a plan, not a prediction, a hedge, a question or an opinion."""
    return stance.voice == "own" and stance.tense in CONFIRMABLE_TENSES
