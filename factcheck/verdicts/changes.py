"""Which claims a verdict run decides again: those whose verdict inputs can have changed.

Triggers (migration 0017) record in `verdict_changes` every change a verdict reads, whichever
command made it: a claim's row, its values, its links, its source's URL, date or currency, a
fact gaining or losing a claim, an entity's name. A claim's verdict reads its own row, the row
of the claim that stands for its fact, every link of every claim of its fact and the linked
claims' rows, and its speaker's name (decision.decision_inputs). So a run decides again:

- the changed claims, the claims quoting a changed entity as their speaker, and the claims
  without a current verdict or whose verdict has no inputs yet (a person's new verdict);
- the claims linked to any of those (their evidence shows the changed claim);
- every claim of a fact that holds one of them, or that gained or lost a claim.

Every other claim's inputs are those its current verdict was decided from, which the full run
checks and skips. Another factcheck version, or none (a ledger older than the triggers), decides
all.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from factcheck.verdicts.queries import id_list

VERSION_KEY = "verdicts_version"


def claims_to_decide(db: Database, version: str) -> set[int] | None:
    """The current claims whose verdicts a run decides again; None: every claim."""
    stored = db.execute("SELECT value FROM ledger_state WHERE key = ?", [VERSION_KEY]).fetchone()
    if stored is None or stored[0] != version:
        return None
    changes = db.execute("SELECT kind, id FROM verdict_changes").fetchall()
    changed = {id_ for kind, id_ in changes if kind == "claim"}
    facts = {id_ for kind, id_ in changes if kind == "fact"}
    speakers = [f"speaker-e{id_}" for kind, id_ in changes if kind == "entity"]
    changed.update(
        row[0]
        for row in db.execute(
            "SELECT id FROM claims WHERE origin IN (SELECT value FROM json_each(?))",
            [json.dumps(speakers)],
        )
    )
    changed.update(
        row[0]
        for row in db.execute(
            """SELECT claims.id FROM claims
               JOIN sources ON sources.id = claims.source_id AND sources.is_current = 1
               LEFT JOIN verdicts ON verdicts.claim_id = claims.id AND verdicts.is_current = 1
               WHERE verdicts.id IS NULL OR verdicts.inputs IS NULL"""
        )
    )
    ids = id_list(changed)
    reached = set(changed)
    for a, b in db.execute(
        """SELECT claim_a, claim_b FROM links
           WHERE claim_a IN (SELECT value FROM json_each(:ids))
              OR claim_b IN (SELECT value FROM json_each(:ids))""",
        {"ids": ids},
    ):
        reached.update((a, b))
    facts.update(
        row[0]
        for row in db.execute(
            """SELECT coalesce(fact_id, id) FROM claims
               WHERE id IN (SELECT value FROM json_each(?))""",
            [id_list(reached)],
        )
    )
    return {
        row[0]
        for row in db.execute(
            """SELECT claims.id FROM claims
               JOIN sources ON sources.id = claims.source_id AND sources.is_current = 1
               WHERE coalesce(claims.fact_id, claims.id) IN (SELECT value FROM json_each(?))""",
            [id_list(facts)],
        )
    }


def mark_decided(db: Database, version: str) -> None:
    """Every verdict is up to date with what changed, as decided by `version`."""
    db.execute("DELETE FROM verdict_changes")
    db.execute(
        "INSERT OR REPLACE INTO ledger_state (key, value) VALUES (?, ?)", [VERSION_KEY, version]
    )
