"""How alike two claims' words are, weighted by how rare each word is in the ledger: the
paraphrase and cross-language signal when the relation rules find nothing else (no shared
entity, value or event). English claims compare their own content words; Chinese and Bengali
claims compare the content words of their English gloss across languages.

A second signal works on the wording itself, every word kept ("is this true?" and "is it
true?", "thank u so much" and "thank you so much"): claims of one language that share rare word
pairs are candidates, and the order-free edit similarity of their words decides.

Pure functions over ClaimFacts; the stage computes the word rarity once per run.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
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


def word_rarity(facts: Iterable[ClaimFacts]) -> dict[str, float]:
    """idf of every content word (own or glossed) over the claims of the ledger."""
    claims = list(facts)
    frequency: Counter[str] = Counter()
    for claim in claims:
        frequency.update(claim.keywords | claim.english_words)
    total = max(len(claims), 2)
    return {word: math.log(total / count) + 1.0 for word, count in frequency.items()}


def similarity(a: ClaimFacts, b: ClaimFacts, rarity: dict[str, float]) -> tuple[float, list[str]]:
    """Cosine of the idf-weighted word sets, and the shared words, rarest first."""
    words_a, words_b = comparable_words(a, b)
    shared = words_a & words_b
    if len(shared) < MIN_SHARED:
        return 0.0, []
    # word_rarity saw every claim's words; a word it did not see is as rare as can be.
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


def wording_keys(claim: ClaimFacts) -> set[tuple[str, str]]:
    """Adjacent word pairs of the claim's wording (its one word if it has one), by script."""
    words = wording(claim.text, claim.lang)
    script = first_script(claim.text)
    if len(words) == 1:
        return {(script, words[0])}
    return {(script, f"{x} {y}") for x, y in itertools.pairwise(words)}


def wording_pairs(facts: list[ClaimFacts], group_of: dict[int, str]) -> set[tuple[int, int]]:
    """Candidates told in nearly the same words: claims repeating one wording exactly, and
    each claim's best partners by the rare word pairs they share (near-linear: each claim
    reads only the postings of its few rarest keys)."""
    keys_of = {claim.id: wording_keys(claim) for claim in facts if claim.text.strip()}
    repeats: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    by_id = {claim.id: claim for claim in facts}
    for claim_id in keys_of:
        claim = by_id[claim_id]
        repeats[(first_script(claim.text), wording(claim.text, claim.lang))].append(claim_id)
    pairs: set[tuple[int, int]] = set()
    for members in repeats.values():
        if 2 <= len(members) <= MAX_REPEATS:
            for a, b in itertools.combinations(sorted(members), 2):
                if group_of[a] != group_of[b]:
                    pairs.add((a, b))
    # In a small ledger no key is one-in-ten rare; a word pair only the two claims share is.
    least = min(MIN_WORDING_WEIGHT, math.log(max(len(keys_of), 2) / 2))
    return pairs | rare_key_partners(
        keys_of,
        group_of,
        max_posting=MAX_WORDING_POSTING,
        keys_per_claim=WORDING_KEYS_PER_CLAIM,
        candidates_per_claim=WORDING_CANDIDATES_PER_CLAIM,
        min_weight=least,
    )


