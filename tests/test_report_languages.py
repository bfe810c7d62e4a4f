"""The HTML report marks each quoted passage with its language and names fonts that cover
Bengali and Chinese (issue 16): a browser then picks a Bengali or CJK face for those runs, and
a screen reader the right voice."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli


def test_quotes_carry_their_language_and_the_fonts_cover_their_scripts(
    seeded_ledger: Path,
) -> None:
    result = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "report", "--format", "html"])
    assert result.exit_code == 0, result.output
    page = result.output
    for lang, letters in (("bn", "\u0980-\u09ff"), ("zh", "\u4e00-\u9fff")):
        marked = re.findall(rf'<[a-z]+[^>]* lang="{lang}"[^>]*>([^<]*)', page)
        assert marked, f"no element marked lang={lang}"
        assert any(re.search(f"[{letters}]", text) for text in marked), lang
    # Every quoted passage (claims, evidence, tensions, wordings) says its language.
    quotes = re.findall(r"<blockquote[^>]*>", page)
    assert quotes and all("lang=" in quote for quote in quotes), [
        quote for quote in quotes if "lang=" not in quote
    ]
    style = page[page.index("<style") : page.index("</style>")]
    assert "Noto Sans Bengali" in style and "Noto Sans CJK SC" in style
