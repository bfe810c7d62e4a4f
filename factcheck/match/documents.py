"""How a source stands towards another source's claim it restates, from all of its sentences
about that claim: pure functions over ClaimFacts and the links found on their content.

Two claims told in the same words say nothing of whether the second source believes the first:
a fact-check restates a rumour to rate it false, a report restates an allegation to attribute
it. So once the links between two sources are found, the reporting source's stance towards each
claim of the other decides the link: it denies the claim (a denial, a rating, a negation close
to the claim) and the link `contradicts` it; it reports it hedged or as someone's allegation and
the link is `related`, never a confirmation in its own voice. A plain restatement leaves the
link as the content found it: telling a story in the same words is not yet confirming it (on
the seeds, upgrading such links corroborated generalities). The reason says which sentence and
words decided.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from factcheck.lang import language_for
from factcheck.match.facts import ClaimFacts
from factcheck.match.judge import stance
from factcheck.match.keywords import keywords
from factcheck.match.relate import Relation
from factcheck.match.stance import (
    _quoted,
    _without,
    find_cue_spans,
    find_cues,
)

LinkKey = tuple[int, int]

# A sentence is about a claim when it shares this many of the claim's content words, or this
# share of them (a short headline).
MIN_SHARED_WORDS = 2
MIN_SHARED_SHARE = 0.6
# A denial or a rating denies the claim in a sentence holding this share of its words.
DENIAL_SHARE = 0.2
# A negation denies the claim only in a sentence holding this share of the claim's words
# ("did not" somewhere in a long article denies nothing in particular).
NEGATION_SHARE = 0.5
# A plain statement agrees only when one sentence restates this share of the claim's words.
AGREE_SHARE = 0.4
# Chosen on the even-numbered FNC-1 bodies (bench_match.py stance --split dev); the odd ones
# are held back.
# Reporting a claim with hedges and attributions in this share of its sentences about it is
# discussing it, not stating it.
DISCUSS_SHARE = 0.3
# Links that a document's stance may decide: those found on the content alone. Translations,
# copies and contradictions on the values stand as they are.
DECIDED = frozenset({"corroborates", "related"})


@dataclass(frozen=True)
class DocumentStance:
    label: str  # agree | disagree | discuss | unrelated
    sentence: str  # the sentence that decided it
    cues: tuple[str, ...]  # the words that decided it
    about: int  # sentences about the claim
    hedged: int  # of them, hedged or attributed ("may", "according to", "alleged")
    unconfirmed: int = 0  # of them, told as someone's allegation or as unconfirmed

    def describe(self, source: int) -> str:
        quote = f"“{self.sentence[:160].strip()}”"
        if self.label == "disagree":
            return f"source {source} reports it to deny it ({_quoted(list(self.cues))}): {quote}"
        if self.label == "discuss":
            return (
                f"source {source} reports it as someone's claim or unconfirmed in "
                f"{self.unconfirmed} of its {self.about} sentences about it "
                f"({_quoted(list(self.cues))}): it attributes it and does not confirm it in "
                "its own voice"
            )
        return f"source {source} states it plainly: {quote}"


@dataclass(frozen=True)
class Sentence:
    text: str
    words: frozenset[str]
    lang: str


@functools.lru_cache(maxsize=65536)
def sentence_words(text: str, lang: str) -> frozenset[str]:
    return keywords(text, lang)


def source_sentences(facts: list[ClaimFacts]) -> dict[int, list[Sentence]]:
    """Each source's distinct sentences with their content words, in the order of the text."""
    seen: dict[int, dict[str, Sentence]] = defaultdict(dict)
    for claim in sorted(facts, key=lambda claim: (claim.source_id, claim.start)):
        text = claim.sentence or claim.text
        if text not in seen[claim.source_id]:
            seen[claim.source_id][text] = Sentence(
                text, sentence_words(text, claim.lang), claim.lang
            )
    return {source: list(sentences.values()) for source, sentences in seen.items()}


# Script and markup read as text.
_CODE = re.compile(r"[{};]\s*\S|\bvar\s+\w+\s*=|function\s*\(")
# A negation negates the claim when one of the claim's words follows it this closely ("did
# not send"), not anywhere in the sentence ("angry that her family had not been told").
NEGATION_REACH = 4


def negations_of(claim_words: frozenset[str], sentence: Sentence) -> list[str]:
    """The negations in a sentence that one of the claim's words follows within
    NEGATION_REACH words (for languages written with spaces; else every negation)."""
    plain = _without(sentence.text, sentence.lang, "not_negation")
    found = []
    for words in find_cue_spans(plain, sentence.lang, "negation"):
        start, end, cue = words
        if not language_for(sentence.lang).writes_spaces:
            found.append(cue)
            continue
        following = " ".join(plain[end:].split()[:NEGATION_REACH])
        if sentence_words(following, sentence.lang) & claim_words:
            found.append(cue)
    return found


