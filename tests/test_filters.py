"""Listing filters check their values (issue 16): an unknown --source names the sources there
are, --kind and --lang list their choices, instead of an empty listing and success; `claims
--json` and `claim --json` call the same fields by the same names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli


def invoke(ledger: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(ledger), *args])


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (["claims", "--source", "999"], "no current source 999; choose one of: 1, 2, 3, 4, 5"),
        (["claims", "--kind", "bogus"], "'bogus' is not one of 'event', 'role', 'quantity'"),
        (["claims", "--lang", "xx"], "'xx' is not one of 'en', 'zh', 'bn'"),
        (["entities", "--type", "bogus"], "'bogus' is not one of 'person', 'place'"),
    ],
)
def test_a_filter_value_that_matches_nothing_is_an_error_listing_the_choices(
    seeded_ledger: Path, args: list[str], choices: str
) -> None:
    result = invoke(seeded_ledger, *args)
    assert result.exit_code == 2, result.output
    assert choices in result.output
    assert "Traceback" not in result.output


def test_claims_and_claim_json_use_the_same_field_names(seeded_ledger: Path) -> None:
    listed = json.loads(invoke(seeded_ledger, "claims", "--json").output)
    assert listed
    card = json.loads(invoke(seeded_ledger, "claim", str(listed[0]["id"]), "--json").output)
    assert set(listed[0]) <= set(card), set(listed[0]) - set(card)
    for field in ("start_offset", "end_offset", "is_checkworthy", "source_id", "text"):
        assert listed[0][field] == card[field], field
