"""One query layer for everything a report shows: claims with their current verdict and
citations, contradictions, spelling variants, and sources with what was skipped as clutter.

Whatever the verdict stage has filled in is read as it is; a claim with no verdict row reads as
`unverified` when it is check-worthy and `not_checkable` when it is not, decided by 'auto'.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from sqlite_utils import Database

from factcheck.ingest.queries import UnknownIdError
from factcheck.report.archive import PublishedCheck, load_glosses, load_published_checks
from factcheck.verdicts.carryover import reviews_needing_a_person
from factcheck.verdicts.queries import VERDICT_COLUMNS
from factcheck.verdicts.records import Citation, Verdict
from factcheck.verdicts.tensions import Tension, tensions
from factcheck.vocab import CLUTTER_KINDS, VERDICT_LABELS_WORST_FIRST, PassageKind

# Worst news first: a report leads with what is contradicted.
VERDICT_LABELS = tuple(label.value for label in VERDICT_LABELS_WORST_FIRST)
VERDICT_WORDS = {
    "corroborated": "Corroborated",
    "contradicted": "Contradicted",
    "conflicting": "Conflicting evidence",
    "unverified": "Unverified",
    "not_checkable": "Not checkable",
}
# Passages no claim is read from, shown per source as what was skipped.
SKIPPED_KINDS = CLUTTER_KINDS | {PassageKind.DUPLICATE}


def source_label(title: str | None, outlet: str | None, path: str) -> str:
    """A source's name for readers: its headline, else its outlet, else its file's name (the
    ledger's `sources.label` falls back to the whole local path, which would leak a reviewer's
    folders into a published report or ClaimReview)."""
    return title or outlet or PurePath(path).name or path


def load_source_labels(db: Database) -> dict[int, str]:
    """The reader's name of every source, current or not (a citation may quote an old one)."""
    return {
        row["id"]: source_label(row["title"], row["outlet"], row["path"])
        for row in db.query("SELECT id, title, outlet, path FROM sources")
    }


def default_label(is_checkworthy: bool) -> str:
    return "unverified" if is_checkworthy else "not_checkable"


def is_pending(claim: ClaimEntry) -> bool:
    """Unverified by the machine alone: no evidence found yet, no published fact-check of it in
    the archive, and no person has looked."""
    return (
        claim.verdict.label == "unverified"
        and claim.verdict.decided_by == "auto"
        and not claim.fact_checks
    )


@dataclass(frozen=True)
class ReportFilter:
    verdict: str | None = None
    source_id: int | None = None
    entity: str | None = None  # an entity id or a name (any spelling)
    min_score: float | None = None


@dataclass(frozen=True)
class LinkedClaim:
    """The other side of a link: the claim a claim is linked to, with its quote and source."""

    link_id: int
    relation: str
    score: float
    reason: str
    claim_id: int
    quote: str
    source_id: int
    source_label: str
    url: str | None
    published: str | None
    lang: str | None


@dataclass(frozen=True)
class Location:
    source_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class VariantFinding:
    """A spelling_variant finding read back (entities/clustering.py's SpellingVariant, stored)."""

    finding_id: int
    entity_id: int | None
    entity_name: str | None
    detail: str
    forms: tuple[str, ...]
    locations: tuple[Location, ...]


