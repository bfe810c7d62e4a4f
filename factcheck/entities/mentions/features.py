"""Tokens with offsets and the features the trained taggers read, one function per language.

Training (benchmarks/train_ner.py) and tagging call the same functions, so a model always sees
the features it was trained on. English and Bengali are tagged word by word, Chinese character
by character. Gazetteers: place names from the package's CLDR gazetteer, person-name words from
Wikidata (CC0; models/gazetteer_*.txt).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from factcheck.entities.mentions.tables import model_words
from factcheck.entities.names.chinese import han_surnames
from factcheck.entities.names.places import BN_CASE_ENDINGS, _gazetteer
from factcheck.loading import announced
from factcheck.text.scripts import normalize_bengali

# A token: an abbreviation (U.S.), a number (1,000.5), a word (hyphens and & inside), a clitic
# ('s, n't), or one other visible character.
_EN_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:]\d+)*|[^\W_]+(?:[-‐&][^\W_]+)*|['’][sSdDmM]\b|\S"
)
_BN_TOKEN = re.compile(
    r"[\u0980-\u09ff\u200c\u200d]+(?:[.\-‐][\u0980-\u09ff\u200c\u200d]+)*\.?|[^\W_]+|\S"
)
_SENTENCE_END = frozenset({".", "!", "?", "।", "…"})

EN_BN = ("en", "bn")


def tokenize(text: str, lang: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """Tokens of text[start:end] as regex matches (absolute offsets); Chinese: one a character."""
    end = len(text) if end is None else end
    pattern = _BN_TOKEN if lang == "bn" else _EN_TOKEN
    if lang == "zh":
        return list(_ZH_TOKEN.finditer(text, start, end))
    return list(pattern.finditer(text, start, end))


_ZH_TOKEN = re.compile(r"\S")


def _shape(word: str) -> str:
    """Xxxx → 'Xx', 'U.S.' → 'X.X.', '1990' → 'd', 'iPhone' → 'xXx' (runs collapsed)."""
    out = []
    last = ""
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "a"
        else:
            c = ch
        if c != last:
            out.append(c)
            last = c
    return "".join(out)


@cache
def _place_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-case English words of place names, Bengali place names, Han place names."""
    en, bn, han = set(), set(), set()
    for form in _gazetteer():
        if re.search(r"[\u4e00-\u9fff]", form):
            han.add(form)
        elif re.search(r"[\u0980-\u09ff]", form):
            bn.update(form.split())
        else:
            en.update(w for w in form.split() if len(w) > 2)
    return frozenset(en), frozenset(bn), frozenset(han)


def cluster_key(token: str, lang: str) -> str:
    """The form a word is looked up in a cluster table by: lower case (English), normalised
    (Bengali), the Simplified character (Chinese)."""
    if lang == "en":
        return token.lower().replace("’", "'")
    if lang == "bn":
        return normalize_bengali(token)
    from factcheck.entities.names.translit import to_simplified

    return to_simplified(token)


@cache
def _clusters(lang: str) -> dict[str, tuple[str, ...]]:
    """Word → its cluster at each size, from models/<lang>_clusters.tsv (train_ner.py
    clusters: k-means over neighbour counts in unlabelled text); empty when none ships."""
    path = resources.files("factcheck.entities.mentions").joinpath(f"models/{lang}_clusters.tsv")
    if not path.is_file():
        return {}
    table = {}
    for line in path.read_text("utf-8").splitlines():
        if line and line[0] != "#":
            word, *ids = line.split("\t")
            table[word] = tuple(ids)
    return table


def add_cluster_features(keys: list[str], lang: str, out: list[list[str]]) -> None:
    """Each token's clusters at every size, and its neighbours' at the middle size: words
    the labelled sets never show still share a cluster with words they do."""
    table = _clusters(lang)
    if not table:
        return
    found = [table.get(k) for k in keys]
    n = len(found)
    for i, f in enumerate(out):
        own = found[i]
        if own is None:
            f.append("k=?")
        else:
            f.extend(f"k{j}={c}" for j, c in enumerate(own))
        if i > 0 and found[i - 1] is not None:
            f.append("k-1=" + found[i - 1][1])
        if i + 1 < n and found[i + 1] is not None:
            f.append("k+1=" + found[i + 1][1])


# --- English ---------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _en_word(token: str) -> tuple[str, str, str, tuple[str, ...]]:
    """A token's own parts, computed once per distinct token: lower case, shape, gazetteer
    flags, and the features that depend on it alone."""
    low = token.lower().replace("’", "'")
    shape = _shape(token)
    gaz = ""
    if token[:1].isupper():
        gaz = ("P" if low in model_words("gazetteer_en_person.txt") else "") + (
            "L" if low in _place_words()[0] else ""
        )
    own = ["w=" + low, "s=" + shape, "p3=" + low[:3], "x2=" + low[-2:], "x3=" + low[-3:]]
    own.append("x4=" + low[-4:])
    if "-" in low:
        own.append("hy")
    if gaz:
        own.append("g=" + gaz)
    return low, shape, gaz, tuple(own)


