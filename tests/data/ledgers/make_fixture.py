"""Write tests/data/ledgers/v000N_seeds.db: the seeds run through the pipeline by the code of
schema version N, with a reviewer's verdict and an entity judgement where the schema has them.

Run once when a schema version is released and commit the file; never regenerate an old one (it
stands for ledgers users already have). A new schema version adds v000N_seeds.db the same way.
`python tests/data/ledgers/make_fixture.py` from the repository root.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
sys.path.insert(0, str(REPO))

from factcheck.db import open_ledger  # noqa: E402
from factcheck.ingest import ingest_paths  # noqa: E402
from factcheck.migrations import migrations  # noqa: E402


def add_human_work(db) -> None:  # type: ignore[no-untyped-def]
    """Run every stage, then record what a fact-checker would: a review and a merge."""
    from factcheck.entities.stage import merge_entities
    from factcheck.pipeline import extract_and_update
    from factcheck.verdicts.stage import review_claim

    extract_and_update(db)
    claim = db.execute(
        "SELECT id FROM claims WHERE text = 'Interior Minister Mohsin Naqvi'"
    ).fetchone()
    review_claim(db, claim[0], "corroborated", decided_by="fixture-reviewer", note="checked")
    qi, yuan = (
        db.execute("SELECT entity_id FROM mentions WHERE match_form = ?", [name]).fetchone()[0]
        for name in ("Qi Yanjun", "Yuan Qinhua")
    )
    merge_entities(db, qi, yuan, decided_by="fixture-reviewer", note="fixture judgement")
    if "fact_checks" in db.table_names():
        from factcheck.match.archive_stage import import_archive

        import_archive(db, ["tests/data/archive/claimreview_page.html"])
        db.execute("UPDATE fact_checks SET imported_from = 'claimreview_page.html'")
    if "claim_vectors" in db.table_names():  # the encoder's vectors only: links stay lexical
        from factcheck.match.facts import load_claim_facts
        from factcheck.match.semantic_stage import SemanticReport, claim_vectors

        claim_vectors(db, load_claim_facts(db), SemanticReport())


if __name__ == "__main__":
    version = f"v{len(migrations._migrations):04d}"  # the number of migrations applied
    target = HERE / f"{version}_seeds.db"
    target.unlink(missing_ok=True)
    db = open_ledger(target)
    os.chdir(REPO)
    ingest_paths(db, ["seeds"])
    if "verdicts" in db.table_names():
        add_human_work(db)
    # Relative paths, so the fixture says nothing of the machine it was made on.
    db.execute("UPDATE sources SET resolved_path = path")
    db.conn.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.execute("PRAGMA journal_mode = DELETE")
    db.conn.close()
    with sqlite3.connect(target) as conn:
        conn.execute("VACUUM")
    print(target, target.stat().st_size, "bytes")
