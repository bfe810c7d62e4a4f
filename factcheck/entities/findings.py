"""Findings about an entity's names: spelling variants across sources, a given name used as a
family name, one person given conflicting roles on the same day. Pure functions over clusters and
their mentions; the stage stores what they return.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from typing import Any

from factcheck.entities.clustering import EntityCluster, MentionRef, spelling_variants
from factcheck.entities.names.compare import NameForm, parse_name
from factcheck.entities.names.forms import title_qualifiers


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
