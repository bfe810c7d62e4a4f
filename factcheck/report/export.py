"""The whole ledger as one JSON document: factcheck's machine-readable contract.

The shape is the one ../shared/notes/export-json.md describes; fields are added, never renamed or
dropped. Lists a later stage has not filled yet are empty.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from factcheck import __version__
from factcheck.db import ctrl_c_deferred
from factcheck.extract.queries import with_reasons
from factcheck.report.archive import PublishedCheck, load_glosses, load_published_checks
from factcheck.report.data import Verdict, default_verdict, load_verdicts


def export_document(db: Database) -> dict[str, Any]:
    sources = [
        {
            "id": row["id"],
            "path": row["path"],
            "sha256": row["sha256"],
            "title": row["title"],
            "outlet": row["outlet"],
            "url": row["url"],
            "published": row["published"],
            "languages": json.loads(row["languages"]),
            "version": row["version"],
            "previous_version_id": row["previous_version_id"],
            "copy_of": row["copy_of"],
            "format": row["format"],
        }
        for row in db.query("SELECT * FROM sources WHERE is_current = 1 ORDER BY id")
    ]
    passages = [
        {
            "id": row["id"],
            "source_id": row["source_id"],
            "start": row["start_offset"],
            "end": row["end_offset"],
            "lang": row["lang"],
            "kind": row["kind"],
            "kind_reason": row["kind_reason"],
            "duplicate_of": row["duplicate_of"],
        }
        for row in db.query(
            """SELECT passages.* FROM passages JOIN sources ON sources.id = passages.source_id
               WHERE sources.is_current = 1 ORDER BY passages.id"""
        )
    ]
    return {
        "factcheck": {
            "version": __version__,
            "exported_at": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "sources": sources,
        "passages": passages,
        "claims": export_claims(db),
        "entities": export_entities(db),
        "links": export_links(db),
        "findings": export_findings(db),
    }


def export_published_check(check: PublishedCheck) -> dict[str, Any]:
    return {
        "fact_check_id": check.fact_check_id,
        "claim": check.claim,
        "rating": check.rating,
        "organisation": check.organisation,
        "published": check.published,
        "url": check.url,
        "score": check.score,
        "reason": check.reason,
    }


def export_verdict(verdict: Verdict) -> dict[str, Any]:
    return {
        "label": verdict.label,
        "confidence": verdict.confidence,
        "rationale": verdict.rationale,
        "decided_by": verdict.decided_by,
        "decided_at": verdict.decided_at,
        "note": verdict.note,
        "disagreement": verdict.disagreement,
        "citations": [
            {
                "claim_id": citation.claim_id,
                "source_id": citation.source_id,
                "quote": citation.quote,
                "start": citation.start,
                "end": citation.end,
                "url": citation.url,
                "stance": citation.stance,
                "fetched_at": citation.fetched_at,
                "page": citation.page,
            }
            for citation in verdict.citations
        ],
    }


def export_claims(db: Database) -> list[dict[str, Any]]:
    """Claims of current sources with their values and current verdict; a claim with no verdict
    row gets its default (unverified if check-worthy, else not_checkable), decided by 'auto'."""
    values: dict[int, list[dict[str, Any]]] = {}
    for row in db.query("SELECT * FROM claim_values ORDER BY claim_id, start_offset, id"):
        values.setdefault(row["claim_id"], []).append(
            {
                "kind": row["kind"],
                "start": row["start_offset"],
                "end": row["end_offset"],
                "text": row["text"],
                "value": row["value"],
                "normalized": row["normalized"],
                "unit": row["unit"],
                "is_approximate": bool(row["is_approximate"]),
                "is_relative": bool(row["is_relative"]),
                "speaker": row["speaker"],
            }
        )
    verdicts = load_verdicts(db)
    published_checks = load_published_checks(db)
    glosses = load_glosses(db)
    return [
        {
            "id": row["id"],
            "source_id": row["source_id"],
            "passage_id": row["passage_id"],
            "start": row["start_offset"],
            "end": row["end_offset"],
            "text": row["text"],
            "lang": row["lang"],
            "kind": row["kind"],
            "modality": row["modality"],
            "checkworthy": bool(row["is_checkworthy"]),
            "score": row["score"],
            "reasons": row["reasons"],
            "subject": row["subject"],
            "predicate": row["predicate"],
            "object": row["object"],
            "attributed_to": row["attributed_to"],
            "independence_group": row["independence_group"],
            "values": values.get(row["id"], []),
            "verdict": export_verdict(
                verdicts.get(row["id"]) or default_verdict(bool(row["is_checkworthy"]))
            ),
            "gloss": glosses.get(row["id"]),
            "fact_checks": [
                export_published_check(check) for check in published_checks.get(row["id"], ())
            ],
        }
        for row in with_reasons(
            db,
            list(
                db.query(
                    """SELECT claims.* FROM claims JOIN sources ON sources.id = claims.source_id
                       WHERE sources.is_current = 1 ORDER BY claims.id"""
                )
            ),
        )
    ]


def export_entities(db: Database) -> list[dict[str, Any]]:
    mentions: dict[int, list[dict[str, Any]]] = {}
    for row in db.query(
        """SELECT mentions.* FROM mentions JOIN sources ON sources.id = mentions.source_id
           WHERE sources.is_current = 1 AND mentions.entity_id IS NOT NULL
           ORDER BY mentions.source_id, mentions.start_offset, mentions.id"""
    ):
        mentions.setdefault(row["entity_id"], []).append(
            {
                "id": row["id"],
                "source_id": row["source_id"],
                "claim_id": row["claim_id"],
                "text": row["text"],
                "start": row["start_offset"],
                "end": row["end_offset"],
                "lang": row["lang"],
                "match_form": row["match_form"],
                "role": row["role"],
            }
        )
    return [
        {
            "id": row["id"],
            "name": row["name"],
            "type": row["type"],
            "mention_count": row["mention_count"],
            "source_count": row["source_count"],
            "mentions": mentions.get(row["id"], []),
        }
        for row in db.query("SELECT * FROM entities ORDER BY id")
    ]


def export_links(db: Database) -> list[dict[str, Any]]:
    return [
        {
            "id": row["id"],
            "a": row["claim_a"],
            "b": row["claim_b"],
            "relation": row["relation"],
            "score": row["score"],
            "reason": row["reason"],
            "evidence": json.loads(row["evidence"]),
            "created_at": row["created_at"],
        }
        for row in db.query("SELECT * FROM links ORDER BY id")
    ]


def export_findings(db: Database) -> list[dict[str, Any]]:
    findings = []
    for row in db.query("SELECT * FROM findings ORDER BY id"):
        locations = json.loads(row["locations"])
        source_ids = {location["source_id"] for location in locations if "source_id" in location}
        if row["source_id"] is not None:
            source_ids.add(row["source_id"])
        findings.append(
            {
                "id": row["id"],
                "kind": row["kind"],
                "detail": row["detail"],
                "stage": row["stage"],
                "source_ids": sorted(source_ids),
                "claim_id": row["claim_id"],
                "entity_id": row["entity_id"],
                "forms": json.loads(row["forms"]),
                "locations": locations,
                "created_at": row["created_at"],
            }
        )
    return findings


def write_output(content: str, destination: str | None, *, force: bool = False) -> None:
    """Write to standard output ('-' or None) or to a file, atomically: a write that fails leaves
    no half-written file, and an existing file reached through a symlink is not replaced unless
    `force` is given. Only a regular file is replaced (never a device, a FIFO or a socket), and
    the file gets the mode any new file would get (the umask), or keeps the one it had."""
    if destination in (None, "-"):
        sys.stdout.write(content)
        sys.stdout.flush()  # a full disk behind a redirect is an error now, not at exit
        return
    target = Path(destination)
    if target.is_symlink() and not force:
        raise FileExistsError(f"{destination} is a symbolic link; use --force to write through it")
    target = target.resolve() if target.is_symlink() else target
    # Checked first so the error names the user's path, not the temporary file beside it.
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder, not a file", destination)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder to write into", destination)
    mode = new_file_mode()
    if target.exists():
        status = target.stat()
        if not stat.S_ISREG(status.st_mode):
            raise FileExistsError(
                f"{destination} is {file_kind(status.st_mode)}, not a regular file: factcheck "
                "replaces only regular files (use '-' for standard output)"
            )
        mode = stat.S_IMODE(status.st_mode)
    # Ctrl-C is held from the temporary file's creation to its rename, so no moment between them
    # can leave it behind; the interrupt is raised once the file is whole.
    with ctrl_c_deferred():
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            os.fchmod(descriptor, mode)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            if error.filename:
                raise
            raise OSError(error.errno, error.strerror, destination) from error  # name the file
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def new_file_mode() -> int:
    """What open() would give a new file: 0666 less the umask (which can only be read by
    setting it)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((words for test, words in kinds if test(mode)), "not a regular file")
