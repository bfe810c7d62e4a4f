"""Cluster mentions into entities across sources and scripts, as pure functions.

Candidate pairs come from blocks (phonetic keys, gazetteer codes), are pre-filtered with
rapidfuzz `cdist` and scored by `names.compare`; accepted pairs are merged best first with
union-find, refusing any merge that would join two clearly different full names (chaining
through a short form). Human judgements outrank machine ones, as in nomenklatura.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from factcheck.entities.mentions.model import Mention
from factcheck.entities.names.align import key_of
from factcheck.entities.names.compare import NameForm, NameMatch, compare, parse_name
from factcheck.entities.names.forms import person_name
from factcheck.entities.names.places import place_code
from factcheck.entities.names.romanize import NAME_SEPARATORS
from factcheck.entities.names.translit import best_spelling
from factcheck.text.scripts import script_of

MAX_BLOCK = 300  # a block this large is a common word, not a name: skip it
PREFILTER = 0.4  # Jaro-Winkler of romanised forms below which a pair is not worth scoring
# Family names' Jaro-Winkler, model Latin against Latin, in a family-name block across scripts.
CROSS_PREFILTER = 0.6
CONFLICT = 0.5  # two full names scoring below this are different people


@dataclass(frozen=True)
class MentionRef:
    key: int
    source_id: int
    mention: Mention
    context: frozenset[str] = frozenset()  # roles, co-occurring entity names


@dataclass(frozen=True)
class Judgement:
    kind: str  # "same" | "different"
    a_key: int
    b_key: int
    decided_by: str


@dataclass(frozen=True)
class MergeEvidence:
    a: int
    b: int
    score: float
    rule: str
    evidence: str


@dataclass
class EntityCluster:
    name: str
    type: str
    members: list[int]
    evidence: list[MergeEvidence] = field(default_factory=list)


@dataclass(frozen=True)
class VariantForm:
    text: str
    source_id: int
    start: int
    end: int


@dataclass(frozen=True)
class SpellingVariant:
    script: str
    key: str  # the shared phonetic key of the differing words
    words: tuple[str, ...]  # the differing spellings (নকভি, নাকভি)
    forms: tuple[VariantForm, ...]  # every mention holding one of them


class _UnionFind:
    """Union-find that keeps each root's members, so a cluster is read in its own size rather
    than by scanning every element (which made resolution quadratic in the mentions)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        """Join the sets of i and j; the root of i's set stays the root. Returns it."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[rj] = ri
            # extend the larger list: each element moves O(log n) times in all
            small, large = sorted((self.members.pop(rj), self.members[ri]), key=len)
            large.extend(small)
            self.members[ri] = large
        return ri


def form_of(ref: MentionRef) -> NameForm:
    """The name a mention is compared by: its form, language and type."""
    m = ref.mention
    return NameForm(m.match_form, m.lang, m.type)


_form = form_of


def block_keys(form: NameForm) -> set[str]:
    """The blocks a form is in: its phonetic keys, its family name's, its place code."""
    parsed = parse_name(form)
    keys = {f"{form.type}:k:{parsed.joined_key[:3]}"} if len(parsed.joined_key) >= 3 else set()
    keys |= {f"{form.type}:w:{k}" for k in parsed.keys if len(k) >= 3}
    if form.type == "person" and script_of(form.text) != "latin":
        # The learned model's Latin of each word: 'ইসলাম' and 'Islam' share a block although
        # the letter table romanises it otherwise; the family name's first two consonants
        # catch near misses (every cross-script rule needs the family names to meet).
        words = person_name(form.text).words
        for word in words:
            key = key_of(word)
            if len(key) >= 3:
                keys.add(f"person:w:{key}")
        if words and len(family := key_of(words[-1])) >= 2:
            keys.add(f"person:p:{family[:2]}")
    elif form.type == "person" and parsed.keys and len(parsed.keys[-1]) >= 2:
        keys.add(f"person:p:{parsed.keys[-1][:2]}")
    if form.type == "place" and (code := place_code(form.text, form.lang)):
        keys.add(f"place:code:{code}")
    return keys


@functools.lru_cache(maxsize=200_000)
def _match(a: NameForm, b: NameForm) -> NameMatch:
    """`compare`, once per pair of forms in a run (the stage asks first which components a new
    mention joins, then clusters those components)."""
    return compare(a, b)


