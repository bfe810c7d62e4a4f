import csv
from pathlib import Path

import pytest

from factcheck.entities.names import NameForm, compare, phonetic_key, place_code, romanize

SEEDS_CSV = Path(__file__).parent / "data" / "names_seeds.csv"
SEEDS = list(csv.DictReader(SEEDS_CSV.read_text("utf-8").splitlines()))


@pytest.mark.parametrize("row", SEEDS, ids=lambda r: f"{r['name1']}|{r['name2']}|{r['type']}")
def test_seed_pairs(row):
    a = NameForm(row["name1"], row["lang1"], row["type"])
    b = NameForm(row["name2"], row["lang2"], row["type"])
    match = compare(a, b)
    assert match.is_match == (row["is_match"] == "true"), match
    assert compare(b, a).is_match == match.is_match
    assert match.rule and match.evidence


def test_romanize_scripts():
    assert romanize("高建赞", "zh") == "gaojianzan"
    assert romanize("莫辛·纳克维", "zh") == "moxin nakewei"
    assert romanize("মহসিন নাকভি", "bn") == "mohsin nakvi"
    assert romanize("বেইজিং", "bn") == "beijing"  # ং → ng, not anyascii's m
    assert romanize("ওয়াং", "bn") == "wang"  # decomposed য় composed first


def test_phonetic_key_folds():
    assert phonetic_key("Naqvi") == phonetic_key("nakewei") == "nkv"
    assert phonetic_key("Mohsin Naqvi") == "msn nkv"
    assert phonetic_key("Nanjing") != phonetic_key("Naqvi")


def test_place_code_variants():
    assert place_code("巴基斯坦", "zh") == place_code("পাকিস্তানের", "bn") == "PK"
    assert place_code("北京市", "zh") == place_code("Beijing", "en") == "CN-BJ"
    assert place_code("Hebei province", "en") == "CN-HE"
    assert place_code("Myanmar", "en") == place_code("Burma", "en") == "MM"
    assert place_code("Naqvi", "en") is None


def test_evidence_names_the_rule():
    m = compare(NameForm("Mohsin Naqvi", "en", "person"), NameForm("纳克维", "zh", "person"))
    assert m.rule == "short_form" and "nkv" in m.evidence
    m = compare(NameForm("Pakistan", "en", "place"), NameForm("巴基斯坦", "zh", "place"))
    assert m.rule == "gazetteer" and "PK" in m.evidence


def test_different_types_never_match():
    m = compare(NameForm("Pakistan", "en", "place"), NameForm("Pakistan", "en", "organization"))
    assert not m.is_match and m.rule == "type_mismatch"


def test_partial_name_is_the_start_of_the_full_one():
    full = NameForm("Alvira Khan Agnihotri", "en", "person")
    m = compare(full, NameForm("আলভিরা খান", "bn", "person"))
    assert m.is_match and m.rule == "leading_words" and "Agnihotri" in m.evidence
    regnal = NameForm("Yahya Petra of Kelantan", "en", "person")
    assert compare(regnal, NameForm("ইয়াহিয়া পেত্রা", "bn", "person")).is_match
    # a second word that differs, or an initial, is not the start of the same name
    other = NameForm("Alvira Rahman Agnihotri", "en", "person")
    assert not compare(other, NameForm("আলভিরা খান", "bn", "person")).is_match
    initial = NameForm("A. Khan Agnihotri", "en", "person")
    assert compare(initial, NameForm("আলভিরা খান", "bn", "person")).rule != "leading_words"
    assert not compare(full, NameForm("আলভিরা খান", "bn", "person"), partial_names=False).is_match


def test_a_latin_letter_bengali_does_not_write_may_come_from_nothing():
    from factcheck.entities.names.translit import TranslitModel, best_path

    # কসনার for "Costner": no Bengali letter writes the 't'
    runs = {
        "ক": {"c": -0.5, "co": -1.0},
        "স": {"s": -0.2},
        "ন": {"n": -0.2, "ne": -1.5},
        "া": {"": -0.5, "a": -0.7},
        "র": {"r": -0.2, "er": -1.0},
    }
    common = dict(
        script="bengali",
        runs=runs,
        backoff={},
        readings={},
        generic={},
        unit_logp={u: -3.0 for u in runs},
        cut=-3.0,
    )
    units, latin = tuple("কসনার"), "costner"
    skipping = TranslitModel(**common, insert={"t": -2.0})
    total, path = best_path(skipping, units, latin)
    assert [run for _u, run, _lp in path] == ["co", "s(t)", "n", "", "er"]
    assert abs(total - sum(lp for _u, _r, lp in path)) < 1e-9
    plain_total, plain_path = best_path(TranslitModel(**common), units, latin)
    assert "".join(run for _u, run, _lp in plain_path) == latin
    assert plain_total < total
