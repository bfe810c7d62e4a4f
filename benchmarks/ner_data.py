"""Readers for the labelled NER sets in ../shared/datasets/ner_*, mapped onto PER / ORG / LOC
(English keeps CoNLL's MISC as a fourth tag; it is dropped when mentions are made).

Every reader returns sentences as (tokens, BIO tags). English and Bengali tokens are split
again with the package's own tokeniser, so the models learn on the tokens they will be given.
Used by train_ner.py and bench_ner.py; nothing here is shipped. The datasets are looked for in
$FACTCHECK_DATASETS, then ../shared/datasets beside the tree, then /work/shared/datasets.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.entities.mentions.features import tokenize  # noqa: E402


def _datasets() -> Path:
    """The shared datasets: $FACTCHECK_DATASETS if set, else ../shared/datasets beside the
    tree, else /work/shared/datasets (a git worktree elsewhere has no ../shared beside it)."""
    env = os.environ.get("FACTCHECK_DATASETS")
    if env:
        return Path(env)
    beside = ROOT.parent / "shared" / "datasets"
    return beside if beside.is_dir() else Path("/work/shared/datasets")


DATA = _datasets()
Sentence = tuple[list[str], list[str]]


def _split_tagged(tokens: list[str], tags: list[str], lang: str) -> Sentence:
    """Re-tokenise each labelled token; word pieces keep the entity, edge punctuation is O."""
    out_t: list[str] = []
    out_g: list[str] = []
    for token, tag in zip(tokens, tags, strict=True):
        pieces = [m.group() for m in tokenize(token, lang)] or [token]
        if tag == "O" or len(pieces) == 1:
            out_t += pieces
            out_g += [tag] * len(pieces)
            continue
        kind = tag[2:]
        wordy = [i for i, p in enumerate(pieces) if any(ch.isalnum() for ch in p)]
        first, last = (wordy[0], wordy[-1]) if wordy else (0, len(pieces) - 1)
        for i, piece in enumerate(pieces):
            out_t.append(piece)
            if i < first or i > last:
                out_g.append("O")
            elif i == first:
                out_g.append(tag)
            else:
                out_g.append("I-" + kind)
    return out_t, out_g


def _columns(path: Path, sep: str | None, token_col: int, tag_col: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text("utf-8-sig").splitlines():
        parts = line.split(sep) if line.strip() else []
        if not parts or parts[0] == "-DOCSTART-":
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        tokens.append(parts[token_col].lstrip("\ufeff"))
        tags.append(parts[tag_col])
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def _map(tag: str, mapping: dict[str, str], scheme: str = "BIO") -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    kind = mapping.get(kind)
    if kind is None:
        return "O"
    if scheme == "BILOU" or scheme == "BMES":
        prefix = "B" if prefix in ("B", "U", "S") else "I"
    return f"{prefix}-{kind}"


def _mapped(sentences, mapping, scheme="BIO", lang=None) -> list[Sentence]:
    out = []
    for tokens, tags in sentences:
        tags = [_map(t, mapping, scheme) for t in tags]
        out.append(_split_tagged(tokens, tags, lang) if lang else (tokens, tags))
    return out


# --- English -----------------------------------------------------------------------------------

CONLL = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def conll(split: str) -> list[Sentence]:
    path = DATA / "ner_en" / f"conll2003_en_{split}.txt"
    return _mapped(_columns(path, " ", 0, -1), CONLL, lang="en")


# --- Chinese -----------------------------------------------------------------------------------

ZH = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
WEIBO = {"PER.NAM": "PER", "ORG.NAM": "ORG", "GPE.NAM": "LOC", "LOC.NAM": "LOC"}
RESUME = {"NAME": "PER", "ORG": "ORG", "LOC": "LOC"}


def peoples_daily(split: str) -> list[Sentence]:
    path = DATA / "ner_zh" / f"peoplesdaily_example.{split}"
    return _mapped(_columns(path, " ", 0, 1), ZH)


def msra() -> list[Sentence]:
    return _mapped(_columns(DATA / "ner_zh" / "msra_test_bio.txt", None, 0, 1), ZH)


def weibo(split: str) -> list[Sentence]:
    sents = _columns(DATA / "ner_zh" / f"weiboNER_2nd_conll.{split}", "\t", 0, 1)
    # the character carries its word-position digit: 科0 技1
    sents = [([t[:-1] if len(t) > 1 else t for t in ts], gs) for ts, gs in sents]
    return _mapped(sents, WEIBO)


def resume(split: str) -> list[Sentence]:
    path = DATA / "ner_zh" / f"resume_{split}.char.bmes"
    return _mapped(_columns(path, " ", 0, 1), RESUME, "BMES")


# --- Bengali -----------------------------------------------------------------------------------

BN = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
BANGLAKIT = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
MULTICONER = {"PER": "PER", "LOC": "LOC", "CORP": "ORG", "GRP": "ORG"}


def rifat(split: str) -> list[Sentence]:
    path = DATA / "ner_bn" / f"rifat1493_{split}_data.txt"
    return _mapped(_columns(path, "\t", 0, 1), BN, lang="bn")


def banglakit() -> list[Sentence]:
    """Tagged on punctuation-split tokens; sentences our tokeniser splits differently are
    skipped (counted on stderr)."""
    out, skipped = [], 0
    for line in (DATA / "ner_bn" / "banglakit_main.jsonl").read_text("utf-8").splitlines():
        sentence, tags = json.loads(line)
        tokens = [m.group() for m in tokenize(sentence, "bn")]
        if len(tokens) != len(tags):
            skipped += 1
            continue
        out.append((tokens, [_map(t, BANGLAKIT, "BILOU") for t in tags]))
    print(f"banglakit: {len(out)} sentences, {skipped} skipped (tokens differ)", file=sys.stderr)
    return out


def multiconer() -> list[Sentence]:
    path = DATA / "ner_bn" / "multiconer_bn_dev_ramisa2108.txt"
    return _mapped(_columns(path, None, 0, -1), MULTICONER, lang="bn")


# --- Scoring -----------------------------------------------------------------------------------


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entities as (start, end, type), conlleval style: an I- after another type starts one."""
    out = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, k = tag.partition("-")
        if kind is not None and (prefix != "I" or k != kind):
            out.add((start, i, kind))
            kind = None
        if prefix == "B" or (prefix == "I" and kind is None):
            start, kind = i, k
    return out


