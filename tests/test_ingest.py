"""Ingest through the library and the CLI: sources, versions, bad input, interruption."""

from __future__ import annotations

import codecs
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from factcheck.db import open_ledger
from factcheck.ingest import ingest_paths
from factcheck.ingest.reading import MAX_SOURCE_BYTES
from tests.conftest import SEEDS


def source_rows(ledger: Path) -> list[dict]:
    db = open_ledger(ledger)
    rows = list(db.query("SELECT * FROM sources ORDER BY id"))
    for row in rows:
        row["languages"] = json.loads(row["languages"])
    return rows


def test_run_on_seeds_gives_the_five_sources(invoke, ledger: Path) -> None:
    result = invoke("run", str(SEEDS))
    assert result.exit_code == 0, result.output
    rows = {Path(row["path"]).name[:3]: row for row in source_rows(ledger)}
    assert sorted(rows) == ["000", "001", "002", "003", "004"]
    assert rows["000"]["languages"] == ["en", "zh"]
    assert rows["000"]["url"].startswith("https://thinktank.pk/2025/07/23/")
    assert rows["000"]["published"] == "2025-07-23"
    assert rows["003"]["languages"] == ["bn"]
    assert rows["003"]["published"] == "2026-01-07"
    assert rows["003"]["title"] == "চীনা নাগরিকদের নিরাপত্তা দিতে সুরক্ষা বিশেষ ইউনিট গঠন করবে পাকিস্তান"
    assert rows["004"]["published"] == "2025-02-23"
    assert rows["004"]["title"] == "China Expands Influence Through Police Diplomacy"
    assert rows["002"]["outlet"] == "South China Morning Post"
    assert rows["001"]["published"] is None
    assert rows["002"]["published"] is None
    evidence = json.loads(rows["003"]["metadata_evidence"])
    assert "আপডেট সময়" in evidence["published"]


def test_running_again_adds_nothing(invoke, ledger: Path) -> None:
    invoke("run", str(SEEDS))
    before = sqlite3.connect(ledger).execute("SELECT COUNT(*) FROM passages").fetchone()
    result = invoke("run", str(SEEDS))
    assert result.exit_code == 0
    assert "0 added, 0 new versions, 5 unchanged" in result.output
    assert len(source_rows(ledger)) == 5
    assert sqlite3.connect(ledger).execute("SELECT COUNT(*) FROM passages").fetchone() == before


def test_changed_content_at_a_known_path_is_a_new_version(
    invoke, ledger: Path, seeds_dir: Path
) -> None:
    invoke("ingest", str(seeds_dir))
    article = next(seeds_dir.glob("002_*.txt"))
    article.write_text(
        article.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8"
    )
    result = invoke("ingest", str(seeds_dir))
    assert result.exit_code == 0
    assert "new version 2 of source 3" in result.output
    rows = source_rows(ledger)
    assert len(rows) == 6
    old, new = rows[2], rows[5]
    assert (old["is_current"], new["is_current"]) == (0, 1)
    assert new["previous_version_id"] == old["id"]
    listed = json.loads(invoke("sources", "--json").output)
    assert [row["id"] for row in listed] == [1, 2, 4, 5, 6]


