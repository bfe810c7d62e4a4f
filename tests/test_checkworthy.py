"""Check-worthiness on the seeds' sentences and on the hand-labelled tsv files in tests/data."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from factcheck.extract.checkworthy import Checkworthiness, assess, assess_many
from factcheck.extract.checkworthy.features import hand_terms
from factcheck.extract.checkworthy.model import probability, score

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEEDS = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))

NOT_CHECKWORTHY = [
    "How might the deployment of Chinese AI-powered surveillance technologies in Pakistan impact "
    "civil liberties and privacy rights?",
    "How will these initiatives affect China’s international reputation?",
    "Will it be seen as an ally working for international safety, or merely as a state imposing "
    "its policies through police engagement?",
    "May this initiative mark the beginning of a new era in Pakistan’s policing history—one "
    "defined by professionalism, technology, and unwavering commitment to public service.",
    "This collaboration between Islamabad Police and the Beijing Police Department is a classic "
    "example of a win-win proposition.",
]
CHECKWORTHY = [
    (
        "As part of a pilot project, police in Lanzhou, capital of Gansu province, monitored 494 "
        "cameras placed around a residential compound in a central “command room”.",
        "en",
    ),
    (
        "Dedicated Security Force: Pakistan has established a dedicated security force – the "
        "Special Security Division (SSD) – comprised of approximately 14,000 personnel, to protect "
        "CPEC projects and Chinese nationals working in Pakistan.",
        "en",
    ),
    (
        "A high-level delegation from the Beijing Police Department, led by Deputy Director "
        "General Gao Jianzan, recently visited Pakistan and met with Interior Minister Mohsin "
        "Naqvi.",
        "en",
    ),
    (
        "近日,由北京市公安局高建赞副局长率领的北京市公安局高级别代表团访问了巴基斯坦,"
        "并会见了巴基斯坦内政部长纳克维。",
        "zh",
    ),
    (
        "বুধবার (৭ জানুয়ারি) বেইজিংয়ে চীনের জননিরাপত্তা মন্ত্রী ওয়াং জিয়াওহং-এর সাথে বৈঠকের পর "
        "নকভি এই মন্তব্য করেন।",
        "bn",
    ),
]


def read_labelled(name: str) -> list[tuple[str, bool, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sentence, label, note = line.split("\t")
        rows.append((sentence, label == "1", note))
    return rows


def f1(results: list[Checkworthiness], labels: list[bool]) -> float:
    tp = sum(r.is_checkworthy and y for r, y in zip(results, labels, strict=True))
    fp = sum(r.is_checkworthy and not y for r, y in zip(results, labels, strict=True))
    fn = sum(not r.is_checkworthy and y for r, y in zip(results, labels, strict=True))
    return 2 * tp / (2 * tp + fp + fn)


def test_the_brief_sentences_are_quoted_from_the_seeds():
    for sentence in NOT_CHECKWORTHY + [s for s, _ in CHECKWORTHY]:
        assert sentence in SEEDS


@pytest.mark.parametrize("sentence", NOT_CHECKWORTHY)
def test_rhetoric_questions_and_wishes_are_not_checkworthy(sentence):
    result = assess(sentence, "en")
    assert not result.is_checkworthy, result
    assert result.score < 0.5


@pytest.mark.parametrize(("sentence", "lang"), CHECKWORTHY)
def test_specific_facts_are_checkworthy(sentence, lang):
    result = assess(sentence, lang)
    assert result.is_checkworthy, result
    assert result.score >= 0.5


def test_reasons_name_the_signals_in_words():
    lanzhou = assess(CHECKWORTHY[0][0], "en")
    assert "has a number: 494" in lanzhou.reasons
    assert lanzhou.reasons[0].startswith("model: ")
    delegation = assess(CHECKWORTHY[2][0], "en")
    assert any(r.startswith("names a person with a title: ") for r in delegation.reasons)
    question = assess(NOT_CHECKWORTHY[1], "en")
    assert "is a question" in question.reasons
    assert "evaluative wording: 'classic example'" in assess(NOT_CHECKWORTHY[4], "en").reasons
    assert any("wish" in r for r in assess(NOT_CHECKWORTHY[3], "en").reasons)


@pytest.mark.parametrize(
    ("name", "lang", "floor"),
    [
        # Floors are the F1 measured when this was written, less 0.05: a regression fails.
        ("checkworthy_en_seeds.tsv", "en", 0.50),
        ("checkworthy_zh.tsv", "zh", 0.65),
        ("checkworthy_bn.tsv", "bn", 0.71),
    ],
)
def test_labelled_sentences_reach_the_measured_floor(name, lang, floor):
    rows = read_labelled(name)
    assert len(rows) >= 100
    results = assess_many([(sentence, lang) for sentence, _, _ in rows])
    for result in results:
        assert 0.0 <= result.score <= 1.0
        assert result.reasons and all(result.reasons)
        assert result.is_checkworthy == (result.score >= 0.5)
    assert f1(results, [label for _, label, _ in rows]) >= floor


def test_hand_features_stand_in_for_a_tagger():
    fact = hand_terms("Senator Obama voted against the bill in March 2007, cutting $3 billion.")
    for term in ("_has_number", "_year", "_has_money", "_big_number", "_past_ed", "_law_vote"):
        assert term in fact, term
    assert {"_capitalised", "_capitalised_2", "_numbers_2", "_length_3"} <= set(fact)
    talk = hand_terms("Well, I think you should know what we will do!")
    for term in ("_i", "_you", "_we", "_modal", "_opinion_verb", "_interjection_start", "_exclaim"):
        assert term in talk, term
    assert "_capitalised" not in talk  # the capital at the start of a sentence is no name
    assert "_length_5" in hand_terms("word " * 40)
    assert "_length_1" in hand_terms("Thank you.")


def test_model_reasons_are_words_not_feature_names():
    opinion = score("I think we ought to be proud of what we've done.")
    assert opinion.probability < opinion.threshold
    assert "opinion verb" in opinion.top_terms
    jobs = score("We're 9 million jobs short of that.")
    assert jobs.probability > jobs.threshold
    assert all(not term.strip("'").startswith("_") for term in jobs.top_terms)
    assert "0" not in " ".join(jobs.top_terms)  # folded digits are shown as #


def test_pure_python_model_reproduces_sklearn():
    lines = (DATA / "checkworthy_en_model_probs.tsv").read_text(encoding="utf-8").splitlines()
    probes = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(probes) >= 10
    for sentence, expected in probes:
        assert math.isclose(probability(sentence), float(expected), abs_tol=1e-6), sentence


def test_assess_many_matches_assess_and_languages_are_normalised():
    items = [(CHECKWORTHY[3][0], "zh-Hans"), (NOT_CHECKWORTHY[1], "en_US"), ("", "bn")]
    batch = assess_many(items)
    assert batch[0] == assess(CHECKWORTHY[3][0], "zh")
    assert batch[1] == assess(NOT_CHECKWORTHY[1], "en")
    assert batch[2].reasons == ("empty sentence",) and not batch[2].is_checkworthy


def test_other_languages_fall_back_to_script_independent_rules():
    fact = assess("La police a installé 494 caméras en 2024.", "fr")
    assert fact.is_checkworthy and "has a number: 494" in fact.reasons
    question = assess("Est-ce une bonne idée ?", "fr")
    assert not question.is_checkworthy and "is a question" in question.reasons
