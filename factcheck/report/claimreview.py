"""schema.org ClaimReview JSON-LD: one object per reviewed fact, for search engines and
fact-check databases.

A ClaimReview tells the world a fact-checker checked a statement, so by default one is written
only for a fact a person reviewed (any label but `not_checkable`). Automatic verdicts are leads,
not fact checks: `include_automatic` adds those that found evidence (corroborated, contradicted,
conflicting), each marked as automatic in its rating's words. An automatic
`unverified` only says no other source was found yet: it is never exported. One review per fact,
however many wordings it has; `claimReviewed` is the whole statement (the sentence the claim
comes from), never a fragment such as a title.
The numeric rating follows RATING_VALUES (best 5, worst 1); the verdict in words is the Rating's
alternateName, the only part search results show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.report.data import ClaimEntry, Report

SCHEMA_CONTEXT = "https://schema.org"
BEST_RATING = 5
WORST_RATING = 1
# A five-point scale: evidence for the claim at the top, against it at the bottom.
RATING_VALUES = {
    "corroborated": 5,
    "unverified": 3,
    "conflicting": 2,
    "contradicted": 1,
}
RATING_WORDS = {
    "corroborated": "Corroborated by independent sources",
    "unverified": "Unverified",
    "conflicting": "Conflicting evidence",
    "contradicted": "Contradicted by other sources",
}
# claimReviewed is the whole statement (a shorter cut lost the subject: "...met with" without
# "Interior Minister Mohsin Naqvi"); only a runaway sentence is cut, at a word boundary.
MAX_CLAIM_CHARS = 600

DEFAULT_ORG = "factcheck"
DEFAULT_ORG_URL = "https://example.org/factcheck/"
DEFAULT_URL_BASE = "https://example.org/factcheck/report.html"


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact checks, and where the report with the claim anchors lives."""

    name: str = DEFAULT_ORG
    url: str | None = DEFAULT_ORG_URL
    url_base: str = DEFAULT_URL_BASE


def short_claim(text: str, limit: int = MAX_CLAIM_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else flat[:limit]).rstrip(",;:") + "…"


AUTOMATIC_PREFIX = "Automatic lead, not reviewed by a person: "


def is_reviewed(claim: ClaimEntry) -> bool:
    """A person gave this claim a verdict a ClaimReview can carry."""
    verdict = claim.verdict
    return (
        not verdict.is_default and verdict.label in RATING_VALUES and verdict.decided_by != "auto"
    )


def is_exported(claim: ClaimEntry, include_automatic: bool) -> bool:
    verdict = claim.verdict
    if is_reviewed(claim):
        return True
    return (
        include_automatic
        and not verdict.is_default
        and verdict.decided_by == "auto"
        and verdict.label in RATING_VALUES
        and verdict.label != "unverified"
    )


def organization(name: str, url: str | None = None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        org["url"] = url
    return org


def claim_review(claim: ClaimEntry, publisher: Publisher) -> dict[str, Any]:
    from factcheck.report.html import safe_url

    verdict = claim.verdict
    automatic = verdict.decided_by == "auto"
    appearance: dict[str, Any] = {"@type": "CreativeWork", "name": claim.source_label}
    if safe_url(claim.url):
        appearance["url"] = claim.url
    if claim.published:
        appearance["datePublished"] = claim.published
    if claim.outlet:
        appearance["publisher"] = organization(claim.outlet)
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if claim.lang:
        item["inLanguage"] = claim.lang
    if claim.published:
        item["datePublished"] = claim.published
    if claim.outlet:
        item["author"] = organization(claim.outlet)
    review: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": f"{publisher.url_base}#claim-{claim.id}",
        "claimReviewed": short_claim(claim.statement),
        "author": organization(publisher.name, publisher.url),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES[verdict.label],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": (AUTOMATIC_PREFIX if automatic else "") + RATING_WORDS[verdict.label],
        },
        "itemReviewed": item,
    }
    if verdict.decided_at:
        review["datePublished"] = verdict.decided_at[:10]
    return review


def claim_reviews(
    report: Report, publisher: Publisher | None = None, *, include_automatic: bool = False
) -> list[dict[str, Any]]:
    """One review per fact (its card: a claim a person reviewed, else the fact's lead)."""
    publisher = publisher or Publisher()
    return [
        claim_review(claim, publisher)
        for claim in report.cards
        if is_exported(claim, include_automatic)
    ]
