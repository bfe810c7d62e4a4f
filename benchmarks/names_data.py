"""The transliteration pair files, their fixed held-out split and the negative pairs drawn from
them; shared by train_names.py (which never reads the held-out rows) and bench_names.py.

The split: a row is held out when a seeded SHA-1 of its line falls in the lowest fifth, so the
split never moves when rows are read in another order or the code changes.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
if not DATASETS.exists():
    DATASETS = Path("/work/shared/datasets")
TRANSLIT = DATASETS / "names_translit"
SPLIT_SEED = b"factcheck-names-heldout-v1:"


def is_heldout(line: str) -> bool:
    digest = hashlib.sha1(SPLIT_SEED + line.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 5 == 0


@dataclass(frozen=True)
class NamePair:
    latin: str  # the English/Latin side
    native: str  # the Han or Bengali side
    script: str  # "han" | "bengali"


def _rows(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").splitlines() if line.strip()]


def zh_pairs(heldout: bool) -> list[NamePair]:
    out = []
    for line in _rows(TRANSLIT / "wd_chinese_80.tsv"):
        if is_heldout(line) != heldout:
            continue
        latin, han, _count = line.split("\t")
        out.append(NamePair(latin, han.replace(" ", ""), "han"))
    return out


def bn_pairs(heldout: bool) -> list[NamePair]:
    out = []
    for line in _rows(TRANSLIT / "bn_en_wiki_names_80.tsv"):
        if is_heldout(line) != heldout:
            continue
        bengali, latin = line.split("\t")
        out.append(NamePair(latin, bengali, "bengali"))
    return out


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").replace("-", " ").split())


def same_sound(a: str, b: str) -> bool:
    """Two Latin spellings of one sound ('nikola' / 'nicola', 'whit' / 'white'): a
    transliteration cannot tell them apart, so they are not a pair of different names."""
    from rapidfuzz.distance import JaroWinkler

    from factcheck.entities.names.romanize import phonetic_key

    return a == b or phonetic_key(a) == phonetic_key(b) or JaroWinkler.similarity(a, b) >= 0.9


def negative_pairs(
    pairs: list[NamePair],
    seed: int = 0,
    n_random: int = 2,
    n_hard: int = 3,
    known: list[NamePair] = (),
    pool: list[NamePair] = (),
) -> list[NamePair]:
    """Each native name against Latin names of other people from the same rows: random ones,
    and hard ones sharing the family name (the last Latin word) or the first two letters.

    A Latin name never counts as a negative for a native name the files pair it with anywhere
    (two rows can spell one name; `known` adds the other split's rows), nor when the two
    Latin names sound the same (same_sound). `pool` adds rows whose Latin names may be drawn
    (a bigger pool gives closer hard negatives) without pairing negatives for their own."""
    rng = random.Random(seed)
    attested = {(_norm(p.latin), p.native) for p in [*pairs, *known, *pool]}
    owners = len(pairs)
    pairs = [*pairs, *pool]
    by_prefix: dict[str, list[int]] = {}
    by_family: dict[str, list[int]] = {}
    for i, p in enumerate(pairs):
        words = _norm(p.latin).split()
        if not words:
            continue
        by_prefix.setdefault(words[0][:2], []).append(i)
        if len(words) > 1:
            by_family.setdefault(words[-1], []).append(i)
    out = []
    for i, p in enumerate(pairs[:owners]):
        own = _norm(p.latin)
        words = own.split()
        if not words:
            continue
        pools = [by_family.get(words[-1], []) if len(words) > 1 else [], by_prefix[words[0][:2]]]
        chosen: list[int] = []
        for group in pools:
            candidates = [j for j in group if j != i]
            rng.shuffle(candidates)
            chosen += candidates[: n_hard - len(chosen)]
        chosen += [rng.randrange(len(pairs)) for _ in range(n_random)]
        for j in chosen:
            other = _norm(pairs[j].latin)
            if j == i or (other, p.native) in attested or same_sound(other, own):
                continue
            out.append(NamePair(pairs[j].latin, p.native, p.script))
    return out
