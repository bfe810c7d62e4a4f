"""The CLI end to end: listings, cards, export, errors, ledger path resolution."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import click
from click.testing import CliRunner

from factcheck.cli import cli
from tests.conftest import REPO, SEEDS


def test_sources_table_json_and_csv(seeded_ledger: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["--db", str(seeded_ledger), "sources"])
    assert table.exit_code == 0
    assert "South China Morning Post" in table.output and "2026-01-07" in table.output
    rows = json.loads(runner.invoke(cli, ["--db", str(seeded_ledger), "sources", "--json"]).output)
    assert [row["id"] for row in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["languages"] == ["en", "zh"]
    assert 0 < rows[3]["clutter_share"] < 1
    parsed = list(
        csv.DictReader(
            io.StringIO(runner.invoke(cli, ["--db", str(seeded_ledger), "sources", "--csv"]).output)
        )
    )
    assert parsed[1]["title"].startswith("Pakistan & China Expand Police Collaboration")
    lines = runner.invoke(cli, ["--db", str(seeded_ledger), "sources", "--nl"]).output.splitlines()
    assert len(lines) == 5 and json.loads(lines[2])["outlet"] == "South China Morning Post"


def test_source_card_shows_metadata_evidence_and_passage_kinds(seeded_ledger: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "source", "4"])
    assert result.exit_code == 0
    assert "আপডেট সময়" in result.output  # where the date was read
    for kind in ("page_header", "ticker", "title", "byline", "duplicate", "body"):
        assert kind in result.output
    data = json.loads(
        CliRunner().invoke(cli, ["--db", str(seeded_ledger), "source", "4", "--json"]).output
    )
    assert data["published"] == "2026-01-07"
    assert sum(1 for p in data["passages"] if p["kind"] == "duplicate") == 10


def test_export_json_follows_the_contract(seeded_ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "ledger.json"
    result = CliRunner().invoke(
        cli, ["--db", str(seeded_ledger), "export", "--format", "json", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(target.read_text(encoding="utf-8"))
    assert set(document) >= {
        "factcheck",
        "sources",
        "passages",
        "claims",
        "entities",
        "links",
        "findings",
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["factcheck"]["exported_at"])
    source = document["sources"][0]
    assert set(source) >= {
        "id",
        "path",
        "sha256",
        "title",
        "outlet",
        "url",
        "published",
        "languages",
    }
    texts = {
        s["id"]: (SEEDS / Path(s["path"]).name).read_text(encoding="utf-8")
        for s in document["sources"]
    }
    for passage in document["passages"]:
        assert set(passage) >= {"id", "source_id", "start", "end", "lang", "kind"}
        assert 0 <= passage["start"] < passage["end"] <= len(texts[passage["source_id"]])
    stdout = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "export"]).output
    assert json.loads(stdout)["sources"] == document["sources"]


def test_export_refuses_to_follow_a_symlink_without_force(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(precious)
    result = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "export", "-o", str(link)])
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert precious.read_text(encoding="utf-8") == "keep me"


def test_unknown_id_and_missing_ledger_are_one_line_errors(
    seeded_ledger: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "source", "999"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no source with id 999"
    missing = tmp_path / "nowhere.db"
    result = CliRunner().invoke(cli, ["--db", str(missing), "sources"])
    assert result.exit_code == 1 and "no ledger at" in result.output
    assert not missing.exists()


def test_not_a_ledger_is_refused_and_left_alone(tmp_path: Path) -> None:
    impostor = tmp_path / "notes.db"
    impostor.write_text("my notes, not a database\n" * 200, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(impostor), "ingest", str(SEEDS)])
    assert result.exit_code == 1
    assert "not a factcheck ledger" in result.output
    assert impostor.read_text(encoding="utf-8") == "my notes, not a database\n" * 200


def test_ledger_path_option_then_environment_then_default(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    article = str(next(SEEDS.glob("004_*.txt")))
    runner.invoke(cli, ["ingest", article])
    assert (tmp_path / "factcheck.db").exists()
    runner.invoke(cli, ["ingest", article], env={"FACTCHECK_DB": str(tmp_path / "env.db")})
    assert (tmp_path / "env.db").exists()
    runner.invoke(
        cli,
        ["--db", str(tmp_path / "opt.db"), "ingest", article],
        env={"FACTCHECK_DB": str(tmp_path / "env2.db")},
    )
    assert (tmp_path / "opt.db").exists() and not (tmp_path / "env2.db").exists()


def test_ledger_settings_and_recorded_migrations(seeded_ledger: Path) -> None:
    conn = sqlite3.connect(seeded_ledger)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert names[0] == "0001_sources_and_passages"
    assert names == sorted(names)


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    group = cli
    assert isinstance(group, click.Group)
    for name in group.commands:
        assert f"factcheck {name}" in readme, f"README does not show 'factcheck {name}'"


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"```(?:bash|sh)?\n(python3 -m venv[^\n]*pytest[^\n]*)\n```", readme)
    assert test_command, "README quick start has no test command"
    assert test_command.group(1) in ci
