"""Claim matching on the seeds and on small made-up corpora: links, reasons, independence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.lang.lexicon import find_concepts


def rows(ledger: Path, sql: str, *params: object) -> list[sqlite3.Row]:
    conn = sqlite3.connect(ledger)
    conn.row_factory = sqlite3.Row
    return conn.execute(sql, params).fetchall()


LINKS = """SELECT links.*, a.source_id AS source_a, a.text AS text_a, a.lang AS lang_a,
                  a.independence_group AS group_a, b.source_id AS source_b, b.text AS text_b,
                  b.lang AS lang_b, b.independence_group AS group_b
           FROM links JOIN claims a ON a.id = links.claim_a JOIN claims b ON b.id = links.claim_b"""


def test_lexicon_meets_across_languages() -> None:
    def concepts(text: str, lang: str) -> set[str]:
        return {hit.concept.name for hit in find_concepts(text, lang)}

    assert "interior_minister" in concepts("Interior Minister Mohsin Naqvi", "en")
    assert "interior_minister" in concepts("巴基斯坦内政部长纳克维", "zh")
    assert "interior_minister" in concepts("দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি", "bn")
    assert "minister" not in concepts("Interior Minister Mohsin Naqvi", "en")  # the longer wins
    assert "training" in concepts("officers will be trained in China", "en")
    assert "training" in concepts("派遣伊斯兰堡警察到中国接受培训", "zh")


def test_interior_minister_claims_corroborate_across_three_languages(seeded_ledger: Path) -> None:
    links = rows(
        seeded_ledger,
        LINKS + " WHERE relation = 'corroborates' AND reason LIKE '%interior minister%'",
    )
    pairs = {(link["source_a"], link["source_b"]) for link in links}
    assert (1, 4) in pairs
    assert {link["lang_a"] for link in links} == {"en", "zh"}
    assert all("Mohsin Naqvi" in link["reason"] for link in links)


def test_000_and_001_training_claims_corroborate(seeded_ledger: Path) -> None:
    links = rows(
        seeded_ledger, LINKS + " WHERE relation = 'corroborates' AND source_a = 1 AND source_b = 2"
    )
    assert links
    assert any("training" in link["reason"] for link in links)
    assert any("Islamabad" in link["text_a"] and "Islamabad" in link["text_b"] for link in links)


def test_000_english_claims_are_linked_to_their_chinese_translations(seeded_ledger: Path) -> None:
    links = rows(seeded_ledger, LINKS + " WHERE relation = 'translation'")
    assert len(links) >= 20
    assert all(link["source_a"] == link["source_b"] == 1 for link in links)
    assert all({link["lang_a"], link["lang_b"]} == {"en", "zh"} for link in links)
    texts = {(link["text_a"], link["text_b"]) for link in links}
    assert ("Interior Minister Mohsin Naqvi", "巴基斯坦内政部长纳克维") in texts
    assert ("met with Interior Minister Mohsin Naqvi", "会见了巴基斯坦内政部长纳克维") in texts


def test_nothing_corroborates_or_contradicts_within_its_own_group(seeded_ledger: Path) -> None:
    same_group = rows(
        seeded_ledger,
        LINKS
        + " WHERE relation IN ('corroborates', 'contradicts') AND a.independence_group = b.independence_group",
    )
    assert same_group == []


def test_2025_visit_and_2026_beijing_meeting_are_not_a_contradiction(seeded_ledger: Path) -> None:
    between = rows(seeded_ledger, LINKS + " WHERE source_a = 1 AND source_b = 4")
    assert not [link for link in between if link["relation"] == "contradicts"]
    meetings = [link for link in between if "meeting" in link["reason"]]
    assert meetings and all(link["relation"] == "related" for link in meetings)


def test_every_link_has_a_reason_and_a_score(seeded_ledger: Path) -> None:
    for link in rows(seeded_ledger, "SELECT * FROM links"):
        assert link["reason"] and 0 < link["score"] <= 1
        assert link["claim_a"] < link["claim_b"]


def test_reasons_name_places_and_events_in_words() -> None:
    """A reason says "forming unit" and "Pakistan", never the lexicon's forming_unit or PK."""
    import re

    from factcheck.match.relate import relate

    def claim(claim_id: int, text: str):
        found = said(claim_id, text)
        found.events, found.places = {"forming_unit", "meeting"}, {"PK", "CN-BJ"}
        found.entities, found.entity_names = {3}, {3: "Mohsin Naqvi"}
        return found

    relation = relate(
        claim(1, "Pakistan will form a special unit, Mohsin Naqvi said after the Beijing meeting."),
        claim(2, "After meeting in Beijing, Mohsin Naqvi announced a special unit for Pakistan."),
    )
    assert relation is not None
    assert "forming unit" in relation.reason and "Pakistan" in relation.reason
    assert not re.search(r"\b[a-z]+_[a-z]+\b|\b[A-Z]{2}(-[A-Z]{2})?\b", relation.reason)


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_figures_for_the_same_force_agree_differ_or_contradict_by_their_precision(
    tmp_path: Path,
) -> None:
    """Issue 14: "approximately 14,000" vs "about 15,000 personnel" was a contradiction rated
    1/5; two approximate figures further apart than their precision are a discrepancy to
    check, an exact figure outside an approximate one's precision contradicts it."""
    first = write(
        tmp_path,
        "a.txt",
        "Published: 3 March 2025\n\nPakistan has a dedicated security force, the Special Security "
        "Division (SSD), comprised of approximately 14,000 personnel.\n",
    )
    second = write(
        tmp_path,
        "b.txt",
        "Published: 5 March 2025\n\nThe Special Security Division (SSD) now has about 15,000 "
        "personnel guarding projects in Pakistan.\n",
    )
    third = write(
        tmp_path,
        "c.txt",
        "Published: 6 March 2025\n\nThe Special Security Division (SSD) has about 14,200 personnel, "
        "officials in Pakistan said.\n",
    )
    fourth = write(
        tmp_path,
        "d.txt",
        "Published: 6 March 2025\n\nThe Special Security Division (SSD) has 15,230 personnel on "
        "its rolls, the division's own register shows.\n",
    )
    ledger = tmp_path / "ledger.db"
    result = CliRunner().invoke(cli, ["--db", str(ledger), "run", first, second, third, fourth])
    assert result.exit_code == 0, result.output
    links = {(link["source_a"], link["source_b"]): link for link in rows(ledger, LINKS)}
    assert links[(1, 2)]["relation"] == "related"
    assert "a discrepancy to check" in links[(1, 2)]["reason"]
    assert "approximately 14,000 personnel" in links[(1, 2)]["reason"]
    assert links[(1, 3)]["relation"] == "corroborates"  # about 14,000 and about 14,200 agree
    assert links[(2, 4)]["relation"] == "corroborates"  # about 15,000 allows 15,230
    assert links[(1, 4)]["relation"] == "contradicts"  # 15,230 is exact
    assert links[(3, 4)]["relation"] == "contradicts"
    listing = CliRunner().invoke(cli, ["--db", str(ledger), "contradictions", "--json"])
    assert "15,230 personnel" in listing.output and "about 15,000" not in listing.output


