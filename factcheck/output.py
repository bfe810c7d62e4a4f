"""One output layer for every listing command: a rich table on a terminal, or JSON, newline-
delimited JSON or CSV for machines."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import click
from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    style: str | None = None
    min_width: int | None = None
    max_width: int | None = None
    no_wrap: bool = False


def output_options(command: Callable) -> Callable:
    """--json / --nl / --csv, shared by every listing command."""
    options = [
        click.option("--json", "output_format", flag_value="json", help="Output JSON."),
        click.option("--nl", "output_format", flag_value="nl", help="Output one JSON per line."),
        click.option("--csv", "output_format", flag_value="csv", help="Output CSV."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


# Width for tables written to a pipe or file, where there is no terminal to measure.
PIPE_WIDTH = 120


def stdout_console() -> Console:
    console = Console(soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    return console


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
        keys = list(rows[0].keys()) if rows else [column.key for column in columns]
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: flatten(value) for key, value in row.items()})
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
