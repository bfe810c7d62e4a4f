"""Rich cards for the terminal: one source with its passages."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.ingest.passages import CLUTTER_KINDS
from factcheck.output import stdout_console

KIND_STYLES = {"body": "", "title": "bold", "heading": "bold cyan", "duplicate": "dim magenta"}


def source_card(source: dict[str, Any], passages: list[dict[str, Any]]) -> Group:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    evidence = source["metadata_evidence"]
    for label, key in (
        ("Title", "title"),
        ("Outlet", "outlet"),
        ("URL", "url"),
        ("Published", "published"),
    ):
        value = source[key]
        shown = Text(str(value) if value else "— (not given by the text)")
        if value and key in evidence:
            shown.append(f"  ← {evidence[key]}", style="dim")
        facts.add_row(label, shown)
    facts.add_row("Languages", ", ".join(source["languages"]) or "—")
    facts.add_row(
        "Path", f"{source['path']} (version {source['version']}, sha256 {source['sha256'][:12]}…)"
    )
    if source.get("copy_of"):
        facts.add_row("Copy of", f"source {source['copy_of']}")
    table = Table(header_style="bold", expand=True)
    table.add_column("#", justify="right")
    table.add_column("lang")
    table.add_column("kind", max_width=24)
    table.add_column("span", justify="right", no_wrap=True)
    table.add_column("text", ratio=1, min_width=30, overflow="fold")
    for passage in passages:
        kind = passage["kind"]
        style = "dim red" if kind in CLUTTER_KINDS else KIND_STYLES.get(kind, "")
        snippet = passage["text"] if len(passage["text"]) <= 160 else passage["text"][:157] + "…"
        kind_text = Text(kind, style=style or None)
        if kind != "body":
            kind_text.append(f"\n{passage['kind_reason']}", style="dim")
        table.add_row(
            str(passage["seq"]),
            passage["lang"] or "—",
            kind_text,
            f"{passage['start_offset']}–{passage['end_offset']}",
            Text(snippet, style=style or None),
        )
    return Group(Panel(facts, title=f"Source {source['id']}", expand=True), table)


def print_card(renderable: Any) -> None:
    stdout_console().print(renderable)