@dataclass(frozen=True)
class ClaimEntry:
    id: int
    source_id: int
    source_label: str
    outlet: str | None
    url: str | None
    published: str | None
    text: str
    quote: str  # sources.text[start:end]
    start: int
    end: int
    lang: str | None
    kind: str
    modality: str
    score: float
    is_checkworthy: bool
    independence_group: str | None
    verdict: Verdict
    links: tuple[LinkedClaim, ...] = ()
    variants: tuple[VariantFinding, ...] = ()
    entity_ids: tuple[int, ...] = ()
    fact_id: int | None = None  # the claim that stands for its fact (None: its own fact)
    sentence: str = ""  # the whole sentence the claim comes from

    fact_checks: tuple[PublishedCheck, ...] = ()  # published checks the archive holds for it
    gloss: str | None = None  # English gloss of a Chinese or Bengali claim
    # The claims of earlier versions of its source that this one continues, latest first: their
    # #claim-N anchors stay on it, so a link published before the new version still lands here.
    earlier_ids: tuple[int, ...] = ()

    @property
    def fact(self) -> int:
        return self.fact_id if self.fact_id is not None else self.id

    @property
    def statement(self) -> str:
        """The whole statement: the sentence, when the claim is a part of it (a title)."""
        flat = " ".join(self.sentence.split())
        return flat if flat and len(flat) > len(self.text) else self.text

    @property
    def contradictions(self) -> tuple[LinkedClaim, ...]:
        return tuple(link for link in self.links if link.relation == "contradicts")

    @property
    def support_since_review(self) -> tuple[LinkedClaim, ...]:
        """Corroborating links a person's verdict does not cite: found after the review (an
        automatic verdict cites all its independent support already)."""
        if self.verdict.decided_by == "auto":
            return ()
        cited = {citation.claim_id for citation in self.verdict.citations}
        return tuple(
            link
            for link in self.links
            if link.relation == "corroborates" and link.claim_id not in cited
        )


@dataclass(frozen=True)
class SourceEntry:
    id: int
    label: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    path: str
    languages: tuple[str, ...]
    passages: int
    claims: int
    checkworthy_claims: int
    skipped: tuple[tuple[str, int], ...]  # (passage kind, count), most first


@dataclass(frozen=True)
class NeedsPerson:
    """A claim whose reviewed statement changed in a new version of its source: what the
    earlier reviewer said about the earlier wording."""

    claim_id: int
    old_claim_id: int
    old_text: str
    old_label: str
    old_decided_by: str
    old_note: str | None


@dataclass(frozen=True)
class Report:
    generated_at: str
    report_filter: ReportFilter
    sources: tuple[SourceEntry, ...]
    claims: tuple[ClaimEntry, ...]  # every claim in scope, check-worthy or not
    variants: tuple[VariantFinding, ...]
    entity_name: str | None = None  # the entity a --entity filter named
    needs_person: tuple[NeedsPerson, ...] = ()
    verdict_counts: dict[str, int] = field(default_factory=dict)
    tensions: tuple[Tension, ...] = ()  # what to look at first, within the filter

    @property
    def shown(self) -> tuple[ClaimEntry, ...]:
        """The claims a report lists: check-worthy ones, and any other a reviewer gave a verdict
        other than not_checkable; narrowed by the verdict filter."""
        shown = [
            claim
            for claim in self.claims
            if claim.is_checkworthy or claim.verdict.label != "not_checkable"
        ]
        if self.report_filter.verdict:
            shown = [claim for claim in shown if claim.verdict.label == self.report_filter.verdict]
        return tuple(shown)

    @property
    def cards(self) -> tuple[ClaimEntry, ...]:
        """One card per fact with a verdict found or given: the claim that stands for it (one a
        person reviewed, else the fact's own lead), its other wordings folded under it
        (`wordings`). Human verdicts that new evidence disputes come first (they need a person
        again), then the worst verdict."""
        rank = {label: index for index, label in enumerate(VERDICT_LABELS)}
        hide_unchecked = self.report_filter.verdict != "not_checkable"
        return tuple(
            sorted(
                (
                    claim
                    for claim in self.fact_leads()
                    if not is_pending(claim)
                    and not (
                        hide_unchecked
                        and claim.verdict.label == "not_checkable"
                        and claim.verdict.decided_by == "auto"
                    )
                ),
                key=lambda claim: (
                    claim.verdict.disagreement is None,
                    rank.get(claim.verdict.label, len(rank)),
                    claim.source_id,
                    claim.start,
                ),
            )
        )

    def fact_leads(self) -> list[ClaimEntry]:
        """The shown claim that stands for each fact: one with a person's verdict (a disputed one
        first), else the fact's lead, else its first shown claim."""
        by_fact: dict[int, list[ClaimEntry]] = defaultdict(list)
        for claim in self.shown:
            by_fact[claim.fact].append(claim)
        return [
            min(
                members,
                key=lambda claim: (
                    claim.verdict.decided_by == "auto",
                    claim.verdict.disagreement is None,
                    claim.id != claim.fact,
                    claim.source_id,
                    claim.start,
                ),
            )
            for members in by_fact.values()
        ]

    def wordings(self, claim: ClaimEntry) -> tuple[ClaimEntry, ...]:
        """The fact's other claims in scope: translations, repeats, restatements, and the same
        statement in other sources, each still reachable by its id and span."""
        return tuple(
            other for other in self.claims if other.fact == claim.fact and other.id != claim.id
        )

    @property
    def pending(self) -> tuple[ClaimEntry, ...]:
        """Check-worthy facts nothing was found for or against yet: a to-do list, listed
        compactly by source, most check-worthy first, so they do not bury the findings."""
        return tuple(
            sorted(
                (claim for claim in self.fact_leads() if is_pending(claim)),
                key=lambda claim: (claim.source_id, -claim.score, claim.start),
            )
        )

    @property
    def pending_by_source(self) -> tuple[tuple[SourceEntry, tuple[ClaimEntry, ...]], ...]:
        sources = {source.id: source for source in self.sources}
        groups: dict[int, list[ClaimEntry]] = defaultdict(list)
        for claim in self.pending:
            groups[claim.source_id].append(claim)
        return tuple((sources[source_id], tuple(claims)) for source_id, claims in groups.items())

    @property
    def disputed(self) -> tuple[ClaimEntry, ...]:
        """Claims whose human verdict new evidence disagrees with."""
        return tuple(claim for claim in self.cards if claim.verdict.disagreement)

    @property
    def checkworthy_count(self) -> int:
        return sum(claim.is_checkworthy for claim in self.claims)


