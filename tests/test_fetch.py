"""Ingest by URL against a real HTTP server on 127.0.0.1 (tests/web.py): the fetch fields, the
kept snapshot, versions, redirects, and every bad case as one line that changes nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import __version__
from factcheck.cli import cli
from factcheck.db import open_ledger
from factcheck.ingest.fetch import USER_AGENT, Fetcher
from tests.conftest import REPO, SEEDS
from tests.web import Response, Site, seed_files, seed_html

FIRST_HTML = "/html/000_916843004772a2b8.html"


def rows(ledger: Path, sql: str, params: tuple = ()) -> list[dict]:
    conn = sqlite3.connect(ledger)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql, params)]
    finally:
        conn.close()


def ledger_dump(ledger: Path) -> list[tuple]:
    """Everything a failed fetch must leave as it was."""
    if not ledger.exists():
        return []
    conn = sqlite3.connect(ledger)
    try:
        return [
            (table, conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall())
            for (table,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
                " AND name <> '_sqlite_migrations'"
            )
        ]
    finally:
        conn.close()


def test_fetched_page_keeps_its_fetch_fields_and_snapshot(
    invoke, ledger: Path, site: Site, tmp_path: Path
) -> None:
    result = invoke("ingest", site.url(FIRST_HTML))
    assert result.exit_code == 0, result.output
    assert f"added #1 {site.url(FIRST_HTML)}" in result.output
    [source] = rows(ledger, "SELECT * FROM sources")
    assert source["requested_url"] == source["final_url"] == site.url(FIRST_HTML)
    assert source["path"] == site.url(FIRST_HTML)
    assert source["http_status"] == 200
    assert source["content_type"] == "text/html; charset=utf-8"
    assert source["last_modified"] == "Wed, 07 Jan 2026 10:00:00 GMT"
    assert source["etag"] == '"000_916843004772a2b8"'
    assert source["fetched_at"].endswith("+00:00") and source["fetched_at"][:4] >= "2026"
    assert source["format"] == "html"
    served = seed_html(seed_files()[0]).encode()
    [snapshot] = rows(ledger, "SELECT * FROM snapshots")
    assert snapshot["content"] == served and snapshot["sha256"] == source["snapshot_sha256"]
    assert source["sha256"] == source["snapshot_sha256"] and source["byte_size"] == len(served)
    # The text is read from the snapshot as from an HTML file: same text, passages, metadata.
    page = tmp_path / "page.html"
    page.write_bytes(served)
    file_ledger = tmp_path / "file.db"
    file_db = open_ledger(file_ledger)
    from factcheck.ingest import ingest_paths

    ingest_paths(file_db, [str(page)])
    [from_file] = rows(file_ledger, "SELECT * FROM sources")
    for field in ("text", "title", "outlet", "url", "published", "languages", "sha256"):
        assert source[field] == from_file[field], field
    passage_columns = "seq, start_offset, end_offset, lang, kind, kind_reason, text_hash"
    assert rows(ledger, f"SELECT {passage_columns} FROM passages ORDER BY seq") == rows(
        file_ledger, f"SELECT {passage_columns} FROM passages ORDER BY seq"
    )


def test_snapshot_is_written_out_exactly(invoke, site: Site, tmp_path: Path) -> None:
    assert invoke("ingest", site.url(FIRST_HTML)).exit_code == 0
    out = tmp_path / "kept.html"
    result = invoke("source", "1", "--snapshot", "-o", str(out))
    assert result.exit_code == 0, result.output
    served = seed_html(seed_files()[0]).encode()
    assert out.read_bytes() == served
    assert f"wrote {len(served):,} bytes of source 1" in result.output
    to_stdout = invoke("source", "1", "--snapshot")
    assert to_stdout.exit_code == 0 and to_stdout.stdout_bytes == served


def test_text_file_source_has_no_snapshot_and_says_why(invoke, seeds_dir: Path) -> None:
    assert invoke("ingest", str(seeds_dir / "002_a97171451ef5e886.txt")).exit_code == 0
    result = invoke("source", "1", "--snapshot")
    assert result.exit_code == 1
    assert "source 1 keeps no snapshot: it was read from the text file" in result.output
    assert invoke("source", "9", "--snapshot").output.strip() == "Error: no source with id 9"


def test_source_card_and_json_show_the_fetch(invoke, site: Site) -> None:
    assert invoke("ingest", site.url("/redirect/3")).exit_code == 0
    card = invoke("source", "1").output
    assert "Fetched" in card and f"asked for {site.url('/redirect/3')}" in card
    assert "Snapshot" in card and "--snapshot" in card
    record = json.loads(invoke("source", "1", "--json").output)
    assert record["requested_url"] == site.url("/redirect/3")
    assert record["final_url"] == site.url(FIRST_HTML)


def test_redirect_chain_records_the_url_asked_and_the_final_one(
    invoke, ledger: Path, site: Site
) -> None:
    result = invoke("ingest", site.url("/redirect/3"))
    assert result.exit_code == 0, result.output
    [source] = rows(ledger, "SELECT requested_url, final_url, path FROM sources")
    assert source == {
        "requested_url": site.url("/redirect/3"),
        "final_url": site.url(FIRST_HTML),
        "path": site.url("/redirect/3"),
    }
    assert site.requests == ["/redirect/3", "/redirect/2", "/redirect/1", FIRST_HTML]


def test_same_bytes_are_unchanged_and_changed_bytes_a_new_version(
    invoke, ledger: Path, site: Site
) -> None:
    first, second = (seed_html(path).encode() for path in seed_files()[2:4])
    site.set("/news", Response(body=first))
    assert invoke("ingest", site.url("/news")).exit_code == 0
    again = invoke("ingest", site.url("/news"))
    assert again.exit_code == 0 and "unchanged #1" in again.output
    site.set("/news", Response(body=second))
    changed = invoke("ingest", site.url("/news"))
    assert changed.exit_code == 0, changed.output
    assert "new_version" not in changed.output and "new version 2 of source 1" in changed.output
    sources = rows(
        ledger, "SELECT id, version, is_current, previous_version_id FROM sources ORDER BY id"
    )
    assert sources == [
        {"id": 1, "version": 1, "is_current": 0, "previous_version_id": None},
        {"id": 2, "version": 2, "is_current": 1, "previous_version_id": 1},
    ]
    kept = {row["content"] for row in rows(ledger, "SELECT content FROM snapshots")}
    assert kept == {first, second}, "the old version's bytes stay checkable"


# Each bad URL with the one line it gets (after "skipped URL: ").
BAD_CASES = [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/loop/a", "redirect loop: {base}/loop/a → {base}/loop/b → {base}/loop/a"),
    ("/hop/1", "more than 5 redirects (last to {base}/hop/7)"),
    ("/to-ftp", "redirected to ftp://127.0.0.1/file.txt: only http and https URLs are fetched"),
    ("/slow", "timed out: no data for 0.5 s"),
    ("/oversized", "larger than 5 MiB, too large to be an article (stopped reading there)"),
    ("/oversized-declared", "larger than 5 MiB, too large to be an article (the server declares"),
    ("/image.png", "content type image/png is not a page, PDF, DOCX or feed"),
    ("/feed.xml", "a feed (application/rss+xml), not a page: use --feed {base}/feed.xml"),
    ("/empty-ok", "HTTP 204 No Content: no page to read"),
    ("http://no-such-host.invalid/news", "DNS lookup failed for no-such-host.invalid"),
    ("http://127.0.0.1:{closed}/news", "connection refused (nothing is listening there)"),
    ("https://127.0.0.1:{port}/news", "TLS error: "),
    ("ftp://127.0.0.1/news.txt", "only http and https URLs are fetched, not ftp:"),
    ("file:///etc/hostname", "only http and https URLs are fetched, not file:"),
    ("http://127.0.0.1:notaport/", "not a valid URL"),
]


def closed_port() -> int:
    """A loopback port nothing listens on: bound, then released."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bad_url(site: Site, given: str) -> str:
    port = site.base.rsplit(":", 1)[1]
    given = given.format(closed=closed_port(), port=port)
    return given if "://" in given else site.url(given)


