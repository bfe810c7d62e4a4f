"""`factcheck report`: Markdown and HTML on the seeds with the fixture verdicts, filters, and the
HTML looked at in headless Chromium (structure, escaping of hostile articles, screenshots)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import lxml.html
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.db import open_ledger
from factcheck.report.data import ReportFilter, gather_report
from tests.browser import dump_dom, needs_chromium, screenshot
from tests.conftest import REPO

SCREENSHOTS = REPO / "test-output"


def report(ledger: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(ledger), "report", *args])
    assert result.exit_code == 0, result.output
    return result.output


def card_count_expected(ledger: Path) -> int:
    """Check-worthy claims, and any other a reviewer gave a real verdict."""
    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            "SELECT count(*) FROM claim_verdicts WHERE is_checkworthy = 1 "
            "OR verdict != 'not_checkable'"
        ).fetchone()[0]


def test_markdown_report_shows_summary_cards_variants_and_sources(verdict_ledger) -> None:
    ledger, ids = verdict_ledger
    text = report(ledger)
    assert text.startswith("# Fact-check report")
    assert "**5** sources" in text
    assert "✓ **Corroborated**: 4" in text and "✗ **Contradicted**: 1" in text
    assert "Mohsin Naqvi is spelled নকভি and নাকভি in source 4" in text
    card = text.split(f"### Claim {ids['naqvi_bn']}\n", 1)[1].split("### Claim", 1)[0]
    assert "> দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি" in card
    assert "“Interior Minister Mohsin Naqvi”" in card and "*supports*" in card
    assert "thinktank.pk" in card and "2025-07-23" in card
    contradiction = text.split(f"### Claim {ids['unit_bn']}\n", 1)[1].split("### Claim", 1)[0]
    assert "| This claim | Contradicting claim |" in contradiction
    assert "Special Security Division" in contradiction
    sources = text.split("## Sources", 1)[1]
    assert "duplicate 10" in sources  # what source 4 skipped
    assert text.count("\n### Claim ") == card_count_expected(ledger)


def test_filters_narrow_the_cards(verdict_ledger) -> None:
    ledger, ids = verdict_ledger
    db = open_ledger(ledger, create=False)
    corroborated = gather_report(db, ReportFilter(verdict="corroborated")).cards
    assert {claim.id for claim in corroborated} == {
        ids["naqvi_bn"],
        ids["naqvi_en"],
        ids["wang_en"],
        ids["ssd_en"],
    }
    by_source = gather_report(db, ReportFilter(source_id=4))
    assert {claim.source_id for claim in by_source.cards} == {4}
    assert [source.id for source in by_source.sources] == [4]
    for spelling in ("Naqvi", "নকভি", "纳克维", "3"):
        about = gather_report(db, ReportFilter(entity=spelling))
        assert about.entity_name == "Mohsin Naqvi", spelling
        assert ids["naqvi_bn"] in {claim.id for claim in about.cards}
        assert ids["wang_en"] not in {claim.id for claim in about.cards}
    high = gather_report(db, ReportFilter(min_score=0.9)).cards
    assert high and all(claim.score >= 0.9 for claim in high)
    result = CliRunner().invoke(cli, ["--db", str(ledger), "report", "--entity", "Nobody Atall"])
    assert result.exit_code == 1 and "no entity" in result.output
    result = CliRunner().invoke(cli, ["--db", str(ledger), "report", "--source", "99"])
    assert result.exit_code == 1 and "no source with id 99" in result.output


def test_claims_without_verdict_rows_read_as_defaults(seeded_ledger: Path) -> None:
    data = gather_report(open_ledger(seeded_ledger, create=False))
    assert {claim.verdict.label for claim in data.claims if claim.is_checkworthy} <= {
        "unverified"
    } | {claim.verdict.label for claim in data.claims if not claim.verdict.is_default}
    assert all(
        claim.verdict.label == "not_checkable"
        for claim in data.claims
        if not claim.is_checkworthy and claim.verdict.is_default
    )


def test_html_report_is_self_contained(verdict_ledger, tmp_path: Path) -> None:
    ledger, _ = verdict_ledger
    target = tmp_path / "report.html"
    report(ledger, "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page)
    assert tree.xpath("//style") and not tree.xpath("//link[@rel='stylesheet']")
    assert not tree.xpath("//script") and not tree.xpath("//img")
    assert "default-src 'none'" in tree.xpath("//meta[@http-equiv]/@content")[0]
    hrefs = tree.xpath("//a/@href")
    assert all(href.startswith(("#", "https://", "http://")) for href in hrefs)


HOSTILE = """<script>document.title='PWNED'</script> Minister <img src=x onerror="document.title='PWNED'"> resigns
23 February 2025

