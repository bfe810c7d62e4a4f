"""What a match run decides again: the pairs whose later claim is new or changed.

Candidates and rarity are counted as each claim arrived (match/arrival.py), so a pair's link
depends on its two claims and the claims before the later one, never on what came after. Each
claim's facts are kept as two digests (`match_digests`): of everything matching reads of it
but its entities' names and its speaker, and of everything. Then a run:

- decides again every pair whose later claim comes at or after the first claim that is new,
  removed or has new keys (widened to whole sources, so the links of two sources are decided
  together, as the reporting source's stance needs: match/documents.py);
- for a claim whose only change is its entities' names (an entity renamed), decides again the
  links between its source and the sources it is linked to: names are words in reasons, so no
  pair gains or loses a link, and no other pair's candidates move;
- keeps every other link between claims of two groups as stored; translations and copies are
  found afresh each run (they are within a source or a group and cheap).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

from sqlite_utils import Database

from factcheck.match.facts import ClaimFacts
from factcheck.match.relate import Relation

LinkKey = tuple[int, int]
NEVER = float("inf")


def _digest(text: str) -> int:
    data = text.encode("utf-8")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


FIELDS = tuple(field.name for field in dataclasses.fields(ClaimFacts))
NAMES = frozenset({"entity_names", "speaker_entity"})


_SETS = (set, frozenset)


def _plain(value: object) -> object:
    """Sets and dicts sorted (their members are numbers and strings), so that repr is the same
    for the same facts; lists of values (quantities, frozen dataclasses) as they are."""
    kind = type(value)
    if kind in _SETS:
        return tuple(sorted(value))  # type: ignore[call-overload]
    if kind is dict:
        return tuple(sorted(value.items()))  # type: ignore[attr-defined]
    return value


def claim_digests(claim: ClaimFacts) -> tuple[int, int]:
    """Two digests of what matching reads of the claim: of everything but the names of its
    entities and who is its speaker (what it is paired, counted and judged on: names are only
    words in reasons, and speakers only fold origins, which every run computes afresh), and of
    everything. Each field is read once for both."""
    # Each field's repr once: the digests are of the repr of the two tuples, spelled out.
    reprs = [repr(_plain(getattr(claim, name))) for name in FIELDS]
    keys = [text for name, text in zip(FIELDS, reprs, strict=True) if name not in NAMES]
    return _digest(f"({', '.join(keys)})"), _digest(f"({', '.join(reprs)})")


@dataclass
class Plan:
    """Which claims a run pairs again, which of the pairs it keeps, and the stored links it
    keeps as they are."""

    first: float = 0  # every pair whose later claim is at or after this id is decided again
    sources: set[int] = field(default_factory=set)  # sources whose links are decided again
    source_of: dict[int, int] = field(default_factory=dict)
    pairs: set[frozenset[int]] = field(default_factory=set)  # ... with these other sources
    kept: dict[LinkKey, Relation] = field(default_factory=dict)
    digests: dict[int, tuple[int, int]] = field(default_factory=dict)
    stored: dict[int, tuple[int, int]] = field(default_factory=dict)

    def is_active(self, claim: ClaimFacts) -> bool:
        return claim.id >= self.first or claim.source_id in self.sources

    def wanted(self, key: LinkKey) -> bool:
        if max(key) >= self.first:
            return True
        return frozenset((self.source_of[key[0]], self.source_of[key[1]])) in self.pairs


def changed_since(db: Database, facts: list[ClaimFacts], *, everything: bool = False) -> Plan:
    """The plan of a run over `facts` (the current claims) given what the last run stored."""
    plan = Plan(source_of={claim.id: claim.source_id for claim in facts})
    plan.digests = {claim.id: claim_digests(claim) for claim in facts}
    plan.stored = {
        row[0]: (row[1], row[2])
        for row in db.execute("SELECT claim_id, keys, facts FROM match_digests").fetchall()
    }
    if everything or not plan.stored:
        return plan
    moved = [claim_id for claim_id in plan.stored if claim_id not in plan.digests]
    renamed: set[int] = set()
    for claim_id, (keys, rest) in plan.digests.items():
        before = plan.stored.get(claim_id)
        if before is None or before[0] != keys:
            moved.append(claim_id)
        elif before[1] != rest:
            renamed.add(claim_id)
    first = min(moved, default=NEVER)
    # Whole sources: a source with a claim at or after `first` is decided again in full.
    span: dict[int, tuple[int, int]] = {}
    for claim in facts:
        low, high = span.get(claim.source_id, (claim.id, claim.id))
        span[claim.source_id] = (min(low, claim.id), max(high, claim.id))
    while True:
        lowest = min((low for low, high in span.values() if high >= first), default=first)
        if lowest >= first:
            break
        first = lowest
    plan.first = first
    group_of = {claim.id: claim.group for claim in facts}
    stored_links = stored_cross_links(db, group_of)
    renamed_sources = {plan.source_of[claim_id] for claim_id in renamed if claim_id < first}
    if renamed_sources:
        for a, b in stored_links:
            sources = frozenset((plan.source_of[a], plan.source_of[b]))
            if sources & renamed_sources:
                plan.pairs.add(sources)
                plan.sources |= sources
    plan.kept = {key: relation for key, relation in stored_links.items() if not plan.wanted(key)}
    return plan


def stored_cross_links(db: Database, group_of: dict[int, str]) -> dict[LinkKey, Relation]:
    """The stored links between current claims of two groups, without their evidence: a kept
    link goes back as it is stored (write_links rewrites a link only when its relation, score
    or reason changes), and folding reads no evidence. Decoding it cost 0.5 s and 30 MB on a
    3,000-article ledger."""
    links: dict[LinkKey, Relation] = {}
    for a, b, relation, score, reason in db.execute(
        "SELECT claim_a, claim_b, relation, score, reason FROM links"
    ):
        if a in group_of and b in group_of and group_of[a] != group_of[b]:
            links[(a, b)] = Relation(relation, score, reason)
    return links


def store_digests(db: Database, plan: Plan, *, keep: bool = True) -> None:
    """Keep the digests of this run's claims for the next one (none, unless `keep`)."""
    if not keep:
        db.execute("DELETE FROM match_digests")
        return
    db.conn.executemany(
        "DELETE FROM match_digests WHERE claim_id = ?",
        [(claim_id,) for claim_id in plan.stored if claim_id not in plan.digests],
    )
    db.conn.executemany(
        "INSERT OR REPLACE INTO match_digests (claim_id, keys, facts) VALUES (?, ?, ?)",
        [
            (claim_id, *digest)
            for claim_id, digest in plan.digests.items()
            if plan.stored.get(claim_id) != digest
        ],
    )
