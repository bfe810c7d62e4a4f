"""Datasette over the ledger: shipped metadata describes every table and column, canned queries
answer on the seeds and two SSD sources run through the real pipeline with real reviews, and
`factcheck serve` shows a claim in a real browser."""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import lxml.html
from click.testing import CliRunner
from datasette.app import Datasette

from factcheck.cli import cli
from factcheck.report.datasette import build_metadata, database_name, is_loopback
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
    WANG_BN,
    WANG_EN,
    current_verdicts,
)

SCREENSHOTS = REPO / "test-output"

FTS_SHADOW_SUFFIXES = ("_fts_config", "_fts_data", "_fts_docsize", "_fts_idx")


def get_json(ledger: Path, *paths: str) -> list:
    """GET each path through Datasette's own test client."""

    async def fetch() -> list:
        datasette = Datasette([str(ledger)], metadata=build_metadata(ledger))
        await datasette.invoke_startup()
        results = []
        for path in paths:
            response = await datasette.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            results.append(response.json())
        return results

    return asyncio.run(fetch())


def test_every_table_and_column_is_described(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    tables = build_metadata(ledger)["databases"][database_name(ledger)]["tables"]
    with sqlite3.connect(ledger) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%'"
            )
            if not row[0].endswith(FTS_SHADOW_SUFFIXES)
        ]
        assert {"claims", "verdicts", "claim_verdicts", "contradiction_pairs"} <= set(names)
        for name in names:
            assert tables.get(name, {}).get("description"), f"table {name} has no description"
            # table_xinfo lists generated columns too; hidden = 1 marks an FTS table's own.
            columns = [
                row[1] for row in conn.execute(f"PRAGMA table_xinfo([{name}])") if row[6] != 1
            ]
            described = tables[name].get("columns", {})
            for column in columns:
                assert described.get(column), f"column {name}.{column} has no description"
            assert set(described) <= set(columns), f"{name} describes columns it lacks"


