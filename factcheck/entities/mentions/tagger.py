"""The trained named-entity taggers: a CRF per language (python-crfsuite) over the features in
features.py, loaded lazily from models/<lang>.crfsuite (provenance in models/README.md).

tag_entities gives (start, end, type) spans with exact offsets into the text; the mention
finders turn them into Mentions.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import NamedTuple

from factcheck.entities.mentions.features import FEATURES, tokenize
from factcheck.loading import announced

TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}  # MISC is not a mention
# Sequences are cut at line breaks and after sentence-final marks: a CRF needs no longer
# context, and short sequences keep Viterbi cheap.
_ENDS = frozenset({".", "!", "?", "。", "！", "？", "।", "；", ";"})
MAX_SEQUENCE = 200
# False: mentions from the cue-word rules alone (benchmarks/bench_extract.py compares the two).
ENABLED = True


class Entity(NamedTuple):
    start: int
    end: int
    type: str  # "person" | "organization" | "place"
    confidence: float = 1.0  # the least marginal probability of its tokens' tags


@cache
@announced(lambda lang: f"the {lang} entity tagger")
def _tagger(lang: str):
    """The language's CRF, or None when no model ships for it."""
    import pycrfsuite

    path = resources.files("factcheck.entities.mentions").joinpath(f"models/{lang}.crfsuite")
    if not path.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    with resources.as_file(path) as file:
        tagger.open(str(file))
    return tagger


def has_model(lang: str) -> bool:
    return ENABLED and lang in FEATURES and _tagger(lang) is not None


def _sequences(text: str, tokens) -> list[list]:
    out, current = [], []
    find = text.find
    last_end = 0
    for tok in tokens:
        start = tok.start()
        if current and (find("\n", last_end, start) >= 0 or len(current) >= MAX_SEQUENCE):
            out.append(current)
            current = []
        current.append(tok)
        last_end = tok.end()
        if tok.group() in _ENDS:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def tag_entities(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Entity]:
    """Entities in text[start:end] found by the language's tagger (empty without a model)."""
    tagger = _tagger(lang) if lang in FEATURES else None
    if tagger is None:
        return []
    featurize = FEATURES[lang]
    found: list[Entity] = []
    for seq in _sequences(text, tokenize(text, lang, start, end)):
        tags = tagger.tag(featurize([t.group() for t in seq]))
        found += _decode(seq, tags, tagger)
    return found


def _is_edge(token: str) -> bool:
    """A token that never begins or ends a name: punctuation, a possessive or other clitic."""
    return not any(ch.isalnum() for ch in token) or token[0] in "'’"


def _decode(seq, tags: list[str], tagger=None) -> list[Entity]:
    """BIO tags → spans; an I- after another type (or O) starts an entity, as conlleval reads."""
    out: list[Entity] = []
    first, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, k = tag.partition("-")
        if kind and (prefix != "I" or k != kind):
            last = i - 1
            while last >= first and _is_edge(seq[last].group()):
                last -= 1  # "Wang’s": the possessive is not part of the name
            begin = first
            while begin <= last and _is_edge(seq[begin].group()):
                begin += 1
            if kind in TYPES and begin <= last:
                sure = min(tagger.marginal(tags[j], j) for j in range(first, i)) if tagger else 1.0
                out.append(Entity(seq[begin].start(), seq[last].end(), TYPES[kind], sure))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            first, kind = i, k
    return out


def span_probability(text: str, lang: str, start: int, end: int, kind: str = "PER") -> float:
    """How sure the tagger is that text[start:end] is inside one entity of the kind: the least,
    over its tokens, of the marginal probability of B-kind or I-kind (0.0 without a model)."""
    tagger = _tagger(lang) if has_model(lang) else None
    if tagger is None:
        return 0.0
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    labels = set(tagger.labels())
    for seq in _sequences(text, tokenize(text, lang, line_start, line_end)):
        if seq[-1].end() <= start:
            continue
        tagger.set(FEATURES[lang]([t.group() for t in seq]))
        least = 1.0
        for i, tok in enumerate(seq):
            if tok.start() < end and start < tok.end():
                p = sum(tagger.marginal(f"{b}-{kind}", i) for b in "BI" if f"{b}-{kind}" in labels)
                least = min(least, p)
        return least
    return 0.0
