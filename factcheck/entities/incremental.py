"""Which mentions a run must cluster again, as pure functions.

Every decision `cluster_mentions` takes is local to one connected component of the graph whose
edges are all that can join two mentions: the same form, a candidate pair of forms whose names
match, a short reference within a source, one organisation named in two languages, a human
judgement. A component that holds no new or removed mention, and no block that crossed
MAX_BLOCK, clusters exactly as it did the last time; so a run clusters again only the
components that do, closed over the old entities they touch, and gets what a run over every
mention would give.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence

from factcheck.entities.clustering import MAX_BLOCK, MergeEvidence, NameForm, _match


def closure(seeds: Iterable[int], neighbours: Callable[[int], Iterable[int]]) -> set[int]:
    """Everything reachable from `seeds` (a breadth-first walk)."""
    seen = set(seeds)
    queue = deque(seen)
    while queue:
        for other in neighbours(queue.popleft()):
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return seen


def crossed_blocks(
    blocks: Mapping[str, Sequence[int]], new_forms: set[int], removed_blocks: Mapping[str, int]
) -> list[str]:
    """Blocks that crossed MAX_BLOCK since the last run, either way: their members' pairs
    appeared or vanished all at once. `removed_blocks` counts the forms gone from each block."""
    crossed = []
    for key, members in blocks.items():
        size = len(members)
        before = size - sum(1 for i in members if i in new_forms) + removed_blocks.get(key, 0)
        if (size > MAX_BLOCK) != (before > MAX_BLOCK):
            crossed.append(key)
    return crossed


def matching_neighbours(
    forms: Sequence[NameForm], candidates: Mapping[int, Iterable[int]]
) -> Callable[[int], list[int]]:
    """The forms a form's name matches among its candidate pairs (scored once each, lazily)."""

    def neighbours(form: int) -> list[int]:
        return [
            other
            for other in candidates.get(form, ())
            if _match(forms[min(form, other)], forms[max(form, other)]).is_match
        ]

    return neighbours


def adjacency(edges: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    graph: dict[int, list[int]] = defaultdict(list)
    for a, b in edges:
        graph[a].append(b)
        graph[b].append(a)
    return graph


def evidence_edges(
    evidence: Iterable[MergeEvidence], index: Mapping[int, int]
) -> list[tuple[int, int]]:
    """Merge evidence between mention keys as edges between positions."""
    return [(index[e.a], index[e.b]) for e in evidence if e.a in index and e.b in index]
