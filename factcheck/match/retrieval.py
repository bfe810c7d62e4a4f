"""Nearest published fact-checks for a sentence: BM25 over an inverted index of the archive's
claim, title and summary, then a re-rank of the best candidates on character n-gram overlap and
fuzzy word overlap, combined by a small logistic model (retrieval_weights.json).

Pure functions over records; nothing here knows SQLite. Queries are cleaned as social-media text
is written: links, @handles and the "— Name (@handle) date" signature dropped, hashtags split
into words (#AustralianFires -> australian fires).
"""

from __future__ import annotations

import datetime
import functools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from factcheck.text.scripts import BN_CHARS

# BM25's usual constants (Robertson and Zaragoza).
BM25_K1 = 1.2
BM25_B = 0.75
# How many BM25 candidates the re-rank reads.
RERANK_DEPTH = 20
CHAR_NGRAM = 4

URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
HANDLE = re.compile(r"@\w+")
# "— OREO Cookie (@Oreo) January 28, 2021": the embedded tweet's signature line.
SIGNATURE = re.compile(r"\s[—–-]{1,2}\s[^—–]{0,80}\(@\w+\)\s*[A-Z][a-z]+ \d{1,2}, \d{4}\s*$")
HASHTAG = re.compile(r"#(\w+)")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
# Letters and digits, with the Bengali block whole (its vowel signs are marks, not letters).
WORD = re.compile(rf"(?:[^\W_]|[{BN_CHARS}])+")
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")

STOPWORD_TEXT = """a about after again all also am an and any are as at be because been before
    being but by can
    could did do does doing down during each few for from further had has have having he her
    here hers him his how i if in into is it its itself just me more most my no nor not of
    off on once only or other our ours out over own same she should so some such than that
    the their theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    rt via amp"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())


def clean_query(text: str) -> str:
    """Social-media text as plain words: no links, handles or signature; hashtags split."""
    text = SIGNATURE.sub(" ", text)
    text = URL.sub(" ", text)
    text = HANDLE.sub(" ", text)
    text = HASHTAG.sub(lambda match: " " + CAMEL.sub(" ", match.group(1)) + " ", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light English suffix fold (plurals, -ing, -ed, a final e), enough for BM25 to meet
    inflections: vaccine, vaccines and vaccinated all fold to "vaccin"."""
    if len(word) <= 3 or not word.isascii():
        return word
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("at") and len(word) > 5:
        word = word[:-2]  # vaccinat(ed) -> vaccin
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Index terms: stemmed English words without function words, Bengali words, and pairs of
    adjacent Han characters (Chinese has no spaces to split on)."""
    result = []
    for word in WORD.findall(text.casefold()):
        if word in STOPWORDS:
            continue
        if HAN_RUN.search(word):
            for run in HAN_RUN.findall(word):
                result.extend(run[i : i + 2] for i in range(max(len(run) - 1, 1)))
            continue
        result.append(stem(word))
    return result


def plain_terms(text: str) -> list[str]:
    """The baseline's tokens: lower-cased words, nothing removed or folded."""
    return WORD.findall(text.casefold())


def char_ngrams(text: str, n: int = CHAR_NGRAM) -> frozenset[str]:
    flat = " " + " ".join(WORD.findall(text.casefold())) + " "
    return frozenset(flat[i : i + n] for i in range(len(flat) - n + 1))


@dataclass(frozen=True)
class ArchiveDoc:
    """One published fact-check as the index reads it."""

    id: int
    claim: str
    title: str = ""
    summary: str = ""
    published: str | None = None  # ISO date of the review

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.title, self.summary, self.claim) if part)


@dataclass(frozen=True)
class Hit:
    doc_id: int
    score: float  # in [0, 1]: how likely the check is of this very claim (acceptance model)
    rank_score: float  # the re-rank model's score, which orders the hits
    shared_terms: tuple[str, ...]  # the words the text and the check share, rarest first


