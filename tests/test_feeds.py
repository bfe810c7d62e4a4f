"""Feeds (RSS and Atom), by URL and from a file, against the test server on 127.0.0.1: each
entry's link fetched, the feed's word kept as evidence, known entries skipped without a fetch."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.test_fetch import ledger_dump
from tests.web import Response, Site, feed_xml, seed_files


def sources(ledger: Path) -> list[dict]:
    conn = sqlite3.connect(ledger)
    conn.row_factory = sqlite3.Row
    try:
        found = [dict(row) for row in conn.execute("SELECT * FROM sources ORDER BY id")]
    finally:
        conn.close()
    for row in found:
        row["metadata_evidence"] = json.loads(row["metadata_evidence"])
    return found


def html_paths() -> list[str]:
    return [f"/html/{path.stem}.html" for path in seed_files()]


def test_feed_entries_are_fetched_with_the_feeds_word_as_evidence(
    invoke, ledger: Path, site: Site
) -> None:
    result = invoke("ingest", "--feed", site.url("/feed.xml"))
    assert result.exit_code == 0, result.output
    assert "5 added, 0 new versions, 0 unchanged, 0 skipped" in result.output
    found = sources(ledger)
    assert [row["requested_url"] for row in found] == [site.url(path) for path in html_paths()]
    for number, row in enumerate(found):
        evidence = row["metadata_evidence"]["feed"]
        assert evidence == (
            f"feed {site.url('/feed.xml')} ('The Test Wire'), title 'Seed page {number}', "
            f"dated 2026-01-0{number + 1}, by desk{number}@example.org (Desk {number})"
        )
    by_file = {row["path"].rsplit("/", 1)[1][:3]: row for row in found}
    # The page's own date wins; the feed's fills a page that gives none.
    assert by_file["000"]["published"] == "2025-07-23"
    assert by_file["001"]["published"] == "2026-01-02"
    assert by_file["001"]["metadata_evidence"]["published"] == (
        f"the feed entry ({site.url('/feed.xml')})"
    )
    assert by_file["002"]["outlet"] == "South China Morning Post"  # the page names it
    assert by_file["001"]["outlet"] == "The Test Wire"


def test_known_entries_are_skipped_without_fetching_them_again(
    invoke, ledger: Path, site: Site
) -> None:
    assert invoke("ingest", "--feed", site.url("/feed.xml")).exit_code == 0
    before = ledger_dump(ledger)
    site.requests.clear()
    again = invoke("ingest", "--feed", site.url("/feed.xml"))
    assert again.exit_code == 0, again.output
    assert "0 added, 0 new versions, 5 unchanged, 0 skipped" in again.output
    assert (
        f"unchanged #1 {site.url(html_paths()[0])}: known entry of feed {site.url('/feed.xml')}: "
        "already source 1, not fetched again" in again.output
    )
    assert site.requests == ["/feed.xml"]
    assert ledger_dump(ledger) == before


def test_an_entry_fetched_through_a_redirect_is_known_by_both_urls(
    invoke, ledger: Path, site: Site
) -> None:
    assert invoke("ingest", site.url("/redirect/2")).exit_code == 0
    site.requests.clear()
    result = invoke("ingest", "--feed", site.url("/feed.xml"))
    assert result.exit_code == 0, result.output
    assert "4 added, 0 new versions, 1 unchanged, 0 skipped" in result.output
    assert html_paths()[0] not in site.requests


def test_feed_file_and_atom(invoke, ledger: Path, site: Site, tmp_path: Path) -> None:
    rss = tmp_path / "wire.xml"
    rss.write_bytes(feed_xml(site, html_paths()[:2]))
    atom = tmp_path / "wire.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>'
        f"<id>urn:test:atom</id><updated>2026-01-09T00:00:00Z</updated>"
        f'<entry><title>Third page</title><link href="{site.url(html_paths()[2])}"/>'
        "<id>urn:test:3</id><updated>2026-01-09T08:00:00Z</updated>"
        "<author><name>A. Writer</name></author></entry></feed>",
        encoding="utf-8",
    )
    result = invoke("ingest", "--feed", str(rss), "--feed", str(atom))
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    third = sources(ledger)[2]
    assert third["metadata_evidence"]["feed"] == (
        f"feed {atom} ('Atom Desk'), title 'Third page', dated 2026-01-09, by A. Writer"
    )


BAD_FEEDS = [
    ("/html/000_916843004772a2b8.html", "not an RSS or Atom feed"),
    ("/missing", "HTTP 404 Not Found"),
    ("/empty-feed.xml", "the feed has no entries"),
    ("no-such-feed.xml", "no such feed file"),
    ("http://feeds.example.invalid/rss", "DNS lookup failed"),
]


@pytest.mark.parametrize("given, message", BAD_FEEDS, ids=[case[0] for case in BAD_FEEDS])
def test_bad_feed_is_one_line_and_changes_nothing(
    invoke, ledger: Path, site: Site, tmp_path: Path, given: str, message: str
) -> None:
    site.set(
        "/empty-feed.xml",
        Response(
            content_type="application/rss+xml",
            body=b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title>'
            b"</channel></rss>",
        ),
    )
    assert invoke("ingest", site.url("/text/002_a97171451ef5e886.txt")).exit_code == 0
    before = ledger_dump(ledger)
    feed = site.url(given) if given.startswith("/") else given
    if given == "no-such-feed.xml":
        feed = str(tmp_path / given)
    result = invoke("ingest", "--feed", feed)
    assert result.exit_code == 1, result.output
    [line] = [line for line in result.output.splitlines() if line.strip().startswith("skipped ")]
    assert line.strip().startswith(f"skipped {feed}: {message}"), line
    assert ledger_dump(ledger) == before


def test_bad_entries_leave_the_rest_of_the_feed_to_go_in(invoke, ledger: Path, site: Site) -> None:
    items = (
        "<item><title>No link here</title></item>"
        "<item><title>[bold red]Loud[/bold red]</title></item>"
        f"<item><title>Gone</title><link>{site.url('/missing')}</link></item>"
        f"<item><title>Fine</title><link>{site.url(html_paths()[1])}</link></item>"
    )
    site.set(
        "/mixed.xml",
        Response(
            content_type="application/rss+xml",
            body=(
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>'
                f"{items}</channel></rss>"
            ).encode(),
        ),
    )
    result = invoke("run", "--feed", site.url("/mixed.xml"))
    assert result.exit_code == 0, result.output
    assert f"skipped {site.url('/mixed.xml')} entry 'No link here': the feed entry has no link" in (
        result.output
    )
    assert "entry '[bold red]Loud[/bold red]': the feed entry has no link" in result.output
    assert f"skipped {site.url('/missing')}: HTTP 404 Not Found" in result.output
    assert "1 added, 0 new versions, 0 unchanged, 3 skipped" in result.output
    assert [row["requested_url"] for row in sources(ledger)] == [site.url(html_paths()[1])]


def test_ingest_needs_something_to_read(invoke) -> None:
    result = invoke("ingest")
    assert result.exit_code == 2
    assert "give at least one PATH, URL or --feed" in result.output
