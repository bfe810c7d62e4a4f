"""What "nothing lost, nothing corrupted" means for a ledger, shared by the reliability tests and
benchmarks/stress.py: integrity, no orphans, and an export to compare runs by.

Each later stage adds its orphan queries to ORPHANS (claim without source, verdict without claim,
...) and its lists to the normalised export, with a line each.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from factcheck.db import open_ledger
from factcheck.report.export import export_document

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

# name -> a query that returns a row for every record that lost what it belongs to.
ORPHANS: dict[str, str] = {
    "passage without source": """SELECT passages.id FROM passages
        LEFT JOIN sources ON sources.id = passages.source_id WHERE sources.id IS NULL""",
    "source without passages": """SELECT sources.id FROM sources
        WHERE NOT EXISTS (SELECT 1 FROM passages WHERE passages.source_id = sources.id)""",
    "passage outside its source's text": """SELECT passages.id FROM passages
        JOIN sources ON sources.id = passages.source_id
        WHERE passages.end_offset > length(sources.text)""",
    "duplicate of a missing passage": """SELECT p.id FROM passages AS p
        LEFT JOIN passages AS q ON q.id = p.duplicate_of
        WHERE p.duplicate_of IS NOT NULL AND q.id IS NULL""",
    "source missing from the search index": """SELECT sources.id FROM sources
        WHERE sources.id NOT IN (SELECT rowid FROM sources_fts)""",
    "search index entry without source": """SELECT rowid FROM sources_fts
        WHERE rowid NOT IN (SELECT id FROM sources)""",
    "claim without source": """SELECT claims.id FROM claims
        WHERE claims.source_id NOT IN (SELECT id FROM sources)""",
    "claim outside its source's text": """SELECT claims.id FROM claims
        JOIN sources ON sources.id = claims.source_id
        WHERE claims.end_offset > length(sources.text)
           OR substr(sources.text, claims.start_offset + 1,
                     claims.end_offset - claims.start_offset) <> claims.text""",
    "claim missing from the search index": """SELECT claims.id FROM claims
        WHERE claims.id NOT IN (SELECT rowid FROM claims_fts)""",
    "value without claim": """SELECT id FROM claim_values
        WHERE claim_id NOT IN (SELECT id FROM claims)""",
    "mention without source": """SELECT id FROM mentions
        WHERE source_id NOT IN (SELECT id FROM sources)""",
    "extracted source without claims' entities": """SELECT mentions.id FROM mentions
        WHERE entity_id IS NULL AND source_id IN
              (SELECT id FROM sources WHERE is_current = 1 AND extracted_at IS NOT NULL)""",
    "link without both claims": """SELECT id FROM links
        WHERE claim_a NOT IN (SELECT id FROM claims) OR claim_b NOT IN (SELECT id FROM claims)""",
    "claim without exactly one current verdict": """SELECT claims.id FROM claims
        JOIN sources ON sources.id = claims.source_id AND sources.is_current = 1
        WHERE (SELECT COUNT(*) FROM verdicts
               WHERE verdicts.claim_id = claims.id AND verdicts.is_current = 1) <> 1""",
    "verdict without claim": """SELECT id FROM verdicts
        WHERE claim_id NOT IN (SELECT id FROM claims)""",
    "citation without verdict or claim": """SELECT id FROM citations
        WHERE verdict_id NOT IN (SELECT id FROM verdicts)
           OR claim_id NOT IN (SELECT id FROM claims)""",
    "source extracted but not in a claim's group": """SELECT claims.id FROM claims
        WHERE claims.independence_group IS NULL""",
}


def ledger_problems(path: Path) -> list[str]:
    """Everything wrong with the ledger at `path`; an empty list when it is whole."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        problems = [
            f"integrity_check: {row[0]}"
            for row in conn.execute("PRAGMA integrity_check")
            if row[0] != "ok"
        ]
        problems += [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "sources" in tables:
            for name, query in ORPHANS.items():
                rows = conn.execute(query).fetchall()
                if rows:
                    problems.append(f"{name}: {len(rows)} rows, e.g. {rows[0]}")
    finally:
        conn.close()
    return problems


def normalised_export(path: Path) -> dict[str, Any]:
    """The export without timestamps, with every id replaced by what it stands for, so two
    ledgers holding the same things compare equal whatever order their rows were written in."""
    db = open_ledger(path, create=False)
    document = export_document(db)
    db.conn.close()
    sha = {source["id"]: source["sha256"] for source in document["sources"]}
    passage_key = {p["id"]: (sha[p["source_id"]], p["start"]) for p in document["passages"]}
    sources = sorted(
        (
            {
                **source,
                "id": None,
                "path": Path(source["path"]).name,
                "previous_version_id": sha.get(source["previous_version_id"]),
                "copy_of": sha.get(source["copy_of"]),
            }
            for source in document["sources"]
        ),
        key=lambda source: source["sha256"],
    )
    passages = sorted(
        (
            {
                **passage,
                "id": passage_key[passage["id"]],
                "source_id": sha[passage["source_id"]],
                "duplicate_of": passage_key.get(passage["duplicate_of"]),
            }
            for passage in document["passages"]
        ),
        key=lambda passage: passage["id"],
    )
    claim_key = {
        claim["id"]: (sha[claim["source_id"]], claim["start"], claim["end"], claim["kind"])
        for claim in document["claims"]
    }
    entity_key = {entity["id"]: (entity["type"], entity["name"]) for entity in document["entities"]}
    keys = {
        "source_id": sha,
        "claim_id": claim_key,
        "a": claim_key,
        "b": claim_key,
        "entity_id": entity_key,
        "passage_id": passage_key,
        "duplicate_of": passage_key,
    }

    def rekey(value: Any) -> Any:
        """Ids replaced by content keys, row ids and timestamps dropped, lists in a fixed order."""
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if key in ("id", "verdict_id") or key.endswith("_at"):
                    continue
                if key in keys and item is not None:
                    out[key] = keys[key].get(item, item)
                elif key == "source_ids":
                    out[key] = sorted(sha.get(source, source) for source in item)
                else:
                    out[key] = rekey(item)
            return out
        if isinstance(value, list):
            items = [rekey(item) for item in value]
            return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))
        return value

    rest = {name: rekey(document[name]) for name in ("claims", "entities", "links", "findings")}
    return {"sources": sources, "passages": passages, **rest}


