"""Numbers, quantities, percentages, money and durations in every registered language.

One pass of one regex finds every number (digits in any script, and each language's spelled
numbers); the words around each number then say what it is. The words are each language's, in
its folder (lang/<code>/numbers.py, its NUMBERS, read through the registry); digits, currency
signs and the percent sign are here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.extract.models import ClaimValue
from factcheck.lang import registered_languages, registry_key
from factcheck.text.scripts import BN_CHARS, DIGIT, alternation, fold_bengali, to_number
from factcheck.text.wordsearch import ASCII_LOWER

# --- what no language owns -------------------------------------------------------------------

CURRENCY_BEFORE = {
    "US$": "USD", "$": "USD", "USD": "USD", "Rs.": "PKR", "Rs": "PKR", "PKR": "PKR",
    "Tk.": "BDT", "Tk": "BDT", "৳": "BDT", "¥": "CNY", "￥": "CNY", "RMB": "CNY",
    "€": "EUR", "£": "GBP", "₹": "INR", "HK$": "HKD",
}  # fmt: skip
PERCENT_SIGNS = ("%", "％")
DIGITS_SCRIPT = "digits"  # the script of a number written in digits, whatever their script
# Digits in any script; not part of a word, a decimal or a clock time ("০৪:২১").
_DIGITS = (
    rf"(?<![A-Za-z0-9০-৯.,:：])[{DIGIT}]+(?:[,，][{DIGIT}]{{2,3}})*(?:\.[{DIGIT}]+)?"
    rf"(?![{DIGIT}]|[:：][{DIGIT}])"
)


@dataclass(frozen=True)
class SpelledNumber:
    """What a language's parser reads from one of its spelled numbers."""

    value: float
    is_weak: bool  # alone, it mostly means "a" or "some": it counts only with a unit
    is_approximate: bool = False  # "几十": some tens


@dataclass(frozen=True, eq=False)  # hashed by identity: a Language holding it is a cache key
class NumberWords:
    """A language's number words and the words around a number that say what it is
    (lang/<code>/numbers.py defines its NUMBERS). Words match case-folded, Bengali in either
    nukta spelling."""

    # Regex source of its spelled numbers, in lower case (it is matched against the text with
    # its ASCII letters lowered), and their reader; None: it has no number words.
    pattern: str | None = None
    parse: Callable[[str], SpelledNumber | None] | None = None
    scales: dict[str, float] = field(default_factory=dict)  # after a number: "million" x 1e6
    scales_own_numbers: bool = True  # False: its numerals carry their own scale (三万)
    approx_before: tuple[str, ...] = ()  # "about" 20
    approx_after: tuple[str, ...] = ()  # 20 "or so"
    approx_after_own_only: tuple[str, ...] = ()  # approximate only after its own numerals
    approx_after_joined: tuple[str, ...] = ()  # after its own numerals, part of the number
    currency_after: dict[str, str] = field(default_factory=dict)  # "taka" -> BDT
    percent_after: tuple[str, ...] = ()
    percent_before: tuple[str, ...] = ()
    duration_units: dict[str, tuple[str, int]] = field(default_factory=dict)  # ISO designator
    duration_tails: tuple[str, ...] = ()  # endings a duration unit may take ("-long", "ের")
    duration_not_before: str = ""  # characters after a unit that make it something else
    recurring_before: tuple[str, ...] = ()  # "every" 3 years
    recurring_after: tuple[str, ...] = ()
    frequencies: dict[str, str] = field(default_factory=dict)  # "once a year" -> P1Y
    weak_counts_with_unit: bool = False  # a weak number counts when a unit follows
    # (text, end of the number, end of the passage) -> (counted noun or None, its end)
    counted_noun: Callable[[str, int, int], tuple[str | None, int]] | None = None
    # After any number, a match makes this language's counted noun the one read (a classifier)
    claims_any_number: re.Pattern[str] | None = None
    # After digits, a match makes this language's counted noun the one read (its script)
    claims_digits: re.Pattern[str] | None = None
    counts_unclaimed_digits: bool = False  # digits no language claims are counted its way


@dataclass(frozen=True)
class _Tables:
    """Every registered language's number words, merged, and the patterns built from them."""

    words: dict[str, NumberWords]  # code -> its words
    number: re.Pattern[str]
    scales: dict[str, float]
    approx_after_own_only: frozenset[str]
    currency_after: dict[str, str]
    percent_before: tuple[str, ...]
    duration_units: dict[str, tuple[str, int]]
    frequencies: dict[str, str]
    frequencies_folded: dict[str, str]
    scale_after: re.Pattern[str]
    percent_after: re.Pattern[str]
    currency_after_pattern: re.Pattern[str]
    currency_before: re.Pattern[str]
    duration_after: re.Pattern[str]
    recurring_before: re.Pattern[str]
    recurring_after: re.Pattern[str]
    approx_before: re.Pattern[str]
    approx_after: re.Pattern[str]
    frequency: re.Pattern[str]
    claims_any_number: tuple[tuple[re.Pattern[str], NumberWords], ...]
    claims_digits: tuple[tuple[re.Pattern[str], NumberWords], ...]
    unclaimed_digits: NumberWords | None


