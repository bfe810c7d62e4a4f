"""English date words (months, weekdays, relative phrases) and the grammars that read them:
"March 5, 2025", "5th of March", "March 2025", "in January", "last Tuesday", "next week"."""

from __future__ import annotations

import re

from factcheck.text.dates import DateWords, word_start
from factcheck.text.scripts import alternation

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Month names that are safe alone (not verbs or modals): "in January", "the January meeting".
MONTHS_ALONE = [m.capitalize() for m, n in MONTHS.items() if len(m) > 3 and n not in (3, 5)]
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# Relative phrases -> (anchor, offset): anchor is day, week, month or year.
RELATIVE = {
    "yesterday": ("day", -1), "today": ("day", 0), "tomorrow": ("day", 1),
    "last week": ("week", -1), "past week": ("week", -1), "previous week": ("week", -1),
    "this week": ("week", 0), "next week": ("week", 1), "coming week": ("week", 1),
    "last month": ("month", -1), "previous month": ("month", -1), "this month": ("month", 0),
    "next month": ("month", 1), "last year": ("year", -1), "previous year": ("year", -1),
    "past year": ("year", -1), "this year": ("year", 0), "next year": ("year", 1),
}  # fmt: skip
# Words before a weekday: -1 the one before, +1 the one after, 0 the most recent (or next).
WEEKDAY_MODIFIERS = {"last": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "on": 0}

_MON = alternation([m.capitalize() for m in MONTHS])
_WD = alternation([w.capitalize() for w in WEEKDAYS])

DATES = DateWords(
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative=RELATIVE,
    weekday_modifiers=WEEKDAY_MODIFIERS,
    grammars=(
        (
            "en_mdy",
            word_start(
                rf"(?:(?P<wd>{_WD}),?\s*(?P<open>\()?\s*)?(?P<mon>{_MON})\.?\s+"
                rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?(?(open)\s*\))"
            ),
        ),
        (
            "en_dmy",
            word_start(
                rf"(?:(?P<wd>{_WD}),?\s*(?P<open>\()?\s*)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                rf"(?:of\s+)?(?P<mon>{_MON})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?(?(open)\s*\))"
            ),
        ),
        ("en_my", word_start(rf"(?P<mon>{_MON})\.?,?\s+(?P<year>\d{{4}})\b")),
        (
            "en_month",
            word_start(
                rf"(?:(?:in|since|until|by|from|last|this|next|early|late|mid-?)\s+)?"
                rf"(?P<mon>{alternation(MONTHS_ALONE)}|(?<=in )(?:May|March))\b"
            ),
        ),
        (
            "en_weekday",
            word_start(rf"(?:(?P<mod>last|previous|next|coming|this|on)\s+)?(?P<wd>{_WD})\b", re.I),
        ),
        ("en_relative", word_start(rf"(?P<rel>{alternation(RELATIVE)})\b", re.I)),
    ),
)
