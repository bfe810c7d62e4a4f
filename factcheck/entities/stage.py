"""The entities stage: mentions -> entities across scripts and spellings, with the evidence for
every merge, the fact-checker's corrections, and the name problems worth a finding.

A run clusters again only the mentions a new, removed or judged mention can affect: the
connected components of the mention graph they fall in (entities/incremental.py), which gives
exactly the entities that clustering every mention would; entity ids are kept stable by giving
each new cluster the id of the old entity most of its mentions belonged to. Human judgements are
stored by source and span, outrank the machine and survive every re-run.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.db import now_iso, transaction
from factcheck.entities.clustering import (
    EntityCluster,
    Judgement,
    MentionRef,
    MergeEvidence,
    NameForm,
    block_keys,
    candidate_pairs,
    cluster_mentions,
    form_blocks,
    form_of,
)
from factcheck.entities.findings import name_findings
from factcheck.entities.incremental import (
    adjacency,
    closure,
    crossed_blocks,
    evidence_edges,
    matching_neighbours,
)
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
    clustered: int = 0  # mentions clustered again this run (the rest kept their entities)


def mention_of(row: dict) -> tuple[Mention, frozenset[str]] | None:
    """A mention row as clustering reads it, with its context; None for a bare title."""
    match_form, role = row["match_form"], row["role"]
    if row["type"] == "person":
        # A title is an attribute of the person, never part of the name ("Vice President
        # Joe Biden" is Joe Biden); a mention that is nothing but a title names nobody.
        if is_title_only(match_form):
            return None
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
    return mention, frozenset({role.casefold()}) if role else frozenset()


def load_mentions(
    db: Database,
) -> tuple[list[MentionRef], dict[int, SpanKey], dict[int, list[int]]]:
    """One MentionRef per distinct span of the current sources (the lowest mention id stands for
    the span), its span key, and every mention row id sharing that span."""
    refs, span_of, rows_of, _ = load_current_mentions(db)
    return refs, span_of, rows_of


def load_current_mentions(
    db: Database,
) -> tuple[list[MentionRef], dict[int, SpanKey], dict[int, list[int]], dict[int, int | None]]:
    """`load_mentions`, and the entity each mention row had after the last run."""
    refs: list[MentionRef] = []
    span_of: dict[int, SpanKey] = {}
    rows_of: dict[int, list[int]] = defaultdict(list)
    entity_of_row: dict[int, int | None] = {}
    representative: dict[SpanKey, int] = {}
    for row in db.query(
        """SELECT mentions.* FROM mentions JOIN sources ON sources.id = mentions.source_id
           WHERE sources.is_current = 1 ORDER BY mentions.id"""
    ):
        entity_of_row[row["id"]] = row["entity_id"]
        key = (row["source_id"], row["start_offset"], row["end_offset"])
        if key in representative:
            rows_of[representative[key]].append(row["id"])
            continue
        representative[key] = row["id"]
        rows_of[row["id"]].append(row["id"])
        span_of[row["id"]] = key
        if found := mention_of(row):
            refs.append(MentionRef(row["id"], row["source_id"], found[0], found[1]))
    return refs, span_of, rows_of, entity_of_row


def reference_groups(refs: list[MentionRef]) -> dict[tuple[int, str], list[MentionRef]]:
    """The mentions of each source and language, in the order of the text."""
    # Per source and language: 纳克维 refers to 莫辛·纳克维, not to the English "Mohsin Naqvi".
    by_source: dict[tuple[int, str], list[MentionRef]] = defaultdict(list)
    for ref in refs:
        by_source[(ref.source_id, ref.mention.lang)].append(ref)
    for source_refs in by_source.values():
        source_refs.sort(key=lambda ref: ref.mention.start)
    return by_source


def group_references(source_id: int, source_refs: list[MentionRef]) -> list[MergeEvidence]:
    links = link_short_references([ref.mention for ref in source_refs])
    references = []
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


def within_source_references(refs: list[MentionRef]) -> list[MergeEvidence]:
    """Short references ("Naqvi", "纳克维", "নকভি") tied to the one full name of their source
    that they fit."""
    return [
        reference
        for (source_id, _lang), source_refs in reference_groups(refs).items()
        for reference in group_references(source_id, source_refs)
    ]


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


class UnknownRemovedMentions(Exception):
    """Mention rows of an entity are gone from the ledger, so the blocks they were in cannot be
    told: the run clusters every mention."""


@dataclass
class ResolutionScope:
    """What a run clusters again: positions in the current mentions, and the old entities they
    replace."""

    affected: set[int]
    replaced: set[int]
    block_sizes: dict[str, int]  # distinct forms per blocking key, over every current mention


def resolution_scope(
    db: Database,
    refs: list[MentionRef],
    rows_of: dict[int, list[int]],
    entity_of_row: dict[int, int | None],
    judgements: list[Judgement],
    references: Callable[[int], list[MergeEvidence]],
    organisations: list[MergeEvidence],
) -> ResolutionScope:
    """The components of the mention graph (entities/incremental.py) that hold a new, removed
    or judged mention or a block that crossed MAX_BLOCK, closed over the old entities they touch.
    Raises UnknownRemovedMentions when rows of an entity vanished."""
    index = {ref.key: i for i, ref in enumerate(refs)}
    ref_forms = [form_of(ref) for ref in refs]
    forms = list(dict.fromkeys(ref_forms))
    position = {form: i for i, form in enumerate(forms)}
    refs_of_form: dict[int, list[int]] = defaultdict(list)
    for i, form in enumerate(ref_forms):
        refs_of_form[position[form]].append(i)
    stored = dict(db.execute("SELECT id, mention_count FROM entities").fetchall())
    current_rows: Counter[int] = Counter(e for e in entity_of_row.values() if e is not None)
    old_rows: Counter[int] = Counter()
    removed_forms: set[NameForm] = set()
    for row in db.query(
        """SELECT mentions.* FROM mentions JOIN sources ON sources.id = mentions.source_id
           WHERE sources.is_current = 0 AND mentions.entity_id IS NOT NULL"""
    ):
        old_rows[row["entity_id"]] += 1
        if found := mention_of(row):
            removed_forms.add(form_of(MentionRef(row["id"], row["source_id"], *found)))
    dirty = {e for e in set(current_rows) | set(old_rows) if e not in stored}
    if dirty:
        raise UnknownRemovedMentions(f"mentions of entities {sorted(dirty)[:5]} not in entities")
    for entity_id, count in stored.items():
        if count > current_rows[entity_id] + old_rows[entity_id]:
            raise UnknownRemovedMentions(f"mention rows of entity {entity_id} are gone")
        if count != current_rows[entity_id] or old_rows[entity_id]:
            dirty.add(entity_id)
    seeds: set[int] = set()
    refs_of_entity: dict[int, list[int]] = defaultdict(list)
    old_forms: set[int] = set()
    for i, ref in enumerate(refs):
        had = {entity_of_row[row] for row in rows_of[ref.key]}
        if len(had) == 1 and None not in had:
            entity_id = next(iter(had))
            refs_of_entity[entity_id].append(i)
            old_forms.add(position[ref_forms[i]])
        else:
            seeds.add(i)
            dirty |= {e for e in had if e is not None}
    for entity_id in dirty:
        seeds.update(refs_of_entity.get(entity_id, ()))
    for judgement in judgements:
        seeds |= {index[judgement.a_key], index[judgement.b_key]}
    blocks = form_blocks(forms)
    sizes = {key: len(members) for key, members in blocks.items()}
    new_forms = set(range(len(forms))) - old_forms
    gone: Counter[str] = Counter()
    for form in removed_forms - set(forms):
        gone.update(block_keys(form))
    for key in crossed_blocks(blocks, new_forms, gone):
        for form in blocks[key]:
            seeds.update(refs_of_form[form])
    if not seeds:
        return ResolutionScope(set(), dirty, sizes)
    candidates = adjacency(candidate_pairs(forms))
    matching = matching_neighbours(forms, candidates)
    other_edges = adjacency(
        evidence_edges(organisations, index)
        + [(index[j.a_key], index[j.b_key]) for j in judgements]
    )
    old_entity = {i: e for e, members in refs_of_entity.items() for i in members}

    expanded_forms: set[int] = set()
    expanded_entities: set[int] = set()
    reference_edges: dict[int, dict[int, list[int]]] = {}  # by the group's list, its edges

    def neighbours(i: int) -> list[int]:
        """What joins mention i to others; a form's and an entity's mentions only once."""
        found = list(other_edges.get(i, ()))
        form = position[ref_forms[i]]
        if form not in expanded_forms:
            expanded_forms.add(form)
            found.extend(refs_of_form[form])
            for other in matching(form):
                found.extend(refs_of_form[other])
        group = references(i)
        if id(group) not in reference_edges:
            reference_edges[id(group)] = adjacency(evidence_edges(group, index))
        found.extend(reference_edges[id(group)].get(i, ()))
        entity_id = old_entity.get(i)
        if entity_id is not None and entity_id not in expanded_entities:
            expanded_entities.add(entity_id)
            found.extend(refs_of_entity[entity_id])
        return found

    affected = closure(seeds, neighbours)
    replaced = dirty | {old_entity[i] for i in affected if i in old_entity}
    return ResolutionScope(affected, replaced, sizes)


def resolve_entities(db: Database, *, everything: bool = False) -> EntityReport:
    """Cluster the current mentions into entities and record why; one transaction. Only the
    components of the mention graph that a new, removed or judged mention touches are clustered
    again, which gives exactly the entities of clustering every mention (`everything`)."""
    with transaction(db):
        refs, span_of, rows_of, entity_of_row = load_current_mentions(db)
        span_to_key = {span: key for key, span in span_of.items()}
        judgements = load_judgements(db, span_to_key)
        groups = reference_groups(refs)
        group_of = {ref.key: (ref.source_id, ref.mention.lang) for ref in refs}
        found_references: dict[tuple[int, str], list[MergeEvidence]] = {}

        def references_of_group(group: tuple[int, str]) -> list[MergeEvidence]:
            if group not in found_references:
                found_references[group] = group_references(group[0], groups[group])
            return found_references[group]

        organisations = organisation_merges(refs)
        scope = None
        if not everything:
            try:
                scope = resolution_scope(
                    db,
                    refs,
                    rows_of,
                    entity_of_row,
                    judgements,
                    lambda i: references_of_group(group_of[refs[i].key]),
                    organisations,
                )
            except UnknownRemovedMentions:
                scope = None
        affected = set(range(len(refs))) if scope is None else scope.affected
        chosen = [ref for i, ref in enumerate(refs) if i in affected]
        keys = {ref.key for ref in chosen}
        evidence = [
            reference
            for group in dict.fromkeys(group_of[ref.key] for ref in chosen)
            for reference in references_of_group(group)
        ] + organisations
        clusters = cluster_mentions(
            chosen,
            judgements,
            [e for e in evidence if e.a in keys and e.b in keys],
            block_sizes=block_sizes(refs) if scope is None else scope.block_sizes,
        )
        old_entity_of = {
            span_of[key]: entity_of_row[rows[0]]
            for key, rows in rows_of.items()
            if entity_of_row[rows[0]] is not None
        }
        ids = assign_stable_ids(db, clusters, span_of, old_entity_of)
        if scope is None:
            db.execute("DELETE FROM entity_merges")
            db.execute("UPDATE mentions SET entity_id = NULL")
            db.execute("DELETE FROM findings WHERE stage = 'entities'")
            db.execute("DELETE FROM entities")
        else:
            replaced = json.dumps(sorted(scope.replaced))
            db.execute(
                "DELETE FROM entity_merges WHERE entity_id IN (SELECT value FROM json_each(?))",
                [replaced],
            )
            db.execute(
                """DELETE FROM findings WHERE stage = 'entities'
                   AND entity_id IN (SELECT value FROM json_each(?))""",
                [replaced],
            )
            db.execute(
                "UPDATE mentions SET entity_id = NULL WHERE entity_id IN "
                "(SELECT value FROM json_each(?))",
                [replaced],
            )
            db.execute(
                "DELETE FROM entities WHERE id IN (SELECT value FROM json_each(?))", [replaced]
            )
        write_entities(db, clusters, ids, chosen, rows_of)
        entity_of_key = {key: entity_of_row[rows_of[key][0]] for key in (ref.key for ref in refs)}
        for cluster, entity_id in zip(clusters, ids, strict=True):
            for key in cluster.members:
                entity_of_key[key] = entity_id
        scripts: dict[int, set[str]] = defaultdict(set)
        for ref in refs:
            if (entity_id := entity_of_key[ref.key]) is not None:
                scripts[entity_id].add(script_of(ref.mention.match_form))
        return EntityReport(
            entities=db.execute("SELECT COUNT(*) FROM entities").fetchone()[0],
            cross_script=sum(len(found) > 1 for found in scripts.values()),
            findings=db.execute(
                "SELECT COUNT(*) FROM findings WHERE stage = 'entities'"
            ).fetchone()[0],
            clustered=len(chosen),
        )


def block_sizes(refs: list[MentionRef]) -> dict[str, int]:
    """How many distinct forms each blocking key holds over all current mentions."""
    forms = list(dict.fromkeys(form_of(ref) for ref in refs))
    return {key: len(members) for key, members in form_blocks(forms).items()}


def write_entities(
    db: Database,
    clusters: list[EntityCluster],
    ids: list[int],
    refs: list[MentionRef],
    rows_of: dict[int, list[int]],
) -> None:
    """The clusters as entities, their mentions, merges and name findings, in bulk."""
    by_key = {ref.key: ref for ref in refs}
    published = dict(db.execute("SELECT id, published FROM sources").fetchall())
    stamp = now_iso()
    entities, mentions, merges, findings = [], [], [], []
    for cluster, entity_id in zip(clusters, ids, strict=True):
        members = [by_key[key] for key in cluster.members]
        cluster.name = canonical_name(cluster, members)
        row_ids = [row_id for key in cluster.members for row_id in rows_of[key]]
        entities.append(
            (
                entity_id,
                cluster.name,
                cluster.type,
                len(row_ids),
                len({ref.source_id for ref in members}),
                stamp,
            )
        )
        mentions.extend((entity_id, row_id) for row_id in row_ids)
        merges.extend(
            (entity_id, merge.a, merge.b, round(merge.score, 4), merge.rule, merge.evidence)
            for merge in cluster.evidence
        )
        findings.extend(
            {**finding, "stage": "entities", "created_at": stamp}
            for finding in name_findings(entity_id, cluster, members, published)
        )
    db.conn.executemany(
        """INSERT INTO entities (id, name, type, mention_count, source_count, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)""",
        entities,
    )
    db.conn.executemany("UPDATE mentions SET entity_id = ? WHERE id = ?", mentions)
    db.conn.executemany(
        """INSERT INTO entity_merges (entity_id, mention_a, mention_b, score, rule, evidence)
           VALUES (?, ?, ?, ?, ?, ?)""",
        merges,
    )
    if findings:
        db["findings"].insert_all(findings)


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
