"""The verdict decisions on plain records, without a ledger: origins counted, not outlets; why a
claim stays unverified; a person's verdict disputed by new evidence."""

from __future__ import annotations

import dataclasses

from factcheck.verdicts.decision import (
    ClaimRecord,
    Evidence,
    as_fact,
    cited_keys,
    confidence_for,
    decide,
    disagreement_with,
    fact_evidence,
    fact_members,
)

CLAIM = ClaimRecord(
    id=1,
    is_checkworthy=True,
    modality="asserted",
    text="The Islamabad Police sent 40 officers to Beijing for training in March.",
    lang="en",
    kind="event",
    independence_group="source-1",
    origin=None,
    source_id=1,
    fact_id=1,
    published="2025-07-23",
    quantities="40 officers",
)


def link(claim_id: int, group: str, relation: str, score: float, **fields: object) -> Evidence:
    values: dict = {
        "claim_id": claim_id,
        "source_id": claim_id,
        "text": "Forty Islamabad Police officers left for Beijing in March to train.",
        "start_offset": 10,
        "end_offset": 76,
        "independence_group": group,
        "origin": None,
        "url": f"https://example.org/{claim_id}",
        "relation": relation,
        "score": score,
        "reason": f"same figure (link {claim_id})",
    }
    values.update(fields)
    return Evidence(**values)


def test_two_independent_origins_corroborate_citing_the_strongest_first() -> None:
    evidence = [
        link(2, "source-2", "corroborates", 0.7),
        link(3, "source-3", "corroborates", 0.9),
    ]
    verdict = decide(CLAIM, evidence)
    assert verdict.label == "corroborated"
    assert verdict.confidence == confidence_for(2, 0.9) == 0.95
    assert verdict.rationale == "Corroborated by 2 independent sources: same figure (link 3)."
    assert [citation.claim_id for citation in verdict.citations] == [3, 2]
    assert {citation.stance for citation in verdict.citations} == {"supports"}


def test_one_speaker_quoted_by_two_outlets_is_one_origin_and_leaves_it_unverified() -> None:
    quoted = dataclasses.replace(CLAIM, origin="speaker-e7")
    evidence = [link(2, "source-2", "corroborates", 0.9, origin="speaker-e7")]
    verdict = decide(quoted, evidence, {7: "Mohsin Naqvi"})
    assert verdict.label == "unverified"
    assert verdict.rationale.startswith(
        "Only one origin says this: 2 sources repeat Mohsin Naqvi, which is one origin"
    )


def test_support_and_contradiction_from_different_origins_conflict() -> None:
    evidence = [
        link(2, "source-2", "corroborates", 0.8),
        link(3, "source-3", "contradicts", 0.6, reason="40 officers against 400"),
    ]
    verdict = decide(CLAIM, evidence)
    assert verdict.label == "conflicting"
    assert verdict.rationale == (
        "1 independent source agrees and 1 independent source disagrees: 40 officers against 400."
    )
    assert [citation.stance for citation in verdict.citations] == ["supports", "contradicts"]


def test_a_translation_in_its_own_group_does_not_confirm_it() -> None:
    undated = dataclasses.replace(CLAIM, published=None)
    verdict = decide(undated, [link(2, "source-1", "corroborates", 1.0)])
    assert verdict.label == "unverified"
    assert "only its own translation or a copy" in verdict.rationale
    assert "gives no publication date" in verdict.rationale


def test_questions_and_statements_not_worth_checking_are_not_checkable() -> None:
    question = dataclasses.replace(CLAIM, modality="question")
    minor = dataclasses.replace(CLAIM, is_checkworthy=False)
    evidence = [link(2, "source-2", "corroborates", 0.9)]
    assert decide(question, evidence).rationale == "Not checked: a question or an opinion."
    assert decide(minor, evidence).rationale == "Not checked: not a check-worthy statement."


def test_a_claim_is_judged_as_its_fact_with_the_facts_evidence() -> None:
    lead = dataclasses.replace(CLAIM, is_checkworthy=False)
    member = dataclasses.replace(CLAIM, id=5, fact_id=1, source_id=4, independence_group="g4")
    members = fact_members([lead, member])
    assert members == {1: [1, 5]}
    evidence = {
        1: [link(5, "g4", "translation", 0.9), link(2, "source-2", "corroborates", 0.4)],
        5: [link(2, "source-2", "corroborates", 0.8)],
    }
    seen_by_member = fact_evidence(5, members[1], evidence)
    assert [(row.claim_id, row.score) for row in seen_by_member] == [(2, 0.8)]
    judged = as_fact(member, lead)
    assert (judged.id, judged.source_id, judged.is_checkworthy) == (5, 4, False)
    assert decide(judged, seen_by_member).label == "not_checkable"


def test_a_persons_verdict_is_disputed_only_when_the_evidence_disagrees() -> None:
    verdict = decide(CLAIM, [link(2, "source-2", "contradicts", 0.9)])
    assert disagreement_with("contradicted", verdict) is None
    assert disagreement_with("corroborated", verdict) == (
        f"automatic evidence now says contradicted: {verdict.rationale}"
    )
    assert cited_keys(verdict) == [(2, "contradicts")]
