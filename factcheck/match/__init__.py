"""Claim matching: claims -> links (corroborates, contradicts, related, translation, duplicate),
each with a score and a reason."""

from factcheck.match.stage import MatchReport, match_claims

__all__ = ["MatchReport", "match_claims"]
