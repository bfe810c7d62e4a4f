"""Issue 14, item 1: a source that restates another's claim to deny it contradicts it, one that
reports it as someone's claim does not confirm it in its own voice, on real-text fixtures
(tests/data/documents/: short items written from Pakistan's Foreign Office rejecting, in
December 2023, reports that Chinese security forces would be deployed for CPEC; no research
data set's text is copied)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factcheck.match.documents import Sentence, document_stance, sentence_words
from tests.conftest import DATA
from tests.ledger_checks import run_files

FIXTURES = DATA / "documents"
REPORT = "Chinese security forces will be deployed"
RESTATED = "Chinese security forces are to be deployed"


def run(tmp_path: Path, *names: str) -> sqlite3.Connection:
    return run_files(tmp_path, *(FIXTURES / name for name in names))


def links_of(conn: sqlite3.Connection, start: str) -> list[sqlite3.Row]:
    return conn.execute(
        """SELECT links.relation, links.reason, json_extract(links.evidence, '$.tension') AS
                  tension, a.text AS a, b.text AS b FROM links
           JOIN claims a ON a.id = links.claim_a JOIN claims b ON b.id = links.claim_b
           WHERE a.source_id != b.source_id AND (a.text LIKE :s OR b.text LIKE :s)""",
        {"s": start + "%"},
    ).fetchall()


def sentences(text: str) -> list[Sentence]:
    return [Sentence(part, sentence_words(part, "en"), "en") for part in text.split(". ")]


def test_a_source_rejecting_a_report_contradicts_it(tmp_path: Path) -> None:
    conn = run(tmp_path, "cpec_guards_report.txt", "cpec_guards_denial.txt")
    found = links_of(conn, REPORT)
    denial = [row for row in found if row["relation"] == "contradicts"]
    assert len(denial) == 1, [tuple(row) for row in found]
    assert denial[0]["tension"] == "denial"
    assert "reports it to deny it (“rejected reports”, “baseless”)" in denial[0]["reason"]
    assert not [row for row in found if row["relation"] == "corroborates"]
    verdict = conn.execute(
        """SELECT verdicts.label, reason_texts.text AS rationale FROM verdicts JOIN claims
           ON claims.id = verdicts.claim_id
           JOIN reason_texts ON reason_texts.id = verdicts.rationale_id
           WHERE verdicts.is_current = 1
           AND claims.text LIKE 'Foreign Office spokesperson%'"""
    ).fetchone()
    assert verdict["label"] == "contradicted", verdict["rationale"]


def test_a_plain_restatement_is_not_denied_and_an_allegation_is_not_contradicted(
    tmp_path: Path,
) -> None:
    conn = run(
        tmp_path,
        "cpec_guards_report.txt",
        "cpec_guards_allegation.txt",
        "cpec_guards_restated.txt",
    )
    for row in links_of(conn, REPORT) + links_of(conn, RESTATED):
        assert row["relation"] != "contradicts", tuple(row)
    conn = run(tmp_path / "denied", "cpec_guards_allegation.txt", "cpec_guards_denial.txt")
    for row in links_of(conn, "A viral post claimed"):
        assert row["relation"] != "contradicts", tuple(row)  # the post attributes, not states


def test_document_stance_from_its_sentences() -> None:
    claim = sentence_words("Chinese security forces will be deployed in Pakistan", "en")
    denial = (FIXTURES / "cpec_guards_denial.txt").read_text(encoding="utf-8")
    found = document_stance(claim, sentences(denial))
    assert found.label == "disagree" and "baseless" in found.cues
    allegation = (FIXTURES / "cpec_guards_allegation.txt").read_text(encoding="utf-8")
    found = document_stance(claim, sentences(allegation))
    assert found.label == "discuss" and found.hedged >= 1
    restated = (FIXTURES / "cpec_guards_restated.txt").read_text(encoding="utf-8")
    assert document_stance(claim, sentences(restated)).label == "agree"
    # "not" far from the claim's words negates something else.
    far = "Chinese security forces will be deployed in Pakistan, though talks did not end well"
    assert document_stance(claim, sentences(far)).label == "agree"
    assert document_stance(claim, sentences("Rain fell in Lahore")).label == "unrelated"


def test_unconfirmed_and_anonymous_reports_discuss_rather_than_deny() -> None:
    """A report that has not been confirmed, or an official who was not authorized to speak,
    tells the claim with a hedge or plainly: no denial, whatever the word 'not' in it."""
    claim = sentence_words("Chinese security forces will be deployed in Pakistan", "en")
    unconfirmed = (
        "Chinese security forces will be deployed in Pakistan, according to a report that "
        "has not been confirmed."
    )
    assert document_stance(claim, sentences(unconfirmed)).label == "discuss"
    anonymous = (
        "An official who was not authorized to discuss Chinese security forces in Pakistan "
        "said they will be deployed."
    )
    assert document_stance(claim, sentences(anonymous)).label == "agree"
    denied = "An official said Chinese security forces will not be deployed in Pakistan."
    assert document_stance(claim, sentences(denied)).label == "disagree"


def test_chinese_and_bengali_hedges_are_their_own_languages_words() -> None:
    """Each language's hedges are its own cue words (stance_cues.tsv, kind `hedge` and
    `unconfirmed`): a report told "据报道" or "হতে পারে" discusses the claim, told plainly it
    agrees with it."""

    def stance_in(lang: str, claim: str, text: str) -> str:
        words = sentence_words(claim, lang)
        return document_stance(words, [Sentence(text, sentence_words(text, lang), lang)]).label

    claim = "中国安全部队将部署到巴基斯坦"
    assert stance_in("zh", claim, "据报道，中国安全部队将部署到巴基斯坦。") == "discuss"
    assert stance_in("zh", claim, "中国安全部队将部署到巴基斯坦一事尚未证实。") == "discuss"
    assert stance_in("zh", claim, "中国安全部队将部署到巴基斯坦。") == "agree"
    claim = "চীনা নিরাপত্তা বাহিনী পাকিস্তানে মোতায়েন করা হবে"
    hedged = "চীনা নিরাপত্তা বাহিনী পাকিস্তানে মোতায়েন করা হতে পারে বলে জানা গেছে।"
    unconfirmed = "চীনা নিরাপত্তা বাহিনী পাকিস্তানে মোতায়েন করা হবে, তবে তা নিশ্চিত হওয়া যায়নি।"
    assert stance_in("bn", claim, hedged) == "discuss"
    assert stance_in("bn", claim, unconfirmed) == "discuss"
    assert stance_in("bn", claim, "চীনা নিরাপত্তা বাহিনী পাকিস্তানে মোতায়েন করা হবে।") == "agree"
