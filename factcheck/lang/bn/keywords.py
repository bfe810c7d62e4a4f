"""Bengali content words for claim matching: words of three letters or more with case endings
stripped, not function words."""

from __future__ import annotations

import re
import unicodedata

from factcheck.text.scripts import BN_CHARS

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
_BN_WORD = re.compile(f"[{BN_CHARS}]{{3,}}")


def keywords(text: str) -> frozenset[str]:
    words = set()
    for word in _BN_WORD.findall(unicodedata.normalize("NFC", text)):
        for ending in BN_CASE_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        if word not in BN_STOPWORDS:
            words.add(word)
    return frozenset(words)