class BM25Index:
    """An inverted index with numpy posting lists: a query costs its terms' postings, not the
    archive's size. With per_document, each document also keeps its own term weights, so a
    few candidates are scored without touching the postings."""

    def __init__(self, documents: Sequence[list[str]], *, per_document: bool = False) -> None:
        self.size = len(documents)
        lengths = np.array([len(doc) for doc in documents], dtype=np.float64)
        average = float(lengths.mean()) if self.size else 1.0
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / max(average, 1e-9))
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for doc_index, doc in enumerate(documents):
            for term, count in Counter(doc).items():
                docs, weights = postings.setdefault(term, ([], []))
                docs.append(doc_index)
                weights.append(count * (BM25_K1 + 1) / (count + norm[doc_index]))
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.idf: dict[str, float] = {}
        self.doc_weights: list[dict[str, float]] = [{} for _ in documents] if per_document else []
        for term, (docs, weights) in postings.items():
            df = len(docs)
            self.idf[term] = math.log(1 + (self.size - df + 0.5) / (df + 0.5))
            self.postings[term] = (
                np.array(docs, dtype=np.int32),
                np.array(weights, dtype=np.float32) * self.idf[term],
            )
            if per_document:
                for doc_index, weight in zip(docs, weights, strict=True):
                    self.doc_weights[doc_index][term] = weight * self.idf[term]

    def score_of(self, query: Counter[str], doc_index: int) -> float:
        weights = self.doc_weights[doc_index]
        return sum(weights.get(term, 0.0) * min(count, 3) for term, count in query.items())

    def scores(self, query: list[str]) -> np.ndarray:
        scores = np.zeros(self.size, dtype=np.float32)
        for term, count in Counter(query).items():
            posting = self.postings.get(term)
            if posting is not None:
                scores[posting[0]] += posting[1] * min(count, 3)
        return scores

    def top(self, query: list[str], k: int) -> list[tuple[int, float]]:
        scores = self.scores(query)
        if not self.size:
            return []
        k = min(k, self.size)
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(i), float(scores[i])) for i in best if scores[i] > 0]


@functools.cache
def model_weights() -> dict[str, Any]:
    path = resources.files("factcheck.match").joinpath("retrieval_weights.json")
    return json.loads(path.read_text("utf-8"))


FEATURES = (
    "bm25_norm",  # BM25 score / the query's best BM25 score
    "bm25_log",
    "rank_inv",  # 1 / (1 + BM25 rank)
    "char_claim",  # share of the query's character 4-grams found in the check's claim
    "char_all",
    "jaccard_all",  # character 4-gram Jaccard with title + summary + claim
    "fuzz_claim",  # rapidfuzz token_set_ratio with the claim / 100
    "fuzz_title",
    "term_cover",  # share of the query's distinct terms found in the check
    "check_cover",  # share of the check's claim terms found in the query
    "bm25_title",  # BM25 of the title alone / the query's best
    "bm25_claim",
    "dated",  # both dates known
    "days_after",  # the review came this soon after the text (exp(-days/30)); 0 when before
    "days_before",  # the review is older than the text: log(1 + days) / 10
)


# The acceptance model reads only features that mean the same whatever else the archive holds
# (no rank, no score relative to the best): it decides whether the best check is a check of this
# claim at all, where the re-rank only orders candidates.
ACCEPT_FEATURES = [
    FEATURES.index(name)
    for name in (
        "bm25_log",
        "char_claim",
        "char_all",
        "jaccard_all",
        "fuzz_claim",
        "fuzz_title",
        "term_cover",
        "check_cover",
        "dated",
        "days_after",
        "days_before",
    )
]


def days_between(first: str | None, second: str | None) -> int | None:
    if not first or not second:
        return None
    try:
        return (
            datetime.date.fromisoformat(second[:10]) - datetime.date.fromisoformat(first[:10])
        ).days
    except ValueError:
        return None


def signature_date(text: str) -> str | None:
    """The date of an embedded tweet's signature ("— Name (@handle) January 28, 2021")."""
    match = SIGNATURE.search(text)
    if not match:
        return None
    date = re.search(r"([A-Z][a-z]+ \d{1,2}, \d{4})\s*$", match.group(0))
    try:
        return datetime.datetime.strptime(date.group(1), "%B %d, %Y").date().isoformat()
    except (AttributeError, ValueError):
        return None


