"""The public name matcher: compare_names, `factcheck names compare`, alias forms and titles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import compare_names, compare_pairs
from factcheck.cli import cli
from factcheck.entities.clustering import MentionRef, cluster_mentions
from factcheck.entities.findings import roles_compatible
from factcheck.entities.mentions import Mention
from factcheck.entities.names.forms import is_title_only, person_name, split_title, title_qualifiers
from factcheck.entities.names.pairs import PairsFileError
from factcheck.entities.names.translit import to_simplified

SAME = [
    ("PUTIN, Vladimir", "Vladimir Putin"),
    ("Vladimir Vladimirovich Putin", "Vladimir Putin"),
    ("V. Putin", "Vladimir Putin"),
    ("贝拉克·侯赛因·奥巴马", "Barack Obama"),
    ("奧巴馬", "Barack Obama"),  # Traditional
    ("默克尔", "Angela Merkel"),
    ("M. A. Aziz", "এম. এ. আজিজ"),  # Bengali spells initials out
    ("Md. Rahamat Ali", "রহমত আলী"),
    ("Tridib Kumar Chattopadhyay", "ত্রিদিবকুমার চট্টোপাধ্যায়"),
    ("Samar Banerjee", "সমর বন্দ্যোপাধ্যায়"),  # an anglicised family name
    ("Syed Mushtaq Ali", "মুশতাক আলী"),
    ("Donald Trump", "唐纳德·特朗普"),  # one weak word, the whole name pooled
    ("মোদি", "Narendra Modi"),
    ("নরেন্দ্র মোদি", "Narendra Modi"),
    ("Vice President Joe Biden", "Joe Biden"),
    ("OBAMA, Barack", "贝拉克·奥巴马"),
]
DIFFERENT = [
    ("Barack Obama", "Vladimir Putin"),
    ("Vladimir Putin", "Vladimir Zelensky"),
    ("普京", "Pushkin"),
    ("贝拉克·奥巴马", "Vladimir Putin"),
    ("M. A. Aziz", "A. M. Aziz"),
    ("নরেন্দ্র মোদি", "Narendra Singh"),
    ("জি এম কাদের", "আজিমা আক্তার"),  # one skeleton 'smktr', split into other words
    ("Wang", "Wang Xiaohong"),  # a common Chinese family name alone is millions of people
    ("President", "Joe Biden"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_the_same_person_in_real_alias_forms(a: str, b: str) -> None:
    result = compare_names(a, b)
    assert result.same, result
    assert result.score >= 0.8 and result.rule and result.evidence


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_people_stay_apart(a: str, b: str) -> None:
    result = compare_names(a, b)
    assert not result.same, result


def test_title_is_kept_as_an_attribute_not_a_name() -> None:
    assert split_title("Vice President Joe Biden") == ("Vice President", "Joe Biden")
    assert split_title("President") == (None, "President")
    assert split_title("普京总统") == ("总统", "普京")
    assert person_name("Vice President Joe Biden").words == ("Joe", "Biden")
    assert is_title_only("Vice President") and is_title_only("总统")
    assert not is_title_only("Joe Biden")
    result = compare_names("Vice President Joe Biden", "Joe Biden")
    assert result.title_a == "Vice President" and result.title_b is None


def test_two_different_titles_are_never_the_same_role() -> None:
    assert title_qualifiers("Vice President") == {"vice"}
    assert title_qualifiers("副总统") == {"vice"} and title_qualifiers("总统") == set()
    assert title_qualifiers("উপদেষ্টা") == set()  # adviser, not a "vice" office
    assert not roles_compatible({"president"}, {"president"}, "Vice President", "President")
    assert roles_compatible({"president"}, {"president"}, "President", "President")
    assert not roles_compatible({"president"}, {"president"}, "former President", "President")


def test_traditional_and_simplified_fold_together() -> None:
    assert to_simplified("弗拉基米爾") == "弗拉基米尔"


def test_pairs_api_and_bad_lines() -> None:
    results = compare_pairs(["# a comment\n", "默克尔\tAngela Merkel\n", "\n", "Obama\tPutin\n"])
    assert [r.same for r in results] == [True, False]
    with pytest.raises(PairsFileError, match="line 2"):
        compare_pairs(["A\tB\n", "only one name\n"])
    with pytest.raises(ValueError, match="type"):
        compare_names("A", "B", "planet")


def test_cli_table_json_and_csv() -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["names", "compare", "OBAMA, Barack", "贝拉克·奥巴马"])
    assert table.exit_code == 0, table.output
    assert "OBAMA, Barack" in table.output and "aligned_names" in table.output
    as_json = runner.invoke(cli, ["names", "compare", "--json", "মোদি", "Narendra Modi"])
    rows = json.loads(as_json.output)
    assert rows[0]["same"] is True and rows[0]["rule"] == "family_name"
    as_csv = runner.invoke(cli, ["names", "compare", "--csv", "Barack Obama", "Vladimir Putin"])
    row = next(csv.DictReader(io.StringIO(as_csv.output)))
    assert row["same"] == "False" and float(row["score"]) < 0.8


def test_cli_pairs_from_a_file_and_stdin(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("奥巴马\tBarack Obama\nBarack Obama\t贝拉克·奥巴马\n", encoding="utf-8")
    runner = CliRunner()
    from_file = runner.invoke(cli, ["names", "compare", "--json", "--pairs", str(pairs)])
    assert from_file.exit_code == 0, from_file.output
    assert [r["same"] for r in json.loads(from_file.output)] == [True, True]
    from_stdin = runner.invoke(
        cli, ["names", "compare", "--csv", "--pairs", "-"], input="Obama\tPutin\n"
    )
    assert from_stdin.exit_code == 0 and "Obama,Putin,False" in from_stdin.output


def test_cli_malformed_pairs_file_is_one_line_with_its_number(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.tsv"
    bad.write_text("A\tB\nno tab here\n", encoding="utf-8")
    result = runner.invoke(cli, ["names", "compare", "--pairs", str(bad)])
    assert result.exit_code == 1
    assert "line 2" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"A\tB\n\xff\xfe\tC\n")
    result = runner.invoke(cli, ["names", "compare", "--pairs", str(binary)])
    assert result.exit_code == 1 and "line 2: not UTF-8" in result.output
    result = runner.invoke(cli, ["names", "compare", "only-one"])
    assert result.exit_code == 2 and "two names" in result.output
    result = runner.invoke(cli, ["names", "compare", "--pairs", str(tmp_path / "missing.tsv")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    endless = tmp_path / "endless.tsv"  # /dev/zero was read into memory for ever
    endless.write_bytes(b"\0" * 100_000)
    result = runner.invoke(cli, ["names", "compare", "--pairs", str(endless)])
    assert result.exit_code == 1, result.output
    assert "pairs file line 1: longer than 65,536 bytes, not two names" in result.output
    empty = tmp_path / "empty.tsv"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    result = runner.invoke(cli, ["names", "compare", "--pairs", str(empty)])
    assert result.exit_code == 1, result.output  # not an empty table and success
    assert result.output.strip() == (
        "Error: pairs file has no pairs: give two names a line, separated by a tab"
    )


def _ref(key: int, text: str, source: int = 0) -> MentionRef:
    lang = {"ম": "bn", "ন": "bn"}.get(text[0], "en")
    return MentionRef(key, source, Mention(0, len(text), text, "person", lang, text))


def test_a_family_name_alone_joins_the_one_full_name_it_fits() -> None:
    refs = [_ref(1, "Narendra Modi", 0), _ref(2, "মোদি", 1)]
    clusters = cluster_mentions(refs)
    assert len(clusters) == 1
    assert clusters[0].evidence[0].rule == "family_name"
    # two people of that family name in the ledger: the bare name joins neither
    refs.append(_ref(3, "Sonia Modi", 2))
    clusters = cluster_mentions(refs)
    assert all(len(c.members) == 1 for c in clusters)


def test_a_role_claim_records_the_title_exactly() -> None:
    from factcheck.extract.subclaims import find_roles

    text = "President Biden said the former Vice President Dick Cheney was wrong."
    roles = {(r.subject, r.object) for r in find_roles(text, 0, len(text), "en")}
    assert ("Dick Cheney", "former Vice President") in roles


def test_titled_people_are_entities_under_their_names(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(
        "Published: 3 March 2025\n\nVice President Joe Biden met Prime Minister Shehbaz "
        "Sharif in Islamabad. Biden spoke to reporters.\n",
        encoding="utf-8",
    )
    ledger = tmp_path / "ledger.db"
    result = CliRunner().invoke(cli, ["--db", str(ledger), "run", str(source)])
    assert result.exit_code == 0, result.output
    import sqlite3

    conn = sqlite3.connect(ledger)
    names = {row[0] for row in conn.execute("SELECT name FROM entities WHERE type = 'person'")}
    assert "Joe Biden" in names
    assert not names & {"President", "Vice President", "Vice President Joe Biden"}
    role = conn.execute("SELECT role FROM mentions WHERE match_form = 'Joe Biden'").fetchone()[0]
    assert role == "Vice President"


def test_the_model_overrules_a_skeleton_match_across_scripts() -> None:
    result = compare_names("Tammann", "奧托曼")  # both skeletons 'tmn'; 奥 never writes 'ta'
    assert not result.same and result.rule == "model_veto"
    assert compare_names("Naqvi", "纳克维").same  # the seed forms keep their match


def test_vice_president_and_president_the_same_day_are_a_role_conflict(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(
        "Published: 3 March 2025\n\nVice President Mohsin Naqvi met police chiefs in Islamabad.\n",
        encoding="utf-8",
    )
    second = tmp_path / "b.txt"
    second.write_text(
        "Published: 3 March 2025\n\nPresident Mohsin Naqvi met police chiefs in Islamabad.\n",
        encoding="utf-8",
    )
    ledger = tmp_path / "ledger.db"
    result = CliRunner().invoke(cli, ["--db", str(ledger), "run", str(first), str(second)])
    assert result.exit_code == 0, result.output
    import sqlite3

    rows = (
        sqlite3.connect(ledger)
        .execute("SELECT detail FROM findings WHERE kind = 'role_conflict'")
        .fetchall()
    )
    assert len(rows) == 1 and "Vice President" in rows[0][0]


def test_bengali_titles_and_honorifics_are_not_names() -> None:
    from factcheck.entities.names.forms import is_title_only, split_title

    assert split_title("অর্থনীতিবিদ বিরুপাক্ষ পাল") == ("অর্থনীতিবিদ", "বিরুপাক্ষ পাল")
    assert split_title("এরশাদ সাহেব") == ("সাহেব", "এরশাদ")
    assert is_title_only("মেজর") and is_title_only("ইঞ্জিনিয়ার সাহেব")
    assert not is_title_only("এরশাদ সাহেব")