def score(gold: list[list[str]], pred: list[list[str]], kinds=("PER", "ORG", "LOC")) -> dict:
    """Entity-level precision, recall, F1 (micro) over the given kinds, and F1 per kind."""
    tp = fp = fn = 0
    per: dict[str, list[int]] = {k: [0, 0, 0] for k in kinds}
    for g, p in zip(gold, pred, strict=True):
        gs = {s for s in spans(g) if s[2] in kinds}
        ps = {s for s in spans(p) if s[2] in kinds}
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
        for s in gs & ps:
            per[s[2]][0] += 1
        for s in ps - gs:
            per[s[2]][1] += 1
        for s in gs - ps:
            per[s[2]][2] += 1

    def f1(t, p_, n):
        return 2 * t / (2 * t + p_ + n) if t else 0.0

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1(tp, fp, fn),
        "per_kind": {k: round(f1(*v), 4) for k, v in per.items()},
    }


# Each language's training sets: the first is the test set's own kind (a fixed 10% of it is
# the development fold that --dev holds out), the others are added whole.
TRAIN_SETS = {
    "en": {"conll": lambda: conll("train"), "conll_valid": lambda: conll("valid")},
    "zh": {
        "peoples_daily": lambda: peoples_daily("dev"),
        "msra": msra,
        "weibo": lambda: weibo("train") + weibo("dev"),
        "resume": lambda: resume("train") + resume("dev"),
    },
    "bn": {"rifat": lambda: rifat("train"), "banglakit": banglakit, "multiconer": multiconer},
}


