"""Content words of a claim, for matching claims of one language that name no entity the
mention finder knows: "riot control tactics" and "tactics of riot control" share words even when
they share no name.

English: lower-cased words of four letters or more, not function words, with plural and verb
endings folded. Chinese: pairs of adjacent Han characters (there are no spaces to split on).
Bengali: words of three letters or more with case endings stripped.
"""

from __future__ import annotations

import re
import unicodedata

from factcheck.text.scripts import BN_CHARS

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
BN_STOPWORDS = frozenset(
    [
        "এবং",
        "এই",
        "একটি",
        "করে",
        "করা",
        "হয়",
        "হয়েছে",
        "হবে",
        "থেকে",
        "জন্য",
        "সাথে",
        "তিনি",
        "তারা",
        "এক",
        "পর",
        "তবে",
        "কিন্তু",
        "যে",
        "এর",
        "এছাড়া",
        "এসময়",
        "বলেন",
        "জানান",
        "জানিয়েছেন",
        "বিষয়ে",
        "মধ্যে",
        "নিয়ে",
        "দিয়ে",
        "উভয়",
        "আরও",
    ]
)
BN_CASE_ENDINGS = ("দের", "কে", "এর", "ের", "রা", "তে", "য়", "র", "ে")
ZH_FUNCTION_CHARS = frozenset("的了是在和与及也而并将对于从把被这那其之以为等中上下个")

_EN_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_BN_WORD = re.compile(f"[{BN_CHARS}]{{3,}}")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def fold_english(word: str) -> str:
    """'officers' → 'officer', 'trained'/'training' → 'train': enough to meet, not a stemmer."""
    word = word.strip("'-").removesuffix("'s")
    for ending, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 4 and not word.endswith("ss"):
            return word[: -len(ending)] + keep
    return word


def keywords(text: str, lang: str | None) -> frozenset[str]:
    language = (lang or "en")[:2]
    if language == "zh":
        pairs = set()
        for run in _HAN_RUN.findall(text):
            for i in range(len(run) - 1):
                pair = run[i : i + 2]
                if not (pair[0] in ZH_FUNCTION_CHARS or pair[1] in ZH_FUNCTION_CHARS):
                    pairs.add(pair)
        return frozenset(pairs)
    if language == "bn":
        words = set()
        for word in _BN_WORD.findall(unicodedata.normalize("NFC", text)):
            for ending in BN_CASE_ENDINGS:
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    word = word[: -len(ending)]
                    break
            if word not in BN_STOPWORDS:
                words.add(word)
        return frozenset(words)
    return frozenset(
        fold_english(word)
        for word in _EN_WORD.findall(text.lower())
        if word not in EN_STOPWORDS and fold_english(word) not in EN_STOPWORDS
    )
