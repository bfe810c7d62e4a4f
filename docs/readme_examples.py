"""The README's command output, generated from the code with cog (cogapp), so the figures in it
are the ones factcheck gives today. Regenerate:  python -m cogapp -r README.md
(`tests/test_readme.py` fails when the README is stale).

Each example runs the real CLI on a ledger in a temporary folder, from the repository root, at
a fixed width of 120 columns; one ledger is shared by the examples of one cog run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


@cache
def _ledger_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="factcheck-readme-"))


def factcheck(
    *args: str, ledger: str = "seeds", keep: Callable[[list[str]], list[str]] | None = None
) -> str:
    """`$ factcheck ARGS` and what it prints (standard output, then standard error), as a console
    block's lines; `keep` may shorten the output (the README elides long listings)."""
    from click.testing import CliRunner

    from factcheck.cli import cli

    os.environ["COLUMNS"] = "120"
    previous = Path.cwd()
    os.chdir(REPO)
    try:
        path = _ledger_folder() / f"{ledger}.db"
        result = CliRunner().invoke(cli, ["--db", str(path), *args], env={"COLUMNS": "120"})
    finally:
        os.chdir(previous)
    lines = (result.stdout + result.stderr).rstrip("\n").splitlines()
    if keep:
        lines = keep(lines)
    shown = " ".join(f'"{arg}"' if " " in arg else arg for arg in args)
    return "\n".join([f"$ factcheck {shown}", *lines])


def first(count: int, last: int = 0) -> Callable[[list[str]], list[str]]:
    """The first `count` lines, "...", and the last `last` lines."""

    def keep(lines: list[str]) -> list[str]:
        if len(lines) <= count + last:
            return lines
        return [*lines[:count], "  ...", *(lines[-last:] if last else [])]

    return keep


def console(*blocks: str) -> None:
    """Print a console block for cog."""
    import cog  # type: ignore[import-not-found]  # provided by cogapp while it runs

    cog.outl("```console")
    for block in blocks:
        cog.outl(block)
    cog.outl("```")