def test_different_things_counted_are_not_one_figure() -> None:
    """Issue 14: "results for 297 constituencies" vs "recount demanded in 32 constituencies",
    and "met with 30 men" vs "a photograph of two men", were contradictions."""
    from factcheck.match.facts import Quantity
    from factcheck.match.relate import relate

    def counted(claim_id: int, text: str, value: float, unit: str):
        claim = figure_claim(claim_id, value, set(), {7}, {"PK"})
        claim.text = text
        number = f"{value:,.0f}" if value > 9 else "two"
        claim.quantities = [Quantity(value, unit, f"{number} {unit}", False)]
        return claim

    results = counted(1, "The commission published results for 297 constituencies.", 297,
                      "constituencies")  # fmt: skip
    recounts = counted(2, "A recount was demanded in 32 constituencies.", 32, "constituencies")
    relation = relate(results, recounts)
    assert relation is not None and relation.relation != "contradicts"
    assert "count different things" in relation.reason
    meeting = counted(3, "Trump met with 30 men at the club.", 30, "men")
    photo = counted(4, "The post shows a photograph of two men.", 2, "men")
    relation = relate(meeting, photo)
    assert relation is not None and relation.relation != "contradicts"
    size = counted(5, "The commission has 297 constituencies.", 297, "constituencies")
    other = counted(6, "The commission has 312 constituencies.", 312, "constituencies")
    relation = relate(size, other)
    assert relation is not None and relation.relation == "contradicts"


def test_a_copied_source_is_a_duplicate_not_a_confirmation(tmp_path: Path) -> None:
    text = (
        "Published: 3 March 2025\n\nInterior Minister Mohsin Naqvi met Chinese Minister of Public "
        "Security Wang Xiaohong in Beijing on 2 March 2025.\n\nThe ministers agreed to train 30 "
        "officers from Islamabad in Beijing.\n"
    )
    original = write(tmp_path, "original.txt", text)
    copy = write(tmp_path, "copy.txt", "Republished with permission.\n\n" + text)
    ledger = tmp_path / "ledger.db"
    CliRunner().invoke(cli, ["--db", str(ledger), "run", original, copy])
    sources = rows(ledger, "SELECT id, copy_of FROM sources ORDER BY id")
    assert sources[1]["copy_of"] == sources[0]["id"]
    relations = {link["relation"] for link in rows(ledger, LINKS)}
    assert "corroborates" not in relations
    assert "duplicate" in relations
    verdicts = rows(ledger, "SELECT label FROM verdicts WHERE is_current = 1")
    assert "corroborated" not in {verdict["label"] for verdict in verdicts}