def load_verdicts(db: Database) -> dict[int, Verdict]:
    """The current verdict of every claim that has one, with its citations."""
    labels = load_source_labels(db)
    citations: dict[int, list[Citation]] = defaultdict(list)
    for row in db.query(
        """SELECT citations.*, sources.published, sources.fetched_at,
                  claims.lang,
                  (SELECT page FROM passages
                   WHERE passages.source_id = citations.source_id
                     AND passages.start_offset <= citations.start_offset
                   ORDER BY passages.start_offset DESC LIMIT 1) AS page
           FROM citations
           JOIN verdicts ON verdicts.id = citations.verdict_id AND verdicts.is_current = 1
           JOIN sources ON sources.id = citations.source_id
           LEFT JOIN claims ON claims.id = citations.claim_id
           ORDER BY citations.verdict_id,
                    CASE citations.stance WHEN 'contradicts' THEN 0 WHEN 'supports' THEN 1
                                          ELSE 2 END,
                    citations.id"""
    ):
        citations[row["verdict_id"]].append(
            Citation(
                claim_id=row["claim_id"],
                source_id=row["source_id"],
                source_label=labels[row["source_id"]],
                stance=row["stance"],
                quote=row["quote"],
                start=row["start_offset"],
                end=row["end_offset"],
                url=row["url"],
                published=row["published"],
                lang=row["lang"],
                fetched_at=row["fetched_at"],
                page=row["page"],
            )
        )
    return {
        row["claim_id"]: Verdict(
            claim_id=row["claim_id"],
            label=row["label"],
            confidence=row["confidence"],
            rationale=row["rationale"],
            decided_by=row["decided_by"],
            decided_at=row["decided_at"],
            note=row["note"],
            disagreement=row["disagreement"],
            citations=tuple(citations.get(row["id"], ())),
        )
        for row in db.query(f"SELECT {VERDICT_COLUMNS} FROM verdicts WHERE is_current = 1")
    }


def default_verdict(is_checkworthy: bool) -> Verdict:
    label = default_label(is_checkworthy)
    rationale = (
        "No verdict yet: nothing found for or against this claim."
        if is_checkworthy
        else "Not check-worthy: no verdict is given."
    )
    return Verdict(
        claim_id=None,
        label=label,
        confidence=None,
        rationale=rationale,
        decided_by="auto",
        decided_at=None,
        note=None,
        disagreement=None,
        is_default=True,
    )


