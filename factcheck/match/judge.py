"""The relation of two claims once each source's stance is weighed: agreement on the content
becomes a contradiction when one source reports the claim to deny it, and no confirmation at all
when either is an allegation, a prediction, a hedge or an opinion; a plan and a deed of the same
thing, or a body said to exist and said to be formed, are tensions for a person to check.

Pure functions over ClaimFacts; `judge` is what the match stage calls for each candidate pair.
"""

from __future__ import annotations

from factcheck.match.facts import ClaimFacts
from factcheck.match.relate import GENERIC_TERMS, Relation, relate
from factcheck.match.stance import Stance, confirms, stance_of
from factcheck.match.wording import concept_words, joined, place_name

# Tension kinds a link's evidence may carry ("tension" key), listed by `factcheck tensions`.
TENSIONS = ("contradiction", "discrepancy", "plan_vs_done", "existence", "denial")
# Events that bring a body into being: said done by one source and planned by another, the
# body either exists already or is new, and a fact-checker must find out which.
EXISTENCE_EVENTS = frozenset({"forming_unit"})


def tension_keys(claim: ClaimFacts) -> set[str]:
    """Blocking keys that bring together claims which may be in tension though they share no
    specific entity: the founding of the same kind of body for the same purpose."""
    if not claim.events & EXISTENCE_EVENTS:
        return set()
    return {f"exists:{term}" for term in claim.terms - GENERIC_TERMS}


def stance(claim: ClaimFacts) -> Stance:
    return stance_of(claim.text, claim.lang, claim.modality, claim.kind, claim.sentence)


def source_words(claim: ClaimFacts) -> str:
    return f"source {claim.source_id}"


def judge(a: ClaimFacts, b: ClaimFacts) -> Relation | None:
    """The relation between two claims of different independence groups, or None."""
    base = relate(a, b)
    if base is None:
        return existence_tension(a, b, stance(a), stance(b))
    return weigh(a, b, base)


def weigh(a: ClaimFacts, b: ClaimFacts, base: Relation) -> Relation:
    """A relation found on the content, weighed by how each source says what it says."""
    if base.relation in ("duplicate", "translation"):
        return base
    stance_a, stance_b = stance(a), stance(b)
    if base.relation == "corroborates":
        if titles := different_titles(a, b):
            return Relation(
                "related",
                0.4,
                f"different offices: “{titles[0]}” in one and “{titles[1]}” in the other "
                "(titles must match exactly)",
                {**base.evidence, "titles": list(titles)},
            )
        return judge_agreement(a, b, stance_a, stance_b, base)
    if base.relation == "contradicts":
        return judge_disagreement(a, b, stance_a, stance_b, base)
    return existence_tension(a, b, stance_a, stance_b) or base


def with_stances(evidence: dict, a: ClaimFacts, b: ClaimFacts, sa: Stance, sb: Stance) -> dict:
    return {
        **evidence,
        "stances": {
            str(a.id): [sa.polarity, sa.voice, sa.tense],
            str(b.id): [sb.polarity, sb.voice, sb.tense],
        },
    }


def judge_agreement(
    a: ClaimFacts, b: ClaimFacts, sa: Stance, sb: Stance, base: Relation
) -> Relation:
    """Two claims that say the same thing, weighed by how each source says it."""
    if sa.polarity != sb.polarity:
        denier, affirmer, how = (a, b, sa) if sa.polarity == "denies" else (b, a, sb)
        return Relation(
            "contradicts",
            base.score,
            f"{source_words(denier)} {how.describe()} where {source_words(affirmer)} states "
            f"it; {base.reason}",
            {**with_stances(base.evidence, a, b, sa, sb), "tension": "denial"},
        )
    for claim, claim_stance in ((a, sa), (b, sb)):
        if not confirms(claim_stance):
            return Relation(
                "related",
                round(base.score * 0.6, 3),
                f"{base.reason}, but {source_words(claim)} {claim_stance.describe()}: it "
                "neither confirms nor is confirmed",
                with_stances(base.evidence, a, b, sa, sb),
            )
    if sa.tense != sb.tense:
        planned, done = (a, b) if sa.tense == "planned" else (b, a)
        plan_stance, done_stance = (sa, sb) if planned is a else (sb, sa)
        return Relation(
            "related",
            round(base.score * 0.7, 3),
            f"{source_words(planned)} {plan_stance.describe()} and {source_words(done)} "
            f"{done_stance.describe()}: a plan and a deed ({base.reason})",
            {**with_stances(base.evidence, a, b, sa, sb), "tension": "plan_vs_done"},
        )
    evidence = with_stances(base.evidence, a, b, sa, sb)
    return Relation(base.relation, base.score, base.reason, evidence)


