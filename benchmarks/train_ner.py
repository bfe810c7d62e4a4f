"""Train the named-entity taggers (CRF, python-crfsuite, L-BFGS with L1 + L2) from the labelled
sets in ../shared/datasets/ner_*. Test splits are never read here.

    python benchmarks/train_ner.py gazetteers           # models/gazetteer_*.txt from Wikidata
    python benchmarks/train_ner.py train en [--baseline] [--c1 0.1 --c2 0.01 --iterations 150]

The model goes to factcheck/entities/mentions/models/<lang>.crfsuite (shipped); --baseline trains
the same way on plain features (word identity and shape) into benchmarks/ner_baseline/.
Run it nice'd, on one thread: each language takes a few CPU-minutes.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import ner_data

from factcheck.entities.mentions.features import FEATURES, plain_features

MODELS = ner_data.ROOT / "factcheck" / "entities" / "mentions" / "models"
BASELINES = ner_data.ROOT / "benchmarks" / "ner_baseline"
WIKIDATA = ner_data.DATA / "names_translit" / "wd_chinese_80.tsv"


def build_gazetteers() -> None:
    """Person-name words from Wikidata (CC0): English words, lower case; Chinese spellings."""
    en, zh = set(), set()
    for line in WIKIDATA.read_text("utf-8").splitlines():
        latin, han, _count = line.split("\t")
        if latin.isalpha() and len(latin) >= 2:
            en.add(latin.lower())
        han = han.replace(" ", "")
        if 2 <= len(han) <= 6:
            zh.add(han)
    header = "# Person-name words from Wikidata (CC0), via names_translit/wd_chinese_80.tsv\n"
    (MODELS / "gazetteer_en_person.txt").write_text(header + "\n".join(sorted(en)) + "\n")
    (MODELS / "gazetteer_zh_person.txt").write_text(header + "\n".join(sorted(zh)) + "\n")
    print(f"gazetteers: {len(en)} English, {len(zh)} Chinese person-name words")


CEDICT = ner_data.DATA / "lexicons" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_PLACE_GLOSS = re.compile(
    r"\b(?:province|city|county|district|prefecture|country|river|mountain|lake|island|capital"
    r"|region|town|village|state|republic|kingdom|sea|ocean|peninsula|desert|township)\b"
)
_ORG_GLOSS = re.compile(
    r"\b(?:university|company|corporation|party|committee|bureau|ministry|association|army"
    r"|bank|newspaper|agency|council|organization|organisation|college|institute|group|union)\b"
)


def build_zh_lexicon() -> None:
    """Words of CC-CEDICT (CC BY-SA 3.0), both scripts: proper nouns (capitalised pinyin) with
    a class read from the gloss, and common words, two to six characters."""
    import gzip

    proper: dict[str, str] = {}
    words: set[str] = set()
    with gzip.open(CEDICT, "rt", encoding="utf-8") as lines:
        entries = [line for line in lines if not line.startswith("#")]
    for line in entries:
        if line.startswith("#"):
            continue
        found = re.match(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/", line)
        if not found:
            continue
        trad, simp, pinyin, gloss = found.groups()
        for word in {trad, simp}:
            if not 2 <= len(word) <= 6 or not all("\u4e00" <= c <= "\u9fff" for c in word):
                continue
            if pinyin[:1].isupper():
                gloss = gloss.lower()
                kind = (
                    "L" if _PLACE_GLOSS.search(gloss) else "O" if _ORG_GLOSS.search(gloss) else "N"
                )
                proper.setdefault(word, kind)
            else:
                words.add(word)
    lines = [f"{w}\t{k}" for w, k in sorted(proper.items())]
    lines += [f"{w}\tW" for w in sorted(words - set(proper))]
    header = (
        "# Words of CC-CEDICT (MDBG, CC BY-SA 3.0, https://cc-cedict.org), shared under the same\n"
        "# licence: word<TAB>L place / O organisation / N other proper noun / W common word\n"
    )
    (MODELS / "zh_lexicon.tsv").write_text(header + "\n".join(lines) + "\n", "utf-8")
    print(f"zh lexicon: {len(proper)} proper nouns, {len(words - set(proper))} words")


def _is_bengali_word(word: str) -> bool:
    return all("\u0980" <= ch <= "\u09ff" for ch in word)


def build_bn_common_words() -> None:
    """Bengali words the labelled sets nearly never tag as a name (Rifat1493, MIT; banglakit,
    CC0): the rules' filter on what may follow a title."""
    from collections import Counter

    from factcheck.entities.mentions.features import _bn_stem
    from factcheck.text.scripts import normalize_bengali

    seen, named = Counter(), Counter()
    for tokens, tags in ner_data.rifat("train") + ner_data.banglakit():
        for token, tag in zip(tokens, tags, strict=True):
            stem = _bn_stem(normalize_bengali(token))
            seen[stem] += 1
            named[stem] += tag != "O"
    common = sorted(
        w for w, n in seen.items() if n >= 3 and named[w] <= 0.05 * n and _is_bengali_word(w)
    )
    header = "# Bengali word stems tagged O in >= 95% of >= 3 uses (Rifat1493 train, banglakit)\n"
    (MODELS / "bn_common_words.txt").write_text(header + "\n".join(common) + "\n", "utf-8")
    print(f"bn common words: {len(common)}")


