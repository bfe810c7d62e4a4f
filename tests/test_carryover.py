"""A human verdict, merge or split survives its source getting a new version: carried to the same
statement, or flagged on the changed statement as needing a person again; never dropped."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from tests.conftest import LANZHOU, WANG_EN, invoke_ok


def current_verdict(ledger: Path, claim_id: int) -> tuple[str, str]:
    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            "SELECT label, decided_by FROM verdicts WHERE claim_id = ? AND is_current = 1",
            [claim_id],
        ).fetchone()


def seeds_ledger(seeds_dir: Path, tmp_path: Path) -> Path:
    ledger = tmp_path / "ledger.db"
    invoke_ok(ledger, "run", str(seeds_dir))
    return ledger


def test_a_review_carries_to_the_same_statement_in_a_new_version(
    seeds_dir: Path, tmp_path: Path
) -> None:
    ledger = seeds_ledger(seeds_dir, tmp_path)
    reviewed = WANG_EN.id(ledger)
    invoke_ok(ledger, "review", str(reviewed), "--verdict", "corroborated", "--by", "alice",
              "--note", "Checked the ministry's site.")  # fmt: skip
    article = next(seeds_dir.glob("002_*.txt"))
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nThis article was updated with a correction on 2 April 2025.\n")
    ran = invoke_ok(ledger, "run", str(seeds_dir))
    assert "1 human verdicts carried to new versions" in ran.output
    carried = WANG_EN.id(ledger)  # the claim of the current version
    assert carried != reviewed
    assert current_verdict(ledger, carried) == ("corroborated", "alice")
    exported = json.loads(invoke_ok(ledger, "export", "--format", "json").output)
    claim = next(claim for claim in exported["claims"] if claim["id"] == carried)
    assert "alice" in json.dumps(claim, ensure_ascii=False)
    # Another run changes nothing: the carried review is a human verdict like any other.
    again = invoke_ok(ledger, "run", str(seeds_dir))
    assert current_verdict(ledger, carried) == ("corroborated", "alice")
    assert "carried" not in again.output


def test_a_review_of_a_changed_statement_needs_a_person_again(
    seeds_dir: Path, tmp_path: Path
) -> None:
    ledger = seeds_ledger(seeds_dir, tmp_path)
    reviewed = LANZHOU.id(ledger)
    with sqlite3.connect(ledger) as conn:
        old_text = conn.execute("SELECT text FROM claims WHERE id = ?", [reviewed]).fetchone()[0]
    invoke_ok(ledger, "review", str(reviewed), "--verdict", "unverified", "--by", "alice")
    article = next(seeds_dir.glob("002_*.txt"))
    text = article.read_text(encoding="utf-8")
    changed = old_text.replace("494 cameras", "594 cameras")
    assert changed != old_text and old_text in text
    article.write_text(text.replace(old_text, changed), encoding="utf-8")
    ran = invoke_ok(ledger, "run", str(seeds_dir))
    assert "1 need a person again (the statement changed)" in ran.output
    new_claim = LANZHOU.id(ledger)
    assert f"claim {new_claim}: needs a person again" in ran.output
    assert current_verdict(ledger, new_claim)[1] == "auto"
    report = invoke_ok(ledger, "report").output
    assert "Needs a person again" in report and f"claim {reviewed}" in report
    # Once a person has reviewed the new wording, it no longer asks for one.
    invoke_ok(ledger, "review", str(new_claim), "--verdict", "unverified", "--by", "bob")
    assert "Needs a person again" not in invoke_ok(ledger, "report").output


def current_entity(ledger: Path, form: str) -> set[int]:
    with sqlite3.connect(ledger) as conn:
        rows = conn.execute(
            """SELECT DISTINCT mentions.entity_id FROM mentions
               JOIN sources ON sources.id = mentions.source_id AND sources.is_current = 1
               WHERE mentions.match_form = ? OR mentions.text = ?""",
            [form, form],
        )
        return {row[0] for row in rows}


def test_a_merge_carries_to_the_new_version(seeds_dir: Path, tmp_path: Path) -> None:
    ledger = seeds_ledger(seeds_dir, tmp_path)
    qi = next(iter(current_entity(ledger, "Qi Yanjun")))
    yuan = next(iter(current_entity(ledger, "Yuan Qinhua")))
    assert qi != yuan
    merged = CliRunner().invoke(
        cli, ["--db", str(ledger), "entity", "merge", str(qi), str(yuan), "--by", "alice"]
    )
    assert merged.exit_code == 0, merged.output
    assert current_entity(ledger, "Qi Yanjun") == current_entity(ledger, "Yuan Qinhua")
    # Both names are in 002: a new version of it used to undo the merge.
    article = next(seeds_dir.glob("002_*.txt"))
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nThis article was updated with a correction on 2 April 2025.\n")
    ran = invoke_ok(ledger, "run", str(seeds_dir))
    assert "entity judgements carried" in ran.output
    assert current_entity(ledger, "Qi Yanjun") == current_entity(ledger, "Yuan Qinhua")
