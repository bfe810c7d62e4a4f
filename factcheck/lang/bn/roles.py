"""Bengali role claims: a title next to a name becomes a role sub-claim with the exact span of
the words it rests on (the titles and name shapes are tables here)."""

from __future__ import annotations

import re

from factcheck.extract.subclaims import SubClaim
from factcheck.text.scripts import BN_CHARS, alternation, fold_bengali

BN_TITLES = (
    "মন্ত্রী", "রাষ্ট্রপতি", "প্রেসিডেন্ট", "সচিব", "মুখপাত্র", "রাষ্ট্রদূত", "চেয়ারম্যান",
    "মহাপরিচালক", "গভর্নর", "মেয়র", "প্রধান", "মহাসচিব", "উপদেষ্টা", "কমিশনার",
)  # fmt: skip
BN_NAME_STOP = {
    fold_bengali(w)
    for w in [
        "এবং",
        "ও",
        "সাথে",
        "সঙ্গে",
        "বৈঠক",
        "বলেন",
        "জানান",
        "করেন",
        "এই",
        "এ",
        "সফর",
        "পক্ষ",
        "পর্যায়ের",
        "পর্যায়",
        "চীনা",
        "নাগরিক",
        "হিসেবে",
        "বলেছেন",
        "জানিয়েছেন",
        "থেকে",
        "কে",
        "যে",
        "তিনি",
        "আরও",
    ]
}
BN_NAME_SUFFIXES = ("-এর", "এর", "ের", "কে", "-কে")


_BN_TITLE = re.compile(
    rf"(?P<title>(?:[{BN_CHARS}]+(?:ের|র)\s+)?(?:[{BN_CHARS}]+\s+)??"
    rf"[{BN_CHARS}]*(?:{alternation(BN_TITLES, bengali=True)}))(?=\s)"
)
_BN_WORD = re.compile(rf"\s+([{BN_CHARS}]+(?:-[{BN_CHARS}]+)?)")


_BN_ANY_TITLE = re.compile(alternation(BN_TITLES, bengali=True))


def find_roles(text: str, start: int, end: int) -> list[SubClaim]:
    roles: list[SubClaim] = []
    if _BN_ANY_TITLE.search(text, start, end) is None:
        return roles
    for match in _BN_TITLE.finditer(text, start, end):
        words: list[str] = []
        position = match.end()
        while len(words) < 3:
            found = _BN_WORD.match(text, position, end)
            if not found:
                break
            word = found.group(1)
            folded = fold_bengali(word)
            if folded in BN_NAME_STOP:
                break
            suffix = next((s for s in BN_NAME_SUFFIXES if folded.endswith(s)), None)
            if suffix and len(folded) > len(suffix) + 1:
                words.append(word[: len(word) - len(suffix)])
                position = found.start(1) + len(words[-1])
                break
            words.append(word)
            position = found.end()
        if not words:
            continue
        title_start, title = match.start(), match.group("title")
        first = title.split()[0]
        if fold_bengali(first) in BN_NAME_STOP:  # "এবং রাষ্ট্রপতি": the conjunction is no title
            title_start += len(first) + 1
            title = title[len(first) + 1 :]
        roles.append(SubClaim(title_start, position, "role", " ".join(words), "role", title))
    return roles
