"""Claim ids stay put: a source extracted again keeps its claims' ids, and each claim of a new
version names the claim of the previous version it continues, whose `#claim-N` anchor the HTML
report keeps on it, so a link published before the new version still finds its statement."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factcheck.extract.continuity import EarlierClaim, continued_claims
from factcheck.text.offsets import OffsetMap
from tests.conftest import invoke_ok

INSERTED = (
    "The ministry said on Tuesday that 300 more officers would be trained before the end of "
    "the year.\n"
)


def claims_of(ledger: Path, source_id: int) -> list[tuple[int, int, int, str, int | None]]:
    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            """SELECT id, start_offset, end_offset, text, previous_claim_id FROM claims
               WHERE source_id = ? ORDER BY start_offset, id""",
            [source_id],
        ).fetchall()


def current_source(ledger: Path, path: Path) -> int:
    with sqlite3.connect(ledger) as conn:
        return conn.execute(
            "SELECT id FROM sources WHERE is_current = 1 AND path LIKE ?", [f"%{path.name}"]
        ).fetchone()[0]


def test_extracting_a_source_again_keeps_every_claim_id(seeds_dir: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.db"
    invoke_ok(ledger, "run", str(seeds_dir))
    with sqlite3.connect(ledger) as conn:
        sources = [row[0] for row in conn.execute("SELECT id FROM sources ORDER BY id")]
    before = {source: claims_of(ledger, source) for source in sources}
    # Not the last source: ids handed out afresh would land after every other source's.
    middle = sources[1]
    assert len(before[middle]) > 3
    invoke_ok(ledger, "extract", "--source", str(middle))
    assert {source: claims_of(ledger, source) for source in sources} == before
    invoke_ok(ledger, "extract", "--source", str(sources[0]))
    assert {source: claims_of(ledger, source) for source in sources} == before


def test_a_new_version_links_its_unchanged_statements_to_their_claims(
    seeds_dir: Path, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.db"
    invoke_ok(ledger, "run", str(seeds_dir))
    article = next(seeds_dir.glob("002_*.txt"))
    old_source = current_source(ledger, article)
    old_claims = claims_of(ledger, old_source)
    text = article.read_text(encoding="utf-8")
    middle = text.index("\n", len(text) // 2) + 1  # a new paragraph in the middle
    article.write_text(text[:middle] + INSERTED + text[middle:], encoding="utf-8")
    invoke_ok(ledger, "run", str(seeds_dir))
    new_source = current_source(ledger, article)
    assert new_source != old_source
    new_claims = claims_of(ledger, new_source)
    old_by_place = {}
    for claim_id, start, end, words, _ in old_claims:
        moved = len(INSERTED) if start >= middle else 0
        old_by_place[(start + moved, end + moved, words)] = claim_id
    linked = {claim[0]: claim[4] for claim in new_claims}
    expected = {claim[0]: old_by_place.get(claim[1:4]) for claim in new_claims}
    assert linked == expected
    assert sum(1 for old in linked.values() if old is not None) == len(old_claims)
    inserted = [claim for claim in new_claims if middle <= claim[1] < middle + len(INSERTED)]
    assert inserted and all(claim[4] is None for claim in inserted)

    report = tmp_path / "report.html"
    invoke_ok(ledger, "report", "--format", "html", "-o", str(report))
    page = report.read_text(encoding="utf-8")
    shown = [new for new, old in linked.items() if old and f"id='claim-{new}'" in page]
    assert shown, "the report shows claims of the new version"
    for new in shown:  # the old anchor opens the element of the claim that continues it
        old = linked[new]
        assert f"id='claim-{new}' data-claim-id='{new}'><span id='claim-{old}'></span>" in page
    # Every old anchor is still somewhere on the page, once.
    for old in (claim[0] for claim in old_claims):
        assert page.count(f"id='claim-{old}'") <= 1


def test_the_same_words_elsewhere_continue_the_nearest_claim() -> None:
    old = "One. Two. One."
    new = "Zero. One. Two. One."
    earlier = [
        EarlierClaim(1, 0, 4, "One."),
        EarlierClaim(2, 5, 9, "Two."),
        EarlierClaim(3, 10, 14, "One."),
    ]
    spans = [
        EarlierClaim(0, 6, 10, "One."),
        EarlierClaim(0, 11, 15, "Two."),
        EarlierClaim(0, 16, 20, "One."),
    ]
    assert continued_claims(earlier, spans, OffsetMap.between(old, new)) == [1, 2, 3]
    # A statement that is gone is continued by nothing; a new one continues nothing.
    fewer = [EarlierClaim(0, 0, 4, "Two."), EarlierClaim(0, 5, 10, "Three.")]
    assert continued_claims(earlier, fewer, OffsetMap.between(old, "Two. Three.")) == [2, None]
