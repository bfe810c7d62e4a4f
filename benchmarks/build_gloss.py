"""Build the English gloss tables that ship in factcheck/match/gloss_data/.

    python benchmarks/build_gloss.py

Chinese (zh_en.tsv.gz): every CC-CEDICT headword (simplified and traditional) with its first
plain English sense, for longest-match glossing. CC-CEDICT is CC BY-SA 3.0: the derived table
ships under that licence with its attribution (gloss_data/README.md).

Bengali (bn_en.tsv.gz): a word-translation table learned by IBM Model 1 (EM over word
co-occurrence) from the X-CLAIM train posts, whose en2bn file is a machine translation of the
English one. The two files are in the same order with a few posts dropped from the Bengali side,
so the pairs are recovered by a monotonic alignment on post length, digits and Latin tokens.
Only the train split is read; the dev split is held back for benchmarks/bench_match.py. Only
word-pair weights ship, never the posts' text.
"""

from __future__ import annotations

import ast
import csv
import gzip
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "../shared/datasets"
if not DATA.exists():  # a worktree beside the repository, not inside its parent
    DATA = Path("/work/shared/datasets")
OUT = REPO / "factcheck/match/gloss_data"

EM_ITERATIONS = 8
MIN_PROBABILITY = 0.08  # a Bengali word's translation must have at least this t(e|b)
MIN_BN_COUNT = 2  # and the word must occur in at least this many training posts
MAX_TRANSLATIONS = 2


# ---------- Chinese: CC-CEDICT ----------

SENSE_SKIP = re.compile(
    r"^(surname |variant of|old variant|see |used in |erhua variant|abbr\. for|"
    r"Japanese variant|archaic variant|CL:|\(Tw\)|\(old\)|\(bound form\))"
)


def plain_sense(senses: list[str]) -> str | None:
    """The first two plain senses ("cultivate/train"), without notes and classifiers."""
    kept: list[str] = []
    for sense in senses:
        sense = re.sub(r"\([^)]*\)", "", sense)  # "(of a person)" and other notes
        sense = re.sub(r"\[[^\]]*\]", "", sense)
        sense = re.sub(r"\b(to|sb|sth|one's)\b\s*", "", sense).strip(" ,.;")
        sense = " ".join(sense.split())
        if not sense or SENSE_SKIP.match(sense) or "|" in sense or sense in kept:
            continue
        sense = sense.split(",")[0].strip()
        if len(sense) > 30:
            sense = sense[:30].rsplit(" ", 1)[0]
        kept.append(sense)
        if len(kept) == 2:
            break
    return "/".join(kept) or None


def build_chinese() -> int:
    table: dict[str, str] = {}
    path = DATA / "lexicons/cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            match = re.match(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$", line)
            if not match:
                continue
            traditional, simplified, pinyin, senses = match.groups()
            if pinyin[:1].isupper() and len(simplified) == 1:
                continue  # a single-character proper name (a surname): more noise than help
            sense = plain_sense(senses.split("/"))
            if not sense:
                continue
            for headword in (simplified, traditional):
                if re.fullmatch(r"[\u3400-\u9fff]+", headword) and headword not in table:
                    table[headword] = sense
    OUT.mkdir(exist_ok=True)
    with gzip.open(OUT / "zh_en.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(
            "# Derived from CC-CEDICT (CC BY-SA 3.0, https://cc-cedict.org), see README.md\n"
        )
        for headword in sorted(table):
            handle.write(f"{headword}\t{table[headword]}\n")
    return len(table)


# ---------- Bengali: IBM Model 1 on X-CLAIM train ----------

EN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
BN_WORD = re.compile(r"[\u0980-\u09ff]+|[a-z]+|\d+")
LATIN_ANCHOR = re.compile(r"[A-Za-z0-9#@]{2,}")
EN_STOP_TEXT = """
    a an the of to in on at for and or but is are was were be been by with as it its this
    that these those from has have had not no do does did will would can could should may
    might i you he she we they them his her their our your my me him us who which what
    when where how if so than then there here also just about into over after before up
    out more most very all any some such only own same other s t
"""
EN_STOP = frozenset(EN_STOP_TEXT.split())


def read_posts(name: str) -> list[list[str]]:
    with open(DATA / "claim_spans" / name, encoding="utf-8", newline="") as handle:
        return [ast.literal_eval(row["tokens"]) for row in csv.DictReader(handle)]


def anchors(tokens: list[str]) -> set[str]:
    return {match.lower() for token in tokens for match in LATIN_ANCHOR.findall(token)}