HEADLINE_SHARE = 0.15


def headline_copies(sentences: list[Sentence], share: float = HEADLINE_SHARE) -> list[Sentence]:
    """Copies of a fixed share of the sentences with every word capitalised and no final stop,
    as headlines are written ("Did Barack Obama Congratulate Putin"): capitals alone do not
    make a name."""
    import random

    rng = random.Random(7)
    out = []
    for tokens, tags in sentences:
        if rng.random() < share:
            if len(tokens) > 1 and tokens[-1] in (".", "?", "!"):
                tokens, tags = tokens[:-1], tags[:-1]  # a headline has no full stop
            out.append(([t[:1].upper() + t[1:] for t in tokens], tags))
    return out


# What the shipped models are trained on. English: CoNLL train and, once the features were
# settled on it (validation F1 0.911 trained on train alone), its validation split too.
# Bengali, F1 on Rifat1493's development fold: Rifat alone 0.562 with the person-name gazetteer
# (0.544 without), Rifat + banglakit 0.524, all three sets 0.497 (without the gazetteer): the
# other sets annotate differently, so they only give the gazetteer its names (banglakit).
# Tried again with the sets' features marked (ADAPTED; --sets rifat banglakit): 0.547 (0.550
# at c1 0.03), with word clusters 0.562, and with MultiCoNER too 0.562; word clusters alone
# 0.542. None beat Rifat alone (0.562 on the same fold), so Bengali ships without either.
DEFAULT_SETS = {"en": ["conll", "conll_valid"], "zh": list(TRAIN_SETS["zh"]), "bn": ["rifat"]}


# Sets of the test set's kind that also give a tenth to the development fold: People's Daily
# dev alone leaves 231 sentences, too few to choose between features.
DEV_ALSO = {"zh": ("msra",)}


# Sets annotated otherwise than the test set's kind, learned from through copies of their
# features marked with the set's name ("frustratingly easy" domain adaptation, Daumé 2007): the
# marked copies take up how the set annotates differently, the plain ones what it shares.
ADAPTED = {"bn": ("banglakit", "multiconer")}


DEV_FOLDS = 10


def training_data(lang: str, sets: list[str] | None = None, dev: bool = False, fold: int = 9):
    """(train, dev) sentences: dev is the held-out fold of the first set (empty unless dev).
    English training also gets headline-cased copies of some sentences."""
    train, held = marked_training_data(lang, sets, dev, fold)
    return [(tokens, tags) for tokens, tags, _name in train], held


def marked_training_data(
    lang: str, sets: list[str] | None = None, dev: bool = False, fold: int = DEV_FOLDS - 1
):
    """As training_data, each training sentence with the name of its set. fold: which tenth
    of the set is held out (the last by default; others for cross-validation)."""
    chosen = sets or DEFAULT_SETS[lang]
    train, held = [], []
    for i, name in enumerate(chosen):
        if dev and name == "conll_valid":
            continue  # it is the English development set
        sentences = TRAIN_SETS[lang][name]()
        if dev and (i == 0 or name in DEV_ALSO.get(lang, ())):
            if lang == "en":
                held = conll("valid")
            else:
                cut = len(sentences) // DEV_FOLDS
                lo = fold * cut
                hi = len(sentences) if fold == DEV_FOLDS - 1 else lo + cut
                held, sentences = held + sentences[lo:hi], sentences[:lo] + sentences[hi:]
        train += [(tokens, tags, name) for tokens, tags in sentences]
    if lang == "en":
        copies = headline_copies([(tokens, tags) for tokens, tags, _name in train])
        train += [(tokens, tags, "headlines") for tokens, tags in copies]
    return train, held


TEST_SETS = {
    "en": ("CoNLL-2003 test", lambda: conll("test")),
    "zh": ("People's Daily test", lambda: peoples_daily("test")),
    "bn": ("Rifat1493 test", lambda: rifat("test")),
}
