"""Value accuracy on tests/data/extract_values.jsonl and throughput of extract_claims.

    PYTHONPATH=. python benchmarks/bench_extract.py [--sentences 6000]

Throughput runs on one core over real sentences from ../shared/datasets (Bengali news, CFEVER
Chinese claims, ClaimBuster English sentences), fed as articles of 50 sentences each; it is timed
in this process's CPU time, best of `--repeat` passes, so other work on a shared machine does not
count.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import time
from pathlib import Path

from factcheck.extract import PassageSpan, extract_claims

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
if not DATASETS.exists():
    DATASETS = Path("/work/shared/datasets")
LABELLED = ROOT / "tests" / "data" / "extract_values.jsonl"
CHECKED_KINDS = {"number", "quantity", "percent", "money", "duration", "date"}


def value_accuracy() -> None:
    cases = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    found = expected = extracted = correct_extracted = 0
    by_lang: dict[str, list[int]] = {}
    for case in cases:
        text = case["text"]
        published = dt.date.fromisoformat(case["published"]) if case["published"] else None
        claims = extract_claims(text, [PassageSpan(0, len(text), case["lang"])], published)
        values = {
            (v.kind, v.start, v.end): v for c in claims for v in c.values if v.kind in CHECKED_KINDS
        }.values()
        hits = [
            any(all(getattr(v, k) == w for k, w in e.items()) for v in values)
            for e in case["values"]
        ]
        found += sum(hits)
        expected += len(hits)
        stats = by_lang.setdefault(case["lang"], [0, 0])
        stats[0] += sum(hits)
        stats[1] += len(hits)
        # Precision: an extracted value is right if some expected value has its kind and text.
        expected_spans = {(e["kind"], e.get("text")) for e in case["values"]}
        extracted += len(values)
        correct_extracted += sum((v.kind, v.text) in expected_spans for v in values)
    print(f"labelled sentences: {len(cases)}  expected values: {expected}")
    print(f"value recall (kind, text, normalized, unit all right): {found / expected:.3f}")
    for lang, (hit, total) in sorted(by_lang.items()):
        print(f"  {lang}: {hit}/{total} = {hit / total:.3f}")
    print(
        f"value precision (extracted values with a labelled kind and text): "
        f"{correct_extracted}/{extracted} = {correct_extracted / max(extracted, 1):.3f}"
    )


def real_sentences(limit: int) -> list[tuple[str, str]]:
    bn = [
        line.strip()
        for line in (DATASETS / "news_bn" / "bn_news_sentences.txt").open(encoding="utf-8")
        if line.strip()
    ]
    zh = [
        json.loads(line)["claim"]
        for line in (DATASETS / "claims_zh" / "cfever_dev.jsonl").open(encoding="utf-8")
    ]
    with (DATASETS / "checkworthiness_en" / "claimbuster_2.5xNCS.csv").open(encoding="utf-8") as f:
        en = [row["text"] for row in csv.DictReader(f)]
    pool = [("bn", s) for s in bn] + [("zh", s) for s in zh] + [("en", s) for s in en]
    random.Random(0).shuffle(pool)
    return pool[:limit]


def throughput(limit: int, repeat: int = 1) -> None:
    sentences = real_sentences(limit)
    articles = []
    for i in range(0, len(sentences), 50):
        chunk = sentences[i : i + 50]
        text, passages = "", []
        for lang, sentence in chunk:
            passages.append(PassageSpan(len(text), len(text) + len(sentence), lang))
            text += sentence + "\n"
        articles.append((text, passages))
    extract_claims(*articles[0], dt.date(2025, 1, 1))  # warm caches and regex compilation
    size = sum(len(text.encode("utf-8")) for text, _ in articles)
    chars = sum(len(text) for text, _ in articles)
    elapsed = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        claims = 0
        for text, passages in articles:
            claims += len(extract_claims(text, passages, dt.date(2025, 1, 1)))
        elapsed = min(elapsed, time.process_time() - start)
    print(
        f"throughput over {len(sentences)} real sentences "
        f"({size / 1e6:.2f} MB UTF-8, {chars} chars)"
    )
    print(
        f"  {len(sentences) / elapsed:,.0f} sentences/s, {size / 1e6 / elapsed:.2f} MB/s, "
        f"{chars / 1e6 / elapsed:.2f} M chars/s, {claims} claims in {elapsed:.2f} s CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=6000)
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fastest counts")
    args = parser.parse_args()
    value_accuracy()
    throughput(args.sentences, args.repeat)
    # The cost of the trained entity taggers: the same run with mentions from the rules alone.
    from factcheck.entities.mentions import tagger

    tagger.ENABLED = False
    print("without the entity taggers (cue-word rules only):")
    throughput(args.sentences, args.repeat)


if __name__ == "__main__":
    main()
