"""A date phrase as a claim value: its ISO 8601 value against the publication date, and a
finding when the weekday it names is not the weekday of that date. The grammar is text/dates.py."""

from __future__ import annotations

import datetime as dt

from factcheck.extract.models import ClaimValue, Finding
from factcheck.text.dates import DateMention, normalize_date

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def resolve_date(
    mention: DateMention, published: dt.date | None, forward: bool = False
) -> tuple[ClaimValue, list[Finding]]:
    """An ISO 8601 value for the mention; `forward` picks the next, not the last, occurrence
    of a yearless date or a bare weekday (for planned events)."""
    is_relative = mention.year is None and (
        mention.month is not None or mention.relative is not None or mention.weekday is not None
    )
    normalized = normalize_date(mention, published, forward)
    findings: list[Finding] = []
    if mention.weekday is not None and mention.day is not None and normalized:
        try:
            actual = dt.date.fromisoformat(normalized)
        except ValueError:
            actual = None
        if actual is not None and actual.weekday() != mention.weekday:
            findings.append(
                Finding(
                    "weekday_mismatch",
                    f"“{mention.text}” names a {_WEEKDAY_NAMES[mention.weekday]}, "
                    f"but {normalized} is a {_WEEKDAY_NAMES[actual.weekday()]}",
                    mention.start,
                    mention.end,
                )
            )
    value = ClaimValue(
        "date",
        mention.start,
        mention.end,
        mention.text,
        None,
        normalized,
        None,
        is_relative=is_relative,
    )
    return value, findings
