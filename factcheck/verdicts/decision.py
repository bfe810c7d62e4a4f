"""How a claim's verdict is decided, as pure functions over plain records: the claim (as its fact),
the links to it, and the verdict a person gave; nothing here reads or writes the ledger.

Corroboration counts origins, never outlets: a source with its translations and copies is one
independence group, and claims that quote one speaker are one origin however many print them.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from factcheck.match.stance import stance_of
from factcheck.match.wires import origin_name
from factcheck.match.wording import plural
from factcheck.verdicts.records import Citation, Verdict


@dataclass(frozen=True)
class ClaimRecord:
    """A current claim to judge, with what its verdict depends on."""

    id: int
    is_checkworthy: bool
    modality: str
    text: str
    lang: str | None
    kind: str | None
    independence_group: str
    origin: str | None  # a quoted speaker or near-copies merged; None in older ledgers
    source_id: int
    fact_id: int  # the claim that stands for its fact (itself when it has none)
    published: str | None  # its source's publication date
    quantities: str | None  # its quantity values' text, ', '-joined


@dataclass(frozen=True)
class Evidence:
    """One link of a claim, seen from that claim: the other claim and the link's relation."""

    claim_id: int  # the other claim
    source_id: int
    text: str
    start_offset: int
    end_offset: int
    independence_group: str
    origin: str | None
    url: str | None
    relation: str  # a vocab.LinkRelation
    score: float
    reason: str


def confidence_for(groups: int, best_score: float) -> float:
    """More independent origins and stronger links make a surer verdict; never certainty."""
    return round(min(0.95, 0.45 + 0.2 * groups + 0.2 * best_score), 2)


def origin_of(record: ClaimRecord | Evidence) -> str:
    """Who a claim comes from: its origin (a quoted speaker, near-copies merged), or, in a
    ledger matched before origins existed, its independence group."""
    return record.origin or record.independence_group


def origin_words(origin: str, names: dict[int, str]) -> str:
    if agency := origin_name(origin):
        return agency
    if origin.startswith("speaker-e"):
        return names.get(int(origin.removeprefix("speaker-e")), "one speaker")
    if origin.startswith("source-"):
        return f"source {origin.removeprefix('source-')}"
    return origin


def decide(
    claim: ClaimRecord, evidence: list[Evidence], names: dict[int, str] | None = None
) -> Verdict:
    """The verdict on one claim from its corroborating and contradicting links, counting
    origins, never outlets (`names`: entity names, for a speaker the evidence rests on)."""
    names = names or {}
    if not claim.is_checkworthy or claim.modality in ("question", "opinion"):
        why = (
            "a question or an opinion"
            if claim.modality in ("question", "opinion")
            else "not a check-worthy statement"
        )
        return Verdict(claim.id, "not_checkable", 0.9, f"Not checked: {why}.")
    if claim.text:
        stance = stance_of(claim.text, claim.lang, claim.modality, claim.kind)
        if stance.tense in ("prediction", "opinion"):
            return Verdict(
                claim.id,
                "not_checkable",
                0.8,
                f"Not checked: {stance.describe().removeprefix('is ').strip()}, which no "
                "source can confirm or refute as a fact.",
            )
    own = origin_of(claim)
    independent = [
        row
        for row in evidence
        if row.independence_group != claim.independence_group and origin_of(row) != own
    ]
    supports = [row for row in independent if row.relation == "corroborates"]
    contradicts = [row for row in independent if row.relation == "contradicts"]
    support_origins = {origin_of(row) for row in supports}
    contra_origins = {origin_of(row) for row in contradicts}
    citations = tuple(
        Citation(
            row.claim_id,
            row.source_id,
            "supports" if row.relation == "corroborates" else "contradicts",
            row.text,
            row.start_offset,
            row.end_offset,
            row.url,
        )
        for row in sorted(supports + contradicts, key=lambda row: (-row.score, row.claim_id))
    )
    if support_origins and contra_origins:
        return Verdict(
            claim.id,
            "conflicting",
            0.5,
            f"{plural(len(support_origins), 'independent source')} "
            f"{'agrees' if len(support_origins) == 1 else 'agree'} and "
            f"{plural(len(contra_origins), 'independent source')} "
            f"{'disagrees' if len(contra_origins) == 1 else 'disagree'}: "
            f"{contradicts[0].reason}.",
            citations,
        )
    for label, rows, origins in (
        ("corroborated", supports, support_origins),
        ("contradicted", contradicts, contra_origins),
    ):
        if origins:
            best = max(rows, key=lambda row: row.score)
            return Verdict(
                claim.id,
                label,
                confidence_for(len(origins), best.score),
                f"{label.capitalize()} by {plural(len(origins), 'independent source')}"
                f"{outlets_note(rows, origins, names)}: {best.reason}.",
                citations,
            )
    return Verdict(claim.id, "unverified", 0.5, why_unverified(claim, evidence, names))


