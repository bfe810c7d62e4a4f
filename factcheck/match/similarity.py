"""How alike two claims' words are, weighted by how rare each word is in the ledger: the
paraphrase and cross-language signal when the relation rules find nothing else (no shared
entity, value or event). English claims compare their own content words; Chinese and Bengali
claims compare the content words of their English gloss across languages.

A second signal works on the wording itself, every word kept ("is this true?" and "is it
true?", "thank u so much" and "thank you so much"): claims of one language that share rare word
pairs are candidates, and the order-free edit similarity of their words decides.

Pure functions over ClaimFacts; the word rarity is counted over the claims up to the later
claim of a pair (match/arrival.py), and candidates are found there too.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import math
import re
import unicodedata
from collections.abc import Callable
from importlib import resources

from rapidfuzz import fuzz

from factcheck.lang import language_for, primary_code, registry_key
from factcheck.match.facts import ClaimFacts
from factcheck.match.relate import Relation

# Cosine of the two claims' idf-weighted word sets at which they are told in the same words,
# and the fewest shared words that count. Chosen on X-CLAIM train posts and the Meedan fuzzy
# and laser samples (benchmarks/bench_match.py crosslang --split train, meedan); never on the
# held-back X-CLAIM dev posts or the sbert sample.
MIN_SIMILARITY = 0.4
MIN_SHARED = 2
RAREST = 12.0  # idf + 1 of a word in one claim of a 60,000-claim ledger


def comparable_words(a: ClaimFacts, b: ClaimFacts) -> tuple[frozenset[str], frozenset[str]]:
    if a.lang == b.lang:
        return a.keywords, b.keywords
    return a.english_words, b.english_words


def similarity(a: ClaimFacts, b: ClaimFacts, rarity: dict[str, float]) -> tuple[float, list[str]]:
    """Cosine of the idf-weighted word sets, and the shared words, rarest first."""
    words_a, words_b = comparable_words(a, b)
    shared = words_a & words_b
    if len(shared) < MIN_SHARED:
        return 0.0, []
    # The rarity saw every claim's words up to the later one; a word it did not is the rarest.
    weight = {word: rarity.get(word, RAREST) ** 2 for word in words_a | words_b}
    norm_a = math.sqrt(sum(weight[w] for w in words_a))
    norm_b = math.sqrt(sum(weight[w] for w in words_b))
    score = sum(weight[w] for w in shared) / (norm_a * norm_b)
    return score, sorted(shared, key=lambda w: (-rarity.get(w, RAREST), w))


def paraphrase_relation(a: ClaimFacts, b: ClaimFacts, rarity: dict[str, float]) -> Relation | None:
    """`related` when two claims are told in the same (rare) words, in one language or across
    two through the gloss; the reason names the words. Never a confirmation on its own."""
    if not (a.asserts and b.asserts):
        return None
    score, shared = similarity(a, b, rarity)
    if score < MIN_SIMILARITY:
        return None
    how = (
        "in the same words"
        if a.lang == b.lang
        else f"in the same words across {a.lang}/{b.lang} (glossed)"
    )
    return Relation(
        "related",
        round(min(0.8, score), 3),
        f"told {how}: {', '.join(shared[:6])} (word similarity {score:.2f})",
        {"words": shared, "similarity": round(score, 3)},
    )


# Wording: the order-free similarity (rapidfuzz token_sort_ratio, 0..1) of two claims' words,
# every word kept, at which one language's claims are told in nearly the same words. Chosen on
# the Meedan fuzzy and laser samples (bench_match.py meedan); the sbert sample is held back.
MIN_WORDING = 0.75
# Candidates by wording: each claim's rarest word pairs, its best-sharing partners, and the
# least weight (idf) they must share; exact repeats meet in blocks of at most MAX_REPEATS.
WORDING_KEYS_PER_CLAIM = 6
WORDING_CANDIDATES_PER_CLAIM = 6
MIN_WORDING_WEIGHT = math.log(10)
MAX_WORDING_POSTING = 5_000
MAX_REPEATS = 40
_WORD = re.compile(r"[^\W_]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


@functools.cache
def _word_folder(code: str, _registry: tuple) -> Callable[[str], str] | None:
    return language_for(code).fold_word


@functools.lru_cache(maxsize=200_000)
def wording(text: str, lang: str) -> tuple[str, ...]:
    """A claim's words as compared for wording: case-folded, punctuation and emoji dropped,
    endings folded where the language folds them (English plurals and verb endings); Chinese,
    one token a character."""
    fold = _word_folder(primary_code(lang), registry_key())
    tokens: list[str] = []
    for word in _WORD.findall(text.casefold()):
        if _HAN.search(word):
            tokens.extend(word)
        else:
            tokens.append(fold(word) if fold else word)
    return tuple(tokens)


@functools.lru_cache(maxsize=200_000)
def first_script(text: str) -> str:
    """The script of a text's first letter (LATIN, BENGALI, CJK, ...): wordings are compared
    within one script, since a language read from a few words ("hello", "hii") is a guess."""
    for char in text:
        if char.isalpha():
            return unicodedata.name(char, "UNKNOWN").split()[0]
    return "NONE"


def wording_keys(script: str, words: tuple[str, ...]) -> set[tuple[str, str]]:
    """Adjacent word pairs of a claim's wording (its one word if it has one), by script."""
    if len(words) == 1:
        return {(script, words[0])}
    return {(script, f"{x} {y}") for x, y in itertools.pairwise(words)}


def wording_similarity(a: ClaimFacts, b: ClaimFacts) -> float:
    """Order-free edit similarity of two claims' wordings, 0..1 (0 across scripts)."""
    if first_script(a.text) != first_script(b.text):
        return 0.0
    words_a, words_b = wording(a.text, a.lang), wording(b.text, b.lang)
    if not (words_a and words_b):
        return 0.0
    return fuzz.token_sort_ratio(" ".join(words_a), " ".join(words_b)) / 100


def wording_relation(a: ClaimFacts, b: ClaimFacts) -> Relation | None:
    """`related` for two claims of one script, both statements or both not (two questions
    asked alike), told in nearly the same words. Never a confirmation on its own."""
    if a.asserts != b.asserts:
        return None
    score = wording_similarity(a, b)
    if score < MIN_WORDING:
        return None
    what = "told" if a.asserts else f"a {a.modality} asked" if a.modality == "question" else "put"
    return Relation(
        "related",
        round(min(0.8, score), 3),
        f"{what} in nearly the same words (wording similarity {score:.2f})",
        {"wording": round(score, 3)},
    )


# Coverage: a claim whose content words recur across another source's claims, though no one
# sentence there repeats enough of them (a headline and the body of its article): the share of
# its words' weight (idf over the claims so far and a prior of published fact-checks) found
# there, and the fewest words (match/arrival.py weighs it). Chosen on the even-numbered FNC-1
# bodies (bench_match.py stance --split dev) and the Meedan fuzzy/laser samples; the
# odd-numbered bodies and the sbert sample are held back.
MIN_COVERAGE = 0.4
MIN_COVERED = 3


@functools.cache
def english_prior() -> tuple[int, dict[str, int]]:
    """How many published fact-checks hold each English content word (gloss_data/en_df.tsv.gz,
    from CheckThat! 2022's Snopes claims; benchmarks/build_word_rarity.py), and how many
    fact-checks there are."""
    data = resources.files("factcheck.match").joinpath("gloss_data/en_df.tsv.gz").read_bytes()
    counts: dict[str, int] = {}
    documents = 0
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        if word == "#documents":
            documents = int(count)
        elif word:
            counts[word] = int(count)
    return documents, counts