Interior Minister Mohsin Naqvi said on Monday that 500 police officers were deployed in Islamabad <img src=x onerror="document.body.appendChild(document.createElement('pwned-marker'))">.

The ministry confirmed that 1,200 cameras <script>document.body.setAttribute('data-pwned','yes')</script> were installed across Islamabad in 2024, according to the police.
"""


def hostile_report(tmp_path: Path) -> Path:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    ledger = tmp_path / "hostile.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(ledger), "run", str(article)]).exit_code == 0
    target = tmp_path / "hostile.html"
    result = runner.invoke(
        cli, ["--db", str(ledger), "report", "--format", "html", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    return target


def assert_nothing_ran(dom: str) -> None:
    tree = lxml.html.fromstring(dom)
    assert tree.findtext(".//title") == "Fact-check report"
    assert not tree.xpath("//script | //img | //pwned-marker")
    assert tree.xpath("//body")[0].get("data-pwned") is None
    assert not tree.xpath("//*[@onerror]")


@needs_chromium
def test_hostile_article_shows_as_text_and_runs_nothing_in_a_browser(tmp_path: Path) -> None:
    page = hostile_report(tmp_path)
    text = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text and "onerror" in text  # shown, escaped
    dom = dump_dom(page.as_uri())
    assert_nothing_ran(dom)
    visible = lxml.html.fromstring(dom).text_content()
    assert "<script>document.title='PWNED'</script>" in visible  # the reader sees the markup
    assert "1,200 cameras" in visible


@needs_chromium
def test_the_browser_check_would_catch_a_script_that_ran(tmp_path: Path) -> None:
    """The same payload, unescaped, does run in this Chromium: the check above can fail."""
    page = tmp_path / "unsafe.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Fact-check report</title></head><body>"
        + HOSTILE.split("\n\n", 1)[1]
        + "</body></html>",
        encoding="utf-8",
    )
    dom = dump_dom(page.as_uri())
    tree = lxml.html.fromstring(dom)
    assert tree.xpath("//pwned-marker") or tree.xpath("//body")[0].get("data-pwned") == "yes"


@needs_chromium
def test_html_report_in_a_browser_with_screenshots(verdict_ledger, tmp_path: Path) -> None:
    ledger, ids = verdict_ledger
    page = tmp_path / "report.html"
    report(ledger, "--format", "html", "-o", str(page))
    tree = lxml.html.fromstring(dump_dom(page.as_uri()))
    summary = tree.get_element_by_id("summary").text_content()
    assert "5sources" in summary.replace(" ", "").replace("\n", "")
    cards = tree.xpath("//article[contains(@class, 'card')]")
    assert len(cards) == card_count_expected(ledger)
    assert len(tree.xpath("//section[@id='sources']//tbody/tr")) == 5
    variants = tree.get_element_by_id("variants").text_content()
    assert "নকভি" in variants and "নাকভি" in variants and "Mohsin Naqvi" in variants
    naqvi = tree.get_element_by_id(f"claim-{ids['naqvi_bn']}")
    assert naqvi.xpath(".//*[@data-verdict='corroborated']")
    quotes = [quote.text_content() for quote in naqvi.xpath(".//blockquote")]
    assert "Interior Minister Mohsin Naqvi" in quotes
    assert "দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি" in naqvi.text_content()
    assert naqvi.xpath(".//a[starts-with(@href, 'https://thinktank.pk/')]")
    contradiction = tree.get_element_by_id(f"claim-{ids['unit_bn']}")
    assert len(contradiction.xpath(".//div[@class='side-by-side']//blockquote")) == 2
    # For a person to look at: test-output/ is gitignored.
    screenshot(page.as_uri(), SCREENSHOTS / "report-desktop.png", 1280, 2400)
    screenshot(page.as_uri(), SCREENSHOTS / "report-phone.png", 390, 2400)
