"""What a run costs as the ledger grows, measured on real news text, with the ratios the
performance targets are stated in.

    python benchmarks/bench_scale.py [--sizes 100,1000,3000] [--add 10]

Articles are built from real text in ../shared/datasets/ (never copied into the project): FNC-1
bodies (English, each split at a paragraph into two articles), Bengali newspaper sentences (eight
to an article) and CFEVER Chinese claims (six to an article). Every command runs as its own
`factcheck` process; CPU time and peak memory are that process's own (os.wait4), so the other core's
load does not count. Figures:
- CPU seconds, MB of input per CPU second, peak RSS and ledger KB per article, per size, and
  the largest ledger's KB per article by table and index (dbstat) and by its widest columns;
- the +N-articles run on the largest ledger as a share of that ledger's from-scratch build;
- with --claims N (default 100,000; 0 skips it): a ledger of about N claims, built from that pool
  and more real news text (CoNLL-2003 Reuters documents, People's Daily and MSRA sentences six
  to an article, Bengali NER sentences eight to an article, CheckThat! 2022 fact-checked claims
  six to an article) and, past those, the same articles again with their sentences rotated
  (the second half first, in one paragraph: the same sentences in other articles, as wire
  copy reappears), then one more article added to it; its cost beyond the same article's
  run on an empty ledger (process start, models, its own extraction) is the +1 figure;
- `factcheck --help` next to `sqlite-utils --help` (best of 5, CPU seconds);
- startup: `--help`, `sources`, `claims`, `claims --search`, `claim 1` and `verdicts` on the
  seeds' ledger, best of 5 CPU seconds each, next to `sqlite-utils --help` and, with
  `--baseline-tree DIR` (another checkout with its own .venv), the same commands of that tree
  on a ledger it built itself; `--startup-only` measures this alone;
- `run --jobs 1` against `--jobs 2` where the CLI has that option.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# ../shared/datasets of the checkout, or of its parent for a worktree in a folder of worktrees.
DATASETS = next(
    (
        path
        for path in (
            REPO.parent / "shared" / "datasets",
            REPO.parent.parent / "shared" / "datasets",
        )
        if path.is_dir()
    ),
    REPO.parent / "shared" / "datasets",
)
BIN = Path(sys.executable).parent

TARGETS = {
    "increment_share": 0.03,
    "one_more_article_s": 1.0,
    "run_mb_per_s": 0.5,
    "jobs_speedup": 1.7,
    "peak_rss_mib": 300,
    "ledger_kb_per_article": 15,
    "help_vs_sqlite_utils": 1.1,
    "help_seconds": 0.3,
}


@dataclass
class Measured:
    cpu_s: float
    wall_s: float
    peak_rss_mib: float
    returncode: int


def measure(args: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run one command; its own CPU time and peak RSS, read from wait4 (not the whole tree's)."""
    started = time.perf_counter()
    # stderr to a file, not a pipe: a pipe nobody reads until the end fills and blocks the run.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=errors, env=env or os.environ.copy()
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        print(f"  ! {' '.join(args[:3])} exited {process.returncode}: {stderr.strip()[-300:]}")
    return Measured(
        cpu_s=usage.ru_utime + usage.ru_stime,
        wall_s=wall,
        peak_rss_mib=usage.ru_maxrss / 1024,
        returncode=process.returncode,
    )


def english_articles() -> list[str]:
    path = DATASETS / "stance_en" / "competition_test_bodies.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        bodies = [row["articleBody"].strip() for row in csv.DictReader(handle)]
    articles = []
    for body in bodies:
        paragraphs = [p for p in body.split("\n") if p.strip()]
        if len(paragraphs) < 4:
            articles.append(body)
            continue
        half = len(paragraphs) // 2
        articles.append("\n\n".join(paragraphs[:half]))
        articles.append("\n\n".join(paragraphs[half:]))
    return articles


def grouped(lines: list[str], size: int, joiner: str) -> list[str]:
    return [joiner.join(lines[i : i + size]) for i in range(0, len(lines) - size + 1, size)]


def bengali_articles() -> list[str]:
    path = DATASETS / "news_bn" / "bn_news_sentences.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return grouped(lines, 8, " ")


def chinese_articles() -> list[str]:
    path = DATASETS / "claims_zh" / "cfever_dev.jsonl"
    claims = [json.loads(line)["claim"] for line in path.read_text(encoding="utf-8").splitlines()]
    return grouped([c if c.endswith("。") else c + "。" for c in claims], 6, "")


