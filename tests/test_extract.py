"""extract_claims on the real seed articles."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from factcheck.extract import ClaimValue, ExtractedClaim, PassageSpan, extract_claims

SEEDS = Path(__file__).parent.parent / "seeds"
PUBLISHED = {"000": dt.date(2025, 7, 23), "003": dt.date(2026, 1, 7), "004": dt.date(2025, 2, 23)}


def passages(text: str) -> list[PassageSpan]:
    spans, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            if re.search("[\u0980-\u09ff]", line):
                lang = "bn"
            elif re.search("[\u4e00-\u9fff]", line):
                lang = "zh"
            else:
                lang = "en"
            spans.append(PassageSpan(position, position + len(line), lang))
        position += len(line) + 1
    return spans


@cache
def seed(number: str) -> tuple[str, tuple[ExtractedClaim, ...]]:
    path = next(SEEDS.glob(f"{number}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, tuple(extract_claims(text, passages(text), PUBLISHED.get(number)))


def claim_containing(number: str, words: str) -> ExtractedClaim:
    _, claims = seed(number)
    return next(c for c in claims if words in c.text)


def values_of(claim: ExtractedClaim, kind: str) -> list[ClaimValue]:
    return [v for v in claim.values if v.kind == kind]


def test_every_claim_span_is_exact() -> None:
    for number in ("000", "001", "002", "003", "004"):
        text, claims = seed(number)
        assert claims
        for claim in claims:
            assert text[claim.start : claim.end] == claim.text
            assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
            for value in claim.values:
                assert text[value.start : value.end] == value.text


def test_lanzhou_cameras() -> None:
    (value,) = values_of(claim_containing("002", "Lanzhou"), "quantity")
    assert (value.value, value.unit, value.text) == (494, "cameras", "494 cameras")


def test_ssd_personnel_is_approximate() -> None:
    (value,) = values_of(claim_containing("001", "Special Security Division"), "quantity")
    assert (value.value, value.unit, value.is_approximate) == (14000, "personnel", True)


def test_seed_004_officers_and_date() -> None:
    (officers,) = values_of(claim_containing("004", "took part in the training"), "quantity")
    assert (officers.value, officers.unit) == (30, "local officers")
    (date,) = values_of(claim_containing("004", "February 20, 2025"), "date")
    assert date.normalized == "2025-02-20"


def test_bengali_weekday_date_resolves_without_finding() -> None:
    claim = claim_containing("003", "বুধবার (৭ জানুয়ারি)")
    (date,) = values_of(claim, "date")
    assert (date.text, date.normalized) == ("বুধবার (৭ জানুয়ারি)", "2026-01-07")
    assert claim.findings == []


def test_wrong_weekday_is_a_finding() -> None:
    text = "মঙ্গলবার (৭ জানুয়ারি) বেইজিংয়ে বৈঠক হয়।"
    (claim,) = extract_claims(text, [PassageSpan(0, len(text), "bn")], dt.date(2026, 1, 7))
    (finding,) = claim.findings
    assert finding.kind == "weekday_mismatch"
    assert text[finding.start : finding.end] == "মঙ্গলবার (৭ জানুয়ারি)"
    assert "Tuesday" in finding.detail and "Wednesday" in finding.detail


def test_every_three_months() -> None:
    (duration,) = values_of(claim_containing("003", "প্রতি তিন মাস পর পর"), "duration")
    assert (duration.normalized, duration.unit) == ("P3M", "recurring")


def test_qi_yanjun_quote() -> None:
    claim = claim_containing("002", "Beijing should")
    (quote,) = values_of(claim, "quote")
    assert quote.speaker == "Qi Yanjun"
    assert claim.kind == "quote" and claim.modality == "reported"


def test_scare_quotes_get_no_speaker() -> None:
    claim = claim_containing("002", "Police departments across China have pledged")
    assert values_of(claim, "quote") == []


def test_rhetorical_questions_are_not_checkworthy() -> None:
    for number, words in [
        ("001", "How might the deployment"),
        ("004", "How will these initiatives"),
        ("004", "Will it be seen as an ally"),
    ]:
        claim = claim_containing(number, words)
        assert claim.modality == "question"
        assert not claim.checkworthiness.is_checkworthy


def test_opinions_are_not_checkworthy() -> None:
    wish = claim_containing("000", "May this initiative mark")
    assert wish.modality == "opinion" and not wish.checkworthiness.is_checkworthy
    win_win = claim_containing("000", "a classic example of a win-win proposition")
    assert not win_win.checkworthiness.is_checkworthy


def test_gao_jianzan_sentence_decomposes() -> None:
    text, claims = seed("000")
    sentence_start = text.index("A high-level delegation")
    parts = [c for c in claims if c.sentence_start == sentence_start]
    by_text = {c.text: c for c in parts}
    assert set(by_text) == {
        "A high-level delegation from the Beijing Police Department, led by Deputy Director "
        "General Gao Jianzan, recently visited Pakistan",
        "met with Interior Minister Mohsin Naqvi",
        "Deputy Director General Gao Jianzan",
        "Interior Minister Mohsin Naqvi",
    }
    visit = by_text["met with Interior Minister Mohsin Naqvi"]
    assert (visit.kind, visit.predicate) == ("event", "met with")
    gao = by_text["Deputy Director General Gao Jianzan"]
    assert (gao.kind, gao.subject, gao.predicate, gao.object) == (
        "role",
        "Gao Jianzan",
        "role",
        "Deputy Director General",
    )
    naqvi = by_text["Interior Minister Mohsin Naqvi"]
    assert (naqvi.subject, naqvi.object) == ("Mohsin Naqvi", "Interior Minister")


def test_roles_in_chinese_and_bengali() -> None:
    _, claims = seed("000")
    roles = {(c.subject, c.object) for c in claims if c.kind == "role"}
    assert ("纳克维", "巴基斯坦内政部长") in roles
    assert ("高建赞", "北京市公安局副局长") in roles
    _, claims = seed("003")
    roles = {(c.subject, c.object) for c in claims if c.kind == "role"}
    assert ("মহসিন নাকভি", "দেশটির স্বরাষ্ট্রমন্ত্রী") in roles
    assert ("ওয়াং জিয়াওহং", "চীনের জননিরাপত্তা মন্ত্রী") in roles


def test_roles_from_appositions() -> None:
    _, claims = seed("004")
    roles = {(c.subject, c.object) for c in claims if c.kind == "role"}
    assert ("Liu Zhongyi", "China's assistant minister for public security") in roles
    _, claims = seed("002")
    roles = {(c.subject, c.object) for c in claims if c.kind == "role"}
    assert ("Wang Xiaohong", "Chinese Minister of Public Security") in roles


def test_relative_dates_stay_relative_without_a_publication_date() -> None:
    (date,) = values_of(claim_containing("002", "They pledged on Saturday"), "date")
    assert date.is_relative and date.normalized is None


def test_planned_modality_in_bengali() -> None:
    claim = claim_containing("003", "প্রতি তিন মাস পর পর")
    assert claim.modality == "planned"
