"""The sentence encoder's vectors in the ledger (claim_vectors, by a hash of the claim's text):
only check-worthy claims whose text has no vector yet are embedded, so a re-run embeds nothing
new; then each claim's nearest neighbours in meaning in other sources, as candidate pairs."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.match import semantic
from factcheck.match.facts import ClaimFacts


@dataclass
class SemanticReport:
    claims: int = 0  # check-worthy claims with a vector
    embedded: int = 0  # of which embedded in this run (the rest came from the ledger)
    seconds: float = 0.0  # spent embedding
    pairs: int = 0  # candidate pairs close in meaning

    def describe(self) -> str:
        return (
            f"sentence encoder: {self.claims} check-worthy claims, {self.embedded} embedded now "
            f"({self.seconds:.1f}s), {self.pairs} pairs close in meaning"
        )


def claim_vectors(
    db: Database,
    facts: list[ClaimFacts],
    report: SemanticReport,
    on_progress: semantic.ProgressCallback | None = None,
) -> dict:
    """claim id -> its vector, for every check-worthy claim; texts without a vector of this
    model are embedded and stored."""
    import numpy as np

    claims = [claim for claim in facts if semantic.is_embedded(claim)]
    hash_of = {claim.id: semantic.text_hash(claim.text) for claim in claims}
    stored = {
        text_hash: np.frombuffer(vector, dtype="<f4")
        for text_hash, vector in db.execute(
            "SELECT text_hash, vector FROM claim_vectors WHERE model = ?", [semantic.MODEL]
        ).fetchall()
    }
    todo = sorted({claim.text for claim in claims if hash_of[claim.id] not in stored})
    if todo:
        started = time.perf_counter()
        made = semantic.embed(todo, on_progress)
        report.seconds = round(time.perf_counter() - started, 2)
        rows = []
        for text, vector in zip(todo, made, strict=True):
            text_hash = semantic.text_hash(text)
            stored[text_hash] = vector
            rows.append((text_hash, semantic.MODEL, vector.astype("<f4").tobytes()))
        db.conn.executemany(
            "INSERT OR REPLACE INTO claim_vectors (text_hash, model, vector) VALUES (?, ?, ?)",
            rows,
        )
    report.claims, report.embedded = len(claims), len(todo)
    return {claim.id: stored[hash_of[claim.id]] for claim in claims}


def semantic_candidates(
    db: Database,
    facts: list[ClaimFacts],
    report: SemanticReport,
    on_progress: semantic.ProgressCallback | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs of check-worthy claims of different independence groups close in meaning, with
    their cosine."""
    vectors = claim_vectors(db, facts, report, on_progress)
    pairs = semantic.neighbour_pairs(facts, vectors)
    report.pairs = len(pairs)
    return pairs
