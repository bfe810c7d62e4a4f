"""The extract stage over a real ledger: what is read, what is skipped, how it is shown."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli


def query(ledger: Path, sql: str, *params: object) -> list[tuple]:
    return sqlite3.connect(ledger).execute(sql, params).fetchall()


def test_claims_come_only_from_body_and_title_passages(seeded_ledger: Path) -> None:
    kinds = query(
        seeded_ledger,
        "SELECT DISTINCT passages.kind FROM claims JOIN passages ON passages.id = claims.passage_id",
    )
    assert {kind for (kind,) in kinds} <= {"body", "title"}
    assert query(seeded_ledger, "SELECT COUNT(*) FROM claims")[0][0] > 100


def test_claim_spans_are_exact(seeded_ledger: Path) -> None:
    rows = query(
        seeded_ledger,
        "SELECT claims.text, claims.start_offset, claims.end_offset, sources.text, "
        "claims.sentence_start, claims.sentence_end FROM claims JOIN sources ON sources.id = claims.source_id",
    )
    for text, start, end, source_text, sentence_start, sentence_end in rows:
        assert source_text[start:end] == text
        assert sentence_start <= start <= end <= sentence_end


def test_nothing_from_ticker_comments_ads_or_the_second_copy(seeded_ledger: Path) -> None:
    source_003 = query(seeded_ledger, "SELECT id, text FROM sources WHERE path LIKE '%003_%'")[0]
    second_copy_starts = source_003[1].index("আপডেট সময়")
    assert (
        query(
            seeded_ledger,
            "SELECT COUNT(*) FROM claims WHERE source_id = ? AND start_offset > ?",
            source_003[0],
            second_copy_starts,
        )[0][0]
        == 0
    )
    ticker_end = source_003[1].index("চীনা নাগরিকদের নিরাপত্তা দিতে")
    assert (
        query(
            seeded_ledger,
            "SELECT COUNT(*) FROM claims WHERE source_id = ? AND start_offset < ?",
            source_003[0],
            ticker_end,
        )[0][0]
        == 0
    )
    for clutter in ("Akismet", "AdBlocker", "Adblock", "Leave a Comment", "You may also like"):
        assert (
            query(seeded_ledger, "SELECT COUNT(*) FROM claims WHERE text LIKE ?", f"%{clutter}%")[
                0
            ][0]
            == 0
        )


def test_the_lanzhou_sentence_gives_494_cameras_in_the_ledger(seeded_ledger: Path) -> None:
    rows = query(
        seeded_ledger,
        "SELECT claim_values.value, claim_values.unit FROM claim_values JOIN claims ON claims.id = claim_values.claim_id "
        "WHERE claims.text LIKE '%Lanzhou%' AND claim_values.kind = 'quantity'",
    )
    assert (494.0, "cameras") in rows


def test_rerun_extracts_nothing_new(seeded_ledger: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(seeded_ledger) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    before = query(copy, "SELECT COUNT(*), MAX(id) FROM claims")
    result = CliRunner().invoke(cli, ["--db", str(copy), "extract"])
    assert result.exit_code == 0
    assert "from 0 sources" in result.output
    assert query(copy, "SELECT COUNT(*), MAX(id) FROM claims") == before


def test_claims_filters_and_search_in_every_script(seeded_ledger: Path) -> None:
    def claims(*args: str) -> list[dict]:
        result = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "claims", "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    every = claims("--all")
    checkworthy = claims()
    assert len(every) > len(checkworthy) > 0
    assert all(row["is_checkworthy"] for row in checkworthy)
    assert {row["lang"] for row in claims("--all", "--lang", "bn")} == {"bn"}
    assert {row["kind"] for row in claims("--all", "--kind", "quantity")} == {"quantity"}
    assert {row["source_id"] for row in claims("--all", "--source", "3")} == {3}
    assert any("纳克维" in row["text"] for row in claims("--all", "--search", "纳克维"))
    assert any("নাকভি" in row["text"] for row in claims("--all", "--search", "নাকভি"))
    assert any("Lanzhou" in row["text"] for row in claims("--all", "--search", "lanzhou cameras"))
    short = claims("--all", "--search", "AI")  # too short for trigrams: a substring search
    assert short and all("ai" in row["text"].casefold() for row in short)


def test_claim_card_highlights_the_span_and_gives_reasons(seeded_ledger: Path) -> None:
    claim_id = query(
        seeded_ledger, "SELECT id FROM claims WHERE text LIKE '%494 cameras%' LIMIT 1"
    )[0][0]
    result = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "claim", str(claim_id)])
    assert result.exit_code == 0
    assert "⟦" in result.output and "494" in result.output and "cameras" in result.output
    assert "Check-worthiness" in result.output
    data = json.loads(
        CliRunner()
        .invoke(cli, ["--db", str(seeded_ledger), "claim", str(claim_id), "--json"])
        .output
    )
    assert data["reasons"] and data["values"]
    missing = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "claim", "99999"])
    assert missing.exit_code == 1 and "no claim with id 99999" in missing.output
