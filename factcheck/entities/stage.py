"""The entities stage: mentions -> entities across scripts and spellings, with the evidence for
every merge, the fact-checker's corrections, and the name problems worth a finding.

Resolution is re-done over all current mentions at each run (it is fast, and a new source can
join two clusters); entity ids are kept stable by giving each new cluster the id of the old
entity most of its mentions belonged to. Human judgements are stored by source and span, outrank
the machine and survive every re-run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.db import now_iso, transaction
from factcheck.entities.clustering import (
    EntityCluster,
    MentionRef,
    MergeEvidence,
    cluster_mentions,
)
from factcheck.entities.findings import name_findings
from factcheck.entities.judgements import (
    SpanKey,
    entity_mention_spans,
    load_judgements,
    mention_span,
    record_judgement,
)
from factcheck.entities.mentions import link_short_references
from factcheck.entities.mentions.model import Mention
from factcheck.entities.names.forms import is_title_only, split_title
from factcheck.entities.names.places import place_code
from factcheck.ingest.queries import UnknownIdError
from factcheck.text.scripts import script_of


@dataclass
class EntityReport:
    entities: int = 0
    cross_script: int = 0
    findings: int = 0
    merged: str | None = None  # a manual merge: which entities became which, in words


def load_mentions(
    db: Database,
) -> tuple[list[MentionRef], dict[int, SpanKey], dict[int, list[int]]]:
    """One MentionRef per distinct span of the current sources (the lowest mention id stands for
    the span), its span key, and every mention row id sharing that span."""
    refs: list[MentionRef] = []
    span_of: dict[int, SpanKey] = {}
    rows_of: dict[int, list[int]] = defaultdict(list)
    representative: dict[SpanKey, int] = {}
    for row in db.query(
        """SELECT mentions.* FROM mentions JOIN sources ON sources.id = mentions.source_id
           WHERE sources.is_current = 1 ORDER BY mentions.id"""
    ):
        key = (row["source_id"], row["start_offset"], row["end_offset"])
        if key in representative:
            rows_of[representative[key]].append(row["id"])
            continue
        representative[key] = row["id"]
        rows_of[row["id"]].append(row["id"])
        span_of[row["id"]] = key
        match_form, role = row["match_form"], row["role"]
        if row["type"] == "person":
            # A title is an attribute of the person, never part of the name ("Vice President
            # Joe Biden" is Joe Biden); a mention that is nothing but a title names nobody.
            if is_title_only(match_form):
                continue
            title, match_form = split_title(match_form)
            role = role or title
        mention = Mention(
            row["start_offset"],
            row["end_offset"],
            row["text"],
            row["type"],
            row["lang"] or "und",
            match_form,
            role,
        )
        context = frozenset({role.casefold()}) if role else frozenset()
        refs.append(MentionRef(row["id"], row["source_id"], mention, context))
    return refs, span_of, rows_of


def within_source_references(refs: list[MentionRef]) -> list[MergeEvidence]:
    """Short references ("Naqvi", "纳克维", "নকভি") tied to the one full name of their source
    that they fit."""
    # Per source and language: 纳克维 refers to 莫辛·纳克维, not to the English "Mohsin Naqvi".
    by_source: dict[tuple[int, str], list[MentionRef]] = defaultdict(list)
    for ref in refs:
        by_source[(ref.source_id, ref.mention.lang)].append(ref)
    references = []
    for (source_id, _lang), source_refs in by_source.items():
        source_refs.sort(key=lambda ref: ref.mention.start)
        links = link_short_references([ref.mention for ref in source_refs])
        for short_index, full_index in links.items():
            short, full = source_refs[short_index], source_refs[full_index]
            references.append(
                MergeEvidence(
                    short.key,
                    full.key,
                    1.0,
                    "same_source_reference",
                    f"'{short.mention.text}' refers to '{full.mention.text}', the only full "
                    f"name it fits in source {source_id}",
                )
            )
    return references


# Words that say nothing about which body an organisation is, once its place and kind are known.
ORGANISATION_FILLER = frozenset({"the", "of", "department", "bureau", "municipal", "city", "force"})


def organisation_place_and_kind(ref: MentionRef) -> tuple[str, str] | None:
    """(place code, kind) when an organisation's name is nothing but a place and a kind of body
    ("Beijing Police Department", 北京市公安局, 伊斯兰堡警方); None when it says more
    ("Islamabad Traffic Police") or is not of a kind the lexicon knows."""
    from factcheck.lang.lexicon import find_concepts

    name, lang = ref.mention.match_form, ref.mention.lang
    kinds = [hit for hit in find_concepts(name, lang) if hit.concept.kind == "org"]
    if len(kinds) != 1:
        return None
    rest = (name[: kinds[0].start] + " " + name[kinds[0].end :]).strip()
    words = [word for word in rest.split() if word.casefold() not in ORGANISATION_FILLER]
    code = place_code(" ".join(words), lang) if words else None
    return (code, kinds[0].concept.name) if code else None


def organisation_merges(refs: list[MentionRef]) -> list[MergeEvidence]:
    """One body named in several languages: organisations whose names are the same place and
    the same kind of body (Beijing Police Department, 北京市公安局, 北京警方)."""
    bodies: dict[tuple[str, str], list[MentionRef]] = defaultdict(list)
    for ref in refs:
        if ref.mention.type == "organization" and (found := organisation_place_and_kind(ref)):
            bodies[found].append(ref)
    merges = []
    for (code, kind), members in bodies.items():
        first = members[0]
        for other in members[1:]:
            merges.append(
                MergeEvidence(
                    first.key,
                    other.key,
                    0.95,
                    "same_place_and_kind",
                    f"'{first.mention.text}' and '{other.mention.text}' both name the "
                    f"{kind.replace('_', ' ')} of {code} and nothing more",
                )
            )
    return merges


def canonical_name(cluster: EntityCluster, members: list[MentionRef]) -> str:
    """A person by the longest Latin form of the name (the full name); a place or organisation
    by its most frequent Latin form ("Pakistan", not the rarer "Pakistani")."""
    if cluster.type == "person":
        return cluster.name
    forms = Counter(ref.mention.match_form for ref in members)
    latin = [form for form in forms if script_of(form) == "latin"]
    return max(latin or list(forms), key=lambda form: (forms[form], len(form)))


def resolve_entities(db: Database) -> EntityReport:
    """Cluster every current mention into entities and record why; one transaction."""
    with transaction(db):
        refs, span_of, rows_of = load_mentions(db)
        span_to_key = {span: key for key, span in span_of.items()}
        clusters = cluster_mentions(
            refs,
            load_judgements(db, span_to_key),
            within_source_references(refs) + organisation_merges(refs),
        )
        old_entity_of = {
            (row["source_id"], row["start_offset"], row["end_offset"]): row["entity_id"]
            for row in db.query("SELECT * FROM mentions WHERE entity_id IS NOT NULL")
        }
        ids = assign_stable_ids(db, clusters, span_of, old_entity_of)
        db.execute("DELETE FROM entity_merges")
        db.execute("UPDATE mentions SET entity_id = NULL")
        db.execute("DELETE FROM findings WHERE stage = 'entities'")
        db.execute("DELETE FROM entities")
        by_key = {ref.key: ref for ref in refs}
        published = dict(db.execute("SELECT id, published FROM sources").fetchall())
        report = EntityReport()
        stamp = now_iso()
        for cluster, entity_id in zip(clusters, ids, strict=True):
            sources = {by_key[key].source_id for key in cluster.members}
            cluster.name = canonical_name(cluster, [by_key[key] for key in cluster.members])
            db["entities"].insert(
                {
                    "id": entity_id,
                    "name": cluster.name,
                    "type": cluster.type,
                    "mention_count": sum(len(rows_of[key]) for key in cluster.members),
                    "source_count": len(sources),
                    "updated_at": stamp,
                }
            )
            row_ids = [row_id for key in cluster.members for row_id in rows_of[key]]
            for chunk_start in range(0, len(row_ids), 500):
                chunk = row_ids[chunk_start : chunk_start + 500]
                db.execute(
                    f"UPDATE mentions SET entity_id = ? WHERE id IN ({','.join('?' * len(chunk))})",
                    [entity_id, *chunk],
                )
            db["entity_merges"].insert_all(
                {
                    "entity_id": entity_id,
                    "mention_a": merge.a,
                    "mention_b": merge.b,
                    "score": round(merge.score, 4),
                    "rule": merge.rule,
                    "evidence": merge.evidence,
                }
                for merge in cluster.evidence
            )
            scripts = {script_of(by_key[key].mention.match_form) for key in cluster.members}
            report.entities += 1
            report.cross_script += len(scripts) > 1
            findings = name_findings(
                entity_id, cluster, [by_key[key] for key in cluster.members], published
            )
            for finding in findings:
                db["findings"].insert({**finding, "stage": "entities", "created_at": stamp})
            report.findings += len(findings)
    return report


def assign_stable_ids(
    db: Database,
    clusters: list[EntityCluster],
    span_of: dict[int, SpanKey],
    old_entity_of: dict[SpanKey, int],
) -> list[int]:
    """For each cluster the id of the old entity most of its mentions had, if no larger cluster
    took it first; else a new id."""
    next_id = (db.execute("SELECT MAX(id) FROM entities").fetchone()[0] or 0) + 1
    taken: set[int] = set()
    ids: list[int] = []
    for cluster in clusters:  # largest first, so the main cluster keeps the id
        votes = Counter(
            old_entity_of[span_of[key]] for key in cluster.members if span_of[key] in old_entity_of
        )
        chosen = next((old for old, _ in votes.most_common() if old not in taken), None)
        if chosen is None:
            chosen, next_id = next_id, next_id + 1
        taken.add(chosen)
        ids.append(chosen)
    return ids


class MergeRefused(ValueError):
    """A manual merge that would be wrong on its face (an entity with itself, or two types)."""


def entity_summary(db: Database, entity_id: int) -> tuple[str, str]:
    row = db.execute("SELECT name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise UnknownIdError(f"no entity with id {entity_id}")
    return row[0], row[1]


def article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def merge_entities(
    db: Database,
    entity_a: int,
    entity_b: int,
    *,
    decided_by: str,
    note: str | None = None,
    force: bool = False,
) -> EntityReport:
    """A fact-checker says A and B are one entity. Merging an entity with itself is refused, and
    so are two entities of different types unless `force`."""
    if entity_a == entity_b:
        raise MergeRefused(f"entity {entity_a} cannot be merged with itself")
    with transaction(db):
        name_a, type_a = entity_summary(db, entity_a)
        name_b, type_b = entity_summary(db, entity_b)
        if type_a != type_b and not force:
            raise MergeRefused(
                f"entity {entity_a} ({name_a}) is {article(type_a)} {type_a} and entity "
                f"{entity_b} ({name_b}) {article(type_b)} {type_b}: not merged (--force merges "
                "them anyway)"
            )
        a = entity_mention_spans(db, entity_a)[0][1]
        b = entity_mention_spans(db, entity_b)[0][1]
        record_judgement(db, "same", a, b, decided_by, note)
        report = resolve_entities(db)
        merged = db.execute(
            """SELECT entities.id, entities.name, entities.type FROM mentions
               JOIN entities ON entities.id = mentions.entity_id
               WHERE mentions.source_id = ? AND mentions.start_offset = ?
                 AND mentions.end_offset = ?""",
            list(a),
        ).fetchone()
        if merged:
            report.merged = (
                f"entity {entity_a} ({name_a}, {type_a}) and entity {entity_b} ({name_b}, "
                f"{type_b}) are now entity {merged[0]}: {merged[1]} ({merged[2]})"
            )
        return report


def split_entity(
    db: Database,
    entity_id: int,
    mention_ids: list[int],
    *,
    decided_by: str,
    note: str | None = None,
) -> EntityReport:
    """A fact-checker says these mentions are not the entity the rest are: they become an
    entity of their own."""
    with transaction(db):
        members = dict(entity_mention_spans(db, entity_id))
        member_spans = set(members.values())
        split_spans = []
        for mention_id in mention_ids:
            span = mention_span(db, mention_id)
            if span not in member_spans:
                raise UnknownIdError(f"mention {mention_id} is not a mention of entity {entity_id}")
            split_spans.append(span)
        remaining = [span for span in member_spans if span not in split_spans]
        if not remaining:
            raise ValueError("that would split off every mention: name only the ones to move")
        for split in split_spans:
            for other in remaining:
                record_judgement(db, "different", split, other, decided_by, note)
        for first, second in zip(split_spans, split_spans[1:], strict=False):
            record_judgement(db, "same", first, second, decided_by, note)
        return resolve_entities(db)
