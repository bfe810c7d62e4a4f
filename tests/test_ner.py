"""The trained entity taggers as the source of mentions, on real headlines and news sentences
(tests/data/ner_fixtures.md says where each comes from)."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from factcheck.entities.mentions import find_mentions, find_source_mentions
from factcheck.entities.mentions.features import tokenize
from factcheck.entities.mentions.tagger import has_model, tag_entities
from factcheck.extract import PassageSpan, extract_claims


def _people(text: str, lang: str) -> list[str]:
    return [m.text for m in find_mentions(text, lang) if m.type == "person"]


@pytest.mark.parametrize("lang", ["en", "zh", "bn"])
def test_every_language_ships_a_model_with_its_provenance(lang):
    assert has_model(lang)
    readme = (
        resources.files("factcheck.entities.mentions")
        .joinpath("models/README.md")
        .read_text("utf-8")
    )
    assert f"{lang}.crfsuite" in readme


def test_title_and_place_before_a_name_stay_out_of_it():
    text = "Chinese Ambassador to Bangladesh Yao Wen said the two countries would cooperate."
    ms = find_mentions(text, "en")
    assert [m.text for m in ms if m.type == "person"] == ["Yao Wen"]
    assert "Bangladesh" in [m.text for m in ms if m.type == "place"]
    assert not any("Bangladesh Yao" in m.text for m in ms)


def test_headline_capitals_do_not_join_two_people():
    # The rules once made "Barack Obama Congratulate Putin" one person. "Putin" is in none of
    # the labelled or gazetteer data: its word cluster (shared with Obama, Trump, Clinton in
    # unlabelled news) is what makes it a name.
    assert _people("Did Barack Obama Congratulate Putin", "en") == ["Barack Obama", "Putin"]


def test_words_share_clusters_learned_from_unlabelled_text():
    from factcheck.entities.mentions.features import en_features, zh_features

    def clusters(features: list[str]) -> set[str]:
        return {f for f in features if f.startswith(("k0=", "k1=", "k2="))}

    putin, obama, said = (clusters(en_features([w])[0]) for w in ("Putin", "Obama", "said"))
    assert putin & obama and not putin & said
    assert clusters(zh_features(["京"])[0])  # characters have clusters too


def test_offsets_are_exact_in_mixed_text():
    text = (
        "Interior Minister Mohsin Naqvi met Wang Xiaohong in Beijing.\n"
        "巴基斯坦内政部长纳克维在北京会见了王小洪。\n"
        "অর্থমন্ত্রী আবুল মাল আবদুল মুহিতের কাছে এই প্রশ্নের সুনির্দিষ্ট উত্তর মেলেনি।\n"
    )
    lines = text.splitlines(keepends=True)
    passages, at = [], 0
    for line, lang in zip(lines, ["en", "zh", "bn"], strict=True):
        passages.append((at, at + len(line) - 1, lang))
        at += len(line)
    ms = find_source_mentions(text, passages)
    assert all(text[m.start : m.end] == m.text for m in ms)
    people = {m.match_form for m in ms if m.type == "person"}
    assert {"Mohsin Naqvi", "Wang Xiaohong", "纳克维", "王小洪", "আবুল মাল আবদুল মুহিত"} <= people
    assert {"Beijing", "北京"} <= {m.text for m in ms if m.type == "place"}


def test_tokens_keep_their_offsets():
    text = "U.S. President Joe Biden's 1,200-word speech."
    tokens = [m.group() for m in tokenize(text, "en")]
    assert tokens == [
        "U.S.",
        "President",
        "Joe",
        "Biden",
        "'s",
        "1,200",
        "-",
        "word",
        "speech",
        ".",
    ]
    bn = "নাকভি চীনা মন্ত্রীকে পাকিস্তান সফরের আমন্ত্রণ জানান।"
    assert [m.group() for m in tokenize(bn, "bn")][-2:] == ["জানান", "।"]
    assert all(bn[m.start() : m.end()] == m.group() for m in tokenize(bn, "bn"))


def test_bengali_news_names_and_parties():
    text = (
        "জাতীয় প্রেসক্লাবে সংবাদ সম্মেলনে বিএফইউজের সরকারপন্থি অংশের সভাপতি মনজুরুল আহসান "
        "বুলবুল লিখিত বক্তব্যে তিন দফা আহ্বান জানান।"
    )
    entities = tag_entities(text, "bn")
    assert ("মনজুরুল আহসান বুলবুল", "person") in [(text[e.start : e.end], e.type) for e in entities]
    assert not any(text[e.start : e.end] in {"সভাপতি", "জানান"} for e in entities)


def _speakers(text: str, lang: str) -> list[str | None]:
    spans, at = [], 0
    for line in text.splitlines(keepends=True):
        spans.append(PassageSpan(at, at + len(line.rstrip("\n")), lang))
        at += len(line)
    claims = extract_claims(text, spans, dt.date(2025, 1, 1))
    return [c.source for c in claims]


def test_bengali_speakers_are_people_not_pronouns_or_verbs():
    text = (
        "অর্থমন্ত্রী আবুল মাল আবদুল মুহিতের কাছে এই প্রশ্নের সুনির্দিষ্ট উত্তর মেলেনি।\n"
        "তিনি বলেন, বিধিমালা পরিবর্তন করে গ্রামীণ ব্যাংকের পরিচালনা পর্ষদ নির্বাচনের দায়িত্ব "
        "বাংলাদেশ ব্যাংকের পরিবর্তে অন্য কাউকে দেওয়া হবে।\n"
        "এই ইউনিটের অধীনে সাইবার হামলা প্রতিরোধে ও নিরাপত্তা চ্যালেঞ্জ মোকাবেলায় চীনা-ভিত্তিক "
        "এআই প্রযুক্তির সহায়তা নেওয়া হবে বলেও জানিয়েছেন দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি।\n"
        "নাকভি চীনা মন্ত্রীকে পাকিস্তান সফরের আমন্ত্রণ জানান।\n"
    )
    speakers = [s for s in _speakers(text, "bn") if s]
    assert not {"তিনি", "বলেও", "আমন্ত্রণ"} & set(speakers)
    assert "মহসিন নাকভি" in speakers


def test_bengali_title_confirms_the_name_not_the_words_after_it():
    text = (
        "প্রধানমন্ত্রী শেখ হাসিনাসহ নির্বাচনপূর্ব অন্তর্বর্তী সরকারের বেশ কয়েকজন মন্ত্রীই "
        "বলেছিলেন, ৫ জানুয়ারির নির্বাচন সংবিধান রক্ষা ও গণতান্ত্রিক ধারাবাহিকতা রক্ষার নির্বাচন।"
    )
    people = [
        (m.text, m.match_form, m.role) for m in find_mentions(text, "bn") if m.type == "person"
    ]
    assert people == [("শেখ হাসিনাসহ", "শেখ হাসিনা", "প্রধানমন্ত্রী")]


def test_bengali_name_ends_at_a_word_with_a_closing_ending():
    text = (
        "এর আগে তিনি তাঁর বাড়ির ফটকে উপস্থিত সাংবাদিক, পুলিশ ও অন্যদের সামনে প্রধানমন্ত্রী শেখ "
        "হাসিনাকে সিকিমের সাবেক নেতা লেন্দুপ দর্জির সঙ্গে তুলনা করেছিলেন।\n"
        "একই মামলায় মুসলিম ব্রাদারহুডের প্রধান মোহামেদ বাদাইসহ আরো একশর বেশি সদস্যকে "
        "মৃত্যুদণ্ড দেয়া হয়।"
    )
    people = {m.text: m.match_form for m in find_mentions(text, "bn") if m.type == "person"}
    assert people.get("শেখ হাসিনাকে") == "শেখ হাসিনা"
    assert people.get("মোহামেদ বাদাইসহ") == "মোহামেদ বাদাই"
    assert not any("সিকিম" in p or "আরো" in p for p in people)
