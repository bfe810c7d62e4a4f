"""The English check-worthiness model: a logistic regression over TF-IDF terms, in pure Python.

The weights are trained by benchmarks/train_checkworthy.py (scikit-learn, dev only) and shipped as
gzipped JSON next to this module; they are loaded once, at first use.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from itertools import repeat

import numpy as np

from factcheck.checkworthy.features import (
    COUNT_FEATURES,
    HAND_FEATURES,
    char_terms,
    normalise,
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


@dataclass
class Block:
    """One vectoriser's vocabulary as arrays: term index -> idf and coefficient."""

    analyse: Analyser
    index: dict[str, int]
    terms: list[str]
    idf: np.ndarray
    coef: np.ndarray
    by_word: bool  # terms never cross a word boundary, so each word's term ids can be cached
    _word_ids: dict[str, np.ndarray] = field(default_factory=dict)

    def term_ids(self, sentence: str) -> np.ndarray:
        """The ids of the sentence's known terms, repeated as often as they occur."""
        if not self.by_word:
            return self._known(self.analyse(sentence))
        cache = self._word_ids
        if len(cache) > _WORD_CACHE_LIMIT:
            cache.clear()
        parts = []
        for word in normalise(sentence).split():
            ids = cache.get(word)
            if ids is None:
                ids = cache[word] = self._known(self.analyse(word))
            parts.append(ids)
        return np.concatenate(parts) if parts else _NO_IDS

    def _known(self, terms: list[str]) -> np.ndarray:
        ids = np.fromiter(map(self.index.get, terms, repeat(-1)), np.int64, len(terms))
        return ids[ids >= 0]


_WORD_CACHE_LIMIT = 200_000
_NO_IDS = np.zeros(0, np.int64)


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
    for name, vocabulary in data["blocks"].items():
        terms = list(vocabulary)
        df = np.array([vocabulary[t][0] for t in terms], dtype=np.float64)
        blocks[name] = Block(
            extractors[name],
            {term: i for i, term in enumerate(terms)},
            terms,
            np.log((1 + documents) / (1 + df)) + 1.0,  # sklearn's smoothed idf
            np.array([vocabulary[t][1] for t in terms], dtype=np.float64),
            by_word=name == "char",
        )
    return LinearModel(blocks, data["intercept"], data["threshold"])


Shares = dict[str, tuple[np.ndarray, np.ndarray]]  # block -> (term ids, share of each)


def _contributions(model: LinearModel, sentence: str) -> Shares:
    """Each known term's share of the decision value (sublinear tf-idf weight, L2-normalised per
    block as in training, times the term's coefficient), by block."""
    shares: Shares = {}
    for name, block in model.blocks.items():
        ids, first, counts = np.unique(
            block.term_ids(sentence), return_index=True, return_counts=True
        )
        in_order = np.argsort(first)  # as the sentence reads, so ties rank the earlier term first
        ids, counts = ids[in_order], counts[in_order]
        values = (1.0 + np.log(counts)) * block.idf[ids]
        norm = math.sqrt(float(values @ values))
        if norm:
            shares[name] = (ids, values / norm * block.coef[ids])
    return shares


def _decision(model: LinearModel, shares: Shares) -> float:
    return model.intercept + sum(float(block.sum()) for _, block in shares.values())


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
    # first.
    wanted = 4 * top
    ranked: list[str] = []
    for name in sorted(shares, key=lambda name: name == "char"):
        ids, block = shares[name]
        pushing = np.flatnonzero(block * sign > 0)
        strongest = pushing[np.argsort(-np.abs(block[pushing]), kind="stable")]
        terms = model.blocks[name].terms
        ranked.extend(f"{name}:{terms[i]}" for i in ids[strongest[: wanted - len(ranked)]])
        if len(ranked) >= wanted:
            break
    described: dict[str, None] = {}  # in order, without repeats; stop once `top` are found
    for key in ranked:
        described.setdefault(_describe(key))
        if len(described) == top:
            break
    return ModelScore(prob, model.threshold, tuple(described))
