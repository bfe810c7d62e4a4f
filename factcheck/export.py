"""The whole ledger as one JSON document: factcheck's machine-readable contract.

The shape is the one ../shared/notes/export-json.md describes; fields are added, never renamed or
dropped. Lists a later stage has not filled yet are empty.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from factcheck import __version__


def export_document(db: Database) -> dict[str, Any]:
    sources = [
        {
            "id": row["id"],
            "path": row["path"],
            "sha256": row["sha256"],
            "title": row["title"],
            "outlet": row["outlet"],
            "url": row["url"],
            "published": row["published"],
            "languages": json.loads(row["languages"]),
            "version": row["version"],
            "previous_version_id": row["previous_version_id"],
            "copy_of": row["copy_of"],
            "format": row["format"],
        }
        for row in db.query("SELECT * FROM sources WHERE is_current = 1 ORDER BY id")
    ]
    passages = [
        {
            "id": row["id"],
            "source_id": row["source_id"],
            "start": row["start_offset"],
            "end": row["end_offset"],
            "lang": row["lang"],
            "kind": row["kind"],
            "kind_reason": row["kind_reason"],
            "duplicate_of": row["duplicate_of"],
        }
        for row in db.query(
            """SELECT passages.* FROM passages JOIN sources ON sources.id = passages.source_id
               WHERE sources.is_current = 1 ORDER BY passages.id"""
        )
    ]
    return {
        "factcheck": {
            "version": __version__,
            "exported_at": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "sources": sources,
        "passages": passages,
        "claims": [],
        "entities": [],
        "links": [],
        "findings": [],
    }


def write_output(content: str, destination: str | None, *, force: bool = False) -> None:
    """Write to standard output ('-' or None) or to a file, atomically: a write that fails leaves
    no half-written file, and an existing file reached through a symlink is not replaced unless
    `force` is given."""
    if destination in (None, "-"):
        sys.stdout.write(content)
        return
    target = Path(destination)
    if target.is_symlink() and not force:
        raise FileExistsError(f"{destination} is a symbolic link; use --force to write through it")
    target = target.resolve() if target.is_symlink() else target
    # Checked first so the error names the user's path, not the temporary file beside it.
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder, not a file", destination)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder to write into", destination)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