def test_labelled_pairs_precision_and_recall(tmp_path: Path) -> None:
    from benchmarks.match_evaluation import read_pairs, score_pairs
    from factcheck.db import open_ledger
    from tests.conftest import DATA, SEEDS

    ledger = tmp_path / "ledger.db"
    result = CliRunner().invoke(
        cli, ["--db", str(ledger), "run", str(SEEDS), str(DATA / "match_corpus")]
    )
    assert result.exit_code == 0, result.output
    scores, mistakes = score_pairs(open_ledger(ledger), read_pairs(DATA / "claim_pairs.tsv"))
    by_relation = {score.relation: score for score in scores}
    # Floors at what the matcher reaches today: a regression fails here.
    for relation in ("corroborates", "contradicts", "translation", "unrelated"):
        assert by_relation[relation].precision == 1.0, (relation, mistakes)
    assert by_relation["corroborates"].recall >= 0.8, mistakes
    assert by_relation["contradicts"].recall == 1.0, mistakes
    assert by_relation["translation"].recall == 1.0, mistakes
    assert by_relation["related"].recall >= 0.5, mistakes


def test_week_and_year_dates_compare_with_days_and_months() -> None:
    """Extraction gives "last week" as an ISO week and a bare year as a year: both must compare
    with days and months (a week once crashed the match stage on real ledgers)."""
    from factcheck.match.relate import month_or_day_apart

    assert month_or_day_apart("2025-W10", "2025-03-03") == 0  # week 10 starts on 3 March
    assert month_or_day_apart("2025-W10", "2025-03") == 2
    assert month_or_day_apart("2024", "2024-02-01") == 31
    assert month_or_day_apart("2025-W10", "someday") is None


def figure_claim(
    claim_id: int, value: float, dates: set[str], entities: set[int], places: set[str]
):
    """A claim that some thing counts `value` personnel, about these entities and places."""
    from factcheck.match.facts import ClaimFacts, Quantity

    return ClaimFacts(
        id=claim_id,
        source_id=claim_id,
        group=f"source-{claim_id}",
        lang="en",
        kind="quantity",
        modality="asserted",
        is_checkworthy=True,
        text=f"The force has {value:,.0f} personnel.",
        start=0,
        end=30,
        url=None,
        published=None,
        entities=entities,
        entity_names={entity: "Special Security Division" for entity in entities},
        places=places,
        quantities=[Quantity(value, "personnel", f"{value:,.0f} personnel", False)],
        dates=dates,
    )


def test_figures_from_a_week_and_a_day_are_compared_in_time() -> None:
    from factcheck.match.relate import relate

    def claim(claim_id: int, value: float, dates: set[str]):
        return figure_claim(claim_id, value, dates, {7}, set())

    same_week = relate(claim(1, 14000, {"2025-W10"}), claim(2, 15230, {"2025-03-05"}))
    assert same_week is not None and same_week.relation == "contradicts"
    a_year_apart = relate(claim(1, 14000, {"2024-W10"}), claim(2, 15230, {"2025-03-05"}))
    assert a_year_apart is None or a_year_apart.relation != "contradicts"


def test_different_figures_sharing_only_a_country_do_not_contradict() -> None:
    """Two counts in one unit that share only a country are two things counted, not one thing
    counted two ways; the same figure there still agrees, and a shared force still contradicts."""
    from factcheck.match.relate import relate

    only_country = relate(
        figure_claim(1, 14000, set(), set(), {"PK"}), figure_claim(2, 15000, set(), set(), {"PK"})
    )
    assert only_country is None or only_country.relation != "contradicts"
    same_figure = relate(
        figure_claim(1, 14000, set(), set(), {"PK"}), figure_claim(2, 14000, set(), set(), {"PK"})
    )
    assert same_figure is not None and same_figure.relation == "corroborates"
    same_force = relate(
        figure_claim(1, 14000, set(), {7}, {"PK"}), figure_claim(2, 15230, set(), {7}, {"PK"})
    )
    assert same_force is not None and same_force.relation == "contradicts"
    assert "Special Security Division" in same_force.reason and "PK" not in same_force.reason


