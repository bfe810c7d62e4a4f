"""The ledger's schema, as numbered migrations applied in order and recorded in the file.

A migration is never edited once released: a ledger written by an older factcheck is brought up to
date by running the migrations it has not seen yet, in place, keeping every row.
"""

from __future__ import annotations

import json

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
    # Trigram tokens find words inside Chinese and Bengali runs, which have no spaces to split on.
    db["sources"].enable_fts(["title", "text"], create_triggers=True, tokenize="trigram")


@migrations(name="0002_claims")
def m0002_claims(db: Database) -> None:
    db.executescript(
        """
        ALTER TABLE sources ADD COLUMN extracted_at TEXT;  -- when claims were last extracted

        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
            start_offset INTEGER NOT NULL,      -- the claim's own words: sources.text[start:end]
            end_offset INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,    -- the sentence it comes from
            sentence_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            lang TEXT,
            kind TEXT NOT NULL,                 -- event, role, quantity, date, quote, ...
            modality TEXT NOT NULL,             -- asserted, reported, hedged, planned, ...
            subject TEXT,                       -- a simple triple, when the claim was decomposed
            predicate TEXT,
            object TEXT,
            attributed_to TEXT,                 -- "according to X", "X said"
            score REAL NOT NULL,                -- check-worthiness in [0, 1]
            is_checkworthy INTEGER NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]', -- JSON list: why the score, kind and modality
            CHECK (start_offset >= 0 AND end_offset >= start_offset)
        );
        CREATE INDEX idx_claims_source ON claims(source_id, start_offset);
        CREATE INDEX idx_claims_passage ON claims(passage_id);

        CREATE TABLE claim_values (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,                 -- number, quantity, percent, money, duration, ...
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL,
            normalized TEXT,                    -- ISO 8601 date or duration, plain number, ...
            unit TEXT,                          -- what a quantity counts
            is_approximate INTEGER NOT NULL DEFAULT 0,
            is_relative INTEGER NOT NULL DEFAULT 0,
            speaker TEXT                        -- who said a quote
        );
        CREATE INDEX idx_claim_values_claim ON claim_values(claim_id);
        CREATE INDEX idx_claim_values_lookup ON claim_values(kind, normalized);

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            text TEXT NOT NULL,                 -- as written, case endings included
            type TEXT NOT NULL,                 -- person, place, organization
            lang TEXT,
            match_form TEXT NOT NULL,           -- titles and case endings removed
            role TEXT                           -- "Interior Minister", when the text gives one
        );
        CREATE INDEX idx_mentions_claim ON mentions(claim_id);
        CREATE INDEX idx_mentions_source ON mentions(source_id, start_offset);

        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,                 -- spelling_variant, weekday_mismatch, ...
            detail TEXT NOT NULL,
            stage TEXT NOT NULL,                -- which stage found it: extract, entities, ...
            source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
            claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
            entity_id INTEGER,
            forms TEXT NOT NULL DEFAULT '[]',     -- JSON list of the forms involved
            locations TEXT NOT NULL DEFAULT '[]', -- JSON list of {source_id, start, end, text}
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_findings_kind ON findings(kind);
        """
    )
    db["claims"].enable_fts(["text"], create_triggers=True, tokenize="trigram")


