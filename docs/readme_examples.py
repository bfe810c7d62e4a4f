"""The README's command output, generated from the code with cog (cogapp), so the figures in it
are the ones factcheck gives today. Regenerate:  python -m cogapp -r README.md
(`tests/test_readme.py` fails when the README is stale).

Each example runs the real CLI on a ledger in a temporary folder, from the repository root, at
a fixed width of 120 columns; one ledger is shared by the examples of one cog run.
"""

from __future__ import annotations

import atexit
import datetime
import os
import re
import sys
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


@cache
def _ledger_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="factcheck-readme-"))


# The address the README tells a reader to serve the fixtures on (python -m tests.web 8000); the
# examples serve them on a free port and show this one.
SHOWN_SITE = "http://127.0.0.1:8000"
PROXY_VARIABLES = (
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
)


_servers: list[AbstractContextManager] = []


@cache
def _site() -> str:
    """The test fixtures (tests/web.py) served on 127.0.0.1 for this cog run: its base URL."""
    from tests.web import serve

    for name in PROXY_VARIABLES:  # a proxy would carry the requests elsewhere
        os.environ.pop(name, None)
    running = None
    for port in range(8000, 9000):  # a port as wide as 8000, so tables keep their layout
        try:
            running = serve(port)
            base = running.__enter__().base
            break
        except OSError:
            continue
    assert running is not None, "no free port in 8000-8999 to serve the fixtures on"
    _servers.append(running)  # kept, or the collected context would close the server
    # Closed at exit while its thread still runs: shutdown() waits for the serving loop, which
    # a frozen daemon thread at the end of the interpreter would never finish.
    atexit.register(running.__exit__, None, None, None)
    return base


def _shown(text: str) -> str:
    """Output as the README shows it: the served port as 8000, paths relative to the repository,
    and the moment of this run (fetch times, a report's date, a verdict's day) as placeholders of
    the same width, so a table keeps its layout and the README does not go stale by the day."""
    if "_site" in globals() and _site.cache_info().currsize:
        port = _site().rsplit(":", 1)[1]
        text = text.replace(f"127.0.0.1:{port}", "127.0.0.1:8000")
    text = text.replace(f"{REPO}/", "").replace(f"{_ledger_folder()}/", "")
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    text = re.sub(rf"{today}T\d\d:\d\d:\d\d", "YYYY-MM-DDTHH:MM:SS", text)
    return text.replace(today, "YYYY-MM-DD")


def ledger_path(name: str) -> Path:
    return _ledger_folder() / f"{name}.db"


def factcheck(
    *args: str,
    ledger: str = "seeds",
    keep: Callable[[list[str]], list[str]] | None = None,
    start_from: str | None = None,
    input: str | None = None,
    shown: str | None = None,
    before: str = "",
    after: str = "",
    in_ledger_folder: bool = False,
) -> str:
    """`$ factcheck ARGS` and what it prints (standard output and error, in the order they were
    written), as a console block's lines; `keep` may shorten it (the README elides long output).

    `{site}` in an argument is the served fixtures' address (`{tls_site}` the same with https);
    `start_from` copies another example's ledger first (so a section's changes stay its own);
    `input` is standard input; `shown` is the command line to show instead of ARGS, `before` and
    `after` what the shown line has around it (a pipe; `keep` then does what the pipe would);
    `in_ledger_folder` runs the command in the temporary folder (for a command that writes a
    file) instead of the repository."""
    import sqlite3

    from click.testing import CliRunner

    from factcheck.cli import cli

    if any("site}" in arg for arg in args):
        base = _site()
        tls = base.replace("http://", "https://")
        args = tuple(arg.replace("{site}", base).replace("{tls_site}", tls) for arg in args)
    os.environ["COLUMNS"] = "120"
    path = ledger_path(ledger)
    if start_from and not path.exists():
        with sqlite3.connect(ledger_path(start_from)) as original, sqlite3.connect(path) as copy:
            original.backup(copy)
    previous = Path.cwd()
    os.chdir(_ledger_folder() if in_ledger_folder else REPO)
    try:
        result = CliRunner().invoke(
            cli, ["--db", str(path), *args], env={"COLUMNS": "120"}, input=input
        )
    finally:
        os.chdir(previous)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    lines = _shown(result.output).rstrip("\n").splitlines()
    if keep:
        lines = keep(lines)
    if shown is None:
        shown = _shown(" ".join(f'"{arg}"' if " " in arg else arg for arg in args))
    return "\n".join([f"$ {before}factcheck {shown}{after}", *lines])


def find_id(sql: str, *params: object, ledger: str = "seeds") -> int:
    """The id an SQL query finds in an example's ledger: the README names claims and entities
    by what they say, so an id that moves with the code moves in the README too."""
    import sqlite3

    with sqlite3.connect(ledger_path(ledger)) as conn:
        row = conn.execute(sql, params).fetchone()
    if row is None:
        raise LookupError(f"no claim for {sql} {params}")
    return int(row[0])


def between(
    start: str, end: str | None = None, *, elide: bool = True
) -> Callable[[list[str]], list[str]]:
    """The lines from the first that contains `start` up to the first after it that contains
    `end` (included), with "..." where lines were left out."""

    def keep(lines: list[str]) -> list[str]:
        first_line = next(i for i, line in enumerate(lines) if start in line)
        last_line = len(lines) - 1
        if end is not None:
            last_line = next(i for i in range(first_line, len(lines)) if end in lines[i])
        kept = lines[first_line : last_line + 1]
        if elide and first_line > 0:
            kept = ["...", *kept]
        if elide and last_line < len(lines) - 1:
            kept = [*kept, "..."]
        return kept

    return keep


def first(count: int, last: int = 0) -> Callable[[list[str]], list[str]]:
    """The first `count` lines, "...", and the last `last` lines."""

    def keep(lines: list[str]) -> list[str]:
        if len(lines) <= count + last:
            return lines
        return [*lines[:count], "  ...", *(lines[-last:] if last else [])]

    return keep


def console(*blocks: str, fence: str = "console") -> None:
    """Print a console block (or another fenced block) for cog."""
    import cog  # type: ignore[import-not-found]  # provided by cogapp while it runs

    cog.outl(f"```{fence}")
    for block in blocks:
        cog.outl(block)
    cog.outl("```")
