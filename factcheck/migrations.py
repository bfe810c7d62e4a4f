"""The ledger's schema, as numbered migrations applied in order and recorded in the file.

A migration is never edited once released: a ledger written by an older factcheck is brought up to
date by running the migrations it has not seen yet, in place, keeping every row.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("factcheck")


@migrations(name="0001_sources_and_passages")
def m0001_sources_and_passages(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,                 -- as given to ingest; '-' for standard input
            resolved_path TEXT,                 -- absolute path: a file's identity across runs
            sha256 TEXT NOT NULL,               -- of the bytes read
            version INTEGER NOT NULL DEFAULT 1, -- 2, 3, ... when the content at path changed
            previous_version_id INTEGER REFERENCES sources(id),
            is_current INTEGER NOT NULL DEFAULT 1,
            format TEXT NOT NULL,               -- text | markdown | html
            title TEXT,
            outlet TEXT,
            url TEXT,
            published TEXT,                     -- ISO 8601 date, or NULL when the text gives none
            metadata_evidence TEXT NOT NULL DEFAULT '{}',  -- JSON: field -> where it was read
            languages TEXT NOT NULL DEFAULT '[]',           -- JSON list of ISO 639-1 codes
            copy_of INTEGER REFERENCES sources(id),
            byte_size INTEGER NOT NULL,
            text TEXT NOT NULL,                 -- the decoded text; every offset points into it
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX idx_sources_sha256 ON sources(sha256);
        CREATE INDEX idx_sources_path ON sources(resolved_path, is_current);

        CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,               -- order within the source, from 1
            start_offset INTEGER NOT NULL,      -- [start, end) into sources.text
            end_offset INTEGER NOT NULL,
            lang TEXT,                          -- ISO 639-1, NULL when undetermined
            kind TEXT NOT NULL,                 -- body, title, heading, duplicate or a clutter kind
            kind_reason TEXT NOT NULL,          -- why it got that kind, in words
            duplicate_of INTEGER REFERENCES passages(id),
            text_hash TEXT NOT NULL,            -- of the normalised passage text, to find repeats
            CHECK (start_offset >= 0 AND end_offset >= start_offset)
        );
        CREATE INDEX idx_passages_source ON passages(source_id, seq);
        CREATE INDEX idx_passages_hash ON passages(text_hash);
        """
    )
    db["sources"].enable_fts(["title", "text"], create_triggers=True)
