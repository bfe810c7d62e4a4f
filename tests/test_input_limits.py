"""Inputs that would hurt: a source with more passages than any article (capped, with a message),
a page too large for trafilatura's comparisons (read block by block), symbolic links that leave
the folder being ingested (skipped unless --follow-links), file names with line breaks (quoted
in the one-line-per-file output)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.ingest.html import LARGE_PAGE_CHARS, extract_article
from factcheck.ingest.passages import MAX_PASSAGES_PER_SOURCE


def invoke(ledger: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(ledger), *args])


def passage_count(ledger: Path) -> int:
    with sqlite3.connect(ledger) as conn:
        return conn.execute("SELECT COUNT(*) FROM passages").fetchone()[0]


def test_passages_per_source_are_capped_with_a_message(tmp_path: Path) -> None:
    lines = MAX_PASSAGES_PER_SOURCE + 5
    article = tmp_path / "lines.txt"
    article.write_text(
        "\n\n".join(f"Line {n} says the bridge opened." for n in range(lines)), encoding="utf-8"
    )
    ledger = tmp_path / "ledger.db"
    result = invoke(ledger, "ingest", str(article))
    assert result.exit_code == 0, result.output
    assert (
        f"only the first {MAX_PASSAGES_PER_SOURCE:,} of its {lines:,} passages kept "
        f"(at most {MAX_PASSAGES_PER_SOURCE:,} a source)" in result.output
    )
    assert passage_count(ledger) == MAX_PASSAGES_PER_SOURCE


def test_a_very_large_page_is_read_block_by_block() -> None:
    paragraphs = [f"Paragraph {n} of the long page." for n in range(40_000)]
    page = (
        "<html><head><title>A long page</title><script>var secret = 1;</script></head><body>"
        "<nav>Home | News</nav>"
        + "".join(f"<p>{text}</p>\n" for text in paragraphs)
        + "<footer>Copyright</footer></body></html>"
    )
    assert len(page) > LARGE_PAGE_CHARS
    article = extract_article(page)
    assert article.title == "A long page"
    assert article.text.splitlines() == paragraphs
    assert "secret" not in article.text and "Home" not in article.text


def test_symbolic_links_out_of_the_folder_are_skipped_unless_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("The vault code is 4417, the guard said on 2 May 2024.\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "article.txt").write_text(
        "The bridge opened on 3 May 2024 after 14 months of work.\n", encoding="utf-8"
    )
    (folder / "inner.txt").symlink_to(folder / "article.txt")  # stays inside: read (same bytes)
    (folder / "leak.txt").symlink_to(secret)
    ledger = tmp_path / "ledger.db"
    result = invoke(ledger, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert (
        f"{folder / 'leak.txt'}: a symbolic link to {secret}, outside the folder being ingested "
        "(--follow-links reads it)"
    ) in result.output
    with sqlite3.connect(ledger) as conn:
        assert not conn.execute("SELECT 1 FROM sources WHERE text LIKE '%vault%'").fetchall()
    followed = invoke(ledger, "ingest", "--follow-links", str(folder))
    assert followed.exit_code == 0, followed.output
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT 1 FROM sources WHERE text LIKE '%vault%'").fetchall()


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "two\nlines [bold]x.txt").write_text(
        "The bridge opened on 3 May 2024 after 14 months of work.\n", encoding="utf-8"
    )
    result = invoke(tmp_path / "ledger.db", "ingest", str(folder))
    assert result.exit_code == 0, result.output
    added = [line for line in result.output.splitlines() if "added #" in line]
    assert len(added) == 1
    assert '"' + str(folder) + '/two\\nlines [bold]x.txt"' in added[0]