def en_features(tokens: list[str]) -> list[list[str]]:
    """Word, shape, affixes and gazetteer flags of each token and its neighbours."""
    words = [_en_word(t) for t in tokens]
    pad_l = ["<s>", "<s>", *(w[0] for w in words), "</s>", "</s>"]
    pad_s = ["<s>", "<s>", *(w[1] for w in words), "</s>", "</s>"]
    pad_g = ["", "", *(w[2] for w in words), "", ""]
    out = []
    for i, (low, shape, _gaz, own) in enumerate(words):
        k = i + 2
        f = [
            *own,
            "w-1=" + pad_l[k - 1],
            "w+1=" + pad_l[k + 1],
            "w-2=" + pad_l[k - 2],
            "w+2=" + pad_l[k + 2],
            "s-1=" + pad_s[k - 1],
            "s+1=" + pad_s[k + 1],
            "ss=" + pad_s[k - 1] + "|" + shape + "|" + pad_s[k + 1],
            "ww-=" + pad_l[k - 1] + "|" + low,
            "ww+=" + low + "|" + pad_l[k + 1],
        ]
        if i == 0 or tokens[i - 1] in _SENTENCE_END or tokens[i - 1] in "\"“'‘:":
            f.append("bos")
            if shape == "Xx":
                f.append("bos_Xx")
        if pad_g[k - 1]:
            f.append("g-1=" + pad_g[k - 1])
        if pad_g[k + 1]:
            f.append("g+1=" + pad_g[k + 1])
        out.append(f)
    add_cluster_features([w[0] for w in words], "en", out)
    return out


# --- Bengali ---------------------------------------------------------------------------------

_BN_ENDINGS = tuple(sorted(set(BN_CASE_ENDINGS) | {"ও", "ই", "রা", "দের", "কেও"}, key=len)[::-1])


@cache
def bn_stem(word: str) -> str:
    for ending in _BN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


@cache
def _bn_cues() -> tuple[frozenset[str], frozenset[str]]:
    from factcheck.entities.mentions.tables import cue_words

    cues = cue_words("bn")
    return cues.get("title", frozenset()), cues.get("org", frozenset())


def bn_features(tokens: list[str], person: frozenset[str] | None = None) -> list[list[str]]:
    """Word, stem without case ending, affixes, place, person-name and title flags, neighbours.

    person: the person-name stems to flag (default models/gazetteer_bn_person.txt; training
    passes each fold the names of the other folds, so the flag is as unsure as it is on new
    text)."""
    place = _place_words()[1]
    if person is None:
        person = model_words("gazetteer_bn_person.txt")
    titles, orgs = _bn_cues()
    words = [normalize_bengali(t) for t in tokens]
    stems = [bn_stem(w) for w in words]
    flag = [
        ("P" if s in person else "")
        + ("L" if w in place or s in place else "")
        + ("T" if w in titles or s in titles else "")
        + ("O" if s in orgs else "")
        for w, s in zip(words, stems, strict=True)
    ]
    pw = ["<s>", "<s>", *words, "</s>", "</s>"]
    ps = ["<s>", "<s>", *stems, "</s>", "</s>"]
    pf = ["", "", *flag, "", ""]
    out = []
    for i, word in enumerate(words):
        k, stem = i + 2, stems[i]
        f = [
            "w=" + word,
            "r=" + stem,
            "e=" + word[len(stem) :],
            "p2=" + word[:2],
            "x1=" + word[-1:],
            "x2=" + word[-2:],
            "x3=" + word[-3:],
            "p1=" + word[:1],
            "p3=" + word[:3],
            "x4=" + word[-4:],
            "rx2=" + stem[-2:],
            "w-1=" + pw[k - 1],
            "w+1=" + pw[k + 1],
            "w-2=" + pw[k - 2],
            "w+2=" + pw[k + 2],
            "r-1=" + ps[k - 1],
            "r+1=" + ps[k + 1],
            "ww-=" + pw[k - 1] + "|" + word,
            "ww+=" + word + "|" + pw[k + 1],
            "len=" + str(min(len(word), 8)),
        ]
        if not word[:1].isalpha() or word[:1] < "\u0980" or word[:1] > "\u09ff":
            f.append("s=" + _shape(word))
        if i == 0 or tokens[i - 1] in _SENTENCE_END:
            f.append("bos")
        for offset, name in ((0, "f="), (-1, "f-1="), (1, "f+1="), (-2, "f-2=")):
            if pf[k + offset]:
                f.append(name + pf[k + offset])
        out.append(f)
    add_cluster_features(words, "bn", out)
    return out


# --- Chinese ---------------------------------------------------------------------------------

_MAX_GAZ = 6


