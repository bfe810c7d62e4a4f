"""The English check-worthiness model: a logistic regression over TF-IDF terms, in pure Python.

The weights are trained by benchmarks/train_checkworthy.py (scikit-learn, dev only) and shipped as
gzipped JSON next to this module; they are loaded once, at first use.
"""

from __future__ import annotations

import gzip
import heapq
import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources

from factcheck.checkworthy.features import (
    COUNT_FEATURES,
    HAND_FEATURES,
    char_terms,
    word_terms,
)

MODEL_FILE = "en_model.json.gz"

Analyser = Callable[[str], list[str]]
_HAND_MEANING = {term: meaning for term, _, meaning in HAND_FEATURES} | COUNT_FEATURES


def analysers(config: dict) -> dict[str, Analyser]:
    """The term extractor of each block, as the training config set it up. Each block is
    vectorised and L2-normalised on its own, as in training."""
    found: dict[str, Analyser] = {
        "word": partial(word_terms, longest=config.get("word_longest", 2)),
    }
    if config.get("char"):
        shortest, longest = config.get("char_range", (2, 5))
        found["char"] = partial(char_terms, shortest=shortest, longest=longest)
    return found


@dataclass(frozen=True)
class Block:
    """One vectoriser's vocabulary: term -> (idf, coefficient)."""

    analyse: Analyser
    weights: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class LinearModel:
    blocks: dict[str, Block]
    intercept: float
    threshold: float  # probability at which a sentence counts as check-worthy (tuned in CV)


@dataclass(frozen=True)
class ModelScore:
    probability: float
    threshold: float
    top_terms: tuple[str, ...]  # the terms that pushed most towards the decision, in words


@cache
def load_model() -> LinearModel:
    raw = resources.files("factcheck.checkworthy").joinpath(MODEL_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    documents = data["n_documents"]
    blocks = {}
    extractors = analysers(data["config"])
    for name, terms in data["blocks"].items():
        # sklearn's smoothed idf, recomputed from integer document frequencies.
        blocks[name] = Block(
            extractors[name],
            {
                term: (math.log((1 + documents) / (1 + df)) + 1.0, coef)
                for term, (df, coef) in terms.items()
            },
        )
    return LinearModel(blocks, data["intercept"], data["threshold"])


def _contributions(model: LinearModel, sentence: str) -> dict[str, dict[str, float]]:
    """Each known term's share of the decision value (tf-idf weight times coefficient), by
    block."""
    shares: dict[str, dict[str, float]] = {}
    for name, block in model.blocks.items():
        weights = block.weights
        counts = Counter(block.analyse(sentence))  # counted in C, then filtered once per term
        values = {t: (1.0 + math.log(c)) * weights[t][0] for t, c in counts.items() if t in weights}
        norm = math.sqrt(sum(v * v for v in values.values()))
        if norm == 0.0:
            continue
        shares[name] = {
            term: value / norm * block.weights[term][1] for term, value in values.items()
        }
    return shares


def _decision(model: LinearModel, shares: dict[str, dict[str, float]]) -> float:
    total = model.intercept
    for block in shares.values():
        for share in block.values():
            total += share
    return total


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _describe(key: str) -> str:
    block, term = key.split(":", 1)
    if term in _HAND_MEANING:
        return _HAND_MEANING[term]
    # Digits were folded to 0 for the model; a reader sees '#' for any digit.
    shown = (term.strip() if block == "char" else term).replace("0", "#")
    if block == "word" and not shown.strip("#,. "):
        return f"a number shaped '{shown}'"
    return f"'{shown}'" if block == "word" else f"'…{shown}…'"


def probability(sentence: str) -> float:
    """The model's probability that the sentence is check-worthy (equal to sklearn's)."""
    model = load_model()
    return _sigmoid(_decision(model, _contributions(model, sentence)))


def score(sentence: str, top: int = 3) -> ModelScore:
    """Probability plus the word-level terms that pushed hardest towards the decision."""
    model = load_model()
    shares = _contributions(model, sentence)
    prob = _sigmoid(_decision(model, shares))
    sign = 1.0 if prob >= model.threshold else -1.0
    # Word terms and hand features read better than character pieces, so they are ranked
    # first; only the strongest few can be shown, so only those are sorted.
    wanted = 4 * top
    ranked: list[str] = []
    for name in sorted(shares, key=lambda name: name == "char"):
        block = shares[name]
        pushing = (term for term, share in block.items() if share * sign > 0)
        best = heapq.nlargest(wanted - len(ranked), pushing, key=lambda term: abs(block[term]))
        ranked.extend(f"{name}:{term}" for term in best)
        if len(ranked) >= wanted:
            break
    described: dict[str, None] = {}  # in order, without repeats; stop once `top` are found
    for key in ranked:
        described.setdefault(_describe(key))
        if len(described) == top:
            break
    return ModelScore(prob, model.threshold, tuple(described))
