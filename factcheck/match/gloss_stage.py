"""Glosses in the ledger: every current Chinese and Bengali claim gets its English gloss, with
the entities, numbers and dates the earlier stages resolved given in English. Only claims whose
gloss changed are written."""

from __future__ import annotations

import datetime

from sqlite_utils import Database

from factcheck.match.gloss import GLOSSED_LANGUAGES, Known, gloss

# Values given in their normalised English form in a gloss.
GLOSSED_VALUE_KINDS = {"number", "quantity", "percent", "money", "date"}


def value_english(kind: str, text: str, value: float | None, normalized: str | None) -> str | None:
    if kind == "date" and normalized:
        try:
            return datetime.date.fromisoformat(normalized[:10]).strftime("%-d %B %Y")
        except ValueError:
            return normalized
    if value is not None:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"
    return normalized


def claim_glosses(db: Database) -> dict[int, str | None]:
    """claim id -> its gloss, for every current claim in a glossed language."""
    marks = ",".join("?" * len(GLOSSED_LANGUAGES))
    claims = {
        row["id"]: row
        for row in db.query(
            f"""SELECT claims.id, claims.text, claims.lang, claims.start_offset
                FROM claims JOIN sources ON sources.id = claims.source_id
                WHERE sources.is_current = 1 AND claims.lang IN ({marks})""",
            list(GLOSSED_LANGUAGES),
        )
    }
    known: dict[int, list[Known]] = {claim_id: [] for claim_id in claims}
    for row in db.query(
        """SELECT mentions.claim_id, mentions.start_offset, mentions.end_offset, entities.name
           FROM mentions JOIN entities ON entities.id = mentions.entity_id
           WHERE mentions.claim_id IS NOT NULL"""
    ):
        claim = claims.get(row["claim_id"])
        if claim and row["name"] and row["name"].isascii():
            start = row["start_offset"] - claim["start_offset"]
            known[claim["id"]].append(
                Known(start, row["end_offset"] - claim["start_offset"], row["name"])
            )
    for row in db.query("SELECT * FROM claim_values"):
        claim = claims.get(row["claim_id"])
        if claim is None or row["kind"] not in GLOSSED_VALUE_KINDS:
            continue
        english = value_english(row["kind"], row["text"], row["value"], row["normalized"])
        if english:
            start = row["start_offset"] - claim["start_offset"]
            known[claim["id"]].append(
                Known(start, row["end_offset"] - claim["start_offset"], english)
            )
    return {
        claim_id: gloss(claim["text"], claim["lang"], [k for k in known[claim_id] if k.start >= 0])
        for claim_id, claim in claims.items()
    }


def update_glosses(db: Database) -> int:
    """Write the gloss of every current Chinese and Bengali claim that changed; returns how many."""
    stored = dict(db.execute("SELECT id, gloss FROM claims WHERE gloss IS NOT NULL").fetchall())
    changed = [
        (text, claim_id)
        for claim_id, text in claim_glosses(db).items()
        if stored.get(claim_id) != text
    ]
    db.conn.executemany("UPDATE claims SET gloss = ? WHERE id = ?", changed)
    return len(changed)
