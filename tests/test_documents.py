"""PDF and DOCX sources: their text, PDF page numbers on passages and citations, the kept bytes,
and each unreadable document as one line that changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.conftest import SEEDS
from tests.documents import encrypted_pdf, make_docx, make_pdf, scanned_pdf
from tests.test_fetch import ledger_dump
from tests.web import Response, Site

PRESS_RELEASE = [
    ["Ministry of Interior", "Press Release", "Islamabad, 12 March 2025"],
    [
        "Pakistan and China agreed to expand training for Islamabad Police officers.",
        "The programme covers modern policing techniques and counterterrorism.",
    ],
    [
        "Chinese Minister of Public Security Wang Xiaohong received the Pakistani delegation in Beijing on 11 March 2025.",
        "The ministry said 494 cameras were installed in Islamabad in 2024.",
    ],
]


def passages(ledger: Path) -> list[tuple]:
    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            """SELECT passages.page, substr(sources.text, start_offset + 1,
                      end_offset - start_offset)
               FROM passages JOIN sources ON sources.id = passages.source_id ORDER BY passages.id"""
        ).fetchall()


def test_pdf_passages_know_their_page(invoke, ledger: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(make_pdf(PRESS_RELEASE))
    result = invoke("ingest", str(pdf))
    assert result.exit_code == 0, result.output
    assert f"added #1 {pdf}" in result.output
    found = passages(ledger)
    pages = {text: page for page, text in found}
    assert pages["Ministry of Interior"] == 1
    assert pages["The ministry said 494 cameras were installed in Islamabad in 2024."] == 3
    assert {page for page, _ in found} == {1, 2, 3}
    record = json.loads(invoke("source", "1", "--json").output)
    assert record["format"] == "pdf" and record["snapshot_sha256"] == record["sha256"]
    assert [p["page"] for p in record["passages"]] == [page for page, _ in found]
    kept = tmp_path / "kept.pdf"
    assert invoke("source", "1", "--snapshot", "-o", str(kept)).exit_code == 0
    assert kept.read_bytes() == pdf.read_bytes()


def test_a_citation_of_a_pdf_names_its_page(invoke, ledger: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(make_pdf(PRESS_RELEASE))
    result = invoke("run", str(SEEDS), str(pdf))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(ledger) as conn:
        (pdf_id,) = conn.execute("SELECT id FROM sources WHERE format = 'pdf'").fetchone()
        citing = conn.execute(
            """SELECT DISTINCT verdicts.claim_id FROM citations
               JOIN verdicts ON verdicts.id = citations.verdict_id AND verdicts.is_current
               WHERE citations.source_id = ? ORDER BY verdicts.claim_id""",
            [pdf_id],
        ).fetchall()
    assert citing, "a seed claim is corroborated by the press release"
    page_of_line = {line: number for number, lines in enumerate(PRESS_RELEASE, 1) for line in lines}
    record = json.loads(invoke("claim", str(citing[0][0]), "--json").output)
    cited = [c for c in record["verdicts"][-1]["citations"] if c["source_id"] == pdf_id]
    assert cited
    for citation in cited:
        [line] = [line for line in page_of_line if citation["quote"] in line]
        assert citation["page"] == page_of_line[line]
    card = CliRunner().invoke(
        cli, ["--db", str(ledger), "claim", str(citing[0][0])], env={"COLUMNS": "400"}
    )
    assert f", p. {cited[0]['page']}" in card.output
    report = invoke("report").output
    assert f"(source {pdf_id}), p. {cited[0]['page']}, claim " in report


def test_docx_is_read_in_order_with_its_tables(invoke, ledger: Path, tmp_path: Path) -> None:
    document = tmp_path / "statement.docx"
    document.write_bytes(
        make_docx(
            "Statement on police training",
            [
                "Islamabad Police officers will train in Beijing from April 2025.",
                "About 120 officers are expected to take part in the first group.",
            ],
            [["Group", "Officers"], ["First", "120"]],
        )
    )
    result = invoke("ingest", str(document))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(ledger) as conn:
        text, format = conn.execute("SELECT text, format FROM sources").fetchone()
    assert format == "docx"
    assert text == (
        "Statement on police training\n\n"
        "Islamabad Police officers will train in Beijing from April 2025.\n\n"
        "About 120 officers are expected to take part in the first group.\n\n"
        "Group | Officers\n\nFirst | 120"
    )
    assert [page for page, _ in passages(ledger)] == [None] * 5


def test_pdf_and_docx_fetched_by_url(invoke, ledger: Path, site: Site) -> None:
    site.set("/release.pdf", Response(content_type="application/pdf", body=make_pdf(PRESS_RELEASE)))
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    body = make_docx("Statement", ["Islamabad Police officers will train in Beijing."])
    site.set("/statement", Response(content_type=docx_type, body=body))
    result = invoke("ingest", site.url("/release.pdf"), site.url("/statement"))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(ledger) as conn:
        found = conn.execute(
            "SELECT format, content_type, final_url FROM sources ORDER BY id"
        ).fetchall()
    assert found == [
        ("pdf", "application/pdf", site.url("/release.pdf")),
        ("docx", docx_type, site.url("/statement")),
    ]
    assert 3 in {page for page, _ in passages(ledger)}


def test_folders_take_pdf_and_docx_files(invoke, ledger: Path, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(make_pdf(PRESS_RELEASE))
    (folder / "b.docx").write_bytes(make_docx("Statement", ["Officers will train in Beijing."]))
    (folder / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = invoke("ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "2 added, 0 new versions, 0 unchanged, 0 skipped" in result.output


BAD_DOCUMENTS = [
    ("locked.pdf", lambda: encrypted_pdf(PRESS_RELEASE), "an encrypted PDF: it needs a password"),
    ("scan.pdf", lambda: scanned_pdf(3), "a PDF with no text layer (3 pages, a scan?): run OCR"),
    ("cut.pdf", lambda: make_pdf(PRESS_RELEASE)[:400], "not a readable PDF ("),
    ("noise.pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8, "not a readable PDF ("),
    ("cut.docx", lambda: make_docx("T", ["Some text here."])[:600], "not a readable DOCX document"),
    ("text.docx", lambda: b"just some words, not a document", "not a readable DOCX document"),
]


@pytest.mark.parametrize(
    "name, make, message", BAD_DOCUMENTS, ids=[case[0] for case in BAD_DOCUMENTS]
)
def test_unreadable_document_is_one_line_and_changes_nothing(
    invoke, ledger: Path, tmp_path: Path, name: str, make, message: str
) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(make_pdf(PRESS_RELEASE))
    assert invoke("ingest", str(good)).exit_code == 0
    before = ledger_dump(ledger)
    bad = tmp_path / name
    bad.write_bytes(make())
    result = invoke("ingest", str(bad))
    assert result.exit_code == 1, result.output
    [line] = [line for line in result.output.splitlines() if line.strip().startswith("skipped ")]
    assert line.strip().startswith(f"skipped {bad}: {message}"), line
    assert "Traceback" not in result.output
    assert ledger_dump(ledger) == before


def test_unreadable_pdf_by_url_is_one_line(invoke, site: Site) -> None:
    site.set(
        "/locked.pdf", Response(content_type="application/pdf", body=encrypted_pdf(PRESS_RELEASE))
    )
    result = invoke("ingest", site.url("/locked.pdf"))
    assert result.exit_code == 1
    assert (
        f"skipped {site.url('/locked.pdf')}: an encrypted PDF: it needs a password" in result.output
    )
