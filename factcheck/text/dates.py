"""Dates in every registered language, normalised to ISO 8601 and checked against their weekday.

`find_dates` reads what the words say (year, month, day, weekday, or a relative phrase) with small
grammars: ISO dates and bare years here, each language's in its folder (lang/<code>/dates.py,
its DATES, read through the registry); `normalize_date` turns that into an ISO value against the
publication date (extract/date_values.py makes a claim value of it). dateparser is not used: it
misses most Chinese forms and is slow; these grammars cover every form seen in the seeds and run as
a few regex passes per passage.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from factcheck.lang import registered_languages, registry_key
from factcheck.text.scripts import fold_bengali
from factcheck.text.wordsearch import LeftBounded

Grammar = re.Pattern[str] | LeftBounded


def word_start(pattern: str, flags: int = 0) -> LeftBounded:
    """A grammar that starts at a word boundary (every match starts with a word character)."""
    return LeftBounded(re.compile(pattern, flags))


def not_after(characters: str, pattern: str) -> LeftBounded:
    """A grammar that must not start right after one of `characters` (a character class)."""
    return LeftBounded(re.compile(pattern), characters)


@dataclass(frozen=True, eq=False)  # hashed by identity: a Language holding it is a cache key
class DateWords:
    """A language's date words and the grammars that read them (lang/<code>/dates.py defines its
    DATES). Grammar names start with the language's code and end in what they read: `_relative`
    a phrase of `relative` (group rel), `_weekday` a weekday (groups wd and mod); the others read
    groups year, mon (a month name) or month (a number), day and wd."""

    months: dict[str, int]  # month name -> 1..12, looked up lowered and nukta-folded
    weekdays: dict[str, int]  # weekday name -> 0 (Monday) .. 6
    relative: dict[str, tuple[str, int]]  # "last week" -> ("week", -1): day, week, month, year
    weekday_modifiers: dict[str, int]  # before a weekday: -1 the one before, +1 after, 0 this
    grammars: tuple[tuple[str, Grammar], ...]
    # A passage where this finds nothing skips the language's grammars (for speed); None: any
    # Latin letter or digit.
    script: re.Pattern[str] | None = None
    # A modified weekday names a day of that week (上周三: Wednesday of last week), not the
    # last or next such weekday.
    modified_weekday_is_in_week: bool = False
    numeral: Callable[[str], int] | None = None  # years, months, days not in decimal digits

    @cached_property
    def folded_months(self) -> dict[str, int]:
        return {fold_bengali(name.lower()): number for name, number in self.months.items()}

    @cached_property
    def folded_weekdays(self) -> dict[str, int]:
        return {fold_bengali(name.lower()): number for name, number in self.weekdays.items()}

    @cached_property
    def folded_relative(self) -> dict[str, tuple[str, int]]:
        return {fold_bengali(phrase.lower()): value for phrase, value in self.relative.items()}


# The grammars of no language: ISO dates and bare years.
NUMERIC_GRAMMARS: tuple[tuple[str, Grammar], ...] = (
    ("iso", word_start(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    ("year", not_after(r"\w,.$£€¥", r"(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[,.]\d)")),
)
_NO_WORDS = DateWords(months={}, weekdays={}, relative={}, weekday_modifiers={}, grammars=())
_LATIN_OR_DIGIT = re.compile("[A-Za-z0-9]")


@functools.cache
def _grammars(_registry: tuple) -> tuple[tuple[str, Grammar, DateWords], ...]:
    """Every grammar with the words it reads: the numeric ones, then each registered language's."""
    grammars = [(name, pattern, _NO_WORDS) for name, pattern in NUMERIC_GRAMMARS]
    for language in registered_languages():
        if language.dates is not None:
            grammars.extend(
                (name, pattern, language.dates) for name, pattern in language.dates.grammars
            )
    return tuple(grammars)


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


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date phrases in text[start:end]; where two overlap the longer wins."""
    stop = len(text) if end is None else end
    found: list[DateMention] = []
    needed: dict[int, bool] = {}
    for name, pattern, words in _grammars(registry_key()):
        if id(words) not in needed:
            probe = words.script or _LATIN_OR_DIGIT
            needed[id(words)] = probe.search(text, start, stop) is not None
        if not needed[id(words)]:
            continue
        for match in pattern.finditer(text, start, stop):
            mention = _read(name, match, words)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[DateMention] = []
    for mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    kept.sort(key=lambda m: m.start)
    return kept


def _read(name: str, match: re.Match[str], words: DateWords) -> DateMention | None:
    groups = match.groupdict()
    base = {"start": match.start(), "end": match.end(), "text": match.group()}
    if name.endswith("_relative"):
        phrase = groups.get("rel") or match.group()
        return DateMention(**base, relative=_lookup_relative(phrase, words))
    if name.endswith("weekday"):
        weekday = _weekday(groups["wd"], words)
        modifier = groups.get("mod")
        offset = words.weekday_modifiers.get(modifier.lower(), 0) if modifier else 0
        if words.modified_weekday_is_in_week and modifier:
            return DateMention(**base, weekday=weekday, relative=("week", offset))
        return DateMention(**base, weekday=weekday, weekday_offset=offset)
    year = _int(groups.get("year"), words)
    if year is not None and not 1800 <= year <= 2100:
        return None
    month = _month(groups["mon"], words) if groups.get("mon") else _int(groups.get("month"), words)
    day = _int(groups.get("day"), words)
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    weekday = _weekday(groups["wd"], words) if groups.get("wd") else None
    return DateMention(**base, year=year, month=month, day=day, weekday=weekday)


def _lookup_relative(phrase: str, words: DateWords) -> tuple[str, int]:
    key = re.sub(r"\s+", " ", phrase.lower())
    if key in words.relative:
        return words.relative[key]
    return words.folded_relative[fold_bengali(key)]


def _month(name: str, words: DateWords) -> int:
    return words.folded_months[fold_bengali(name.lower().rstrip("."))]


def _weekday(name: str, words: DateWords) -> int:
    return words.folded_weekdays[fold_bengali(name.lower())]


def _int(raw: str | None, words: DateWords) -> int | None:
    if raw is None:
        return None
    if raw.isdecimal() or words.numeral is None:
        return int(raw)  # any script's digits
    return words.numeral(raw)


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
