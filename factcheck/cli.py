"""The factcheck command line: parse options, call the library, render. No logic of its own."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlite_utils import Database

from factcheck import __version__
from factcheck.db import LedgerError, describe_sqlite_error, open_ledger, resolve_ledger_path
from factcheck.export import export_document, write_output
from factcheck.ingest import IngestReport, ingest_paths
from factcheck.output import Column, emit, output_options
from factcheck.render import print_card, source_card
from factcheck.sources import UnknownIdError, get_passages, get_source, list_sources

STATUS_STYLES = {"added": "green", "new_version": "yellow", "unchanged": "dim", "skipped": "red"}


class Context:
    def __init__(self, db_option: str | None) -> None:
        self.ledger_path = resolve_ledger_path(db_option)

    def open(self, *, create: bool = True) -> Database:
        return open_ledger(self.ledger_path, create=create)


def user_errors(command: Callable) -> Callable:
    """Turn errors a user can cause into one clear line and a non-zero exit, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except LedgerError as error:
            raise click.ClickException(str(error)) from error
        except UnknownIdError as error:
            raise click.ClickException(str(error)) from error
        except sqlite3.Error as error:
            raise click.ClickException(
                f"ledger error: {describe_sqlite_error(error)}; nothing was changed"
            ) from error
        except BrokenPipeError:
            raise  # a closed pipe is not an error: main() ends quietly
        except OSError as error:
            where = f": {error.filename}" if error.filename else ""
            raise click.ClickException(f"{error.strerror or error}{where}") from error

    return wrapper


def show_progress() -> bool:
    """A progress bar on a terminal only: quiet in pipes and under CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def progress_bar(description: str) -> Iterator[Callable[[str, int, int], None] | None]:
    if not show_progress():
        yield None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("[dim]{task.fields[item]}"),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=None, item="")

        def update(item: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, item=item[-50:])

        yield update


@click.group()
@click.version_option(__version__, prog_name="factcheck")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="Ledger file (default: $FACTCHECK_DB, then ./factcheck.db).",
)
@click.pass_context
def cli(ctx: click.Context, db_path: str | None) -> None:
    """factcheck: a fact-checking workbench for the terminal.

    Ingest news articles into a SQLite ledger, extract their claims, and check them across sources.
    """
    ctx.obj = Context(db_path)


def print_ingest_report(report: IngestReport) -> None:
    console = Console(stderr=True, highlight=False)
    for outcome in report.outcomes:
        style = STATUS_STYLES[outcome.status]
        label = outcome.status.replace("_", " ")
        source = (
            f" #{outcome.source_id}" if outcome.source_id and outcome.status != "skipped" else ""
        )
        console.print(
            f"[{style}]{label:>11}[/]{source} {outcome.path}: {outcome.message}", soft_wrap=True
        )
    console.print(
        f"{report.count('added')} added, {report.count('new_version')} new versions, "
        f"{report.count('unchanged')} unchanged, {report.count('skipped')} skipped"
    )


def ingest_or_fail(db: Database, paths: tuple[str, ...]) -> IngestReport:
    with progress_bar("Ingesting") as on_progress:
        report = ingest_paths(db, paths, on_progress=on_progress)
    print_ingest_report(report)
    if report.outcomes and report.count("skipped") == len(report.outcomes):
        raise click.ClickException("nothing was ingested")
    return report


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
@user_errors
def ingest(obj: Context, paths: tuple[str, ...]) -> None:
    """Ingest files, folders (recursively) and '-' (standard input) as sources.

    Plain text, Markdown and HTML. The same bytes twice add nothing; changed content at a known
    path becomes a new version of that source.
    """
    ingest_or_fail(obj.open(), paths)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
@user_errors
def run(obj: Context, paths: tuple[str, ...]) -> None:
    """Run the whole pipeline on PATHS: ingest, then every later stage."""
    ingest_or_fail(obj.open(), paths)


SOURCE_COLUMNS = [
    Column("id", "id", style="bold", min_width=2, no_wrap=True),
    Column("title", "title", min_width=12, max_width=48),
    Column("outlet", "outlet", min_width=8, max_width=24),
    Column("published", "published", min_width=10, no_wrap=True),
    Column("languages", "languages", min_width=9, no_wrap=True),
    Column("passages", "passages", min_width=8, no_wrap=True),
    Column("clutter_share", "clutter", min_width=7, no_wrap=True),
]


@cli.command()
@click.option("--all-versions", is_flag=True, help="Include superseded versions of sources.")
@output_options
@click.pass_obj
@user_errors
def sources(obj: Context, all_versions: bool, output_format: str | None) -> None:
    """List the sources in the ledger."""
    rows = list_sources(obj.open(create=False), include_old_versions=all_versions)
    emit(rows, SOURCE_COLUMNS, output_format, title="Sources")


@cli.command()
@click.argument("source_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@click.pass_obj
@user_errors
def source(obj: Context, source_id: int, as_json: bool) -> None:
    """Show one source: its metadata and its passages, with language and kind."""
    db = obj.open(create=False)
    record = get_source(db, source_id)
    passages = get_passages(db, source_id)
    if as_json:
        record.pop("text")
        click.echo(json.dumps({**record, "passages": passages}, ensure_ascii=False, indent=2))
    else:
        print_card(source_card(record, passages))


@cli.command()
@click.option(
    "--format", "export_format", type=click.Choice(["json"]), default="json", show_default=True
)
@click.option("-o", "--output", default="-", help="File to write, or '-' for standard output.")
@click.option("--force", is_flag=True, help="Write through a symbolic link at the output path.")
@click.pass_obj
@user_errors
def export(obj: Context, export_format: str, output: str, force: bool) -> None:
    """Export the whole ledger (sources, passages, claims, ...) as one JSON document."""
    document = export_document(obj.open(create=False))
    content = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        write_output(content, output, force=force)
    except FileExistsError as error:
        raise click.ClickException(str(error)) from error


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which click turns into "Aborted!" and exit status 1."""


def raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted


def interrupted_message() -> str:
    from factcheck.db import committed_transactions  # read now: the count this run reached

    if committed_transactions:
        return "interrupted; the ledger's changes were already complete"
    return "interrupted; the ledger is unchanged"


def main() -> None:
    """Entry point: a closed pipe (`factcheck sources | head`) ends quietly; Ctrl-C ends with one
    line and status 130, after the open transaction (if any) has rolled back."""
    signal.signal(signal.SIGINT, raise_interrupted)
    try:
        cli()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except (Interrupted, KeyboardInterrupt):
        print(interrupted_message(), file=sys.stderr)
        sys.exit(130)
