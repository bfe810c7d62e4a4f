"""Ledgers written by every released schema version (tests/data/ledgers/v000N_*.db, made by
make_fixture.py) open with the current code: migrations are applied in place and every row
survives. A new schema version adds its fixture; this test picks it up without an edit."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.db import open_ledger
from factcheck.extract.queries import get_claim
from factcheck.migrations import migrations
from factcheck.verdicts.queries import verdict_history
from tests.conftest import DATA
from tests.ledger_checks import ledger_problems

FIXTURES = sorted((DATA / "ledgers").glob("v*.db"))


def all_rows(path: Path) -> dict[str, tuple[list[str], set[tuple]]]:
    """table -> (columns, rows) of every ordinary table (the search index's shadow tables are
    rebuilt by triggers, so they are checked through ledger_problems instead)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            )
        ]
        result = {}
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            columns = [column[0] for column in cursor.description]
            result[table] = (columns, set(cursor.fetchall()))
        if "reason_texts" in tables:
            in_words(conn, result)
        return result
    finally:
        conn.close()


def in_words(conn: sqlite3.Connection, result: dict[str, tuple[list[str], set[tuple]]]) -> None:
    """Since 0016 claims and verdicts name their reasons and rationales by reason_texts id: give
    them back as the columns they replaced (claims.reasons as JSON, verdicts.rationale), so the
    rows compare with an older ledger's."""
    texts = dict(conn.execute("SELECT id, text FROM reason_texts"))
    columns, rows = result["claims"]
    at = columns.index("reason_ids")
    result["claims"] = (
        [*columns[:at], "reasons", *columns[at + 1 :]],
        {
            (*row[:at], reasons_json([texts[i] for i in json.loads(row[at])]), *row[at + 1 :])
            for row in rows
        },
    )
    columns, rows = result["verdicts"]
    at = columns.index("rationale_id")
    result["verdicts"] = (
        [*columns, "rationale"],
        {(*row, texts[row[at]]) for row in rows},
    )


def reasons_json(reasons: list[str]) -> str:
    return json.dumps(reasons, ensure_ascii=False)


def old_rows(path: Path) -> dict[str, tuple[list[str], set[tuple]]]:
    """all_rows of a ledger before the upgrade, claims' reasons in the JSON reasons_json gives."""
    result = all_rows(path)
    if "claims" in result and "reasons" in result["claims"][0]:
        columns, rows = result["claims"]
        at = columns.index("reasons")
        result["claims"] = (
            columns,
            {(*row[:at], reasons_json(json.loads(row[at])), *row[at + 1 :]) for row in rows},
        )
    return result


def test_reasons_and_rationales_read_back_the_same_after_0016(tmp_path: Path) -> None:
    """0016 stores each distinct reason and rationale once: a 0014 ledger upgraded reads back
    every claim's reasons (in order) and every verdict's rationale as it had them, through the
    claim card, the verdict history and the claim_reasons view; and holds each text once."""
    ledger = tmp_path / "v0014_seeds.db"
    shutil.copyfile(DATA / "ledgers" / "v0014_seeds.db", ledger)
    conn = sqlite3.connect(ledger)
    try:
        reasons = {
            claim_id: json.loads(text)
            for claim_id, text in conn.execute("SELECT id, reasons FROM claims")
        }
        rationales = dict(conn.execute("SELECT id, rationale FROM verdicts"))
    finally:
        conn.close()
    assert reasons and rationales
    db = open_ledger(ledger)
    assert {claim_id: get_claim(db, claim_id)["reasons"] for claim_id in reasons} == reasons
    history = {
        verdict["id"]: verdict["rationale"]
        for claim_id in reasons
        for verdict in verdict_history(db, claim_id)
    }
    assert history == rationales
    listed: dict[int, list[str]] = {}
    for row in db.query("SELECT * FROM claim_reasons ORDER BY claim_id, position"):
        listed.setdefault(row["claim_id"], []).append(row["reason"])
    assert listed == {claim_id: texts for claim_id, texts in reasons.items() if texts}
    distinct = {text for texts in reasons.values() for text in texts} | set(rationales.values())
    assert db.execute("SELECT COUNT(*) FROM reason_texts").fetchone()[0] == len(distinct)
    db.conn.close()


def test_there_is_a_fixture_for_the_current_schema() -> None:
    assert f"v{len(migrations._migrations):04d}_seeds.db" in {path.name for path in FIXTURES}


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.name for path in FIXTURES])
def test_old_ledger_is_upgraded_in_place_keeping_every_row(fixture: Path, tmp_path: Path) -> None:
    ledger = tmp_path / fixture.name
    shutil.copyfile(fixture, ledger)
    before = old_rows(ledger)
    assert before["sources"][1], "the fixture holds sources"
    db = open_ledger(ledger)
    assert not migrations.pending(db)
    applied = {row["name"] for row in db.query("SELECT name FROM _sqlite_migrations")}
    assert applied == {migration.name for migration in migrations._migrations}
    db.conn.close()
    after = all_rows(ledger)
    for table, (columns, rows) in before.items():
        if table == "_sqlite_migrations":
            assert rows <= after[table][1]
            continue
        new_columns, new_rows = after[table]
        kept = {tuple(row[new_columns.index(column)] for column in columns) for row in new_rows}
        assert rows <= kept, f"rows lost from {table}"
    assert ledger_problems(ledger) == []
    result = CliRunner().invoke(cli, ["--db", str(ledger), "sources", "--json"])
    assert result.exit_code == 0 and len(before["sources"][1]) == result.output.count('"id"')


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.name for path in FIXTURES])
def test_upgraded_ledger_runs_on_and_keeps_human_work(fixture: Path, tmp_path: Path) -> None:
    ledger = tmp_path / fixture.name
    shutil.copyfile(fixture, ledger)
    with sqlite3.connect(ledger) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        reviews = (
            conn.execute(
                "SELECT claim_id, label FROM verdicts WHERE decided_by <> 'auto'"
            ).fetchall()
            if "verdicts" in tables
            else []
        )
    result = CliRunner().invoke(
        cli, ["--db", str(ledger), "run", str(DATA.parent.parent / "seeds")]
    )
    assert result.exit_code == 0, result.output
    assert ledger_problems(ledger) == []
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] > 100
        for claim_id, label in reviews:
            current = conn.execute(
                "SELECT label, decided_by FROM verdicts WHERE claim_id = ? AND is_current = 1",
                [claim_id],
            ).fetchone()
            assert current == (label, "fixture-reviewer")
