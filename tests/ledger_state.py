"""A ledger's derived state read straight from SQLite, named by content where row ids follow the
order rows were made in: entities as the spans of their mentions, merges and findings by the
spans they join, links, facts, origins, tensions, current verdicts and their citations. Two
ledgers built from the same sources, in one run or in several, must give the same state."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any


def rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def ledger_state(path: Path, *, entity_ids: bool = False) -> dict[str, Any]:
    """The state; with `entity_ids`, entities keep their ids (for two ledgers that share their
    history, where ids must agree too)."""
    conn = sqlite3.connect(path)
    try:
        span = {
            row["id"]: (row["source_id"], row["start_offset"], row["end_offset"])
            for row in rows(conn, "SELECT id, source_id, start_offset, end_offset FROM mentions")
        }
        members: dict[int, set] = {}
        for row in rows(
            conn,
            """SELECT mentions.id, mentions.entity_id FROM mentions
               JOIN sources ON sources.id = mentions.source_id
               WHERE sources.is_current = 1 AND mentions.entity_id IS NOT NULL""",
        ):
            members.setdefault(row["entity_id"], set()).add(span[row["id"]])
        stray = rows(
            conn,
            """SELECT mentions.id FROM mentions JOIN sources ON sources.id = mentions.source_id
               WHERE sources.is_current = 0 AND mentions.entity_id IS NOT NULL""",
        )

        def entity(entity_id: int | None) -> Any:
            if entity_id is None or entity_ids:
                return entity_id
            found = sorted(members.get(entity_id, ()))
            return "E{}-{}-{}".format(*found[0]) if found else f"empty entity {entity_id}"

        def named(text: str | None) -> str | None:
            """Entity ids inside origins ("speaker-e12") and link evidence ("e12", "entity": 12;
            the anchors a link shares are listed by id, so they are sorted once named)."""
            if text is None or entity_ids:
                return text
            text = re.sub(r"speaker-e(\d+)", lambda m: f"speaker-{entity(int(m[1]))}", text)
            text = re.sub(r'"entity": (\d+)', lambda m: f'"entity": "{entity(int(m[1]))}"', text)
            text = re.sub(r'"e(\d+)"', lambda m: f'"{entity(int(m[1]))}"', text)
            if text.startswith("{"):
                value = json.loads(text)
                if isinstance(value.get("shared"), list):
                    value["shared"] = sorted(value["shared"])
                text = json.dumps(value, sort_keys=True, ensure_ascii=False)
            return text

        entities = sorted(
            (
                entity(row["id"]),
                row["name"],
                row["type"],
                row["mention_count"],
                row["source_count"],
                json.dumps(sorted(members.get(row["id"], ()))),
            )
            for row in rows(conn, "SELECT * FROM entities")
        )
        merges = sorted(
            (entity(row["entity_id"]), span[row["mention_a"]], span[row["mention_b"]])
            + (row["score"], row["rule"], row["evidence"])
            for row in rows(conn, "SELECT * FROM entity_merges")
        )
        merge_order: dict[Any, list] = {}  # each entity's merges in the order they were made
        for row in rows(conn, "SELECT * FROM entity_merges ORDER BY id"):
            merge_order.setdefault(str(entity(row["entity_id"])), []).append(
                (span[row["mention_a"]], span[row["mention_b"]])
            )
        findings = sorted(
            (row["stage"], row["kind"], entity(row["entity_id"]), row["forms"], row["locations"])
            for row in rows(conn, "SELECT * FROM findings")
        )
        links = sorted(
            (row["claim_a"], row["claim_b"], row["relation"], row["score"], row["reason"])
            + (named(row["evidence"]),)
            for row in rows(conn, "SELECT * FROM links")
        )
        claims = [
            (row["id"], row["independence_group"], row["fact_id"], named(row["origin"]))
            + (row["gloss"],)
            for row in rows(
                conn,
                """SELECT claims.* FROM claims JOIN sources ON sources.id = claims.source_id
                   WHERE sources.is_current = 1 ORDER BY claims.id""",
            )
        ]
        tensions = sorted(
            (row["tension"], row["claim_a"], row["claim_b"], row["relation"])
            for row in rows(conn, "SELECT * FROM claim_tensions")
        )
        citations: dict[int, list] = {}
        for row in rows(conn, "SELECT * FROM citations ORDER BY id"):
            citations.setdefault(row["verdict_id"], []).append(
                (
                    row["claim_id"],
                    row["stance"],
                    row["quote"],
                    row["start_offset"],
                    row["end_offset"],
                )
            )
        verdicts = sorted(
            (row["claim_id"], row["label"], row["confidence"], row["rationale"])
            + (row["decided_by"], row["note"], row["disagreement"], citations.get(row["id"], []))
            for row in rows(
                conn,
                """SELECT verdicts.*, reason_texts.text AS rationale FROM verdicts
                   JOIN reason_texts ON reason_texts.id = verdicts.rationale_id
                   WHERE is_current = 1""",
            )
        )
        return {
            "entities": entities,
            "stray_mentions": stray,
            "merges": merges,
            "merge_order": merge_order,
            "findings": findings,
            "links": links,
            "claims": claims,
            "tensions": tensions,
            "verdicts": verdicts,
        }
    finally:
        conn.close()
