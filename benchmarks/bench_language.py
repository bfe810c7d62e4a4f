"""Language identification of real news passages: lingua's small models first (a text of 120
characters or more, or a shorter one in its document's language) against the full models for
every text lingua is asked about (the baseline, as factcheck did before), in the same run.

    PYTHONPATH=. python benchmarks/bench_language.py [--limit 600]

Documents are real text from ../shared/datasets/ (never copied into the project), each split
into passages as ingest splits them: English FNC-1 bodies and CoNLL-2003 Reuters documents,
English tipline messages (Meedan, lower-cased and noisy), Bengali newspaper sentences (eight to
a document), Chinese CFEVER claims (six to a document). Figures per set: passages, the share
labelled with the set's language by each scheme, passages on which the two differ, passages
lingua was asked about, how many of those took the full models, and CPU seconds. The full
models' load (about 2.4 s and 220 MiB, once a process) is paid by the baseline whenever lingua
is asked anything; the new scheme pays it only for a short passage in an unexpected language.
The sets hold no labelled Latin-script language other than English: the test suite's French,
German and Spanish sentences are the check that those are still told apart.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_scale import (  # noqa: E402
    DATASETS,
    bengali_articles,
    chinese_articles,
    conll_documents,
    english_articles,
)
from factcheck.ingest import passages as passages_module  # noqa: E402
from factcheck.text import language  # noqa: E402


def meedan_messages() -> list[str]:
    path = DATASETS / "claim_matching_en" / "meedan_claim_pairs_fuzzy_sample.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row["Lookup Sentence"] for row in csv.DictReader(handle)]


def baseline_detect(
    text: str, *, fallback: str | None = None, expected: str | None = None
) -> str | None:
    """detect_language as it was: the script, English function words, then the full models."""
    text = text[: language.MAX_DETECTION_CHARS]
    counts = language.script_counts(text)
    if not counts:
        return fallback
    script = max(counts, key=lambda name: counts[name])
    if script != "latin" and script != "other":
        return language.detect_language(text, fallback=fallback)  # decided by the script
    if script == "latin" and counts[script] < language.MIN_LETTERS_FOR_DETECTION and fallback:
        return fallback
    if script == "latin" and language.looks_english(text):
        return "en"
    return language._lingua_code(text, low_accuracy=False) or fallback


class Counting:
    """Counts lingua's questions by the models that answered them."""

    def __init__(self) -> None:
        self.calls: Counter[bool] = Counter()
        self.original = language._lingua_code

    def __enter__(self) -> Counting:
        def counted(text: str, *, low_accuracy: bool) -> str | None:
            self.calls[low_accuracy] += 1
            return self.original(text, low_accuracy=low_accuracy)

        language._lingua_code = counted
        return self

    def __exit__(self, *_: object) -> None:
        language._lingua_code = self.original


def labels(documents: list[str], detect) -> tuple[list[str | None], Counter[bool], float]:  # type: ignore[no-untyped-def]
    found: list[str | None] = []
    with Counting() as counting:
        started = time.process_time()
        for text in documents:
            spans = passages_module.split_passages(text)
            passages_module.detect_languages(text, spans, detect=detect)
            found += [passage.lang for passage in spans]
        seconds = time.process_time() - started
    return found, counting.calls, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600, help="documents per set")
    options = parser.parse_args()
    sets = {
        "en FNC-1 bodies": ("en", english_articles()),
        "en CoNLL-2003 Reuters": ("en", conll_documents()),
        "en Meedan tipline": ("en", meedan_messages()),
        "bn news": ("bn", bengali_articles()),
        "zh CFEVER claims": ("zh", chinese_articles()),
    }
    # Both models loaded before timing, so neither scheme's figures hold a load.
    language._detector().detect_language_of("warm up")
    language._small_detector().detect_language_of("warm up")
    print(
        f"{'set':<24} {'passages':>8} {'base ok':>8} {'new ok':>8} {'differ':>6}"
        f" {'asked':>6} {'full':>5} {'base s':>7} {'new s':>7}"
    )
    for name, (code, documents) in sets.items():
        documents = documents[: options.limit]
        base, base_calls, base_s = labels(documents, baseline_detect)
        new, new_calls, new_s = labels(documents, language.detect_language)
        differ = sum(1 for a, b in zip(base, new, strict=True) if a != b)
        print(
            f"{name:<24} {len(new):>8} {sum(1 for lang in base if lang == code) / len(base):>8.4f}"
            f" {sum(1 for lang in new if lang == code) / len(new):>8.4f} {differ:>6}"
            f" {sum(new_calls.values()):>6} {new_calls[False]:>5} {base_s:>7.2f} {new_s:>7.2f}"
        )
    print(
        "\nbase ok / new ok: share of passages labelled with the set's language (baseline: full"
        "\nmodels for every lingua question; new: small models first). asked: passages lingua"
        "\nwas asked about in the new scheme; full: of them, answered by the full models."
    )
    for name, (seconds, mib) in load_costs().items():
        print(
            f"{name}: {seconds:.2f} s CPU to load and answer once,"
            f" peak {mib:.0f} MiB (a fresh process)"
        )
    return 0


def load_costs() -> dict[str, tuple[float, float]]:
    """CPU seconds to build each detector and answer one question, and the process's peak
    RSS, each in a fresh process."""
    code = (
        "import re, time; from factcheck.text import language as l;"
        "t = time.process_time(); l.{}().detect_language_of('Full video: the governor speaks');"
        "status = open('/proc/self/status').read();"
        "print(time.process_time() - t, re.search(r'VmHWM:\\s*(\\d+)', status).group(1))"
    )  # VmHWM, not ru_maxrss: the latter keeps the forking parent's size across exec
    costs = {}
    for label, name in (("small models", "_small_detector"), ("full models", "_detector")):
        done = subprocess.run(
            [sys.executable, "-c", code.format(name)],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
        seconds, kib = done.stdout.split()
        costs[label] = (float(seconds), int(kib) / 1024)
    return costs


if __name__ == "__main__":
    sys.exit(main())
