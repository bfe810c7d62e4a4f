"""Chinese numerals ("二〇二六", "三十五", "两万") and the words around a number that say what it
is: scales, approximations (约, 左右, 多), currencies, percentages (百分之), durations and the
classifier with its counted noun after it ("1200名警察", "19歲")."""

from __future__ import annotations

import re

from factcheck.extract.numbers import NumberWords, SpelledNumber
from factcheck.text.scripts import alternation

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "幾": 0, "几": 0,
}  # fmt: skip
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
# Words made of numeral characters that are not numbers.
NOT_NUMBERS = {"一", "千万", "千萬", "万一", "萬一", "一一", "十万", "百", "千", "万", "萬"}
# Words after a number (in digits) that multiply it.
SCALES = {
    "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千万": 1e7, "千萬": 1e7, "百万": 1e6,
    "百萬": 1e6, "千": 1e3,
}  # fmt: skip
# Classifiers and counted nouns written right after a Chinese number.
CLASSIFIERS = (
    "名", "个", "個", "位", "人", "台", "架", "辆", "輛", "艘", "部", "座", "家", "所", "起",
    "次", "项", "項", "件", "条", "條", "枚", "支", "批", "万", "萬", "亿", "億", "多",
    "班", "歲", "岁", "米", "公尺", "公里", "平方公里", "公頃", "公顷", "公斤", "噸", "吨",
    "种", "種",
)  # fmt: skip
# Classifiers that are the counted thing themselves: "19歲", "2000米".
SELF_UNITS = {
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
PERSON_CLASSIFIERS = {"名", "位", "人"}
STOP = set(
    "的在和与與及了是被将將，。、；：！？（）“”「」 "
    "一二三四五六七八九十就讀读參参到都已於于为爲為有"
)
# Time units: (ISO 8601 designator, multiplier). "个月" not "月": "三月" is March.
DURATION_UNITS = {
    "年": ("Y", 1), "个月": ("M", 1), "個月": ("M", 1), "周": ("W", 1), "週": ("W", 1),
    "星期": ("W", 1), "天": ("D", 1), "小时": ("H", 1), "小時": ("H", 1),
    "分钟": ("MIN", 1), "分鐘": ("MIN", 1),
}  # fmt: skip

CLASSIFIER_AFTER = re.compile(
    rf"[ \t]?(?P<cls>{alternation(CLASSIFIERS)})(?P<noun>[\u4e00-\u9fff]{{0,3}})"
)


def parse(raw: str) -> SpelledNumber | None:
    if raw in NOT_NUMBERS:
        return None
    value = _value(raw)
    if value is None:
        return None
    return SpelledNumber(value, len(raw) == 1, "幾" in raw or "几" in raw)


def _value(raw: str) -> float | None:
    if all(ch in DIGITS for ch in raw):
        if len(raw) == 1:
            return float(DIGITS[raw])
        return float("".join(str(DIGITS[ch]) for ch in raw))  # 二〇二六 -> 2026
    total, section, digit = 0.0, 0.0, None
    for ch in raw:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:  # 万, 亿
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * BIG_UNITS[ch]
            section, digit = 0.0, None
    return total + section + (digit or 0)


def counted_noun(text: str, end: int, stop: int) -> tuple[str | None, int]:
    """The classifier after a number and the noun it counts: "名警察" -> 警察, "19歲" -> 歲."""
    found = CLASSIFIER_AFTER.match(text, end, stop)
    if not found:
        return None, end
    noun = found.group("noun")
    for i, ch in enumerate(noun):
        if ch in STOP:
            noun = noun[:i]
            break
    classifier = found.group("cls")
    if classifier in SELF_UNITS:
        return classifier, found.end("cls")
    if classifier in PERSON_CLASSIFIERS and not noun:
        return "人", found.end("cls")
    if classifier in ("万", "萬", "亿", "億", "多"):
        return None, end
    return (noun or classifier), found.start("noun") + len(noun)


CURRENCY_AFTER = {
    "元": "CNY", "美元": "USD", "人民币": "CNY", "人民幣": "CNY", "卢比": "PKR", "盧比": "PKR",
    "欧元": "EUR", "歐元": "EUR", "港元": "HKD", "新台幣": "TWD", "新臺幣": "TWD",
}  # fmt: skip

NUMBERS = NumberWords(
    pattern="[零〇一二两兩三四五六七八九十百千万萬亿億幾几]+",
    parse=parse,
    scales=SCALES,
    scales_own_numbers=False,  # 三万 carries its own scale
    approx_before=("约", "約", "大约", "大約", "近", "将近", "將近", "接近", "差不多", "约莫"),
    approx_after=("左右", "多", "余", "餘", "余名"),
    approx_after_own_only=("多",),  # approximate after a numeral (二十多), not after digits
    approx_after_joined=("多", "余", "餘"),
    currency_after=CURRENCY_AFTER,
    percent_before=("百分之",),
    duration_units=DURATION_UNITS,
    duration_not_before="級级代度",  # 年级 is a school year, 年代 a decade, 年度 a fiscal year
    recurring_before=("每",),
    frequencies={"每年一次": "P1Y", "每月一次": "P1M", "每周一次": "P1W", "每週一次": "P1W"},
    weak_counts_with_unit=True,
    counted_noun=counted_noun,
    claims_any_number=CLASSIFIER_AFTER,
)
