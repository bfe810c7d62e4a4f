"""The entities stage: mentions -> entities across scripts and spellings, with the evidence for
every merge, the fact-checker's corrections, and the name problems worth a finding.

Resolution is re-done over all current mentions at each run (it is fast, and a new source can
join two clusters); entity ids are kept stable by giving each new cluster the id of the old
entity most of its mentions belonged to. Human judgements are stored by source and span, outrank
the machine and survive every re-run.
"""

from __future__ import annotations

import getpass
import itertools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from factcheck.db import now_iso, transaction
from factcheck.entities.clustering import (
    EntityCluster,
    Judgement,
    MentionRef,
    MergeEvidence,
    cluster_mentions,
    spelling_variants,
)
from factcheck.entities.mentions import link_short_references
from factcheck.entities.mentions.model import Mention
from factcheck.entities.names.compare import NameForm, parse_name
from factcheck.entities.names.forms import is_title_only, split_title, title_qualifiers
from factcheck.entities.names.places import place_code
from factcheck.ingest.queries import UnknownIdError
from factcheck.text.scripts import script_of

SpanKey = tuple[int, int, int]  # (source_id, start, end): a mention's identity across re-runs


@dataclass
class EntityReport:
    entities: int = 0
    cross_script: int = 0
    findings: int = 0


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


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


def load_judgements(db: Database, span_to_key: dict[SpanKey, int]) -> list[Judgement]:
    judgements = []
    for row in db.query("SELECT * FROM entity_judgements ORDER BY id"):
        a = span_to_key.get((row["a_source_id"], row["a_start"], row["a_end"]))
        b = span_to_key.get((row["b_source_id"], row["b_start"], row["b_end"]))
        if a is not None and b is not None:
            judgements.append(Judgement(row["kind"], a, b, row["decided_by"]))
    return judgements


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


def location(ref: MentionRef) -> dict[str, Any]:
    return {
        "source_id": ref.source_id,
        "start": ref.mention.start,
        "end": ref.mention.end,
        "text": ref.mention.text,
    }


def name_findings(
    entity_id: int,
    cluster: EntityCluster,
    members: list[MentionRef],
    published: dict[int, str | None],
) -> list[dict[str, Any]]:
    """Spelling variants, a given name used as a family name, and conflicting roles."""
    findings = []
    for variant in spelling_variants(cluster, members):
        if is_inflection(variant.words):
            continue
        locations = [
            {"source_id": f.source_id, "start": f.start, "end": f.end, "text": f.text}
            for f in variant.forms
        ]
        source_ids = sorted({f.source_id for f in variant.forms})
        where = f"source {source_ids[0]}" if len(source_ids) == 1 else f"sources {source_ids}"
        findings.append(
            {
                "kind": "spelling_variant",
                "detail": f"{cluster.name} is spelled {' and '.join(variant.words)} in {where}",
                "entity_id": entity_id,
                "source_id": source_ids[0] if len(source_ids) == 1 else None,
                "forms": json.dumps(list(variant.words), ensure_ascii=False),
                "locations": json.dumps(locations, ensure_ascii=False),
            }
        )
    if cluster.type == "person":
        findings.extend(given_name_findings(entity_id, cluster, members))
        findings.extend(role_conflict_findings(entity_id, cluster, members, published))
    return findings


def role_concepts(role: str, lang: str) -> set[str]:
    from factcheck.lang.lexicon import find_concepts

    return {hit.concept.name for hit in find_concepts(role, lang) if hit.concept.kind == "role"}


def roles_compatible(
    a: set[str], b: set[str], title_a: str | None = None, title_b: str | None = None
) -> bool:
    """Roles agree if they share a concept and their titles the same qualifiers (a vice
    president is not the president, a former minister not the minister); a bare "minister"
    fits any kind of minister."""
    if (
        title_a is not None
        and title_b is not None
        and title_qualifiers(title_a) != title_qualifiers(title_b)
    ):
        return False
    if a & b:
        return True
    return ("minister" in a and any(r.endswith("minister") for r in b)) or (
        "minister" in b and any(r.endswith("minister") for r in a)
    )


