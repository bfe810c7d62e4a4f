"""Draw person entities found in real Bengali news for a reader to judge.

    python benchmarks/sample_bn_persons.py [--size 50] [--seed 12] [--seeds 12,17,18]

Ingests the 6,568 sentences of ../shared/datasets/news_bn/ (as articles of 50 sentences) into
a temporary ledger with `factcheck run`, then prints a random sample of the person entities
with the sentence of their first mention, one per line (tab-separated), for judging by reading.
Each line carries the judgement read earlier (benchmarks/ner_bn_person_judgments.tsv: name,
not, or ? for an entity nobody has judged yet), and the last line the share judged names.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT.parent / "shared" / "datasets" / "news_bn" / "bn_news_sentences.txt"
JUDGMENTS = ROOT / "benchmarks" / "ner_bn_person_judgments.tsv"
ARTICLE_SENTENCES = 50


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--seeds", help="several samples, comma-separated seeds (overrides --seed)")
    args = parser.parse_args()
    from factcheck.text.scripts import normalize_bengali

    judged = dict(
        line.split("\t")
        for line in JUDGMENTS.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    )
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else [args.seed]
    lines = [s.strip() for s in SENTENCES.read_text("utf-8").splitlines() if s.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        folder.mkdir()
        for n, i in enumerate(range(0, len(lines), ARTICLE_SENTENCES)):
            body = "\n\n".join(lines[i : i + ARTICLE_SENTENCES])
            (folder / f"{n:04d}.txt").write_text(body + "\n", "utf-8")
        db = Path(tmp) / "ledger.db"
        subprocess.run(
            [sys.executable, "-m", "factcheck", "--db", str(db), "run", str(folder)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        con = sqlite3.connect(db)
        people = con.execute(
            "SELECT id, name, mention_count FROM entities WHERE type = 'person'"
            " ORDER BY name, mention_count"  # not by id: ids follow the order the workers finish
        ).fetchall()
        tally: dict[str, int] = {}
        for seed in seeds:
            sample = random.Random(seed).sample(people, min(args.size, len(people)))
            print(
                f"{len(people)} person entities in {len(lines)} sentences; sample of"
                f" {len(sample)} (seed {seed})"
            )
            for entity_id, name, count in sorted(sample, key=lambda row: row[0]):
                source_id, start, end, text = con.execute(
                    "SELECT source_id, start_offset, end_offset, text FROM mentions"
                    " WHERE entity_id = ? ORDER BY id LIMIT 1",
                    (entity_id,),
                ).fetchone()
                body = con.execute("SELECT text FROM sources WHERE id = ?", (source_id,)).fetchone()
                context = body[0][max(0, start - 60) : end + 60].replace("\n", " ")
                verdict = judged.get(normalize_bengali(name), "?")
                tally[verdict] = tally.get(verdict, 0) + 1
                print(f"{entity_id}\t{name}\t{count}\t{text}\t{verdict}\t{context}")
        total = sum(tally.values())
        print(
            f"judged names {tally.get('name', 0)} of {total} ({tally.get('name', 0) / total:.3f});"
            f" not names {tally.get('not', 0)}; not yet judged {tally.get('?', 0)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
