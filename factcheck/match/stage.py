"""The match stage: candidate pairs from shared entities, places, values and concepts (blocking,
never every pair), their relation, and the links in the ledger brought up to date.

A source's own translation is linked as `translation` and a copy as `duplicate`; neither is
independent confirmation, which the verdict stage enforces through independence groups.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from factcheck.db import now_iso, transaction
from factcheck.match.archive_stage import ArchiveMatchReport, match_archive
from factcheck.match.arrival import Arrivals, Rarity
from factcheck.match.documents import weigh_documents
from factcheck.match.facts import ClaimFacts, load_claim_facts
from factcheck.match.folding import claim_origins, fold_facts
from factcheck.match.gloss_stage import update_glosses
from factcheck.match.incremental import changed_since, store_digests
from factcheck.match.judge import judge, weigh
from factcheck.match.relate import MIN_TRANSLATION_SCORE, Relation, translation_score
from factcheck.match.semantic import semantic_relation
from factcheck.match.semantic_stage import SemanticReport, semantic_candidates
from factcheck.match.similarity import paraphrase_relation, wording_relation

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


def judge_pair(
    a: ClaimFacts, b: ClaimFacts, only_by_rarity: bool, rarity: Rarity
) -> Relation | None:
    """The relation of a candidate pair (`a` the earlier claim), with word rarity as of `b`."""
    relation = judge(a, b)
    if relation and only_by_rarity and is_word_count_relation(relation):
        # A pair found only through rare keys is told in the same words only if its rare
        # words say so: the word-count rule was made for pairs blocked on rare words.
        relation = None
    if relation is None and (found := paraphrase_relation(a, b, rarity)):
        relation = weigh(a, b, found)  # a paraphrase weighed by stance too
    if relation is None and (found := wording_relation(a, b)):
        relation = weigh(a, b, found)
    return relation


def candidate_pairs(facts: list[ClaimFacts]) -> set[LinkKey]:
    """Every candidate pair the arrivals find (for benchmarks that explain a missing link)."""
    pairs: set[LinkKey] = set()

    def collect(a: ClaimFacts, b: ClaimFacts, only_by_rarity: bool, rarity: Rarity) -> None:
        pairs.add((a.id, b.id))

    Arrivals(facts).run(lambda claim: True, collect, lambda *_: None)
    return pairs


def compute_links(
    facts: list[ClaimFacts],
    report: MatchReport,
    *,
    documents: bool = True,
    close_in_meaning: dict[LinkKey, float] | None = None,
    active: Callable[[ClaimFacts], bool] | None = None,
    wanted: Callable[[LinkKey], bool] | None = None,
    kept: dict[LinkKey, Relation] | None = None,
) -> dict[LinkKey, Relation]:
    """Every link between current claims; `documents=False` leaves out the reporting sources'
    stance (weigh_documents), as links were before it (for benchmarks' same-run baselines).
    `close_in_meaning` (the sentence encoder's pairs, with --semantic) are judged too where the
    lexical matcher left them without a link. With `active` and `wanted` (the stage's
    incremental run), only the pairs whose later claim is active are decided, of them those
    `wanted`, and `kept` holds the links between other groups decided before; translations
    and copies are found afresh."""
    by_id = {claim.id: claim for claim in facts}
    links = translation_links(facts) | copy_links(facts)
    report.claims = len(facts)

    def counted(pairs: int) -> None:
        report.candidate_pairs += pairs

    coverage: dict[LinkKey, Relation] = {}

    def covered(a: int, b: int, relation: Relation) -> None:
        coverage.setdefault((min(a, b), max(a, b)), relation)

    decided = Arrivals(facts).run(
        active or (lambda claim: True), judge_pair, covered, counted, wanted
    )
    for (a, b), cosine in sorted((close_in_meaning or {}).items()):
        if (a, b) not in decided and (a, b) not in links:
            decided[(a, b)] = semantic_relation(by_id[a], by_id[b], cosine)
    for key, relation in coverage.items():
        decided.setdefault(key, relation)
    if wanted:
        decided = {key: relation for key, relation in decided.items() if wanted(key)}
    if documents:
        sources = {by_id[claim_id].source_id for key in decided for claim_id in key}
        decided = weigh_documents([c for c in facts if c.source_id in sources], decided)
    return links | (kept or {}) | decided


def is_word_count_relation(relation: Relation) -> bool:
    return relation.relation == "related" and set(relation.evidence) == {"words"}


def match_claims(
    db: Database,
    *,
    on_progress: Callable[[str, int, int], None] | None = None,
    semantic: bool = False,
    everything: bool = False,
) -> MatchReport:
    """Bring the links of every current claim up to date and write what changed, in one
    transaction: only the pairs whose later claim is new or changed (match/incremental.py) are
    decided again, unless `everything`; `semantic` adds the optional sentence encoder's
    candidates (factcheck[semantic]) and decides every pair."""
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
        plan = changed_since(db, facts, everything=everything or semantic)
        links = compute_links(
            facts,
            report,
            close_in_meaning=close_in_meaning,
            active=plan.is_active,
            wanted=plan.wanted,
            kept=plan.kept,
        )
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
        # After --semantic the links hold the encoder's pairs, which a lexical run would drop:
        # the next run decides everything again.
        store_digests(db, plan, keep=not semantic)
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
        if row is None:
            evidence = json.dumps(relation.evidence, ensure_ascii=False, default=str)
            added.append((key[0], key[1], relation.relation, score, relation.reason, evidence, now))
            report.added[relation.relation] = report.added.get(relation.relation, 0) + 1
        elif (row[3], row[4], row[5]) != (relation.relation, score, relation.reason):
            evidence = json.dumps(relation.evidence, ensure_ascii=False, default=str)
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
