"""The match stage: candidate pairs from shared entities, places, values and concepts (blocking,
never every pair), their relation, and the links in the ledger brought up to date.

A source's own translation is linked as `translation` and a copy as `duplicate`; neither is
independent confirmation, which the verdict stage enforces through independence groups.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from factcheck.db import now_iso, transaction
from factcheck.match.archive_stage import ArchiveMatchReport, match_archive
from factcheck.match.documents import weigh_documents
from factcheck.match.facts import ClaimFacts, load_claim_facts
from factcheck.match.folding import claim_origins, fold_facts
from factcheck.match.gloss_stage import update_glosses
from factcheck.match.judge import judge, tension_keys, weigh
from factcheck.match.relate import MIN_TRANSLATION_SCORE, Relation, translation_score
from factcheck.match.semantic import semantic_relation
from factcheck.match.semantic_stage import SemanticReport, semantic_candidates
from factcheck.match.similarity import (
    coverage_links,
    paraphrase_relation,
    rare_key_partners,
    word_rarity,
    wording_pairs,
    wording_relation,
)

# Content words: a word in more claims than this is too common to pair on; a pair needs this many.
MAX_KEYWORD_CLAIMS = 25
MIN_SHARED_KEYWORDS = 3
# A blocking key shared by more claims than this is too common to pair on alone ("China");
# such claims are paired on combinations of keys instead.
MAX_BLOCK = 40

# Rarity blocking: each claim's rarest keys, its best-sharing partners, and the least weight
# (sum of the shared keys' idf, natural log) a candidate needs: two keys of a one-in-ten rarity.
KEYS_PER_CLAIM = 8
CANDIDATES_PER_CLAIM = 8
MIN_PAIR_WEIGHT = 2 * math.log(10)
MAX_POSTING = 5_000  # a key in more claims than this says nothing (and would cost O(n) each)

LinkKey = tuple[int, int]


@dataclass
class MatchReport:
    claims: int = 0
    candidate_pairs: int = 0
    added: dict[str, int] = field(default_factory=dict)
    changed: int = 0
    removed: int = 0
    links: dict[str, int] = field(default_factory=dict)
    archive: ArchiveMatchReport | None = None
    semantic: SemanticReport | None = None  # with --semantic only

    def describe(self) -> str:
        added = ", ".join(f"{count} {relation}" for relation, count in sorted(self.added.items()))
        text = (
            f"matched {self.claims} claims ({self.candidate_pairs} candidate pairs): "
            f"links added {added or 'none'}; {self.changed} changed; {self.removed} removed"
        )
        if self.semantic:
            text += f"\n{self.semantic.describe()}"
        if self.archive and self.archive.claims:
            text += f"\n{self.archive.describe()}"
        return text


def blocking_keys(claim: ClaimFacts) -> set[str]:
    keys = set(claim.anchors)
    keys |= {f"q:{q.unit}" for q in claim.quantities if q.unit}
    if claim.subject_entity:
        keys.add(f"subject:{claim.subject_entity}")
    return keys | tension_keys(claim)


def candidate_pairs(facts: list[ClaimFacts]) -> set[LinkKey]:
    """Pairs of claims from different independence groups that share a blocking key; common keys
    are combined in pairs so no block grows past MAX_BLOCK."""
    keys_of = {claim.id: blocking_keys(claim) for claim in facts if claim.asserts}
    frequency: dict[str, int] = defaultdict(int)
    for keys in keys_of.values():
        for key in keys:
            frequency[key] += 1
    blocks: dict[str, list[int]] = defaultdict(list)
    for claim_id, keys in keys_of.items():
        rare = {key for key in keys if frequency[key] <= MAX_BLOCK}
        common = sorted(keys - rare)
        for key in rare:
            blocks[key].append(claim_id)
        for first, second in itertools.combinations(common, 2):
            blocks[f"{first}&{second}"].append(claim_id)
    group_of = {claim.id: claim.group for claim in facts}
    pairs: set[LinkKey] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue  # still too common: a pair on two everyday keys says nothing
        for a, b in itertools.combinations(sorted(members), 2):
            if group_of[a] != group_of[b]:
                pairs.add((a, b))
    return pairs | keyword_pairs(facts, group_of)


def rarity_keys(claim: ClaimFacts) -> set[tuple[str, str]]:
    """Everything a claim could share with another telling of it: entities, places, units,
    its subject, the lexicon's events and terms, its content words (and glossed words)."""
    keys = {("key", key) for key in blocking_keys(claim)}
    keys |= {("concept", concept) for concept in claim.events | claim.terms | claim.roles}
    keys |= {("date", date[:7]) for date in claim.dates}
    return keys | keyword_keys(claim)


