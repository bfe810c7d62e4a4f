"""Name matching quality and speed: held-out transliteration pairs, seed pairs, nomenklatura's
human pairs, CLDR places. Each line is printed twice: the matcher as it ships ("learned") and the
matcher without the learned model and alias forms ("baseline", compare(use_model=False)), and
the matcher without the leading-words rule for partial names (compare(partial_names=False)).

    PYTHONPATH=. python benchmarks/bench_names.py [--quick]

The transliteration figures are on the held-out 20% of each file (names_data.is_heldout), which
train_names.py never reads: recall on its pairs, and the false-merge rate on pairs of different
names drawn from the same rows (random ones and hard ones sharing a family name or two letters).

Speed (pairs/s) is CPU time per line with the matcher's caches emptied before it, so no line
rides on the scores an earlier line left behind: the entities stage compares many candidate
pairs once each.

Places are measured twice: with the gazetteer (CLDR is the gazetteer, so near-perfect by
construction) and with it disabled, so the string/phonetic matcher itself is measured.
"""

from __future__ import annotations

import csv
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

sys.path.insert(0, str(Path(__file__).resolve().parent))

from names_data import bn_pairs, negative_pairs, zh_pairs  # noqa: E402

from factcheck.entities.names import (  # noqa: E402
    NameForm,
    compare,
    phonetic_key,
    romanize,
    translit,
)
from factcheck.entities.names.align import word_match  # noqa: E402
from factcheck.entities.names.compare import parse_name  # noqa: E402
from factcheck.text.scripts import script_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
if not DATASETS.exists():
    DATASETS = Path("/work/shared/datasets")
LANG = {"han": "zh", "bengali": "bn", "latin": "en"}


def cold_caches() -> None:
    """Empty every cache the matcher fills: scores, word matches, parsed names, model memos."""
    for cached in (translit.score_word, translit.best_spelling, word_match, parse_name):
        cached.cache_clear()
    for script in ("han", "bengali"):
        translit.load_model(script).memo.clear()


def report(label: str, pairs: list[tuple[NameForm, NameForm, bool]], **kw) -> None:
    counts: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    false_merges = []
    cold_caches()
    start = time.process_time()
    for a, b, truth in pairs:
        match = compare(a, b, **kw)
        rules[match.rule] += 1
        counts[("t" if match.is_match == truth else "f") + ("p" if match.is_match else "n")] += 1
        if match.is_match and not truth:
            false_merges.append((a.text, b.text, match.rule))
    seconds = time.process_time() - start
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    fmr = fp / (fp + tn) if fp + tn else 0.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{label:<56} pairs {len(pairs):>7}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
        f"false merges {fp:>4} ({fmr:.3%})  ({len(pairs) / seconds:,.0f} pairs/s)"
    )
    for a, b, rule in false_merges[:5]:
        print(f"    false merge: {a!r} ~ {b!r} [{rule}]")


def form(text: str, type_: str) -> NameForm:
    return NameForm(text, LANG[script_of(text)], type_)


def seed_pairs() -> list[tuple[NameForm, NameForm, bool]]:
    rows = csv.DictReader((ROOT / "tests/data/names_seeds.csv").read_text("utf-8").splitlines())
    return [
        (
            NameForm(r["name1"], r["lang1"], r["type"]),
            NameForm(r["name2"], r["lang2"], r["type"]),
            r["is_match"] == "true",
        )
        for r in rows
    ]


def human_pairs() -> list[tuple[NameForm, NameForm, bool]]:
    path = DATASETS / "names" / "name_pairs_human.csv"
    out = []
    for r in csv.DictReader(path.read_text("utf-8").splitlines()):
        type_ = "person" if r["schema"] == "Person" else "organization"
        out.append((form(r["name1"], type_), form(r["name2"], type_), r["is_match"] == "true"))
    return out


def cldr_rows() -> list[dict[str, str]]:
    path = DATASETS / "places" / "cldr_territories_en_zh_bn.tsv"
    return list(csv.DictReader(path.read_text("utf-8").splitlines(), delimiter="\t"))