def document_stance(claim_words: frozenset[str], sentences: list[Sentence]) -> DocumentStance:
    """How a document stands towards a claim (its content words), from its sentences about it:
    `disagree` when one denies it (a denial or a rating, or a negation in a sentence holding
    most of the claim's words); `discuss` when enough of them hedge or attribute it, or none
    restates most of it; else `agree`; `unrelated` when no sentence is about it."""
    about: list[tuple[Sentence, float]] = []
    for sentence in sentences:
        shared = len(claim_words & sentence.words)
        share = shared / max(1, len(claim_words))
        if shared >= MIN_SHARED_WORDS or (claim_words and share >= MIN_SHARED_SHARE):
            about.append((sentence, share))
    if not about:
        return DocumentStance("unrelated", "", (), 0, 0)
    for sentence, share in about:
        if _CODE.search(sentence.text):
            continue  # a page's script read as text ("var x = false;") says nothing
        denial = find_cues(sentence.text, sentence.lang, "denial") + find_cues(
            sentence.text, sentence.lang, "rating"
        )
        negation = negations_of(claim_words, sentence) if share >= NEGATION_SHARE else []
        if (denial and share >= DENIAL_SHARE) or negation:
            return DocumentStance(
                "disagree", sentence.text, tuple(denial or negation), len(about), 0
            )
    hedges: list[str] = []
    hedged = unconfirmed = 0
    for sentence, _ in about:
        alleged = find_cues(sentence.text, sentence.lang, "allegation")
        alleged += find_cues(sentence.text, sentence.lang, "unconfirmed")
        found = alleged + find_cues(sentence.text, sentence.lang, "hedge")
        if found:
            hedged += 1
            unconfirmed += bool(alleged)
            hedges.extend(found)
    best, best_share = max(about, key=lambda item: item[1])
    counts = (len(about), hedged, unconfirmed)
    if hedged >= DISCUSS_SHARE * len(about) or best_share < AGREE_SHARE:
        return DocumentStance("discuss", best.text, tuple(dict.fromkeys(hedges)), *counts)
    return DocumentStance("agree", best.text, (), *counts)


def weigh_documents(
    facts: list[ClaimFacts], links: Mapping[LinkKey, Relation]
) -> dict[LinkKey, Relation]:
    """The links between claims of two sources, decided by each source's stance towards the
    other's claims; links it does not decide are returned unchanged."""
    by_id = {claim.id: claim for claim in facts}
    sentences = source_sentences(facts)
    # (claim, reporting source) -> the links between that claim and the source's claims.
    reported: dict[tuple[int, int], list[LinkKey]] = defaultdict(list)
    for key, relation in links.items():
        if relation.relation not in DECIDED:
            continue
        a, b = by_id.get(key[0]), by_id.get(key[1])
        if a is None or b is None or a.source_id == b.source_id or a.group == b.group:
            continue
        reported[(a.id, b.source_id)].append(key)
        reported[(b.id, a.source_id)].append(key)
    decided = dict(links)
    denied: set[LinkKey] = set()
    for (claim_id, source), keys in sorted(reported.items()):
        claim = by_id[claim_id]
        own = stance(claim)
        if own.polarity != "affirms" or own.voice != "own" or not claim.asserts:
            continue  # a denial restated is not a denial denied, nor an allegation a deed
        if not claim.keywords:
            continue
        found = document_stance(claim.keywords, sentences.get(source, []))
        if found.label == "unrelated":
            continue
        keys = sorted(keys, key=lambda key: (-links[key].score, key))
        if found.label == "disagree":
            key = next(
                (k for k in keys if other(by_id, k, claim_id).sentence == found.sentence), keys[0]
            )
            decided[key] = Relation(
                "contradicts",
                links[key].score,
                f"{found.describe(source)}, where source {claim.source_id} states it",
                {**links[key].evidence, "tension": "denial", "document_stance": "disagree"},
            )
            denied.add(key)
            for rest in keys:
                if rest not in denied and links[rest].relation == "corroborates":
                    decided[rest] = related(links[rest], found, source)
        elif found.label == "discuss" and found.unconfirmed >= DISCUSS_SHARE * found.about > 0:
            for key in keys:
                if key not in denied and links[key].relation == "corroborates":
                    decided[key] = related(links[key], found, source)
    return decided


def other(by_id: Mapping[int, ClaimFacts], key: LinkKey, claim_id: int) -> ClaimFacts:
    return by_id[key[1] if key[0] == claim_id else key[0]]


def related(base: Relation, found: DocumentStance, source: int) -> Relation:
    return Relation(
        "related",
        round(base.score * 0.6, 3),
        f"{base.reason}, but {found.describe(source)}",
        {**base.evidence, "document_stance": found.label},
    )
