"""Which claim of an earlier extraction each new claim continues: the same words at the same
place (offsets mapped through the unchanged start and end of the two texts), else the same words
nearest to where they were. A source extracted again keeps its claims' ids this way, and the
claims of a new version name the claims of the previous version they continue, so a published
`#claim-N` anchor still finds its statement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from factcheck.text.offsets import OffsetMap


@dataclass(frozen=True)
class EarlierClaim:
    """A claim already in the ledger: its id and its words at text[start:end]."""

    id: int
    start: int
    end: int
    text: str


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def continued_claims(
    earlier: Sequence[EarlierClaim], claims: Sequence[Span], offsets: OffsetMap
) -> list[int | None]:
    """For each of `claims`, the id of the earlier claim it continues, or None for a statement
    the earlier text did not make; no earlier claim is continued twice."""
    continued: list[int | None] = [None] * len(claims)
    taken: set[int] = set()
    at_place: dict[tuple[int, int, str], EarlierClaim] = {}
    for old in earlier:
        mapped = offsets.span(old.start, old.end)
        if mapped is not None:
            at_place.setdefault((*mapped, old.text), old)
    for index, claim in enumerate(claims):
        old = at_place.get((claim.start, claim.end, claim.text))
        if old is not None and old.id not in taken:
            continued[index] = old.id
            taken.add(old.id)
    same_words: dict[str, list[EarlierClaim]] = defaultdict(list)
    for old in earlier:
        if old.id not in taken:
            same_words[old.text].append(old)
    for index, claim in enumerate(claims):
        if continued[index] is not None or claim.text not in same_words:
            continue
        free = [old for old in same_words[claim.text] if old.id not in taken]
        if free:
            nearest = min(free, key=lambda old: abs(moved_start(old, offsets) - claim.start))
            continued[index] = nearest.id
            taken.add(nearest.id)
    return continued


def moved_start(claim: EarlierClaim, offsets: OffsetMap) -> int:
    mapped = offsets.span(claim.start, claim.end)
    return mapped[0] if mapped else claim.start
