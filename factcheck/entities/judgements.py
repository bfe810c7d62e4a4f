"""A fact-checker's judgements on entities: merge two entities, split a mention off. They are
stored by source and span (mentions are re-made at each run, their spans stay), outrank the machine
and survive every re-run; the stage reads them back with load_judgements.
"""

from __future__ import annotations

import getpass

from sqlite_utils import Database

from factcheck.db import now_iso
from factcheck.entities.clustering import Judgement
from factcheck.ingest.queries import UnknownIdError

SpanKey = tuple[int, int, int]  # (source_id, start, end): a mention's identity across re-runs


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def load_judgements(db: Database, span_to_key: dict[SpanKey, int]) -> list[Judgement]:
    judgements = []
    for row in db.query("SELECT * FROM entity_judgements ORDER BY id"):
        a = span_to_key.get((row["a_source_id"], row["a_start"], row["a_end"]))
        b = span_to_key.get((row["b_source_id"], row["b_start"], row["b_end"]))
        if a is not None and b is not None:
            judgements.append(Judgement(row["kind"], a, b, row["decided_by"]))
    return judgements


def mention_span(db: Database, mention_id: int) -> SpanKey:
    row = db.execute(
        "SELECT source_id, start_offset, end_offset FROM mentions WHERE id = ?", [mention_id]
    ).fetchone()
    if row is None:
        raise UnknownIdError(f"no mention with id {mention_id}")
    return row


def entity_mention_spans(db: Database, entity_id: int) -> list[tuple[int, SpanKey]]:
    rows = db.execute(
        """SELECT MIN(id), source_id, start_offset, end_offset FROM mentions WHERE entity_id = ?
           GROUP BY source_id, start_offset, end_offset ORDER BY MIN(id)""",
        [entity_id],
    ).fetchall()
    if not rows:
        raise UnknownIdError(f"no entity with id {entity_id}")
    return [(row[0], (row[1], row[2], row[3])) for row in rows]


def record_judgement(
    db: Database, kind: str, a: SpanKey, b: SpanKey, decided_by: str, note: str | None
) -> None:
    db["entity_judgements"].insert(
        {
            "kind": kind,
            "a_source_id": a[0],
            "a_start": a[1],
            "a_end": a[2],
            "b_source_id": b[0],
            "b_start": b[1],
            "b_end": b[2],
            "decided_by": decided_by,
            "decided_at": now_iso(),
            "note": note,
        }
    )
