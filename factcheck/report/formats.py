"""The one registry of output formats, read by both `factcheck export --format` and
`factcheck report --format` (their choices and help come from here).

A new format is one module with a function `render(db, options) -> str` and one entry in FORMATS
naming it ("module:function"); the module is imported only when its format is asked for.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING

from factcheck.report.claimreview import DEFAULT_ORG, DEFAULT_ORG_URL, DEFAULT_URL_BASE
from factcheck.text.spreadsheet import CsvOptions

if TYPE_CHECKING:
    from sqlite_utils import Database

    from factcheck.report.data import Report, ReportFilter

EXPORT = "export"
REPORT = "report"
DEFAULT_TITLE = "Fact-check report"


def no_filter() -> ReportFilter:
    """Every claim (the report.data import waits until a format is rendered)."""
    from factcheck.report.data import ReportFilter

    return ReportFilter()


@dataclass(frozen=True)
class FormatOptions:
    """What a command passes every format; each format reads the options it needs."""

    report_filter: ReportFilter = field(default_factory=no_filter)
    title: str = DEFAULT_TITLE
    org: str = DEFAULT_ORG  # ClaimReview: who reviews, their site, where the report lives
    org_url: str = DEFAULT_ORG_URL
    url_base: str = DEFAULT_URL_BASE
    csv: CsvOptions = field(default_factory=CsvOptions)


@dataclass(frozen=True)
class OutputFormat:
    name: str  # the --format value
    command: str  # EXPORT or REPORT: the command that offers it
    help: str  # one clause, for the command's --help
    renderer: str  # "module:function", the function taking (db, FormatOptions) -> str

    def render(self, db: Database, options: FormatOptions) -> str:
        module, function = self.renderer.split(":")
        renderer: Callable[[Database, FormatOptions], str] = getattr(
            import_module(module), function
        )
        return renderer(db, options)


FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat("json", EXPORT, "the whole ledger", f"{__name__}:ledger_json"),
    OutputFormat(
        "csv", EXPORT, "one row per claim with its verdict and best citation", f"{__name__}:csv"
    ),
    OutputFormat(
        "claimreview",
        EXPORT,
        "schema.org ClaimReview JSON-LD for every reviewed claim",
        f"{__name__}:claimreview",
    ),
    OutputFormat("md", REPORT, "Markdown", f"{__name__}:markdown"),
    OutputFormat(
        "html",
        REPORT,
        "one self-contained page (inline CSS, no script, no network)",
        f"{__name__}:html",
    ),
)


def formats_of(command: str) -> tuple[OutputFormat, ...]:
    return tuple(output_format for output_format in FORMATS if output_format.command == command)


def format_names(command: str) -> list[str]:
    return [output_format.name for output_format in formats_of(command)]


def format_help(command: str) -> str:
    """'json: the whole ledger; csv: ...': every format of a command, for its --help."""
    return "; ".join(f"{f.name}: {f.help}" for f in formats_of(command)) + "."


def output_format(name: str, command: str) -> OutputFormat:
    for candidate in formats_of(command):
        if candidate.name == name:
            return candidate
    raise ValueError(f"no {command} format {name!r}: choose one of {format_names(command)}")


def render(name: str, command: str, db: Database, options: FormatOptions) -> str:
    return output_format(name, command).render(db, options)


# The shipped formats' renderers: each reads the ledger the way its module expects, and each
# imports what it needs when it runs (the registry is read by every `--help`).


def report_of(db: Database, options: FormatOptions) -> Report:
    from factcheck.report.data import gather_report

    return gather_report(db, options.report_filter)


def ledger_json(db: Database, options: FormatOptions) -> str:
    from factcheck.report.export import export_document

    return json.dumps(export_document(db), ensure_ascii=False, indent=2) + "\n"


def csv(db: Database, options: FormatOptions) -> str:
    from factcheck.report.tabular import claims_csv

    return claims_csv(report_of(db, options), options.csv)


def claimreview(db: Database, options: FormatOptions) -> str:
    from factcheck.report.claimreview import Publisher, claim_reviews

    publisher = Publisher(options.org, options.org_url or None, options.url_base)
    reviews = claim_reviews(report_of(db, options), publisher)
    return script_safe_json(reviews) + "\n"


def script_safe_json(value: object) -> str:
    """JSON that can be pasted into <script type="application/ld+json">, as ClaimReview is
    published: <, > and & are written as \\u escapes, so a quote holding </script> cannot end
    the script element (the JSON means the same)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def markdown(db: Database, options: FormatOptions) -> str:
    from factcheck.report.markdown import render_markdown

    return render_markdown(report_of(db, options), title=options.title)


def html(db: Database, options: FormatOptions) -> str:
    from factcheck.report.html import render_html

    return render_html(report_of(db, options), title=options.title)