def make_corpus(folder: Path, editions: int = 8) -> list[Path]:
    """The seeds copied with a small edit each: `editions` * 5 distinct files."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for edition in range(editions):
        for seed in sorted(SEEDS.glob("*.txt")):
            target = folder / f"{seed.stem}_e{edition}.txt"
            text = seed.read_text(encoding="utf-8")
            target.write_text(
                f"{text}\nEdition {edition} of this report, corrected on day {edition}.\n",
                encoding="utf-8",
            )
            files.append(target)
    return files


def factcheck_command(ledger: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", "--db", str(ledger), *args]


def factcheck_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "CI": "1"}


def run_factcheck(ledger: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        factcheck_command(ledger, *args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=factcheck_env(),
    )


def copy_ledger(source: Path, target: Path) -> None:
    """Copy a ledger file that no process has open (its WAL is checkpointed on close)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def run_files(tmp_path: Path, *paths: Path) -> sqlite3.Connection:
    """`factcheck run` over the files in a new ledger under tmp_path; a connection to it whose
    rows read by column name."""
    from click.testing import CliRunner

    from factcheck.cli import cli

    tmp_path.mkdir(parents=True, exist_ok=True)
    ledger = tmp_path / "ledger.db"
    result = CliRunner().invoke(cli, ["--db", str(ledger), "run", *map(str, paths)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(ledger)
    conn.row_factory = sqlite3.Row
    return conn
