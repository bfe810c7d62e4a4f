"""Records that cross the boundary of the extraction library: passages in, claims out.

All offsets are absolute offsets into the source text handed to `extract_claims`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.entities.mentions import Mention
from factcheck.extract.checkworthy import Checkworthiness
from factcheck.vocab import ClaimKind, Modality, ValueKind, values

VALUE_KINDS = values(ValueKind)
CLAIM_KINDS = values(ClaimKind)
MODALITIES = values(Modality)


@dataclass(frozen=True)
class PassageSpan:
    """One body passage of a source: text[start:end], written in `lang` ('en', 'zh', 'bn', ...)."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class ClaimValue:
    """A checkable value in a claim.

    kind:
      number    a bare number; value is the number, normalized its plain decimal form.
      quantity  a number with what it counts; unit the counted noun ("cameras", "local officers").
      percent   value in percent (25.0), normalized "25%".
      money     value the amount, unit an ISO 4217 code, normalized "5000000 USD".
      duration  normalized an ISO 8601 duration ("P3M"); unit "recurring" when it is a period that
                repeats ("every three months", "প্রতি তিন মাস পর পর", "每三个月"), else None.
      date      normalized an ISO 8601 date, month ("2025-01"), year ("2024") or week ("2025-W29");
                is_relative is True when the words depend on the publication date ("last week"),
                and normalized is None when no publication date was known to resolve them.
      quote     text the quoted words, speaker who said them (None when unknown).
    """

    kind: str
    start: int
    end: int
    text: str
    value: float | None
    normalized: str | None
    unit: str | None
    is_approximate: bool = False
    is_relative: bool = False
    speaker: str | None = None


@dataclass(frozen=True)
class Finding:
    """A problem seen in the text itself, e.g. kind 'weekday_mismatch'."""

    kind: str
    detail: str
    start: int
    end: int


@dataclass
class ExtractedClaim:
    """One claim: a sentence, or a sub-claim of a decomposed sentence (text == source[start:end]).

    subject/predicate/object give a simple triple when the claim was decomposed (a role: subject
    "Mohsin Naqvi", predicate "role", object "Interior Minister"; an event: predicate "visited").
    source is who the claim is attributed to ("according to X", "X said"), when known.
    reasons say why the claim got its kind and modality.
    """

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    lang: str
    kind: str
    modality: str
    values: list[ClaimValue]
    mentions: list[Mention]
    checkworthiness: Checkworthiness
    findings: list[Finding]
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    source: str | None = None
    reasons: tuple[str, ...] = field(default=())
