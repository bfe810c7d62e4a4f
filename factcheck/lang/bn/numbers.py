"""Bengali number words ("পাঁচ", "দেড়", "একশো", with a classifier: "তিনটি", "দুজন") and the
words around a number that say what it is: scales (হাজার, লাখ, কোটি), approximations,
currencies, percentages, durations, frequencies, and the counted noun after it without its case
ending ("১২ জন পুলিশ", "৫০০ নারীর")."""

from __future__ import annotations

import re

from factcheck.extract.numbers import NumberWords, SpelledNumber
from factcheck.text.scripts import BN_AFTER, BN_BEFORE, BN_CHARS, alternation, fold_bengali

WORDS = {
    "এক": 1, "দুই": 2, "দু": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "ছয়": 6, "সাত": 7,
    "আট": 8, "নয়": 9, "দশ": 10, "এগারো": 11, "বারো": 12, "তেরো": 13, "চৌদ্দ": 14,
    "পনেরো": 15, "ষোলো": 16, "সতেরো": 17, "আঠারো": 18, "উনিশ": 19, "বিশ": 20, "পঁচিশ": 25,
    "ত্রিশ": 30, "চল্লিশ": 40, "পঞ্চাশ": 50, "ষাট": 60, "সত্তর": 70, "আশি": 80, "নব্বই": 90,
    "একশ": 100, "একশো": 100, "দেড়": 1.5, "আড়াই": 2.5,
}  # fmt: skip
# "এক" is also "a", "নয়" also "is not": they count only before a classifier or unit.
WEAK = {"এক", "নয়"}
CLASSIFIERS = ("টি", "টা", "টো", "জন")
SCALES = {"হাজার": 1e3, "লাখ": 1e5, "লক্ষ": 1e5, "কোটি": 1e7, "শত": 100, "শ": 100}
DURATION_UNITS = {
    "বছর": ("Y", 1), "মাস": ("M", 1), "সপ্তাহ": ("W", 1), "দিন": ("D", 1),
    "ঘণ্টা": ("H", 1), "মিনিট": ("MIN", 1), "দশক": ("Y", 10),
}  # fmt: skip
UNIT_STOP = {
    fold_bengali(w)
    for w in [
        "এবং",
        "ও",
        "থেকে",
        "পর্যন্ত",
        "করে",
        "হয়",
        "হয়ে",
        "বা",
        "সহ",
        "জন",
        "টি",
        "পর",
        "মধ্যে",
        "জন্য",
        "এর",
        "বেশি",
        "কম",
    ]
}
VOWEL_SIGNS = set("ািীুূৃেৈোৌ")
CASE_SUFFIXES = ("দেরকে", "দের", "েরা", "কে", "ের", "এর", "রা", "তে", "য়", "ে")

PATTERN = (
    rf"{BN_BEFORE}(?:{alternation(WORDS, bengali=True)})"
    rf"(?:{alternation(CLASSIFIERS, bengali=True)})?{BN_AFTER}"
)
_FOLDED = {fold_bengali(k): v for k, v in WORDS.items()}
_WEAK_FOLDED = {fold_bengali(w) for w in WEAK}
_CLASSIFIER_AFTER = re.compile(
    rf"[ \t]*(?P<cls>জন|টি|টা|টো)(?P<case>{alternation(CASE_SUFFIXES, bengali=True)})?{BN_AFTER}"
)
NEXT_WORD = re.compile(rf"[ \t]*(?P<word>[{BN_CHARS}]+)")


def parse(raw: str) -> SpelledNumber | None:
    word = fold_bengali(raw)
    for classifier in CLASSIFIERS:
        if word.endswith(classifier) and word != classifier:
            word = word[: -len(classifier)]
            break
    value = WORDS.get(word, _FOLDED.get(word))
    if value is None:
        return None
    return SpelledNumber(value, word in _WEAK_FOLDED)


def counted_noun(text: str, end: int, stop: int) -> tuple[str | None, int]:
    """The noun after a number and its classifier, without its case ending."""
    classifier = _CLASSIFIER_AFTER.match(text, end, stop)
    if classifier:
        if classifier.group("cls") == "জন" and classifier.group("case"):
            return "জন", classifier.end()  # "১২ জনের মৃত্যু": the people are the count
        end = classifier.end()
    word_match = NEXT_WORD.match(text, end, stop)
    if not word_match:
        return ("জন", end) if classifier and classifier.group("cls") == "জন" else (None, end)
    word = fold_bengali(word_match.group("word"))
    if word in UNIT_STOP:
        return None, end
    for suffix in CASE_SUFFIXES:
        suffix = fold_bengali(suffix)
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith("র") and len(word) > 3 and word[-2] in VOWEL_SIGNS:
            word = word[:-1]  # genitive after a vowel: "নারীর" -> "নারী", but not "ছাত্র"
    return word, word_match.end()


NUMBERS = NumberWords(
    pattern=PATTERN,
    parse=parse,
    scales=SCALES,
    approx_before=("প্রায়", "আনুমানিক", "প্রায়"),
    approx_after=("এর মতো", "মতো"),
    currency_after={"টাকা": "BDT", "ডলার": "USD", "রুপি": "PKR", "ইউয়ান": "CNY"},
    percent_after=("শতাংশ",),
    duration_units=DURATION_UNITS,
    duration_tails=("ের", "ে", "র"),
    recurring_before=("প্রতি",),
    recurring_after=("পর পর", "পরপর", "অন্তর"),
    frequencies={"বছরে একবার": "P1Y", "মাসে একবার": "P1M", "সপ্তাহে একবার": "P1W"},
    counted_noun=counted_noun,
    claims_digits=NEXT_WORD,
)
