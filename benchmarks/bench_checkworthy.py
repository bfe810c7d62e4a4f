"""Check-worthiness: ClaimBuster debates, the labelled news sample, X-CLAIM spans, throughput.

- English debates: the held-out 20% of ClaimBuster 2.5xNCS (the split train_checkworthy.py never
  trained or selected on): the model alone, assess(), and the extraction pipeline's claims.
- News: the held-out half of benchmarks/checkworthy_news/ (220 sentences a language labelled by
  reading, GUIDELINE.md there; the tune half is what calibration may read): precision at the
  first cut-off whose recall reaches 0.75 (target 0.80), and P/R/F1 at the 0.5 decision.
- X-CLAIM (claim_spans, test files: English and native Bengali social-media posts, one claim
  each): the share of claim spans that a check-worthy claim of the post overlaps.
- Weight size and throughput.

A sentence's score is the highest check-worthiness of the claims extract_claims() finds in it,
as the ledger stores it.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_checkworthy.py   # needs the `bench` extra
"""

from __future__ import annotations

import ast
import csv
import gzip
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from checkworthy_news.sample import DATASETS, load  # noqa: E402
from train_checkworthy import DATA, held_out_split, load_claimbuster  # noqa: E402

from factcheck.extract import PassageSpan, extract_claims  # noqa: E402
from factcheck.extract.checkworthy import assess, assess_many  # noqa: E402
from factcheck.extract.checkworthy.model import MODEL_FILE, load_model, probability  # noqa: E402

WEIGHTS = HERE.parent / "factcheck" / "extract" / "checkworthy" / MODEL_FILE
COMMAND = "PYTHONPATH=. .venv/bin/python benchmarks/bench_checkworthy.py"
TARGET_RECALL = 0.75


