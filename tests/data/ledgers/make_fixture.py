"""Write tests/data/ledgers/v0001_seeds.db: the seeds ingested by schema version 0001.

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

if __name__ == "__main__":
    version = f"v{len(migrations._migrations):04d}"  # the number of migrations applied
    target = HERE / f"{version}_seeds.db"
    target.unlink(missing_ok=True)
    db = open_ledger(target)
    os.chdir(REPO)
    ingest_paths(db, ["seeds"])
    # Relative paths, so the fixture says nothing of the machine it was made on.
    db.execute("UPDATE sources SET resolved_path = path")
    db.conn.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.execute("PRAGMA journal_mode = DELETE")
    db.conn.close()
    with sqlite3.connect(target) as conn:
        conn.execute("VACUUM")
    print(target, target.stat().st_size, "bytes")
