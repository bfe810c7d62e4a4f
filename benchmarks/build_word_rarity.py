"""Build the English word-rarity prior that ships in factcheck/match/gloss_data/en_df.tsv.gz.

    python benchmarks/build_word_rarity.py

How many of the 14,231 published fact-checks of CheckThat! 2022 Task 2A
(claim_matching_en/CT2022-Task2A-EN-vclaims.jsonl: Snopes claims and titles) hold each English
content word (factcheck.match.keywords, the words matching compares). A small ledger cannot
tell a rare word from a common one ("video", "please" and "true" are in every tipline message);
this prior can, and the ledger's own counts take over as it grows. Words in fewer than 2 of the
fact-checks are left out (unknown words count as rare). Only counts ship, never the text; the
set is CC BY-SA 3.0 DE, so the table ships under that licence (gloss_data/README.md).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factcheck.match.keywords import keywords  # noqa: E402

SOURCE = REPO / "../shared/datasets/claim_matching_en/CT2022-Task2A-EN-vclaims.jsonl"
OUT = REPO / "factcheck/match/gloss_data/en_df.tsv.gz"
MIN_DOCUMENTS = 2


def main() -> None:
    frequency: Counter[str] = Counter()
    documents = 0
    with SOURCE.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = " ".join(str(record.get(key) or "") for key in ("title", "vclaim"))
            frequency.update(keywords(text, "en"))
            documents += 1
    kept = sorted((w, n) for w, n in frequency.items() if n >= MIN_DOCUMENTS)
    lines = [f"#documents\t{documents}"] + [f"{word}\t{count}" for word, count in kept]
    # mtime=0: the same input gives the same bytes.
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{OUT.relative_to(REPO)}: {len(kept):,} words from {documents:,} fact-checks")


if __name__ == "__main__":
    main()
