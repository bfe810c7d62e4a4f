"""The fact-check archive: import of ClaimReview JSON-LD, CSV and CheckThat! JSONL (content-
addressed, idempotent, bad records one line each), search, and the hits on claim cards, reports,
the JSON export and Datasette."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.match.archive import read_archive_file, read_archive_text
from factcheck.match.retrieval import ArchiveDoc, ArchiveIndex, clean_query, terms
from tests.conftest import DATA, copy_ledger, invoke_ok
from tests.ledger_checks import run_factcheck

ARCHIVE = DATA / "archive"


def run(ledger: Path, *args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(ledger), *args], input=input)


def ledger_contents(ledger: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(ledger)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("sources", "claims", "links", "verdicts", "entities", "fact_checks")
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def archived_ledger(seeded_ledger: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    ledger = copy_ledger(seeded_ledger, tmp_path_factory.mktemp("archive") / "ledger.db")
    invoke_ok(
        ledger,
        "archive",
        "import",
        str(ARCHIVE / "claimreview_page.html"),
        str(ARCHIVE / "checks.csv"),
        str(ARCHIVE / "vclaims.jsonl"),
    )
    return ledger


def test_claimreview_in_a_page_is_read_with_every_field() -> None:
    result = read_archive_file(ARCHIVE / "claimreview_page.html")
    assert result.problems == []
    (record,) = result.records
    assert record.rating == "True"
    assert (record.rating_value, record.best_rating, record.worst_rating) == (5, 5, 1)
    assert record.organisation == "Example Fact Check"
    assert record.published == "2025-07-25"
    assert record.url == "https://factchecker.example/2025/07/naqvi-wang-xiaohong"
    assert record.claimant == "Ministry of Interior"
    assert record.lang == "en"


def test_bad_records_get_one_line_each_and_the_good_ones_are_read() -> None:
    result = read_archive_file(ARCHIVE / "checks.csv")
    assert [record.claim[:20] for record in result.records] == [
        "Pakistan will set up",
        "A viral video shows ",
    ]
    assert len(result.problems) == 3
    assert "row 4: no claim text" in result.problems[0]
    assert "row 5: no rating" in result.problems[1]
    assert "row 6: url 'javascript:alert(1)' is not an http(s) address" in result.problems[2]


def test_a_rating_outside_its_scale_is_a_bad_record() -> None:
    result = read_archive_file(ARCHIVE / "checks_scale.json")
    assert [record.rating for record in result.records] == ["False"]
    assert "review 2: rating 9 is outside its scale 1 to 5" in result.problems[0]
    assert "review 3: no reviewRating" in result.problems[1]


def test_checkthat_jsonl_names_snopes_and_reports_broken_lines() -> None:
    result = read_archive_file(ARCHIVE / "vclaims.jsonl")
    assert [record.external_id for record in result.records] == [
        "vclaim-sno-solomon-islands-police-training",
        "vclaim-sno-overseas-police-stations",
    ]
    assert result.records[0].organisation == "Snopes"
    assert result.records[0].published == "2025-07-12"
    assert result.records[0].summary.startswith("Chinese police officers")
    assert "line 3: no claim text" in result.problems[0]
    assert "line 4: not JSON" in result.problems[1]


def test_a_file_that_is_no_archive_is_one_line() -> None:
    result = read_archive_text("# Notes\n\nNothing to see here.\n", "notes.md")
    assert result.records == []
    assert result.problems == [
        "notes.md: not a fact-check archive (ClaimReview JSON-LD, CSV with claim and rating "
        "columns, or CheckThat! JSONL)"
    ]


def test_import_is_idempotent_and_changes_nothing_else(seeded_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    before = ledger_contents(ledger)
    result = run(ledger, "archive", "import", str(ARCHIVE / "checks.csv"))
    assert result.exit_code == 0, result.output
    assert "2 fact-checks added, 0 already in the archive, 3 not read" in result.output
    assert "skipped" in result.stderr and "row 4: no claim text" in result.stderr
    after = ledger_contents(ledger)
    assert len(after["fact_checks"]) == 2
    for table in ("sources", "claims", "links", "verdicts", "entities"):
        assert after[table] == before[table], table
    again = run(ledger, "archive", "import", str(ARCHIVE / "checks.csv"))
    assert "0 fact-checks added, 2 already in the archive" in again.output
    assert ledger_contents(ledger) == after


def test_import_of_nothing_readable_fails_and_leaves_the_ledger(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    before = ledger_contents(ledger)
    notes = tmp_path / "notes.txt"
    notes.write_text("Just some notes, no fact-checks.\n", encoding="utf-8")
    result = run(ledger, "archive", "import", str(notes), str(tmp_path / "missing.json"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "not a fact-check archive" in result.stderr
    assert "missing.json: no such file" in result.stderr
    assert ledger_contents(ledger) == before


def test_our_own_claimreview_export_imports(reviewed_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(reviewed_ledger, tmp_path / "ledger.db")
    exported = tmp_path / "reviews.json"
    invoke_ok(
        ledger,
        "export",
        "--format",
        "claimreview",
        "--url-base",
        "https://example.org/report.html",
        "-o",
        str(exported),
    )
    reviews = json.loads(exported.read_text(encoding="utf-8"))
    result = run(ledger, "archive", "import", str(exported))
    assert result.exit_code == 0, result.output
    assert f"{len(reviews)} fact-checks added" in result.output
    conn = sqlite3.connect(ledger)
    rows = conn.execute("SELECT rating, organisation, url FROM fact_checks").fetchall()
    assert len(rows) == len(reviews) > 0
    assert {row[1] for row in rows} == {"factcheck"}
    assert all(row[2].startswith("https://example.org/report.html#claim-") for row in rows)


def test_standard_input_imports(seeded_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    data = (ARCHIVE / "vclaims.jsonl").read_bytes()
    result = run(ledger, "archive", "import", "-", input=data)
    assert "2 fact-checks added" in result.output


def test_seed_claims_find_their_published_checks(archived_ledger: Path) -> None:
    conn = sqlite3.connect(archived_ledger)
    hits = conn.execute(
        """SELECT claims.text, fact_checks.claim, archive_hits.reason FROM archive_hits
           JOIN claims ON claims.id = archive_hits.claim_id
           JOIN fact_checks ON fact_checks.id = archive_hits.fact_check_id"""
    ).fetchall()
    found = {(claim[:40], check[:30]) for claim, check, _ in hits}
    assert any("Wang Xiaohong" in claim for claim, check, _ in hits if "Naqvi" in check), found
    # The anaconda and the overseas police stations are in no seed.
    assert not any("anaconda" in check for _, check, _ in hits)
    assert all(reason.startswith("shares ") for _, _, reason in hits)


def test_the_hit_shows_on_card_report_export_and_datasette(archived_ledger: Path) -> None:
    conn = sqlite3.connect(archived_ledger)
    claim_id, url = conn.execute(
        """SELECT archive_hits.claim_id, fact_checks.url FROM archive_hits
           JOIN fact_checks ON fact_checks.id = archive_hits.fact_check_id
           WHERE fact_checks.rating = 'True' ORDER BY archive_hits.score DESC"""
    ).fetchone()
    card = invoke_ok(archived_ledger, "claim", str(claim_id)).output
    assert "Previously fact-checked: True, by Example Fact Check, 2025-07-25" in card
    card_json = json.loads(invoke_ok(archived_ledger, "claim", str(claim_id), "--json").output)
    assert card_json["fact_checks"][0]["url"] == url
    report = invoke_ok(archived_ledger, "report").output
    assert "**Previously fact-checked:** True, by Example Fact Check, 2025-07-25" in report
    html = invoke_ok(archived_ledger, "report", "--format", "html").output
    assert "<b>Previously fact-checked:</b> True, by Example Fact Check, 2025-07-25" in html
    export = json.loads(invoke_ok(archived_ledger, "export").output)
    (claim,) = [claim for claim in export["claims"] if claim["id"] == claim_id]
    assert claim["fact_checks"][0]["rating"] == "True"
    assert claim["fact_checks"][0]["organisation"] == "Example Fact Check"
    assert "verdict" in claim and "text" in claim  # old fields stay
    rows = conn.execute(
        "SELECT claim_id, rating FROM claim_fact_checks WHERE claim_id = ?", [claim_id]
    ).fetchall()
    assert rows[0] == (claim_id, "True")


def test_search_finds_the_nearest_published_check(archived_ledger: Path) -> None:
    result = invoke_ok(
        archived_ledger,
        "archive",
        "search",
        "Did Chinese police train the Solomon Islands force?",
        "--json",
    )
    rows = json.loads(result.output)
    assert rows[0]["claim"].startswith("Chinese police have trained officers of the Royal Solomon")
    assert rows[0]["organisation"] == "Snopes"
    assert "Solomon" in rows[0]["reason"]


def test_search_on_an_empty_archive_is_one_line(seeded_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    result = run(ledger, "archive", "search", "anything at all")
    assert result.exit_code == 1
    assert "the archive is empty" in result.output


def test_hits_follow_the_archive_a_claim_is_matched_once(
    archived_ledger: Path, tmp_path: Path
) -> None:
    ledger = copy_ledger(archived_ledger, tmp_path / "ledger.db")
    conn = sqlite3.connect(ledger)
    states = set(conn.execute("SELECT DISTINCT archive_state FROM archive_matched").fetchall())
    assert len(states) == 1
    hits_before = conn.execute("SELECT * FROM archive_hits ORDER BY id").fetchall()
    conn.close()
    invoke_ok(ledger, "check")
    conn = sqlite3.connect(ledger)
    assert conn.execute("SELECT * FROM archive_hits ORDER BY id").fetchall() == hits_before


def test_tweets_are_cleaned_before_matching() -> None:
    tweet = (
        "How are butterflies surviving the #AustralianFires? pic.twitter.com/0eJtwJyS1J "
        "https://t.co/abc @someone — Center for Bio Div (@CenterForBioDiv) January 14, 2020"
    )
    assert clean_query(tweet) == "How are butterflies surviving the Australian Fires ?"


def test_index_ranks_the_check_of_the_claim_first() -> None:
    docs = [
        ArchiveDoc(
            1, "Bill Gates wants to microchip people through a COVID-19 vaccine.", "Gates chips"
        ),
        ArchiveDoc(2, "The Bill and Melinda Gates Foundation funded mosquito releases in Florida."),
        ArchiveDoc(3, "A video shows a 10-meter-long anaconda in Brazil."),
    ]
    hits = ArchiveIndex(docs).search("Gates will put microchips in vaccines", limit=2)
    assert [hit.doc_id for hit in hits][0] == 1
    assert "microchips" in hits[0].shared_terms
    assert terms("vaccines vaccinated") == ["vaccin", "vaccin"]
    assert terms("巴基斯坦") == ["巴基", "基斯", "斯坦"]


def test_a_chinese_claim_finds_an_english_check_through_its_gloss(archived_ledger: Path) -> None:
    conn = sqlite3.connect(archived_ledger)
    rows = conn.execute(
        """SELECT archive_hits.matched_on, fact_checks.rating FROM archive_hits
           JOIN claims ON claims.id = archive_hits.claim_id
           JOIN fact_checks ON fact_checks.id = archive_hits.fact_check_id
           WHERE claims.text = '巴基斯坦内政部长纳克维'"""
    ).fetchall()
    assert rows == [("gloss", "True")]


def test_a_csv_field_too_large_for_the_reader_is_one_line(tmp_path: Path) -> None:
    """Python's csv module stops at a field over 128 KiB with its own error: the rows before it
    are read, the file gets one line, nothing raises."""
    path = tmp_path / "long.csv"
    path.write_text(
        "claim,rating,url,organisation,date\n"
        "Police trained officers in riot control,False,https://checks.example/a,Ex,2025-01-01\n"
        f'"{"y" * 200_000}",False,https://checks.example/b,Ex,2025-01-01\n',
        encoding="utf-8",
    )
    result = read_archive_file(path)
    assert [record.claim for record in result.records] == [
        "Police trained officers in riot control"
    ]
    assert result.problems == [
        f"{path}: row 3: not CSV (field larger than field limit (131072)); stopped there"
    ]
    one_line = tmp_path / "one_line.txt"
    one_line.write_text("x" * 300_000, encoding="utf-8")
    assert "not a fact-check archive" in read_archive_file(one_line).problems[0]


def test_a_device_or_fifo_is_refused_without_reading(seeded_ledger: Path, tmp_path: Path) -> None:
    """A device has no size to check (/dev/zero would be read for ever) and a FIFO with no
    writer is waited on for ever: neither is opened. Run in a process with a time limit, so a
    regression fails here instead of hanging the suite."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    done = run_factcheck(ledger, "archive", "import", "/dev/null", str(fifo), timeout=120)
    assert done.returncode == 1, done.stderr
    for name in ("/dev/null", str(fifo)):
        assert f"skipped {name}: not a regular file (a device, FIFO or socket)" in done.stderr
