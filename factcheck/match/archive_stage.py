"""The fact-check archive in the ledger: import published checks (content-addressed, so a file
imported twice adds nothing), match every current claim against them, and search them.

A Chinese or Bengali claim is matched through its English gloss as well as its own words, so a
Bengali sentence finds an English fact-check of the same story.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from factcheck.db import chunked, now_iso, transaction
from factcheck.match.archive import ArchiveRecord, ReadResult, read_archive_bytes, read_archive_file
from factcheck.match.queries import fact_check_summary
from factcheck.match.retrieval import ArchiveDoc, ArchiveIndex, Hit, model_weights

# A claim's published checks: at most this many, each at least as likely to be a check of this
# very claim as the acceptance threshold in retrieval_weights.json (chosen on the CheckThat!
# Dev queries for at most 5% wrong hits when the archive holds no check of the claim).
MAX_HITS_PER_CLAIM = 3
# A claim this short says too little to look up ("the minister", a bare date).
MIN_QUERY_WORDS = 3


@dataclass
class ImportReport:
    files: int = 0
    added: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    matched: ArchiveMatchReport | None = None

    def describe(self) -> str:
        text = (
            f"{self.added} fact-checks added, {self.unchanged} already in the archive, "
            f"{len(self.problems)} not read"
        )
        if self.matched:
            text += f"; {self.matched.describe()}"
        return text


@dataclass
class ArchiveMatchReport:
    claims: int = 0
    hits: int = 0
    claims_with_hits: int = 0

    def describe(self) -> str:
        return (
            f"matched {self.claims} claims against the archive: {self.claims_with_hits} "
            f"previously fact-checked ({self.hits} hits)"
        )


@dataclass(frozen=True)
class ArchiveMatch:
    """A published check found for a text, with why."""

    fact_check: dict[str, Any]
    score: float
    reason: str


def archive_state(db: Database) -> str:
    """Changes whenever a fact-check is added or removed."""
    count, last = db.execute("SELECT count(*), max(id) FROM fact_checks").fetchone()
    return f"{count}:{last}"


def insert_records(db: Database, records: Sequence[ArchiveRecord], origin: str) -> int:
    now = now_iso()
    added = 0
    for record in records:
        cursor = db.execute(
            """INSERT OR IGNORE INTO fact_checks (sha256, claim, rating, rating_value,
               best_rating, worst_rating, url, organisation, published, title, summary, lang,
               claimant, external_id, file_format, imported_from, imported_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                record.sha256,
                record.claim,
                record.rating,
                record.rating_value,
                record.best_rating,
                record.worst_rating,
                record.url,
                record.organisation,
                record.published,
                record.title,
                record.summary,
                record.lang,
                record.claimant,
                record.external_id,
                record.file_format,
                origin,
                now,
            ],
        )
        added += cursor.rowcount
    return added


def import_archive(
    db: Database,
    paths: Sequence[str],
    *,
    read_stdin: Callable[[], bytes] | None = None,
    match: bool = True,
) -> ImportReport:
    """Read each file, put its good records in (one transaction), then match the ledger's
    claims against the archive. Bad records and files are reported, never raised."""
    report = ImportReport()
    results: list[tuple[str, ReadResult]] = []
    for path in paths:
        if path == "-" and read_stdin is not None:
            result = read_archive_bytes(read_stdin(), "-")
        else:
            result = read_archive_file(path)
        results.append((path if path == "-" else str(Path(path).resolve()), result))
        report.problems.extend(result.problems)
        report.notes.extend(result.notes)
    with transaction(db):
        for origin, result in results:
            if result.records:
                report.files += 1
            added = insert_records(db, result.records, origin)
            report.added += added
            report.unchanged += len({r.sha256 for r in result.records}) - added
        if match and report.added:
            report.matched = match_archive(db)
    return report


def archive_docs(db: Database) -> list[ArchiveDoc]:
    return [
        ArchiveDoc(row[0], row[1], row[2] or "", row[3] or "", row[4])
        for row in db.execute(
            "SELECT id, claim, title, summary, published FROM fact_checks ORDER BY id"
        ).fetchall()
    ]


def query_text(text: str, gloss: str | None) -> tuple[str, str]:
    """What a claim is looked up by: its words, and its English gloss when it has one."""
    if gloss:
        return f"{text} {gloss}", "gloss"
    return text, "text"


def hit_reason(hit: Hit, fact_check_published: str | None, published: str | None) -> str:
    words = ", ".join(hit.shared_terms) if hit.shared_terms else "close wording"
    reason = f"shares {words}"
    if fact_check_published and published:
        reason += f"; checked {fact_check_published}, the claim's source is of {published}"
    return reason + f" (score {hit.score:.2f})"


