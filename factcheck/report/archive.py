"""What the fact-check archive adds to a report: the published checks found for a claim
("previously fact-checked: False, by Snopes, 2021-03-04, URL") and, for a Chinese or Bengali
claim, its English gloss (a reading aid, not a translation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

GLOSS_LABEL = "English gloss (word by word, a reading and matching aid, not a translation)"


@dataclass(frozen=True)
class PublishedCheck:
    """A published fact-check the archive holds for a claim, with why it was matched."""

    fact_check_id: int
    claim: str
    rating: str | None
    organisation: str | None
    published: str | None
    url: str | None
    score: float
    reason: str

    @property
    def words(self) -> str:
        """ "False, by Snopes, 2021-03-04" (the URL is shown as a link by each format)."""
        parts = [self.rating or "rating not given"]
        if self.organisation:
            parts.append(f"by {self.organisation}")
        if self.published:
            parts.append(self.published)
        return ", ".join(parts)


def load_published_checks(db: Database) -> dict[int, tuple[PublishedCheck, ...]]:
    checks: dict[int, list[PublishedCheck]] = {}
    for row in db.query(
        """SELECT archive_hits.claim_id, archive_hits.score, archive_hits.reason, fact_checks.*
           FROM archive_hits JOIN fact_checks ON fact_checks.id = archive_hits.fact_check_id
           ORDER BY archive_hits.claim_id, archive_hits.rank"""
    ):
        checks.setdefault(row["claim_id"], []).append(
            PublishedCheck(
                fact_check_id=row["id"],
                claim=row["claim"],
                rating=row["rating"],
                organisation=row["organisation"],
                published=row["published"],
                url=row["url"],
                score=row["score"],
                reason=row["reason"],
            )
        )
    return {claim_id: tuple(found) for claim_id, found in checks.items()}


def load_glosses(db: Database) -> dict[int, str]:
    if "gloss" not in {column.name for column in db["claims"].columns}:
        return {}
    return dict(db.execute("SELECT id, gloss FROM claims WHERE gloss IS NOT NULL").fetchall())
