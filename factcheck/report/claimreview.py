"""schema.org ClaimReview JSON-LD: one object per reviewed claim, for search engines and
fact-check databases.

A ClaimReview says a claim was checked, so one is written for a claim whose current verdict found
evidence (corroborated, contradicted, conflicting) or that a person reviewed (any label but
`not_checkable`). An automatic `unverified` only says no other source was found yet: like a claim
with no verdict row at all, it is left out.
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
# Google asks for a short claimReviewed (under 75 characters shows whole on a phone); claims
# are cut at a word boundary past this length rather than lose their subject.
MAX_CLAIM_CHARS = 140

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


def is_reviewed(claim: ClaimEntry) -> bool:
    verdict = claim.verdict
    if verdict.is_default or verdict.label not in RATING_VALUES:
        return False
    return verdict.label != "unverified" or verdict.decided_by != "auto"


def organization(name: str, url: str | None = None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        org["url"] = url
    return org


def claim_review(claim: ClaimEntry, publisher: Publisher) -> dict[str, Any]:
    from factcheck.report.html import safe_url

    verdict = claim.verdict
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
        "claimReviewed": short_claim(claim.text),
        "author": organization(publisher.name, publisher.url),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES[verdict.label],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": RATING_WORDS[verdict.label],
        },
        "itemReviewed": item,
    }
    if verdict.decided_at:
        review["datePublished"] = verdict.decided_at[:10]
    return review


def claim_reviews(report: Report, publisher: Publisher | None = None) -> list[dict[str, Any]]:
    publisher = publisher or Publisher()
    return [claim_review(claim, publisher) for claim in report.cards if is_reviewed(claim)]
