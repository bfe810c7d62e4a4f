"""The ledger's fixed value lists, one enum each: what a passage, a claim, a value, an entity, a
link, a verdict and a citation can be. Members are `str`s equal to the values stored in the ledger,
so code compares them with plain strings; the schema's CHECK constraints, the stages, the reports
and the Datasette metadata read them from here (tests/test_vocab.py holds the schema to them).

A new member is one line here, plus a migration where the schema checks the column.
"""

from __future__ import annotations

from enum import StrEnum


class PassageKind(StrEnum):
    """What a passage of a source is: claims are read from the body and the title only."""

    BODY = "body"
    TITLE = "title"
    HEADING = "heading"
    DUPLICATE = "duplicate"  # a block repeated within the source
    # Clutter: page furniture around the article, skipped and shown as skipped.
    TICKER = "ticker"
    NAVIGATION = "navigation"
    COMMENTS = "comments"
    AD = "ad"
    BYLINE = "byline"
    RELATED = "related"
    TAGS = "tags"
    TRANSLATION_NOTE = "translation_note"
    REFERENCE = "reference"
    PAGE_HEADER = "page_header"
    DATELINE = "dateline"


CLUTTER_KINDS = frozenset(
    {
        PassageKind.TICKER,
        PassageKind.NAVIGATION,
        PassageKind.COMMENTS,
        PassageKind.AD,
        PassageKind.BYLINE,
        PassageKind.RELATED,
        PassageKind.TAGS,
        PassageKind.TRANSLATION_NOTE,
        PassageKind.REFERENCE,
        PassageKind.PAGE_HEADER,
        PassageKind.DATELINE,
    }
)
# Passages later stages read claims from; headings, repeats and clutter give none.
CLAIM_BEARING_KINDS = frozenset({PassageKind.BODY, PassageKind.TITLE})


class ClaimKind(StrEnum):
    EVENT = "event"
    ROLE = "role"
    QUANTITY = "quantity"
    DATE = "date"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    COMPARISON = "comparison"
    STATEMENT = "statement"


class Modality(StrEnum):
    """How a claim is put: stated, reported from someone, hedged, planned, asked, an opinion."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    HEDGED = "hedged"
    PLANNED = "planned"
    QUESTION = "question"
    OPINION = "opinion"


class ValueKind(StrEnum):
    """The checkable values found in a claim (claim_values.kind)."""

    NUMBER = "number"
    QUANTITY = "quantity"
    PERCENT = "percent"
    MONEY = "money"
    DURATION = "duration"
    DATE = "date"
    QUOTE = "quote"


class EntityType(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"


class JudgementKind(StrEnum):
    """A person's judgement on two mentions (entity_judgements.kind): one entity, or two."""

    SAME = "same"
    DIFFERENT = "different"


class LinkRelation(StrEnum):
    """How two claims of different sources relate (links.relation)."""

    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"
    RELATED = "related"
    TRANSLATION = "translation"
    DUPLICATE = "duplicate"


class VerdictLabel(StrEnum):
    """A claim's verdict (verdicts.label)."""

    CORROBORATED = "corroborated"
    CONTRADICTED = "contradicted"
    CONFLICTING = "conflicting"
    UNVERIFIED = "unverified"
    NOT_CHECKABLE = "not_checkable"


# Worst news first: reports lead with what is contradicted.
VERDICT_LABELS_WORST_FIRST = (
    VerdictLabel.CONTRADICTED,
    VerdictLabel.CONFLICTING,
    VerdictLabel.CORROBORATED,
    VerdictLabel.UNVERIFIED,
    VerdictLabel.NOT_CHECKABLE,
)


class CitationStance(StrEnum):
    """What a cited passage does to the claim (citations.stance)."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    RELATED = "related"


def values(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    """The plain string values of an enum, in its order (for click choices, SQL and JSON)."""
    return tuple(member.value for member in vocabulary)


def in_words(vocabulary: type[StrEnum]) -> str:
    """'a, b or c': an enum's values as a sentence lists them."""
    words = values(vocabulary)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