def form_blocks(forms: Sequence[NameForm]) -> dict[str, list[int]]:
    """Blocking key -> the indices of the forms in that block."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(forms):
        for key in block_keys(form):
            blocks[key].append(i)
    return blocks


def candidate_pairs(
    forms: list[NameForm], block_sizes: Mapping[str, int] | None = None
) -> set[tuple[int, int]]:
    """Pairs of forms worth scoring. A block of more than MAX_BLOCK forms is skipped; with
    `block_sizes` (the size of every block over the whole ledger) a subset of the forms gets
    exactly the pairs among them that all forms would get."""
    blocks = form_blocks(forms)
    romanized = [" ".join(parse_name(f).words) for f in forms]
    latin = [script_of(f.text) == "latin" for f in forms]
    model_latin = [
        romanized[i] if latin[i] or f.type != "person" else _model_latin(f)
        for i, f in enumerate(forms)
    ]
    pairs: set[tuple[int, int]] = set()
    for block, members in blocks.items():
        size = block_sizes.get(block, len(members)) if block_sizes else len(members)
        if len(members) < 2 or size > MAX_BLOCK:
            continue
        cross_only = block.startswith("person:p:")  # a coarse block: only across scripts
        if cross_only and all(latin[i] for i in members):
            continue
        names = [romanized[i] for i in members]
        scores = process.cdist(names, names, scorer=JaroWinkler.normalized_similarity)
        mixed = len({latin[i] for i in members}) > 1
        if mixed:  # across scripts, prefilter on the learned model's Latin instead; in a
            # family-name block, on the family names alone ('মোদি' against 'Narendra Modi')
            model_names = [
                model_latin[i].rsplit(" ", 1)[-1] if cross_only else model_latin[i] for i in members
            ]
            cross = process.cdist(
                model_names, model_names, scorer=JaroWinkler.normalized_similarity
            )
        for x, i in enumerate(members):
            for y in range(x + 1, len(members)):
                j = members[y]
                if forms[i].type == "place":
                    keep = not cross_only
                elif latin[i] != latin[j]:
                    keep = max(scores[x][y], cross[x][y]) >= PREFILTER
                    keep = cross[x][y] >= CROSS_PREFILTER if cross_only else keep
                else:
                    keep = not cross_only and scores[x][y] >= PREFILTER
                if keep:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def _model_latin(form: NameForm) -> str:
    return " ".join(best_spelling(w, script_of(w)) for w in person_name(form.text).words)


def cluster_mentions(
    mentions: Sequence[MentionRef],
    judgements: Sequence[Judgement] = (),
    references: Sequence[MergeEvidence] = (),
    *,
    block_sizes: Mapping[str, int] | None = None,
) -> list[EntityCluster]:
    """Entities with their member keys and the evidence for every merge.

    Every decision depends only on the mentions of one connected component (see
    `entities/incremental.py`), so clustering a union of components, with `block_sizes` from
    the whole ledger, gives those components' clusters exactly as clustering everything would.

    `references` are merges a stage has already shown by its own rule (a short reference the
    text ties to a full name; one organisation named in two languages); they merge after human
    judgements and before any name scoring, unless a judgement says otherwise."""
    refs = list(mentions)
    index = {ref.key: i for i, ref in enumerate(refs)}
    # one comparison per distinct (type, lang, form), not per mention
    distinct: dict[NameForm, list[int]] = defaultdict(list)
    for i, ref in enumerate(refs):
        distinct[_form(ref)].append(i)
    forms = list(distinct)
    uf = _UnionFind(len(refs))
    evidence: dict[int, list[MergeEvidence]] = defaultdict(list)
    different = [
        (index[j.a_key], index[j.b_key])
        for j in judgements
        if j.kind == "different" and j.a_key in index and j.b_key in index
    ]
    # The distinct full names of each cluster, by root, kept up to date on every merge.
    full_forms: dict[int, set[NameForm]] = {
        i: {_form(ref)} if _is_full(ref) else set() for i, ref in enumerate(refs)
    }

    def blocked(i: int, j: int, match: NameMatch | None) -> bool:
        ri, rj = uf.find(i), uf.find(j)
        for x, y in different:  # judgements are few: test them, not every pair of members
            rx, ry = uf.find(x), uf.find(y)
            if (rx, ry) in ((ri, rj), (rj, ri)):
                return True
        if match is None:
            return False
        return any(
            _match(fa, fb).score < CONFLICT for fa in full_forms[ri] for fb in full_forms[rj]
        )

    def merge(i: int, j: int, ev: MergeEvidence) -> None:
        ri, rj = uf.find(i), uf.find(j)
        root = uf.union(ri, rj)
        other = rj if root == ri else ri
        full_forms[root] |= full_forms.pop(other)
        evidence[root] = evidence.pop(ri, []) + evidence.pop(rj, []) + [ev]

    for judgement in judgements:
        if judgement.kind != "same" or judgement.a_key not in index or judgement.b_key not in index:
            continue
        i, j = index[judgement.a_key], index[judgement.b_key]
        if uf.find(i) != uf.find(j):
            merge(
                i,
                j,
                MergeEvidence(
                    judgement.a_key,
                    judgement.b_key,
                    1.0,
                    "judgement",
                    f"judged the same by {judgement.decided_by}",
                ),
            )
    for reference in references:
        if reference.a not in index or reference.b not in index:
            continue
        i, j = index[reference.a], index[reference.b]
        if uf.find(i) != uf.find(j) and not blocked(i, j, None):
            merge(i, j, reference)
    for group in distinct.values():
        for i in group[1:]:
            if uf.find(i) != uf.find(group[0]) and not blocked(group[0], i, None):
                merge(
                    group[0],
                    i,
                    MergeEvidence(
                        refs[group[0]].key, refs[i].key, 1.0, "same_form", "identical name and type"
                    ),
                )
    scored: list[tuple[float, int, int, NameMatch]] = []
    for a, b in candidate_pairs(forms, block_sizes):
        match = _match(forms[a], forms[b])
        if match.is_match:
            scored.append((match.score, a, b, match))
    scored = _unambiguous_family_names(forms, scored)
    # Ties in the order of the forms' first mentions, which a subset of the mentions keeps.
    for _score, a, b, match in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        i, j = distinct[forms[a]][0], distinct[forms[b]][0]
        if uf.find(i) == uf.find(j) or blocked(i, j, match):
            continue
        if match.rule == "short_form" and _contexts_disagree(refs, distinct, forms[a], forms[b]):
            continue
        merge(
            i, j, MergeEvidence(refs[i].key, refs[j].key, match.score, match.rule, match.evidence)
        )
    out = []
    # in the order of each cluster's first mention, so ties in the sort below stay stable
    for root, members in sorted(uf.members.items(), key=lambda item: min(item[1])):
        members.sort()
        out.append(
            EntityCluster(
                name=_canonical_name([refs[i] for i in members]),
                type=refs[members[0]].mention.type,
                members=[refs[i].key for i in members],
                evidence=evidence.get(root, []),
            )
        )
    return sorted(out, key=lambda c: (-len(c.members), c.name))


SHORT_RULES = ("short_form", "family_name")


def _unambiguous_family_names(
    forms: list[NameForm], scored: list[tuple[float, int, int, NameMatch]]
) -> list[tuple[float, int, int, NameMatch]]:
    """A family name alone ('মোদি', 'Naqvi') joins the one full name of the ledger it fits;
    when it fits two different people it joins neither."""
    fits: dict[int, set[int]] = defaultdict(set)
    for _score, a, b, match in scored:
        if match.rule in SHORT_RULES:
            short, full = (a, b) if len(parse_name(forms[a]).words) == 1 else (b, a)
            fits[short].add(full)
    ambiguous = set()
    for short, fulls in fits.items():
        ordered = sorted(fulls)
        if any(
            not _match(forms[x], forms[y]).is_match
            for n, x in enumerate(ordered)
            for y in ordered[n + 1 :]
        ):
            ambiguous.add(short)
    return [
        item
        for item in scored
        if not (item[3].rule in SHORT_RULES and (item[1] in ambiguous or item[2] in ambiguous))
    ]


def _is_full(ref: MentionRef) -> bool:
    return len(parse_name(_form(ref)).words) >= 2 or ref.mention.type != "person"


def _contexts_disagree(refs, distinct, fa: NameForm, fb: NameForm) -> bool:
    """A bare family name joins a full name across sources only if their contexts, when
    both are known, share something (a role, a co-occurring name)."""
    ctx_a = frozenset().union(*(refs[i].context for i in distinct[fa]))
    ctx_b = frozenset().union(*(refs[i].context for i in distinct[fb]))
    return bool(ctx_a and ctx_b and not ctx_a & ctx_b)


def _canonical_name(refs: list[MentionRef]) -> str:
    """The longest Latin form, else the longest form."""
    forms = [r.mention.match_form for r in refs]
    latin = [f for f in forms if script_of(f) == "latin"]
    return max(latin or forms, key=lambda f: (len(f), f))


def spelling_variants(
    cluster: EntityCluster, mentions: Sequence[MentionRef]
) -> list[SpellingVariant]:
    """Words of one entity spelled differently within one script (নকভি / নাকভি), with every
    mention holding one of them, for a `spelling_variant` finding."""
    by_key = {ref.key: ref for ref in mentions}
    refs = [by_key[k] for k in cluster.members if k in by_key]
    groups: dict[tuple[str, str], dict[str, list[MentionRef]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for ref in refs:
        form = _form(ref)
        script = script_of(form.text)
        parsed = parse_name(form)
        raw_words = [w for w in NAME_SEPARATORS.split(form.text) if w]
        if len(raw_words) != len(parsed.keys):
            continue  # a native Han name is split by rule, not by the text: nothing to align
        for n, key in enumerate(parsed.keys):
            if len(key) < 2:
                continue
            word = raw_words[n]
            spelling = word.lower() if script == "latin" else word
            groups[(script, key)][spelling].append(ref)
    out = []
    for (script, key), spellings in sorted(groups.items()):
        if len(spellings) < 2:
            continue
        forms = tuple(
            VariantForm(r.mention.text, r.source_id, r.mention.start, r.mention.end)
            for refs_ in spellings.values()
            for r in refs_
        )
        out.append(SpellingVariant(script, key, tuple(sorted(spellings)), forms))
    return out
