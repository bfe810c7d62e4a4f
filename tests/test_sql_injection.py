"""SQL and FTS syntax thrown at every option and argument: clean errors, no damage. Export paths
never write through a symlink without --force, and a failed write leaves no partial file.

Add a later command's filters to COMMANDS with one line each.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.ledger_checks import ledger_problems

HOSTILE = [
    "'; DROP TABLE sources; --",
    '" OR 1=1',
    "1 OR 1=1",
    "NEAR(",
    "*",
    "'",
    '"',
    "sources MATCH '*'",
    "1; DELETE FROM passages",
]
# (command, arguments with {x} where the hostile value goes, allowed exit statuses)
COMMANDS: list[tuple[str, list[str], set[int]]] = [
    ("source", ["source", "{x}"], {2}),  # takes an int: click refuses the value
    ("source --json", ["source", "--json", "{x}"], {2}),
    ("sources --json", ["sources", "--json", "{x}"], {2}),  # takes no argument
    ("export -o", ["export", "-o", "{dir}/{x}"], {0, 1}),  # a file name with quotes in it
    ("export --format", ["export", "--format", "{x}"], {2}),
    ("ingest", ["ingest", "{x}"], {1}),  # no such file
    ("claims --search", ["claims", "--all", "--json", "--search", "{x}"], {0}),
    ("claims --lang", ["claims", "--all", "--json", "--lang", "{x}"], {2}),  # not a choice
    ("claims --kind", ["claims", "--json", "--kind", "{x}"], {2}),
    ("claims --source", ["claims", "--source", "{x}"], {2}),
    ("claim", ["claim", "{x}"], {2}),
    ("entities --type", ["entities", "--type", "{x}"], {2}),
    ("entity", ["entity", "{x}"], {2}),  # not a number: not a subcommand either
    ("entity merge", ["entity", "merge", "1", "{x}"], {2}),
    ("review --note", ["review", "999999", "--verdict", "corroborated", "--note", "{x}"], {1}),
    ("review --verdict", ["review", "1", "--verdict", "{x}"], {2}),
    ("report --entity", ["report", "--entity", "{x}"], {0, 1}),
    ("report --verdict", ["report", "--verdict", "{x}"], {2}),
    ("verdicts", ["verdicts", "{x}"], {2}),
    ("contradictions", ["contradictions", "{x}"], {2}),
]


def dump_hash(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(("name", "args", "statuses"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_hostile_values_get_clean_errors_and_do_no_damage(
    seeded_ledger: Path,
    tmp_path: Path,
    name: str,
    args: list[str],
    statuses: set[int],
    value: str,
) -> None:
    ledger = tmp_path / "ledger.db"
    with sqlite3.connect(seeded_ledger) as source, sqlite3.connect(ledger) as copy:
        source.backup(copy)  # with whatever the shared ledger still holds in its WAL
    before = dump_hash(ledger)
    filled = [arg.format(x=value, dir=tmp_path) for arg in args]
    result = CliRunner().invoke(cli, ["--db", str(ledger), *filled])
    assert result.exit_code in statuses, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert dump_hash(ledger) == before
    assert ledger_problems(ledger) == []


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_ledger_path_is_just_a_file_name(tmp_path: Path, value: str) -> None:
    ledger = tmp_path / f"ledger {value.replace('/', '_')}.db"
    result = CliRunner().invoke(cli, ["--db", str(ledger), "ingest", str(Path(__file__))])
    assert result.exit_code == 0, result.output
    assert ledger.exists() and ledger_problems(ledger) == []


def export(ledger: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(ledger), "export", *args])


def test_export_to_a_dangling_symlink_needs_force(seeded_ledger: Path, tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "nowhere.json")
    result = export(seeded_ledger, "-o", str(link))
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert not (tmp_path / "nowhere.json").exists()
    assert export(seeded_ledger, "-o", str(link), "--force").exit_code == 0
    assert (tmp_path / "nowhere.json").read_text().startswith("{")


def test_export_to_a_symlink_to_a_folder_is_refused(seeded_ledger: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "out.json"
    link.symlink_to(folder)
    assert export(seeded_ledger, "-o", str(link)).exit_code == 1
    result = export(seeded_ledger, "-o", str(link), "--force")
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: a folder, not a file: {link}"
    assert folder.is_dir() and list(folder.iterdir()) == [] and list(tmp_path.glob(".*")) == []


def test_export_into_a_missing_folder_is_one_line_and_leaves_nothing(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    result = export(seeded_ledger, "-o", str(tmp_path / "missing" / "out.json"))
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert (
        result.output.strip() == f"Error: no such folder to write into: {tmp_path}/missing/out.json"
    )
    assert not (tmp_path / "missing").exists()
