"""Train the English check-worthiness model and ship it as gzipped JSON (dev only: sklearn).

Data: ClaimBuster 2.5xNCS (../shared/datasets/checkworthiness_en). Identical sentences (after
case and space folding) are merged first and sentences with conflicting labels dropped, so no
sentence is both trained and tested on. A fixed stratified 80/20 split (seed 13) holds out the test
set; model selection uses 5-fold CV on the 80% only. The shipped model is fitted on the 80%.

    PYTHONPATH=. /work/venv/bin/python benchmarks/train_checkworthy.py
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import StratifiedKFold, train_test_split

from factcheck.extract.checkworthy.model import analysers

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent.parent / "shared" / "datasets" / "checkworthiness_en" / "claimbuster_2.5xNCS.csv"
if not DATA.exists():  # worktrees live at /work/wt/<name>; the main checkout at /work/main
    DATA = Path("/work/shared/datasets/checkworthiness_en/claimbuster_2.5xNCS.csv")
MODEL_OUT = ROOT / "factcheck" / "checkworthy" / "en_model.json.gz"
PROBS_OUT = ROOT / "tests" / "data" / "checkworthy_en_model_probs.tsv"
SEED = 13
THRESHOLDS = np.round(np.arange(0.20, 0.701, 0.01), 3)

# Sentences whose sklearn probabilities the tests check the pure-Python inference against.
PROBE_SENTENCES = (
    "As part of a pilot project, police in Lanzhou, capital of Gansu province, monitored 494 "
    "cameras placed around a residential compound in a central “command room”.",
    "How will these initiatives affect China’s international reputation?",
    "This collaboration between Islamabad Police and the Beijing Police Department is a classic "
    "example of a win-win proposition.",
    "We're 9 million jobs short of that.",
    "I think we ought to be proud of what we've done.",
    "Unemployment fell to 4.1 percent in 2017, the lowest in 17 years.",
    "",
    "Thank you.",
)


def load_claimbuster(path: Path = DATA) -> tuple[list[str], np.ndarray]:
    """Sentences and labels, with duplicates merged and contradictory sentences dropped."""
    by_text: dict[str, tuple[str, set[int]]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = " ".join(row["text"].lower().split())
            text, labels = by_text.setdefault(key, (row["text"], set()))
            labels.add(int(row["label"]))
    kept = [(text, labels.pop()) for text, labels in by_text.values() if len(labels) == 1]
    return [t for t, _ in kept], np.array([label for _, label in kept])


def held_out_split(texts: list[str], labels: np.ndarray):
    """The fixed 80/20 split every figure in benchmarks/ uses."""
    return train_test_split(texts, labels, test_size=0.2, stratify=labels, random_state=SEED)


def make_vectorisers(config: dict) -> dict[str, TfidfVectorizer]:
    """One tf-idf vectoriser per block, with the very analysers inference uses."""
    return {
        name: TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=config[f"{name}_min_df"])
        for name, analyse in analysers(config).items()
    }


def fit(texts, labels, config):
    vecs = make_vectorisers(config)
    matrix = hstack([v.fit_transform(texts) for v in vecs.values()]).tocsr()
    model = LogisticRegression(C=config["C"], max_iter=5000).fit(matrix, labels)
    return vecs, model


def predict(vecs, model, texts) -> np.ndarray:
    matrix = hstack([v.transform(texts) for v in vecs.values()]).tocsr()
    return model.predict_proba(matrix)[:, 1]


def cross_validate(texts: list[str], labels: np.ndarray, config: dict) -> dict:
    """5-fold CV on the training 80%: the threshold that maximises pooled out-of-fold F1, and
    the mean and standard deviation of the per-fold F1 at that threshold."""
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    texts_arr = np.array(texts, dtype=object)
    out_of_fold = np.zeros(len(labels))
    fold_tests = []
    for train_idx, test_idx in folds.split(texts_arr, labels):
        vecs, model = fit(list(texts_arr[train_idx]), labels[train_idx], config)
        out_of_fold[test_idx] = predict(vecs, model, list(texts_arr[test_idx]))
        fold_tests.append(test_idx)
    pooled, threshold = max((f1_score(labels, out_of_fold >= t), t) for t in THRESHOLDS)
    per_fold = [f1_score(labels[i], out_of_fold[i] >= threshold) for i in fold_tests]
    return {
        "threshold": float(threshold),
        "pooled_f1": round(float(pooled), 4),
        "fold_f1_mean": round(float(np.mean(per_fold)), 4),
        "fold_f1_std": round(float(np.std(per_fold)), 4),
    }


def export(vecs, model, n_documents: int, cv: dict, config: dict) -> None:
    coef = model.coef_[0]
    blocks, offset = {}, 0
    for name, vec in vecs.items():
        vocab = vec.vocabulary_
        # Integer document frequencies recover sklearn's idf exactly: idf = ln((1+n)/(1+df)) + 1.
        df = np.rint((1 + n_documents) / np.exp(vec.idf_ - 1.0) - 1).astype(int)
        blocks[name] = {
            term: [int(df[i]), float(f"{coef[offset + i]:.10g}")] for term, i in vocab.items()
        }
        offset += len(vocab)
    payload = {
        "about": "check-worthiness of English sentences; logistic regression over tf-idf terms; "
        "trained on ClaimBuster 2.5xNCS (80% split, seed 13) by benchmarks/train_checkworthy.py",
        "config": config,
        "n_documents": n_documents,
        "intercept": float(model.intercept_[0]),
        "threshold": cv["threshold"],
        "cv": cv,
        "blocks": blocks,
    }
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    MODEL_OUT.write_bytes(gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0))


# Every config is judged by 5-fold CV on the training 80% only; the held-out 20% is scored once,
# for the chosen config, after the choice is made. (Earlier rounds of CV, not rerun here, found no
# gain from class weights, NB-scaled features, <NUM> number tokens or a gradient-boosted model
# stacked on the linear score and the hand features: see the commit message.)
BASE = {"C": 3.0, "word_min_df": 2, "word_longest": 2, "char": True, "char_min_df": 3}
CONFIGS = (
    BASE | {"char_range": [2, 5]},
    BASE | {"char_range": [2, 6]},
    BASE | {"word_longest": 3, "char_range": [2, 6]},
    BASE | {"C": 2.0, "word_longest": 3, "char_range": [2, 6]},
)


def main() -> None:
    texts, labels = load_claimbuster()
    train_x, test_x, train_y, test_y = held_out_split(texts, labels)
    print(
        f"{len(texts)} distinct sentences ({labels.sum()} check-worthy); "
        f"train {len(train_x)}, held out {len(test_x)}"
    )
    print("5-fold CV on the training 80% (pooled out-of-fold F1 at its best threshold; per-fold")
    print("F1 mean ± std at that threshold):")
    results = []
    for config in CONFIGS:
        cv = cross_validate(train_x, train_y, config)
        results.append((cv, config))
        print(
            f"  {json.dumps(config)}  F1 {cv['pooled_f1']:.4f} @ {cv['threshold']:.3f}  "
            f"folds {cv['fold_f1_mean']:.4f} ± {cv['fold_f1_std']:.4f}",
            flush=True,
        )
    cv, config = max(results, key=lambda r: r[0]["pooled_f1"])
    threshold = cv["threshold"]
    print(f"chosen: {json.dumps(config)} threshold {threshold:.3f} (CV F1 {cv['pooled_f1']:.4f})")

    vecs, model = fit(train_x, train_y, config)
    probs = predict(vecs, model, test_x)
    predicted = probs >= threshold
    print(
        f"held-out 20%: precision {precision_score(test_y, predicted):.4f} "
        f"recall {recall_score(test_y, predicted):.4f} F1 {f1_score(test_y, predicted):.4f} "
        f"(F1 @0.5 {f1_score(test_y, probs >= 0.5):.4f})"
    )
    export(vecs, model, len(train_x), cv, config)
    size = MODEL_OUT.stat().st_size
    print(
        f"wrote {MODEL_OUT.relative_to(ROOT)} ({size / 1024:.0f} KiB, "
        f"{sum(len(v.vocabulary_) for v in vecs.values())} terms)"
    )

    probes = list(PROBE_SENTENCES) + list(test_x[:12])
    with PROBS_OUT.open("w", encoding="utf-8") as handle:
        handle.write(
            "# sentence\tsklearn probability (written by benchmarks/train_checkworthy.py)\n"
        )
        for sentence, prob in zip(probes, predict(vecs, model, probes), strict=True):
            handle.write(f"{sentence}\t{float(prob)!r}\n")
    print(f"wrote {PROBS_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