def rarity_pairs(facts: list[ClaimFacts], group_of: dict[int, str]) -> set[LinkKey]:
    """Candidates by rarity, not by a global threshold: each claim looks up only its
    KEYS_PER_CLAIM rarest keys and keeps the CANDIDATES_PER_CLAIM other claims that share the
    most weight (idf) with it. A key grows common as the ledger grows, but a claim still meets
    its partners through its rarest keys, so links found in a small ledger stay in a large one;
    and the cost is each claim's few postings, not every pair."""
    keys_of = {claim.id: rarity_keys(claim) for claim in facts if claim.asserts}
    return rare_key_partners(
        keys_of,
        group_of,
        max_posting=MAX_POSTING,
        keys_per_claim=KEYS_PER_CLAIM,
        candidates_per_claim=CANDIDATES_PER_CLAIM,
        min_weight=MIN_PAIR_WEIGHT,
    )


def keyword_pairs(facts: list[ClaimFacts], group_of: dict[int, str]) -> set[LinkKey]:
    """Pairs of claims in one language sharing MIN_SHARED_KEYWORDS uncommon content words
    (each in at most MAX_KEYWORD_CLAIMS claims): the words a story is told with, not the
    words every story uses."""
    frequency: dict[tuple[str, str], int] = defaultdict(int)
    for claim in facts:
        for key in keyword_keys(claim):
            frequency[key] += 1
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for claim in facts:
        if claim.asserts:
            for key in keyword_keys(claim):
                if 2 <= frequency[key] <= MAX_KEYWORD_CLAIMS:
                    blocks[key].append(claim.id)
    shared: dict[LinkKey, int] = defaultdict(int)
    for members in blocks.values():
        for a, b in itertools.combinations(sorted(members), 2):
            if group_of[a] != group_of[b]:
                shared[(a, b)] += 1
    return {pair for pair, count in shared.items() if count >= MIN_SHARED_KEYWORDS}


def keyword_keys(claim: ClaimFacts) -> set[tuple[str, str]]:
    """A claim's content words as blocking keys: its own words in its language, and a Chinese
    or Bengali claim's glossed words in English, so it meets English claims told the same way."""
    keys = {(claim.lang, word) for word in claim.keywords}
    keys |= {("en", word) for word in claim.gloss_words}
    return keys


def translation_links(facts: list[ClaimFacts]) -> dict[LinkKey, Relation]:
    """Within each source written in two languages, the claims that translate each other: the
    mutual best fit above MIN_TRANSLATION_SCORE."""
    by_source: dict[int, dict[str, list[ClaimFacts]]] = defaultdict(lambda: defaultdict(list))
    for claim in facts:
        by_source[claim.source_id][claim.lang].append(claim)
    links: dict[LinkKey, Relation] = {}
    for languages in by_source.values():
        for lang_a, lang_b in itertools.combinations(sorted(languages), 2):
            claims_a, claims_b = languages[lang_a], languages[lang_b]
            best_a: dict[int, tuple[float, int]] = {}
            best_b: dict[int, tuple[float, int]] = {}
            for a in claims_a:
                for b in claims_b:
                    score = translation_score(a, b)
                    if score > best_a.get(a.id, (0.0, 0))[0]:
                        best_a[a.id] = (score, b.id)
                    if score > best_b.get(b.id, (0.0, 0))[0]:
                        best_b[b.id] = (score, a.id)
            for a_id, (score, b_id) in best_a.items():
                if score >= MIN_TRANSLATION_SCORE and best_b.get(b_id, (0.0, 0))[1] == a_id:
                    key = (min(a_id, b_id), max(a_id, b_id))
                    links[key] = Relation(
                        "translation",
                        round(score, 3),
                        f"the same statement in {lang_a} and {lang_b} within one source: a "
                        "translation, not independent confirmation",
                        {"languages": [lang_a, lang_b]},
                    )
    return links


def copy_links(facts: list[ClaimFacts]) -> dict[LinkKey, Relation]:
    """Claims a copied source repeats from its original (same group, other source)."""
    by_text: dict[tuple[str, str], list[ClaimFacts]] = defaultdict(list)
    for claim in facts:
        by_text[(claim.group, " ".join(claim.text.split()).casefold())].append(claim)
    links: dict[LinkKey, Relation] = {}
    for claims in by_text.values():
        for a, b in itertools.combinations(claims, 2):
            if a.source_id != b.source_id:
                links[(min(a.id, b.id), max(a.id, b.id))] = Relation(
                    "duplicate",
                    1.0,
                    f"source {max(a.source_id, b.source_id)} copies source "
                    f"{min(a.source_id, b.source_id)}: the same claim, not a second witness",
                )
    return links


