"""Name matching on the calibration tenth of the training rows (never the held-out 20%): the
figures to look at while changing the matcher, so that bench_names.py's held-out figures stay
untouched by tuning.

    PYTHONPATH=. python benchmarks/names_dev.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from names_data import bn_pairs, negative_pairs, zh_pairs  # noqa: E402
from train_names import split_dev  # noqa: E402

from factcheck.entities.names import NameForm, compare  # noqa: E402


def main() -> int:
    keys = {
        "zh": lambda p: p.latin + "\t" + p.native,  # as train_names.train_zh splits them
        "bn": lambda p: p.native + "\t" + p.latin,  # as train_names.train_bn splits them
    }
    for label, load, lang in (("en-zh", zh_pairs, "zh"), ("bn-en", bn_pairs, "bn")):
        fit, dev = split_dev(load(heldout=False), key=keys[lang])
        rules: Counter[str] = Counter()
        hits = 0
        for p in dev:
            m = compare(NameForm(p.latin, "en", "person"), NameForm(p.native, lang, "person"))
            hits += m.is_match
            rules[m.rule if m.is_match else "-"] += 1
        negatives = negative_pairs(dev, seed=3, known=fit)
        false = []
        for p in negatives:
            m = compare(NameForm(p.latin, "en", "person"), NameForm(p.native, lang, "person"))
            if m.is_match:
                false.append((p.latin, p.native, m.rule))
        print(
            f"{label} dev: recall {hits / len(dev):.3f} ({len(dev)}), false-merge rate "
            f"{len(false) / len(negatives):.3%} ({len(negatives)}); {dict(rules.most_common())}"
        )
        for item in false[:8]:
            print("    false merge:", item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
