from pathlib import Path

import pytest

from factcheck.entities.mentions import find_mentions, link_short_references

SEEDS = Path(__file__).parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(prefix + "*.txt")).read_text("utf-8")


def _spans_ok(text, mentions):
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_english_titles_and_roles():
    text = _seed("000")
    ms = find_mentions(text, "en", 0, text.index("巴中两国"))
    _spans_ok(text, ms)
    people = {(m.match_form, m.role) for m in ms if m.type == "person"}
    assert ("Mohsin Naqvi", "Interior Minister") in people
    assert ("Gao Jianzan", "Deputy Director General") in people
    orgs = {m.text for m in ms if m.type == "organization"}
    assert {"Beijing Police Department", "Islamabad Police"} <= orgs
    places = {m.text for m in ms if m.type == "place"}
    assert {"Pakistan", "China", "Balochistan", "Khyber Pakhtunkhwa"} <= places
    assert not any(m.text in {"The", "This", "While"} for m in ms)


def test_english_apposition_and_lowercase_roles():
    text = _seed("004")
    ms = find_mentions(text, "en")
    liu = next(m for m in ms if m.text == "Liu Zhongyi")
    assert liu.role == "China's assistant minister for public security"
    text = _seed("002")
    ms = find_mentions(text, "en")
    roles = {m.text: m.role for m in ms if m.type == "person"}
    assert roles["Wang Xiaohong"] == "Chinese Minister of Public Security"
    assert roles["Qi Yanjun"] == "deputy"
    assert "Beijing" not in roles  # "police chief of Beijing municipality"
    links = link_short_references(ms)
    qi = next(i for i, m in enumerate(ms) if m.text == "Qi")
    assert ms[links[qi]].text == "Qi Yanjun"


def test_english_acronym_linked_to_expansion():
    text = "Pakistan set up the Special Security Division (SSD) to guard CPEC. The SSD grew."
    ms = find_mentions(text, "en")
    _spans_ok(text, ms)
    links = link_short_references(ms)
    ssd = [i for i, m in enumerate(ms) if m.text == "SSD"]
    assert len(ssd) == 2 and all(ms[links[i]].text == "Special Security Division" for i in ssd)


def test_chinese_names_roles_places_orgs():
    text = _seed("000")
    start = text.index("巴中两国")
    ms = find_mentions(text, "zh", start)
    _spans_ok(text, ms)
    people = {(m.text, m.role) for m in ms if m.type == "person"}
    assert ("高建赞", "副局长") in people
    assert ("纳克维", "内政部长") in people
    assert ("莫辛·纳克维", "内政部长") in people
    assert "北京市公安局" in {m.text for m in ms if m.type == "organization"}
    assert {"巴基斯坦", "伊斯兰堡", "俾路支省"} <= {m.text for m in ms if m.type == "place"}
    links = link_short_references(ms)
    short = next(i for i, m in enumerate(ms) if m.text == "纳克维")
    assert ms[links[short]].text == "莫辛·纳克维"


def test_bengali_titles_case_endings_and_later_references():
    text = _seed("003")
    ms = find_mentions(text, "bn")
    _spans_ok(text, ms)
    people = {m.match_form for m in ms if m.type == "person" and m.role}
    assert {"মহসিন নাকভি", "আসিফ আলী জারদারি", "শেহবাজ শরীফ"} <= people
    nk = next(m for m in ms if m.text == "নকভিকে")
    assert nk.match_form == "নকভি" and nk.type == "person"
    assert not any(m.text.startswith("জোরদার") for m in ms)  # shares জারদারি's consonants
    places = {m.match_form for m in ms if m.type == "place"}
    assert {"পাকিস্তান", "চীন", "বেইজিং"} <= places
    links = link_short_references(ms)
    short = next(i for i, m in enumerate(ms) if m.text == "নকভি")
    assert ms[links[short]].match_form == "মহসিন নাকভি"


def test_ambiguous_family_name_stays_unlinked():
    text = "Minister Wang Xiaohong met Foreign Minister Wang Yi. Wang said nothing."
    ms = find_mentions(text, "en")
    wang = next(i for i, m in enumerate(ms) if m.text == "Wang")
    assert wang not in link_short_references(ms)


@pytest.mark.parametrize("lang", ["en", "zh", "bn"])
def test_offsets_respect_span(lang):
    text = _seed("003") if lang == "bn" else _seed("000")
    ms = find_mentions(text, lang, 100, 2000)
    assert all(m.start >= 100 and m.end <= 2000 for m in ms)


def test_bengali_final_r_is_a_genitive_only_when_the_text_allows():
    from factcheck.lang.bn.mentions import match_form
    from factcheck.text.scripts import normalize_bengali

    # after a consonant a bare র is the name's own letter: the genitive there is ের
    assert match_form("আবু জাফর") == "আবু জাফর" and match_form("আলী আকবর") == "আলী আকবর"
    assert match_form("নরেন্দ্র মোদির") == "নরেন্দ্র মোদি"
    text = (
        "১৯৭১ সালের ১৪ ডিসেম্বর সাংবাদিক শহীদুল্লা কায়সারকে তাঁর বাসা থেকে তুলে নেওয়া হয়। "
        "শহীদুল্লা কায়সার ছিলেন সংবাদের যুগ্ম সম্পাদক। "
        "প্রধানমন্ত্রী শেখ হাসিনার বক্তব্যে শহীদুল্লা কায়সারের নাম আসে।"
    )
    people = {m.text: m.match_form for m in find_mentions(text, "bn") if m.type == "person"}
    # কায়সারকে elsewhere shows the র of কায়সার is his own; হাসিনার stays a genitive
    kaiser = normalize_bengali("কায়সার")
    forms = [form for surface, form in people.items() if kaiser in normalize_bengali(surface)]
    assert len(forms) >= 2 and all(form.endswith(kaiser) for form in forms)
    assert people["শেখ হাসিনার"] == "শেখ হাসিনা"
