"""Metadata read from the text itself, for each pattern the seeds show."""

from __future__ import annotations

import datetime

import pytest

from factcheck.ingest.metadata import (
    MAX_DATE_LINE_CHARS,
    find_outlet,
    find_published,
    find_url,
    is_date_line,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23 February 2025", datetime.date(2025, 2, 23)),
        ("Feb 23, 2025", datetime.date(2025, 2, 23)),
        ("২৮ পৌষ ১৪৩২", None),  # a Bengali-calendar date is not a Gregorian one
        ("আপডেট সময় ০৫:৩০:১৩ অপরাহ্ন, বুধবার, ৭ জানুয়ারী ২০২৬", datetime.date(2026, 1, 7)),
        ("৭ জানুয়ারি ২০২৬", datetime.date(2026, 1, 7)),
        ("2026年1月7日", datetime.date(2026, 1, 7)),
        ("2025-07-23", datetime.date(2025, 7, 23)),
        ("31 February 2025", None),
        ("in January", None),  # partial dates are not completed by guessing
    ],
)
def test_parse_date(text: str, expected: datetime.date | None) -> None:
    assert parse_date(text) == expected


def test_reference_link_gives_url_and_its_path_date() -> None:
    lines = [
        "Body text.",
        "Reference Link:- https://thinktank.pk/2025/07/23/policing-x/",
        "By admin",
    ]
    url, evidence = find_url(lines)
    assert url == "https://thinktank.pk/2025/07/23/policing-x/"
    assert "Reference Link" in evidence
    assert find_published(lines, url)[0] == "2025-07-23"


def test_today_header_is_a_render_date_but_a_date_line_is_the_article_date() -> None:
    lines = ["Today : Feb 24, 2025", "World News", "23 February 2025", "Headline"]
    assert find_published(lines, None)[0] == "2025-02-23"
    assert find_published(["Today : Feb 24, 2025", "Headline", "Body."], None) is None


def test_bengali_page_header_date_is_not_the_publication_date() -> None:
    header = "ঢাকা ০৪:২১ পূর্বাহ্ন, সোমবার, ১২ জানুয়ারী ২০২৬, ২৮ পৌষ ১৪৩২ বঙ্গাব্দ"
    updated = "আপডেট সময় ০৫:৩০:১৩ অপরাহ্ন, বুধবার, ৭ জানুয়ারী ২০২৬"
    assert find_published([header, "শিরোনাম", "লেখা।"], None) is None
    assert find_published([header, "শিরোনাম", updated, "লেখা।"], None)[0] == "2026-01-07"


def test_trailing_attribution_gives_outlet() -> None:
    lines = ["Police said so.", "They trained officers. – South China Morning Post"]
    assert find_outlet(lines, None)[0] == "South China Morning Post"
    assert find_outlet(["A sentence – with a dash in it."], None) is None


def test_no_url_no_date_no_outlet_when_the_text_gives_none() -> None:
    lines = ["Police in Lanzhou monitored 494 cameras last week.", "They pledged on Saturday."]
    assert find_url(lines) is None
    assert find_published(lines, None) is None
    assert find_outlet(lines, None) is None


def test_only_short_lines_can_be_date_lines() -> None:
    """A date line is short; a long line is not searched for dates at all. Searching a 5 MB line
    of dates took minutes (the bound had been lost in a refactor)."""
    assert is_date_line("23 February 2025")
    many_dates = " ".join(["7 January 2026"] * 1000)
    assert len(many_dates) > MAX_DATE_LINE_CHARS
    assert not is_date_line(many_dates)
