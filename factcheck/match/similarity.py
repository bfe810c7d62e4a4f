"""How alike two claims' words are, weighted by how rare each word is in the ledger: the
paraphrase and cross-language signal when the relation rules find nothing else (no shared
entity, value or event). English claims compare their own content words; Chinese and Bengali
claims compare the content words of their English gloss across languages.

Pure functions over ClaimFacts; the stage computes the word rarity once per run.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

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
