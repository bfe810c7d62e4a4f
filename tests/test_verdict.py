"""Verdicts with citations, and human review with its history."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from tests.conftest import copy_ledger


def query(ledger: Path, sql: str, *params: object) -> list[sqlite3.Row]:
    conn = sqlite3.connect(ledger)
    conn.row_factory = sqlite3.Row
    return conn.execute(sql, params).fetchall()


NAQVI_003 = (
    "SELECT id FROM claims WHERE source_id = 4 AND kind = 'role' AND text LIKE '%মহসিন নাকভি%'"
)


def test_every_claim_has_exactly_one_current_verdict(seeded_ledger: Path) -> None:
    claims = query(seeded_ledger, "SELECT COUNT(*) FROM claims")[0][0]
    current = query(
        seeded_ledger,
        "SELECT claim_id, COUNT(*) FROM verdicts WHERE is_current = 1 GROUP BY claim_id",
    )
    assert len(current) == claims and all(row[1] == 1 for row in current)


def test_003_naqvi_interior_minister_is_corroborated_citing_000(seeded_ledger: Path) -> None:
    claim_id = query(seeded_ledger, NAQVI_003)[0][0]
    verdict = query(
        seeded_ledger,
        """SELECT verdicts.*, reason_texts.text AS rationale FROM verdicts
           JOIN reason_texts ON reason_texts.id = verdicts.rationale_id WHERE claim_id = ? AND is_current = 1""",
        claim_id,
    )[0]
    assert verdict["label"] == "corroborated"
    assert "interior minister" in verdict["rationale"]
    citations = query(seeded_ledger, "SELECT * FROM citations WHERE verdict_id = ?", verdict["id"])
    assert {c["source_id"] for c in citations} == {1}
    texts = {row["id"]: row["text"] for row in query(seeded_ledger, "SELECT id, text FROM sources")}
    for citation in citations:
        assert (
            texts[citation["source_id"]][citation["start_offset"] : citation["end_offset"]]
            == citation["quote"]
        )
        assert citation["url"].startswith("https://thinktank.pk/")


def test_corroborated_always_cites_an_independent_source(seeded_ledger: Path) -> None:
    rows = query(
        seeded_ledger,
        """SELECT verdicts.id, claims.independence_group AS own,
                  (SELECT COUNT(*) FROM citations JOIN claims AS cited ON cited.id = citations.claim_id
                   WHERE citations.verdict_id = verdicts.id AND citations.stance = 'supports'
                   AND cited.independence_group <> claims.independence_group) AS independent
           FROM verdicts JOIN claims ON claims.id = verdicts.claim_id
           WHERE verdicts.is_current = 1 AND verdicts.label = 'corroborated'""",
    )
    assert rows and all(row["independent"] >= 1 for row in rows)


def test_questions_and_wishes_are_not_checkable(seeded_ledger: Path) -> None:
    rows = query(
        seeded_ledger,
        """SELECT verdicts.label FROM verdicts JOIN claims ON claims.id = verdicts.claim_id
           WHERE verdicts.is_current = 1 AND (claims.text LIKE 'How might%' OR claims.text LIKE 'May this initiative%')""",
    )
    assert rows and {row["label"] for row in rows} == {"not_checkable"}


def test_review_outranks_reruns_keeps_history_and_is_flagged(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    claim_id = query(ledger, NAQVI_003)[0][0]
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "--db",
            str(ledger),
            "review",
            str(claim_id),
            "--verdict",
            "contradicted",
            "--note",
            "He left office",
            "--by",
            "alice",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "was corroborated" in result.output
    rerun = runner.invoke(cli, ["--db", str(ledger), "check"])
    assert rerun.exit_code == 0
    assert f"claim {claim_id}: new evidence disagrees with its human verdict" in rerun.output
    history = query(ledger, "SELECT * FROM verdicts WHERE claim_id = ? ORDER BY id", claim_id)
    assert [row["decided_by"] for row in history] == ["auto", "alice"]
    assert history[-1]["is_current"] == 1 and history[-1]["label"] == "contradicted"
    assert "corroborated" in history[-1]["disagreement"]
    card = json.loads(
        runner.invoke(cli, ["--db", str(ledger), "claim", str(claim_id), "--json"]).output
    )
    assert [v["label"] for v in card["verdicts"]] == ["corroborated", "contradicted"]
    assert card["verdicts"][-1]["note"] == "He left office"
    text_card = runner.invoke(cli, ["--db", str(ledger), "claim", str(claim_id)]).output
    assert "Verdict history" in text_card and "alice" in text_card
    agree = runner.invoke(
        cli,
        ["--db", str(ledger), "review", str(claim_id), "--verdict", "corroborated", "--by", "bob"],
    )
    assert agree.exit_code == 0
    runner.invoke(cli, ["--db", str(ledger), "check"])
    latest = query(
        ledger, "SELECT * FROM verdicts WHERE claim_id = ? AND is_current = 1", claim_id
    )[0]
    assert latest["decided_by"] == "bob" and latest["disagreement"] is None


def test_review_errors_are_one_line(seeded_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    runner = CliRunner()
    missing = runner.invoke(
        cli, ["--db", str(ledger), "review", "99999", "--verdict", "corroborated"]
    )
    assert missing.exit_code == 1 and "no claim with id 99999" in missing.output
    bad = runner.invoke(cli, ["--db", str(ledger), "review", "1", "--verdict", "maybe"])
    assert bad.exit_code == 2 and "maybe" in bad.output


def test_verdicts_listing_and_rerun_reports_no_change(seeded_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    listing = json.loads(
        CliRunner().invoke(cli, ["--db", str(ledger), "verdicts", "--json"]).output
    )
    labels = {row["label"] for row in listing}
    assert {"corroborated", "unverified", "not_checkable"} <= labels
    before = query(ledger, "SELECT COUNT(*) FROM verdicts")[0][0]
    result = CliRunner().invoke(cli, ["--db", str(ledger), "check"])
    assert "0 changed" in result.output
    assert query(ledger, "SELECT COUNT(*) FROM verdicts")[0][0] == before


def test_new_source_updates_verdicts_and_says_what_changed(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    gao = query(
        ledger,
        "SELECT id FROM claims WHERE source_id = 1 AND kind = 'role' AND text = 'Deputy Director General Gao Jianzan'",
    )[0][0]
    assert (
        query(ledger, "SELECT label FROM verdicts WHERE claim_id = ? AND is_current = 1", gao)[0][0]
        == "unverified"
    )
    article = tmp_path / "new.txt"
    article.write_text(
        "Published: 1 August 2025\n\nDeputy Director General Gao Jianzan of the Beijing Police "
        "Department led a delegation to Islamabad in July 2025.\n",
        encoding="utf-8",
    )
    shutil.copy(article, tmp_path / "kept.txt")
    result = CliRunner().invoke(cli, ["--db", str(ledger), "run", str(article)])
    assert result.exit_code == 0, result.output
    assert f"claim {gao}: unverified → corroborated" in result.output


def test_extracting_a_reviewed_source_afresh_needs_consent(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    claim_id = query(ledger, NAQVI_003)[0][0]
    runner = CliRunner()
    runner.invoke(
        cli,
        [
            "--db",
            str(ledger),
            "review",
            str(claim_id),
            "--verdict",
            "corroborated",
            "--by",
            "alice",
        ],
    )
    refused = runner.invoke(cli, ["--db", str(ledger), "extract", "--source", "4"])
    assert refused.exit_code == 1 and "1 human review(s)" in refused.output
    assert query(ledger, "SELECT COUNT(*) FROM verdicts WHERE decided_by = 'alice'")[0][0] == 1
    forced = runner.invoke(
        cli, ["--db", str(ledger), "extract", "--source", "4", "--discard-reviews"]
    )
    assert forced.exit_code == 0, forced.output
    assert query(ledger, "SELECT COUNT(*) FROM verdicts WHERE decided_by = 'alice'")[0][0] == 0
