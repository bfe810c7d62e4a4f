"""The output-format registry: both commands offer exactly its formats, each renders the seeded
ledger, and a new format is one module plus one entry."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.db import open_ledger
from factcheck.report import formats
from factcheck.report.formats import EXPORT, REPORT, FormatOptions, OutputFormat


def choices(command: str) -> list[str]:
    option = next(p for p in cli.commands[command].params if p.name == f"{command}_format")
    assert isinstance(option.type, click.Choice)
    return list(option.type.choices)


@pytest.mark.parametrize("command", [EXPORT, REPORT])
def test_each_command_offers_the_registrys_formats(command: str) -> None:
    assert choices(command) == formats.format_names(command)
    assert formats.format_names(command)


@pytest.mark.parametrize("output_format", formats.FORMATS, ids=lambda f: f.name)
def test_every_format_renders_the_seeded_ledger(
    seeded_ledger: Path, output_format: OutputFormat
) -> None:
    args = ["--db", str(seeded_ledger), output_format.command, "--format", output_format.name]
    if output_format.name == "claimreview":
        args += ["--url-base", "https://example.net/report.html"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert len(result.stdout) > 100


def test_a_new_format_is_one_module_and_one_entry(
    seeded_ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "claim_count_format.py").write_text(
        "def render(db, options):\n"
        "    return f\"{db.execute('SELECT count(*) FROM claims').fetchone()[0]} claims\\n\"\n"
    )
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    entry = OutputFormat("count", EXPORT, "how many claims", "claim_count_format:render")
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, entry))
    assert "count" in formats.format_names(EXPORT)
    text = formats.render("count", EXPORT, open_ledger(seeded_ledger), FormatOptions())
    assert text.endswith(" claims\n") and int(text.split()[0]) > 0


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="no report format 'csv'"):
        formats.output_format("csv", REPORT)
