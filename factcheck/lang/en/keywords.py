"""English content words for claim matching: lower-cased words of four letters or more, not
function words, with plural and verb endings folded."""

from __future__ import annotations

import functools
import re

EN_STOPWORDS = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "although",
        "among",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "cannot",
        "could",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "even",
        "ever",
        "every",
        "from",
        "further",
        "have",
        "having",
        "here",
        "hers",
        "herself",
        "himself",
        "into",
        "itself",
        "just",
        "many",
        "more",
        "most",
        "much",
        "must",
        "neither",
        "nor",
        "only",
        "other",
        "ought",
        "ours",
        "ourselves",
        "over",
        "same",
        "said",
        "says",
        "shall",
        "should",
        "since",
        "some",
        "such",
        "than",
        "that",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "under",
        "until",
        "upon",
        "very",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "whom",
        "whose",
        "will",
        "with",
        "within",
        "without",
        "would",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "year",
        "years",
        "also",
        "well",
        "like",
        "make",
        "made",
        "last",
        "first",
        "include",
        "including",
        "included",
        "according",
        "often",
        "still",
        "however",
    ]
)
_EN_WORD = re.compile(r"[a-z][a-z'-]{3,}")


@functools.lru_cache(maxsize=65536)
def fold_english(word: str) -> str:
    """'officers' → 'officer', 'trained'/'training' → 'train': enough to meet, not a stemmer.
    Cached: every run folds every claim's words, and news repeats its words."""
    word = word.strip("'-").removesuffix("'s")
    for ending, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 4 and not word.endswith("ss"):
            return word[: -len(ending)] + keep
    return word


fold_word = fold_english


def keywords(text: str) -> frozenset[str]:
    folded = (
        fold_english(word) for word in _EN_WORD.findall(text.lower()) if word not in EN_STOPWORDS
    )
    return frozenset(word for word in folded if word not in EN_STOPWORDS)
