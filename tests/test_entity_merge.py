"""A manual merge says what it did, and refuses what is wrong on its face: an entity merged with
itself, or two entities of different types (unless --force)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from factcheck.cli import cli
from tests.conftest import copy_ledger


def entity(ledger: Path, name: str) -> tuple[int, str]:
    with sqlite3.connect(ledger) as conn:
        return conn.execute("SELECT id, type FROM entities WHERE name = ?", [name]).fetchone()


def invoke(ledger: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(ledger), *args])


def judgements(ledger: Path) -> int:
    with sqlite3.connect(ledger) as conn:
        return conn.execute("SELECT COUNT(*) FROM entity_judgements").fetchone()[0]


def test_merging_an_entity_with_itself_is_refused(seeded_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    naqvi, _ = entity(ledger, "Mohsin Naqvi")
    result = invoke(ledger, "entity", "merge", str(naqvi), str(naqvi))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: entity {naqvi} cannot be merged with itself"
    assert judgements(ledger) == 0


def test_different_types_are_refused_unless_forced(seeded_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    police, police_type = entity(ledger, "Islamabad Police")
    naqvi, naqvi_type = entity(ledger, "Mohsin Naqvi")
    assert (police_type, naqvi_type) == ("organization", "person")
    refused = invoke(ledger, "entity", "merge", str(police), str(naqvi))
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        f"Error: entity {police} (Islamabad Police) is an organization and entity {naqvi} "
        "(Mohsin Naqvi) a person: not merged (--force merges them anyway)"
    )
    assert judgements(ledger) == 0
    forced = invoke(ledger, "entity", "merge", str(police), str(naqvi), "--force")
    assert forced.exit_code == 0, forced.output
    assert judgements(ledger) == 1


def test_a_merge_says_which_entity_absorbed_which_and_what_verdicts_moved(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    wang, _ = entity(ledger, "Wang Xiaohong")
    gao, _ = entity(ledger, "Gao Jianzan")
    result = invoke(ledger, "entity", "merge", str(wang), str(gao), "--by", "kim")
    assert result.exit_code == 0, result.output
    merged_id, _ = entity(ledger, "Wang Xiaohong")
    assert (
        f"entity {wang} (Wang Xiaohong, person) and entity {gao} (Gao Jianzan, person) are now "
        f"entity {merged_id}: Wang Xiaohong (person)"
    ) in result.output
    assert "verdicts:" in result.output and "changed" in result.output
