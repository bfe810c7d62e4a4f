"""Entity resolution over the seed ledger, and the fact-checker's corrections."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.db import open_ledger
from factcheck.entities.stage import resolve_entities
from tests.conftest import copy_ledger


def entity_of(ledger: Path, form: str) -> set[int]:
    rows = sqlite3.connect(ledger).execute(
        "SELECT DISTINCT entity_id FROM mentions WHERE match_form = ? OR text = ?", [form, form]
    )
    return {row[0] for row in rows}


def test_naqvi_is_one_person_in_three_scripts(seeded_ledger: Path) -> None:
    forms = ["Mohsin Naqvi", "莫辛·纳克维", "纳克维", "মহসিন নাকভি", "নকভি", "নাকভি"]
    ids = set().union(*(entity_of(seeded_ledger, form) for form in forms))
    assert len(ids) == 1 and None not in ids
    conn = sqlite3.connect(seeded_ledger)
    entity_type = conn.execute("SELECT type FROM entities WHERE id = ?", list(ids)).fetchone()[0]
    assert entity_type == "person"


def test_gao_jianzan_and_pakistan_resolve_across_scripts(seeded_ledger: Path) -> None:
    gao = entity_of(seeded_ledger, "Gao Jianzan") | entity_of(seeded_ledger, "高建赞")
    assert len(gao) == 1
    pakistan = set().union(
        *(entity_of(seeded_ledger, f) for f in ("Pakistan", "巴基斯坦", "পাকিস্তান"))
    )
    assert len(pakistan) == 1
    wang = entity_of(seeded_ledger, "Wang Xiaohong") | entity_of(seeded_ledger, "ওয়াং জিয়াওহং")
    assert len(wang) == 1


def test_no_two_different_people_merged_and_nanjing_is_not_naqvi(seeded_ledger: Path) -> None:
    people = [
        "Mohsin Naqvi",
        "Gao Jianzan",
        "Wang Xiaohong",
        "Qi Yanjun",
        "Yuan Qinhua",
        "Song Jiayi",
        "Liu Zhongyi",
        "আসিফ আলী জারদারি",
        "শেহবাজ শরীফ",
    ]
    ids = [entity_of(seeded_ledger, person) for person in people]
    flat = [next(iter(found)) for found in ids]
    assert len(set(flat)) == len(people)
    assert entity_of(seeded_ledger, "Nanjing").isdisjoint(entity_of(seeded_ledger, "Mohsin Naqvi"))


def test_spelling_variant_finding_for_003(seeded_ledger: Path) -> None:
    rows = (
        sqlite3.connect(seeded_ledger)
        .execute(
            "SELECT detail, forms, locations, source_id FROM findings WHERE kind = 'spelling_variant'"
        )
        .fetchall()
    )
    naqvi = [row for row in rows if "নকভি" in row[1]]
    assert naqvi
    detail, forms, locations, source_id = naqvi[0]
    assert set(json.loads(forms)) == {"নকভি", "নাকভি"}
    assert source_id == 4
    texts = dict(sqlite3.connect(seeded_ledger).execute("SELECT id, text FROM sources").fetchall())
    for location in json.loads(locations):
        assert texts[location["source_id"]][location["start"] : location["end"]] == location["text"]


def test_entities_listing_and_card(seeded_ledger: Path) -> None:
    runner = CliRunner()
    variants = json.loads(
        runner.invoke(cli, ["--db", str(seeded_ledger), "entities", "--variants", "--json"]).output
    )
    assert [entity["name"] for entity in variants] == ["Mohsin Naqvi"]
    scripts = {spelling["script"] for spelling in variants[0]["spellings"]}
    assert scripts == {"latin", "han", "bengali"}
    people = json.loads(
        runner.invoke(
            cli, ["--db", str(seeded_ledger), "entities", "--type", "person", "--json"]
        ).output
    )
    assert all(entity["type"] == "person" for entity in people)
    card = runner.invoke(cli, ["--db", str(seeded_ledger), "entity", str(variants[0]["id"])])
    assert card.exit_code == 0
    assert "Why these are one" in card.output and "phonetic_key" in card.output
    assert "spelling_variant" in card.output
    missing = runner.invoke(cli, ["--db", str(seeded_ledger), "entity", "9999"])
    assert missing.exit_code == 1 and "no entity with id 9999" in missing.output


def test_merge_and_split_are_kept_through_reruns(seeded_ledger: Path, tmp_path: Path) -> None:
    ledger = copy_ledger(seeded_ledger, tmp_path / "ledger.db")
    runner = CliRunner()
    qi = next(iter(entity_of(ledger, "Qi Yanjun")))
    yuan = next(iter(entity_of(ledger, "Yuan Qinhua")))
    merged = runner.invoke(
        cli,
        [
            "--db",
            str(ledger),
            "entity",
            "merge",
            str(qi),
            str(yuan),
            "--by",
            "alice",
            "--note",
            "test",
        ],
    )
    assert merged.exit_code == 0, merged.output
    assert entity_of(ledger, "Qi Yanjun") == entity_of(ledger, "Yuan Qinhua")
    judgements = (
        sqlite3.connect(ledger).execute("SELECT kind, decided_by FROM entity_judgements").fetchall()
    )
    assert judgements == [("same", "alice")]
    # A later run (a new source arrives) keeps the human judgement.
    article = tmp_path / "new.txt"
    article.write_text(
        "Police chief Yuan Qinhua spoke in Nanchang on 3 March 2025.\n", encoding="utf-8"
    )
    runner.invoke(cli, ["--db", str(ledger), "run", str(article)])
    assert entity_of(ledger, "Qi Yanjun") == entity_of(ledger, "Yuan Qinhua")
    # Split the Bengali short form নকভি off Naqvi: it stays split through re-runs.
    naqvi = next(iter(entity_of(ledger, "Mohsin Naqvi")))
    short_ids = [
        row[0]
        for row in sqlite3.connect(ledger).execute(
            "SELECT MIN(id) FROM mentions WHERE match_form = 'নকভি' GROUP BY start_offset"
        )
    ]
    split = runner.invoke(
        cli,
        ["--db", str(ledger), "entity", "split", str(naqvi), *map(str, short_ids), "--by", "bob"],
    )
    assert split.exit_code == 0, split.output
    assert entity_of(ledger, "নকভি").isdisjoint(entity_of(ledger, "Mohsin Naqvi"))
    resolve_entities(open_ledger(ledger))  # a full re-resolution, as any later run does
    assert entity_of(ledger, "নকভি").isdisjoint(entity_of(ledger, "Mohsin Naqvi"))
    assert next(iter(entity_of(ledger, "Mohsin Naqvi"))) == naqvi  # the id is stable
    wrong = runner.invoke(cli, ["--db", str(ledger), "entity", "split", str(naqvi), "1"])
    assert wrong.exit_code == 1 and "is not a mention of entity" in wrong.output


def test_two_titles_on_the_same_day_are_a_finding(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(
        "Published: 3 March 2025\n\nInterior Minister Mohsin Naqvi met police chiefs in Islamabad.\n",
        encoding="utf-8",
    )
    second = tmp_path / "b.txt"
    second.write_text(
        "Published: 3 March 2025\n\nForeign Minister Mohsin Naqvi met police chiefs in Islamabad.\n",
        encoding="utf-8",
    )
    third = tmp_path / "c.txt"
    third.write_text(
        "Published: 4 March 2025\n\nPrime Minister Mohsin Naqvi met police chiefs in Islamabad.\n",
        encoding="utf-8",
    )
    ledger = tmp_path / "ledger.db"
    result = CliRunner().invoke(
        cli, ["--db", str(ledger), "run", str(first), str(second), str(third)]
    )
    assert result.exit_code == 0, result.output
    rows = (
        sqlite3.connect(ledger)
        .execute("SELECT detail FROM findings WHERE kind = 'role_conflict'")
        .fetchall()
    )
    assert len(rows) == 1  # only the two sources of the same day
    assert (
        "2025-03-03" in rows[0][0]
        and "Interior Minister" in rows[0][0]
        and "Foreign Minister" in rows[0][0]
    )


def test_one_organisation_named_in_two_languages(seeded_ledger: Path) -> None:
    beijing = set().union(
        *(
            entity_of(seeded_ledger, f)
            for f in ("Beijing Police Department", "北京市公安局", "北京警方")
        )
    )
    assert len(beijing) == 1
    islamabad = entity_of(seeded_ledger, "Islamabad Police") | entity_of(
        seeded_ledger, "伊斯兰堡警方"
    )
    assert len(islamabad) == 1
    assert beijing != islamabad


def test_an_organisation_that_says_more_than_place_and_kind_is_not_merged() -> None:
    from factcheck.entities.clustering import MentionRef
    from factcheck.entities.mentions import Mention
    from factcheck.entities.stage import organisation_place_and_kind

    def ref(name: str, lang: str) -> MentionRef:
        return MentionRef(1, 1, Mention(0, len(name), name, "organization", lang, name))

    assert organisation_place_and_kind(ref("Beijing Police Department", "en")) == (
        "CN-BJ",
        "police_force",
    )
    assert organisation_place_and_kind(ref("北京市公安局", "zh")) == ("CN-BJ", "police_force")
    assert organisation_place_and_kind(ref("Islamabad Traffic Police", "en")) is None
    assert organisation_place_and_kind(ref("巴基斯坦军方", "zh")) is None