def role_conflict_findings(
    entity_id: int,
    cluster: EntityCluster,
    members: list[MentionRef],
    published: dict[int, str | None],
) -> list[dict[str, Any]]:
    """One person given two different titles by sources published the same day."""
    titled: dict[str, list[tuple[MentionRef, set[str]]]] = defaultdict(list)
    for ref in members:
        date = published.get(ref.source_id)
        if ref.mention.role and date:
            concepts = role_concepts(ref.mention.role, ref.mention.lang)
            if concepts:
                titled[date].append((ref, concepts))
    findings = []
    for date, entries in sorted(titled.items()):
        for (ref_a, roles_a), (ref_b, roles_b) in itertools.combinations(entries, 2):
            if ref_a.source_id == ref_b.source_id or roles_compatible(
                roles_a, roles_b, ref_a.mention.role, ref_b.mention.role
            ):
                continue
            findings.append(
                {
                    "kind": "role_conflict",
                    "detail": (
                        f"on {date}, source {ref_a.source_id} calls {cluster.name} "
                        f"{ref_a.mention.role} and source {ref_b.source_id} calls them "
                        f"{ref_b.mention.role}"
                    ),
                    "entity_id": entity_id,
                    "source_id": None,
                    "forms": json.dumps(
                        [ref_a.mention.role, ref_b.mention.role], ensure_ascii=False
                    ),
                    "locations": json.dumps([location(ref_a), location(ref_b)], ensure_ascii=False),
                }
            )
            break
    return findings


def is_inflection(words: tuple[str, ...]) -> bool:
    """'Pakistan' and 'Pakistani' are one word inflected, not two spellings."""
    shortest = min(words, key=len)
    return all(word.startswith(shortest) for word in words)


def given_name_findings(
    entity_id: int, cluster: EntityCluster, members: list[MentionRef]
) -> list[dict[str, Any]]:
    """A one-word reference that is the person's given name, not the family name (জিয়াওহং for
    Wang Xiaohong). Chinese names put the family name first, others last."""
    full = [parse_name(NameForm(r.mention.match_form, r.mention.lang, "person")) for r in members]
    full = [parsed for parsed in full if len(parsed.keys) >= 2]
    if not full:
        return []
    family_first = any(parsed.family_first for parsed in full)
    reference = next((p for p in full if p.family_first), full[0]) if family_first else full[0]
    family_key = reference.keys[0] if family_first else reference.keys[-1]
    given_keys = set(reference.keys[1:] if family_first else reference.keys[:-1])
    spans = {(r.source_id, r.mention.start) for r in members}
    misused: dict[int, list[MentionRef]] = defaultdict(list)
    for ref in members:
        parsed = parse_name(NameForm(ref.mention.match_form, ref.mention.lang, "person"))
        if (
            len(parsed.keys) != 1
            or parsed.keys[0] == family_key
            or parsed.keys[0] not in given_keys
        ):
            continue
        # "মহসিন" right before "নাকভি" is a full name the finder split in two, not a reference.
        following = ref.mention.end + 1
        if any((ref.source_id, start) in spans for start in range(following, following + 2)):
            continue
        misused[ref.source_id].append(ref)
    findings = []
    for source_id, refs in sorted(misused.items()):
        forms = sorted({ref.mention.text for ref in refs})
        findings.append(
            {
                "kind": "given_name_as_surname",
                "detail": (
                    f"source {source_id} calls {cluster.name} {' / '.join(forms)} "
                    f"({len(refs)} times), the given name, as if it were the family name"
                ),
                "entity_id": entity_id,
                "source_id": source_id,
                "forms": json.dumps(forms, ensure_ascii=False),
                "locations": json.dumps([location(ref) for ref in refs], ensure_ascii=False),
            }
        )
    return findings


def mention_span(db: Database, mention_id: int) -> SpanKey:
    row = db.execute(
        "SELECT source_id, start_offset, end_offset FROM mentions WHERE id = ?", [mention_id]
    ).fetchone()
    if row is None:
        raise UnknownIdError(f"no mention with id {mention_id}")
    return row


def entity_mention_spans(db: Database, entity_id: int) -> list[tuple[int, SpanKey]]:
    rows = db.execute(
        """SELECT MIN(id), source_id, start_offset, end_offset FROM mentions WHERE entity_id = ?
           GROUP BY source_id, start_offset, end_offset ORDER BY MIN(id)""",
        [entity_id],
    ).fetchall()
    if not rows:
        raise UnknownIdError(f"no entity with id {entity_id}")
    return [(row[0], (row[1], row[2], row[3])) for row in rows]