def test_matching_again_with_nothing_new_writes_nothing(tmp_path: Path) -> None:
    """A re-run on an unchanged ledger leaves every row alone (rewriting each claim's
    independence group fired the full-text trigger for every claim on every run)."""
    from factcheck.db import open_ledger
    from factcheck.match import match_claims
    from tests.conftest import DATA

    ledger = tmp_path / "ledger.db"
    result = CliRunner().invoke(cli, ["--db", str(ledger), "run", str(DATA / "match_corpus")])
    assert result.exit_code == 0, result.output
    db = open_ledger(ledger)
    groups = rows(ledger, "SELECT id, independence_group FROM claims ORDER BY id")
    assert groups and all(row["independence_group"] for row in groups)
    before = db.conn.total_changes
    report = match_claims(db)
    assert db.conn.total_changes == before
    assert report.links and not report.added and report.changed == report.removed == 0
    assert rows(ledger, "SELECT id, independence_group FROM claims ORDER BY id") == groups


def test_concepts_are_found_past_the_substring_prefilter() -> None:
    # find_concepts skips a concept none of whose words the text holds; IGNORECASE also matches
    # a dotless ı to i, which no substring test sees, so such a text is searched in full.
    assert [hit.concept.name for hit in find_concepts("Interior Minister Naqvi", "en")] == [
        "interior_minister"
    ]
    assert [hit.concept.name for hit in find_concepts("Interior M\u0131nister Naqvi", "en")] == [
        "interior_minister"
    ]
    assert [hit.concept.name for hit in find_concepts("INTERIOR MINISTER Naqvi", "en")] == [
        "interior_minister"
    ]
    assert not find_concepts("Interior design", "en")


def said(claim_id: int, text: str, modality: str = "asserted", lang: str = "en"):
    """A claim of its own source, with its content words as extraction's keywords give them."""
    from factcheck.match.facts import ClaimFacts
    from factcheck.match.keywords import keywords

    return ClaimFacts(
        id=claim_id,
        source_id=claim_id,
        group=f"source-{claim_id}",
        lang=lang,
        kind="statement",
        modality=modality,
        is_checkworthy=False,
        text=text,
        start=0,
        end=len(text),
        url=None,
        published=None,
        keywords=keywords(text, lang),
    )


def test_claims_told_in_nearly_the_same_words_are_related() -> None:
    """Tipline messages (Meedan's judged pairs are of this kind): the same words in another order
    or spelling are one message; a different question in the same frame is not."""
    from factcheck.match.similarity import wording_relation
    from factcheck.match.stage import candidate_pairs

    a = said(1, "A Chinese expert says breathing hot water vapour kills the corona virus.")
    b = said(2, "Chinese expert says: breathing hot water vapor kills the Corona virus!!")
    c = said(3, "Is this message true or fake?", "question")
    d = said(4, "is this message fake or true ??", "question")
    e = said(5, "Is this photo from the Kerala floods?", "question")
    f = said(6, "Chinese expert says: breathing hot water vapor kills the Corona virus!!")
    f.lang = "nl"  # a language guessed from a short text: the script decides what compares
    claims = [a, b, c, d, e, f]
    candidates = candidate_pairs(claims)
    assert {(1, 2), (3, 4), (2, 6)} <= candidates
    related = wording_relation(a, b)
    assert related is not None and related.relation == "related"
    assert "nearly the same words" in related.reason
    question = wording_relation(c, d)
    assert question is not None and "question asked" in question.reason
    assert wording_relation(c, e) is None
    assert wording_relation(b, f) is not None
    assert wording_relation(a, c) is None  # a statement and a question are never one message


def test_a_headline_is_related_to_the_body_that_covers_its_words() -> None:
    """A headline whose words recur across its article's sentences, though no one sentence
    repeats enough of them, is related to the article; another article is not."""
    from factcheck.match.arrival import coverage_links

    headline = said(1, "Islamic State militants behead American journalist in Syria video")
    headline.is_title = True
    body = [
        said(10, "A video released on Tuesday shows the killing of an American journalist."),
        said(11, "The militants of the Islamic State group claimed responsibility."),
        said(12, "He was kidnapped in northern Syria in 2012."),
    ]
    other = [
        said(20, "Apple will release a new smartwatch in the spring, analysts said."),
        said(21, "The video of the launch event was watched by millions."),
    ]
    for claim in body:
        claim.source_id, claim.group = 10, "source-10"
    for claim in other:
        claim.source_id, claim.group = 20, "source-20"
    claims = [headline, *body, *other]
    links = coverage_links(claims)
    linked = {b for a, b in links if a == 1}
    assert linked and linked <= {10, 11, 12}
    relations = [links[key] for key in links if key[0] == 1]
    assert all(relation.relation == "related" for relation in relations)
    assert any("recur across source 10" in relation.reason for relation in relations)
    assert not any(b >= 20 for a, b in links if a == 1)
