"""Candidate pairs and word rarity as each claim arrives: a claim meets the claims before it (in
id order, the order the ledger read them) by what the ledger held when it came, never by what
came after. Block limits, word counts, rarity and per-claim caps are all counted over the claims
up to it, so a claim's links never change when later claims make its keys common: a block that
grows past MAX_BLOCK stops taking new members and keeps the pairs it made; a word that grows
common stays as rare as it was for the pairs it already joined. A run therefore decides again
only the pairs whose later claim is new or changed, and comes out as a full recompute would.
Since only the active claims look anything up, and only under their own keys, a run with few of
them counts the other claims in under those keys alone (`Asked`).

Pure functions over ClaimFacts; the stage says which claims are new (`active`).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from factcheck.match.facts import ClaimFacts
from factcheck.match.judge import tension_keys
from factcheck.match.relate import Relation
from factcheck.match.similarity import (
    MAX_REPEATS,
    MAX_WORDING_POSTING,
    MIN_COVERAGE,
    MIN_COVERED,
    MIN_WORDING_WEIGHT,
    RAREST,
    WORDING_CANDIDATES_PER_CLAIM,
    WORDING_KEYS_PER_CLAIM,
    english_prior,
    first_script,
    wording,
    wording_keys,
)

# Content words: a word in more claims than this (up to the later claim) is too common to pair
# on; a pair needs this many.
MAX_KEYWORD_CLAIMS = 25
MIN_SHARED_KEYWORDS = 3
# A blocking key held by more claims than this (up to the later claim) is too common to pair on
# alone ("China"); such claims are paired on combinations of keys instead.
MAX_BLOCK = 40
# Rarity blocking: each claim's rarest keys, its best-sharing earlier partners, and the least
# weight (sum of the shared keys' idf, natural log) a candidate needs: two keys of a one-in-ten
# rarity.
KEYS_PER_CLAIM = 8
CANDIDATES_PER_CLAIM = 8
MIN_PAIR_WEIGHT = 2 * math.log(10)
MAX_POSTING = 5_000  # a key in more claims than this says nothing (and would cost O(n) each)

LinkKey = tuple[int, int]
Key = tuple[str, str]


def blocking_keys(claim: ClaimFacts) -> set[str]:
    keys = set(claim.anchors)
    keys |= {f"q:{q.unit}" for q in claim.quantities if q.unit}
    if claim.subject_entity:
        keys.add(f"subject:{claim.subject_entity}")
    return keys | tension_keys(claim)


def keyword_keys(claim: ClaimFacts) -> set[Key]:
    """A claim's content words as blocking keys: its own words in its language, and a Chinese
    or Bengali claim's glossed words in English, so it meets English claims told the same way."""
    keys = {(claim.lang, word) for word in claim.keywords}
    keys |= {("en", word) for word in claim.gloss_words}
    return keys


def rarity_keys(claim: ClaimFacts, blocking: set[str], words: set[Key]) -> set[Key]:
    """Everything a claim could share with another telling of it: entities, places, units,
    its subject (its `blocking` keys), the lexicon's events and terms, its content words (and
    glossed words: its keyword `words`)."""
    keys = {("key", key) for key in blocking}
    keys |= {("concept", concept) for concept in claim.events | claim.terms | claim.roles}
    keys |= {("date", date[:7]) for date in claim.dates}
    return keys | words


class Rarity(dict[str, float]):
    """idf of content words (own or glossed) over the claims up to one claim, computed when
    read: what similarity.paraphrase_relation reads with `.get(word, default)`."""

    def __init__(self, frequency: Counter[str], total: int) -> None:
        super().__init__()
        self.frequency, self.total = frequency, max(total, 2)

    def get(self, word: str, default: float = RAREST) -> float:  # type: ignore[override]
        count = self.frequency.get(word, 0)
        return math.log(self.total / count) + 1.0 if count else default


@dataclass
class Postings:
    """Claims holding each key, in id order, and how many claims the universe holds."""

    of: dict[Key, list[int]] = field(default_factory=lambda: defaultdict(list))
    claims: int = 0

    def add(self, claim_id: int, keys: Iterable[Key]) -> None:
        self.claims += 1
        for key in keys:
            self.of[key].append(claim_id)

    def partners(
        self,
        claim_id: int,
        keys: set[Key],
        group_of: dict[int, str],
        *,
        max_posting: int,
        keys_per_claim: int,
        candidates_per_claim: int,
        min_weight: float,
    ) -> list[int]:
        """The earlier claims of other groups that share the most weight with this one: its
        `keys_per_claim` rarest keys held by 2 to `max_posting` claims so far (it included), each
        weighing its idf; the best `candidates_per_claim` reaching `min_weight`."""
        total = max(self.claims + 1, 2)
        sizes = {key: len(self.of.get(key, ())) + 1 for key in keys}
        usable = sorted(
            (key for key in keys if 2 <= sizes[key] <= max_posting),
            key=lambda key: (sizes[key], key),
        )
        weights: dict[int, float] = defaultdict(float)
        group = group_of[claim_id]
        for key in usable[:keys_per_claim]:
            idf = math.log(total / sizes[key])
            for other in self.of[key]:
                if group_of[other] != group:
                    weights[other] += idf
        best = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
        return [other for other, weight in best[:candidates_per_claim] if weight >= min_weight]