def prf(predicted: list[bool], labels: list[bool]) -> tuple[float, float, float]:
    pairs = list(zip(predicted, labels, strict=True))
    tp = sum(p and y for p, y in pairs)
    fp = sum(p and not y for p, y in pairs)
    fn = sum(y and not p for p, y in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, f1


def precision_at_recall(
    scores: list[float], labels: list[bool], min_recall: float = TARGET_RECALL
) -> tuple[float, float, float]:
    """Precision, recall and score cut-off at the highest cut-off whose recall reaches min_recall
    (ties in score are taken together, as a threshold would)."""
    positives = sum(labels)
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    tp = fp = 0
    for i, (score, label) in enumerate(ranked):
        tp += label
        fp += not label
        if i + 1 < len(ranked) and ranked[i + 1][0] == score:
            continue
        if positives and tp / positives >= min_recall:
            return tp / (tp + fp), tp / positives, score
    return 0.0, 0.0, 0.0


def claims_of(text: str, lang: str, calibrated: bool = True) -> list:
    return extract_claims(text, [PassageSpan(0, len(text), lang)], None, calibrated=calibrated)


def sentence_score(text: str, lang: str, calibrated: bool = True) -> float:
    """The highest check-worthiness among the claims extraction finds in one sentence; with
    `calibrated` False, without the news model (the same-run baseline)."""
    claims = claims_of(text, lang, calibrated)
    return max((c.checkworthiness.score for c in claims), default=0.0)


def report(name: str, n: int, predicted: list[bool], labels: list[bool]) -> None:
    p, r, f = prf(predicted, labels)
    print(f"{name:<52} n={n:<5} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def claimbuster() -> None:
    texts, labels = load_claimbuster(DATA)
    _, test_x, _, test_y = held_out_split(texts, labels)
    gold = [bool(y) for y in test_y]
    threshold = load_model().threshold
    report("en ClaimBuster held-out 20%, model only", len(gold),
           [probability(s) >= threshold for s in test_x], gold)  # fmt: skip
    report("en ClaimBuster held-out 20%, assess()", len(gold),
           [r.is_checkworthy for r in assess_many([(s, "en") for s in test_x])], gold)  # fmt: skip
    report("en ClaimBuster held-out 20%, extraction (before)", len(gold),
           [sentence_score(s, "en", False) >= 0.5 for s in test_x], gold)  # fmt: skip
    report("en ClaimBuster held-out 20%, extraction + news model", len(gold),
           [sentence_score(s, "en") >= 0.5 for s in test_x], gold)  # fmt: skip


def news() -> None:
    for lang in ("en", "zh", "bn"):
        items = load("held-out", lang)
        gold = [bool(item.label) for item in items]
        print(f"{lang} news held-out: {len(items)} sentences, {sum(gold)} check-worthy")
        for calibrated, name in ((False, "before"), (True, "news model")):
            scores = [sentence_score(item.text, lang, calibrated) for item in items]
            p, r, cut = precision_at_recall(scores, gold)
            print(
                f"  {name:<11} precision {p:.3f} at recall {r:.3f} (score >= {cut:.2f});"
                " target 0.80"
            )
            report(f"  {name:<11} at the 0.5 decision", len(items),
                   [s >= 0.5 for s in scores], gold)  # fmt: skip


def xclaim_posts(name: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each post's text (its tokens joined by spaces) and its claim spans as character offsets."""
    posts = []
    with (DATASETS / "claim_spans" / name).open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            tokens = ast.literal_eval(row["tokens"])
            offsets, at = [], 0
            for token in tokens:
                offsets.append((at, at + len(token)))
                at += len(token) + 1
            starts = ast.literal_eval(row["span_start_index"])
            ends = ast.literal_eval(row["span_end_index"])
            spans = [(offsets[s][0], offsets[e][1]) for s, e in zip(starts, ends, strict=True)]
            posts.append((" ".join(tokens), spans))
    return posts


def xclaim() -> None:
    for name, lang in (("xclaim_test-en.csv", "en"), ("xclaim_test-bn.csv", "bn")):
        posts = xclaim_posts(name)
        for calibrated, label in ((False, "before"), (True, "news model")):
            found = 0
            for text, spans in posts:
                claims = claims_of(text, lang, calibrated)
                flagged = [c for c in claims if c.checkworthiness.is_checkworthy]
                found += any(c.start < e and s < c.end for c in flagged for s, e in spans)
            print(
                f"{lang} X-CLAIM test spans overlapped by a check-worthy claim, {label:<10}: "
                f"{found / len(posts):.3f} ({found} of {len(posts)} posts)"
            )


def throughput(items: list[tuple[str, str]], label: str) -> None:
    start = time.perf_counter()
    assess_many(items)
    elapsed = time.perf_counter() - start
    print(
        f"throughput {label:<33} {len(items) / elapsed:,.0f} sentences/s "
        f"({len(items)} in {elapsed:.2f} s)"
    )


def main() -> None:
    start = time.perf_counter()
    load_model()
    for lang in ("en", "zh", "bn"):
        assess("warm up 1", lang)
    print(f"model + rule tables loaded in {time.perf_counter() - start:.2f} s")

    raw = json.loads(gzip.decompress(WEIGHTS.read_bytes()))
    terms = sum(len(block) for block in raw["blocks"].values())
    print(f"weights {WEIGHTS.name}: {WEIGHTS.stat().st_size / 1024:.0f} KiB gzipped, {terms} terms")
    cv = raw.get("cv", {})
    if cv:
        print(
            f"en ClaimBuster 5-fold CV on the training 80%: F1 {cv['fold_f1_mean']:.3f} ± "
            f"{cv['fold_f1_std']:.3f} per fold, pooled {cv['pooled_f1']:.3f} "
            f"(threshold {cv['threshold']:.2f} chosen in CV)"
        )
    claimbuster()
    news()
    xclaim()
    for lang in ("en", "zh", "bn"):
        sentences = [(item.text, lang) for item in load(lang=lang)]
        throughput(sentences * 10, f"{lang} assess()")
    print(f"reproduce: {COMMAND}")


if __name__ == "__main__":
    main()