def claim_rows(db: Database, *, only_unmatched_against: str | None) -> list[dict[str, Any]]:
    columns = {column.name for column in db["claims"].columns}
    gloss = "claims.gloss" if "gloss" in columns else "NULL"
    sql = f"""SELECT claims.id, claims.text, claims.lang, {gloss} AS gloss, sources.published
              FROM claims JOIN sources ON sources.id = claims.source_id
              WHERE sources.is_current = 1"""
    params: list[Any] = []
    if only_unmatched_against is not None:
        sql += """ AND claims.id NOT IN (SELECT claim_id FROM archive_matched
                                         WHERE archive_state = ?)"""
        params.append(only_unmatched_against)
    return [dict(row) for row in db.query(sql + " ORDER BY claims.id", params)]


def match_archive(db: Database, *, everything: bool = False) -> ArchiveMatchReport:
    """Find the published checks of every current claim not yet matched against this archive
    (every claim when the archive changed, or with everything=True)."""
    report = ArchiveMatchReport()
    with transaction(db):
        state = archive_state(db)
        if state.startswith("0:"):  # no archive: nothing to find, and no old hits to keep
            db.execute("DELETE FROM archive_hits")
            return report
        claims = claim_rows(db, only_unmatched_against=None if everything else state)
        if not claims:
            return report
        report.claims = len(claims)
        docs = archive_docs(db)
        published_of = {doc.id: doc.published for doc in docs}
        index = ArchiveIndex(docs) if docs else None
        threshold = model_weights()["accept"]["threshold"]
        now = now_iso()
        ids = [claim["id"] for claim in claims]
        for chunk in chunked(ids):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM archive_hits WHERE claim_id IN ({marks})", chunk)
        rows = []
        for claim in claims:
            text, matched_on = query_text(claim["text"], claim["gloss"])
            hits: list[Hit] = []
            if index is not None and (
                len(text.split()) >= MIN_QUERY_WORDS or claim["lang"] in ("zh", "bn")
            ):
                found = index.search(text, MAX_HITS_PER_CLAIM, claim["published"])
                hits = [hit for hit in found if hit.score >= threshold]
            for rank, hit in enumerate(hits, 1):
                rows.append(
                    (
                        claim["id"],
                        hit.doc_id,
                        rank,
                        hit.score,
                        hit_reason(hit, published_of.get(hit.doc_id), claim["published"]),
                        matched_on,
                        now,
                    )
                )
            if hits:
                report.claims_with_hits += 1
        db.conn.executemany(
            """INSERT INTO archive_hits (claim_id, fact_check_id, rank, score, reason, matched_on,
               created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
        db.conn.executemany(
            "INSERT OR REPLACE INTO archive_matched (claim_id, archive_state) VALUES (?, ?)",
            [(claim_id, state) for claim_id in ids],
        )
        report.hits = len(rows)
    return report


def search_archive(
    db: Database, text: str, *, limit: int = 5, published: str | None = None
) -> list[ArchiveMatch]:
    """The published checks nearest to a sentence typed in, best first."""
    docs = archive_docs(db)
    if not docs:
        return []
    index = ArchiveIndex(docs)
    published_of = {doc.id: doc.published for doc in docs}
    hits = index.search(text, limit, published)
    by_id = (
        {
            row["id"]: row
            for row in db.query(
                f"SELECT * FROM fact_checks WHERE id IN ({','.join('?' * len(hits))})",
                [hit.doc_id for hit in hits],
            )
        }
        if hits
        else {}
    )
    return [
        ArchiveMatch(
            fact_check_summary(by_id[hit.doc_id]),
            hit.score,
            hit_reason(hit, published_of.get(hit.doc_id), published),
        )
        for hit in hits
    ]


def all_claim_fact_checks(db: Database) -> dict[int, list[dict[str, Any]]]:
    result: dict[int, list[dict[str, Any]]] = {}
    for row in db.query(
        """SELECT archive_hits.claim_id, fact_checks.*, archive_hits.score,
                  archive_hits.reason, archive_hits.matched_on, archive_hits.rank
           FROM archive_hits JOIN fact_checks ON fact_checks.id = archive_hits.fact_check_id
           ORDER BY archive_hits.claim_id, archive_hits.rank"""
    ):
        result.setdefault(row["claim_id"], []).append(
            {
                **fact_check_summary(row),
                "score": row["score"],
                "reason": row["reason"],
                "matched_on": row["matched_on"],
                "rank": row["rank"],
            }
        )
    return result


def previously_checked(fact_check: dict[str, Any]) -> str:
    """ "previously fact-checked: False, by Snopes, 2021-03-04, URL" """
    parts = [fact_check.get("rating") or "rating not given"]
    if fact_check.get("organisation"):
        parts.append(f"by {fact_check['organisation']}")
    if fact_check.get("published"):
        parts.append(fact_check["published"])
    if fact_check.get("url"):
        parts.append(fact_check["url"])
    return "previously fact-checked: " + ", ".join(parts)
