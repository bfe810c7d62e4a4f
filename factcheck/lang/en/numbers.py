"""English number words ("twenty-five", "a hundred", "3 million") and the words around a number
that say what it is: scales, approximations, currencies, percentages, durations, frequencies,
and the counted noun after it ("14,000 personnel")."""

from __future__ import annotations

import re

from factcheck.extract.numbers import NumberWords, SpelledNumber
from factcheck.text.scripts import alternation

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
MULTIPLIERS = {"hundred": 100, "dozen": 12}
NUMBER_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Alone, these mostly mean "a" or "some", not a count worth checking.
WEAK = {"one", "a"}
# Words after any number that multiply it (Indian English counts in lakhs and crores).
SCALES = {**NUMBER_SCALES, "crore": 1e7, "lakh": 1e5}

DURATION_UNITS = {
    "year": ("Y", 1), "years": ("Y", 1), "month": ("M", 1), "months": ("M", 1),
    "week": ("W", 1), "weeks": ("W", 1), "day": ("D", 1), "days": ("D", 1),
    "decade": ("Y", 10), "decades": ("Y", 10), "hour": ("H", 1), "hours": ("H", 1),
    "minute": ("MIN", 1), "minutes": ("MIN", 1),
}  # fmt: skip
# Words that end a counted noun: "5 of", "20 were".
UNIT_STOP = {
    "of", "in", "on", "at", "to", "for", "from", "with", "and", "or", "by", "as", "than", "that",
    "which", "who", "whom", "were", "was", "are", "is", "be", "been", "being", "have", "has",
    "had", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "took",
    "take", "takes", "taking", "per", "a", "an", "the", "each", "this", "these", "those", "their",
    "its", "his", "her", "our", "your", "my", "more", "less", "said", "says", "told", "across",
    "around", "during", "after", "before", "since", "until", "into", "onto", "over", "under",
    "about", "percent", "cent", "while", "when", "where", "if", "but", "not", "no", "so", "such",
    "also", "only", "just", "then", "there", "here", "it", "they", "we", "he", "she", "you", "i",
}  # fmt: skip
# Counted nouns that do not end in -s.
COLLECTIVE = {
    "personnel", "people", "police", "staff", "troops", "cattle", "equipment", "children", "men",
    "women", "aircraft", "militia", "infantry", "crew",
}  # fmt: skip

_WORD = alternation([*UNITS, *MULTIPLIERS, *NUMBER_SCALES])
PATTERN = (
    rf"\b(?:an?\s+(?=hundred|thousand|million|billion|dozen))?(?:{_WORD})"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*\b"
)
_FOLLOWING_WORDS = re.compile(r"(?:[ \t]+[A-Za-z][A-Za-z'’-]*){1,4}")


def parse(raw: str) -> SpelledNumber | None:
    words = re.findall(r"[a-z]+", raw.lower())
    if words == ["and"] or not words:
        return None
    total, current = 0.0, 0.0
    for word in words:
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in UNITS:
            current += UNITS[word]
        elif word in MULTIPLIERS:
            current = max(current, 1) * MULTIPLIERS[word]
        elif word in NUMBER_SCALES:
            total += max(current, 1) * NUMBER_SCALES[word]
            current = 0
    return SpelledNumber(total + current, set(words) <= WEAK)


def counted_noun(text: str, end: int, stop: int) -> tuple[str | None, int]:
    """The plural or collective noun a number counts, up to four words after it."""
    words_match = _FOLLOWING_WORDS.match(text, end, stop)
    if not words_match:
        return None, end
    chosen_end, chosen = end, None
    position = end
    words: list[str] = []
    for word_match in re.finditer(r"[A-Za-z][A-Za-z'’-]*", words_match.group()):
        word = word_match.group()
        if word.lower() in UNIT_STOP or word.lower() in DURATION_UNITS:
            break
        words.append(word)
        position = end + word_match.end()
        lower = word.lower()
        if lower in COLLECTIVE or (
            lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3
        ):
            chosen, chosen_end = " ".join(words), position
    return chosen, chosen_end


APPROX_BEFORE = (
    "approximately", "about", "around", "nearly", "almost", "some", "roughly",
    "an estimated", "estimated", "close to", "circa", "approx.",
)  # fmt: skip
CURRENCY_AFTER = {
    "dollars": "USD", "US dollars": "USD", "yuan": "CNY", "renminbi": "CNY",
    "rupees": "PKR", "taka": "BDT", "euros": "EUR", "pounds": "GBP",
}  # fmt: skip
FREQUENCIES = {
    "once a year": "P1Y", "annually": "P1Y", "once a month": "P1M", "once a week": "P1W",
}  # fmt: skip

NUMBERS = NumberWords(
    pattern=PATTERN,
    parse=parse,
    scales=SCALES,
    approx_before=APPROX_BEFORE,
    approx_after=("or so", "-odd"),
    currency_after=CURRENCY_AFTER,
    percent_after=("percent", "per cent", "percentage points"),
    duration_units=DURATION_UNITS,
    duration_tails=("-long", "-old"),
    recurring_before=("every", "each"),
    frequencies=FREQUENCIES,
    counted_noun=counted_noun,
    counts_unclaimed_digits=True,
)
