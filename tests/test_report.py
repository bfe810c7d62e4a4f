"""`factcheck report`: Markdown and HTML on the seeds and two SSD sources run through the real
pipeline with real reviews, filters, and the HTML looked at in headless Chromium (structure,
escaping of hostile articles, screenshots)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import lxml.html
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.db import open_ledger
from factcheck.report.data import VERDICT_LABELS, ReportFilter, gather_report
from tests.browser import dump_dom, needs_chromium, screenshot
from tests.conftest import (
    LANZHOU,
    NAQVI_BN,
    NAQVI_EN,
    NAQVI_ZH,
    REPO,
    SSD_A,
    SSD_B,
    SSD_SEED,
    WANG_EN,
    ClaimRef,
    current_verdicts,
)

SCREENSHOTS = REPO / "test-output"


def report(ledger: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(ledger), "report", *args])
    assert result.exit_code == 0, result.output
    return result.output


def expected_lists(ledger: Path, verdict: str | None = None) -> tuple[set[int], set[int]]:
    """From the tables: the cards (one per fact with a verdict found or given: a claim a person
    reviewed, a disputed one first, else the fact's lead; an automatic not_checkable is no
    card) and the to-do list (one per fact, check-worthy, unverified by the machine alone)."""
    verdicts = current_verdicts(ledger)
    with sqlite3.connect(ledger) as conn:
        placed = {
            claim_id: (coalesce, source_id, start)
            for claim_id, coalesce, source_id, start in conn.execute(
                "SELECT id, coalesce(fact_id, id), source_id, start_offset FROM claims"
            )
        }
    facts: dict[int, list[int]] = {}
    for claim_id, claim_verdict in verdicts.items():
        listed = claim_verdict.is_checkworthy or claim_verdict.label != "not_checkable"
        if listed and (verdict is None or claim_verdict.label == verdict):
            facts.setdefault(placed[claim_id][0], []).append(claim_id)
    leads = {
        min(
            members,
            key=lambda claim_id: (
                verdicts[claim_id].decided_by == "auto",
                verdicts[claim_id].disagreement is None,
                claim_id != placed[claim_id][0],
                placed[claim_id][1],
                placed[claim_id][2],
            ),
        )
        for members in facts.values()
    }
    pending = {
        claim_id
        for claim_id in leads
        if verdicts[claim_id].label == "unverified" and verdicts[claim_id].decided_by == "auto"
    }
    cards = {
        claim_id
        for claim_id in leads - pending
        if not (
            verdicts[claim_id].label == "not_checkable"
            and verdicts[claim_id].decided_by == "auto"
            and verdict != "not_checkable"
        )
    }
    return cards, pending


def fact_card(ledger: Path, claim_id: int) -> int:
    """The card a claim is shown on: its own, or its fact's."""
    cards, _ = expected_lists(ledger)
    with sqlite3.connect(ledger) as conn:
        fact = conn.execute(
            "SELECT coalesce(fact_id, id) FROM claims WHERE id = ?", [claim_id]
        ).fetchone()[0]
        members = {row[0] for row in conn.execute(
            "SELECT id FROM claims WHERE coalesce(fact_id, id) = ?", [fact])}  # fmt: skip
    (card,) = cards & members
    return card


def card_of(text: str, claim_id: int) -> str:
    return text.split(f"### Claim {claim_id}\n", 1)[1].split("### Claim", 1)[0].split("\n## ")[0]


