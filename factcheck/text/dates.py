"""Dates in English, Chinese and Bengali, normalised to ISO 8601 and checked against their weekday.

`find_dates` reads what the words say (year, month, day, weekday, or a relative phrase) with small
grammars built from per-language tables; `normalize_date` turns that into an ISO value against the
publication date (extract/date_values.py makes a claim value of it). dateparser is not used: it
misses most Chinese forms and is slow; these grammars cover every form seen in the seeds and run as
a few regex passes per passage.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.text.scripts import BN_AFTER, BN_CHARS, alternation, fold_bengali
from factcheck.text.wordsearch import LeftBounded

# --- tables ---------------------------------------------------------------------------------

EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Month names that are safe alone (not verbs or modals): "in January", "the January meeting".
EN_MONTHS_ALONE = [m.capitalize() for m, n in EN_MONTHS.items() if len(m) > 3 and n not in (3, 5)]
EN_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
BN_MONTHS = {
    "জানুয়ারি": 1, "জানুয়ারী": 1, "ফেব্রুয়ারি": 2, "ফেব্রুয়ারী": 2, "মার্চ": 3, "এপ্রিল": 4,
    "মে": 5, "জুন": 6, "জুলাই": 7, "আগস্ট": 8, "আগষ্ট": 8, "অগাস্ট": 8, "সেপ্টেম্বর": 9,
    "অক্টোবর": 10, "নভেম্বর": 11, "ডিসেম্বর": 12,
}  # fmt: skip
BN_WEEKDAYS = {
    "সোমবার": 0, "মঙ্গলবার": 1, "বুধবার": 2, "বৃহস্পতিবার": 3, "শুক্রবার": 4, "শনিবার": 5,
    "রবিবার": 6, "রোববার": 6,
}  # fmt: skip
ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}  # fmt: skip

# Relative phrases -> (anchor, offset): anchor is day, week, month or year.
RELATIVE = {
    "yesterday": ("day", -1), "today": ("day", 0), "tomorrow": ("day", 1),
    "last week": ("week", -1), "past week": ("week", -1), "previous week": ("week", -1),
    "this week": ("week", 0), "next week": ("week", 1), "coming week": ("week", 1),
    "last month": ("month", -1), "previous month": ("month", -1), "this month": ("month", 0),
    "next month": ("month", 1), "last year": ("year", -1), "previous year": ("year", -1),
    "past year": ("year", -1), "this year": ("year", 0), "next year": ("year", 1),
    "昨天": ("day", -1), "昨日": ("day", -1), "今天": ("day", 0), "今日": ("day", 0),
    "明天": ("day", 1), "前天": ("day", -2), "上周": ("week", -1), "上週": ("week", -1),
    "上星期": ("week", -1), "本周": ("week", 0), "本週": ("week", 0), "这周": ("week", 0),
    "下周": ("week", 1), "下週": ("week", 1), "上个月": ("month", -1), "上個月": ("month", -1),
    "本月": ("month", 0), "下个月": ("month", 1), "下個月": ("month", 1), "去年": ("year", -1),
    "今年": ("year", 0), "明年": ("year", 1), "前年": ("year", -2),
    "গতকাল": ("day", -1), "আজ": ("day", 0), "আগামীকাল": ("day", 1),
    "গত সপ্তাহে": ("week", -1), "গত সপ্তাহ": ("week", -1), "চলতি সপ্তাহে": ("week", 0),
    "আগামী সপ্তাহে": ("week", 1), "গত মাসে": ("month", -1), "চলতি মাসে": ("month", 0),
    "আগামী মাসে": ("month", 1), "গত বছর": ("year", -1), "গত বছরের": ("year", -1),
    "চলতি বছর": ("year", 0), "চলতি বছরের": ("year", 0), "এ বছর": ("year", 0),
    "আগামী বছর": ("year", 1),
}  # fmt: skip
# Words before a weekday: -1 the one before, +1 the one after, 0 the most recent (or next).
WEEKDAY_MODIFIERS = {
    "last": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "on": 0,
    "上": -1, "下": 1, "本": 0, "这": 0, "গত": -1, "আগামী": 1,
}  # fmt: skip

# --- grammars -------------------------------------------------------------------------------

_D = "[0-9০-৯０-９]"
_EN_MON = alternation([m.capitalize() for m in EN_MONTHS])
_EN_WD = alternation([w.capitalize() for w in EN_WEEKDAYS])
_BN_MON = alternation(BN_MONTHS, bengali=True)
_BN_WD = alternation(BN_WEEKDAYS, bengali=True)
_BN_SUFFIX = "(?:টার|টা|টি|ের|ে|র|এ|তে)?"
_ZH_NUM = "[0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_ZH_YEAR = "[0-9０-９]{4}|[〇零一二三四五六七八九]{4}"
_BN_RELATIVE = alternation((k for k in RELATIVE if "\u0980" <= k[0] <= "\u09ff"), bengali=True)
_ZH_RELATIVE = alternation(k for k in RELATIVE if "\u4e00" <= k[0] <= "\u9fff")
_ZH_WD = "(?:星期|礼拜|禮拜|周|週)(?P<wd>[一二三四五六日天])"


def _word_start(pattern: str, flags: int = 0) -> LeftBounded:
    """A grammar that starts at a word boundary (every match starts with a word character)."""
    return LeftBounded(re.compile(pattern, flags))


def _not_after(characters: str, pattern: str) -> LeftBounded:
    """A grammar that must not start right after one of `characters` (a character class)."""
    return LeftBounded(re.compile(pattern), characters)


GRAMMARS: list[tuple[str, re.Pattern[str] | LeftBounded]] = [
    ("iso", _word_start(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    (
        "en_mdy",
        _word_start(
            rf"(?:(?P<wd>{_EN_WD}),?\s*(?P<open>\()?\s*)?(?P<mon>{_EN_MON})\.?\s+"
            rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?(?(open)\s*\))"
        ),
    ),
    (
        "en_dmy",
        _word_start(
            rf"(?:(?P<wd>{_EN_WD}),?\s*(?P<open>\()?\s*)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+"
            rf"(?:of\s+)?(?P<mon>{_EN_MON})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?(?(open)\s*\))"
        ),
    ),
    ("en_my", _word_start(rf"(?P<mon>{_EN_MON})\.?,?\s+(?P<year>\d{{4}})\b")),
    (
        "en_month",
        _word_start(
            rf"(?:(?:in|since|until|by|from|last|this|next|early|late|mid-?)\s+)?"
            rf"(?P<mon>{alternation(EN_MONTHS_ALONE)}|(?<=in )(?:May|March))\b"
        ),
    ),
    (
        "en_weekday",
        _word_start(rf"(?:(?P<mod>last|previous|next|coming|this|on)\s+)?(?P<wd>{_EN_WD})\b", re.I),
    ),
    (
        "en_relative",
        _word_start(rf"(?P<rel>{alternation(k for k in RELATIVE if k.isascii())})\b", re.I),
    ),
    ("year", _not_after(r"\w,.$£€¥", r"(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[,.]\d)")),
    (
        "zh_ymd",
        re.compile(
            rf"(?:(?P<year>{_ZH_YEAR})年)?(?P<month>{_ZH_NUM})月(?:(?P<day>{_ZH_NUM})[日号號])?"
            rf"(?:\s*(?P<open>[（(])?{_ZH_WD}(?(open)[）)]))?"
        ),
    ),
    ("zh_year", re.compile(rf"(?P<year>{_ZH_YEAR})年(?![代度])")),
    (
        "zh_weekday",
        _not_after("每一两兩几幾", rf"(?P<mod>[上下本这這])?(?:个|個)?{_ZH_WD}(?![年期末次])"),
    ),
    (
        "zh_relative",
        re.compile(_ZH_RELATIVE),
    ),
    (
        "bn_dmy",
        _not_after(
            BN_CHARS,
            rf"(?:(?P<wd>{_BN_WD}){_BN_SUFFIX}\s*,?\s*(?P<open>\()?\s*)?"
            rf"(?P<day>{_D}{{1,2}})\s*(?P<mon>{_BN_MON}){_BN_SUFFIX}"
            rf"(?:\s*,?\s*(?P<year>{_D}{{4}}))?(?(open)\s*\)){BN_AFTER}",
        ),
    ),
    (
        "bn_my",
        _not_after(BN_CHARS, rf"(?P<mon>{_BN_MON}){_BN_SUFFIX}\s*,?\s*(?P<year>{_D}{{4}})"),
    ),
    (
        "bn_ym",
        _not_after(
            "0-9০-৯",
            rf"(?P<year>(?:১[৮৯]|২০)[০-৯]{{2}})\s*সালের\s+(?P<mon>{_BN_MON}){_BN_SUFFIX}"
            rf"{BN_AFTER}",
        ),
    ),
    ("bn_month", _not_after(BN_CHARS, rf"(?P<mon>{_BN_MON}){_BN_SUFFIX}{BN_AFTER}")),
    (
        "bn_weekday",
        _not_after(BN_CHARS, rf"(?:(?P<mod>গত|আগামী)\s+)?(?P<wd>{_BN_WD}){_BN_SUFFIX}{BN_AFTER}"),
    ),
    (
        "bn_relative",
        _not_after(BN_CHARS, rf"(?P<rel>{_BN_RELATIVE}){BN_AFTER}"),
    ),
    (
        "bn_year",
        _not_after("0-9০-৯", r"(?P<year>(?:১[৮৯]|২০)[০-৯]{2})(?![0-9০-৯])(?:\s*সাল(?:ের|ে)?)?"),
    ),
]


@dataclass(frozen=True)
class DateMention:
    """What a date phrase says, before resolution. `relative` is (anchor, offset) or None."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday_offset: int | None = None  # a weekday named alone: -1 last, 0 this/on, 1 next
    relative: tuple[str, int] | None = None


