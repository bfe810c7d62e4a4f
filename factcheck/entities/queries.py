"""Reading entities back: listings with their spellings per script, one entity with its
mentions, merges and findings."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from factcheck.ingest.queries import UnknownIdError
from factcheck.text.scripts import script_of

if TYPE_CHECKING:
    from factcheck.db import Ledger


def list_entities(
    db: Ledger, *, entity_type: str | None = None, variants_only: bool = False
) -> list[dict[str, Any]]:
    where, params = ["1 = 1"], []
    if entity_type:
        where.append("entities.type = ?")
        params.append(entity_type)
    if variants_only:
        where.append(
            "entities.id IN (SELECT entity_id FROM findings WHERE kind = 'spelling_variant')"
        )
    entities = list(
        db.query(
            f"SELECT * FROM entities WHERE {' AND '.join(where)} "
            "ORDER BY source_count DESC, mention_count DESC, id",
            params,
        )
    )
    spellings = spellings_by_entity(db, [entity["id"] for entity in entities])
    for entity in entities:
        entity["spellings"] = spellings.get(entity["id"], [])
        entity["forms"] = [
            f"{spelling['form']} [{','.join(map(str, spelling['source_ids']))}]"
            for spelling in entity["spellings"]
        ]
    return entities


def spellings_by_entity(db: Ledger, entity_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """For each entity, each distinct form with its script and the sources that use it."""
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not entity_ids:
        return result
    rows = db.query(
        f"""SELECT entity_id, match_form, GROUP_CONCAT(DISTINCT source_id) AS sources,
                   COUNT(*) AS mentions
            FROM mentions WHERE entity_id IN ({",".join("?" * len(entity_ids))})
            GROUP BY entity_id, match_form ORDER BY entity_id, mentions DESC""",
        entity_ids,
    )
    for row in rows:
        result[row["entity_id"]].append(
            {
                "form": row["match_form"],
                "script": script_of(row["match_form"]),
                "source_ids": sorted(int(s) for s in str(row["sources"]).split(",")),
                "mentions": row["mentions"],
            }
        )
    return result


def get_entity(db: Ledger, entity_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM entities WHERE id = ?", [entity_id]))
    if not rows:
        raise UnknownIdError(f"no entity with id {entity_id}")
    entity = rows[0]
    entity["spellings"] = spellings_by_entity(db, [entity_id]).get(entity_id, [])
    entity["mentions"] = list(
        db.query(
            """SELECT MIN(id) AS id, source_id, start_offset, end_offset, text, lang, role
               FROM mentions WHERE entity_id = ?
               GROUP BY source_id, start_offset, end_offset ORDER BY source_id, start_offset""",
            [entity_id],
        )
    )
    forms = {
        row["id"]: row["text"]
        for row in db.query("SELECT id, text FROM mentions WHERE entity_id = ?", [entity_id])
    }
    entity["merges"] = [
        {**row, "a_text": forms.get(row["mention_a"]), "b_text": forms.get(row["mention_b"])}
        for row in db.query(
            "SELECT mention_a, mention_b, score, rule, evidence FROM entity_merges "
            "WHERE entity_id = ? ORDER BY score DESC, id",
            [entity_id],
        )
    ]
    entity["findings"] = [
        {**row, "forms": json.loads(row["forms"]), "locations": json.loads(row["locations"])}
        for row in db.query(
            "SELECT kind, detail, forms, locations FROM findings WHERE entity_id = ? ORDER BY id",
            [entity_id],
        )
    ]
    return entity