def judge_disagreement(
    a: ClaimFacts, b: ClaimFacts, sa: Stance, sb: Stance, base: Relation
) -> Relation:
    """Different values for the same thing: no contradiction when either is not a statement of
    fact, and a plan-vs-deed tension when one is planned and the other done."""
    for claim, claim_stance in ((a, sa), (b, sb)):
        if not confirms(claim_stance):
            return Relation(
                "related",
                round(base.score * 0.6, 3),
                f"{base.reason}, but {source_words(claim)} {claim_stance.describe()}: not a "
                "statement of fact to contradict",
                with_stances(base.evidence, a, b, sa, sb),
            )
    if sa.tense != sb.tense:
        return Relation(
            "related",
            round(base.score * 0.7, 3),
            f"{base.reason}, but one is planned and the other done: the plan may have changed",
            {**with_stances(base.evidence, a, b, sa, sb), "tension": "plan_vs_done"},
        )
    evidence = {**with_stances(base.evidence, a, b, sa, sb), "tension": "contradiction"}
    return Relation(base.relation, base.score, base.reason, evidence)


def existence_tension(a: ClaimFacts, b: ClaimFacts, sa: Stance, sb: Stance) -> Relation | None:
    """One source says a body exists ("has established a dedicated security force"), another
    that it will be formed ("will form a special security unit"), for the same country and the
    same purpose: one body reported as new, or two bodies; a person must say which."""
    if {sa.tense, sb.tense} != {"done", "planned"} or "denies" in (sa.polarity, sb.polarity):
        return None
    if not (a.events & b.events & EXISTENCE_EVENTS):
        return None
    countries = {anchor for anchor in a.anchors & b.anchors if anchor.startswith("p:")}
    terms = (a.terms & b.terms) - GENERIC_TERMS
    if not countries or not terms:
        return None
    done, planned = (a, b) if sa.tense == "done" else (b, a)
    done_stance, plan_stance = (sa, sb) if done is a else (sb, sa)
    bodies = sorted(
        name for entity, name in done.entity_names.items() if f"e{entity}" not in planned.anchors
    )
    body = "a security force" if "security_force" in terms else "a body"
    purposes = [concept_words(term) for term in sorted(terms - {"security_force"})]
    what = body + (f" for {joined(purposes)}" if purposes else "")
    where = joined([place_name(anchor[2:]) for anchor in sorted(countries)])
    named = f"; it names {joined(bodies)}" if bodies else ""
    return Relation(
        "related",
        0.6,
        f"{source_words(done)} says {what} (involving {where}) already exists "
        f"({_cue(done_stance, 'done')}{named}); {source_words(planned)} says one is to be "
        f"formed ({_cue(plan_stance, 'plan')}): the same body reported as new, or a second one?",
        {
            **with_stances({}, a, b, sa, sb),
            "tension": "existence",
            "terms": sorted(terms),
            "places": sorted(countries),
        },
    )


def _cue(claim_stance: Stance, kind: str) -> str:
    words = claim_stance.cue_words(kind)
    return "“" + words[0] + "”" if words else kind


def different_titles(a: ClaimFacts, b: ClaimFacts) -> tuple[str, str] | None:
    """The same role named in both claims with different qualifiers ("Vice President Joe
    Biden visited Kyiv" and "President Joe Biden visited Kyiv"): two offices, so not one fact."""
    from factcheck.lang.lexicon import find_concepts
    from factcheck.match.titles import same_office

    def titles(claim: ClaimFacts) -> dict[str, str]:
        found = {}
        for hit in find_concepts(claim.text, claim.lang):
            if hit.concept.kind == "role":
                found[hit.concept.name] = claim.text[max(0, hit.start - 12) : hit.end].strip()
        return found

    titles_a, titles_b = titles(a), titles(b)
    for role in titles_a.keys() & titles_b.keys():
        if not same_office(titles_a[role], a.lang, titles_b[role], b.lang):
            return titles_a[role], titles_b[role]
    return None