def load_links(db: Database) -> dict[int, list[LinkedClaim]]:
    """Every link, seen from both of its claims."""
    labels = load_source_labels(db)
    linked: dict[int, list[LinkedClaim]] = defaultdict(list)
    for row in db.query("SELECT * FROM claim_links ORDER BY score DESC, link_id"):
        for this, other in (("a", "b"), ("b", "a")):
            linked[row[f"claim_{this}"]].append(
                LinkedClaim(
                    link_id=row["link_id"],
                    relation=row["relation"],
                    score=row["score"],
                    reason=row["reason"],
                    claim_id=row[f"claim_{other}"],
                    quote=row[f"quote_{other}"],
                    source_id=row[f"source_{other}_id"],
                    source_label=labels[row[f"source_{other}_id"]],
                    url=None,
                    published=None,
                    lang=row[f"lang_{other}"],
                )
            )
    return linked


def load_spelling_variants(db: Database) -> list[VariantFinding]:
    return [
        VariantFinding(
            finding_id=row["id"],
            entity_id=row["entity_id"],
            entity_name=row["entity_name"],
            detail=row["detail"],
            forms=tuple(json.loads(row["forms"])),
            locations=tuple(
                Location(loc["source_id"], loc["start"], loc["end"], loc["text"])
                for loc in json.loads(row["locations"])
            ),
        )
        for row in db.query(
            """SELECT findings.*, entities.name AS entity_name FROM findings
               LEFT JOIN entities ON entities.id = findings.entity_id
               WHERE findings.kind = 'spelling_variant' ORDER BY findings.id"""
        )
    ]


def resolve_entity(db: Database, entity: str) -> tuple[int, str]:
    """An entity named by id or by any spelling of it (case-insensitive)."""
    if entity.isdigit():
        rows = list(db.query("SELECT id, name FROM entities WHERE id = ?", [int(entity)]))
    else:
        # An exact spelling first, then a part of one ("Naqvi", "纳克维").
        rows = []
        for pattern in (entity.strip(), f"%{entity.strip()}%"):
            rows = list(
                db.query(
                    """SELECT entities.id, entities.name FROM entities
                       WHERE entities.name LIKE :name
                          OR entities.id IN (SELECT entity_id FROM mentions
                                             WHERE text LIKE :name OR match_form LIKE :name)
                       ORDER BY entities.mention_count DESC, entities.id LIMIT 1""",
                    {"name": pattern},
                )
            )
            if rows:
                break
    if not rows:
        raise UnknownIdError(f"no entity with id or name {entity!r}")
    return rows[0]["id"], rows[0]["name"]


def claim_entities(db: Database) -> dict[int, tuple[int, ...]]:
    """The entities each claim mentions: mentions inside the claim's span (sub-claims of one
    sentence overlap, so a mention belongs to every claim whose span holds it)."""
    result: dict[int, set[int]] = defaultdict(set)
    for row in db.query(
        """SELECT claims.id AS claim_id, mentions.entity_id FROM claims
           JOIN mentions ON mentions.source_id = claims.source_id
                        AND mentions.start_offset >= claims.start_offset
                        AND mentions.end_offset <= claims.end_offset
           WHERE mentions.entity_id IS NOT NULL"""
    ):
        result[row["claim_id"]].add(row["entity_id"])
    return {claim_id: tuple(sorted(ids)) for claim_id, ids in result.items()}


