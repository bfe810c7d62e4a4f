"""Everything that comes from a source or a person is escaped for the output it lands in
(OWASP): Markdown, CSV (formula injection), ClaimReview JSON-LD pasted into a <script>."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli

HOSTILE_TITLE = '=HYPERLINK("http://evil.example","click") [x](javascript:alert(1))'
ARTICLE = f"""<html><head><title>{HOSTILE_TITLE}</title></head><body><article>
<p>The ministry said 1,200 police officers were deployed in Lahore on 3 May 2024 to guard the
<b>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</b> stadium.</p>
<p>=SUM(A1:A9) Officials said 40 people were arrested in Karachi on 4 May 2024 after the
protest.</p></article></body></html>
"""
REVIEWER = "<img src=x onerror=alert(1)>"
NOTE = "[x](javascript:alert(1)) and <script>alert(2)</script>"


@pytest.fixture(scope="module")
def hostile_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "article.html"
    article.write_text(ARTICLE, encoding="utf-8")
    ledger = folder / "ledger.db"
    assert invoke(ledger, "run", str(article)).exit_code == 0
    for claim_id in (1, 2):
        reviewed = invoke(ledger, "review", str(claim_id), "--verdict", "contradicted",
                          "--by", REVIEWER, "--note", NOTE)  # fmt: skip
        assert reviewed.exit_code == 0, reviewed.output
    return ledger


def invoke(ledger: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(ledger), *args])


def test_markdown_escapes_the_reviewer_the_note_and_the_source(hostile_ledger: Path) -> None:
    report = invoke(hostile_ledger, "report").output
    assert "reviewed by" in report
    for raw in ("<img", "<script", "</script", "](javascript:", "[x]("):
        assert raw not in report, f"{raw!r} reached the Markdown unescaped"
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in report


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_export_csv_neutralises_formulas_unless_asked(hostile_ledger: Path) -> None:
    rows = csv_rows(invoke(hostile_ledger, "export", "--format", "csv").output)
    cells = [cell for row in rows for cell in row.values() if cell]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert any(row["source"] == "'" + HOSTILE_TITLE for row in rows)
    assert any(row["text"].startswith("'=SUM(A1:A9)") for row in rows)
    raw = csv_rows(invoke(hostile_ledger, "export", "--format", "csv", "--csv-formulas").output)
    assert any(row["source"] == HOSTILE_TITLE for row in raw)


@pytest.mark.parametrize(
    "args", [["sources"], ["claims", "--all"], ["verdicts"]], ids=lambda args: args[0]
)
def test_every_csv_listing_neutralises_formulas(hostile_ledger: Path, args: list[str]) -> None:
    result = invoke(hostile_ledger, *args, "--csv")
    assert result.exit_code == 0, result.output
    cells = [cell for row in csv_rows(result.output) for cell in row.values() if cell]
    assert cells and not [cell for cell in cells if cell.startswith(FORMULA_START)]
    kept = invoke(hostile_ledger, *args, "--csv", "--csv-formulas").output
    assert "=HYPERLINK" in kept or "=SUM" in kept
    assert "'=HYPERLINK" not in kept and "'=SUM" not in kept


def test_csv_with_a_byte_order_mark_for_spreadsheets(hostile_ledger: Path) -> None:
    listed = invoke(hostile_ledger, "sources", "--csv", "--bom").output
    exported = invoke(hostile_ledger, "export", "--format", "csv", "--bom").output
    assert listed.startswith("\ufeffid,") and exported.startswith("\ufeffclaim_id,")
    assert not invoke(hostile_ledger, "sources", "--csv").output.startswith("\ufeff")


def test_json_and_csv_together_is_an_error(hostile_ledger: Path) -> None:
    result = invoke(hostile_ledger, "claims", "--json", "--csv")
    assert result.exit_code == 2
    assert "--json and --csv are alternatives: give one" in result.output


def test_claimreview_json_ld_cannot_close_a_script_element(hostile_ledger: Path) -> None:
    text = invoke(hostile_ledger, "export", "--format", "claimreview").stdout
    for raw in ("<", ">", "&"):
        assert raw not in text
    assert "\\u003c/script\\u003e" in text
    reviews = json.loads(text)
    assert any("</script><script>alert(1)</script>" in json.dumps(r, ensure_ascii=False)
               for r in reviews)  # fmt: skip