def compute_links(
    facts: list[ClaimFacts],
    report: MatchReport,
    *,
    documents: bool = True,
    close_in_meaning: dict[LinkKey, float] | None = None,
) -> dict[LinkKey, Relation]:
    """Every link between current claims; `documents=False` leaves out the reporting sources'
    stance (weigh_documents), as links were before it (for benchmarks' same-run baselines).
    `close_in_meaning` (the sentence encoder's pairs, with --semantic) are judged too where the
    lexical matcher left them without a link."""
    by_id = {claim.id: claim for claim in facts}
    links = translation_links(facts) | copy_links(facts)
    pairs = candidate_pairs(facts)
    group_of = {claim.id: claim.group for claim in facts}
    by_rarity = (rarity_pairs(facts, group_of) | wording_pairs(facts, group_of)) - pairs
    report.claims, report.candidate_pairs = len(facts), len(pairs | by_rarity)
    rarity = word_rarity(facts)
    for a, b in sorted(pairs | by_rarity):
        relation = judge(by_id[a], by_id[b])
        if relation and (a, b) in by_rarity and is_word_count_relation(relation):
            # A pair found only through rare keys is told in the same words only if its rare
            # words say so: the word-count rule was made for pairs blocked on rare words.
            relation = None
        if relation is None and (found := paraphrase_relation(by_id[a], by_id[b], rarity)):
            relation = weigh(by_id[a], by_id[b], found)  # a paraphrase weighed by stance too
        if relation is None and (found := wording_relation(by_id[a], by_id[b])):
            relation = weigh(by_id[a], by_id[b], found)
        if relation:
            links[(a, b)] = relation
    for (a, b), cosine in sorted((close_in_meaning or {}).items()):
        if (a, b) not in links:
            links[(a, b)] = semantic_relation(by_id[a], by_id[b], cosine)
    for key, relation in coverage_links(facts, group_of).items():
        links.setdefault(key, relation)
    return weigh_documents(facts, links) if documents else links


def is_word_count_relation(relation: Relation) -> bool:
    return relation.relation == "related" and set(relation.evidence) == {"words"}


def match_claims(
    db: Database,
    *,
    on_progress: Callable[[str, int, int], None] | None = None,
    semantic: bool = False,
) -> MatchReport:
    """Recompute the links of every current claim and write what changed, in one transaction;
    `semantic` adds the optional sentence encoder's candidates (factcheck[semantic])."""
    report = MatchReport()
    with transaction(db):
        if on_progress:
            on_progress("reading claims", 0, 3)
        update_glosses(db)
        facts = load_claim_facts(db)
        close_in_meaning = None
        if semantic:
            report.semantic = SemanticReport()
            close_in_meaning = semantic_candidates(db, facts, report.semantic, on_progress)
        if on_progress:
            on_progress("pairing claims", 1, 3)
        links = compute_links(facts, report, close_in_meaning=close_in_meaning)
        if on_progress:
            on_progress("writing links", 2, 3)
        write_links(db, links, report)
        report.archive = match_archive(db)
        if on_progress:
            on_progress("done", 3, 3)
        # Only the groups that changed: every UPDATE of a claim rewrites its full-text index
        # entry (claims_au trigger), which cost 7 s per run on 100k unchanged claims.
        stored = dict(db.execute("SELECT id, independence_group FROM claims").fetchall())
        db.conn.executemany(
            "UPDATE claims SET independence_group = ? WHERE id = ?",
            [(claim.group, claim.id) for claim in facts if stored.get(claim.id) != claim.group],
        )
        write_facts_and_origins(db, facts, links)
    return report


def write_links(db: Database, links: dict[LinkKey, Relation], report: MatchReport) -> None:
    """Insert, update and delete links so the table holds `links`, in bulk."""
    existing = {
        (row[1], row[2]): row
        for row in db.execute("SELECT id, claim_a, claim_b, relation, score, reason FROM links")
    }
    now = now_iso()
    added, changed = [], []
    for key, relation in links.items():
        row = existing.pop(key, None)
        score = round(relation.score, 3)
        evidence = json.dumps(relation.evidence, ensure_ascii=False, default=str)
        if row is None:
            added.append((key[0], key[1], relation.relation, score, relation.reason, evidence, now))
            report.added[relation.relation] = report.added.get(relation.relation, 0) + 1
        elif (row[3], row[4], row[5]) != (relation.relation, score, relation.reason):
            changed.append((relation.relation, score, relation.reason, evidence, row[0]))
            report.changed += 1
        report.links[relation.relation] = report.links.get(relation.relation, 0) + 1
    db.conn.executemany(
        """INSERT INTO links (claim_a, claim_b, relation, score, reason, evidence, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        added,
    )
    db.conn.executemany(
        "UPDATE links SET relation = ?, score = ?, reason = ?, evidence = ? WHERE id = ?", changed
    )
    db.conn.executemany("DELETE FROM links WHERE id = ?", [(row[0],) for row in existing.values()])
    report.removed += len(existing)


def write_facts_and_origins(
    db: Database, facts: list[ClaimFacts], links: dict[LinkKey, Relation]
) -> None:
    """Each claim's fact (the claim that stands for it) and origin, where they changed."""
    lead_of, origin_of = fold_facts(facts, links), claim_origins(facts, links)
    stored = {
        row[0]: (row[1], row[2])
        for row in db.execute("SELECT id, fact_id, origin FROM claims").fetchall()
    }
    db.conn.executemany(
        "UPDATE claims SET fact_id = ?, origin = ? WHERE id = ?",
        [
            (lead_of[claim.id], origin_of[claim.id], claim.id)
            for claim in facts
            if stored.get(claim.id) != (lead_of[claim.id], origin_of[claim.id])
        ],
    )
