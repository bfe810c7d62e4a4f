"""Score the matcher against labelled claim pairs: precision and recall per relation.

Used by the test suite (with the pairs in tests/data) and by benchmarks/bench_match.py.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from factcheck.vocab import LinkRelation

# The matcher's relations a labelled pair can hold (a duplicate is a copy, not a labelled pair),
# and "unrelated" for a pair the matcher should not link.
RELATIONS = (*(r.value for r in LinkRelation if r != LinkRelation.DUPLICATE), "unrelated")


@dataclass(frozen=True)
class LabelledPair:
    file_a: str
    text_a: str
    file_b: str
    text_b: str
    relation: str


@dataclass(frozen=True)
class RelationScore:
    relation: str
    precision: float
    recall: float
    support: int


def read_pairs(path: Path) -> list[LabelledPair]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [
            LabelledPair(
                row["file_a"], row["text_a"], row["file_b"], row["text_b"], row["relation"]
            )
            for row in rows
        ]


def claim_id(db: Database, file_prefix: str, text: str) -> int:
    row = db.execute(
        """SELECT claims.id FROM claims JOIN sources ON sources.id = claims.source_id
           WHERE sources.is_current = 1 AND claims.text = ?
           AND (sources.path LIKE ? OR sources.path LIKE ?) ORDER BY claims.id LIMIT 1""",
        [text, f"%/{file_prefix}_%", f"%/{file_prefix}.%"],
    ).fetchone()
    if row is None:
        raise LookupError(f"no claim {text!r} in a source named {file_prefix}*")
    return row[0]


def predicted_relation(db: Database, a: int, b: int) -> str:
    row = db.execute(
        "SELECT relation FROM links WHERE claim_a = ? AND claim_b = ?", [min(a, b), max(a, b)]
    ).fetchone()
    return row[0] if row and row[0] != "duplicate" else "unrelated"


def score_pairs(db: Database, pairs: list[LabelledPair]) -> tuple[list[RelationScore], list[tuple]]:
    """Per-relation precision and recall, and the mistakes (pair, predicted)."""
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    mistakes = []
    for pair in pairs:
        guess = predicted_relation(
            db, claim_id(db, pair.file_a, pair.text_a), claim_id(db, pair.file_b, pair.text_b)
        )
        gold[pair.relation] += 1
        predicted[guess] += 1
        if guess == pair.relation:
            correct[guess] += 1
        else:
            mistakes.append((pair, guess))
    scores = [
        RelationScore(
            relation,
            correct[relation] / predicted[relation] if predicted[relation] else 1.0,
            correct[relation] / gold[relation] if gold[relation] else 1.0,
            gold[relation],
        )
        for relation in RELATIONS
    ]
    return scores, mistakes