# Which script a grammar needs; a passage without that script skips the grammar (for speed).
_SCRIPT_OF_GRAMMAR = {
    "zh": re.compile("[年月周週星礼禮昨今明前去上下本这這]"),
    "bn": re.compile(f"[{BN_CHARS}]"),
}
_LATIN_OR_DIGIT = re.compile("[A-Za-z0-9]")


def _needs(name: str, text: str, start: int, stop: int) -> bool:
    script = name.split("_")[0]
    if script in _SCRIPT_OF_GRAMMAR:
        return _SCRIPT_OF_GRAMMAR[script].search(text, start, stop) is not None
    return _LATIN_OR_DIGIT.search(text, start, stop) is not None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date phrases in text[start:end]; where two overlap the longer wins."""
    stop = len(text) if end is None else end
    found: list[DateMention] = []
    needed: dict[str, bool] = {}
    for name, pattern in GRAMMARS:
        script = name.split("_")[0]
        if script not in needed:
            needed[script] = _needs(name, text, start, stop)
        if not needed[script]:
            continue
        for match in pattern.finditer(text, start, stop):
            mention = _read(name, match)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[DateMention] = []
    for mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    kept.sort(key=lambda m: m.start)
    return kept


def _read(name: str, match: re.Match[str]) -> DateMention | None:
    groups = match.groupdict()
    base = {"start": match.start(), "end": match.end(), "text": match.group()}
    if name in ("en_relative", "zh_relative", "bn_relative"):
        phrase = groups.get("rel") or match.group()
        return DateMention(**base, relative=_lookup_relative(phrase))
    if name.endswith("weekday"):
        weekday = _weekday(groups["wd"])
        modifier = groups.get("mod")
        offset = WEEKDAY_MODIFIERS.get(modifier.lower(), 0) if modifier else 0
        if name == "zh_weekday" and modifier:
            # 上周三 is Wednesday of last week, not the last Wednesday
            return DateMention(**base, weekday=weekday, relative=("week", offset))
        return DateMention(**base, weekday=weekday, weekday_offset=offset)
    year = _int(groups.get("year"))
    if year is not None and not 1800 <= year <= 2100:
        return None
    month = _month(groups.get("mon")) if groups.get("mon") else _int(groups.get("month"))
    day = _int(groups.get("day"))
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    weekday = _weekday(groups["wd"]) if groups.get("wd") else None
    return DateMention(**base, year=year, month=month, day=day, weekday=weekday)


def _lookup_relative(phrase: str) -> tuple[str, int]:
    key = re.sub(r"\s+", " ", phrase.lower())
    if key in RELATIVE:
        return RELATIVE[key]
    return _RELATIVE_FOLDED[fold_bengali(key)]


_RELATIVE_FOLDED = {fold_bengali(k): v for k, v in RELATIVE.items()}
_BN_MONTHS_FOLDED = {fold_bengali(k): v for k, v in BN_MONTHS.items()}
_BN_WEEKDAYS_FOLDED = {fold_bengali(k): v for k, v in BN_WEEKDAYS.items()}


def _month(name: str) -> int:
    lower = name.lower().rstrip(".")
    if lower in EN_MONTHS:
        return EN_MONTHS[lower]
    return _BN_MONTHS_FOLDED[fold_bengali(name)]


def _weekday(name: str) -> int:
    lower = name.lower()
    if lower in EN_WEEKDAYS:
        return EN_WEEKDAYS[lower]
    if lower in ZH_WEEKDAYS:
        return ZH_WEEKDAYS[lower]
    return _BN_WEEKDAYS_FOLDED[fold_bengali(name)]


def _int(raw: str | None) -> int | None:
    if raw is None:
        return None
    if raw.isdecimal():
        return int(raw)  # any script's digits
    if all(ch in ZH_DIGITS for ch in raw):
        return int("".join(str(ZH_DIGITS[ch]) for ch in raw))
    # Chinese tens: 十, 十二, 二十, 二十三
    tens, _, units = raw.partition("十")
    return (ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (ZH_DIGITS.get(units, 0) if units else 0)


# --- resolution -----------------------------------------------------------------------------


def normalize_date(
    mention: DateMention, published: dt.date | None, forward: bool = False
) -> str | None:
    """The ISO 8601 value a date phrase names, read against the publication date; `forward`
    picks the next, not the last, occurrence of a yearless date or a bare weekday."""
    year, month, day = mention.year, mention.month, mention.day
    if year is not None:
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        return _iso_day(year, month, day)
    if month is not None:
        if published is None:
            return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
        year = _nearest_year(published, month, day or 1, forward)
        return _iso_day(year, month, day) if day else f"{year:04d}-{month:02d}"
    if published is None:
        return None
    if mention.relative is not None and mention.weekday is not None:
        monday = published - dt.timedelta(days=published.weekday())
        day_in_week = monday + dt.timedelta(weeks=mention.relative[1], days=mention.weekday)
        return day_in_week.isoformat()
    if mention.relative is not None:
        return _relative(published, *mention.relative)
    if mention.weekday is not None:
        return _weekday_date(published, mention.weekday, mention.weekday_offset or 0, forward)
    return None


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _nearest_year(published: dt.date, month: int, day: int, forward: bool) -> int:
    year = published.year
    if forward:
        return year if (month, day) >= (published.month, published.day) else year + 1
    return year if (month, day) <= (published.month, published.day) else year - 1


def _relative(published: dt.date, anchor: str, offset: int) -> str:
    if anchor == "day":
        return (published + dt.timedelta(days=offset)).isoformat()
    if anchor == "week":
        year, week, _ = (published + dt.timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if anchor == "month":
        index = published.year * 12 + published.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{published.year + offset:04d}"


def _weekday_date(published: dt.date, weekday: int, offset: int, forward: bool) -> str:
    back = (published.weekday() - weekday) % 7
    if offset < 0:
        return (published - dt.timedelta(days=back or 7)).isoformat()
    if offset > 0 or forward:
        ahead = (weekday - published.weekday()) % 7
        return (published + dt.timedelta(days=ahead or (7 if offset > 0 else 0))).isoformat()
    return (published - dt.timedelta(days=back)).isoformat()