def outlets_note(rows: list[Evidence], origins: set[str], names: dict[int, str]) -> str:
    """When more outlets than origins say it: how many outlets, and which shared origins they
    rest on (" (3 outlets, 2 independent origins: Reuters counted once)")."""
    outlets = len({row.source_id for row in rows})
    if outlets <= len(origins):
        return ""
    shared = sorted(
        origin_words(origin, names)
        for origin in origins
        if len({row.source_id for row in rows if origin_of(row) == origin}) > 1
    )
    once = f": {', '.join(shared)} counted once" if shared else ""
    return f" ({plural(outlets, 'outlet')}, {plural(len(origins), 'independent origin')}{once})"


def why_unverified(claim: ClaimRecord, evidence: list[Evidence], names: dict[int, str]) -> str:
    """Why nothing settled the claim, in words, and what would settle it."""
    own = origin_of(claim)
    same_origin = [
        row
        for row in evidence
        if row.relation == "corroborates"
        and row.independence_group != claim.independence_group
        and origin_of(row) == own
    ]
    own_copies = [row for row in evidence if row.independence_group == claim.independence_group]
    related = [row for row in evidence if row.relation == "related"]
    if same_origin:
        speaker = origin_words(own, names)
        outlets = len({row.source_id for row in same_origin} | {claim.source_id})
        why = (
            f"Only one origin says this: {plural(outlets, 'source')} repeat {speaker}, which "
            "is one origin, not independent confirmation."
        )
        settle = f"a source that does not rest on {speaker}: a document, a record or a witness"
    elif own_copies:
        why = (
            "No independent source states this; only its own translation or a copy of its "
            "source does, which is not confirmation."
        )
        settle = "an independent source that states it or its opposite"
    elif related:
        best = max(related, key=lambda row: row.score)
        count = len({row.source_id for row in related})
        why = (
            f"{plural(count, 'other source')} {'touches' if count == 1 else 'touch'} on it, "
            f"but none states it or its opposite ({best.reason})."
        )
        settle = "a source that states this very thing, or its opposite"
    elif claim.quantities:
        why = f"The figure ({claim.quantities}) appears in no other source in the ledger."
        settle = "the figure's original record, or an independent source giving the same count"
    else:
        why = "No other source in the ledger states this or its opposite."
        settle = "an independent source on the same people, places or events"
    if not claim.published:
        why += " Its source gives no publication date, so it cannot be placed in time."
    return f"{why} What would settle it: {settle}."


def fact_members(claims: list[ClaimRecord]) -> dict[int, list[int]]:
    """The claims of each fact (by the id of the claim that stands for it), in claim order."""
    members: dict[int, list[int]] = defaultdict(list)
    for claim in claims:
        members[claim.fact_id].append(claim.id)
    return members


def as_fact(claim: ClaimRecord, lead: ClaimRecord) -> ClaimRecord:
    """The claim judged as its fact: the check-worthiness, modality, text, language and kind of
    the claim that stands for the fact, with its own source and origin."""
    return dataclasses.replace(
        claim,
        is_checkworthy=lead.is_checkworthy,
        modality=lead.modality,
        text=lead.text,
        lang=lead.lang,
        kind=lead.kind,
    )


def fact_evidence(
    member: int, members: list[int], evidence: dict[int, list[Evidence]]
) -> list[Evidence]:
    """A fact's evidence as seen from one of its claims: every link of every claim of the fact,
    other than to the claim itself, the strongest once per claim and relation."""
    best: dict[tuple[int, str], Evidence] = {}
    for claim_id in members:
        for row in evidence.get(claim_id, []):
            if row.claim_id == member:
                continue
            key = (row.claim_id, row.relation)
            if key not in best or row.score > best[key].score:
                best[key] = row
    return sorted(best.values(), key=lambda row: (row.claim_id, row.relation))


def disagreement_with(human_label: str, machine: Verdict) -> str | None:
    """What the evidence now says against a person's verdict, or None while it agrees."""
    if machine.label == human_label:
        return None
    return f"automatic evidence now says {machine.label}: {machine.rationale}"


def decision_key(verdict: Verdict) -> tuple[str, float | None, str]:
    """What makes two automatic verdicts the same decision, besides the claims they cite."""
    return (verdict.label, verdict.confidence, verdict.rationale)


def cited_keys(verdict: Verdict) -> list[tuple[int, str]]:
    """The verdict's citations as (cited claim, stance), sorted."""
    return sorted((citation.claim_id, citation.stance) for citation in verdict.citations)


def decision_inputs(
    claim: ClaimRecord, evidence: list[Evidence], names: dict[int, str], version: str
) -> str:
    """A digest of everything `decide(claim, evidence, names)` reads (of `names`, only the
    claim's own speaker), with the code's version: equal digests, equal decisions."""
    speaker = None
    own = origin_of(claim)
    if own.startswith("speaker-e"):
        speaker = names.get(int(own.removeprefix("speaker-e")))
    text = repr((version, claim, evidence, speaker))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