def conll_documents() -> list[str]:
    """CoNLL-2003's Reuters documents as plain text (tokens rejoined)."""
    documents, sentences, words = [], [], []
    for name in ("conll2003_en_train.txt", "conll2003_en_valid.txt", "conll2003_en_test.txt"):
        for line in (DATASETS / "ner_en" / name).read_text(encoding="utf-8").splitlines():
            token = line.split(" ")[0] if line.strip() else ""
            if token == "-DOCSTART-" or not token:
                if words:
                    sentences.append(" ".join(words))
                    words = []
                if token == "-DOCSTART-" and sentences:
                    documents.append(" ".join(sentences))
                    sentences = []
                continue
            words.append(token)
    text = [document for document in documents if len(document) > 200]
    return [
        document.replace(" ,", ",").replace(" .", ".").replace(" 's", "'s") for document in text
    ]


def char_sentences(path: Path) -> list[str]:
    """Sentences of a `char tag` file, one character a line, blank lines between sentences."""
    sentences, chars = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            chars.append(line.split()[0])
        elif chars:
            sentences.append("".join(chars))
            chars = []
    return sentences


def token_sentences(path: Path) -> list[str]:
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.strip():
            words.append(line.split("\t")[0])
        elif words:
            sentences.append(" ".join(words))
            words = []
    return sentences


def more_articles() -> list[str]:
    """Real news text beyond the pool, for the large ledger."""
    chinese = []
    for name in ("peoplesdaily_example.dev", "peoplesdaily_example.test", "msra_test_bio.txt"):
        chinese += char_sentences(DATASETS / "ner_zh" / name)
    bengali = []
    for name in ("rifat1493_train_data.txt", "rifat1493_test_data.txt"):
        bengali += token_sentences(DATASETS / "ner_bn" / name)
    path = DATASETS / "claim_matching_en" / "CT2022-Task2A-EN-vclaims.jsonl"
    checked = [json.loads(line)["vclaim"] for line in path.read_text("utf-8").splitlines()]
    return (
        conll_documents()
        + grouped(chinese, 6, "")
        + grouped(bengali, 8, " ")
        + grouped([c if c.endswith(".") else c + "." for c in checked], 6, " ")
    )


SENTENCE_END = re.compile(r"(?<=[.!?।。])\s*")


def rotated(text: str) -> str:
    """The article's sentences, second half first, as one paragraph."""
    sentences = [part for part in SENTENCE_END.split(" ".join(text.split())) if part]
    half = len(sentences) // 2
    return " ".join(sentences[half:] + sentences[:half])


def claim_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT COUNT(*) FROM claims").fetchone()[0]


def bench_large(root: Path, pool: list[str], claims: int, seed: int) -> tuple[int, float, float]:
    """Build a ledger of about `claims` claims (in batches of 2,000 articles, as a newsroom's
    ledger grows), add one article; returns (claims, +1 CPU s, the same article's CPU s alone)."""
    articles = pool + more_articles()
    random.Random(seed + 1).shuffle(articles)
    articles += [rotated(text) for text in articles]
    extra, articles = articles[0], articles[1:]
    ledger = root / "large.db"
    built = 0
    while built < len(articles):
        batch = root / f"large_{built}"
        write_corpus(batch, articles[built : built + 2000], offset=built)
        measure(factcheck("--db", str(ledger), "run", str(batch)))
        shutil.rmtree(batch)
        built += 2000
        if claim_count(ledger) >= claims:
            break
    one = root / "one_more"
    write_corpus(one, [extra], offset=900_000)
    added = measure(factcheck("--db", str(ledger), "run", str(one)))
    alone = measure(factcheck("--db", str(root / "alone.db"), "run", str(one)))
    return claim_count(ledger), added.cpu_s, alone.cpu_s


def article_pool(seed: int) -> list[str]:
    pool = english_articles() + bengali_articles() + chinese_articles()
    random.Random(seed).shuffle(pool)
    return pool


def write_corpus(folder: Path, articles: list[str], offset: int = 0) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for number, text in enumerate(articles, start=offset):
        data = text.encode("utf-8") + b"\n"
        (folder / f"article_{number:05d}.txt").write_bytes(data)
        size += len(data)
    return size