@pytest.mark.parametrize("given, message", BAD_CASES, ids=[case[0] for case in BAD_CASES])
def test_bad_url_is_one_line_and_changes_nothing(
    invoke, ledger: Path, site: Site, given: str, message: str
) -> None:
    assert invoke("ingest", site.url("/text/002_a97171451ef5e886.txt")).exit_code == 0
    before = ledger_dump(ledger)
    url = bad_url(site, given)
    result = invoke("ingest", "--timeout", "0.5", url)
    assert result.exit_code == 1, result.output
    expected = message.format(base=site.base)
    [line] = [line for line in result.output.splitlines() if line.strip().startswith("skipped ")]
    assert line.strip().startswith(f"skipped {url}: {expected}"), line
    assert "Traceback" not in result.output
    assert result.output.rstrip().endswith("Error: nothing was ingested")
    assert ledger_dump(ledger) == before


def test_bad_urls_leave_the_rest_of_the_batch_to_go_in(invoke, ledger: Path, site: Site) -> None:
    bad = [bad_url(site, given) for given, _ in BAD_CASES if given != "/slow"]
    good = [site.url(f"/text/{path.name}") for path in seed_files()[:2]]
    result = invoke("ingest", bad[0], good[0], *bad[1:], good[1])
    assert result.exit_code == 0, result.output
    assert result.output.count("skipped ") == len(bad)
    assert f"2 added, 0 new versions, 0 unchanged, {len(bad)} skipped" in result.output
    assert [row["path"] for row in rows(ledger, "SELECT path FROM sources ORDER BY id")] == good