def test_a_copy_of_another_source_is_recorded(invoke, ledger: Path, tmp_path: Path) -> None:
    original = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Republished from elsewhere\n\n" + original, encoding="utf-8")
    invoke("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    rows = source_rows(ledger)
    assert rows[1]["copy_of"] == rows[0]["id"]


def test_same_bytes_under_another_name_are_unchanged(invoke, ledger: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(next(SEEDS.glob("004_*.txt")).read_bytes())
    invoke("ingest", str(SEEDS / next(SEEDS.glob("004_*.txt")).name))
    result = invoke("ingest", str(copy))
    assert "unchanged" in result.output and "same content as" in result.output
    assert len(source_rows(ledger)) == 1


def test_standard_input(invoke, ledger: Path) -> None:
    result = invoke("ingest", "-", input=b"Police in Lanzhou monitored 494 cameras.\n")
    assert result.exit_code == 0, result.output
    assert source_rows(ledger)[0]["path"] == "-"


def test_bad_inputs_each_get_one_line_and_the_rest_goes_in(
    invoke, ledger: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (bad / "invalid.txt").write_bytes(b"Valid start, then " + b"\xff\xfe broken")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "huge.txt").write_bytes(b"a" * (MAX_SOURCE_BYTES + 1))
    (bad / "bom.txt").write_bytes(codecs.BOM_UTF8 + b"Police trained 30 officers.")
    (bad / "utf16.txt").write_bytes("Police trained 30 officers in Honiara.".encode("utf-16"))
    (bad / "crlf.txt").write_bytes(b"First paragraph here.\r\n\r\nSecond paragraph here.\r\n")
    (tmp_path / "no_text_here").mkdir()
    (tmp_path / "no_text_here" / "image.png").write_bytes(b"\x89PNG")
    result = invoke(
        "ingest", str(bad), str(tmp_path / "missing.txt"), str(tmp_path / "no_text_here")
    )
    assert result.exit_code == 0, result.output
    output = result.output
    assert "binary.txt: binary data" in output
    assert "invalid.txt: not valid UTF-8 (bad byte at offset 18)" in output
    assert "empty.txt: empty" in output
    assert "huge.txt: larger than 5 MiB" in output
    assert "missing.txt: no such file or folder" in output
    assert "no_text_here: folder has no text" in output
    rows = {Path(row["path"]).name: row for row in source_rows(ledger)}
    assert sorted(rows) == ["bom.txt", "crlf.txt", "utf16.txt"]
    assert (
        rows["bom.txt"]["text"] == "Police trained 30 officers."
    )  # the byte-order mark is not text
    crlf = rows["crlf.txt"]
    db = open_ledger(ledger)
    spans = [
        crlf["text"][row["start_offset"] : row["end_offset"]]
        for row in db.query("SELECT * FROM passages WHERE source_id = ? ORDER BY seq", [crlf["id"]])
    ]
    assert spans == ["First paragraph here.", "Second paragraph here."]
    assert "\r\n" in crlf["text"]  # stored as decoded, unchanged


def test_nothing_ingested_is_a_failure(invoke, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = invoke("ingest", str(tmp_path / "empty.txt"))
    assert result.exit_code == 1
    assert "nothing was ingested" in result.output


def test_html_page_is_reduced_to_its_article(invoke, ledger: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    paragraphs = "".join(
        f"<p>Police in Lanzhou monitored {n} cameras placed around a residential compound, "
        f"officials said in a statement published on the city's website this week.</p>"
        for n in range(490, 496)
    )
    page.write_text(
        "<!doctype html><html><head><title>Lanzhou cameras | City News</title>"
        '<meta property="og:title" content="Lanzhou police watch 494 cameras">'
        '<meta property="og:url" content="https://news.example/lanzhou">'
        '<meta property="article:published_time" content="2024-03-16">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Lanzhou police watch 494 cameras</h1>{paragraphs}</article>"
        "<script>alert('x')</script><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    result = invoke("ingest", str(page))
    assert result.exit_code == 0, result.output
    row = source_rows(ledger)[0]
    assert row["format"] == "html"
    assert row["title"] == "Lanzhou police watch 494 cameras"
    assert row["url"] == "https://news.example/lanzhou"
    assert row["published"] == "2024-03-16"
    assert "monitored 494 cameras" in row["text"]
    assert "alert(" not in row["text"] and "<p>" not in row["text"]


def test_ingest_is_one_transaction(ledger: Path, tmp_path: Path) -> None:
    """A failure while storing the batch leaves the ledger as it was."""
    db = open_ledger(ledger)
    ingest_paths(db, [str(next(SEEDS.glob("000_*.txt")))])
    # A trigger that fails on the third source stands in for a crash half-way through the batch.
    db.execute(
        "CREATE TRIGGER fail_third AFTER INSERT ON sources WHEN NEW.id = 3 "
        "BEGIN SELECT RAISE(ABORT, 'simulated crash'); END"
    )
    try:
        ingest_paths(db, [str(SEEDS)])
    except sqlite3.IntegrityError as error:
        assert "simulated crash" in str(error)
    else:  # pragma: no cover - the trigger must fire
        raise AssertionError("the batch should have failed")
    assert [row[0] for row in db.execute("SELECT id FROM sources")] == [1]
    assert db.execute("SELECT COUNT(*) FROM passages WHERE source_id <> 1").fetchone()[0] == 0


def test_killed_ingest_leaves_the_ledger_whole(tmp_path: Path) -> None:
    """SIGKILL and SIGINT at several moments: afterwards each source is there whole or not at all."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for number in range(60):
        (corpus / f"{number:03}.txt").write_text(
            f"Copy {number}.\n\n" + texts[number % 5], encoding="utf-8"
        )
    ledger = tmp_path / "killed.db"
    command = [sys.executable, "-m", "factcheck", "--db", str(ledger), "ingest", str(corpus)]
    subprocess.run(
        [*command[:-2], "ingest", str(next(SEEDS.glob("000_*.txt")))],
        check=True,
        capture_output=True,
    )
    outcomes = set()
    for delay, sig in [
        (0.3, signal.SIGKILL),
        (0.8, signal.SIGINT),
        (1.5, signal.SIGKILL),
        (2.5, signal.SIGKILL),
    ]:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(sig)
        process.wait()
        conn = sqlite3.connect(ledger)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
        orphans = conn.execute(
            "SELECT COUNT(*) FROM passages WHERE source_id NOT IN (SELECT id FROM sources)"
        ).fetchone()[0]
        empty = conn.execute(
            "SELECT COUNT(*) FROM sources WHERE id NOT IN (SELECT source_id FROM passages)"
        ).fetchone()[0]
        conn.close()
        assert orphans == 0 and empty == 0
        assert count in (1, 61)
        outcomes.add(count)
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0
    assert sqlite3.connect(ledger).execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 61
    assert os.path.exists(ledger)
