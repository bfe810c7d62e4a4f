"""The public API in factcheck/__init__.py: every name it offers resolves, and a notebook can run
the pipeline and read a report through it alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from tests.conftest import SEEDS


@pytest.mark.parametrize("name", factcheck.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(factcheck, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'verdict'"):
        factcheck.verdict  # noqa: B018


def test_the_pipeline_through_the_public_api(tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    db = factcheck.open_ledger(tmp_path / "ledger.db")
    factcheck.run_pipeline(db, [str(seed)])
    report = factcheck.gather_report(db, factcheck.ReportFilter())
    assert report.claims and {claim.source_id for claim in report.claims} == {1}
    assert factcheck.export_document(db)["claims"]
    assert factcheck.language_for("ur").is_fallback
