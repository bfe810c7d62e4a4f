"""Named-entity recognition: entity-level F1 on each language's test split and tagging speed,
for the shipped CRF and for a baseline CRF trained the same way on plain features (word
identity and shape; benchmarks/ner_baseline/, made by train_ner.py --baseline).

    python benchmarks/bench_ner.py [en zh bn]

F1 is micro-averaged over PER, ORG and LOC (English also with CoNLL's MISC, as usually
reported), on the dataset's tokens re-split by our tokeniser. Speed: tokens per second on one
core, features and Viterbi, over the whole test split.
"""

from __future__ import annotations

import os
import sys
import time

import ner_data

os.environ.setdefault("OMP_NUM_THREADS", "1")

from factcheck.entities.mentions.features import FEATURES, plain_features  # noqa: E402
from factcheck.entities.mentions.tagger import _tagger, tag_entities  # noqa: E402

SAMPLE = {"en": "Mohsin Naqvi met Wang Xiaohong.", "zh": "纳克维会见了王小洪。", "bn": "নাকভি বলেন।"}

BASELINES = ner_data.ROOT / "benchmarks" / "ner_baseline"


def _evaluate(tagger, featurize, sentences) -> tuple[list[list[str]], float]:
    started = time.process_time()
    pred = [tagger.tag(featurize(tokens)) for tokens, _ in sentences]
    seconds = time.process_time() - started
    n = sum(len(tokens) for tokens, _ in sentences)
    return pred, n / seconds


def main(langs: list[str]) -> int:
    import pycrfsuite

    print(f"{'language / test set':34} {'model':9} {'P':>6} {'R':>6} {'F1':>6} {'tokens/s':>9}")
    for lang in langs:
        name, load = ner_data.TEST_SETS[lang]
        test = [s for s in load() if s[0]]
        gold = [g for _, g in test]
        started = time.perf_counter()
        tag_entities(SAMPLE[lang], lang)  # the first call loads the model and its gazetteers
        load_ms = (time.perf_counter() - started) * 1000
        model = _tagger(lang)
        rows = [("CRF", model, FEATURES[lang])]
        baseline_path = BASELINES / f"{lang}.crfsuite"
        if baseline_path.exists():
            baseline = pycrfsuite.Tagger()
            baseline.open(str(baseline_path))
            rows.insert(0, ("baseline", baseline, plain_features))
        for label, tagger, featurize in rows:
            pred, speed = _evaluate(tagger, featurize, test)
            figures = ner_data.score(gold, pred)
            print(
                f"{lang + ' ' + name:34} {label:9} {figures['precision']:6.3f} "
                f"{figures['recall']:6.3f} {figures['f1']:6.3f} {speed:9,.0f}"
                f"   per type {figures['per_kind']}"
            )
            if lang == "en":
                full = ner_data.score(gold, pred, ("PER", "ORG", "LOC", "MISC"))
                print(f"{'  with MISC':34} {label:9} {'':6} {'':6} {full['f1']:6.3f}")
        models = ner_data.ROOT / "factcheck" / "entities" / "mentions" / "models"
        size = (models / f"{lang}.crfsuite").stat().st_size
        print(f"{'':34} model {size / 1e6:.1f} MB; first text tagged in {load_ms:.0f} ms (loading)")
    if "bn" in langs:
        _bn_name_forms()
    return 0


def _bn_name_forms() -> None:
    """A Bengali name's compared form drops its case ending (মোদির → মোদি) but not a final র
    of its own (আলমগীর). Held out from the shipped word list (Rifat1493 train, banglakit):
    words ending in a vowel and র inside a tagged person's name in Rifat1493 test and the
    MultiCoNER dev set, where no ending can stand, so every one should be kept; and a tagged
    name's last word that is a stem seen bare plus র, which should lose it."""
    from factcheck.lang.bn.mentions import _NAME_ENDINGS, _VOWELS, _drop_ending
    from factcheck.text.scripts import normalize_bengali

    inner, final = set(), set()
    for tokens, tags in ner_data.rifat("test") + ner_data.multiconer():
        for token, tag, after in zip(tokens, tags, [*tags[1:], "O"], strict=True):
            if tag.endswith("PER"):
                (inner if after == "I-PER" else final).add(normalize_bengali(token))

    def ends_r(word: str) -> bool:
        return len(word) >= 3 and word[-1] == "র" and word[-2] in _VOWELS

    own = sorted(w for w in inner if ends_r(w))
    genitive = sorted(w for w in final - inner if ends_r(w) and w[:-1] in inner | final)
    header = f"{'bn name forms (held out)':34} {'model':9} {'own র kept':>12}"
    print(f"\n{header} {'genitive dropped':>17}")
    for label, keep in (("baseline", frozenset()), ("word list", None)):
        kept = sum(_drop_ending(w, _NAME_ENDINGS, keep) == w for w in own)
        dropped = sum(_drop_ending(w, _NAME_ENDINGS, keep) == w[:-1] for w in genitive)
        print(f"{'':34} {label:9} {kept:5} / {len(own):<4} {dropped:9} / {len(genitive):<4}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["en", "zh", "bn"]))
