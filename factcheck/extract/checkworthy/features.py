"""Turn an English sentence into the terms the shipped linear model weighs.

Training (benchmarks/train_checkworthy.py) and inference both call these functions, so the
model sees exactly the same terms in both places: that is what makes inference reproduce sklearn.

Besides word n-grams and character n-grams, a sentence gets hand-feature pseudo-terms (names start
with '_'): the part-of-speech and entity signals ClaimBuster-style detectors use (cardinal numbers,
past tense, pronouns by person, modals, comparatives, capitalised names, length), found with
closed-class word lists and patterns instead of a tagger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.wordsearch import LeftBounded

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+|[?%$]")
_TOKEN = re.compile(r"[\w']+")
_WORD_RUN = re.compile(r"\w+")
_NUMBER = re.compile(r"\d[\d,.]*")
# A capitalised word not at the start of the sentence: a name, place or organisation, mostly.
_CAPITALISED = re.compile(r"(?<=[\w,;:'\"’”)] )[A-Z][a-z]+")


@dataclass(frozen=True)
class _Words:
    """Whole words or phrases, 'will|would|going to', as `\\b(?:will|would|going to)\\b` finds them:
    a plain word is found when it is one of the sentence's maximal runs of word characters (a
    set lookup), and only the phrases and contractions need a regex."""

    plain: frozenset[str]
    others: LeftBounded | None

    def found_in(self, lowered: str, words: frozenset[str]) -> bool:
        if not self.plain.isdisjoint(words):
            return True
        return self.others is not None and self.others.search(lowered) is not None


def _words(alternatives: str) -> _Words:
    listed = alternatives.split("|")
    if not all(re.fullmatch(r"\w[\w' ]*\w|\w", a) for a in listed):
        raise ValueError(f"only words, contractions and phrases: {alternatives}")
    plain = frozenset(a for a in listed if re.fullmatch(r"\w+", a))
    others = [re.escape(a) for a in listed if a not in plain]
    return _Words(plain, LeftBounded(re.compile(rf"(?:{'|'.join(others)})\b")) if others else None)


# Each is (term, pattern on the lower-cased sentence, meaning in words).
HAND_FEATURES: tuple[tuple[str, re.Pattern[str] | _Words, str], ...] = (
    ("_has_number", re.compile(r"\d"), "has a number"),
    (
        "_cardinal_word",
        _words(
            r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
            r"fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|"
            r"dozens|half|twice|double|doubled|tripled|quarter|third"
        ),
        "has a number in words",
    ),
    ("_has_percent", re.compile(r"%|\bper ?cent"), "has a percentage"),
    ("_has_money", re.compile(r"\$|\b(?:dollars?|cents?)\b"), "has an amount of money"),
    (
        "_big_number",
        _words(r"million|millions|billion|billions|trillion|trillions"),
        "has millions or billions",
    ),
    ("_year", re.compile(r"\b(?:1[89]|20)\d\d\b|\B'\d\d\b"), "has a year"),
    (
        "_date_word",
        _words(
            r"january|february|march|april|june|july|august|september|october|november|"
            r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
            r"last year|last month|last week|last time|ago|since|year|years|month|months|"
            r"decade|decades"
        ),
        "has a date or period",
    ),
    ("_past_ed", re.compile(r"\b\w{3,}ed\b"), "past tense (-ed)"),
    (
        "_past_irregular",
        _words(
            r"was|were|had|did|went|got|made|said|took|gave|came|became|lost|won|cut|spent|"
            r"left|led|built|sent|fought|brought|told|rose|fell|grew|paid|sold|bought"
        ),
        "past tense",
    ),
    (
        "_saying",
        _words(r"said|says|say|told|tell|stated|announced|claimed|called|according"),
        "reports what someone said",
    ),
    ("_i", _words(r"i|i'm|i've|i'll|i'd|me|my|mine|myself"), "says 'I'"),
    (
        "_we",
        _words(r"we|we're|we've|we'll|we'd|our|ours|us|ourselves"),
        "says 'we'",
    ),
    ("_you", _words(r"you|your|you're|you've|you'll|yours"), "addresses 'you'"),
    (
        "_third_person",
        _words(r"he|she|his|her|him|they|their|them|he's|she's|they're"),
        "speaks of he, she or they",
    ),
    (
        "_modal",
        _words(
            r"will|would|should|could|might|must|can|may|ought|shall|won't|wouldn't|can't|"
            r"cannot|couldn't|shouldn't|i'll|we'll|you'll|going to"
        ),
        "modal verb",
    ),
    (
        "_comparative",
        _words(
            r"more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|"
            r"faster|slower|than"
        ),
        "compares",
    ),
    ("_superlative", re.compile(r"\b(?:most|least|best|worst|\w{3,}est)\b"), "superlative"),
    (
        "_negation",
        re.compile(r"\b(?:not|no|never|nothing|none|nobody|neither|nor)\b|n't\b"),
        "negation",
    ),
    (
        "_opinion_verb",
        _words(r"think|believe|feel|hope|want|wish|guess|know|understand|agree|disagree"),
        "opinion verb",
    ),
    (
        "_wh_start",
        re.compile(
            r"^\W*(?:what|why|how|who|where|when|which|do|does|did|is|are|can|will|would)\b"
        ),
        "opens like a question",
    ),
    ("_question", re.compile(r"\?"), "question mark"),
    ("_exclaim", re.compile(r"!"), "exclamation mark"),
    (
        "_thanks",
        _words(r"thank|thanks|applause|laughter|crosstalk|congratulations"),
        "thanks or applause",
    ),
    (
        "_interjection_start",
        re.compile(r"^\W*(?:well|look|yes|no|oh|now|so|and|but|ok|okay|listen)\b"),
        "opens with an interjection",
    ),
    (
        "_quantity_word",
        _words(
            r"percent|rate|rates|number|amount|average|total|budget|deficit|debt|tax|taxes|"
            r"jobs|unemployment|spending|income|cost|costs|price|prices|record"
        ),
        "speaks of a quantity",
    ),
    (
        "_change_verb",
        _words(
            r"increased|decreased|increase|decrease|rose|fell|doubled|tripled|cut|grew|"
            r"dropped|raised|reduced|lowered|gone up|gone down|went up|went down"
        ),
        "reports a change",
    ),
    (
        "_law_vote",
        _words(
            r"voted|vote|votes|bill|law|legislation|passed|signed|veto|vetoed|amendment|"
            r"senate|congress|supreme court"
        ),
        "speaks of a law or vote",
    ),
)
# Pseudo-terms computed from counts rather than one pattern.
COUNT_FEATURES: dict[str, str] = {
    "_length_1": "very short (under 5 words)",
    "_length_2": "short (5-9 words)",
    "_length_3": "10-19 words",
    "_length_4": "20-29 words",
    "_length_5": "long (30 words or more)",
    "_capitalised": "names someone or something",
    "_capitalised_2": "names two or more",
    "_numbers_2": "has two or more numbers",
}
_LENGTH_BUCKETS = (5, 10, 20, 30)


def count_terms(sentence: str) -> list[str]:
    """Length bucket, capitalised names and repeated numbers as pseudo-terms."""
    size = len(_TOKEN.findall(sentence))
    bucket = 1 + sum(size >= edge for edge in _LENGTH_BUCKETS)
    terms = [f"_length_{bucket}"]
    names = len(_CAPITALISED.findall(sentence))
    if names:
        terms.append("_capitalised")
    if names >= 2:
        terms.append("_capitalised_2")
    if len(_NUMBER.findall(sentence)) >= 2:
        terms.append("_numbers_2")
    return terms


def hand_terms(sentence: str) -> list[str]:
    lowered = sentence.lower()
    words = frozenset(_WORD_RUN.findall(lowered))
    terms = [
        term
        for term, pattern, _ in HAND_FEATURES
        if (
            pattern.found_in(lowered, words)
            if isinstance(pattern, _Words)
            else pattern.search(lowered) is not None
        )
    ]
    return terms + count_terms(sentence)


def normalise(sentence: str) -> str:
    """Lower-case and fold every digit to 0, so '494' and '131' share the term '000'."""
    return _DIGIT.sub("0", sentence.lower())


def word_terms(sentence: str, longest: int = 2) -> list[str]:
    """Word n-grams (1 to `longest` words) plus the hand-feature pseudo-terms."""
    words = _WORD.findall(normalise(sentence))
    terms = list(words)
    for n in range(2, longest + 1):
        terms.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return terms + hand_terms(sentence)


def char_terms(sentence: str, shortest: int = 2, longest: int = 5) -> list[str]:
    """Character n-grams inside space-padded words (like sklearn's 'char_wb')."""
    terms: list[str] = []
    for word in normalise(sentence).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(shortest, longest + 1):
            if n > size:
                break
            terms.extend(padded[i : i + n] for i in range(size - n + 1))
    return terms