@migrations(name="0003_entities")
def m0003_entities(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,                 -- the canonical name: the longest Latin form
            type TEXT NOT NULL,                 -- person, place, organization
            mention_count INTEGER NOT NULL,
            source_count INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        ALTER TABLE mentions ADD COLUMN entity_id INTEGER REFERENCES entities(id)
            ON DELETE SET NULL;
        CREATE INDEX idx_mentions_entity ON mentions(entity_id);

        -- Why the mentions of an entity are one: one row per merge, machine or human.
        CREATE TABLE entity_merges (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            mention_a INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
            mention_b INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
            score REAL NOT NULL,
            rule TEXT NOT NULL,                 -- the rule that fired: phonetic_key, gazetteer, ...
            evidence TEXT NOT NULL              -- the scores, in words
        );
        CREATE INDEX idx_entity_merges_entity ON entity_merges(entity_id);

        -- A fact-checker's corrections: they outrank the machine and survive every re-run.
        -- Mentions are named by source and span, which stay the same when claims are re-made.
        CREATE TABLE entity_judgements (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('same', 'different')),
            a_source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            a_start INTEGER NOT NULL,
            a_end INTEGER NOT NULL,
            b_source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            b_start INTEGER NOT NULL,
            b_end INTEGER NOT NULL,
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            note TEXT
        );
        """
    )


@migrations(name="0004_links_and_verdicts")
def m0004_links_and_verdicts(db: Database) -> None:
    db.executescript(
        """
        -- Claims that are not independent of each other (a translation in the same page, a
        -- repeated block, a copied source) share a group; corroboration counts groups.
        ALTER TABLE claims ADD COLUMN independence_group TEXT;

        CREATE TABLE links (
            id INTEGER PRIMARY KEY,
            claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            relation TEXT NOT NULL CHECK (relation IN
                ('corroborates', 'contradicts', 'related', 'translation', 'duplicate')),
            score REAL NOT NULL,
            reason TEXT NOT NULL,               -- in words a fact-checker accepts
            evidence TEXT NOT NULL DEFAULT '{}', -- JSON: shared entities, values, terms
            created_at TEXT NOT NULL,
            CHECK (claim_a < claim_b),
            UNIQUE (claim_a, claim_b)
        );
        CREATE INDEX idx_links_b ON links(claim_b);
        CREATE INDEX idx_links_relation ON links(relation);

        -- Every verdict ever given, machine or human: the history is append-only, and exactly
        -- one row per claim is current.
        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            label TEXT NOT NULL CHECK (label IN ('corroborated', 'contradicted', 'conflicting',
                                                 'unverified', 'not_checkable')),
            confidence REAL NOT NULL,
            rationale TEXT NOT NULL,
            decided_by TEXT NOT NULL,           -- 'auto' or the reviewer's name
            decided_at TEXT NOT NULL,
            note TEXT,                          -- a reviewer's note
            is_current INTEGER NOT NULL DEFAULT 1,
            disagreement TEXT                   -- on a human verdict: newer evidence disagrees
        );
        CREATE UNIQUE INDEX idx_verdicts_current ON verdicts(claim_id) WHERE is_current = 1;
        CREATE INDEX idx_verdicts_claim ON verdicts(claim_id, id);

        CREATE TABLE citations (
            id INTEGER PRIMARY KEY,
            verdict_id INTEGER NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,  -- the cited claim
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'related')),
            quote TEXT NOT NULL,                -- sources.text[start:end]
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            url TEXT
        );
        CREATE INDEX idx_citations_verdict ON citations(verdict_id);
        """
    )


@migrations(name="0005_views")
def m0005_views(db: Database) -> None:
    # Views for reading the ledger without SQL (Datasette, reports): a claim with its source and
    # current verdict, and a link with both claims' quotes side by side. A claim with no verdict
    # row reads as 'unverified' when check-worthy, else 'not_checkable', decided by 'auto'.
    db.executescript(
        """
        -- A name for every source, for listings and for Datasette's foreign-key labels: many
        -- pages give no headline, but every source has an outlet or at least a path.
        ALTER TABLE sources ADD COLUMN label TEXT
            GENERATED ALWAYS AS (coalesce(title, outlet, path)) VIRTUAL;

        CREATE VIEW claim_verdicts AS
        SELECT claims.id AS claim_id,
               claims.text AS claim,
               coalesce(verdicts.label, CASE WHEN claims.is_checkworthy THEN 'unverified'
                                             ELSE 'not_checkable' END) AS verdict,
               verdicts.confidence,
               verdicts.rationale,
               coalesce(verdicts.decided_by, 'auto') AS decided_by,
               verdicts.decided_at,
               verdicts.note,
               verdicts.disagreement,
               (SELECT count(*) FROM citations WHERE citations.verdict_id = verdicts.id)
                   AS citations,
               claims.source_id,
               sources.label AS source,
               sources.outlet,
               sources.published,
               sources.url,
               claims.lang,
               claims.kind,
               claims.modality,
               claims.score,
               claims.is_checkworthy,
               claims.independence_group,
               claims.start_offset,
               claims.end_offset
        FROM claims
        JOIN sources ON sources.id = claims.source_id
        LEFT JOIN verdicts ON verdicts.claim_id = claims.id AND verdicts.is_current = 1
        WHERE sources.is_current = 1;

        CREATE VIEW claim_links AS
        SELECT links.id AS link_id,
               links.relation,
               links.score,
               links.reason,
               links.claim_a,
               sources_a.label AS source_a,
               claims_a.lang AS lang_a,
               substr(sources_a.text, claims_a.start_offset + 1,
                      claims_a.end_offset - claims_a.start_offset) AS quote_a,
               links.claim_b,
               sources_b.label AS source_b,
               claims_b.lang AS lang_b,
               substr(sources_b.text, claims_b.start_offset + 1,
                      claims_b.end_offset - claims_b.start_offset) AS quote_b,
               claims_a.source_id AS source_a_id,
               claims_b.source_id AS source_b_id
        FROM links
        JOIN claims AS claims_a ON claims_a.id = links.claim_a
        JOIN claims AS claims_b ON claims_b.id = links.claim_b
        JOIN sources AS sources_a ON sources_a.id = claims_a.source_id
        JOIN sources AS sources_b ON sources_b.id = claims_b.source_id;

        CREATE VIEW contradiction_pairs AS
        SELECT * FROM claim_links WHERE relation = 'contradicts';
        """
    )


@migrations(name="0006_search_index_on_text_changes_only")
def m0006_search_index_on_text_changes_only(db: Database) -> None:
    # The stages update bookkeeping columns (extracted_at, is_current, independence_group) on
    # every run; the full-text index need only follow the columns it indexes.
    db.executescript(
        """
        DROP TRIGGER IF EXISTS sources_au;
        CREATE TRIGGER sources_au AFTER UPDATE OF title, text ON sources BEGIN
          INSERT INTO sources_fts (sources_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO sources_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        DROP TRIGGER IF EXISTS claims_au;
        CREATE TRIGGER claims_au AFTER UPDATE OF text ON claims BEGIN
          INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
          INSERT INTO claims_fts (rowid, text) VALUES (new.rowid, new.text);
        END;
        """
    )


@migrations(name="0007_fact_check_archive")
def m0007_fact_check_archive(db: Database) -> None:
    # Published fact-checks imported from other organisations (or our own ClaimReview export),
    # content-addressed so the same record imported twice is one row; and, for each ledger
    # claim, the published checks nearest to it with the score and the reason in words.
    db.executescript(
        """
        CREATE TABLE fact_checks (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,        -- of the record's fields: its identity
            claim TEXT NOT NULL,                -- the claim that was checked
            rating TEXT,                        -- the checker's verdict in its own words
            rating_value REAL,                  -- on the checker's scale, when it gives one
            best_rating REAL,
            worst_rating REAL,
            url TEXT,                           -- the published fact-check
            organisation TEXT,                  -- who checked it
            published TEXT,                     -- ISO 8601 date of the check
            title TEXT,
            summary TEXT,
            lang TEXT,
            claimant TEXT,                      -- who made the claim, when the record says
            external_id TEXT,                   -- the publisher's own id
            file_format TEXT NOT NULL,          -- claimreview | csv | checkthat
            imported_from TEXT NOT NULL,        -- the file it was first read from
            imported_at TEXT NOT NULL
        );
        CREATE INDEX idx_fact_checks_org ON fact_checks(organisation);

        CREATE TABLE archive_hits (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            fact_check_id INTEGER NOT NULL REFERENCES fact_checks(id) ON DELETE CASCADE,
            rank INTEGER NOT NULL,              -- 1 = the nearest
            score REAL NOT NULL,                -- in [0, 1]
            reason TEXT NOT NULL,               -- why, in words: the words and date they share
            matched_on TEXT NOT NULL,           -- 'text', or 'gloss' for a Chinese/Bengali claim
            created_at TEXT NOT NULL,
            UNIQUE (claim_id, fact_check_id)
        );
        CREATE INDEX idx_archive_hits_fact_check ON archive_hits(fact_check_id);

        -- Which archive each claim was last matched against, so a run matches only new claims
        -- unless the archive itself changed.
        CREATE TABLE archive_matched (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            archive_state TEXT NOT NULL
        );

        CREATE VIEW claim_fact_checks AS
        SELECT archive_hits.claim_id,
               claims.text AS claim,
               claims.lang,
               archive_hits.rank,
               archive_hits.score,
               archive_hits.reason,
               fact_checks.id AS fact_check_id,
               fact_checks.claim AS checked_claim,
               fact_checks.rating,
               fact_checks.organisation,
               fact_checks.published,
               fact_checks.url,
               claims.source_id
        FROM archive_hits
        JOIN claims ON claims.id = archive_hits.claim_id
        JOIN fact_checks ON fact_checks.id = archive_hits.fact_check_id;
        """
    )
    db["fact_checks"].enable_fts(["claim", "title", "summary"], create_triggers=True)


@migrations(name="0008_review_carryovers")
def m0008_review_carryovers(db: Database) -> None:
    # What became of each human verdict when its source got a new version: carried to the same
    # statement, left on a changed statement that needs a person again, or gone with the
    # statement. A reviewer's work is never dropped without a row saying so.
    db.executescript(
        """
        CREATE TABLE review_carryovers (
            id INTEGER PRIMARY KEY,
            old_claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            new_claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
            new_source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            verdict_id INTEGER NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
            outcome TEXT NOT NULL CHECK (outcome IN ('carried', 'needs_review', 'gone')),
            decided_at TEXT NOT NULL
        );
        CREATE INDEX idx_review_carryovers_new ON review_carryovers(new_claim_id);
        """
    )


@migrations(name="0009_fetched_sources_and_snapshots")
def m0009_fetched_sources_and_snapshots(db: Database) -> None:
    # A source fetched by URL records where and when its bytes came from; a source whose text is
    # derived from its bytes (a page, a PDF, a DOCX) keeps those bytes, content-addressed, so a
    # quote and its offsets stay checkable after the page changes or disappears.
    db.executescript(
        """
        CREATE TABLE snapshots (
            sha256 TEXT PRIMARY KEY,            -- of content; the same bytes are kept once
            content BLOB NOT NULL,              -- the bytes read, exactly
            byte_size INTEGER NOT NULL,
            kept_at TEXT NOT NULL
        );
        ALTER TABLE sources ADD COLUMN snapshot_sha256 TEXT REFERENCES snapshots(sha256);
        ALTER TABLE sources ADD COLUMN requested_url TEXT;  -- the URL the user gave
        ALTER TABLE sources ADD COLUMN final_url TEXT;      -- after redirects
        ALTER TABLE sources ADD COLUMN fetched_at TEXT;     -- UTC, to the second
        ALTER TABLE sources ADD COLUMN http_status INTEGER;
        ALTER TABLE sources ADD COLUMN content_type TEXT;   -- as the server sent it
        ALTER TABLE sources ADD COLUMN last_modified TEXT;  -- the Last-Modified header
        ALTER TABLE sources ADD COLUMN etag TEXT;           -- the ETag header
        ALTER TABLE passages ADD COLUMN page INTEGER;       -- a PDF's page number, from 1
        """
    )


@migrations(name="0010_claim_gloss")
def m0010_claim_gloss(db: Database) -> None:
    # An English gloss of each Chinese and Bengali claim, word by word from lexical tables with
    # resolved names, numbers and dates in English: a matching and reading aid, not a
    # translation. NULL for English claims.
    db.execute("ALTER TABLE claims ADD COLUMN gloss TEXT")


@migrations(name="0011_facts_origins_and_tensions")
def m0011_facts_origins_and_tensions(db: Database) -> None:
    # One fact per statement however many wordings it has (a claim, its translations, repeats
    # and same-source restatements, and the same statement from other sources): fact_id is the
    # claim that stands for it. origin is who the statement comes from (a quoted speaker, else
    # its independence group), so two outlets quoting one ambassador count once. A tension is a
    # link a fact-checker must look at: a contradiction, or a related link whose evidence names
    # a tension (discrepancy, plan_vs_done, existence, denial).
    db.executescript(
        """
        ALTER TABLE claims ADD COLUMN fact_id INTEGER;
        ALTER TABLE claims ADD COLUMN origin TEXT;
        CREATE INDEX idx_claims_fact ON claims(fact_id);

        CREATE VIEW claim_tensions AS
        SELECT coalesce(json_extract(links.evidence, '$.tension'), 'contradiction') AS tension,
               claim_links.*
        FROM claim_links JOIN links ON links.id = claim_links.link_id
        WHERE links.relation = 'contradicts'
           OR json_extract(links.evidence, '$.tension') IS NOT NULL;
        """
    )


@migrations(name="0012_verdict_inputs")
def m0012_verdict_inputs(db: Database) -> None:
    # What a verdict was decided from (a digest of the claim as its fact, the fact's evidence and
    # the speaker's name, with the factcheck version): a run decides again only the claims whose
    # inputs changed, which gives the verdicts deciding every claim would. NULL: decide again.
    db.execute("ALTER TABLE verdicts ADD COLUMN inputs TEXT")


@migrations(name="0013_claim_continuity")
def m0013_claim_continuity(db: Database) -> None:
    # The claim of the previous version of its source that a claim continues (the same words at
    # the same place, else the nearest same words): reports keep that claim's #claim-N anchor on
    # it, so a link published before the new version still finds the statement. NULL for a new
    # statement or a source without an earlier version.
    db.executescript(
        """
        ALTER TABLE claims ADD COLUMN previous_claim_id INTEGER
            REFERENCES claims(id) ON DELETE SET NULL;
        CREATE INDEX idx_claims_previous ON claims(previous_claim_id)
            WHERE previous_claim_id IS NOT NULL;
        """
    )


@migrations(name="0014_claim_vectors")
def m0014_claim_vectors(db: Database) -> None:
    # The optional sentence encoder's vectors (factcheck[semantic], `--semantic`), kept by a
    # hash of the claim's text and the model's name: a claim is embedded once, however many
    # runs, sources and re-extractions repeat its words; a re-run embeds nothing new.
    db.execute(
        """
        CREATE TABLE claim_vectors (
            text_hash TEXT PRIMARY KEY,   -- sha256 of the claim's text, as embedded
            model TEXT NOT NULL,          -- the encoder that made it
            vector BLOB NOT NULL          -- float32 values, little-endian, L2-normalised
        )
        """
    )


@migrations(name="0015_match_digests")
def m0015_match_digests(db: Database) -> None:
    # Each current claim's facts as the last match run read them, as two digests: what it is
    # paired and counted on, and everything else (match/incremental.py). A run decides again
    # only the pairs a new or changed claim can move; a ledger without them is matched in full.
    db.execute(
        """
        CREATE TABLE match_digests (
            claim_id INTEGER PRIMARY KEY,  -- no foreign key: a removed claim's row tells it left
            keys INTEGER NOT NULL,
            facts INTEGER NOT NULL
        )
        """
    )


@migrations(name="0016_shared_reason_texts")
def m0016_shared_reason_texts(db: Database) -> None:
    # Claims repeat the same reasons ("reported: cue “said”") and verdicts the same rationales
    # ("Not checked: not a check-worthy statement."): each distinct text is stored once in
    # reason_texts, found again by a 64-bit hash of it, and claims.reason_ids (a JSON list of
    # their ids, in order) and verdicts.rationale_id refer to it. The claim_reasons view lists
    # each claim's reasons in words. The search indexes are rebuilt without the per-row token
    # counts (columnsize=0), which only ranking needs and no search here ranks by; and the
    # index on claim_values(kind, normalized) goes, since no query looks values up that way.
    from factcheck.db import store_reason_texts

    db.executescript(
        """
        CREATE TABLE reason_texts (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            hash INTEGER NOT NULL UNIQUE    -- the first 8 bytes of the text's sha256, signed
        );
        ALTER TABLE claims RENAME COLUMN reasons TO reason_ids;  -- JSON list of reason_texts ids
        ALTER TABLE verdicts ADD COLUMN rationale_id INTEGER REFERENCES reason_texts(id);
        DROP INDEX idx_claim_values_lookup;
        """
    )
    claims = db.execute("SELECT id, reason_ids FROM claims ORDER BY id").fetchall()
    lists = [json.loads(reasons) for _, reasons in claims]
    ids = iter(store_reason_texts(db, [reason for reasons in lists for reason in reasons]))
    db.conn.executemany(
        "UPDATE claims SET reason_ids = ? WHERE id = ?",
        [
            (json.dumps([next(ids) for _ in reasons], separators=(",", ":")), claim_id)
            for (claim_id, _), reasons in zip(claims, lists, strict=True)
        ],
    )
    verdicts = db.execute("SELECT id, rationale FROM verdicts ORDER BY id").fetchall()
    rationale_ids = store_reason_texts(db, [rationale for _, rationale in verdicts])
    db.conn.executemany(
        "UPDATE verdicts SET rationale_id = ? WHERE id = ?",
        [
            (text_id, verdict_id)
            for text_id, (verdict_id, _) in zip(rationale_ids, verdicts, strict=True)
        ],
    )
    db.executescript(
        """
        DROP VIEW claim_verdicts;
        ALTER TABLE verdicts DROP COLUMN rationale;

        CREATE VIEW claim_verdicts AS
        SELECT claims.id AS claim_id,
               claims.text AS claim,
               coalesce(verdicts.label, CASE WHEN claims.is_checkworthy THEN 'unverified'
                                             ELSE 'not_checkable' END) AS verdict,
               verdicts.confidence,
               (SELECT text FROM reason_texts WHERE reason_texts.id = verdicts.rationale_id)
                   AS rationale,
               coalesce(verdicts.decided_by, 'auto') AS decided_by,
               verdicts.decided_at,
               verdicts.note,
               verdicts.disagreement,
               (SELECT count(*) FROM citations WHERE citations.verdict_id = verdicts.id)
                   AS citations,
               claims.source_id,
               sources.label AS source,
               sources.outlet,
               sources.published,
               sources.url,
               claims.lang,
               claims.kind,
               claims.modality,
               claims.score,
               claims.is_checkworthy,
               claims.independence_group,
               claims.start_offset,
               claims.end_offset
        FROM claims
        JOIN sources ON sources.id = claims.source_id
        LEFT JOIN verdicts ON verdicts.claim_id = claims.id AND verdicts.is_current = 1
        WHERE sources.is_current = 1;

        CREATE VIEW claim_reasons AS
        SELECT claims.id AS claim_id,
               reason.key + 1 AS position,
               reason_texts.text AS reason
        FROM claims, json_each(claims.reason_ids) AS reason
        JOIN reason_texts ON reason_texts.id = reason.value;
        """
    )
    for table, columns in (("claims", ["text"]), ("sources", ["title", "text"])):
        rebuild_search_index(db, table, columns)


@migrations(name="0017_verdict_changes")
def m0017_verdict_changes(db: Database) -> None:
    # What changed since the last verdict run, as triggers record it whoever writes: a claim's
    # row, values, links or source; a fact that gained or lost a claim; an entity (a speaker's
    # name). The verdict stage judges only the facts these can reach (verdicts/changes.py) and
    # empties the table. `ledger_state` keeps the factcheck version the verdicts were decided
    # with: another version, or none (a ledger from before this migration), decides them all.
    db.executescript(
        """
        CREATE TABLE verdict_changes (
            kind TEXT NOT NULL CHECK (kind IN ('claim', 'fact', 'entity')),
            id INTEGER NOT NULL,    -- a claim id, a fact id (its lead claim's id), an entity id
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        CREATE TABLE ledger_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TRIGGER claims_verdict_ai AFTER INSERT ON claims BEGIN
            INSERT OR IGNORE INTO verdict_changes VALUES ('claim', NEW.id);
        END;
        CREATE TRIGGER claims_verdict_ad AFTER DELETE ON claims BEGIN
            INSERT OR IGNORE INTO verdict_changes
            VALUES ('claim', OLD.id), ('fact', coalesce(OLD.fact_id, OLD.id));
        END;
        CREATE TRIGGER claims_verdict_au AFTER UPDATE ON claims
        WHEN OLD.is_checkworthy IS NOT NEW.is_checkworthy OR OLD.modality IS NOT NEW.modality
          OR OLD.text IS NOT NEW.text OR OLD.lang IS NOT NEW.lang OR OLD.kind IS NOT NEW.kind
          OR OLD.independence_group IS NOT NEW.independence_group
          OR OLD.origin IS NOT NEW.origin OR OLD.source_id IS NOT NEW.source_id
          OR OLD.fact_id IS NOT NEW.fact_id OR OLD.start_offset IS NOT NEW.start_offset
          OR OLD.end_offset IS NOT NEW.end_offset
        BEGIN
            INSERT OR IGNORE INTO verdict_changes
            VALUES ('claim', NEW.id), ('fact', coalesce(OLD.fact_id, OLD.id)),
                   ('fact', coalesce(NEW.fact_id, NEW.id));
        END;
        CREATE TRIGGER claim_values_verdict_ai AFTER INSERT ON claim_values BEGIN
            INSERT OR IGNORE INTO verdict_changes VALUES ('claim', NEW.claim_id);
        END;
        CREATE TRIGGER claim_values_verdict_ad AFTER DELETE ON claim_values BEGIN
            INSERT OR IGNORE INTO verdict_changes VALUES ('claim', OLD.claim_id);
        END;
        CREATE TRIGGER claim_values_verdict_au AFTER UPDATE ON claim_values BEGIN
            INSERT OR IGNORE INTO verdict_changes
            VALUES ('claim', OLD.claim_id), ('claim', NEW.claim_id);
        END;
        CREATE TRIGGER links_verdict_ai AFTER INSERT ON links BEGIN
            INSERT OR IGNORE INTO verdict_changes
            VALUES ('claim', NEW.claim_a), ('claim', NEW.claim_b);
        END;
        CREATE TRIGGER links_verdict_ad AFTER DELETE ON links BEGIN
            INSERT OR IGNORE INTO verdict_changes
            VALUES ('claim', OLD.claim_a), ('claim', OLD.claim_b);
        END;
        CREATE TRIGGER links_verdict_au AFTER UPDATE ON links BEGIN
            INSERT OR IGNORE INTO verdict_changes
            VALUES ('claim', OLD.claim_a), ('claim', OLD.claim_b),
                   ('claim', NEW.claim_a), ('claim', NEW.claim_b);
        END;
        CREATE TRIGGER sources_verdict_au AFTER UPDATE ON sources
        WHEN OLD.url IS NOT NEW.url OR OLD.published IS NOT NEW.published
          OR OLD.is_current IS NOT NEW.is_current
        BEGIN
            INSERT OR IGNORE INTO verdict_changes
            SELECT 'claim', id FROM claims WHERE source_id = NEW.id;
        END;
        CREATE TRIGGER entities_verdict_ai AFTER INSERT ON entities BEGIN
            INSERT OR IGNORE INTO verdict_changes VALUES ('entity', NEW.id);
        END;
        CREATE TRIGGER entities_verdict_ad AFTER DELETE ON entities BEGIN
            INSERT OR IGNORE INTO verdict_changes VALUES ('entity', OLD.id);
        END;
        CREATE TRIGGER entities_verdict_au AFTER UPDATE OF name ON entities
        WHEN OLD.name IS NOT NEW.name
        BEGIN
            INSERT OR IGNORE INTO verdict_changes VALUES ('entity', NEW.id);
        END;
        """
    )


def rebuild_search_index(db: Database, table: str, columns: list[str]) -> None:
    """The table's trigram index made again, without per-row token counts (columnsize=0); the
    triggers that keep it current stay as they are."""
    names = ", ".join(f'"{column}"' for column in columns)
    db.executescript(
        f"""
        DROP TABLE [{table}_fts];
        CREATE VIRTUAL TABLE [{table}_fts] USING FTS5 (
            {names}, tokenize='trigram', content="{table}", columnsize=0
        );
        INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild');
        """
    )
