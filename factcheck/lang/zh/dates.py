"""Chinese date words and grammars: "2025年3月5日（星期三）", "三月", "2025年", "上周三",
"去年"; numbers in Chinese numerals as well as digits."""

from __future__ import annotations

import re

from factcheck.text.dates import DateWords, not_after
from factcheck.text.scripts import alternation

WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}  # fmt: skip
# Relative phrases -> (anchor, offset): anchor is day, week, month or year.
RELATIVE = {
    "昨天": ("day", -1), "昨日": ("day", -1), "今天": ("day", 0), "今日": ("day", 0),
    "明天": ("day", 1), "前天": ("day", -2), "上周": ("week", -1), "上週": ("week", -1),
    "上星期": ("week", -1), "本周": ("week", 0), "本週": ("week", 0), "这周": ("week", 0),
    "下周": ("week", 1), "下週": ("week", 1), "上个月": ("month", -1), "上個月": ("month", -1),
    "本月": ("month", 0), "下个月": ("month", 1), "下個月": ("month", 1), "去年": ("year", -1),
    "今年": ("year", 0), "明年": ("year", 1), "前年": ("year", -2),
}  # fmt: skip
# Before a weekday: its week (上周三 is Wednesday of last week).
WEEKDAY_MODIFIERS = {"上": -1, "下": 1, "本": 0, "这": 0}

_NUM = "[0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_YEAR = "[0-9０-９]{4}|[〇零一二三四五六七八九]{4}"
_WD = "(?:星期|礼拜|禮拜|周|週)(?P<wd>[一二三四五六日天])"


def numeral(raw: str) -> int:
    """A year, month or day in Chinese numerals: 二〇二五, 十, 十二, 二十, 二十三."""
    if all(ch in DIGITS for ch in raw):
        return int("".join(str(DIGITS[ch]) for ch in raw))
    tens, _, units = raw.partition("十")
    return (DIGITS.get(tens, 1) if tens else 1) * 10 + (DIGITS.get(units, 0) if units else 0)


DATES = DateWords(
    months={},
    weekdays=WEEKDAYS,
    relative=RELATIVE,
    weekday_modifiers=WEEKDAY_MODIFIERS,
    grammars=(
        (
            "zh_ymd",
            re.compile(
                rf"(?:(?P<year>{_YEAR})年)?(?P<month>{_NUM})月(?:(?P<day>{_NUM})[日号號])?"
                rf"(?:\s*(?P<open>[（(])?{_WD}(?(open)[）)]))?"
            ),
        ),
        ("zh_year", re.compile(rf"(?P<year>{_YEAR})年(?![代度])")),
        (
            "zh_weekday",
            not_after("每一两兩几幾", rf"(?P<mod>[上下本这這])?(?:个|個)?{_WD}(?![年期末次])"),
        ),
        ("zh_relative", re.compile(alternation(RELATIVE))),
    ),
    script=re.compile("[年月周週星礼禮昨今明前去上下本这這]"),
    modified_weekday_is_in_week=True,
    numeral=numeral,
)