class ArchiveIndex:
    """Search a fact-check archive: BM25 candidates, then the learned re-rank."""

    def __init__(self, docs: Sequence[ArchiveDoc]) -> None:
        self.docs = list(docs)
        self.terms = [terms(doc.text) for doc in self.docs]
        self.bm25 = BM25Index(self.terms)
        self.term_sets = [frozenset(t) for t in self.terms]
        self.claim_terms = [frozenset(terms(doc.claim)) for doc in self.docs]
        self.grams_claim = [char_ngrams(doc.claim) for doc in self.docs]
        self.grams_title = [char_ngrams(doc.title) for doc in self.docs]
        self.grams_all = [char_ngrams(doc.text) for doc in self.docs]
        self.lower_claim = [" ".join(WORD.findall(doc.claim.casefold())) for doc in self.docs]
        self.lower_title = [" ".join(WORD.findall(doc.title.casefold())) for doc in self.docs]
        self.bm25_title = BM25Index([terms(doc.title) for doc in self.docs], per_document=True)
        self.bm25_claim = BM25Index([terms(doc.claim) for doc in self.docs], per_document=True)

    def features(
        self, text: str, published: str | None = None, depth: int = RERANK_DEPTH
    ) -> tuple[list[int], np.ndarray]:
        """The BM25 candidates for text and their re-rank features (one row each)."""
        cleaned = clean_query(text)
        query_terms = terms(cleaned)
        candidates = self.bm25.top(query_terms, depth)
        if not candidates:
            return [], np.zeros((0, len(FEATURES)))
        best = candidates[0][1] or 1.0
        grams = char_ngrams(cleaned)
        n_grams = max(len(grams), 1)
        distinct = set(query_terms)
        n_terms = max(len(distinct), 1)
        lower = " ".join(WORD.findall(cleaned.casefold()))
        indices = np.array([i for i, _ in candidates])
        # Each field's BM25 over the candidates only, relative to the best candidate's.
        counts = Counter(query_terms)
        title_scores = np.array([self.bm25_title.score_of(counts, i) for i in indices])
        claim_scores = np.array([self.bm25_claim.score_of(counts, i) for i in indices])
        title_scores /= max(float(title_scores.max()), 1e-9)
        claim_scores /= max(float(claim_scores.max()), 1e-9)
        # One call per field for all candidates: rapidfuzz's per-call overhead dominates.
        fuzz_claim = (
            process.cdist(
                [lower], [self.lower_claim[i] for i in indices], scorer=fuzz.token_set_ratio
            )[0]
            / 100
        )
        fuzz_title = (
            process.cdist(
                [lower], [self.lower_title[i] for i in indices], scorer=fuzz.token_set_ratio
            )[0]
            / 100
        )
        rows = []
        for rank, (i, score) in enumerate(candidates):
            all_grams = self.grams_all[i]
            shared_grams = len(grams & all_grams)
            gap = days_between(published, self.docs[i].published)
            rows.append(
                (
                    score / best,
                    math.log1p(score),
                    1 / (1 + rank),
                    len(grams & self.grams_claim[i]) / n_grams,
                    shared_grams / n_grams,
                    shared_grams / max(len(grams) + len(all_grams) - shared_grams, 1),
                    fuzz_claim[rank],
                    fuzz_title[rank],
                    len(distinct & self.term_sets[i]) / n_terms,
                    len(distinct & self.claim_terms[i]) / max(len(self.claim_terms[i]), 1),
                    title_scores[rank],
                    claim_scores[rank],
                    0.0 if gap is None else 1.0,
                    0.0 if gap is None or gap < 0 else math.exp(-gap / 30),
                    0.0 if gap is None or gap >= 0 else math.log1p(-gap) / 10,
                )
            )
        return [i for i, _ in candidates], np.array(rows, dtype=np.float64)

    def search(self, text: str, limit: int = 5, published: str | None = None) -> list[Hit]:
        """The best `limit` checks for text, ranked by the re-rank model; each hit's score is
        the acceptance model's probability that the check is of this very claim."""
        indices, rows = self.features(text, published)
        if not indices:
            return []
        weights = model_weights()
        ranking = logistic(rows, weights)
        accept = logistic(rows[:, ACCEPT_FEATURES], weights["accept"])
        order = np.argsort(-ranking, kind="stable")[:limit]
        query_terms = set(terms(clean_query(text)))
        surface: dict[str, str] = {}
        for word in WORD.findall(clean_query(text)):
            folded = word.casefold()
            if folded not in STOPWORDS and not HAN_RUN.search(folded):
                surface.setdefault(stem(folded), word)
        hits = []
        for position in order:
            i = indices[position]
            shared = sorted(
                query_terms & self.term_sets[i], key=lambda t: (-self.bm25.idf.get(t, 0.0), t)
            )
            hits.append(
                Hit(
                    doc_id=self.docs[i].id,
                    score=round(float(accept[position]), 3),
                    rank_score=round(float(ranking[position]), 3),
                    shared_terms=tuple(dict.fromkeys(surface.get(t, t) for t in shared[:6])),
                )
            )
        return hits


def logistic(rows: np.ndarray, weights: dict[str, Any]) -> np.ndarray:
    """A fitted logistic model's probabilities; the standardisation is folded into the
    coefficients once."""
    coef, intercept = folded(id(weights), weights)
    return 1 / (1 + np.exp(-(rows @ coef + intercept)))


_FOLDED: dict[int, tuple[dict[str, Any], np.ndarray, float]] = {}


def folded(key: int, weights: dict[str, Any]) -> tuple[np.ndarray, float]:
    cached = _FOLDED.get(key)
    if cached is None or cached[0] is not weights:
        scale = np.array(weights["scale"])
        coef = np.array(weights["coef"]) / scale
        intercept = float(weights["intercept"]) - float(np.array(weights["mean"]) @ coef)
        cached = _FOLDED[key] = (weights, coef, intercept)
    return cached[1], cached[2]


def baseline_index(docs: Sequence[ArchiveDoc]) -> BM25Index:
    """The baseline the benchmark measures against: BM25 over title + claim, plain tokens."""
    return BM25Index([plain_terms(f"{doc.title} {doc.claim}") for doc in docs])