@functools.cache
def _tables(_registry: tuple) -> _Tables:
    words = {
        language.code: language.numbers
        for language in registered_languages()
        if language.numbers is not None
    }
    every = list(words.values())

    def merged(name: str) -> dict:
        table: dict = {}
        for entry in every:
            table.update(getattr(entry, name))
        return table

    def joined(name: str) -> tuple[str, ...]:
        return tuple(word for entry in every for word in getattr(entry, name))

    spelled = "".join(
        f"|(?P<{code}>{entry.pattern})" for code, entry in words.items() if entry.pattern
    )
    scales = merged("scales")
    currency_after = merged("currency_after")
    duration_units = merged("duration_units")
    frequencies = merged("frequencies")
    tails = joined("duration_tails")
    not_before = "".join(entry.duration_not_before for entry in every)
    return _Tables(
        words=words,
        number=re.compile(rf"(?P<{DIGITS_SCRIPT}>{_DIGITS}){spelled}"),
        scales=scales,
        approx_after_own_only=frozenset(joined("approx_after_own_only")),
        currency_after=currency_after,
        percent_before=joined("percent_before"),
        duration_units=duration_units,
        frequencies=frequencies,
        frequencies_folded={fold_bengali(k.lower()): v for k, v in frequencies.items()},
        scale_after=re.compile(
            rf"[ \t]*(?:{alternation(scales, bengali=True)})(?![A-Za-z]|[{BN_CHARS}])", re.I
        ),
        percent_after=re.compile(
            rf"[ \t]*(?:{alternation([*PERCENT_SIGNS, *joined('percent_after')], bengali=True)})",
            re.I,
        ),
        currency_after_pattern=re.compile(
            rf"[ \t]*(?P<cur>{alternation(currency_after, bengali=True)})(?![A-Za-z])", re.I
        ),
        currency_before=re.compile(rf"(?P<cur>{alternation(CURRENCY_BEFORE)})[ \t]*$"),
        duration_after=re.compile(
            rf"(?:[ \t]*|-)(?P<unit>{alternation(duration_units, bengali=True)})"
            rf"(?P<tail>(?:{alternation(tails)})?)(?![A-Za-z]|[{BN_CHARS}]"
            + (rf"|[{not_before}])" if not_before else ")"),
            re.I,
        ),
        recurring_before=re.compile(
            rf"(?:{alternation(joined('recurring_before'), bengali=True)})[ \t]*$", re.I
        ),
        recurring_after=re.compile(
            rf"[ \t]*(?:{alternation(joined('recurring_after'), bengali=True)})"
        ),
        approx_before=re.compile(
            rf"(?:{alternation(joined('approx_before'), bengali=True)})[ \t]*$", re.I
        ),
        approx_after=re.compile(
            rf"[ \t]*(?:{alternation(joined('approx_after'), bengali=True)})", re.I
        ),
        frequency=re.compile(alternation(frequencies, bengali=True), re.I),
        claims_any_number=tuple(
            (entry.claims_any_number, entry) for entry in every if entry.claims_any_number
        ),
        claims_digits=tuple((entry.claims_digits, entry) for entry in every if entry.claims_digits),
        unclaimed_digits=next((entry for entry in every if entry.counts_unclaimed_digits), None),
    )


def number_pattern() -> re.Pattern[str]:
    """The one regex that finds every number: a group per script (digits, or a language code).
    Match it against the text with its ASCII letters lowered (`ASCII_LOWER`)."""
    return _tables(registry_key()).number


# --- the number finder ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: float
    script: str  # digits, or the code of the language whose spelled number it is
    is_weak: bool
    is_approximate: bool = False


def find_numeric_values(text: str, start: int = 0, end: int | None = None) -> list[ClaimValue]:
    """Every number-bearing value in text[start:end], classified by the words around it."""
    tables = _tables(registry_key())
    stop = len(text) if end is None else end
    values = [_frequency_value(tables, m) for m in tables.frequency.finditer(text, start, stop)]
    taken = [(v.start, v.end) for v in values]
    for number in _numbers(tables, text, start, stop):
        if any(a < number.end and number.start < b for a, b in taken):
            continue
        value = _classify(tables, text, number, start, stop)
        if value is not None:
            values.append(value)
            taken.append((value.start, value.end))
    values.sort(key=lambda v: v.start)
    return values


def _numbers(tables: _Tables, text: str, start: int, stop: int) -> list[_Number]:
    found = []
    for match in tables.number.finditer(_lowered(text), start, stop):
        number = _to_number(tables, match)
        if number is not None:
            found.append(number)
    return found


@lru_cache(maxsize=8)
def _lowered(text: str) -> str:
    """ASCII letters lowered: same length, so offsets hold; computed once per source text."""
    return text.translate(ASCII_LOWER)


