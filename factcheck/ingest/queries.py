"""Reading sources and passages back out of the ledger, for listings, cards and exports."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.vocab import CLUTTER_KINDS

if TYPE_CHECKING:
    from factcheck.db import Ledger


class UnknownIdError(LookupError):
    """No row with that id: the user asked for something the ledger does not hold."""


def list_sources(db: Ledger, *, include_old_versions: bool = False) -> list[dict[str, Any]]:
    clutter = ", ".join(f"'{kind}'" for kind in sorted(CLUTTER_KINDS))
    where = "" if include_old_versions else "WHERE sources.is_current = 1"
    rows = db.query(
        f"""
        SELECT sources.id, sources.path, sources.version, sources.title, sources.outlet,
               sources.url, sources.published, sources.languages, sources.copy_of,
               COUNT(passages.id) AS passages,
               SUM(passages.kind IN ({clutter})) AS clutter_passages,
               SUM(CASE WHEN passages.kind IN ({clutter})
                   THEN passages.end_offset - passages.start_offset ELSE 0 END) AS clutter_chars,
               SUM(passages.end_offset - passages.start_offset) AS passage_chars
        FROM sources LEFT JOIN passages ON passages.source_id = sources.id
        {where}
        GROUP BY sources.id ORDER BY sources.id
        """
    )
    result = []
    for row in rows:
        row["languages"] = json.loads(row["languages"])
        chars = row.pop("passage_chars") or 0
        row["clutter_share"] = round((row.pop("clutter_chars") or 0) / chars, 3) if chars else 0.0
        result.append(row)
    return result


def get_source(db: Ledger, source_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    if not rows:
        raise UnknownIdError(f"no source with id {source_id}")
    source = rows[0]
    source["languages"] = json.loads(source["languages"])
    source["metadata_evidence"] = json.loads(source["metadata_evidence"])
    return source


def get_passages(db: Ledger, source_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            """SELECT passages.*, substr(sources.text, start_offset + 1,
                      end_offset - start_offset) AS text
               FROM passages JOIN sources ON sources.id = passages.source_id
               WHERE source_id = ? ORDER BY seq""",
            [source_id],
        )
    )


class NoSnapshotError(LookupError):
    """The source keeps no snapshot: its text is the file's own bytes."""


def get_snapshot(db: Ledger, source_id: int) -> bytes:
    """The bytes a source's text was read from, exactly as they were read."""
    row = db.execute(
        """SELECT sources.path, snapshots.content FROM sources
           LEFT JOIN snapshots ON snapshots.sha256 = sources.snapshot_sha256
           WHERE sources.id = ?""",
        [source_id],
    ).fetchone()
    if row is None:
        raise UnknownIdError(f"no source with id {source_id}")
    if row[1] is None:
        raise NoSnapshotError(
            f"source {source_id} keeps no snapshot: it was read from the text file {row[0]}, "
            "whose text is stored as it is"
        )
    return bytes(row[1])


def write_snapshot(content: bytes, path: str) -> None:
    """Write the bytes to a new file beside `path`, then move it into place, so an
    interrupted write never leaves half a snapshot under the name asked for."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        temporary.write_bytes(content)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