NAME_FOLDS = 5


def bn_person_stems(sentences) -> frozenset[str]:
    """Stems tagged PER in at least half of their uses, and not common words."""
    from collections import Counter

    from factcheck.entities.mentions.features import _bn_stem
    from factcheck.text.scripts import normalize_bengali

    seen, person = Counter(), Counter()
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            stem = _bn_stem(normalize_bengali(token))
            seen[stem] += 1
            person[stem] += tag.endswith("PER")
    return frozenset(w for w, n in person.items() if n and 2 * n >= seen[w] and _is_bengali_word(w))


def _bn_name_sources():
    """The sets whose person names may ship as a table: Rifat1493 (MIT), banglakit (CC0)."""
    return ner_data.rifat("train") + ner_data.banglakit()


def build_bn_names() -> None:
    names = bn_person_stems(_bn_name_sources())
    header = "# Bengali person-name stems tagged PER in >= half their uses (Rifat1493, banglakit)\n"
    (MODELS / "gazetteer_bn_person.txt").write_text(header + "\n".join(sorted(names)) + "\n")
    print(f"bn person names: {len(names)}")


def _bn_featurizers(sentences, held=()):
    """One feature function per training sentence: the person-name flag of fold k comes from
    the names of the other folds (the shippable sets only), never from the sentence itself;
    the held-out development fold gives no names."""
    from factcheck.entities.mentions.features import bn_features

    held_keys = {tuple(tokens) for tokens, _ in held}
    sources = [s for s in _bn_name_sources() if tuple(s[0]) not in held_keys]
    keys = {tuple(tokens) for tokens, _ in sources}
    folds = [[] for _ in range(NAME_FOLDS)]
    for i, sentence in enumerate(sources):
        folds[i % NAME_FOLDS].append(sentence)
    names = [
        bn_person_stems([s for j, fold in enumerate(folds) if j != k for s in fold])
        for k in range(NAME_FOLDS)
    ]
    fold_of = {tuple(tokens): i % NAME_FOLDS for i, (tokens, _) in enumerate(sources)}
    every = bn_person_stems(sources)
    out = [lambda t, person=every: bn_features(t, person)]  # for the held-out fold
    for tokens, _ in sentences:
        key = tuple(tokens)
        person = names[fold_of[key]] if key in keys else every
        out.append(lambda t, person=person: bn_features(t, person))
    return out


def train(lang, baseline, c1, c2, iterations, out: Path, sets=None, dev=False) -> None:
    import pycrfsuite

    featurize = plain_features if baseline else FEATURES[lang]
    sentences, held = ner_data.training_data(lang, sets, dev)
    random.Random(12).shuffle(sentences)
    trainer = pycrfsuite.Trainer(verbose=False)
    started = time.process_time()
    n_tokens = 0
    featurizers = [featurize] * (len(sentences) + 1)
    if lang == "bn" and not baseline:
        featurizers = _bn_featurizers(sentences, held)
    featurize = featurizers.pop(0)
    for (tokens, tags), fz in zip(sentences, featurizers, strict=True):
        if tokens:
            trainer.append(fz(tokens), tags)
            n_tokens += len(tokens)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    cpu = time.process_time() - started
    size = out.stat().st_size / 1e6
    print(
        f"{lang}{' baseline' if baseline else ''}: {len(sentences)} sentences, {n_tokens} tokens; "
        f"{cpu:.0f} CPU-s; {out.name} {size:.1f} MB; c1={c1} c2={c2} iterations={iterations}"
    )
    if held:  # the development fold (CoNLL's validation split for English)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(out))
        pred = [tagger.tag(featurize(t)) for t, _ in held]
        figures = ner_data.score([g for _, g in held], pred)
        print(
            f"{lang} dev P {figures['precision']:.4f} R {figures['recall']:.4f} "
            f"F1 {figures['f1']:.4f} {figures['per_kind']}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("gazetteers")
    sub.add_parser("bn-common-words")
    sub.add_parser("bn-names")
    sub.add_parser("zh-lexicon")
    t = sub.add_parser("train")
    t.add_argument("lang", choices=sorted(FEATURES))
    t.add_argument("--baseline", action="store_true")
    t.add_argument("--c1", type=float, default=0.1)
    t.add_argument("--c2", type=float, default=0.01)
    t.add_argument("--iterations", type=int, default=150)
    t.add_argument("--out", type=Path)
    t.add_argument("--sets", nargs="+", help="training sets (default: all of the language's)")
    t.add_argument("--dev", action="store_true", help="hold out the development fold, score it")
    args = parser.parse_args(argv)
    if args.command == "gazetteers":
        build_gazetteers()
        return 0
    if args.command == "zh-lexicon":
        build_zh_lexicon()
        return 0
    if args.command == "bn-names":
        build_bn_names()
        return 0
    if args.command == "bn-common-words":
        build_bn_common_words()
        return 0
    out = args.out or (BASELINES if args.baseline else MODELS) / f"{args.lang}.crfsuite"
    train(args.lang, args.baseline, args.c1, args.c2, args.iterations, out, args.sets, args.dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