def _to_number(tables: _Tables, match: re.Match[str]) -> _Number | None:
    script = match.lastgroup or ""
    raw = match.group()
    if script == DIGITS_SCRIPT:
        return _Number(match.start(), match.end(), to_number(raw), script, False)
    parse = tables.words[script].parse
    spelled = parse(raw) if parse is not None else None
    if spelled is None:
        return None
    return _Number(
        match.start(),
        match.end(),
        spelled.value,
        script,
        spelled.is_weak,
        spelled.is_approximate,
    )


def _frequency_value(tables: _Tables, match: re.Match[str]) -> ClaimValue:
    period = tables.frequencies_folded[fold_bengali(match.group().lower())]
    return ClaimValue(
        "duration", match.start(), match.end(), match.group(), None, period, "recurring"
    )


def _classify(
    tables: _Tables, text: str, number: _Number, start: int, stop: int
) -> ClaimValue | None:
    begin, end, value = number.start, number.end, number.value
    own = tables.words.get(number.script)  # None for digits
    left = text[max(start, begin - 24) : begin]
    is_approximate = number.is_approximate
    approx = tables.approx_before.search(left)
    if approx:
        is_approximate = True
    scale = tables.scale_after.match(text, end, stop)
    if scale and (own is None or own.scales_own_numbers):
        value *= tables.scales.get(
            scale.group().strip().lower(),
            tables.scales.get(fold_bengali(scale.group().strip()), 1),
        )
        end = scale.end()
    approx_after = tables.approx_after.match(text, end, stop)
    if approx_after:
        word = approx_after.group().strip()
        if word not in tables.approx_after_own_only or (
            own is not None and word in own.approx_after_own_only
        ):
            is_approximate = True
            if own is not None and word in own.approx_after_joined:
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

    percent = tables.percent_after.match(text, end, stop)
    percent_before = next((w for w in tables.percent_before if left.endswith(w)), None)
    if percent or percent_before:
        if not percent and percent_before:
            span_start = begin - len(percent_before)
        return make("percent", percent.end() if percent else end, f"{_fmt(value)}%", "%")
    currency = tables.currency_after_pattern.match(text, end, stop)
    currency_before = tables.currency_before.search(left)
    if currency or currency_before:
        if currency:
            code = _lookup(tables.currency_after, currency.group("cur"))
            span_end = currency.end()
        else:
            assert currency_before is not None
            code = CURRENCY_BEFORE[currency_before.group("cur")]
            span_start = min(span_start, begin - len(left) + currency_before.start())
            span_end = end
        return make("money", span_end, f"{_fmt(value)} {code}", code)
    duration = tables.duration_after.match(text, end, stop)
    is_digits = number.script == DIGITS_SCRIPT
    if duration and not (is_digits and _is_year_like(text[begin:end], value)):
        designator, multiple = _lookup(tables.duration_units, duration.group("unit"))
        amount = value * multiple
        iso = f"PT{_fmt(amount)}M" if designator == "MIN" else _iso_duration(amount, designator)
        if designator == "H":
            iso = f"PT{_fmt(amount)}H"
        span_end = duration.end()
        recurring = None
        before = tables.recurring_before.search(left)
        if before:
            recurring = "recurring"
            span_start = min(span_start, begin - len(left) + before.start())
        after = tables.recurring_after.match(text, span_end, stop)
        if after:
            recurring = "recurring"
            span_end = after.end()
        return make("duration", span_end, iso, recurring)
    claimed = next(
        (entry for pattern, entry in tables.claims_any_number if pattern.match(text, end, stop)),
        None,
    )
    is_year_like = is_digits and _is_year_like(text[begin:end], number.value)
    if is_year_like and claimed is None:
        return None  # a year: the date finder owns it
    weak_counts = own is not None and own.weak_counts_with_unit
    if number.is_weak and not weak_counts:
        return None  # "one of", "একটি": an article, not a count
    unit, unit_end = _counted_noun(tables, text, number, claimed, end, stop)
    if unit is not None:
        return make("quantity", unit_end, _fmt(value), unit)
    if number.is_weak:
        return None  # a lone Chinese numeral character counts only with a classifier
    return make("number", end, _fmt(value), None)


def _counted_noun(
    tables: _Tables,
    text: str,
    number: _Number,
    claimed: NumberWords | None,
    end: int,
    stop: int,
) -> tuple[str | None, int]:
    """The noun a number counts, read by the language that claims it: one whose classifier
    follows any number, else the number's own language, else for digits one whose script
    follows, else the language that counts unclaimed digits."""
    reader = claimed or tables.words.get(number.script)
    if reader is None:
        reader = next(
            (entry for pattern, entry in tables.claims_digits if pattern.match(text, end, stop)),
            tables.unclaimed_digits,
        )
    if reader is None or reader.counted_noun is None:
        return None, end
    return reader.counted_noun(text, end, stop)


def _is_year_like(raw: str, value: float) -> bool:
    return len(raw) == 4 and 1800 <= value <= 2100


def _lookup(table: dict[str, object], key: str):
    if key in table:
        return table[key]
    folded = {fold_bengali(k.lower()): v for k, v in table.items()}
    return folded[fold_bengali(key.lower())]


def _iso_duration(amount: float, designator: str) -> str:
    return f"P{_fmt(amount)}{designator}"


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
