"""Who speaks in Bengali reported speech: speakers found and right on real news sentences judged
by reading, the working tree next to a baseline tree in the same run.

    python benchmarks/bench_speakers.py draw [--size 60] [--seed 14]   # print a new sample
    python benchmarks/bench_speakers.py [--before /work/wt/before]      # score both trees

`draw` picks, with a fixed seed, sentences of ../shared/datasets/news_bn/ that hold a Bengali
speech verb (বলেন, জানান, ...), each with the sentence before it (a pronoun's person), and
prints them for a reader; benchmarks/bn_speakers.tsv keeps each one's line number and the
speaker judged by reading it (the text stays in the data set; `-` when the sentence names no
speaker: someone unnamed, a pronoun whose person the sentence before does not name, or a verb
that is not speech). The Bengali rules were then improved on this sample: its figure is
in-sample. Scoring runs the
extraction (mentions, quotes, attribution) of each tree on the two sentences and takes the
speaker of the second: a quote's speaker or the sentence's attribution. `right` means it
shares a word with the judged speaker; a speaker found where the judge wrote `-` is wrong.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(os.environ.get("FACTCHECK_TREE") or Path(__file__).resolve().parent.parent)
HERE = Path(__file__).resolve().parent
SENTENCES = Path("/work/shared/datasets/news_bn/bn_news_sentences.txt")
if not SENTENCES.exists():
    SENTENCES = ROOT.parent / "shared" / "datasets" / "news_bn" / "bn_news_sentences.txt"
JUDGED = HERE / "bn_speakers.tsv"
# Judged after the rules were changed on JUDGED, and never used to change them.
HELD_OUT = HERE / "bn_speakers_heldout.tsv"
SPEECH = re.compile(
    r"(?:বলেন|বলেছেন|বলেও|জানান|জানিয়েছেন|জানিয়েছেন|জানিয়েছে|জানিয়েছে|উল্লেখ করেন|বলে জানান)"
)


def draw(size: int, seed: int) -> None:
    """Print a sample to judge; any seed but 14 leaves out bn_speakers.tsv's sentences (seed
    14's first sample is drawn again, so the held-out one never overlaps it)."""
    lines = [s.strip() for s in SENTENCES.read_text("utf-8").splitlines()]
    found = [n for n, line in enumerate(lines) if n and SPEECH.search(line)]
    if seed != 14:
        first = set(random.Random(14).sample(found, min(60, len(found))))
        found = [n for n in found if n not in first]
    sample = sorted(random.Random(seed).sample(found, min(size, len(found))))
    print(f"# {len(found)} of {len(lines)} sentences hold a speech verb; seed {seed}")
    print("line\tbefore\tsentence")
    for n in sample:
        print(f"{n + 1}\t{lines[n - 1]}\t{lines[n]}")


def judged_rows(judged: Path) -> list[dict[str, str]]:
    """The judged sample, each row with its sentence and the one before, read from the data
    set by line number (its text is not copied into the project)."""
    lines = [s.strip() for s in SENTENCES.read_text("utf-8").splitlines()]
    with judged.open(encoding="utf-8") as f:
        rows = list(
            csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        )
    for row in rows:
        n = int(row["line"]) - 1
        row["before"], row["sentence"] = lines[n - 1], lines[n]
    return rows


def speakers(judged: Path) -> dict[str, str | None]:
    """Line -> the speaker this tree's extraction finds for the judged sentence."""
    sys.path.insert(0, str(ROOT))
    from factcheck.extract.extraction import extract_claims
    from factcheck.extract.models import PassageSpan

    found: dict[str, str | None] = {}
    for row in judged_rows(judged):
        text = row["before"] + " " + row["sentence"]
        at = len(row["before"]) + 1
        claims = extract_claims(text, [PassageSpan(0, len(text), "bn")], None)
        speaker = None
        for claim in claims:
            if claim.sentence_start < at:
                continue
            quoted = [v.speaker for v in claim.values if v.kind == "quote" and v.speaker]
            speaker = speaker or claim.source or (quoted[0] if quoted else None)
        found[row["line"]] = speaker
    return found


CASE_ENDINGS = ("দের", "কে", "ের", "এর", "র")


def words(name: str) -> set[str]:
    """A name's words without their case endings (বিএনপির and বিএনপি are one word)."""
    found = set()
    for word in unicodedata.normalize("NFC", name).split():
        word = word.strip(",;:।")
        for ending in CASE_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                word = word[: -len(ending)]
                break
        if len(word) >= 2:
            found.add(word)
    return found


def score(judged: Path, found: dict[str, str | None]) -> tuple[int, int, int, list[str]]:
    """(speakers found, right, judged sentences with a speaker, the misses in words)."""
    rows = judged_rows(judged)
    hits = right = 0
    misses = []
    judged = sum(1 for row in rows if row["speaker"].strip() not in ("", "-"))
    for row in rows:
        truth, guess = row["speaker"].strip(), found.get(row["line"])
        if guess:
            hits += 1
        if guess and truth != "-" and words(guess) & words(truth):
            right += 1
        elif guess or truth != "-":
            misses.append(f"line {row['line']}: found {guess or 'none'}, judged {truth}")
    return hits, right, judged, misses


def run_tree(tree: Path, judged: Path) -> dict[str, str | None]:
    python = tree / ".venv" / "bin" / "python"
    env = {**os.environ, "FACTCHECK_TREE": str(tree), "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [str(python if python.exists() else sys.executable), __file__, "_emit", str(judged)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", nargs="?", default="score", choices=["score", "draw", "_emit"])
    parser.add_argument("judged", nargs="?", type=Path, default=JUDGED)
    parser.add_argument("--size", type=int, default=60)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--before", type=Path, default=Path("/work/wt/before"))
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.size, args.seed)
        return
    if args.command == "_emit":
        print(json.dumps(speakers(args.judged), ensure_ascii=False))
        return
    tree = Path(__file__).resolve().parent.parent
    for sample, what in (
        (JUDGED, "the rules were changed on it: in-sample"),
        (HELD_OUT, "held out"),
    ):
        print(f"== Bengali speakers, {sample.name} (judged by reading; {what})")
        for name, path in (("baseline " + str(args.before), args.before), ("this tree", tree)):
            hits, right, judged, misses = score(sample, run_tree(path, sample))
            print(
                f"   {name}: {hits} speakers found, {right} right, of {judged} judged sentences "
                f"with a named speaker (precision {right / max(hits, 1):.2f}, recall "
                f"{right / max(judged, 1):.2f})"
            )
            for miss in misses:
                print(f"      {miss}")


if __name__ == "__main__":
    main()
