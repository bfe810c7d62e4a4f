"""Run the factcheck CLI with markers on standard error around the moments a kill must be able
to land in: every COMMIT (which in WAL mode also writes and checkpoints the log) and every file an
export or report writes (from its temporary file to the rename). The reliability tests read the
markers to send a signal inside those windows; the CLI itself is unchanged.

    python tests/commit_markers.py --db LEDGER run corpus/
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COMMIT_START = "@@commit-start"
COMMIT_END = "@@commit-end"
WRITE_START = "@@write-start"
WRITE_END = "@@write-end"


def mark(line: str) -> None:
    os.write(2, f"{line}\n".encode())


class MarkedConnection(sqlite3.Connection):
    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.strip().upper() != "COMMIT":
            return super().execute(sql, *args)
        mark(COMMIT_START)
        try:
            return super().execute(sql, *args)
        finally:
            mark(COMMIT_END)


def install() -> None:
    connect = sqlite3.connect

    def marked_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        kwargs.setdefault("factory", MarkedConnection)
        return connect(*args, **kwargs)  # type: ignore[arg-type]

    sqlite3.connect = marked_connect  # type: ignore[assignment]
    mkstemp, replace = tempfile.mkstemp, os.replace

    def marked_mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        mark(WRITE_START)
        return mkstemp(*args, **kwargs)  # type: ignore[arg-type]

    def marked_replace(*args: object, **kwargs: object) -> None:
        try:
            replace(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            mark(WRITE_END)

    tempfile.mkstemp = marked_mkstemp  # type: ignore[assignment]
    os.replace = marked_replace  # type: ignore[assignment]


if __name__ == "__main__":
    install()
    from factcheck.__main__ import entry

    sys.argv[0] = "factcheck"
    entry()