def test_markdown_report_shows_summary_cards_variants_and_sources(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    text = report(ledger)
    assert text.startswith("# Fact-check report")
    assert "**7** sources" in text
    verdicts = current_verdicts(ledger)
    counts = Counter(verdict.label for verdict in verdicts.values())
    assert counts["corroborated"] >= 5 and counts["contradicted"] and counts["conflicting"]
    for label, words in (
        ("contradicted", "✗ **Contradicted**"),
        ("conflicting", "⇄ **Conflicting evidence**"),
        ("corroborated", "✓ **Corroborated**"),
        ("unverified", "? **Unverified**"),
        ("not_checkable", "– **Not checkable**"),
    ):
        assert f"\n- {words}: {counts[label]}\n" in text
    disputed = SSD_SEED.id(ledger)
    assert f"disputed by new evidence, shown first: claim {disputed}\n" in text
    assert "Mohsin Naqvi is spelled নকভি and নাকভি in source 4" in text

    cards, pending = expected_lists(ledger)
    order = [int(line.removeprefix("### Claim ")) for line in text.splitlines()
             if line.startswith("### Claim ")]  # fmt: skip
    assert set(order) == cards and len(order) == len(cards)
    # The human verdict new evidence disputes first, then worst verdict first.
    assert order[0] == disputed
    ranks = [VERDICT_LABELS.index(verdicts[claim_id].label) for claim_id in order[1:]]
    assert ranks == sorted(ranks)

    # Naqvi's role is one fact: one card in three languages, its wordings folded under it.
    naqvi_card = fact_card(ledger, NAQVI_BN.id(ledger))
    assert naqvi_card == fact_card(ledger, NAQVI_EN.id(ledger))
    naqvi = card_of(text, naqvi_card)
    assert "✓ **Corroborated**" in naqvi and "Mohsin Naqvi" in naqvi
    assert "**The same fact in other words**" in naqvi
    assert f"- claim {NAQVI_BN.id(ledger)} (bn, source 4): “দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি”" in naqvi
    assert "- *supports* — “দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি”" in naqvi
    assert text.count("**The same fact in other words**") == len(
        [card for card in cards if "**The same fact in other words**" in card_of(text, card)]
    )
    contradicted = card_of(text, SSD_B.id(ledger))
    assert "✗ **Contradicted**" in contradicted
    assert "| This claim | Contradicting claim |" in contradicted
    assert "has 15,230 personnel" in contradicted
    assert "comprised of approximately 14,000 personnel" in contradicted
    assert f"ssd\\_a.txt (source 6, 2025-03-03), claim {SSD_A.id(ledger)} |" in contradicted
    reviewed = card_of(text, disputed)
    assert "✓ **Corroborated** · confidence 100% · reviewed by alice" in reviewed
    assert "*Reviewer’s note:* ISPR gave the SSD's strength as about 14,000 in 2016." in reviewed
    assert "*New evidence disagrees:* automatic evidence now says conflicting" in reviewed
    assert "**Evidence linked since the review**" in reviewed
    assert "Reviewed by alice:" not in reviewed  # the note, not twice
    lanzhou = card_of(text, LANZHOU.id(ledger))
    assert "? **Unverified** · confidence 100% · reviewed by alice" in lanzhou

    todo = text.split(f"## Not yet verified ({len(pending)})\n", 1)[1].split("\n## ", 1)[0]
    listed = [int(line.split("claim ", 1)[1].split(":", 1)[0]) for line in todo.splitlines()
              if line.startswith("- ")]  # fmt: skip
    assert sorted(listed) == sorted(pending)
    assert "**thinktank.pk** (source 1, " in todo
    sources = text.split("## Sources", 1)[1]
    assert "duplicate 10" in sources  # what source 4 skipped
    assert "| 7 | ssd\\_b.txt |" in sources and "/match_corpus/" not in text


def test_filters_narrow_the_cards(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    verdicts = current_verdicts(ledger)
    db = open_ledger(ledger, create=False)
    corroborated = gather_report(db, ReportFilter(verdict="corroborated"))
    assert {claim.id for claim in corroborated.cards} == expected_lists(ledger, "corroborated")[0]
    assert {fact_card(ledger, claim_id) for claim_id in (NAQVI_BN.id(ledger),
            *NAQVI_EN.ids(ledger), WANG_EN.id(ledger), SSD_SEED.id(ledger))} <= {
        claim.id for claim in corroborated.cards
    }  # fmt: skip
    assert all(verdicts[claim.id].label == "corroborated" for claim in corroborated.cards)
    assert not corroborated.pending
    unverified = gather_report(db, ReportFilter(verdict="unverified"))
    assert [claim.id for claim in unverified.cards] == [LANZHOU.id(ledger)]
    assert {claim.id for claim in unverified.pending} == expected_lists(ledger)[1]
    by_source = gather_report(db, ReportFilter(source_id=4))
    assert {claim.source_id for claim in by_source.cards + by_source.pending} == {4}
    assert [source.id for source in by_source.sources] == [4]
    with sqlite3.connect(ledger) as conn:
        (naqvi_entity,) = conn.execute(
            "SELECT id FROM entities WHERE name = 'Mohsin Naqvi'"
        ).fetchone()
    for spelling in ("Naqvi", "নকভি", "纳克维", str(naqvi_entity)):
        about = gather_report(db, ReportFilter(entity=spelling))
        assert about.entity_name == "Mohsin Naqvi", spelling
        shown = {claim.id for claim in about.shown}
        assert {
            NAQVI_BN.id(ledger),
            NAQVI_ZH.id(ledger),
            ClaimRef("ssd_b", "Pakistan's Interior Minister Mohsin Naqvi").id(ledger),
        } <= shown
        assert WANG_EN.id(ledger) not in shown
    high = gather_report(db, ReportFilter(min_score=0.9))
    assert high.cards and all(claim.score >= 0.9 for claim in high.cards + high.pending)
    result = CliRunner().invoke(cli, ["--db", str(ledger), "report", "--entity", "Nobody Atall"])
    assert result.exit_code == 1 and "no entity" in result.output
    result = CliRunner().invoke(cli, ["--db", str(ledger), "report", "--source", "99"])
    assert result.exit_code == 1 and "no source with id 99" in result.output


def test_claims_without_verdict_rows_read_as_defaults(unjudged_ledger: Path) -> None:
    data = gather_report(open_ledger(unjudged_ledger, create=False))
    assert all(claim.verdict.is_default for claim in data.claims)
    assert all(
        claim.verdict.label == ("unverified" if claim.is_checkworthy else "not_checkable")
        and claim.verdict.decided_by == "auto"
        for claim in data.claims
    )
    assert not data.cards
    assert {claim.id for claim in data.pending} == expected_lists(unjudged_ledger)[1]
    assert {claim.fact for claim in data.pending} == {
        c.fact for c in data.claims if c.is_checkworthy
    }
    assert "no verdict yet" not in report(unjudged_ledger)  # the to-do list says it once


def internal_links_resolve(page: str) -> int:
    tree = lxml.html.fromstring(page)
    ids = set(tree.xpath("//@id"))
    targets = [href[1:] for href in tree.xpath("//a/@href") if href.startswith("#")]
    missing = [target for target in targets if target not in ids]
    assert not missing, missing[:5]
    return len(targets)


def test_html_report_is_self_contained(reviewed_ledger, tmp_path: Path) -> None:
    ledger = reviewed_ledger
    target = tmp_path / "report.html"
    report(ledger, "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page)
    assert tree.xpath("//style") and not tree.xpath("//link[@rel='stylesheet']")
    assert not tree.xpath("//script") and not tree.xpath("//img")
    assert "default-src 'none'" in tree.xpath("//meta[@http-equiv]/@content")[0]
    hrefs = tree.xpath("//a/@href")
    assert all(href.startswith(("#", "https://", "http://")) for href in hrefs)
    assert internal_links_resolve(page) > 15  # one card per fact: fewer cards to link
    # A filtered page cites claims it does not show: those are named, not linked.
    report(ledger, "--format", "html", "--source", "4", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert internal_links_resolve(page) and f"claim #{NAQVI_EN.id(ledger)}" in page


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
def test_html_report_in_a_browser_with_screenshots(reviewed_ledger, tmp_path: Path) -> None:
    ledger = reviewed_ledger
    page = tmp_path / "report.html"
    report(ledger, "--format", "html", "-o", str(page))
    tree = lxml.html.fromstring(dump_dom(page.as_uri()))
    summary = tree.get_element_by_id("summary").text_content()
    assert "7sources" in summary.replace(" ", "").replace("\n", "")
    assert "1 human verdict(s) disputed by new evidence" in summary
    cards, pending = expected_lists(ledger)
    articles = tree.xpath("//article[contains(@class, 'card')]")
    assert {int(card.get("data-claim-id")) for card in articles} == cards
    assert len(articles) == len(cards)
    assert articles[0].get("id") == f"claim-{SSD_SEED.id(ledger)}"
    assert articles[0].xpath(".//p[@class='note warn']")
    todo = tree.xpath("//section[@id='pending']//ol[@class='pending']/li")
    assert {int(item.get("data-claim-id")) for item in todo} == pending
    assert len(todo) == len(pending)
    assert len(tree.xpath("//section[@id='sources']//tbody/tr")) == 7
    variants = tree.get_element_by_id("variants").text_content()
    assert "নকভি" in variants and "নাকভি" in variants and "Mohsin Naqvi" in variants
    # Naqvi's role is one card; the Bengali wording keeps its own anchor inside it.
    naqvi = tree.get_element_by_id(f"claim-{fact_card(ledger, NAQVI_BN.id(ledger))}")
    assert naqvi.xpath(".//*[@data-verdict='corroborated']")
    wording = tree.get_element_by_id(f"claim-{NAQVI_BN.id(ledger)}")
    assert wording.tag == "li" and naqvi in wording.iterancestors()
    quotes = [quote.text_content() for quote in naqvi.xpath(".//blockquote")]
    assert "দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি" in quotes
    assert "巴基斯坦内政部长纳克维" in naqvi.text_content()
    assert naqvi.xpath(".//a[starts-with(@href, 'https://thinktank.pk/')]")
    contradiction = tree.get_element_by_id(f"claim-{SSD_B.id(ledger)}")
    assert contradiction.xpath(".//*[@data-verdict='contradicted']")
    sides = [
        q.text_content() for q in contradiction.xpath(".//div[@class='side-by-side']//blockquote")
    ]  # noqa: E501
    assert len(sides) == 4  # two contradictions, each side by side with this claim
    assert sum("approximately 14,000 personnel" in side for side in sides) == 2
    # For a person to look at: test-output/ is gitignored.
    screenshot(page.as_uri(), SCREENSHOTS / "report-desktop.png", 1280, 2400)
    screenshot(page.as_uri(), SCREENSHOTS / "report-phone.png", 390, 2400)
