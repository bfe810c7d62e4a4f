"""Precision, recall and F1 of check-worthiness per language, and throughput.

English: the held-out 20% of ClaimBuster 2.5xNCS (the split train_checkworthy.py never trained or
selected on), model alone and full assess(), next to the 5-fold CV figures on the training 80%
that train_checkworthy.py stored in the model file; the English seed sentences. Chinese and
Bengali: the hand-labelled tsv files in tests/data. Weight size and throughput.

    PYTHONPATH=. /work/venv/bin/python benchmarks/bench_checkworthy.py
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from train_checkworthy import DATA, held_out_split, load_claimbuster  # noqa: E402

from factcheck.extract.checkworthy import assess, assess_many  # noqa: E402
from factcheck.extract.checkworthy.model import MODEL_FILE, load_model, probability  # noqa: E402

TESTS_DATA = HERE.parent / "tests" / "data"
COMMAND = "PYTHONPATH=. /work/venv/bin/python benchmarks/bench_checkworthy.py"


def prf(predicted: list[bool], labels: list[bool]) -> tuple[float, float, float]:
    pairs = list(zip(predicted, labels, strict=True))
    tp = sum(p and y for p, y in pairs)
    fp = sum(p and not y for p, y in pairs)
    fn = sum(y and not p for p, y in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, f1


def read_labelled(name: str) -> tuple[list[str], list[bool]]:
    sentences, labels = [], []
    for line in (TESTS_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sentence, label, _ = line.split("\t")
        sentences.append(sentence)
        labels.append(label == "1")
    return sentences, labels


def report(name: str, n: int, predicted: list[bool], labels: list[bool]) -> None:
    p, r, f = prf(predicted, labels)
    print(f"{name:<44} n={n:<5} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


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

    weights = HERE.parent / "factcheck" / "checkworthy" / MODEL_FILE
    raw = json.loads(gzip.decompress(weights.read_bytes()))
    terms = sum(len(block) for block in raw["blocks"].values())
    print(f"weights {weights.name}: {weights.stat().st_size / 1024:.0f} KiB gzipped, {terms} terms")
    cv = raw.get("cv", {})
    if cv:
        print(
            f"en ClaimBuster 5-fold CV on the training 80%: F1 {cv['fold_f1_mean']:.3f} ± "
            f"{cv['fold_f1_std']:.3f} per fold, pooled {cv['pooled_f1']:.3f} "
            f"(threshold {cv['threshold']:.2f} chosen in CV)"
        )

    texts, labels = load_claimbuster(DATA)
    _, test_x, _, test_y = held_out_split(texts, labels)
    gold = [bool(y) for y in test_y]
    threshold = load_model().threshold
    report("en ClaimBuster held-out 20%, model only", len(gold),
           [probability(s) >= threshold for s in test_x], gold)  # fmt: skip
    report("en ClaimBuster held-out 20%, assess()", len(gold),
           [r.is_checkworthy for r in assess_many([(s, "en") for s in test_x])], gold)  # fmt: skip

    for name, lang in (
        ("checkworthy_en_seeds.tsv", "en"),
        ("checkworthy_zh.tsv", "zh"),
        ("checkworthy_bn.tsv", "bn"),
    ):
        sentences, gold = read_labelled(name)
        results = assess_many([(s, lang) for s in sentences])
        report(f"{lang} tests/data/{name}", len(gold), [r.is_checkworthy for r in results], gold)

    throughput([(s, "en") for s in test_x], "en (model + rules)")
    for name, lang in (("checkworthy_zh.tsv", "zh"), ("checkworthy_bn.tsv", "bn")):
        sentences, _ = read_labelled(name)
        throughput([(s, lang) for s in sentences] * 20, f"{lang} (rules)")
    print(f"reproduce: {COMMAND}")


if __name__ == "__main__":
    main()
