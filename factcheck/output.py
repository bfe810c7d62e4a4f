"""One output layer for every listing command: a rich table on a terminal, or JSON, newline-
delimited JSON or CSV for machines."""

from __future__ import annotations

import csv
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import click
import rich.cells
from rich.console import Console
from rich.table import Table

from factcheck.text.spreadsheet import SAFE_CSV, UTF8_BOM, CsvOptions, spreadsheet_cell


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    style: str | None = None
    min_width: int | None = None
    max_width: int | None = None
    no_wrap: bool = False


OUTPUT_FLAGS = ("json", "nl", "csv")


def csv_options(command: Callable) -> Callable:
    """--csv-formulas / --bom, for every command that writes CSV."""
    command = click.option(
        "--bom",
        is_flag=True,
        help="CSV: start with a UTF-8 byte-order mark, for Excel.",
    )(command)
    return click.option(
        "--csv-formulas",
        is_flag=True,
        help="CSV: keep cells that start with = + - @ as they are (by default a ' goes before "
        "them, so a spreadsheet cannot run them as formulas).",
    )(command)


def output_options(command: Callable) -> Callable:
    """--json / --nl / --csv (one of them), shared by every listing command, with the CSV
    options; the command receives `output_format`."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        chosen = [name for name in OUTPUT_FLAGS if kwargs.pop(f"as_{name}")]
        if len(chosen) > 1:
            raise click.UsageError(
                " and ".join(f"--{name}" for name in chosen) + " are alternatives: give one"
            )
        click.get_current_context().meta["csv_options"] = CsvOptions(
            kwargs.pop("csv_formulas"), kwargs.pop("bom")
        )
        return command(*args, output_format=chosen[0] if chosen else None, **kwargs)

    options = [
        click.option("--json", "as_json", is_flag=True, help="Output JSON."),
        click.option("--nl", "as_nl", is_flag=True, help="Output one JSON per line."),
        click.option("--csv", "as_csv", is_flag=True, help="Output CSV."),
    ]
    wrapped: Callable = csv_options(wrapper)
    for option in reversed(options):
        wrapped = option(wrapped)
    return wrapped


def current_csv_options() -> CsvOptions:
    context = click.get_current_context(silent=True)
    return context.meta.get("csv_options", SAFE_CSV) if context else SAFE_CSV


# Width for tables written to a pipe or file, where there is no terminal to measure.
PIPE_WIDTH = 120


def stdout_console() -> Console:
    give_spacing_marks_a_cell()
    console = Console(soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    return console


@functools.cache
def give_spacing_marks_a_cell() -> None:
    """Measure text as terminals draw it: a spacing vowel sign (Unicode category Mc: Bengali
    া ি ী ে ো ৌ ং ঃ) takes a cell of its own.

    rich (15) counts these as zero cells, like the grapheme-cluster terminals, but glibc's
    wcwidth (and so xterm, VTE/GNOME Terminal, Konsole) and Windows Terminal give them one:
    every Bengali row of a table came out a few cells short and its column lines out of step
    with the other rows. rich has no hook for a character's width, so its table is rewritten
    once, before anything is measured; its cached measurements are cleared with it."""
    import unicodedata

    load = getattr(rich.cells, "load_cell_table", None)
    caches = [
        getattr(rich.cells, name, None) for name in ("get_character_cell_size", "cached_cell_len")
    ]
    if load is None or not all(hasattr(cache, "cache_clear") for cache in caches):
        return  # a rich that keeps its widths elsewhere measures as it does itself

    def with_spacing_marks(table_widths: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        widths: list[tuple[int, int, int]] = []
        for start, end, width in table_widths:
            if width != 0:
                widths.append((start, end, width))
                continue
            run_start = start
            for codepoint in range(start, end + 1):
                if unicodedata.category(chr(codepoint)) != "Mc":
                    continue
                if run_start < codepoint:
                    widths.append((run_start, codepoint - 1, 0))
                wide = unicodedata.east_asian_width(chr(codepoint)) in ("W", "F")
                widths.append((codepoint, codepoint, 2 if wide else 1))
                run_start = codepoint + 1
            if run_start <= end:
                widths.append((run_start, end, 0))
        return widths

    @functools.cache
    def load_with_spacing_marks(unicode_version: str = "auto") -> Any:
        table = load(unicode_version)
        try:
            return table._replace(widths=with_spacing_marks(table.widths))
        except (AttributeError, TypeError, ValueError):
            return table  # a table of another shape: rich's own measure, not a crash

    rich.cells.load_cell_table = load_with_spacing_marks
    for cache in caches:
        cache.cache_clear()


def emit(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    output_format: str | None,
    *,
    title: str | None = None,
) -> None:
    """Write rows in the chosen format. Machine formats carry every key of the rows; the table
    shows the given columns."""
    output_format = output_format or "table"
    if output_format == "json":
        json.dump(list(rows), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif output_format == "nl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif output_format == "csv":
        options = current_csv_options()
        keys = list(rows[0].keys()) if rows else [column.key for column in columns]
        if options.bom:
            sys.stdout.write(UTF8_BOM)
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {key: spreadsheet_cell(flatten(value), options) for key, value in row.items()}
            )
    else:
        table = Table(title=title, header_style="bold", expand=False)
        for column in columns:
            table.add_column(
                column.header,
                style=column.style,
                min_width=column.min_width,
                max_width=column.max_width,
                no_wrap=column.no_wrap,
                overflow="ellipsis" if column.no_wrap else "fold",
            )
        for row in rows:
            table.add_row(*(display(row.get(column.key)) for column in columns))
        stdout_console().print(table)


def flatten(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def display(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, float):
        return f"{value:.0%}" if 0 <= value <= 1 else f"{value:g}"
    return str(value)