@dataclass
class ClaimKeys:
    """Everything a claim is paired and counted on, as `Arrivals.arrive` reads it."""

    blocking: set[str]
    words: set[Key]
    rare: set[Key]
    said: set[Key]
    repeat: tuple[str, tuple[str, ...]]
    has_text: bool

    @classmethod
    def of(cls, claim: ClaimFacts) -> ClaimKeys:
        keys = blocking_keys(claim) if claim.asserts else set()
        words = keyword_keys(claim)
        rare = rarity_keys(claim, keys, words) if claim.asserts else set()
        has_text = bool(claim.text.strip())
        repeat = (first_script(claim.text), wording(claim.text, claim.lang))
        said = wording_keys(*repeat) if has_text else set()
        return cls(keys, words, rare, said, repeat, has_text)

    def combos(self) -> list[str]:
        """Its blocking keys two by two: the blocks of claims whose keys are each common."""
        pairs = itertools.combinations(sorted(self.blocking), 2)
        return [f"{first}&{second}" for first, second in pairs]


@dataclass
class Asked:
    """The keys the active claims of a run look up: a claim that is not active is counted in
    only under these, since no other key is ever read (the rest of its counts are kept)."""

    blocking: set[str] = field(default_factory=set)
    combos: set[str] = field(default_factory=set)
    words: set[Key] = field(default_factory=set)
    rare: set[Key] = field(default_factory=set)
    said: set[Key] = field(default_factory=set)
    repeats: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)

    def add(self, keys: ClaimKeys) -> None:
        self.blocking |= keys.blocking
        self.combos.update(keys.combos())
        self.words |= keys.words
        self.rare |= keys.rare
        self.said |= keys.said
        self.repeats.add(keys.repeat)

    def only(self, keys: ClaimKeys) -> ClaimKeys:
        return ClaimKeys(
            keys.blocking & self.blocking,
            keys.words & self.words,
            keys.rare & self.rare,
            keys.said & self.said,
            keys.repeat,
            keys.has_text,
        )


# Counting an inactive claim in under the asked keys alone pays when few claims are active (a
# run that adds sources to a large ledger); when most are, the asked keys are nearly all keys.
MAX_ACTIVE_SHARE_TO_ASK = 0.5


@dataclass
class Found:
    """A claim's candidates among the claims before it: `blocked` by shared keys and content
    words, `by_rarity` only by rare keys or wording."""

    blocked: set[int]
    by_rarity: set[int]


JudgePair = Callable[[ClaimFacts, ClaimFacts, bool, Rarity], Relation | None]
CoverageSink = Callable[[int, int, Relation], None]


