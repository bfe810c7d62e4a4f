"""The ledger's fixed value lists (factcheck/vocab.py) agree with the schema and with the code.

Where the schema checks a column, its CHECK constraint must allow exactly the enum's values (a new
member needs a migration); where it does not, every value the pipeline writes on the seeds must be
a member, and so must every value the extraction and report tables name.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from factcheck import vocab
from factcheck.db import open_ledger
from factcheck.extract.kinds import KIND_RULES
from factcheck.lang import language_for, registered_codes
from factcheck.report.data import VERDICT_LABELS, VERDICT_WORDS
from factcheck.report.html import SAME_WITNESS_RELATIONS, STANCE_WORDS, VERDICT_SYMBOLS

CHECKED_COLUMNS = [
    ("links", "relation", vocab.LinkRelation),
    ("verdicts", "label", vocab.VerdictLabel),
    ("citations", "stance", vocab.CitationStance),
    ("entity_judgements", "kind", vocab.JudgementKind),
]
UNCHECKED_COLUMNS = [
    ("passages", "kind", vocab.PassageKind),
    ("claims", "kind", vocab.ClaimKind),
    ("claims", "modality", vocab.Modality),
    ("claim_values", "kind", vocab.ValueKind),
    ("mentions", "type", vocab.EntityType),
    ("entities", "type", vocab.EntityType),
]


def allowed_values(schema_sql: str, column: str) -> set[str]:
    found = re.search(rf"\b{column}\b[^,]*?CHECK \({column} IN\s*\(([^)]*)\)\)", schema_sql, re.S)
    assert found, f"no CHECK constraint on {column} in:\n{schema_sql}"
    return set(re.findall(r"'([^']*)'", found.group(1)))


@pytest.mark.parametrize(("table", "column", "enum"), CHECKED_COLUMNS)
def test_the_schemas_check_constraints_allow_exactly_the_enums_values(
    tmp_path: Path, table: str, column: str, enum: type[vocab.StrEnum]
) -> None:
    open_ledger(tmp_path / "ledger.db")
    with sqlite3.connect(tmp_path / "ledger.db") as conn:
        (schema_sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
    assert allowed_values(schema_sql, column) == set(vocab.values(enum))


@pytest.mark.parametrize(("table", "column", "enum"), UNCHECKED_COLUMNS + CHECKED_COLUMNS)
def test_every_value_the_pipeline_writes_is_a_member(
    seeded_ledger: Path, table: str, column: str, enum: type[vocab.StrEnum]
) -> None:
    with sqlite3.connect(seeded_ledger) as conn:
        written = {row[0] for row in conn.execute(f"SELECT DISTINCT {column} FROM {table}")}
    assert written <= set(vocab.values(enum)), written - set(vocab.values(enum))


def test_members_are_the_strings_the_ledger_stores() -> None:
    assert vocab.LinkRelation.CONTRADICTS == "contradicts"
    assert f"{vocab.VerdictLabel.NOT_CHECKABLE}" == "not_checkable"
    assert set(vocab.PassageKind) > vocab.CLUTTER_KINDS
    assert vocab.CLAIM_BEARING_KINDS.isdisjoint(vocab.CLUTTER_KINDS)
    assert vocab.in_words(vocab.CitationStance) == "supports, contradicts or related"


def test_the_code_names_only_members() -> None:
    assert {kind for kind, _ in KIND_RULES} | {"statement"} <= set(vocab.ClaimKind)
    cue_modalities = {
        modality for code in registered_codes() for modality, _ in language_for(code).modality_cues
    }
    assert cue_modalities | {"asserted", "question"} <= set(vocab.Modality)
    assert sorted(VERDICT_LABELS) == sorted(vocab.VerdictLabel)
    assert set(VERDICT_WORDS) == set(VERDICT_SYMBOLS) == set(vocab.VerdictLabel)
    assert set(STANCE_WORDS) == set(vocab.CitationStance)
    assert set(SAME_WITNESS_RELATIONS) <= set(vocab.LinkRelation)
