"""Claim matching: claims -> links (corroborates, contradicts, related, translation, duplicate),
each with a score and a reason."""

from factcheck.lazy import lazy_exports

__all__ = ["MatchReport", "match_claims"]

__getattr__ = lazy_exports(
    __name__,
    {
        "MatchReport": "factcheck.match.stage",
        "match_claims": "factcheck.match.stage",
    },
)