def align_posts(english: list[list[str]], bengali: list[list[str]]) -> list[tuple[int, int]]:
    """(english index, bengali index) pairs: the Bengali file is the English one in order with
    some posts dropped, so the offset between them only grows. A dynamic programme over that
    offset picks the pairs whose lengths and Latin tokens (digits, names, hashtags) agree."""
    drops = len(english) - len(bengali)
    en_anchor = [anchors(tokens) for tokens in english]
    bn_anchor = [anchors(tokens) for tokens in bengali]
    ratios = [
        math.log((len(bengali[j]) + 1) / (len(english[j + d]) + 1))
        for j in range(len(bengali))
        for d in (0,)
        if j + d < len(english)
    ]
    typical = sorted(ratios)[len(ratios) // 2]

    def similarity(i: int, j: int) -> float:
        ratio = math.log((len(bengali[j]) + 1) / (len(english[i]) + 1))
        score = -abs(ratio - typical)
        union = en_anchor[i] | bn_anchor[j]
        if union:
            score += 2 * len(en_anchor[i] & bn_anchor[j]) / len(union)
        return score

    # best[d]: the best total with offset d after Bengali post j.
    neg = float("-inf")
    best = [similarity(d, 0) if d <= drops else neg for d in range(drops + 1)]
    back: list[list[int]] = []
    for j in range(1, len(bengali)):
        row, new = [], []
        running, arg = neg, 0
        for d in range(drops + 1):
            if best[d] > running:
                running, arg = best[d], d
            row.append(arg)
            i = j + d
            new.append(running + similarity(i, j) if i < len(english) else neg)
        back.append(row)
        best = new
    d = max(range(drops + 1), key=lambda k: best[k])
    pairs = []
    for j in range(len(bengali) - 1, -1, -1):
        pairs.append((j + d, j))
        if j:
            d = back[j - 1][d]
    return pairs[::-1]


def en_words(tokens: list[str]) -> list[str]:
    return [w for w in EN_WORD.findall(" ".join(tokens).lower()) if w not in EN_STOP]


def bn_words(tokens: list[str]) -> list[str]:
    return BN_WORD.findall(" ".join(tokens).lower())


def ibm_model1(pairs: list[tuple[list[str], list[str]]]) -> dict[str, dict[str, float]]:
    """t(e | b) by EM, with a NULL word on the Bengali side."""
    t: dict[str, dict[str, float]] = defaultdict(dict)
    for english, bengali in pairs:
        for b in set(bengali) | {"<null>"}:
            for e in set(english):
                t[b][e] = 1.0
    for iteration in range(EM_ITERATIONS):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for english, bengali in pairs:
            sources = bengali + ["<null>"]
            for e in english:
                total = sum(t[b].get(e, 1e-9) for b in sources)
                for b in sources:
                    counts[b][e] += t[b].get(e, 1e-9) / total
        t = defaultdict(dict)
        for b, row in counts.items():
            norm = sum(row.values())
            t[b] = {e: value / norm for e, value in row.items() if value / norm > 1e-4}
        print(f"  EM iteration {iteration + 1}")
    return t


def build_bengali() -> tuple[int, int]:
    english, bengali = read_posts("xclaim_train-en.csv"), read_posts("xclaim_train-en2bn.csv")
    pairs = align_posts(english, bengali)
    training = [(en_words(english[i]), bn_words(bengali[j])) for i, j in pairs]
    post_count = Counter(b for _, bn in training for b in set(bn))
    t = ibm_model1(training)
    rows = []
    for b, row in t.items():
        if b == "<null>" or post_count[b] < MIN_BN_COUNT or b.isascii():
            continue
        best = sorted(row.items(), key=lambda item: -item[1])[:MAX_TRANSLATIONS]
        kept = [(e, p) for e, p in best if p >= MIN_PROBABILITY]
        if kept:
            rows.append((b, kept))
    with gzip.open(OUT / "bn_en.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(
            "# Bengali word -> English words with IBM Model 1 t(e|b), learned from the X-CLAIM "
            "train posts (mbzuai-nlp/x-claim); see README.md\n"
        )
        for b, kept in sorted(rows):
            handle.write(b + "\t" + " ".join(f"{e}:{p:.2f}" for e, p in kept) + "\n")
    return len(pairs), len(rows)


if __name__ == "__main__":
    import sys

    print(f"zh: {build_chinese():,} headwords")
    if sys.argv[1:] == ["zh"]:
        raise SystemExit
    aligned, words = build_bengali()
    print(f"bn: {aligned:,} aligned train posts, {words:,} Bengali words")
