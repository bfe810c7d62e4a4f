"""Tables stay aligned with Bengali and Chinese in them: measured as a terminal draws them (a Han
character two cells, a Bengali spacing vowel sign one, a virama or nukta none), every line of a
table is as wide as its border and every column line falls in the same place on every row."""

from __future__ import annotations

import ctypes
import ctypes.util
import locale
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

VERTICALS = set("│┃┆┊║")
TABLE_COMMANDS = [
    ["sources"],
    ["claims", "--lang", "bn"],
    ["claims", "--lang", "zh", "--all"],
    ["entities", "--variants"],
    ["tensions"],
    ["verdicts"],
    ["names", "compare", "মহসিন নাকভি", "莫辛·纳克维"],
]


def terminal_width(char: str) -> int:
    """glibc's wcwidth rule (xterm, VTE, Konsole, Windows Terminal): format characters and
    non-spacing or enclosing marks take no cell, East Asian wide and full-width characters two,
    everything else (spacing marks included) one."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf") and char != "\u00ad":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def columns_of(line: str) -> tuple[int, list[int]]:
    """The line's width in cells and the cells where its column lines stand."""
    position, verticals = 0, []
    for char in line:
        if char in VERTICALS:
            verticals.append(position)
        position += terminal_width(char)
    return position, verticals


def test_the_width_rule_is_glibcs() -> None:
    """The rule above is what the C library's wcwidth says, where the machine has one."""
    name = ctypes.util.find_library("c")
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no C.UTF-8 locale to ask wcwidth in")
    if not name:
        pytest.skip("no C library to ask")
    wcwidth = ctypes.CDLL(name).wcwidth
    wcwidth.argtypes = [ctypes.c_wchar]
    sample = "চীনা নাগরিকদের নিরাপত্তা ক্ষমতা ৭ জানুয়ারি 纳克维，内政部长。Naqvi"
    assert [wcwidth(char) for char in sample] == [terminal_width(char) for char in sample]


@pytest.mark.parametrize("args", TABLE_COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_tables_line_up_in_every_script(seeded_ledger: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["--db", str(seeded_ledger), *args], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line[:1] in set("┏┃┡│└")]
    assert len(lines) > 4, result.output
    assert any("\u0980" <= char <= "\u09ff" for char in result.output) or args[0] in (
        "claims",
        "verdicts",
    ), "no Bengali in the table: the test would prove nothing"
    width, _ = columns_of(lines[0])
    header = columns_of(next(line for line in lines if line.startswith("┃")))[1]
    body = columns_of(next(line for line in lines if line.startswith("│")))[1]
    for line in lines:
        line_width, verticals = columns_of(line)
        assert line_width == width, f"{line_width} cells, not {width}: {line}"
        if line.startswith("┃"):
            assert verticals == header, line
        elif line.startswith("│"):
            assert verticals == body, line


def test_a_rich_without_its_cell_table_still_prints_tables() -> None:
    """The width fix rewrites rich's private cell table; a rich release that keeps it in another
    shape must not break listings: the fix steps aside and rich measures as it does itself."""
    import subprocess
    import sys

    program = (
        "import types, rich.cells\n"
        "load = rich.cells.load_cell_table\n"
        "rich.cells.load_cell_table = lambda v='auto': types.SimpleNamespace(**load(v)._asdict())\n"
        "from factcheck.output import Column, emit\n"
        "emit([{'name': 'মহসিন নাকভি'}], [Column('name', 'name')], 'table')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stderr
    assert "মহসিন নাকভি" in done.stdout