def test_a_failed_refetch_leaves_the_source_as_it_was(invoke, ledger: Path, site: Site) -> None:
    site.set("/news", Response(body=seed_html(seed_files()[2]).encode()))
    assert invoke("ingest", site.url("/news")).exit_code == 0
    before = ledger_dump(ledger)
    site.set("/news", Response(status=503, body=b"down"))
    result = invoke("ingest", site.url("/news"))
    assert result.exit_code == 1 and "HTTP 503 Service Unavailable" in result.output
    assert ledger_dump(ledger) == before


def test_pages_in_a_declared_charset_are_decoded_with_it(invoke, ledger: Path, site: Site) -> None:
    page = "<html><body><article><p>Le ministre a visité Besançon le 3 février 2025 avec 120 policiers.</p></article></body></html>"
    site.set(
        "/latin1",
        Response(content_type="text/html; charset=iso-8859-1", body=page.encode("latin-1")),
    )
    result = invoke("ingest", site.url("/latin1"))
    assert result.exit_code == 0, result.output
    [source] = rows(ledger, "SELECT text FROM sources")
    assert "visité Besançon le 3 février 2025" in source["text"]


def test_fetcher_names_factcheck_and_its_version(site: Site) -> None:
    with Fetcher() as fetcher:
        fetched = fetcher.fetch(site.url("/text/002_a97171451ef5e886.txt"))
    assert fetched.record.http_status == 200  # type: ignore[union-attr]
    assert site.user_agents == [USER_AGENT]
    assert USER_AGENT.startswith(f"factcheck/{__version__} ")


