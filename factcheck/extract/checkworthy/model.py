"""The English check-worthiness model: a logistic regression over TF-IDF terms, in pure Python.

The weights are trained by benchmarks/train_checkworthy.py (scikit-learn, dev only) and shipped as
gzipped JSON next to this module; they are loaded once, at first use.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from itertools import chain
from typing import NamedTuple

import numpy as np

from factcheck.extract.checkworthy.features import (
    COUNT_FEATURES,
    HAND_FEATURES,
    char_terms,
    normalise,
    word_terms,
)
from factcheck.extract.checkworthy.rules import sigmoid
from factcheck.loading import announced

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
    _word_ids: dict[str, list[int]] = field(default_factory=dict)

    def term_ids(self, sentence: str) -> list[int]:
        """The ids of the sentence's known terms, repeated as often as they occur."""
        if not self.by_word:
            return self._known(self.analyse(sentence))
        cache = self._word_ids
        if len(cache) > _WORD_CACHE_LIMIT:
            cache.clear()
        ids: list[int] = []
        for word in normalise(sentence).split():
            known = cache.get(word)
            if known is None:
                known = cache[word] = self._known(self.analyse(word))
            ids += known
        return ids

    def _known(self, terms: list[str]) -> list[int]:
        return [i for i in map(self.index.get, terms) if i is not None]


_WORD_CACHE_LIMIT = 20_000  # distinct words; about 10 MB of term ids at the most


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
@announced("the check-worthiness model")
def load_model() -> LinearModel:
    raw = resources.files("factcheck.extract.checkworthy").joinpath(MODEL_FILE).read_bytes()
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


class _Shares(NamedTuple):
    """One block's known terms in a batch of sentences, sentence by sentence and, within one, in
    the order the sentence first uses them (so ties rank the earlier term first)."""

    sentence: np.ndarray  # which sentence of the batch
    term: np.ndarray  # term id in the block
    share: np.ndarray  # the term's share of the decision value


def _shares(block: Block, sentences: Sequence[str]) -> _Shares:
    """Sublinear tf-idf weights, L2-normalised per sentence and block as in training, times each
    term's coefficient: all sentences at once, so numpy's per-call cost is paid per batch."""
    ids = [block.term_ids(sentence) for sentence in sentences]
    sizes = np.fromiter(map(len, ids), np.int64, len(ids))
    vocabulary = len(block.terms)
    keys = np.repeat(np.arange(len(sentences)), sizes) * vocabulary
    keys += np.fromiter(chain.from_iterable(ids), np.int64, len(keys))
    keys, first, counts = np.unique(keys, return_index=True, return_counts=True)
    in_order = np.argsort(first)
    which, term = np.divmod(keys[in_order], vocabulary)
    values = (1.0 + np.log(counts[in_order])) * block.idf[term]
    norms = np.sqrt(np.bincount(which, values * values, minlength=len(sentences)))
    return _Shares(which, term, values / norms[which] * block.coef[term])


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
    return score_many([sentence])[0].probability


def score(sentence: str, top: int = 3) -> ModelScore:
    return score_many([sentence], top)[0]


def score_many(sentences: Sequence[str], top: int = 3) -> list[ModelScore]:
    """Probability of each sentence, plus the terms that pushed hardest towards its decision."""
    model = load_model()
    count = len(sentences)
    # Word terms and hand features read better than character pieces, so they are ranked first.
    blocks = sorted(model.blocks, key=lambda name: name == "char")
    shares = {name: _shares(model.blocks[name], sentences) for name in blocks}
    decisions = np.full(count, model.intercept)
    for found in shares.values():
        decisions += np.bincount(found.sentence, found.share, minlength=count)
    probabilities = [sigmoid(x) for x in decisions.tolist()]
    signs = np.where(np.array(probabilities) >= model.threshold, 1.0, -1.0)
    wanted = 4 * top
    ranked: list[list[str]] = [[] for _ in range(count)]
    for name, found in shares.items():
        pushing = np.flatnonzero(found.share * signs[found.sentence] > 0)
        which = found.sentence[pushing]
        order = np.lexsort((pushing, -np.abs(found.share[pushing]), which))
        starts = np.searchsorted(which[order], np.arange(count + 1)).tolist()
        term_ids = found.term[pushing][order].tolist()
        terms = model.blocks[name].terms
        for i, keys in enumerate(ranked):
            room = wanted - len(keys)
            if room > 0:
                chosen = term_ids[starts[i] : min(starts[i + 1], starts[i] + room)]
                keys.extend(f"{name}:{terms[t]}" for t in chosen)
    return [
        ModelScore(prob, model.threshold, _top_descriptions(keys, top))
        for prob, keys in zip(probabilities, ranked, strict=True)
    ]


def _top_descriptions(keys: list[str], top: int) -> tuple[str, ...]:
    described: dict[str, None] = {}  # in order, without repeats; stop once `top` are found
    for key in keys:
        described.setdefault(_describe(key))
        if len(described) == top:
            break
    return tuple(described)