def rare_key_partners(
    keys_of: dict[int, set[tuple[str, str]]],
    group_of: dict[int, str],
    *,
    max_posting: int,
    keys_per_claim: int,
    candidates_per_claim: int,
    min_weight: float,
) -> set[tuple[int, int]]:
    """Each claim's best partners in other groups by the rarity of the keys they share, not
    by a global threshold: a claim looks up only its `keys_per_claim` rarest keys held by 2 to
    `max_posting` claims, and keeps the `candidates_per_claim` others whose shared keys' idf
    sums to at least `min_weight`; the cost is each claim's few postings, not every pair."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for claim_id, keys in keys_of.items():
        for key in keys:
            postings[key].append(claim_id)
    total = max(len(keys_of), 2)
    pairs: set[tuple[int, int]] = set()
    for claim_id, keys in keys_of.items():
        usable = [key for key in keys if 2 <= len(postings[key]) <= max_posting]
        usable.sort(key=lambda key: (len(postings[key]), key))
        weights: dict[int, float] = defaultdict(float)
        for key in usable[:keys_per_claim]:
            idf = math.log(total / len(postings[key]))
            for other in postings[key]:
                if other != claim_id and group_of[other] != group_of[claim_id]:
                    weights[other] += idf
        best = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
        for other, weight in best[:candidates_per_claim]:
            if weight >= min_weight:
                pairs.add((min(claim_id, other), max(claim_id, other)))
    return pairs


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
# its words' weight (idf over the ledger and a prior of published fact-checks) found there, and
# the fewest words. Chosen on the even-numbered FNC-1 bodies (bench_match.py stance --split dev)
# and the Meedan fuzzy/laser samples; the odd-numbered bodies and the sbert sample are held back.
MIN_COVERAGE = 0.4
MIN_COVERED = 3
COVERAGE_KEYS_PER_CLAIM = 8
COVERAGE_SOURCES_PER_CLAIM = 4


def coverage_links(
    facts: list[ClaimFacts], group_of: dict[int, str]
) -> dict[tuple[int, int], Relation]:
    """`related` links from a headline (a claim of a title passage) to the claim of another
    source that best covers its content words, when that source's claims together hold at
    least MIN_COVERAGE of their weight (and no one claim there holds them all). Each claim
    reads the postings of its few rarest words and weighs only its best few sources."""
    # Questions and opinions too: a headline asking whether something happened is about the
    # article that tells it (a `related` link confirms nothing).
    asserting = [claim for claim in facts if claim.text.strip()]
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_id = {claim.id: claim for claim in asserting}
    source_words: dict[tuple[int, str], set[str]] = defaultdict(set)
    for claim in asserting:
        for space, words in word_spaces(claim):
            source_words[(claim.source_id, space)] |= words
            for word in words:
                postings[(space, word)].append(claim.id)
    total = max(len(asserting), 2)
    documents, prior = english_prior()

    # Rarity from the claims' own words only: a gloss depends on what entities were resolved
    # when it was made, and a ledger built in two runs must weigh words as one built at once.
    own: Counter[tuple[str, str]] = Counter()
    for claim in asserting:
        own.update((claim.lang, word) for word in claim.keywords)

    def weight(space: str, word: str) -> float:
        """idf over the ledger's claims and (for English words) the prior's fact-checks."""
        extra_documents, extra = (documents, prior.get(word, 0)) if space == "en" else (0, 0)
        seen = own[(space, word)] + extra
        return math.log((total + extra_documents + 1) / (seen + 1)) + 1.0

    links: dict[tuple[int, int], Relation] = {}
    # From headlines only: a body sentence's words recur across any long article on its topic.
    for claim in (claim for claim in asserting if claim.is_title):
        for space, words in word_spaces(claim):
            if len(words) < MIN_COVERED:
                continue
            keys = [(space, w) for w in words if 2 <= len(postings[(space, w)]) <= MAX_POSTING]
            keys.sort(key=lambda key: (len(postings[key]), key))
            weights: dict[int, float] = defaultdict(float)
            for key in keys[:COVERAGE_KEYS_PER_CLAIM]:
                idf = math.log(total / len(postings[key]))
                for source in {by_id[other].source_id for other in postings[key]}:
                    weights[source] += idf
            best = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
            for source, _ in best[:COVERAGE_SOURCES_PER_CLAIM]:
                if source == claim.source_id:
                    continue
                covered = words & source_words[(source, space)]
                coverage = sum(weight(space, w) for w in covered) / sum(
                    weight(space, w) for w in words
                )
                if len(covered) < MIN_COVERED or coverage < MIN_COVERAGE:
                    continue
                partner = best_cover(claim, source, space, covered, postings, by_id)
                if partner is None or group_of[partner.id] == group_of[claim.id]:
                    continue
                if covered <= words_in(partner, space):
                    continue  # one sentence holds them all: the pairwise measures decided
                key = (min(claim.id, partner.id), max(claim.id, partner.id))
                shown = ", ".join(sorted(covered)[:6])
                links.setdefault(
                    key,
                    Relation(
                        "related",
                        round(min(0.6, round(coverage, 2) * 0.6), 3),
                        f"the words of claim {claim.id} recur across source {source}: {shown} "
                        f"({len(covered)} of its {len(words)} content words, {coverage:.0%} of "
                        "their weight): the same subject",
                        # Rounded as the reason shows it: a link is rewritten when its reason
                        # or score changes, so its evidence must not say more than they do.
                        {"covered": sorted(covered), "coverage": round(coverage, 2)},
                    ),
                )
    return links


MAX_POSTING = 5_000


def word_spaces(claim: ClaimFacts) -> list[tuple[str, frozenset[str]]]:
    """The words a claim is compared in: its own language's. Not its gloss: a gloss depends on
    the entities resolved when it was made, and a ledger built in two runs must cover as one
    built at once (on X-CLAIM dev, glossed coverage added only false links: 49 -> 56)."""
    return [(claim.lang, claim.keywords)]


def words_in(claim: ClaimFacts, space: str) -> frozenset[str]:
    return dict(word_spaces(claim)).get(space, frozenset())


def best_cover(
    claim: ClaimFacts,
    source: int,
    space: str,
    covered: set[str],
    postings: dict[tuple[str, str], list[int]],
    by_id: dict[int, ClaimFacts],
) -> ClaimFacts | None:
    """The claim of `source` sharing the most of the covered words (the earliest on a tie)."""
    shared: Counter[int] = Counter()
    for word in covered:
        for other in postings[(space, word)]:
            if by_id[other].source_id == source:
                shared[other] += 1
    if not shared:
        return None
    return by_id[min(shared, key=lambda other: (-shared[other], other))]


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
