"""extract_claims: passages of one source -> claims with spans, values, modality and kind.

Value finders run once per passage (regex passes at C speed); the per-sentence work is a few
anchored searches. Sentences are split into sub-claims where they assert several facts.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Sequence

from factcheck.entities.mentions import Mention, find_source_mentions
from factcheck.entities.names.places import place_code
from factcheck.extract.checkworthy import Checkworthiness, assess_many, news
from factcheck.extract.date_values import resolve_date
from factcheck.extract.kinds import classify_kind
from factcheck.extract.modality import classify_modality, has_cue
from factcheck.extract.models import ClaimValue, ExtractedClaim, Finding, PassageSpan
from factcheck.extract.numbers import find_numeric_values
from factcheck.extract.quotes import find_quotes, find_source
from factcheck.extract.subclaims import SubClaim, find_roles, split_events
from factcheck.lang import language_for
from factcheck.text.dates import find_dates
from factcheck.text.scripts import guess_script_lang
from factcheck.text.sentences import split_sentences

NOT_CHECKWORTHY_MODALITIES = {
    "question": "a question asks, it does not claim",
    "opinion": "an opinion or wish, not a checkable fact",
}
SUPPORTED_LANGS = ("en", "zh", "bn")


@dataclasses.dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    lang: str
    previous: int = -1  # the start of the sentence before it in its passage (-1: none)


def extract_claims(
    text: str,
    passages: Sequence[PassageSpan],
    published: dt.date | None,
    mentions: Sequence[Mention] | None = None,
    calibrated: bool = True,
) -> list[ExtractedClaim]:
    """Claims of one source, in text order; non-check-worthy sentences are kept, flagged.

    `mentions` are the source's entity mentions if the caller has found them already; otherwise
    they are found here, over the whole source so that short references resolve. With
    `calibrated` False a claim keeps the sentence's rule/model score without the news model
    (checkworthy/news.py): the baseline benchmarks measure it against."""
    if mentions is None:
        mentions = find_source_mentions(text, [(p.start, p.end, p.lang) for p in passages])
    sentences = [
        _Sentence(s, e, _sentence_lang(text, s, e, passage.lang), bounds[n - 1][0] if n else -1)
        for passage in passages
        for bounds in [split_sentences(text, passage.start, passage.end)]
        for n, (s, e) in enumerate(bounds)
    ]
    spans = [(s.start, s.end) for s in sentences]
    quotes = find_quotes(text, spans, {s.start: s.lang for s in sentences}, mentions)
    checks = assess_many([(text[s.start : s.end], s.lang) for s in sentences])
    claims: list[ExtractedClaim] = []
    for passage in passages:
        numeric = find_numeric_values(text, passage.start, passage.end)
        dates = find_dates(text, passage.start, passage.end)
        numeric, dates = _drop_overlaps(numeric, dates)
        first = bisect.bisect_left(spans, (passage.start, passage.start))
        last = bisect.bisect_right(spans, (passage.end, passage.end))
        for sentence, check in zip(sentences[first:last], checks[first:last], strict=True):
            claims.extend(
                _sentence_claims(
                    text,
                    sentence,
                    check,
                    numeric,
                    dates,
                    quotes,
                    published,
                    mentions,
                    calibrated,
                )
            )
    return claims


def _sentence_lang(text: str, start: int, end: int, passage_lang: str) -> str:
    if passage_lang == "en" and text[start:end].isascii():
        return "en"
    guessed = guess_script_lang(text[start:end], passage_lang)
    return guessed if passage_lang in SUPPORTED_LANGS or guessed != "en" else passage_lang


def _drop_overlaps(numeric: list[ClaimValue], dates: list) -> tuple[list[ClaimValue], list]:
    """Where a number and a date share words the longer phrase wins ("每周一次" over "周一")."""
    kept_numeric = []
    for value in numeric:
        clash = [d for d in dates if d.start < value.end and value.start < d.end]
        if clash and max(d.end - d.start for d in clash) >= value.end - value.start:
            continue
        kept_numeric.append(value)
    kept_dates = [
        d for d in dates if not any(v.start < d.end and d.start < v.end for v in kept_numeric)
    ]
    return kept_numeric, kept_dates


def _within(values: Sequence, start: int, end: int) -> list:
    return [v for v in values if v.start >= start and v.end <= end]


def _sentence_claims(
    text: str,
    sentence: _Sentence,
    sentence_check: Checkworthiness,
    numeric: list[ClaimValue],
    dates: list,
    quotes: list[ClaimValue],
    published: dt.date | None,
    mentions: Sequence[Mention],
    calibrated: bool = True,
) -> list[ExtractedClaim]:
    start, end, lang = sentence.start, sentence.end, sentence.lang
    modality, modality_reason = classify_modality(text, start, end, lang)
    values: list[ClaimValue] = []
    findings: list[Finding] = []
    sentence_dates = _within(dates, start, end)
    forward = bool(sentence_dates) and (
        modality == "planned" or has_cue(text, start, end, lang, "planned")
    )
    for mention in sentence_dates:
        value, found = resolve_date(mention, published, forward=forward)
        values.append(value)
        findings.extend(found)
    values.extend(_within(numeric, start, end))
    values.extend(_within(quotes, start, end))
    values.sort(key=lambda v: v.start)
    source = (
        find_source(text, start, end, lang, mentions, previous=sentence.previous)
        if modality == "reported"
        else None
    )
    if source is None:
        source = next((v.speaker for v in values if v.kind == "quote" and v.speaker), None)

    events = split_events(text, start, end, lang)
    roles = find_roles(text, start, end, lang)
    parts: list[tuple[int, int, SubClaim | None]] = (
        [(e.start, e.end, e) for e in events] if len(events) > 1 else [(start, end, None)]
    )
    parts += [(r.start, r.end, r) for r in roles]

    claims = []
    for part_start, part_end, sub in parts:
        part_values = values if sub is None else _within(values, part_start, part_end)
        part_mentions = _within(mentions, part_start, part_end)
        if sub is not None and sub.kind == "role":
            kind, kind_reason = "role", f"role: {sub.subject} is {sub.object}"
        else:
            kind, kind_reason = classify_kind(
                text, part_start, part_end, lang, part_values, modality
            )
            if sub is not None:
                kind_reason = f"event: one of {len(events)} coordinated events"
                kind = "event"
        claim = ExtractedClaim(
            start=part_start,
            end=part_end,
            text=text[part_start:part_end],
            sentence_start=start,
            sentence_end=end,
            lang=lang,
            kind=kind,
            modality=modality,
            values=part_values,
            mentions=part_mentions,
            checkworthiness=_checkworthiness(sentence_check, modality, part_values, part_mentions),
            findings=_within(findings, part_start, part_end),
            subject=sub.subject if sub else None,
            predicate=sub.predicate if sub else None,
            object=sub.object if sub else None,
            source=source,
            reasons=(kind_reason, modality_reason, *_language_reasons(lang)),
        )
        claims.append(news_calibrated(claim) if calibrated else claim)
    return claims


def news_features(claim: ExtractedClaim) -> dict[str, float]:
    """The news model's features of a claim scored by the rules alone (calibrate_checkworthy.py
    fits on exactly these)."""
    _, local_places = _participants(claim.mentions)
    return news.features(
        claim.checkworthiness.score,
        claim.text,
        claim.lang,
        claim.kind,
        claim.modality,
        claim.values,
        claim.mentions,
        claim.source,
        local_places,
    )


def news_calibrated(claim: ExtractedClaim) -> ExtractedClaim:
    """The claim with the news model's score where its language has one. Questions and opinions
    stay not check-worthy whatever the model says."""
    if claim.modality in NOT_CHECKWORTHY_MODALITIES:
        return claim
    scored = news.score(news_features(claim), claim.lang)
    if scored is None:
        return claim
    probability, reasons = scored
    base = claim.checkworthiness
    check = Checkworthiness(
        probability, probability >= 0.5, (news.describe(probability, reasons), *base.reasons)
    )
    return dataclasses.replace(claim, checkworthiness=check)


def _language_reasons(lang: str) -> tuple[str, ...]:
    """A claim in a language without rules of its own says so (the fallback rules scored it)."""
    reason = language_for(lang).fallback_reason
    return (reason,) if reason else ()


def _checkworthiness(
    base: Checkworthiness,
    modality: str,
    values: Sequence[ClaimValue],
    mentions: Sequence[Mention],
) -> Checkworthiness:
    reasons = list(base.reasons)
    for value in values:
        if value.kind in ("quantity", "percent", "money", "date", "duration"):
            reasons.append(f"has a {value.kind}: {value.text}")
    if modality in NOT_CHECKWORTHY_MODALITIES:
        reasons.append(NOT_CHECKWORTHY_MODALITIES[modality])
        return Checkworthiness(min(base.score, 0.1), False, tuple(reasons))
    participants, _ = _participants(mentions)
    if not base.is_checkworthy and len(participants) >= MIN_PARTICIPANTS and base.score >= 0.25:
        # Who did what where, with the who and where named: checkable even when the wording
        # alone did not convince the model.
        reasons.append(f"names who and where: {', '.join(participants)}")
        return Checkworthiness(max(base.score, 0.55), True, tuple(reasons))
    return dataclasses.replace(base, reasons=tuple(reasons))


# Named participants (people, organisations, cities or provinces) that make a statement checkable.
MIN_PARTICIPANTS = 2


def _participants(mentions: Sequence[Mention]) -> tuple[list[str], int]:
    """Distinct people, organisations and sub-national places (a country alone is too broad),
    and how many of the mentions are sub-national places."""
    names: list[str] = []
    local_places = 0
    for mention in mentions:
        if mention.type == "place":
            code = place_code(mention.match_form, mention.lang)
            if not code or "-" not in code:
                continue
            local_places += 1
        if mention.match_form not in names:
            names.append(mention.match_form)
    return names, local_places
