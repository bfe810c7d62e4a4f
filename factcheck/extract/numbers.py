"""Numbers, quantities, percentages, money and durations in English, Chinese and Bengali.

One pass of one regex finds every number (digits in any script, Chinese numerals, English and
Bengali number words); the words around each number then say what it is. Word lists are tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.extract.models import ClaimValue
from factcheck.text.scripts import (
    BN_AFTER,
    BN_BEFORE,
    BN_CHARS,
    DIGIT,
    alternation,
    fold_bengali,
    to_number,
)
from factcheck.text.wordsearch import ASCII_LOWER

# --- tables ---------------------------------------------------------------------------------

EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
EN_MULTIPLIERS = {"hundred": 100, "dozen": 12}
EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Alone, these mostly mean "a" or "some", not a count worth checking.
EN_WEAK = {"one", "a"}

BN_WORDS = {
    "এক": 1, "দুই": 2, "দু": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "ছয়": 6, "সাত": 7,
    "আট": 8, "নয়": 9, "দশ": 10, "এগারো": 11, "বারো": 12, "তেরো": 13, "চৌদ্দ": 14,
    "পনেরো": 15, "ষোলো": 16, "সতেরো": 17, "আঠারো": 18, "উনিশ": 19, "বিশ": 20, "পঁচিশ": 25,
    "ত্রিশ": 30, "চল্লিশ": 40, "পঞ্চাশ": 50, "ষাট": 60, "সত্তর": 70, "আশি": 80, "নব্বই": 90,
    "একশ": 100, "একশো": 100, "দেড়": 1.5, "আড়াই": 2.5,
}  # fmt: skip
# "এক" is also "a", "নয়" also "is not": they count only before a classifier or unit.
BN_WEAK = {"এক", "নয়"}
BN_CLASSIFIERS = ("টি", "টা", "টো", "জন")
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "crore": 1e7,
    "lakh": 1e5, "হাজার": 1e3, "লাখ": 1e5, "লক্ষ": 1e5, "কোটি": 1e7, "শত": 100, "শ": 100,
    "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千万": 1e7, "千萬": 1e7, "百万": 1e6,
    "百萬": 1e6, "千": 1e3,
}  # fmt: skip

ZH_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "幾": 0, "几": 0,
}  # fmt: skip
ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_BIG_UNITS = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
# Words made of numeral characters that are not numbers.
ZH_NOT_NUMBERS = {"一", "千万", "千萬", "万一", "萬一", "一一", "十万", "百", "千", "万", "萬"}
# Classifiers and counted nouns written right after a Chinese number.
ZH_CLASSIFIERS = (
    "名", "个", "個", "位", "人", "台", "架", "辆", "輛", "艘", "部", "座", "家", "所", "起",
    "次", "项", "項", "件", "条", "條", "枚", "支", "批", "万", "萬", "亿", "億", "多",
    "班", "歲", "岁", "米", "公尺", "公里", "平方公里", "公頃", "公顷", "公斤", "噸", "吨",
    "种", "種",
)  # fmt: skip
# Classifiers that are the counted thing themselves: "19歲", "2000米".
ZH_SELF_UNITS = {
    "人",
    "班",
    "歲",
    "岁",
    "米",
    "公尺",
    "公里",
    "平方公里",
    "公頃",
    "公顷",
    "公斤",
    "噸",
    "吨",
}
ZH_PERSON_CLASSIFIERS = {"名", "位", "人"}
ZH_STOP = set(
    "的在和与與及了是被将將，。、；：！？（）“”「」 "
    "一二三四五六七八九十就讀读參参到都已於于为爲為有"
)

APPROX_BEFORE = {
    "en": ("approximately", "about", "around", "nearly", "almost", "some", "roughly",
           "an estimated", "estimated", "close to", "circa", "approx."),
    "zh": ("约", "約", "大约", "大約", "近", "将近", "將近", "接近", "差不多", "约莫"),
    "bn": ("প্রায়", "আনুমানিক", "প্রায়"),
}  # fmt: skip
APPROX_AFTER = ("左右", "多", "余", "餘", "余名", "or so", "-odd", "এর মতো", "মতো")

CURRENCY_BEFORE = {
    "US$": "USD", "$": "USD", "USD": "USD", "Rs.": "PKR", "Rs": "PKR", "PKR": "PKR",
    "Tk.": "BDT", "Tk": "BDT", "৳": "BDT", "¥": "CNY", "￥": "CNY", "RMB": "CNY",
    "€": "EUR", "£": "GBP", "₹": "INR", "HK$": "HKD",
}  # fmt: skip
CURRENCY_AFTER = {
    "dollars": "USD", "US dollars": "USD", "yuan": "CNY", "renminbi": "CNY", "rupees": "PKR",
    "taka": "BDT", "euros": "EUR", "pounds": "GBP", "টাকা": "BDT", "ডলার": "USD",
    "রুপি": "PKR", "ইউয়ান": "CNY", "元": "CNY", "美元": "USD", "人民币": "CNY", "人民幣": "CNY",
    "卢比": "PKR", "盧比": "PKR", "欧元": "EUR", "歐元": "EUR", "港元": "HKD", "新台幣": "TWD",
    "新臺幣": "TWD",
}  # fmt: skip
PERCENT_AFTER = ("%", "％", "percent", "per cent", "শতাংশ", "percentage points")
PERCENT_BEFORE = ("百分之",)

# Time units: (ISO 8601 designator, multiplier). "个月" not "月": "三月" is March.
DURATION_UNITS = {
    "year": ("Y", 1), "years": ("Y", 1), "month": ("M", 1), "months": ("M", 1),
    "week": ("W", 1), "weeks": ("W", 1), "day": ("D", 1), "days": ("D", 1),
    "decade": ("Y", 10), "decades": ("Y", 10), "hour": ("H", 1), "hours": ("H", 1),
    "minute": ("MIN", 1), "minutes": ("MIN", 1),
    "年": ("Y", 1), "个月": ("M", 1), "個月": ("M", 1), "周": ("W", 1), "週": ("W", 1),
    "星期": ("W", 1), "天": ("D", 1), "小时": ("H", 1), "小時": ("H", 1),
    "分钟": ("MIN", 1), "分鐘": ("MIN", 1),
    "বছর": ("Y", 1), "মাস": ("M", 1), "সপ্তাহ": ("W", 1), "দিন": ("D", 1),
    "ঘণ্টা": ("H", 1), "মিনিট": ("MIN", 1), "দশক": ("Y", 10),
}  # fmt: skip
RECURRING_BEFORE = ("every", "each", "每", "প্রতি")
RECURRING_AFTER = ("পর পর", "পরপর", "অন্তর")
# Frequencies said without a number: "once a year" repeats every P1Y.
FREQUENCIES = {
    "once a year": "P1Y", "annually": "P1Y", "once a month": "P1M", "once a week": "P1W",
    "বছরে একবার": "P1Y", "মাসে একবার": "P1M", "সপ্তাহে একবার": "P1W",
    "每年一次": "P1Y", "每月一次": "P1M", "每周一次": "P1W", "每週一次": "P1W",
}  # fmt: skip

EN_UNIT_STOP = set(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "and",
        "or",
        "by",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "took",
        "take",
        "takes",
        "taking",
        "per",
        "a",
        "an",
        "the",
        "each",
        "this",
        "these",
        "those",
        "their",
        "its",
        "his",
        "her",
        "our",
        "your",
        "my",
        "more",
        "less",
        "were",
        "said",
        "says",
        "told",
        "across",
        "around",
        "during",
        "after",
        "before",
        "since",
        "until",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "percent",
        "per",
        "cent",
        "while",
        "when",
        "where",
        "if",
        "but",
        "not",
        "no",
        "so",
        "such",
        "also",
        "only",
        "just",
        "then",
        "there",
        "here",
        "it",
        "they",
        "we",
        "he",
        "she",
        "you",
        "i",
    ]
)
# Counted nouns that do not end in -s.
EN_COLLECTIVE = set(
    [
        "personnel",
        "people",
        "police",
        "staff",
        "troops",
        "cattle",
        "equipment",
        "children",
        "men",
        "women",
        "aircraft",
        "militia",
        "infantry",
        "crew",
    ]
)
BN_UNIT_STOP = {
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
BN_VOWEL_SIGNS = set("ািীুূৃেৈোৌ")
BN_CASE_SUFFIXES = ("দেরকে", "দের", "েরা", "কে", "ের", "এর", "রা", "তে", "য়", "ে")

# --- the number finder ----------------------------------------------------------------------

_EN_WORD = alternation([*EN_UNITS, *EN_MULTIPLIERS, *EN_SCALES])
_EN_NUMBER = (
    rf"\b(?:an?\s+(?=hundred|thousand|million|billion|dozen))?(?:{_EN_WORD})"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{_EN_WORD}))*\b"
)
_BN_NUMBER = (
    rf"{BN_BEFORE}(?:{alternation(BN_WORDS, bengali=True)})"
    rf"(?:{alternation(BN_CLASSIFIERS, bengali=True)})?{BN_AFTER}"
)
_ZH_NUMBER = "[零〇一二两兩三四五六七八九十百千万萬亿億幾几]+"
# Digits in any script; not part of a word, a decimal or a clock time ("০৪:২১").
_DIGITS = (
    rf"(?<![A-Za-z0-9০-৯.,:：])[{DIGIT}]+(?:[,，][{DIGIT}]{{2,3}})*(?:\.[{DIGIT}]+)?"
    rf"(?![{DIGIT}]|[:：][{DIGIT}])"
)
# Matched against the text with its ASCII letters lowered (`_lowered`): the same matches as
# IGNORECASE, twice as fast (every letter in the pattern is lower case; [A-Za-z] covers both).
NUMBER = re.compile(
    rf"(?P<digits>{_DIGITS})|(?P<en>{_EN_NUMBER})|(?P<bn>{_BN_NUMBER})|(?P<zh>{_ZH_NUMBER})"
)
_SCALE_AFTER = re.compile(
    rf"[ \t]*(?:{alternation(SCALES, bengali=True)})(?![A-Za-z]|[{BN_CHARS}])", re.I
)
_PERCENT_AFTER = re.compile(rf"[ \t]*(?:{alternation(PERCENT_AFTER, bengali=True)})", re.I)
_CURRENCY_AFTER = re.compile(
    rf"[ \t]*(?P<cur>{alternation(CURRENCY_AFTER, bengali=True)})(?![A-Za-z])", re.I
)
_CURRENCY_BEFORE = re.compile(rf"(?P<cur>{alternation(CURRENCY_BEFORE)})[ \t]*$")
_DURATION_AFTER = re.compile(
    rf"(?:[ \t]*|-)(?P<unit>{alternation(DURATION_UNITS, bengali=True)})"
    rf"(?P<tail>(?:ের|ে|র|-long|-old)?)(?![A-Za-z]|[{BN_CHARS}]|[級级代度])",
    re.I,
)
_RECURRING_BEFORE = re.compile(rf"(?:{alternation(RECURRING_BEFORE, bengali=True)})[ \t]*$", re.I)
_RECURRING_AFTER = re.compile(rf"[ \t]*(?:{alternation(RECURRING_AFTER, bengali=True)})")
_APPROX_BEFORE = re.compile(
    rf"(?:{alternation([w for ws in APPROX_BEFORE.values() for w in ws], bengali=True)})"
    r"[ \t]*$",
    re.I,
)
_APPROX_AFTER = re.compile(rf"[ \t]*(?:{alternation(APPROX_AFTER, bengali=True)})", re.I)
_FREQUENCY = re.compile(alternation(FREQUENCIES, bengali=True), re.I)
_EN_FOLLOWING_WORDS = re.compile(r"(?:[ \t]+[A-Za-z][A-Za-z'’-]*){1,4}")
_BN_CLASSIFIER_AFTER = re.compile(
    rf"[ \t]*(?P<cls>জন|টি|টা|টো)(?P<case>{alternation(BN_CASE_SUFFIXES, bengali=True)})?{BN_AFTER}"
)
_BN_NEXT_WORD = re.compile(rf"[ \t]*(?P<word>[{BN_CHARS}]+)")
_ZH_CLASSIFIER_AFTER = re.compile(
    rf"[ \t]?(?P<cls>{alternation(ZH_CLASSIFIERS)})(?P<noun>[\u4e00-\u9fff]{{0,3}})"
)


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: float
    script: str  # digits | en | bn | zh
    is_weak: bool


def find_numeric_values(text: str, start: int = 0, end: int | None = None) -> list[ClaimValue]:
    """Every number-bearing value in text[start:end], classified by the words around it."""
    stop = len(text) if end is None else end
    values = [_frequency_value(text, m) for m in _FREQUENCY.finditer(text, start, stop)]
    taken = [(v.start, v.end) for v in values]
    for number in _numbers(text, start, stop):
        if any(a < number.end and number.start < b for a, b in taken):
            continue
        value = _classify(text, number, start, stop)
        if value is not None:
            values.append(value)
            taken.append((value.start, value.end))
    values.sort(key=lambda v: v.start)
    return values


def _numbers(text: str, start: int, stop: int) -> list[_Number]:
    found = []
    for match in NUMBER.finditer(_lowered(text), start, stop):
        number = _to_number(match)
        if number is not None:
            found.append(number)
    return found


@lru_cache(maxsize=8)
def _lowered(text: str) -> str:
    """ASCII letters lowered: same length, so offsets hold; computed once per source text."""
    return text.translate(ASCII_LOWER)


def _to_number(match: re.Match[str]) -> _Number | None:
    kind = match.lastgroup or ""
    raw = match.group()
    if kind == "digits":
        value = to_number(raw)
        return _Number(match.start(), match.end(), value, kind, False)
    if kind == "en":
        words = re.findall(r"[a-z]+", raw.lower())
        if words == ["and"] or not words:
            return None
        return _Number(match.start(), match.end(), _parse_en(words), kind, set(words) <= EN_WEAK)
    if kind == "bn":
        word = fold_bengali(raw)
        for classifier in BN_CLASSIFIERS:
            if word.endswith(classifier) and word != classifier:
                word = word[: -len(classifier)]
                break
        value = BN_WORDS.get(word, _BN_FOLDED.get(word))
        if value is None:
            return None
        weak = word in _BN_WEAK_FOLDED
        return _Number(match.start(), match.end(), value, kind, weak)
    if raw in ZH_NOT_NUMBERS:
        return None
    value = _parse_zh(raw)
    if value is None:
        return None
    return _Number(match.start(), match.end(), value, kind, len(raw) == 1)


_BN_FOLDED = {fold_bengali(k): v for k, v in BN_WORDS.items()}
_BN_WEAK_FOLDED = {fold_bengali(w) for w in BN_WEAK}


def _parse_en(words: list[str]) -> float:
    total, current = 0.0, 0.0
    for word in words:
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in EN_UNITS:
            current += EN_UNITS[word]
        elif word in EN_MULTIPLIERS:
            current = max(current, 1) * EN_MULTIPLIERS[word]
        elif word in EN_SCALES:
            total += max(current, 1) * EN_SCALES[word]
            current = 0
    return total + current


def _parse_zh(raw: str) -> float | None:
    if all(ch in ZH_DIGITS for ch in raw):
        if len(raw) == 1:
            return float(ZH_DIGITS[raw])
        return float("".join(str(ZH_DIGITS[ch]) for ch in raw))  # 二〇二六 -> 2026
    total, section, digit = 0.0, 0.0, None
    for ch in raw:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch in ZH_SMALL_UNITS:
            section += (1 if digit is None else digit) * ZH_SMALL_UNITS[ch]
            digit = None
        else:  # 万, 亿
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * ZH_BIG_UNITS[ch]
            section, digit = 0.0, None
    return total + section + (digit or 0)


def _frequency_value(text: str, match: re.Match[str]) -> ClaimValue:
    period = _FREQUENCY_FOLDED[fold_bengali(match.group().lower())]
    return ClaimValue(
        "duration", match.start(), match.end(), match.group(), None, period, "recurring"
    )


_FREQUENCY_FOLDED = {fold_bengali(k.lower()): v for k, v in FREQUENCIES.items()}


def _classify(text: str, number: _Number, start: int, stop: int) -> ClaimValue | None:
    begin, end, value = number.start, number.end, number.value
    left = text[max(start, begin - 24) : begin]
    is_approximate = "幾" in text[begin:end] or "几" in text[begin:end]
    approx = _APPROX_BEFORE.search(left)
    if approx:
        is_approximate = True
    scale = _SCALE_AFTER.match(text, end, stop)
    if scale and number.script in ("digits", "en", "bn"):
        value *= SCALES.get(
            scale.group().strip().lower(), SCALES.get(fold_bengali(scale.group().strip()), 1)
        )
        end = scale.end()
    if _APPROX_AFTER.match(text, end, stop):
        approx_after = _APPROX_AFTER.match(text, end, stop)
        assert approx_after is not None
        if number.script == "zh" or approx_after.group().strip() not in ("多",):
            is_approximate = True
            if number.script == "zh" and approx_after.group().strip() in ("多", "余", "餘"):
                end = approx_after.end()
    span_start = approx.start() + max(start, begin - 24) if approx else begin

    def make(kind: str, span_end: int, normalized: str | None, unit: str | None, **extra):
        return ClaimValue(
            kind,
            span_start,
            span_end,
            text[span_start:span_end],
            value,
            normalized,
            unit,
            is_approximate=is_approximate,
            **extra,
        )

    percent = _PERCENT_AFTER.match(text, end, stop)
    if percent or left.endswith(PERCENT_BEFORE):
        if not percent and left.endswith(PERCENT_BEFORE):
            span_start = begin - len(PERCENT_BEFORE[0])
        return make("percent", percent.end() if percent else end, f"{_fmt(value)}%", "%")
    currency = _CURRENCY_AFTER.match(text, end, stop)
    currency_before = _CURRENCY_BEFORE.search(left)
    if currency or currency_before:
        if currency:
            code = _lookup(CURRENCY_AFTER, currency.group("cur"))
            span_end = currency.end()
        else:
            assert currency_before is not None
            code = CURRENCY_BEFORE[currency_before.group("cur")]
            span_start = min(span_start, begin - len(left) + currency_before.start())
            span_end = end
        return make("money", span_end, f"{_fmt(value)} {code}", code)
    duration = _DURATION_AFTER.match(text, end, stop)
    if duration and not (number.script == "digits" and _is_year_like(text[begin:end], value)):
        designator, multiple = _lookup(DURATION_UNITS, duration.group("unit"))
        amount = value * multiple
        iso = f"PT{_fmt(amount)}M" if designator == "MIN" else _iso_duration(amount, designator)
        if designator == "H":
            iso = f"PT{_fmt(amount)}H"
        span_end = duration.end()
        recurring = None
        before = _RECURRING_BEFORE.search(left)
        if before:
            recurring = "recurring"
            span_start = min(span_start, begin - len(left) + before.start())
        after = _RECURRING_AFTER.match(text, span_end, stop)
        if after:
            recurring = "recurring"
            span_end = after.end()
        return make("duration", span_end, iso, recurring)
    is_year_like = number.script == "digits" and _is_year_like(text[begin:end], number.value)
    if is_year_like and not _ZH_CLASSIFIER_AFTER.match(text, end, stop):
        return None  # a year: the date finder owns it
    if number.is_weak and number.script != "zh":
        return None  # "one of", "একটি": an article, not a count
    unit, unit_end = _counted_noun(text, number, end, stop)
    if unit is not None:
        return make("quantity", unit_end, _fmt(value), unit)
    if number.is_weak:
        return None  # a lone Chinese numeral character counts only with a classifier
    return make("number", end, _fmt(value), None)


def _counted_noun(text: str, number: _Number, end: int, stop: int) -> tuple[str | None, int]:
    if number.script == "zh" or _ZH_CLASSIFIER_AFTER.match(text, end, stop):
        found = _ZH_CLASSIFIER_AFTER.match(text, end, stop)
        if not found:
            return None, end
        noun = found.group("noun")
        for i, ch in enumerate(noun):
            if ch in ZH_STOP:
                noun = noun[:i]
                break
        classifier = found.group("cls")
        if classifier in ZH_SELF_UNITS:
            return classifier, found.end("cls")
        if classifier in ZH_PERSON_CLASSIFIERS and not noun:
            return "人", found.end("cls")
        if classifier in ("万", "萬", "亿", "億", "多"):
            return None, end
        return (noun or classifier), found.start("noun") + len(noun)
    if number.script == "bn" or (number.script == "digits" and _next_is_bengali(text, end, stop)):
        return _bn_counted_noun(text, number, end, stop)
    words_match = _EN_FOLLOWING_WORDS.match(text, end, stop)
    if not words_match:
        return None, end
    chosen_end, chosen = end, None
    position = end
    words: list[str] = []
    for word_match in re.finditer(r"[A-Za-z][A-Za-z'’-]*", words_match.group()):
        word = word_match.group()
        if word.lower() in EN_UNIT_STOP or word.lower() in DURATION_UNITS:
            break
        words.append(word)
        position = end + word_match.end()
        lower = word.lower()
        if lower in EN_COLLECTIVE or (
            lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3
        ):
            chosen, chosen_end = " ".join(words), position
    return chosen, chosen_end


def _is_year_like(raw: str, value: float) -> bool:
    return len(raw) == 4 and 1800 <= value <= 2100


def _next_is_bengali(text: str, end: int, stop: int) -> bool:
    found = _BN_NEXT_WORD.match(text, end, stop)
    return found is not None


def _bn_counted_noun(text: str, number: _Number, end: int, stop: int) -> tuple[str | None, int]:
    classifier = _BN_CLASSIFIER_AFTER.match(text, end, stop)
    if classifier:
        if classifier.group("cls") == "জন" and classifier.group("case"):
            return "জন", classifier.end()  # "১২ জনের মৃত্যু": the people are the count
        end = classifier.end()
    word_match = _BN_NEXT_WORD.match(text, end, stop)
    if not word_match:
        return ("জন", end) if classifier and classifier.group("cls") == "জন" else (None, end)
    word = fold_bengali(word_match.group("word"))
    if word in BN_UNIT_STOP:
        return None, end
    for suffix in BN_CASE_SUFFIXES:
        suffix = fold_bengali(suffix)
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith("র") and len(word) > 3 and word[-2] in BN_VOWEL_SIGNS:
            word = word[:-1]  # genitive after a vowel: "নারীর" -> "নারী", but not "ছাত্র"
    return word, word_match.end()


def _lookup(table: dict[str, object], key: str):
    if key in table:
        return table[key]
    folded = {fold_bengali(k.lower()): v for k, v in table.items()}
    return folded[fold_bengali(key.lower())]


def _iso_duration(amount: float, designator: str) -> str:
    return f"P{_fmt(amount)}{designator}"


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