def test_nothing_is_fetched_without_a_url(tmp_path: Path) -> None:
    """Ingesting files never builds an HTTP client (nor imports one)."""
    script = (
        "import sys\n"
        "from factcheck.db import open_ledger\n"
        "from factcheck.pipeline import run_pipeline\n"
        f"run_pipeline(open_ledger({str(tmp_path / 'l.db')!r}), [{str(SEEDS)!r}])\n"
        "assert 'httpx' not in sys.modules, 'an HTTP client was loaded'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def pipeline_results(ledger: Path) -> dict[str, set[tuple]]:
    """Claims, mentions, entities, links and verdicts, each named by its source's file name
    and offsets (not ids or paths), so two ledgers of the same pages compare equal."""
    conn = sqlite3.connect(ledger)
    try:
        names = {
            source_id: path.rsplit("/", 1)[-1]
            for source_id, path in conn.execute("SELECT id, path FROM sources WHERE is_current")
        }
        claim_keys = {
            claim_id: (names[source_id], start, end)
            for claim_id, source_id, start, end in conn.execute(
                "SELECT id, source_id, start_offset, end_offset FROM claims"
            )
        }
        claims = {
            (*claim_keys[row[0]], *row[1:])
            for row in conn.execute(
                "SELECT id, text, kind, modality, is_checkworthy, round(score, 6), lang FROM claims"
            )
        }
        mentions = {
            (names[row[0]], *row[1:])
            for row in conn.execute(
                """SELECT mentions.source_id, start_offset, end_offset, text, mentions.type,
                          match_form, entities.name
                   FROM mentions LEFT JOIN entities ON entities.id = mentions.entity_id"""
            )
        }
        entities = set(conn.execute("SELECT name, type, mention_count, source_count FROM entities"))
        links = {
            (*sorted([claim_keys[a], claim_keys[b]]), relation, round(score, 6), reason)
            for a, b, relation, score, reason in conn.execute(
                "SELECT claim_a, claim_b, relation, score, reason FROM links"
            )
        }
        verdicts = {
            (claim_keys[claim_id], label, confidence, rationale)
            for claim_id, label, confidence, rationale in conn.execute(
                """SELECT claim_id, label, confidence, reason_texts.text FROM verdicts
                   JOIN reason_texts ON reason_texts.id = verdicts.rationale_id WHERE is_current"""
            )
        }
        cited = {
            (claim_keys[verdict_claim], claim_keys[cited_claim], stance, quote)
            for verdict_claim, cited_claim, stance, quote in conn.execute(
                """SELECT verdicts.claim_id, citations.claim_id, stance, quote FROM citations
                   JOIN verdicts ON verdicts.id = citations.verdict_id AND verdicts.is_current"""
            )
        }
    finally:
        conn.close()
    return {
        "claims": claims,
        "mentions": mentions,
        "entities": entities,
        "links": links,
        "verdicts": verdicts,
        "citations": cited,
    }


def test_run_on_served_seed_pages_matches_run_on_the_seed_files(
    invoke, ledger: Path, site: Site, seeded_ledger: Path
) -> None:
    urls = [site.url(f"/text/{path.name}") for path in seed_files()]
    result = invoke("run", *urls)
    assert result.exit_code == 0, result.output
    assert "5 added, 0 new versions, 0 unchanged, 0 skipped" in result.output
    served, from_files = pipeline_results(ledger), pipeline_results(seeded_ledger)
    assert from_files["claims"] and from_files["links"] and from_files["verdicts"]
    for part in ("claims", "mentions", "entities", "links", "verdicts", "citations"):
        assert served[part] == from_files[part], part
    # The citations of a fetched source point back to where and when it was read.
    [claim_id] = rows(
        ledger,
        """SELECT verdicts.claim_id FROM verdicts JOIN citations ON citations.verdict_id = verdicts.id
           WHERE verdicts.is_current AND verdicts.label = 'corroborated' ORDER BY verdicts.claim_id
           LIMIT 1""",
    )[0].values()
    record = json.loads(invoke("claim", str(claim_id), "--json").output)
    [citation, *_] = record["verdicts"][-1]["citations"]
    source = rows(ledger, "SELECT * FROM sources WHERE id = ?", (citation["source_id"],))[0]
    assert citation["fetched_from"] == source["final_url"].replace("\n", "")
    assert citation["fetched_at"] == source["fetched_at"]
    wide = CliRunner().invoke(
        cli, ["--db", str(ledger), "claim", str(claim_id)], env={"COLUMNS": "400"}
    )
    assert f"fetched from {source['final_url']} at {source['fetched_at']}" in wide.output
    html_report = invoke("report", "--format", "html").output
    assert f"fetched {source['fetched_at']}" in html_report


def results_by_wording(ledger: Path) -> dict[str, Counter]:
    """Claims, mentions, entities, links and verdicts named by their source's file and their
    words: an HTML page's text has no blank lines between paragraphs, so its offsets differ
    from the text file's while every sentence, name and link is the same."""
    conn = sqlite3.connect(ledger)
    try:
        names = {
            source_id: path.rsplit("/", 1)[-1].split(".")[0]
            for source_id, path in conn.execute("SELECT id, path FROM sources WHERE is_current")
        }
        words = {
            claim_id: (names[source_id], text)
            for claim_id, source_id, text in conn.execute("SELECT id, source_id, text FROM claims")
        }
        return {
            "claims": Counter(
                (*words[row[0]], *row[1:])
                for row in conn.execute(
                    "SELECT id, kind, modality, is_checkworthy, round(score, 6), lang FROM claims"
                )
            ),
            "mentions": Counter(
                (names[row[0]], *row[1:])
                for row in conn.execute(
                    """SELECT mentions.source_id, text, mentions.type, match_form, entities.name
                       FROM mentions LEFT JOIN entities ON entities.id = mentions.entity_id"""
                )
            ),
            "entities": Counter(
                conn.execute("SELECT name, type, mention_count, source_count FROM entities")
            ),
            "links": Counter(
                (*sorted([words[a], words[b]]), relation, round(score, 6))
                for a, b, relation, score in conn.execute(
                    "SELECT claim_a, claim_b, relation, score FROM links"
                )
            ),
            "verdicts": Counter(
                (words[claim_id], label, confidence)
                for claim_id, label, confidence in conn.execute(
                    "SELECT claim_id, label, confidence FROM verdicts WHERE is_current"
                )
            ),
        }
    finally:
        conn.close()


def test_run_on_the_seed_pages_served_as_html_matches_the_seed_files(
    invoke, ledger: Path, site: Site, seeded_ledger: Path
) -> None:
    urls = [site.url(f"/html/{path.stem}.html") for path in seed_files()]
    result = invoke("run", *urls)
    assert result.exit_code == 0, result.output
    assert "5 added, 0 new versions, 0 unchanged, 0 skipped" in result.output
    served, from_files = results_by_wording(ledger), results_by_wording(seeded_ledger)
    assert from_files["links"] and from_files["verdicts"]
    for part in ("claims", "mentions", "entities", "links", "verdicts"):
        assert served[part] == from_files[part], part


def test_snapshot_is_not_written_to_a_terminal(invoke, ledger: Path, site: Site) -> None:
    """A page's raw bytes could carry terminal escape sequences: a screen gets a message."""
    import os
    import pty

    assert invoke("ingest", site.url(FIRST_HTML)).exit_code == 0
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", "--db", str(ledger), "source", "1", "--snapshot"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            cwd=REPO,
            text=True,
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end is closed: all read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert done.returncode == 2
    assert "write them with -o FILE or into a pipe, not to the terminal" in done.stderr
    assert b"<html" not in shown