def cldr_pairs() -> list[tuple[NameForm, NameForm, bool]]:
    """Same territory across en/zh_Hans/zh_Hant/bn: match; different territories across
    en/zh_Hans/bn: no match (all such pairs)."""
    rows = cldr_rows()
    columns = ("en", "zh_Hans", "zh_Hant", "bn")
    out = []
    for r in rows:
        for i, x in enumerate(columns):
            for y in columns[i + 1 :]:
                if r[x] and r[y] and r[x] != r[y]:
                    out.append((form(r[x], "place"), form(r[y], "place"), True))
    for x, y in (("en", "zh_Hans"), ("en", "bn"), ("zh_Hans", "bn")):
        for r in rows:
            for s in rows:
                if r["iso2"] != s["iso2"] and r[x] and s[y]:
                    out.append((form(r[x], "place"), form(s[y], "place"), False))
    return out


def countrynames_pairs() -> list[tuple[NameForm, NameForm, bool]]:
    """Each spelling variant vs its territory's CLDR English name (match) and vs the most
    similar other territory's English name (a hard negative)."""
    english = {r["iso2"]: r["en"] for r in cldr_rows()}
    variants: dict[str, list[str]] = {}
    code = None
    path = DATASETS / "places" / "countrynames_data.yaml"
    for line in path.read_text("utf-8").splitlines():
        head = re.match(r"^([A-Z]{2}):\s*$", line)
        if head:
            code = head.group(1)
            continue
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and code in english:
            variants.setdefault(code, []).append(item.group(1).strip().strip('"'))
        elif not line.startswith(" "):
            code = None if not head else code
    codes = list(english)
    names = [english[c] for c in codes]
    out = []
    for c, items in variants.items():
        for v in items:
            if v == english[c]:
                continue
            out.append((form(v, "place"), form(english[c], "place"), True))
            others = process.extract(v, names, scorer=JaroWinkler.normalized_similarity, limit=2)
            neg = next(n for n, _s, idx in others if codes[idx] != c)
            out.append((form(v, "place"), form(neg, "place"), False))
    return out


def throughput() -> None:
    names = ["Mohsin Naqvi", "莫辛·纳克维", "মহসিন নাকভি", "Wang Xiaohong", "王小洪", "ওয়াং জিয়াওহং"]
    romanize("王")  # pay pypinyin's import outside the timing
    sample = [n + suffix for suffix in ("", " a", " b", " c") for n in names] * 500
    start = time.perf_counter()
    for n in sample:
        phonetic_key(romanize(n))
    seconds = time.perf_counter() - start
    print(f"{'romanize + phonetic_key':<44} {len(sample) / seconds:,.0f} names/s")


def translit_pairs(kind: str) -> list[tuple[NameForm, NameForm, bool]]:
    """Held-out pairs (match) and their negatives (different names from the same rows)."""
    load = zh_pairs if kind == "zh" else bn_pairs
    test, train = load(heldout=True), load(heldout=False)
    lang = "zh" if kind == "zh" else "bn"
    out = [
        (NameForm(p.latin, "en", "person"), NameForm(p.native, lang, "person"), True) for p in test
    ]
    for p in negative_pairs(test, seed=7, known=train):
        out.append((NameForm(p.latin, "en", "person"), NameForm(p.native, lang, "person"), False))
    return out


def both(label: str, pairs, **kw) -> None:
    report(f"{label}, baseline", pairs, use_model=False, **kw)
    report(f"{label}, learned, no partial names", pairs, partial_names=False, **kw)
    report(f"{label}, learned", pairs, **kw)


def main() -> int:
    random.seed(0)
    quick = "--quick" in sys.argv
    both("(t1) held-out en-zh Wikidata", translit_pairs("zh"))
    both("(t2) held-out bn-en Wikipedia", translit_pairs("bn"))
    both("(a) seed pairs", seed_pairs())
    both("(b) nomenklatura human pairs", human_pairs())
    if quick:
        return 0
    cldr = cldr_pairs()
    report("(c1) CLDR en/zh/bn, gazetteer on", cldr)
    report("(c1) CLDR en/zh/bn, gazetteer off", cldr, use_gazetteer=False)
    variants = countrynames_pairs()
    report("(c2) countrynames variants, gazetteer on", variants)
    report("(c2) countrynames variants, gazetteer off", variants, use_gazetteer=False)
    latin = [p for p in variants if script_of(p[0].text) == "latin"]
    report("(c2) countrynames Latin variants, gaz. off", latin, use_gazetteer=False)
    throughput()
    return 0


if __name__ == "__main__":
    sys.exit(main())