class Arrivals:
    """Walk the claims in id order, keeping the counts of the claims seen so far; for the
    claims `active` says, find their earlier partners and judge them as of their arrival."""

    def __init__(self, facts: list[ClaimFacts]) -> None:
        self.ordered = sorted(facts, key=lambda claim: claim.id)
        self.by_id = {claim.id: claim for claim in self.ordered}
        self.group_of = {claim.id: claim.group for claim in self.ordered}
        self.blocks: dict[str, list[int]] = defaultdict(list)
        self.combos: dict[str, list[int]] = defaultdict(list)
        self.keyword_count: Counter[Key] = Counter()
        self.keyword_blocks: dict[Key, list[int]] = defaultdict(list)
        self.rarity = Postings()
        self.wordings = Postings()
        self.repeats: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
        self.words: Counter[str] = Counter()
        self.claims = 0
        self.coverage = CoverageState()
        last: dict[int, int] = {}
        for claim in self.ordered:
            last[claim.source_id] = claim.id
        self.last_of_source = last

    def run(
        self,
        active: Callable[[ClaimFacts], bool],
        judge_pair: JudgePair,
        on_coverage: CoverageSink,
        on_pairs: Callable[[int], None] | None = None,
        wanted: Callable[[LinkKey], bool] | None = None,
        ask: bool | None = None,
    ) -> dict[LinkKey, Relation]:
        """The judged links whose later claim is active (of them, those `wanted`); coverage
        links go to `on_coverage`. `ask`: count inactive claims in under the asked keys alone
        (by default when at most MAX_ACTIVE_SHARE_TO_ASK of the claims are active); the links
        are the same either way."""
        links: dict[LinkKey, Relation] = {}
        flags = [active(claim) for claim in self.ordered]
        if ask is None:
            ask = sum(flags) <= MAX_ACTIVE_SHARE_TO_ASK * len(flags)
        asked = None
        active_keys: dict[int, ClaimKeys] = {}  # computed for `asked`, read again on arrival
        if ask:
            asked = Asked()
            for claim, is_active in zip(self.ordered, flags, strict=True):
                if is_active:
                    active_keys[claim.id] = ClaimKeys.of(claim)
                    asked.add(active_keys[claim.id])
        for claim, is_active in zip(self.ordered, flags, strict=True):
            self.words.update(claim.keywords | claim.english_words)
            self.claims += 1
            found = self.arrive(claim, is_active, asked, active_keys.pop(claim.id, None))
            if is_active and found:
                rarity = Rarity(self.words, self.claims)
                pairs = sorted(found.blocked | found.by_rarity)
                if wanted:
                    pairs = [other for other in pairs if wanted((other, claim.id))]
                if on_pairs:
                    on_pairs(len(pairs))
                for other in pairs:
                    relation = judge_pair(
                        self.by_id[other], claim, other not in found.blocked, rarity
                    )
                    if relation:
                        links[(other, claim.id)] = relation
            self.coverage.arrive(self, claim, is_active, on_coverage)
        return links

    def arrive(
        self,
        claim: ClaimFacts,
        is_active: bool,
        asked: Asked | None = None,
        claim_keys: ClaimKeys | None = None,
    ) -> Found | None:
        """Find the claim's earlier partners (when active), then count it in (under the keys
        `asked`, if any, when it is not active). `claim_keys`: its keys, if already known."""
        group = claim.group
        blocked: set[int] = set()
        by_rarity: set[int] = set()
        claim_keys = claim_keys or ClaimKeys.of(claim)
        if asked is not None and not is_active:
            claim_keys = asked.only(claim_keys)
        keys, words, rare_keys = claim_keys.blocking, claim_keys.words, claim_keys.rare
        said, repeat, has_text = claim_keys.said, claim_keys.repeat, claim_keys.has_text
        if is_active:
            if claim.asserts:
                common = []
                for key in keys:
                    if len(self.blocks[key]) + 1 <= MAX_BLOCK:
                        blocked.update(self.blocks[key])
                    else:
                        common.append(key)
                for first, second in itertools.combinations(sorted(common), 2):
                    members = self.combos.get(f"{first}&{second}", [])
                    if len(members) + 1 <= MAX_BLOCK:
                        blocked.update(members)
                shared: Counter[int] = Counter()
                for key in words:
                    if self.keyword_count[key] + 1 <= MAX_KEYWORD_CLAIMS:
                        shared.update(self.keyword_blocks[key])
                blocked.update(other for other, n in shared.items() if n >= MIN_SHARED_KEYWORDS)
                by_rarity.update(
                    self.rarity.partners(
                        claim.id,
                        rare_keys,
                        self.group_of,
                        max_posting=MAX_POSTING,
                        keys_per_claim=KEYS_PER_CLAIM,
                        candidates_per_claim=CANDIDATES_PER_CLAIM,
                        min_weight=MIN_PAIR_WEIGHT,
                    )
                )
            if has_text:
                if len(self.repeats[repeat]) + 1 <= MAX_REPEATS:
                    by_rarity.update(self.repeats[repeat])
                # In a small ledger no key is one-in-ten rare; a word pair only two claims share is.
                least = min(MIN_WORDING_WEIGHT, math.log(max(self.wordings.claims + 1, 2) / 2))
                by_rarity.update(
                    self.wordings.partners(
                        claim.id,
                        said,
                        self.group_of,
                        max_posting=MAX_WORDING_POSTING,
                        keys_per_claim=WORDING_KEYS_PER_CLAIM,
                        candidates_per_claim=WORDING_CANDIDATES_PER_CLAIM,
                        min_weight=least,
                    )
                )
            blocked = {other for other in blocked if self.group_of[other] != group}
            by_rarity = {other for other in by_rarity if self.group_of[other] != group} - blocked
        # Count the claim in.
        if claim.asserts:
            for key in keys:
                self.blocks[key].append(claim.id)
            combos = claim_keys.combos()
            if asked is not None and not is_active:
                combos = [combo for combo in combos if combo in asked.combos]
            for combo in combos:
                self.combos[combo].append(claim.id)
            for key in words:
                self.keyword_blocks[key].append(claim.id)
            self.rarity.add(claim.id, rare_keys)
        for key in words:
            self.keyword_count[key] += 1
        if has_text:
            if asked is None or is_active or repeat in asked.repeats:
                self.repeats[repeat].append(claim.id)
            self.wordings.add(claim.id, said)
        return Found(blocked, by_rarity) if is_active else None


