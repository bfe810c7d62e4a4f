"""Draw the labelled news sample's sentences (fixed seed) and rebuild their text from ../shared.

Sources (see GUIDELINE.md and ../shared/datasets/README.md):
  en  FNC-1 competition test bodies (stance_en/competition_test_bodies.csv), split into sentences
      by factcheck.text.sentences; a sentence is `body id:start:end` (character offsets).
  bn  Bengali newspaper sentences (news_bn/bn_news_sentences.txt); a sentence is its line number.
  zh  People's Daily NER test sentences (ner_zh/peoplesdaily_example.test), the only Chinese news
      prose in ../shared (claims_zh holds one-line CFEVER claims, not news); a sentence is its
      index in the file.

FNC-1 and People's Daily state no licence, so labels.tsv stores only where each sentence is;
`load()` rebuilds the text from ../shared at run time. Nothing here ships in the package.

    PYTHONPATH=. .venv/bin/python benchmarks/checkworthy_news/sample.py  # prints a fresh draw
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factcheck.text.sentences import split_sentences

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
if not DATASETS.exists():  # worktrees live at /work/wt/<name>
    DATASETS = Path("/work/shared/datasets")
LABELS = HERE / "labels.tsv"
SEED = 14
PER_LANGUAGE = 220
# Further sentences drawn after the first 220 and labelled for the tune half only, where the
# first 110 tune sentences were too few to calibrate on (Bengali: mostly opinion columns).
EXTRA_TUNE = {"bn": 110, "zh": 110, "en": 110}
MIN_CHARS = {"en": 25, "bn": 20, "zh": 10}
MAX_CHARS = 400
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class Item:
    lang: str
    where: str  # locator in its source (see the module docstring)
    text: str
    label: bool | None = None
    split: str = ""  # "tune" or "held-out"


@cache
def _fnc_bodies() -> dict[str, str]:
    path = DATASETS / "stance_en" / "competition_test_bodies.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}


@cache
def _bn_lines() -> list[str]:
    path = DATASETS / "news_bn" / "bn_news_sentences.txt"
    return path.read_text(encoding="utf-8").splitlines()


@cache
def _zh_sentences() -> list[str]:
    path = DATASETS / "ner_zh" / "peoplesdaily_example.test"
    sentences, chars = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if chars:
                sentences.append("".join(chars))
            chars = []
            continue
        chars.append(parts[0])
    if chars:
        sentences.append("".join(chars))
    return sentences


def text_at(lang: str, where: str) -> str:
    if lang == "en":
        body_id, start, end = where.split(":")
        return " ".join(_fnc_bodies()[body_id][int(start) : int(end)].split())
    if lang == "bn":
        return _bn_lines()[int(where)].strip()
    return _zh_sentences()[int(where)]


def candidates(lang: str) -> list[str]:
    """Every locator of a sentence of sensible length in a language's source, in a fixed order."""
    if lang == "en":
        found = []
        for body_id, body in sorted(_fnc_bodies().items(), key=lambda kv: int(kv[0])):
            found.extend(f"{body_id}:{s}:{e}" for s, e in split_sentences(body))
    elif lang == "bn":
        found = [str(i) for i in range(len(_bn_lines()))]
    else:
        found = [str(i) for i in range(len(_zh_sentences()))]
    return [w for w in found if MIN_CHARS[lang] <= len(text_at(lang, w)) <= MAX_CHARS]


def draw(lang: str) -> list[str]:
    """PER_LANGUAGE (+ EXTRA_TUNE) locators, at most one per FNC-1 body so no article
    dominates."""
    rng = random.Random(f"{SEED}-{lang}")
    pool = candidates(lang)
    rng.shuffle(pool)
    chosen, bodies, seen = [], set(), set()
    for where in pool:
        body = where.split(":")[0] if lang == "en" else where
        text = text_at(lang, where)
        if body in bodies or text in seen:
            continue
        bodies.add(body)
        seen.add(text)
        chosen.append(where)
        if len(chosen) == PER_LANGUAGE + EXTRA_TUNE.get(lang, 0):
            break
    return chosen


def load(split: str | None = None, lang: str | None = None) -> list[Item]:
    """The labelled sample, text rebuilt from ../shared; `split` is "tune" or "held-out"."""
    items = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, where, label, part = line.split("\t")[:4]
        if (split and part != split) or (lang and code != lang):
            continue
        items.append(Item(code, where, text_at(code, where), label == "1", part))
    return items


def main() -> None:
    for lang in ("en", "bn", "zh"):
        for i, where in enumerate(draw(lang)):
            part = "tune" if i % 2 == 0 or i >= PER_LANGUAGE else "held-out"
            print(f"{lang}\t{where}\t?\t{part}\t{text_at(lang, where)}")


if __name__ == "__main__":
    main()
