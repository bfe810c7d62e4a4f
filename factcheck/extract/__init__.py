"""Claim extraction: passages of one source in, claims with exact spans and checkable values out.

from factcheck.extract import extract_claims, PassageSpan
claims = extract_claims(text, [PassageSpan(0, len(text), "en")], published=None)
"""

from factcheck.extract.extraction import extract_claims
from factcheck.extract.models import ClaimValue, ExtractedClaim, Finding, PassageSpan
from factcheck.text.sentences import split_sentences

__all__ = [
    "ClaimValue",
    "ExtractedClaim",
    "Finding",
    "PassageSpan",
    "extract_claims",
    "split_sentences",
]
