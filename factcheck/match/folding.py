"""Origins and facts, from the claims and their links: pure functions.

An origin is who a statement comes from: the speaker a source quotes (two outlets quoting one
ambassador are one origin, not two confirmations), else the news agency or press release it
rests on (two outlets printing one Reuters story are one origin: match/wires.py), else the
claim's independence group (a source with its translations and copies); near word-for-word
sentences in two sources share one origin. A fact is one statement however many wordings it
has: a claim, its translations, its repeats and same-source restatements, and the same
statement from other sources.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from factcheck.match.facts import ClaimFacts
from factcheck.match.relate import MIN_COPIED_CHARS, Relation
from factcheck.match.wires import claim_wire, source_wires

# Sentences of two sources this alike (rapidfuzz ratio) are one text passed on (a wire story,
# a press release), however lightly edited.
NEAR_COPY_RATIO = 90
# Links that join two claims into one fact.
FACT_RELATIONS = frozenset({"corroborates", "translation", "duplicate"})


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, item):  # type: ignore[no-untyped-def]
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a, b) -> None:  # type: ignore[no-untyped-def]
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # The smaller key stands for the set, so results do not depend on the order.
            keep, drop = sorted((root_a, root_b), key=str)
            self.parent[drop] = keep


def own_origin(claim: ClaimFacts, credited: Mapping[int, str] | None = None) -> str:
    """A quoted speaker, else the news agency or press release the claim rests on (its
    sentence names it, or its source is credited to it: match/wires.py), else the claim's
    independence group. A title given in passing ("Interior Minister Mohsin Naqvi") is the
    source's own words even inside a quote."""
    if claim.speaker_entity is not None and claim.kind != "role":
        return f"speaker-e{claim.speaker_entity}"
    if claim.kind != "role" and (wire := claim_wire(claim, credited or {})):
        return wire
    return claim.group


def is_near_copy(a: ClaimFacts, b: ClaimFacts) -> bool:
    return (
        a.lang == b.lang
        and a.source_id != b.source_id
        and min(len(a.sentence), len(b.sentence)) >= MIN_COPIED_CHARS
        and fuzz.ratio(a.sentence, b.sentence) >= NEAR_COPY_RATIO
    )


def claim_origins(
    facts: Iterable[ClaimFacts], links: Mapping[tuple[int, int], Relation]
) -> dict[int, str]:
    """Claim id -> origin key (a speaker or an independence group)."""
    by_id = {claim.id: claim for claim in facts}
    credited = source_wires(by_id.values())
    origin = {claim_id: own_origin(claim, credited) for claim_id, claim in by_id.items()}
    groups = UnionFind()
    for claim_id in by_id:
        groups.find(origin[claim_id])
    for (a, b), relation in links.items():
        if relation.relation == "translation":
            continue
        if a in by_id and b in by_id and is_near_copy(by_id[a], by_id[b]):
            groups.union(origin[a], origin[b])
    return {claim_id: groups.find(origin[claim_id]) for claim_id in by_id}


def restatement_key(claim: ClaimFacts) -> tuple | None:
    """Claims of one source with the same key say the same thing twice."""
    if claim.kind == "role" and claim.subject_entity and claim.roles:
        title = unicodedata.normalize("NFC", (claim.role_text or "").casefold().strip())
        return ("role", claim.source_id, claim.subject_entity, frozenset(claim.roles), title)
    words = " ".join(unicodedata.normalize("NFC", claim.text).casefold().split())
    return ("text", claim.source_id, words)


def lead_order(claim: ClaimFacts) -> tuple:
    """Which claim stands for its fact: check-worthy, stated in the source's own voice, then
    the earliest."""
    return (not claim.is_checkworthy, claim.modality != "asserted", claim.source_id, claim.start)


def fold_facts(
    facts: Iterable[ClaimFacts], links: Mapping[tuple[int, int], Relation]
) -> dict[int, int]:
    """Claim id -> the id of the claim that stands for its fact."""
    by_id = {claim.id: claim for claim in facts}
    joined = UnionFind()
    for claim_id in by_id:
        joined.find(claim_id)
    for (a, b), relation in links.items():
        if relation.relation in FACT_RELATIONS and a in by_id and b in by_id:
            joined.union(a, b)
    restated: dict[tuple, list[int]] = defaultdict(list)
    for claim in by_id.values():
        if key := restatement_key(claim):
            restated[key].append(claim.id)
    for members in restated.values():
        for other in members[1:]:
            joined.union(members[0], other)
    components: dict[int, list[ClaimFacts]] = defaultdict(list)
    for claim_id, claim in by_id.items():
        components[joined.find(claim_id)].append(claim)
    lead_of = {}
    for members in components.values():
        lead = min(members, key=lead_order)
        for member in members:
            lead_of[member.id] = lead.id
    return lead_of
