"""Labelled values (tests/data/extract_values.jsonl): seeds, Bengali news, CFEVER claims."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck.extract import PassageSpan, extract_claims

DATA = Path(__file__).parent / "data" / "extract_values.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
CHECKED_KINDS = {"number", "quantity", "percent", "money", "duration", "date"}


def extracted_values(case: dict) -> list:
    text = case["text"]
    published = dt.date.fromisoformat(case["published"]) if case["published"] else None
    claims = extract_claims(text, [PassageSpan(0, len(text), case["lang"])], published)
    unique = {}
    for claim in claims:
        for value in claim.values:
            if value.kind in CHECKED_KINDS:
                unique[(value.kind, value.start, value.end)] = value
    return list(unique.values())


def matches(expected: dict, value) -> bool:
    return all(getattr(value, key) == wanted for key, wanted in expected.items())


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=f"{i}-{c['source']}", marks=[pytest.mark.xfail(reason=c["known_gap"])])
        if c["known_gap"]
        else pytest.param(c, id=f"{i}-{c['source']}")
        for i, c in enumerate(CASES)
    ],
)
def test_labelled_values(case: dict) -> None:
    values = extracted_values(case)
    for expected in case["values"]:
        assert any(matches(expected, v) for v in values), (expected, values)
    if not case["values"]:
        assert values == []
    for text in case["absent"]:
        assert all(v.text != text for v in values), (text, values)


def test_the_labelled_data_covers_bengali_and_chinese() -> None:
    assert sum(c["lang"] == "bn" for c in CASES) >= 40
    assert sum(c["lang"] == "zh" for c in CASES) >= 40