def test_label_columns_on_every_table_others_point_to(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    tables = build_metadata(ledger)["databases"][database_name(ledger)]["tables"]
    with sqlite3.connect(ledger) as conn:
        pointed_to = {
            row[2]
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            for row in conn.execute(f"PRAGMA foreign_key_list([{name}])")
        }
    assert {"sources", "claims", "entities", "verdicts"} <= pointed_to
    for table in pointed_to:
        assert tables[table].get("label_column"), f"{table} has no label column"
    (claims,) = get_json(ledger, "/ledger/claims.json?_labels=on&_shape=array&_size=1")
    assert claims[0]["source_id"]["label"] == "thinktank.pk"


def test_canned_queries_answer_on_the_seeds(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    contradictions, variants, unverified, across, reviews, about = get_json(
        ledger,
        "/ledger/contradictions.json?_shape=array",
        "/ledger/spelling_variants.json?_shape=array",
        "/ledger/unverified_checkworthy.json?_shape=array&_size=max",
        "/ledger/cross_language_corroborations.json?_shape=array&_size=max",
        "/ledger/human_reviews.json?_shape=array",
        "/ledger/claims_about_entity.json?_shape=array&_size=max&name=" + "纳克维",
    )
    # 15,000 personnel (ssd_b) against about 14,000 (001 and ssd_a), both quotes given.
    fifteen = SSD_B.id(ledger)
    assert {frozenset((row["claim_a"], row["claim_b"])) for row in contradictions} == {
        frozenset((SSD_SEED.id(ledger), fifteen)),
        frozenset((SSD_A.id(ledger), fifteen)),
    }
    for pair in contradictions:
        quotes = {pair["claim_a"]: pair["quote_a"], pair["claim_b"]: pair["quote_b"]}
        assert "has 15,000 personnel guarding CPEC projects" in quotes.pop(fifteen)
        assert "approximately 14,000 personnel" in quotes.popitem()[1]
        assert "14,000" in pair["reason"] and "15,000" in pair["reason"]
        assert "ssd_b.txt" in (pair["source_a"], pair["source_b"])  # its name, not its path
        assert "/" not in pair["source_a"] + pair["source_b"]

    assert [row["name"] for row in variants] == ["Mohsin Naqvi"]
    assert set(json.loads(variants[0]["forms"])) == {"নকভি", "নাকভি"}

    verdicts = current_verdicts(ledger)
    expected = {
        claim_id
        for claim_id, verdict in verdicts.items()
        if verdict.is_checkworthy and verdict.label == "unverified"
    }
    unverified_ids = [row["claim_id"] for row in unverified]
    assert len(unverified_ids) == len(expected) and set(unverified_ids) == expected
    assert LANZHOU.id(ledger) in expected  # a reviewer's 'unverified' is still to do
    assert NAQVI_BN.id(ledger) not in expected and SSD_SEED.id(ledger) not in expected
    assert [row["score"] for row in unverified] == sorted(
        (row["score"] for row in unverified), reverse=True
    )

    pairs = {(row["claim_id"], row["cited_claim_id"]) for row in across}
    naqvi_bn = NAQVI_BN.id(ledger)
    for other in (*NAQVI_EN.ids(ledger), NAQVI_ZH.id(ledger)):
        assert {(naqvi_bn, other), (other, naqvi_bn)} <= pairs
    assert (WANG_EN.id(ledger), WANG_BN.id(ledger)) in pairs
    assert all(row["lang"] != row["cited_lang"] for row in across)
    assert all(verdicts[row["claim_id"]].label == "corroborated" for row in across)
    with sqlite3.connect(ledger) as conn:
        expected_pairs = set(
            conn.execute(
                """SELECT verdicts.claim_id, citations.claim_id FROM verdicts
                   JOIN citations ON citations.verdict_id = verdicts.id
                   JOIN claims AS this ON this.id = verdicts.claim_id
                   JOIN claims AS cited ON cited.id = citations.claim_id
                   WHERE verdicts.is_current = 1 AND verdicts.label = 'corroborated'
                     AND citations.stance = 'supports' AND this.lang != cited.lang"""
            )
        )
    assert pairs == expected_pairs

    assert {row["decided_by"] for row in reviews} == {"alice"}
    by_claim = {row["claim_id"]: row for row in reviews}
    assert len(reviews) == len(by_claim) == 3 and all(row["is_current"] for row in reviews)
    wang = by_claim[WANG_EN.id(ledger)]
    assert (wang["previous_label"], wang["label"]) == ("corroborated", "corroborated")
    assert wang["note"] == "Checked against the ministry's own English site as well."
    assert wang["disagreement"] is None
    disputed = by_claim[SSD_SEED.id(ledger)]
    assert (disputed["previous_label"], disputed["label"]) == ("unverified", "corroborated")
    assert disputed["disagreement"].startswith("automatic evidence now says conflicting")
    lanzhou = by_claim[LANZHOU.id(ledger)]
    assert (lanzhou["previous_label"], lanzhou["label"]) == ("unverified", "unverified")
    assert lanzhou["disagreement"] is None

    about_ids = {row["claim_id"] for row in about}
    assert {naqvi_bn, NAQVI_ZH.id(ledger), *NAQVI_EN.ids(ledger)} <= about_ids
    assert {row["entity"] for row in about} == {"Mohsin Naqvi"}
    assert WANG_EN.id(ledger) not in about_ids


def test_views_facets_and_full_text_search(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    verdicts, search = get_json(
        ledger,
        "/ledger/claim_verdicts.json?_size=0",
        "/ledger/claims.json?_search=" + "নাকভি" + "&_shape=array",
    )
    facets = verdicts["facet_results"]
    facets = facets.get("results", facets)  # the shape differs across Datasette versions
    counts = {row["value"]: row["count"] for row in facets["verdict"]["results"]}
    expected = Counter(verdict.label for verdict in current_verdicts(ledger).values())
    assert counts == dict(expected)
    assert set(counts) == {"corroborated", "contradicted", "conflicting", "unverified",
                           "not_checkable"}  # fmt: skip
    assert {"lang", "kind", "source"} <= set(facets)
    found = {row["id"] for row in search}
    assert NAQVI_BN.id(ledger) in found
    with sqlite3.connect(ledger) as conn:
        assert found == {
            claim_id
            for (claim_id,) in conn.execute("SELECT id FROM claims WHERE text LIKE '%নাকভি%'")
        }


def test_datasette_metadata_command_prints_it(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    result = CliRunner().invoke(cli, ["--db", str(ledger), "datasette-metadata"])
    assert result.exit_code == 0
    metadata = json.loads(result.output)
    assert metadata["title"] == "factcheck ledger"
    assert metadata["databases"]["ledger"]["queries"]["contradictions"]["hide_sql"] is True
    assert set(metadata["databases"]["ledger"]["queries"]) >= {
        "contradictions",
        "spelling_variants",
        "unverified_checkworthy",
        "cross_language_corroborations",
        "human_reviews",
    }


def test_only_loopback_counts_as_local() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.7")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read() if server.stderr else "server died"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@needs_chromium
def test_serve_shows_a_claim_in_a_browser(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "--db", str(ledger), "serve", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/-/versions.json", server)
        tree = lxml.html.fromstring(
            dump_dom(f"{base}/ledger/claim_verdicts?claim_id={NAQVI_BN.id(ledger)}")
        )
        page = tree.text_content()
        assert "দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি" in page
        assert "corroborated" in page
        tree = lxml.html.fromstring(dump_dom(f"{base}/ledger/contradictions"))
        page = tree.text_content()
        assert "has 15,000 personnel" in page and "approximately 14,000 personnel" in page
        # The answer, not the SQL, on top (a "show" link reveals it).
        assert not tree.xpath("//pre[@id='sql-query'] | //textarea[@id='sql-editor']")
        screenshot(f"{base}/ledger/contradictions", SCREENSHOTS / "datasette-contradictions.png",
                   1280, 900)  # fmt: skip
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
