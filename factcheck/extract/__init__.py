"""Claim extraction: passages of one source in, claims with exact spans and checkable values out.

from factcheck.extract import extract_claims, PassageSpan
claims = extract_claims(text, [PassageSpan(0, len(text), "en")], published=None)
"""

from factcheck.lazy import lazy_exports

__all__ = [
    "ClaimValue",
    "ExtractedClaim",
    "Finding",
    "PassageSpan",
    "extract_claims",
    "split_sentences",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "extract_claims": "factcheck.extract.extraction",
        "ClaimValue": "factcheck.extract.models",
        "ExtractedClaim": "factcheck.extract.models",
        "Finding": "factcheck.extract.models",
        "PassageSpan": "factcheck.extract.models",
        "split_sentences": "factcheck.text.sentences",
    },
)