def load_sources(db: Database) -> list[SourceEntry]:
    kinds: dict[int, Counter[str]] = defaultdict(Counter)
    for row in db.query("SELECT source_id, kind, count(*) AS n FROM passages GROUP BY 1, 2"):
        kinds[row["source_id"]][row["kind"]] = row["n"]
    entries = []
    for row in db.query(
        """SELECT sources.*,
                   (SELECT count(*) FROM claims WHERE claims.source_id = sources.id) AS n_claims,
                   (SELECT count(*) FROM claims WHERE claims.source_id = sources.id
                                                  AND claims.is_checkworthy) AS n_checkworthy
            FROM sources WHERE sources.is_current = 1 ORDER BY sources.id"""
    ):
        counts = kinds[row["id"]]
        skipped = sorted(
            ((kind, n) for kind, n in counts.items() if kind in SKIPPED_KINDS),
            key=lambda item: (-item[1], item[0]),
        )
        entries.append(
            SourceEntry(
                id=row["id"],
                label=source_label(row["title"], row["outlet"], row["path"]),
                title=row["title"],
                outlet=row["outlet"],
                url=row["url"],
                published=row["published"],
                path=row["path"],
                languages=tuple(json.loads(row["languages"])),
                passages=sum(counts.values()),
                claims=row["n_claims"],
                checkworthy_claims=row["n_checkworthy"],
                skipped=tuple(skipped),
            )
        )
    return entries


def gather_report(db: Database, report_filter: ReportFilter | None = None) -> Report:
    """Everything a report shows, filtered; the summary counts follow the filter."""
    report_filter = report_filter or ReportFilter()
    if report_filter.verdict and report_filter.verdict not in VERDICT_LABELS:
        raise ValueError(f"unknown verdict {report_filter.verdict!r}")
    all_sources = {source.id: source for source in load_sources(db)}
    sources = sources_in_scope(all_sources, report_filter.source_id)
    entity_id, entity_name = (
        resolve_entity(db, report_filter.entity) if report_filter.entity else (None, None)
    )
    variants = load_spelling_variants(db)
    claims = load_claim_entries(
        db,
        ClaimScope({source.id: source for source in sources}, entity_id, report_filter.min_score),
        all_sources,
        variants_by_entity(variants),
    )
    report = Report(
        generated_at=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        report_filter=report_filter,
        sources=tuple(sources),
        claims=tuple(claims),
        variants=variants_in_scope(variants, {source.id for source in sources}, entity_id),
        entity_name=entity_name,
        tensions=tensions_in_scope(db, {claim.id for claim in claims}),
        needs_person=tuple(
            NeedsPerson(
                row["claim_id"],
                row["old_claim_id"],
                row["old_text"],
                row["old_label"],
                row["old_decided_by"],
                row["old_note"],
            )
            for row in reviews_needing_a_person(db)
            if row["claim_id"] in {claim.id for claim in claims}
        ),
    )
    report.verdict_counts.update(count_verdicts(report.claims))
    return report


def tensions_in_scope(db: Database, claim_ids: set[int]) -> tuple[Tension, ...]:
    """The tensions that involve a claim in scope."""
    return tuple(
        tension
        for tension in tensions(db)
        if tension.claim_a in claim_ids or tension.claim_b in claim_ids
    )


def sources_in_scope(
    all_sources: dict[int, SourceEntry], source_id: int | None
) -> list[SourceEntry]:
    """Every current source, or the one the filter names (an unknown id is the user's error)."""
    if source_id is None:
        return list(all_sources.values())
    if source_id not in all_sources:
        raise UnknownIdError(f"no source with id {source_id}")
    return [all_sources[source_id]]


@dataclass(frozen=True)
class ClaimScope:
    """Which claims a report holds: of these sources, naming this entity, this check-worthy."""

    sources: dict[int, SourceEntry]
    entity_id: int | None
    min_score: float | None

    def holds(self, source_id: int, entity_ids: tuple[int, ...], score: float) -> bool:
        return (
            source_id in self.sources
            and (self.entity_id is None or self.entity_id in entity_ids)
            and (self.min_score is None or score >= self.min_score)
        )


def variants_by_entity(variants: list[VariantFinding]) -> dict[int, list[VariantFinding]]:
    by_entity: dict[int, list[VariantFinding]] = defaultdict(list)
    for variant in variants:
        if variant.entity_id is not None:
            by_entity[variant.entity_id].append(variant)
    return by_entity


