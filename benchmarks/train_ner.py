"""Train the named-entity taggers (CRF, python-crfsuite, L-BFGS with L1 + L2) from the labelled
sets in ../shared/datasets/ner_*. Test splits are never read here.

    python benchmarks/train_ner.py gazetteers           # models/gazetteer_*.txt from Wikidata
    python benchmarks/train_ner.py clusters en          # models/en_clusters.tsv, unlabelled text
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

    from factcheck.entities.mentions.features import bn_stem
    from factcheck.text.scripts import normalize_bengali

    seen, named = Counter(), Counter()
    for tokens, tags in ner_data.rifat("train") + ner_data.banglakit():
        for token, tag in zip(tokens, tags, strict=True):
            stem = bn_stem(normalize_bengali(token))
            seen[stem] += 1
            named[stem] += tag != "O"
    common = sorted(
        w for w, n in seen.items() if n >= 3 and named[w] <= 0.05 * n and _is_bengali_word(w)
    )
    header = "# Bengali word stems tagged O in >= 95% of >= 3 uses (Rifat1493 train, banglakit)\n"
    (MODELS / "bn_common_words.txt").write_text(header + "\n".join(common) + "\n", "utf-8")
    print(f"bn common words: {len(common)}")


def bn_own_r_words(sentences) -> list[str]:
    """Name words ending in a vowel and র (আলমগীর, কাদের, আনোয়ার) seen inside a tagged name,
    before another of its words, where no case ending can stand: their র is their own."""
    from factcheck.lang.bn.mentions import _VOWELS
    from factcheck.text.scripts import normalize_bengali

    own, named = set(), set()
    for tokens, tags in sentences:
        for token, tag, after in zip(tokens, tags, [*tags[1:], "O"], strict=True):
            word = normalize_bengali(token)
            if not tag.endswith("PER"):
                continue
            named.add(word)
            if after == "I-PER" and len(word) >= 3 and word[-1] == "র" and word[-2] in _VOWELS:
                own.add(word)
    # not জিয়ার or বেগমের: জিয়া and বেগম are names too, and these mostly their genitives
    return sorted(
        w
        for w in own
        if _is_bengali_word(w)
        and w[:-1] not in named
        and not (w.endswith("ের") and w[:-2] in named)
    )


def build_bn_own_r_words() -> None:
    words = bn_own_r_words(ner_data.rifat("train") + ner_data.banglakit())
    header = (
        "# Bengali name words whose final র is their own, not a genitive: seen before another\n"
        "# word of a person's name in Rifat1493 train (MIT) and banglakit (CC0), and without\n"
        "# the র (or ের) never a name word there (benchmarks/train_ner.py bn-own-r-words)\n"
    )
    (MODELS / "bn_own_r_words.txt").write_text(header + "\n".join(words) + "\n", "utf-8")
    print(f"bn own-r name words: {len(words)}")


NAME_FOLDS = 5


def bn_person_stems(sentences) -> frozenset[str]:
    """Stems tagged PER in at least half of their uses, and not common words."""
    from collections import Counter

    from factcheck.entities.mentions.features import bn_stem
    from factcheck.text.scripts import normalize_bengali

    seen, person = Counter(), Counter()
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            stem = bn_stem(normalize_bengali(token))
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


# --- Word clusters from unlabelled text ----------------------------------------------------
# Distributional clusters (Brown-cluster style features): each word's left and right neighbours
# counted over unlabelled text, PPMI, the top 100 dimensions, then k-means at three sizes. The
# text is read here and never shipped: the table holds words and cluster numbers only. No test
# split is read (CoNLL test, People's Daily test, Rifat1493 test stay out).

CLUSTER_SIZES = (50, 200, 800)
CLUSTER_MIN_COUNT = 3
CLUSTER_CONTEXTS = 2000
CLUSTER_DIMENSIONS = 100


def _csv_rows(path: Path):
    import csv

    csv.field_size_limit(1 << 28)
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def _xclaim_texts(name: str):
    import ast

    for row in _csv_rows(ner_data.DATA / "claim_spans" / name):
        yield " ".join(ast.literal_eval(row["tokens"]))


def unlabelled_texts(lang: str):
    """Sentences (token lists) of unlabelled text in the language, from the shared sets: the
    training splits' own text and other sets' text, never a test split."""
    import json

    from factcheck.entities.mentions.features import tokenize

    def tokens(text: str) -> list[str]:
        return [m.group() for m in tokenize(text, lang)]

    data = ner_data.DATA
    if lang == "en":
        for split in ("train", "valid"):
            for sentence, _ in ner_data.conll(split):
                yield sentence
        for row in _csv_rows(data / "stance_en" / "competition_test_bodies.csv"):
            for paragraph in row["articleBody"].split("\n"):
                if paragraph.strip():
                    yield tokens(paragraph)
        vclaims = data / "claim_matching_en" / "CT2022-Task2A-EN-vclaims.jsonl"
        for line in vclaims.read_text("utf-8").splitlines():
            record = json.loads(line)
            for key in ("title", "subtitle", "vclaim"):
                if record.get(key):
                    yield tokens(record[key])
        for text in _xclaim_texts("xclaim_train-en.csv"):
            yield tokens(text)
    elif lang == "bn":
        for sentence, _ in ner_data.rifat("train") + ner_data.banglakit() + ner_data.multiconer():
            yield sentence
        for line in (data / "news_bn" / "bn_news_sentences.txt").read_text("utf-8").splitlines():
            if line.strip():
                yield tokens(line)
        for name in ("xclaim_train-en2bn.csv", "xclaim_dev-en2bn.csv"):
            for text in _xclaim_texts(name):
                yield tokens(text)
    else:
        for load in ner_data.TRAIN_SETS["zh"].values():
            for sentence, _ in load():
                yield sentence
        for line in (data / "claims_zh" / "cfever_dev.jsonl").read_text("utf-8").splitlines():
            yield tokens(json.loads(line)["claim"])


def build_clusters(lang: str) -> None:
    import numpy as np

    from factcheck.entities.mentions.features import cluster_key

    started = time.process_time()
    sentences = [[cluster_key(t, lang) for t in s] for s in unlabelled_texts(lang)]
    from collections import Counter

    counts = Counter(w for s in sentences for w in s)
    vocab = [w for w, c in counts.most_common() if c >= CLUSTER_MIN_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = CLUSTER_CONTEXTS
    context = {w: i for i, w in enumerate(vocab[:n_ctx])}
    cooc = np.zeros((len(vocab), 2 * n_ctx + 2), dtype=np.float32)
    for s in sentences:
        ctx = [context.get(w, n_ctx) for w in s]  # n_ctx: any other word, or the edge
        for i, w in enumerate(s):
            row = index.get(w)
            if row is None:
                continue
            cooc[row, ctx[i - 1] if i else n_ctx] += 1
            cooc[row, n_ctx + 1 + (ctx[i + 1] if i + 1 < len(s) else n_ctx)] += 1
    total = cooc.sum()
    p_ctx = cooc.sum(0, keepdims=True) ** 0.75
    p_ctx = p_ctx / p_ctx.sum() * total
    ppmi = np.log(np.maximum(cooc * total / (cooc.sum(1, keepdims=True) * p_ctx + 1e-9), 1e-9))
    ppmi = np.sqrt(np.maximum(ppmi, 0.0))
    _values, vectors = np.linalg.eigh(ppmi.T @ ppmi)
    embedded = ppmi @ vectors[:, -CLUSTER_DIMENSIONS:]
    embedded /= np.linalg.norm(embedded, axis=1, keepdims=True) + 1e-9
    labels = [_kmeans(embedded, min(k, len(vocab))) for k in CLUSTER_SIZES]
    lines = [w + "\t" + "\t".join(str(lab[i]) for lab in labels) for i, w in enumerate(vocab)]
    header = (
        f"# Word clusters ({lang}): k-means ({'/'.join(map(str, CLUSTER_SIZES))}) over the "
        "neighbour counts of words in unlabelled text\n# of ../shared/datasets "
        "(train_ner.py clusters; no test split read). Words and cluster numbers only.\n"
    )
    (MODELS / f"{lang}_clusters.tsv").write_text(header + "\n".join(lines) + "\n", "utf-8")
    cpu = time.process_time() - started
    n_tokens = sum(counts.values())
    print(f"{lang} clusters: {len(vocab)} words from {n_tokens} tokens of text; {cpu:.0f} CPU-s")


def _kmeans(points, k: int, iterations: int = 20, seed: int = 0):
    """Spherical k-means, seeded: cluster numbers for each row of points (unit vectors)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = points[rng.choice(len(points), k, replace=False)].copy()
    labels = np.zeros(len(points), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(points @ centres.T, axis=1)
        for j in range(k):
            members = points[labels == j]
            if len(members):
                centre = members.mean(0)
                centres[j] = centre / (np.linalg.norm(centre) + 1e-9)
    return labels


def train(lang, baseline, c1, c2, iterations, out: Path, sets=None, dev=False, fold=9) -> None:
    import pycrfsuite

    featurize = plain_features if baseline else FEATURES[lang]
    marked, held = ner_data.marked_training_data(lang, sets, dev, fold)
    random.Random(12).shuffle(marked)
    sentences = [(tokens, tags) for tokens, tags, _name in marked]
    adapted = ner_data.ADAPTED.get(lang, ())
    trainer = pycrfsuite.Trainer(verbose=False)
    started = time.process_time()
    n_tokens = 0
    featurizers = [featurize] * (len(sentences) + 1)
    if lang == "bn" and not baseline:
        featurizers = _bn_featurizers(sentences, held)
    featurize = featurizers.pop(0)
    for (tokens, tags, name), fz in zip(marked, featurizers, strict=True):
        if tokens:
            features = fz(tokens)
            if name in adapted and not baseline:
                features = [f + [f"{name}:{a}" for a in f] for f in features]
            trainer.append(features, tags)
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
    sub.add_parser("bn-own-r-words")
    sub.add_parser("bn-names")
    sub.add_parser("zh-lexicon")
    clusters = sub.add_parser("clusters")
    clusters.add_argument("lang", choices=sorted(FEATURES))
    t = sub.add_parser("train")
    t.add_argument("lang", choices=sorted(FEATURES))
    t.add_argument("--baseline", action="store_true")
    t.add_argument("--c1", type=float, default=0.1)
    t.add_argument("--c2", type=float, default=0.01)
    t.add_argument("--iterations", type=int, default=150)
    t.add_argument("--out", type=Path)
    t.add_argument("--sets", nargs="+", help="training sets (default: all of the language's)")
    t.add_argument("--dev", action="store_true", help="hold out the development fold, score it")
    t.add_argument(
        "--fold", type=int, default=ner_data.DEV_FOLDS - 1, help="which tenth is held out (--dev)"
    )
    args = parser.parse_args(argv)
    if args.command == "gazetteers":
        build_gazetteers()
        return 0
    if args.command == "zh-lexicon":
        build_zh_lexicon()
        return 0
    if args.command == "clusters":
        build_clusters(args.lang)
        return 0
    if args.command == "bn-names":
        build_bn_names()
        return 0
    if args.command == "bn-common-words":
        build_bn_common_words()
        return 0
    if args.command == "bn-own-r-words":
        build_bn_own_r_words()
        return 0
    out = args.out or (BASELINES if args.baseline else MODELS) / f"{args.lang}.crfsuite"
    train(
        args.lang,
        args.baseline,
        args.c1,
        args.c2,
        args.iterations,
        out,
        args.sets,
        args.dev,
        args.fold,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