def _char_type(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "h"
    if ch.isdigit():
        return "d"
    if ch.isascii() and ch.isalpha():
        return "a"
    if ch in "·•・‧":
        return "m"
    return "p"


@cache
def _two_letter_starts(lexicon: frozenset[str]) -> frozenset[str]:
    return frozenset(word[:2] for word in lexicon)


def _lexicon_tags(chars: list[str], lexicon: frozenset[str]) -> list[str]:
    """B/I/E/S of the longest lexicon match covering each character (greedy, left to right)."""
    n = len(chars)
    tags = [""] * n
    i = 0
    text = "".join(chars)
    starts = _two_letter_starts(lexicon)
    while i < n:
        if text[i : i + 2] not in starts:
            i += 1  # no word of the lexicon begins here: skip the longer slices
            continue
        for length in range(min(_MAX_GAZ, n - i), 1, -1):
            if text[i : i + length] in lexicon:
                tags[i] = "B"
                for j in range(i + 1, i + length - 1):
                    tags[j] = "I"
                tags[i + length - 1] = "E"
                i += length
                break
        else:
            i += 1
    return tags


@cache
@announced("the Chinese entity lexicon (CC-CEDICT)")
def _zh_lexicon() -> tuple[dict[str, str], frozenset[str]]:
    """CC-CEDICT (CC BY-SA 3.0): proper nouns with a class (L place, O organisation, N other
    name) and the set of common words, for dictionary matches."""
    path = resources.files("factcheck.entities.mentions").joinpath("models/zh_lexicon.tsv")
    proper: dict[str, str] = {}
    words: set[str] = set()
    for line in path.read_text("utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        word, kind = line.split("\t")
        if kind == "W":
            words.add(word)
        else:
            proper[word] = kind
    return proper, frozenset(words)


def _lexicon_classes(text: str, lexicon: dict[str, str]) -> list[str]:
    """Position (B/I/E) and class of the longest proper-noun match over each character."""
    n = len(text)
    tags = [""] * n
    i = 0
    while i < n:
        for length in range(min(_MAX_GAZ, n - i), 1, -1):
            kind = lexicon.get(text[i : i + length])
            if kind:
                tags[i] = "B" + kind
                for j in range(i + 1, i + length - 1):
                    tags[j] = "I" + kind
                tags[i + length - 1] = "E" + kind
                i += length
                break
        else:
            i += 1
    return tags


def zh_features(tokens: list[str]) -> list[list[str]]:
    """Character windows and bigrams, character type, surname, place and foreign-name flags,
    dictionary words and proper nouns (CC-CEDICT)."""
    surnames = han_surnames()
    translit = model_words("gazetteer_zh_person.txt")
    place = _place_words()[2]
    proper, words = _zh_lexicon()
    text = "".join(tokens) if all(len(t) == 1 for t in tokens) else None
    gn = _lexicon_classes(text, proper) if text else [""] * len(tokens)
    gw = _lexicon_tags(tokens, words) if text else [""] * len(tokens)
    n = len(tokens)
    pc = ["<s>", "<s>", "<s>", *tokens, "</s>", "</s>", "</s>"]
    types = [_char_type(c[0]) for c in tokens]
    pt = ["s", "s", "s", *types, "s", "s", "s"]
    gl = _lexicon_tags(tokens, place)
    gp = _lexicon_tags(tokens, translit)
    out = []
    for i in range(n):
        k = i + 3
        c = pc[k]
        f = [
            "c=" + c,
            "c-1=" + pc[k - 1],
            "c+1=" + pc[k + 1],
            "c-2=" + pc[k - 2],
            "c+2=" + pc[k + 2],
            "b-1=" + pc[k - 1] + c,
            "b+1=" + c + pc[k + 1],
            "b-2=" + pc[k - 2] + pc[k - 1],
            "b+2=" + pc[k + 1] + pc[k + 2],
            "b0=" + pc[k - 1] + pc[k + 1],
            "c-3=" + pc[k - 3],
            "c+3=" + pc[k + 3],
            "t-=" + pc[k - 2] + pc[k - 1] + c,
            "t0=" + pc[k - 1] + c + pc[k + 1],
            "t+=" + c + pc[k + 1] + pc[k + 2],
            "t=" + pt[k - 1] + pt[k] + pt[k + 1],
        ]
        if c in surnames:
            f.append("sn")
        if pc[k - 1] in surnames:
            f.append("sn-1")
        if pc[k - 2] in surnames:
            f.append("sn-2")
        if gl[i]:
            f.append("gl=" + gl[i])
        if gp[i]:
            f.append("gp=" + gp[i])
        if gn[i]:
            f.append("gn=" + gn[i])
        if gw[i]:
            f.append("gw=" + gw[i])
        out.append(f)
    keys = list(cluster_key(text, "zh")) if text else [cluster_key(c, "zh") for c in tokens]
    add_cluster_features(keys, "zh", out)
    return out


# --- Baseline: the plain features the benchmark compares against -----------------------------


def plain_features(tokens: list[str]) -> list[list[str]]:
    """Word identity and shape only (Chinese: the character and its type)."""
    return [["w=" + t.lower(), "s=" + _shape(t)] for t in tokens]


FEATURES = {"en": en_features, "bn": bn_features, "zh": zh_features}