def load_claim_entries(
    db: Database,
    scope: ClaimScope,
    all_sources: dict[int, SourceEntry],
    variants_of: dict[int, list[VariantFinding]],
) -> list[ClaimEntry]:
    """The claims of current sources in scope, in reading order, each with its current verdict
    (or the default), its links, published fact-checks, gloss and the spelling variants of the
    entities it names."""
    verdicts = load_verdicts(db)
    links = load_links(db)
    published_checks = load_published_checks(db)
    glosses = load_glosses(db)
    entities_of = claim_entities(db)
    earlier = earlier_claim_ids(db)
    claims = []
    for row in db.query(
        """SELECT claims.*, substr(sources.text, claims.start_offset + 1,
                  claims.end_offset - claims.start_offset) AS quote,
                  substr(sources.text, claims.sentence_start + 1,
                         claims.sentence_end - claims.sentence_start) AS sentence
           FROM claims JOIN sources ON sources.id = claims.source_id
           WHERE sources.is_current = 1 ORDER BY claims.source_id, claims.start_offset,
                 claims.id"""
    ):
        entity_ids = entities_of.get(row["id"], ())
        if not scope.holds(row["source_id"], entity_ids, row["score"]):
            continue
        is_checkworthy = bool(row["is_checkworthy"])
        source = scope.sources[row["source_id"]]
        claims.append(
            ClaimEntry(
                id=row["id"],
                source_id=row["source_id"],
                source_label=source.label,
                outlet=source.outlet,
                url=source.url,
                published=source.published,
                text=row["text"],
                quote=row["quote"],
                start=row["start_offset"],
                end=row["end_offset"],
                lang=row["lang"],
                kind=row["kind"],
                modality=row["modality"],
                score=row["score"],
                is_checkworthy=is_checkworthy,
                independence_group=row["independence_group"],
                verdict=verdicts.get(row["id"]) or default_verdict(is_checkworthy),
                links=tuple(with_source(link, all_sources) for link in links.get(row["id"], ())),
                variants=tuple(
                    variant for one in entity_ids for variant in variants_of.get(one, ())
                ),
                entity_ids=entity_ids,
                fact_id=row.get("fact_id"),
                sentence=row["sentence"] or "",
                fact_checks=published_checks.get(row["id"], ()),
                gloss=glosses.get(row["id"]),
                earlier_ids=earlier.get(row["id"], ()),
            )
        )
    return claims


def earlier_claim_ids(db: Database) -> dict[int, tuple[int, ...]]:
    """claim id -> the ids of the claims it continues in earlier versions, latest first."""
    previous = dict(
        db.execute("SELECT id, previous_claim_id FROM claims WHERE previous_claim_id IS NOT NULL")
    )
    chains = {}
    for claim_id in previous:
        chain: list[int] = []
        earlier = previous.get(claim_id)
        while earlier is not None and earlier not in chain:
            chain.append(earlier)
            earlier = previous.get(earlier)
        chains[claim_id] = tuple(chain)
    return chains


def variants_in_scope(
    variants: list[VariantFinding], source_ids: set[int], entity_id: int | None
) -> tuple[VariantFinding, ...]:
    """The spelling variants seen in the sources in scope (of the filter's entity, if any)."""
    return tuple(
        variant
        for variant in variants
        if (entity_id is None or variant.entity_id == entity_id)
        and any(location.source_id in source_ids for location in variant.locations)
    )


def count_verdicts(claims: tuple[ClaimEntry, ...]) -> dict[str, int]:
    """Claims per verdict label, every label present (worst first)."""
    counts = Counter(claim.verdict.label for claim in claims)
    return {label: counts.get(label, 0) for label in VERDICT_LABELS}


def with_source(link: LinkedClaim, sources: dict[int, SourceEntry]) -> LinkedClaim:
    """Fill in the linked claim's source URL and date (a source outside the filter has none)."""
    source = sources.get(link.source_id)
    if source is None:
        return link
    return LinkedClaim(
        **{**link.__dict__, "url": source.url, "published": source.published},
    )


def as_dict(value: Any) -> Any:
    """A report's dataclasses as plain JSON-ready data."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: as_dict(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, list | tuple):
        return [as_dict(item) for item in value]
    if isinstance(value, dict):
        return {key: as_dict(item) for key, item in value.items()}
    return value
