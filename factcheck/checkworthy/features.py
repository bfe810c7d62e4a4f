"""Turn an English sentence into the terms the shipped linear model weighs.

Training (benchmarks/train_checkworthy.py) and inference both call these functions, so the
model sees exactly the same terms in both places: that is what makes inference reproduce sklearn.
"""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+|[?%$]")

# Hand features, emitted as pseudo-terms next to the words so one linear model weighs them all.
# Each is (term, pattern on the lower-cased sentence, meaning in words).
HAND_FEATURES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("_has_number", re.compile(r"\d"), "has a number"),
    ("_has_percent", re.compile(r"%|\bper ?cent"), "has a percentage"),
    ("_has_money", re.compile(r"\$|\b(?:dollars?|billion|million|trillion)\b"), "has an amount"),
    (
        "_has_date_word",
        re.compile(
            r"\b(?:january|february|march|april|may|june|july|august|september|october|"
            r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"yesterday|last (?:year|month|week)|(?:19|20)\d\d)\b"
        ),
        "has a date",
    ),
    (
        "_first_person",
        re.compile(r"\b(?:i|i'm|i've|me|my|we|we're|we've|our|us)\b"),
        "first person",
    ),
    ("_second_person", re.compile(r"\b(?:you|your|you're|you've)\b"), "second person"),
    (
        "_modal",
        re.compile(r"\b(?:will|would|should|could|might|must|can|may|ought)\b"),
        "modal verb",
    ),
    ("_question", re.compile(r"\?"), "question mark"),
    (
        "_opinion_verb",
        re.compile(r"\b(?:think|believe|feel|hope|want|wish|guess)\b"),
        "opinion verb",
    ),
)


def normalise(sentence: str) -> str:
    """Lower-case and fold every digit to 0, so '494' and '131' share the term '000'."""
    return _DIGIT.sub("0", sentence.lower())


def word_terms(sentence: str) -> list[str]:
    """Word unigrams and bigrams plus the hand-feature pseudo-terms."""
    text = normalise(sentence)
    words = _WORD.findall(text)
    terms = list(words)
    terms.extend(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    lowered = sentence.lower()
    terms.extend(term for term, pattern, _ in HAND_FEATURES if pattern.search(lowered))
    return terms


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
