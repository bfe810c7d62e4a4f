"""Fast start: `--help` and the read commands import only what they use. A command that lists
sources must not pay for the extraction models, the HTML reader, Datasette or the HTTP client."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "sqlite_utils", "numpy", "rich.progress", "trafilatura", "lingua", "datasette", "httpx",
    "feedparser", "pypdf", "docx", "pypinyin", "factcheck.extract.checkworthy.model",
)  # fmt: skip
# What every ledger command needs: sqlite-utils (which imports numpy when it is installed).
LEDGER = {"sqlite_utils", "numpy"}


def heavy_modules_after(*args: str) -> set[str]:
    """Run the CLI in a fresh interpreter; the heavy modules it had imported when it finished."""
    script = (
        "import json, sys\n"
        "from factcheck.cli import cli\n"
        f"try:\n    cli.main({list(args)!r}, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_help_imports_nothing_heavy() -> None:
    assert heavy_modules_after("--help") == set()
    assert heavy_modules_after("claims", "--help") == set()


def test_read_commands_load_the_ledger_layer_only(seeded_ledger: Path) -> None:
    for command in (["sources"], ["claims"], ["claim", "1"], ["verdicts"]):
        assert heavy_modules_after("--db", str(seeded_ledger), *command) <= LEDGER, command