class CoverageState:
    """Coverage (similarity.coverage_links' measure) as claims arrive: a headline and another
    source are weighed once both are in, with the word counts of that moment; a pair is weighed
    when it shares MIN_COVERED words each held by 2 to MAX_POSTING claims so far."""

    def __init__(self) -> None:
        self.postings: dict[Key, list[int]] = defaultdict(list)
        self.own: Counter[Key] = Counter()
        self.claims = 0
        self.source_words: dict[tuple[int, str], set[str]] = defaultdict(set)
        self.source_postings: dict[Key, list[int]] = defaultdict(list)  # complete sources
        self.headlines: dict[Key, list[int]] = defaultdict(list)
        self.spaces_of: dict[int, set[str]] = defaultdict(set)

    def arrive(
        self, arrivals: Arrivals, claim: ClaimFacts, is_active: bool, sink: CoverageSink
    ) -> None:
        if not claim.text.strip():
            if arrivals.last_of_source[claim.source_id] == claim.id:
                self.complete_source(arrivals, claim.source_id, is_active, sink)
            return
        self.claims += 1
        space = claim.lang
        self.own.update((space, word) for word in claim.keywords)
        for word in claim.keywords:
            self.postings[(space, word)].append(claim.id)
        self.source_words[(claim.source_id, space)] |= claim.keywords
        self.spaces_of[claim.source_id].add(space)
        if claim.is_title:
            if is_active and len(claim.keywords) >= MIN_COVERED:
                sources: Counter[int] = Counter()
                for word in self.usable(space, claim.keywords):
                    sources.update(self.source_postings.get((space, word), ()))
                for source, count in sorted(sources.items()):
                    if count >= MIN_COVERED and source != claim.source_id:
                        self.weigh(arrivals, claim, source, sink)
            for word in claim.keywords:
                self.headlines[(space, word)].append(claim.id)
        if arrivals.last_of_source[claim.source_id] == claim.id:
            self.complete_source(arrivals, claim.source_id, is_active, sink)

    def complete_source(
        self, arrivals: Arrivals, source: int, is_active: bool, sink: CoverageSink
    ) -> None:
        """A source's last claim is in: weigh the earlier headlines it may cover."""
        for space in sorted(self.spaces_of.get(source, ())):
            words = self.source_words[(source, space)]
            if is_active:
                headlines: Counter[int] = Counter()
                for word in self.usable(space, words):
                    headlines.update(self.headlines.get((space, word), ()))
                for headline, count in sorted(headlines.items()):
                    claim = arrivals.by_id[headline]
                    if count >= MIN_COVERED and claim.source_id != source:
                        self.weigh(arrivals, claim, source, sink)
            for word in words:
                self.source_postings[(space, word)].append(source)

    def usable(self, space: str, words: Iterable[str]) -> list[str]:
        return [w for w in words if 2 <= len(self.postings.get((space, w), ())) <= MAX_POSTING]

    def weight(self, space: str, word: str) -> float:
        """idf over the claims so far and (for English words) the prior's fact-checks."""
        documents, prior = english_prior()
        extra_documents, extra = (documents, prior.get(word, 0)) if space == "en" else (0, 0)
        seen = self.own[(space, word)] + extra
        return math.log((max(self.claims, 2) + extra_documents + 1) / (seen + 1)) + 1.0

    def weigh(self, arrivals: Arrivals, claim: ClaimFacts, source: int, sink: CoverageSink) -> None:
        space, words = claim.lang, claim.keywords
        covered = words & self.source_words[(source, space)]
        if len(covered) < MIN_COVERED:
            return
        coverage = sum(self.weight(space, w) for w in covered) / sum(
            self.weight(space, w) for w in words
        )
        if coverage < MIN_COVERAGE:
            return
        shared: Counter[int] = Counter()
        for word in covered:
            for other in self.postings[(space, word)]:
                if arrivals.by_id[other].source_id == source:
                    shared[other] += 1
        if not shared:
            return
        partner = arrivals.by_id[min(shared, key=lambda other: (-shared[other], other))]
        if partner.group == claim.group or covered <= partner.keywords:
            return  # one sentence holds them all: the pairwise measures decided
        shown = ", ".join(sorted(covered)[:6])
        sink(
            claim.id,
            partner.id,
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


def coverage_links(facts: list[ClaimFacts]) -> dict[LinkKey, Relation]:
    """Every coverage link among `facts` (what the stage adds where no pair link is)."""
    links: dict[LinkKey, Relation] = {}

    def keep(a: int, b: int, relation: Relation) -> None:
        links.setdefault((min(a, b), max(a, b)), relation)

    Arrivals(facts).run(lambda claim: True, lambda *_: None, keep)
    return links
