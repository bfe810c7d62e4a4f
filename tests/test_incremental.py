"""A run recomputes only what new or changed sources can affect, and the ledger comes out as if
everything had been recomputed: after every step, a copy of the ledger resolved, matched and
judged afresh holds the same state (entity ids included); and a ledger built in steps holds the
state of one built at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.db import open_ledger
from factcheck.entities.clustering import MAX_BLOCK, NameForm, form_blocks
from factcheck.entities.incremental import crossed_blocks
from factcheck.entities.stage import resolve_entities
from factcheck.match import match_claims
from factcheck.verdicts.stage import give_verdicts

from .ledger_state import ledger_state
from .test_jobs import split_seeds


def invoke(ledger: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(ledger), *args])
    assert result.exit_code == 0, result.output
    return result.output


def recomputed(ledger: Path, folder: Path) -> dict:
    """The state of a copy of `ledger` with entities, links and verdicts recomputed in full."""
    copy = folder / f"recomputed_{ledger.name}"
    copy.unlink(missing_ok=True)
    with sqlite3.connect(ledger) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # with what the write-ahead log holds, which a file copy misses
    db = open_ledger(copy)
    resolve_entities(db, everything=True)
    match_claims(db, everything=True)
    give_verdicts(db, everything=True)
    db.conn.close()
    return ledger_state(copy, entity_ids=True)


def assert_as_if_recomputed(ledger: Path, folder: Path) -> None:
    state = ledger_state(ledger, entity_ids=True)
    assert state == recomputed(ledger, folder)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def entity_ids_of(ledger: Path, form: str) -> set[int]:
    with sqlite3.connect(ledger) as conn:
        found = conn.execute(
            """SELECT DISTINCT mentions.entity_id FROM mentions
               JOIN sources ON sources.id = mentions.source_id
               WHERE sources.is_current = 1 AND mentions.match_form = ?""",
            [form],
        ).fetchall()
    return {row[0] for row in found}


def test_seeds_added_in_three_runs_match_a_full_recompute_each_time(tmp_path: Path) -> None:
    paths = split_seeds(tmp_path / "articles")
    ledger = tmp_path / "steps.db"
    for chunk in (paths[:3], paths[3:7], paths[7:]):
        invoke(ledger, "run", *map(str, chunk))
        assert_as_if_recomputed(ledger, tmp_path)
        if chunk == paths[:3]:
            # A reviewer's verdict stands through the runs after it, flagged as a full run would.
            with sqlite3.connect(ledger) as conn:
                (claim,) = conn.execute(
                    "SELECT MIN(id) FROM claims WHERE is_checkworthy = 1"
                ).fetchone()
            invoke(ledger, "review", str(claim), "--verdict", "contradicted", "--by", "carol")
    invoke(tmp_path / "once.db", "run", *map(str, paths))
    invoke(tmp_path / "once.db", "review", str(claim), "--verdict", "contradicted", "--by", "carol")
    invoke(tmp_path / "once.db", "check")
    once, steps = ledger_state(tmp_path / "once.db"), ledger_state(ledger)
    assert once["entities"] and once["links"] and once["verdicts"]
    assert any(verdict[4] == "carol" for verdict in steps["verdicts"])
    assert once == steps


def test_a_new_spelling_between_two_entities_joins_one_as_a_full_run_would(
    tmp_path: Path,
) -> None:
    # "Mohsen Naqvi" and "Muhsin Naqvi" are too far apart to be one person by their names;
    # "Mohsin Naqvi" is close to both, and may join only one of them.
    folder = tmp_path / "articles"
    first = write(folder, "a.txt", "Mohsen Naqvi met police chiefs in Islamabad on 3 March 2025.\n")
    second = write(folder, "b.txt", "Muhsin Naqvi opened a new police station in Lahore.\n")
    third = write(folder, "c.txt", "Mohsin Naqvi said 4,000 officers would guard the match.\n")
    ledger = tmp_path / "steps.db"
    invoke(ledger, "run", str(first), str(second))
    before = entity_ids_of(ledger, "Mohsen Naqvi") | entity_ids_of(ledger, "Muhsin Naqvi")
    assert len(before) == 2
    invoke(ledger, "run", str(third))
    joined = entity_ids_of(ledger, "Mohsin Naqvi")
    assert len(joined) == 1 and joined < before
    assert_as_if_recomputed(ledger, tmp_path)
    invoke(tmp_path / "once.db", "run", str(first), str(second), str(third))
    assert ledger_state(tmp_path / "once.db") == ledger_state(ledger)


def test_a_new_version_of_a_source_replaces_its_mentions_as_a_full_run_would(
    tmp_path: Path,
) -> None:
    paths = split_seeds(tmp_path / "articles")
    ledger = tmp_path / "steps.db"
    invoke(ledger, "run", *map(str, paths))
    # Rewrite one article: its old version's mentions leave their entities.
    changed = next(path for path in paths if "Naqvi" in path.read_text(encoding="utf-8"))
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Naqvi", "Nakvi") + "\n\nMore to follow.\n",
        encoding="utf-8",
    )
    output = invoke(ledger, "run", str(changed))
    assert "new version" in output or "1 new" in output
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT COUNT(*) FROM sources WHERE is_current = 0").fetchone()[0]
    assert_as_if_recomputed(ledger, tmp_path)


def entity_at(ledger: Path, span: tuple[int, int, int]) -> int:
    with sqlite3.connect(ledger) as conn:
        (entity_id,) = conn.execute(
            """SELECT DISTINCT entity_id FROM mentions
               WHERE source_id = ? AND start_offset = ? AND end_offset = ?""",
            span,
        ).fetchone()
    return entity_id


def first_span(ledger: Path, entity_id: int) -> tuple[int, int, int]:
    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            """SELECT source_id, start_offset, end_offset FROM mentions WHERE entity_id = ?
               ORDER BY id LIMIT 1""",
            [entity_id],
        ).fetchone()


def test_merges_and_splits_survive_new_sources(tmp_path: Path) -> None:
    paths = split_seeds(tmp_path / "articles")
    ledger = tmp_path / "steps.db"
    invoke(ledger, "run", *map(str, paths[:6]))
    (pakistan,) = entity_ids_of(ledger, "Pakistan")
    (islamabad,) = entity_ids_of(ledger, "Islamabad")
    # A merge joins the entities' first mentions (the stage's rule); a split moves one mention.
    joined = first_span(ledger, pakistan), first_span(ledger, islamabad)
    invoke(ledger, "entity", "merge", str(pakistan), str(islamabad), "--by", "alice")
    assert entity_at(ledger, joined[0]) == entity_at(ledger, joined[1])
    (naqvi,) = entity_ids_of(ledger, "纳克维")
    with sqlite3.connect(ledger) as conn:
        moved = conn.execute(
            "SELECT MIN(id) FROM mentions WHERE entity_id = ? AND match_form = '纳克维'", [naqvi]
        ).fetchone()[0]
        moved_span = conn.execute(
            "SELECT source_id, start_offset, end_offset FROM mentions WHERE id = ?", [moved]
        ).fetchone()
    invoke(ledger, "entity", "split", str(naqvi), str(moved), "--by", "bob")
    assert entity_at(ledger, moved_span) != naqvi
    invoke(ledger, "run", *map(str, paths[6:]))
    assert entity_at(ledger, joined[0]) == entity_at(ledger, joined[1])
    assert entity_at(ledger, moved_span) != entity_at(ledger, first_span(ledger, naqvi))
    assert_as_if_recomputed(ledger, tmp_path)


def test_a_block_that_grows_past_its_limit_is_clustered_again() -> None:
    # Family names the prefix block person:p:na holds; one more form than MAX_BLOCK fills it.
    forms = [NameForm(f"Naqvi {index}", "en", "person") for index in range(MAX_BLOCK)]
    blocks = form_blocks(forms)
    assert not crossed_blocks(blocks, set(), {})
    grown = form_blocks([*forms, NameForm("Nadia Naqvi", "en", "person")])
    crossed = crossed_blocks(grown, {MAX_BLOCK}, {})
    assert crossed and all(len(grown[key]) > MAX_BLOCK for key in crossed)
    # and back: a block that shrinks under the limit once the form is removed
    assert crossed_blocks(blocks, set(), dict.fromkeys(crossed, 1)) == crossed


def test_nothing_new_recomputes_nothing(tmp_path: Path) -> None:
    paths = split_seeds(tmp_path / "articles")
    ledger = tmp_path / "ledger.db"
    invoke(ledger, "run", *map(str, paths))
    report = resolve_entities(open_ledger(ledger))
    assert report.clustered == 0 and report.entities > 0


def links_of(ledger: Path) -> set[tuple[int, int, str]]:
    with sqlite3.connect(ledger) as conn:
        return set(conn.execute("SELECT claim_a, claim_b, relation FROM links").fetchall())


def test_links_stay_when_a_key_grows_past_its_block_limit(tmp_path: Path) -> None:
    """A place in more claims than MAX_BLOCK: the pairs it made while rarer keep their links, and
    the ledger is still as a full recompute leaves it."""
    from factcheck.match.arrival import MAX_BLOCK

    folder = tmp_path / "articles"
    towns = ["Rawalpindi", "Lahore", "Karachi", "Quetta", "Peshawar", "Multan", "Sialkot"]
    paths = [
        write(
            folder,
            f"report_{index:02d}.txt",
            f"Police in Islamabad said {index + 3} men from {towns[index % len(towns)]} were "
            f"arrested on {index % 27 + 1} March 2025 after a raid.\n",
        )
        for index in range(MAX_BLOCK + 8)
    ]
    ledger = tmp_path / "steps.db"
    invoke(ledger, "run", *map(str, paths[: MAX_BLOCK - 10]))
    before = links_of(ledger)
    assert before
    invoke(ledger, "run", *map(str, paths[MAX_BLOCK - 10 :]))
    with sqlite3.connect(ledger) as conn:
        holders = conn.execute(
            "SELECT COUNT(DISTINCT source_id) FROM mentions WHERE match_form = 'Islamabad'"
        ).fetchone()[0]
    assert holders > MAX_BLOCK
    assert before <= links_of(ledger)
    assert_as_if_recomputed(ledger, tmp_path)
    # The second run decided only pairs with a new claim; nothing new decides nothing.
    report = match_claims(open_ledger(ledger))
    assert report.candidate_pairs == 0 and not report.added and not report.removed
    assert not report.changed


def verdict_rows(ledger: Path) -> list[tuple]:
    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            """SELECT claim_id, label, confidence, rationale_id, decided_by, disagreement, inputs,
                      (SELECT group_concat(claim_id || ':' || stance, ' ') FROM citations
                       WHERE citations.verdict_id = verdicts.id)
               FROM verdicts WHERE is_current = 1 ORDER BY claim_id"""
        ).fetchall()


def judged_in_full(ledger: Path, folder: Path) -> list[tuple]:
    copy = folder / f"full_{ledger.name}"
    copy.unlink(missing_ok=True)
    with sqlite3.connect(ledger) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    db = open_ledger(copy)
    give_verdicts(db, everything=True)
    db.conn.close()
    return verdict_rows(copy)


# What any command may change under a verdict, and how a verdict run must notice it: each edit
# moves a verdict's inputs (a linked claim's origin or text, a source's address, a speaker's name,
# a link gone, a claim folded into another fact), and the run that follows must leave every
# current verdict as deciding every claim afresh would, inputs included.
EDITS = {
    "a linked claim's origin": """UPDATE claims SET origin = 'outlet-x'
        WHERE id = (SELECT max(claim_b) FROM links WHERE relation = 'corroborates')""",
    "a linked claim's text": """UPDATE claims SET text = text || ' (updated)'
        WHERE id = (SELECT min(claim_b) FROM links)""",
    "a source's address": """UPDATE sources SET url = 'https://example.org/moved'
        WHERE id = (SELECT source_id FROM claims WHERE id = (SELECT max(claim_a) FROM links))""",
    "a speaker's name": """UPDATE entities SET name = name || ' Jr'
        WHERE 'speaker-e' || id IN (SELECT origin FROM claims)""",
    "a link": "DELETE FROM links WHERE id = (SELECT min(id) FROM links)",
}


def test_a_verdict_run_decides_again_what_any_edit_reaches(tmp_path: Path) -> None:
    paths = split_seeds(tmp_path / "articles")
    ledger = tmp_path / "ledger.db"
    invoke(ledger, "run", *map(str, paths))
    for edit, sql in EDITS.items():
        with sqlite3.connect(ledger) as conn:
            assert conn.execute(sql).rowcount > 0, edit
        give_verdicts(open_ledger(ledger))
        assert verdict_rows(ledger) == judged_in_full(ledger, tmp_path), edit
        with sqlite3.connect(ledger) as conn:
            assert conn.execute("SELECT count(*) FROM verdict_changes").fetchone() == (0,)
    # A linked claim joins a fact of claims it has no link to, then leaves it: its links stop
    # being that fact's evidence, which only the fact it left can tell.
    with sqlite3.connect(ledger) as conn:
        facts = conn.execute(
            "SELECT fact_id FROM claims GROUP BY fact_id HAVING count(*) > 1 ORDER BY fact_id"
        ).fetchall()
        lead = facts[0][0]
        members = {
            row[0] for row in conn.execute("SELECT id FROM claims WHERE fact_id = ?", [lead])
        }
        (lonely,) = next(
            row
            for row in conn.execute(
                """SELECT claims.id FROM claims WHERE fact_id = id AND id IN (
                       SELECT claim_a FROM links UNION SELECT claim_b FROM links)
                   ORDER BY id"""
            )
            if not members & linked_to(conn, row[0]) and row[0] not in {f[0] for f in facts}
        )
    for fact in (lead, lonely):
        with sqlite3.connect(ledger) as conn:
            conn.execute("UPDATE claims SET fact_id = ? WHERE id = ?", [fact, lonely])
        give_verdicts(open_ledger(ledger))
        assert verdict_rows(ledger) == judged_in_full(ledger, tmp_path), fact


def linked_to(conn: sqlite3.Connection, claim: int) -> set[int]:
    rows = conn.execute(
        "SELECT claim_a + claim_b - ? FROM links WHERE ? IN (claim_a, claim_b)", [claim, claim]
    )
    return {row[0] for row in rows}


def test_a_verdict_run_reads_only_what_changed_unless_the_version_did(tmp_path: Path) -> None:
    from factcheck import __version__
    from factcheck.verdicts.changes import claims_to_decide

    paths = split_seeds(tmp_path / "articles")
    ledger = tmp_path / "ledger.db"
    invoke(ledger, "run", *map(str, paths))
    db = open_ledger(ledger)
    assert claims_to_decide(db, __version__) == set()
    assert claims_to_decide(db, "0.0.0") is None  # verdicts decided by another version
    (a, b) = db.execute("SELECT claim_a, claim_b FROM links ORDER BY id LIMIT 1").fetchone()
    db.execute("DELETE FROM links WHERE claim_a = ? AND claim_b = ?", [a, b])
    again = claims_to_decide(db, __version__)
    total = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert again is not None and {a, b} <= again and len(again) < total


def test_claims_counted_in_under_the_asked_keys_alone_give_the_same_links(
    seeded_ledger: Path,
) -> None:
    from factcheck.match.arrival import Arrivals
    from factcheck.match.facts import load_claim_facts
    from factcheck.match.stage import judge_pair

    from .test_match import said

    db = open_ledger(seeded_ledger)
    facts = load_claim_facts(db)
    sources = sorted({claim.source_id for claim in facts})
    # Tipline messages, paired on their wording alone (two are questions).
    messages = [
        said(1, "A Chinese expert says breathing hot water vapour kills the corona virus."),
        said(2, "Is this message true or fake?", "question"),
        said(3, "Chinese expert says: breathing hot water vapor kills the Corona virus!!"),
        said(4, "is this message fake or true ??", "question"),
        said(5, "Is this photo from the Kerala floods?", "question"),
    ]
    actives = {
        "the last source": (facts, lambda claim: claim.source_id == sources[-1]),
        "the two before it": (facts, lambda claim: claim.source_id in sources[-3:-1]),
        "every seventh claim": (facts, lambda claim: claim.id % 7 == 0),
        "the later messages": (messages, lambda claim: claim.id >= 3),
    }
    for name, (facts, active) in actives.items():
        found = []
        for ask in (False, True):
            coverage: list[tuple] = []
            links = Arrivals(facts).run(active, judge_pair, coverage_sink(coverage), ask=ask)
            found.append((links, coverage))
        assert found[0][0] or found[0][1], name
        assert found[0] == found[1], name


def coverage_sink(into: list[tuple]) -> Callable[[int, int, object], None]:
    return lambda a, b, relation: into.append((a, b, relation))
