"""Open the ledger: resolve its path, set up the connection, apply migrations, run transactions."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import re
import signal
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULT_LEDGER = "factcheck.db"
LEDGER_ENV_VAR = "FACTCHECK_DB"
# How long a command waits for another factcheck process to finish writing before giving up.
BUSY_TIMEOUT_MS = 300_000
# The names of migrations.py's migrations, in order. A ledger that records exactly these is read
# with plain sqlite3 (ReadOnlyLedger), without loading sqlite-utils and the migration machinery;
# any other ledger takes the full path, which upgrades a copy or explains the refusal.
# tests/test_startup.py checks these are migrations.py's names.
MIGRATION_NAMES = (
    "0001_sources_and_passages",
    "0002_claims",
    "0003_entities",
    "0004_links_and_verdicts",
    "0005_views",
    "0006_search_index_on_text_changes_only",
    "0007_fact_check_archive",
    "0008_review_carryovers",
    "0009_fetched_sources_and_snapshots",
    "0010_claim_gloss",
    "0011_facts_origins_and_tensions",
    "0012_verdict_inputs",
    "0013_claim_continuity",
    "0014_claim_vectors",
    "0015_match_digests",
    "0016_shared_reason_texts",
    "0017_verdict_changes",
)
SCHEMA = MIGRATION_NAMES[-1]
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' name for it


# Transactions this process has committed, so an interrupted command can say whether it changed
# the ledger.
committed_transactions = 0


class LedgerError(Exception):
    """A problem with the ledger file that the user can fix (missing, locked, read-only, ...)."""


def resolve_ledger_path(option: str | None) -> Path:
    """The ledger path: the --db option, then $FACTCHECK_DB, then ./factcheck.db."""
    return Path(option or os.environ.get(LEDGER_ENV_VAR) or DEFAULT_LEDGER)


def open_ledger(
    path: str | Path, *, create: bool = True, write: bool = True, adopt: bool = False
) -> Database:
    """Open (and, unless create is False, create) the ledger and bring its schema up to date.

    With `write=False` the file is opened read-only and nothing in it changes: no switch to WAL,
    no migration (a ledger from an older factcheck is upgraded in a copy in memory). A file that
    holds another program's tables and no ledger is refused unless `adopt`; a ledger from a newer
    factcheck is refused for writing."""
    path = Path(path)
    if not create and not path.exists():
        raise LedgerError(f"no ledger at {path} (run 'factcheck ingest' or 'factcheck run' first)")
    if path.is_dir():
        raise LedgerError(f"{path} is a folder, not a ledger file")
    if not write:
        return open_for_reading(path)
    from sqlite_utils import Database

    from factcheck.migrations import migrations

    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check_ledger(db, path, adopt=adopt, write=True)
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        if migrations.pending(db):
            # A schema upgrade changes no contents: an interrupted command still says "unchanged".
            with transaction(db, counted=False):
                migrations.apply(db)
    except sqlite3.DatabaseError as error:
        raise LedgerError(f"cannot open ledger {path}: {describe_sqlite_error(error)}") from error
    return db


def open_for_reading(path: Path) -> Database:
    from sqlite_utils import Database

    from factcheck.migrations import migrations

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db = Database(conn)
        check_ledger(db, path, adopt=False, write=False)
        if migrations.pending(db):
            # An older ledger is read through an upgraded copy: reading never writes.
            memory = sqlite3.connect(":memory:")
            conn.backup(memory)
            conn.close()
            db = Database(memory)
            with transaction(db, counted=False):
                migrations.apply(db)
        db.conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        raise LedgerError(f"cannot open ledger {path}: {describe_sqlite_error(error)}") from error
    return db


class ReadOnlyLedger:
    """A ledger opened read-only with plain sqlite3: the few calls the read commands' queries make
    (`query`, `execute`, `quote_fts`, `conn`), as sqlite-utils' Database answers them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters or [])

    def query(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[dict[str, Any]]:
        cursor = self.conn.execute(sql, params or [])
        keys = [description[0] for description in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def quote_fts(self, query: str) -> str:
        """The search words as FTS5 string tokens, so no word is read as an operator (the same
        quoting as sqlite-utils' Database.quote_fts)."""
        if query.count('"') % 2:
            query += '"'
        bits = [bit for bit in FTS_BITS.split(query) if bit and bit != '""']
        return " ".join(bit if bit.startswith('"') else f'"{bit}"' for bit in bits)


FTS_BITS = re.compile(r'\s+|(".*?")')

if TYPE_CHECKING:
    # What a read query is given: the plain reader, or a Database (a command that writes, or an
    # older ledger read through an upgraded copy).
    Ledger = Database | ReadOnlyLedger


def open_reader(path: str | Path) -> ReadOnlyLedger | Database:
    """Open an existing ledger for reading: with plain sqlite3 when its schema is exactly ours
    (the usual case, and the fast one), otherwise the way open_ledger(write=False) does."""
    path = Path(path)
    if not path.exists():
        raise LedgerError(f"no ledger at {path} (run 'factcheck ingest' or 'factcheck run' first)")
    if path.is_dir():
        raise LedgerError(f"{path} is a folder, not a ledger file")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if has_current_schema(conn):
            conn.execute("PRAGMA foreign_keys = ON")
            return ReadOnlyLedger(conn)
        conn.close()
    except sqlite3.DatabaseError as error:
        raise LedgerError(f"cannot open ledger {path}: {describe_sqlite_error(error)}") from error
    return open_for_reading(path)


def has_current_schema(conn: sqlite3.Connection) -> bool:
    """Whether the ledger records exactly factcheck's migrations, MIGRATION_NAMES, and no other."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone():
        return False
    names = conn.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = 'factcheck' ORDER BY name"
    ).fetchall()
    return tuple(name for (name,) in names) == MIGRATION_NAMES


def check_ledger(db: Database, path: Path, *, adopt: bool, write: bool) -> None:
    """Refuse another program's database (unless adopted) and, for writing, a ledger whose
    schema comes from a newer factcheck."""
    from factcheck.migrations import migrations

    tables = {
        row[0]
        for row in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%'"
        )
    }
    if tables and not tables & {migrations.migrations_table, "sources"} and not adopt:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise LedgerError(
            f"{path} is an SQLite database with other tables ({shown}) and no factcheck ledger; "
            f"to add a ledger to it, run 'factcheck --db {path} init'"
        )
    if migrations.migrations_table not in tables:
        return
    known = [migration.name for migration in migrations._migrations]
    unknown = [
        migration.name for migration in migrations.applied(db) if migration.name not in known
    ]
    if not unknown:
        return
    from factcheck import __version__

    pending = [migration.name for migration in migrations.pending(db)]
    if write:
        raise LedgerError(
            f"{path} was written by a newer factcheck (schema {unknown[-1]}; factcheck "
            f"{__version__} knows up to {known[-1]}): upgrade factcheck to change it"
        )
    if pending:
        # Its schema is not ours plus a few steps, so no copy of it can be upgraded to ours.
        raise LedgerError(
            f"{path} was written by another factcheck (it records schema {unknown[-1]}, which "
            f"factcheck {__version__} does not know, and lacks {pending[0]}, which it needs): "
            "open it with the factcheck that wrote it"
        )


@contextlib.contextmanager
def transaction(db: Database, *, counted: bool = True) -> Iterator[Database]:
    """One write transaction: all of it lands, or none of it does.

    BEGIN IMMEDIATE takes the write lock up front, so two factcheck processes queue on the busy
    timeout instead of failing when a reader tries to become a writer. sqlite-utils calls made
    inside nest as savepoints.
    """
    if db.conn.in_transaction:  # inside a command's transaction: nest as a savepoint
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    global committed_transactions
    with ctrl_c_deferred():  # so a Ctrl-C cannot land between the COMMIT and its count
        db.conn.execute("COMMIT")
        if counted:
            committed_transactions += 1


@contextlib.contextmanager
def ctrl_c_deferred() -> Iterator[None]:
    """Hold Ctrl-C until the block is done: a SIGINT that arrives meanwhile is raised after it.

    The handler is swapped rather than the signal blocked. Blocking only masks the main thread,
    and a signal sent to the process goes to any thread that accepts it (numpy's BLAS starts
    some); Python then runs its handler in the main thread at the next bytecode, which could be
    the one between the COMMIT and its count. Only the main thread can set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received and callable(previous):
        previous(signal.SIGINT, None)
    elif received and previous != signal.SIG_IGN:
        raise KeyboardInterrupt


def insert_rows(
    db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """Insert many rows with one prepared statement: sqlite-utils' insert_all builds and checks a
    statement per chunk, which costs more than the write itself for the few rows of one source.
    `table` and `columns` are the caller's own names, never input."""
    db.conn.executemany(insert_statement(table, columns), rows)


def insert_row(db: Database, table: str, row: dict[str, object]) -> int:
    """Insert one row (column names are the caller's own, never input); its rowid."""
    cursor = db.conn.execute(insert_statement(table, tuple(row)), tuple(row.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def insert_statement(table: str, columns: Sequence[str]) -> str:
    placeholders = ", ".join("?" * len(columns))
    return f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({placeholders})"


def reason_text_hash(text: str) -> int:
    """reason_texts.hash: the first 8 bytes of the text's sha256, as a signed 64-bit integer."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big", signed=True)


def store_reason_texts(db: Database, texts: Sequence[str]) -> list[int]:
    """The reason_texts id of each text (claims' reasons, verdicts' rationales), adding the texts
    not stored yet: each distinct text is kept once however many claims and verdicts give it."""
    hashes = {text: reason_text_hash(text) for text in texts}
    ids: dict[str, int] = {}
    for chunk in chunked(list(hashes.values())):
        marks = ", ".join("?" * len(chunk))
        ids.update(
            (text, text_id)
            for text_id, text in db.execute(
                f"SELECT id, text FROM reason_texts WHERE hash IN ({marks})", chunk
            )
        )
    new = [text for text in hashes if text not in ids]
    if new:
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM reason_texts").fetchone()[0]
        ids.update((text, first + n) for n, text in enumerate(new))
        # Two texts with one hash fail here on the UNIQUE constraint rather than share an id.
        db.conn.executemany(
            "INSERT INTO reason_texts (id, text, hash) VALUES (?, ?, ?)",
            [(ids[text], text, hashes[text]) for text in new],
        )
    return [ids[text] for text in texts]


def reason_texts(db: Ledger, ids: Iterable[int]) -> dict[int, str]:
    """The texts of these reason_texts ids."""
    found: dict[int, str] = {}
    for chunk in chunked(sorted(set(ids))):
        marks = ", ".join("?" * len(chunk))
        found.update(db.execute(f"SELECT id, text FROM reason_texts WHERE id IN ({marks})", chunk))
    return found


def chunked(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """Items in runs short enough for one statement's parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def now_iso() -> str:
    """The time a row is written, as every ledger table records it (UTC, to the second)."""
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def describe_sqlite_error(error: sqlite3.Error) -> str:
    """A sentence for the user about an SQLite error."""
    message = str(error)
    if "locked" in message or "busy" in message:
        return "the ledger is locked by another process; try again when it has finished"
    if "readonly" in message or "read-only" in message:
        return "the ledger is read-only"
    if "disk is full" in message or "full" in message:
        return "the disk is full"
    if "not a database" in message or "malformed" in message:
        return "the file is not a factcheck ledger (or it is damaged)"
    if "unable to open" in message:
        return "the file cannot be opened (check the folder exists and is writable)"
    return message
