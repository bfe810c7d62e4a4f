"""Bengali date words and grammars: "৫ মার্চ ২০২৫", "বুধবার (৫ মার্চ)", "মার্চ ২০২৫",
"২০২৫ সালের মার্চে", "গত বুধবার", "গত সপ্তাহে"; either nukta spelling, Bengali or ASCII digits."""

from __future__ import annotations

import re

from factcheck.text.dates import DateWords, not_after
from factcheck.text.scripts import BN_AFTER, BN_CHARS, alternation

MONTHS = {
    "জানুয়ারি": 1, "জানুয়ারী": 1, "ফেব্রুয়ারি": 2, "ফেব্রুয়ারী": 2, "মার্চ": 3, "এপ্রিল": 4,
    "মে": 5, "জুন": 6, "জুলাই": 7, "আগস্ট": 8, "আগষ্ট": 8, "অগাস্ট": 8, "সেপ্টেম্বর": 9,
    "অক্টোবর": 10, "নভেম্বর": 11, "ডিসেম্বর": 12,
}  # fmt: skip
WEEKDAYS = {
    "সোমবার": 0, "মঙ্গলবার": 1, "বুধবার": 2, "বৃহস্পতিবার": 3, "শুক্রবার": 4, "শনিবার": 5,
    "রবিবার": 6, "রোববার": 6,
}  # fmt: skip
# Relative phrases -> (anchor, offset): anchor is day, week, month or year.
RELATIVE = {
    "গতকাল": ("day", -1), "আজ": ("day", 0), "আগামীকাল": ("day", 1),
    "গত সপ্তাহে": ("week", -1), "গত সপ্তাহ": ("week", -1), "চলতি সপ্তাহে": ("week", 0),
    "আগামী সপ্তাহে": ("week", 1), "গত মাসে": ("month", -1), "চলতি মাসে": ("month", 0),
    "আগামী মাসে": ("month", 1), "গত বছর": ("year", -1), "গত বছরের": ("year", -1),
    "চলতি বছর": ("year", 0), "চলতি বছরের": ("year", 0), "এ বছর": ("year", 0),
    "আগামী বছর": ("year", 1),
}  # fmt: skip
WEEKDAY_MODIFIERS = {"গত": -1, "আগামী": 1}

_D = "[0-9০-৯０-９]"
_MON = alternation(MONTHS, bengali=True)
_WD = alternation(WEEKDAYS, bengali=True)
_SUFFIX = "(?:টার|টা|টি|ের|ে|র|এ|তে)?"

DATES = DateWords(
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative=RELATIVE,
    weekday_modifiers=WEEKDAY_MODIFIERS,
    grammars=(
        (
            "bn_dmy",
            not_after(
                BN_CHARS,
                rf"(?:(?P<wd>{_WD}){_SUFFIX}\s*,?\s*(?P<open>\()?\s*)?"
                rf"(?P<day>{_D}{{1,2}})\s*(?P<mon>{_MON}){_SUFFIX}"
                rf"(?:\s*,?\s*(?P<year>{_D}{{4}}))?(?(open)\s*\)){BN_AFTER}",
            ),
        ),
        (
            "bn_my",
            not_after(BN_CHARS, rf"(?P<mon>{_MON}){_SUFFIX}\s*,?\s*(?P<year>{_D}{{4}})"),
        ),
        (
            "bn_ym",
            not_after(
                "0-9০-৯",
                rf"(?P<year>(?:১[৮৯]|২০)[০-৯]{{2}})\s*সালের\s+(?P<mon>{_MON}){_SUFFIX}"
                rf"{BN_AFTER}",
            ),
        ),
        ("bn_month", not_after(BN_CHARS, rf"(?P<mon>{_MON}){_SUFFIX}{BN_AFTER}")),
        (
            "bn_weekday",
            not_after(BN_CHARS, rf"(?:(?P<mod>গত|আগামী)\s+)?(?P<wd>{_WD}){_SUFFIX}{BN_AFTER}"),
        ),
        (
            "bn_relative",
            not_after(BN_CHARS, rf"(?P<rel>{alternation(RELATIVE, bengali=True)}){BN_AFTER}"),
        ),
        (
            "bn_year",
            not_after("0-9০-৯", r"(?P<year>(?:১[৮৯]|২০)[০-৯]{2})(?![0-9০-৯])(?:\s*সাল(?:ের|ে)?)?"),
        ),
    ),
    script=re.compile(f"[{BN_CHARS}]"),
)