def record_judgement(
    db: Database, kind: str, a: SpanKey, b: SpanKey, decided_by: str, note: str | None
) -> None:
    db["entity_judgements"].insert(
        {
            "kind": kind,
            "a_source_id": a[0],
            "a_start": a[1],
            "a_end": a[2],
            "b_source_id": b[0],
            "b_start": b[1],
            "b_end": b[2],
            "decided_by": decided_by,
            "decided_at": now_iso(),
            "note": note,
        }
    )


def merge_entities(
    db: Database, entity_a: int, entity_b: int, *, decided_by: str, note: str | None = None
) -> EntityReport:
    """A fact-checker says A and B are one entity."""
    with transaction(db):
        a = entity_mention_spans(db, entity_a)[0][1]
        b = entity_mention_spans(db, entity_b)[0][1]
        record_judgement(db, "same", a, b, decided_by, note)
        return resolve_entities(db)


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


def list_entities(
    db: Database, *, entity_type: str | None = None, variants_only: bool = False
) -> list[dict[str, Any]]:
    where, params = ["1 = 1"], []
    if entity_type:
        where.append("entities.type = ?")
        params.append(entity_type)
    if variants_only:
        where.append(
            "entities.id IN (SELECT entity_id FROM findings WHERE kind = 'spelling_variant')"
        )
    entities = list(
        db.query(
            f"SELECT * FROM entities WHERE {' AND '.join(where)} "
            "ORDER BY source_count DESC, mention_count DESC, id",
            params,
        )
    )
    spellings = spellings_by_entity(db, [entity["id"] for entity in entities])
    for entity in entities:
        entity["spellings"] = spellings.get(entity["id"], [])
        entity["forms"] = [
            f"{spelling['form']} [{','.join(map(str, spelling['source_ids']))}]"
            for spelling in entity["spellings"]
        ]
    return entities


def spellings_by_entity(db: Database, entity_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """For each entity, each distinct form with its script and the sources that use it."""
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not entity_ids:
        return result
    rows = db.query(
        f"""SELECT entity_id, match_form, GROUP_CONCAT(DISTINCT source_id) AS sources,
                   COUNT(*) AS mentions
            FROM mentions WHERE entity_id IN ({",".join("?" * len(entity_ids))})
            GROUP BY entity_id, match_form ORDER BY entity_id, mentions DESC""",
        entity_ids,
    )
    for row in rows:
        result[row["entity_id"]].append(
            {
                "form": row["match_form"],
                "script": script_of(row["match_form"]),
                "source_ids": sorted(int(s) for s in str(row["sources"]).split(",")),
                "mentions": row["mentions"],
            }
        )
    return result


def get_entity(db: Database, entity_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM entities WHERE id = ?", [entity_id]))
    if not rows:
        raise UnknownIdError(f"no entity with id {entity_id}")
    entity = rows[0]
    entity["spellings"] = spellings_by_entity(db, [entity_id]).get(entity_id, [])
    entity["mentions"] = list(
        db.query(
            """SELECT MIN(id) AS id, source_id, start_offset, end_offset, text, lang, role
               FROM mentions WHERE entity_id = ?
               GROUP BY source_id, start_offset, end_offset ORDER BY source_id, start_offset""",
            [entity_id],
        )
    )
    forms = {
        row["id"]: row["text"]
        for row in db.query("SELECT id, text FROM mentions WHERE entity_id = ?", [entity_id])
    }
    entity["merges"] = [
        {**row, "a_text": forms.get(row["mention_a"]), "b_text": forms.get(row["mention_b"])}
        for row in db.query(
            "SELECT mention_a, mention_b, score, rule, evidence FROM entity_merges "
            "WHERE entity_id = ? ORDER BY score DESC, id",
            [entity_id],
        )
    ]
    entity["findings"] = [
        {**row, "forms": json.loads(row["forms"]), "locations": json.loads(row["locations"])}
        for row in db.query(
            "SELECT kind, detail, forms, locations FROM findings WHERE entity_id = ? ORDER BY id",
            [entity_id],
        )
    ]
    return entity