def ledger_bytes(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size


def ledger_breakdown(path: Path, articles: int, shown: int = 12) -> None:
    """KB per article of each table and index (dbstat), an FTS table with its shadow tables, and
    of a table's largest columns, so what the ledger spends its bytes on is seen."""
    with sqlite3.connect(path) as connection:
        sizes: dict[str, int] = {}
        for name, size in connection.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
            owner = re.sub(r"_fts_(data|idx|docsize|config|content)$", "_fts", name)
            sizes[owner] = sizes.get(owner, 0) + size
        total = sum(sizes.values())
        print(f"\nledger of {articles} articles, KB per article by table and index (dbstat):")
        for name, size in sorted(sizes.items(), key=lambda item: -item[1])[:shown]:
            columns = ""
            if name in {"claims", "sources", "passages", "verdicts", "links", "mentions"}:
                widths = column_bytes(connection, name)
                columns = "  " + ", ".join(
                    f"{column} {width / 1024 / articles:.2f}" for column, width in widths[:3]
                )
            print(f"  {name:<34} {size / 1024 / articles:>6.2f}{columns}")
        print(f"  {'all pages':<34} {total / 1024 / articles:>6.2f}")


def column_bytes(connection: sqlite3.Connection, table: str) -> list[tuple[str, int]]:
    """A table's widest columns by the bytes their values take, widest first."""
    names = [row[1] for row in connection.execute(f"PRAGMA table_info([{table}])")]
    sums = connection.execute(
        "SELECT "
        + ", ".join(f"SUM(LENGTH(CAST([{n}] AS BLOB)))" for n in names)
        + f" FROM [{table}]"
    ).fetchone()
    return sorted(zip(names, (size or 0 for size in sums), strict=True), key=lambda item: -item[1])


def factcheck(*args: str) -> list[str]:
    return [str(BIN / "factcheck"), *args]


def bench_help() -> tuple[float, float]:
    ours = min(measure(factcheck("--help")).cpu_s for _ in range(5))
    theirs = min(measure([str(BIN / "sqlite-utils"), "--help"]).cpu_s for _ in range(5))
    return ours, theirs


STARTUP_COMMANDS = (
    ["--help"], ["sources"], ["claims"], ["claims", "--search", "minister"], ["claim", "1"],
    ["verdicts"], ["entities"], ["entity", "1"], ["source", "1"], ["contradictions"],
    ["tensions"],
)  # fmt: skip


def seeds_ledger(executable: Path, seeds: Path, path: Path) -> Path:
    """The seeds run through a tree's own factcheck, so each tree reads a ledger of its schema."""
    subprocess.run(
        [str(executable), "--db", str(path), "run", str(seeds)], capture_output=True, check=True
    )
    return path


def bench_startup(root: Path, baseline_tree: Path | None) -> None:
    """Each read command's CPU time (best of 5) next to sqlite-utils --help and the baseline."""
    trees = {"this tree": BIN / "factcheck"}
    if baseline_tree:
        trees["baseline"] = baseline_tree / ".venv" / "bin" / "factcheck"
    ledgers = {
        name: seeds_ledger(executable, REPO / "seeds", root / f"startup_{index}.db")
        for index, (name, executable) in enumerate(trees.items())
    }
    theirs = min(measure([str(BIN / "sqlite-utils"), "--help"]).cpu_s for _ in range(5))
    print(f"\nstartup, best of 5 CPU s (sqlite-utils --help {theirs:.3f} s)")
    print(f"{'command':<26}" + "".join(f"{name:>12}" for name in trees) + "  x sqlite-utils")
    for command in STARTUP_COMMANDS:
        cells = []
        for name, executable in trees.items():
            args = [str(executable), "--db", str(ledgers[name]), *command]
            cells.append(min(measure(args).cpu_s for _ in range(5)))
        ratio = cells[0] / theirs
        print(
            f"{' '.join(command):<26}" + "".join(f"{c:>12.3f}" for c in cells) + f"{ratio:>9.2f}x"
        )


def has_jobs_option() -> bool:
    result = subprocess.run(factcheck("run", "--help"), capture_output=True, text=True)
    return "--jobs" in result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,3000")
    parser.add_argument("--add", type=int, default=10, help="articles added to the largest ledger")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--claims", type=int, default=100_000, help="the large ledger; 0 skips")
    parser.add_argument("--baseline-tree", type=Path, help="a checkout with .venv to compare")
    parser.add_argument("--startup-only", action="store_true", help="only the startup figures")
    options = parser.parse_args()
    if options.startup_only:
        with tempfile.TemporaryDirectory(prefix="bench_startup_") as scratch:
            bench_startup(Path(scratch), options.baseline_tree)
        return 0
    sizes = sorted(int(s) for s in options.sizes.split(","))
    pool = article_pool(options.seed)
    needed = sizes[-1] + options.add
    if len(pool) < needed:
        print(f"only {len(pool)} articles can be built from the shared data; {needed} asked")
        return 2
    print(f"{len(pool)} real articles available (en FNC-1 bodies, bn news, zh CFEVER claims)")
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as scratch:
        root = Path(scratch)
        print(f"\n{'articles':>8} {'MB':>6} {'CPU s':>7} {'MB/s':>6} {'peak MiB':>8} {'KB/art':>7}")
        built: dict[int, Path] = {}
        for size in sizes:
            corpus = root / f"corpus_{size}"
            megabytes = write_corpus(corpus, pool[:size]) / 1e6
            ledger = root / f"ledger_{size}.db"
            run = measure(factcheck("--db", str(ledger), "run", str(corpus)))
            kb = ledger_bytes(ledger) / 1024 / size
            print(
                f"{size:>8} {megabytes:>6.2f} {run.cpu_s:>7.1f} {megabytes / run.cpu_s:>6.2f}"
                f" {run.peak_rss_mib:>8.0f} {kb:>7.1f}"
            )
            built[size] = ledger
            results.update(
                scratch_cpu_s=run.cpu_s,
                run_mb_per_s=megabytes / run.cpu_s,
                peak_rss_mib=run.peak_rss_mib,
                ledger_kb_per_article=kb,
            )
        largest = sizes[-1]
        ledger_breakdown(built[largest], largest)
        grown = root / "grown.db"
        shutil.copy(built[largest], grown)
        extra = root / "extra"
        write_corpus(extra, pool[largest : largest + options.add], offset=largest)
        increment = measure(factcheck("--db", str(grown), "run", str(extra)))
        results["increment_share"] = increment.cpu_s / results["scratch_cpu_s"]
        print(
            f"\n+{options.add} articles on the {largest}-article ledger:"
            f" {increment.cpu_s:.1f} s CPU"
            f" = {results['increment_share']:.1%} of its from-scratch build"
            f" ({results['scratch_cpu_s']:.1f} s; target {TARGETS['increment_share']:.0%})"
        )
        if options.claims:
            count, added, alone = bench_large(root, pool, options.claims, options.seed)
            results["one_more_article_s"] = added - alone
            print(
                f"+1 article on a {count}-claim ledger: {added:.1f} s CPU; the same article on"
                f" an empty ledger {alone:.1f} s; beyond its own run {added - alone:.1f} s"
                f" (target {TARGETS['one_more_article_s']:.0f} s)"
            )
        if has_jobs_option():
            # Workers pay off on a batch of a megabyte or more: the first corpus that large.
            mid = next((size for size in sizes if size >= 1000), largest)
            corpus = root / f"corpus_{mid}"
            one = measure(factcheck("--db", str(root / "j1.db"), "run", "--jobs", "1", str(corpus)))
            two = measure(factcheck("--db", str(root / "j2.db"), "run", "--jobs", "2", str(corpus)))
            results["jobs_speedup"] = one.wall_s / two.wall_s
            print(
                f"run of {mid} articles, --jobs 1: {one.wall_s:.1f} s wall;"
                f" --jobs 2: {two.wall_s:.1f} s wall"
                f" ({results['jobs_speedup']:.2f}x)"
            )
        else:
            print("run has no --jobs option: the two-core speed-up is not measured")
    with tempfile.TemporaryDirectory(prefix="bench_startup_") as scratch:
        bench_startup(Path(scratch), options.baseline_tree)
    ours, theirs = bench_help()
    results["help_seconds"] = ours
    results["help_vs_sqlite_utils"] = ours / theirs
    print(
        f"factcheck --help {ours:.3f} s CPU;"
        f" sqlite-utils --help {theirs:.3f} s ({ours / theirs:.2f}x)"
    )
    print("\ntarget                      measured   target   met")
    for name, target in TARGETS.items():
        if name not in results:
            print(f"{name:<27} {'—':>8}   {target:>6}   not measured")
            continue
        higher_is_better = name in {"run_mb_per_s", "jobs_speedup"}
        met = results[name] >= target if higher_is_better else results[name] <= target
        print(f"{name:<27} {results[name]:>8.3f}   {target:>6}   {'yes' if met else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
