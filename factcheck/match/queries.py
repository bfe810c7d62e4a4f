"""Read the fact-check archive's hits back from the ledger. No model and no numpy: `factcheck
claim ID` shows a claim's published checks through this module alone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.db import Ledger


def fact_check_summary(row: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "id",
        "claim",
        "rating",
        "rating_value",
        "best_rating",
        "worst_rating",
        "organisation",
        "published",
        "url",
        "title",
        "lang",
        "claimant",
    )
    return {key: row[key] for key in keys}


def claim_fact_checks(db: Ledger, claim_id: int) -> list[dict[str, Any]]:
    """A claim's archive hits, nearest first, each with its fact-check."""
    return [
        {
            **fact_check_summary(row),
            "score": row["score"],
            "reason": row["reason"],
            "matched_on": row["matched_on"],
            "rank": row["rank"],
        }
        for row in db.query(
            """SELECT fact_checks.*, archive_hits.score, archive_hits.reason,
                      archive_hits.matched_on, archive_hits.rank
               FROM archive_hits JOIN fact_checks ON fact_checks.id = archive_hits.fact_check_id
               WHERE archive_hits.claim_id = ? ORDER BY archive_hits.rank""",
            [claim_id],
        )
    ]
