"""The records of a verdict, shared by the stage that gives it and the reports that read it back:
a verdict with its citations. Pure data; nothing here reads the ledger."""

from __future__ import annotations

from dataclasses import dataclass

AUTO = "auto"  # decided_by of the machine's verdicts


@dataclass(frozen=True)
class Citation:
    """A passage cited for or against a claim: sources.text[start:end] of the cited claim."""

    claim_id: int  # the cited claim
    source_id: int
    stance: str  # a vocab.CitationStance
    quote: str
    start: int
    end: int
    url: str | None
    # Read back for a report: the source's name for readers, its date, the cited claim's language.
    source_label: str | None = None
    published: str | None = None
    lang: str | None = None
    fetched_at: str | None = None  # when the cited source was fetched, for a URL
    page: int | None = None  # the PDF page the quote is on

    @property
    def where(self) -> str:
        """The page and fetch time a reader needs to find the quote again, in words."""
        parts = [f"p. {self.page}"] if self.page else []
        if self.fetched_at:
            parts.append(f"fetched {self.fetched_at}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Verdict:
    """A claim's verdict (a vocab.VerdictLabel) with its confidence, rationale and citations."""

    claim_id: int | None
    label: str
    confidence: float | None
    rationale: str
    citations: tuple[Citation, ...] = ()
    decided_by: str = AUTO
    decided_at: str | None = None
    note: str | None = None
    disagreement: str | None = None
    is_default: bool = False  # no verdict row: the default for the claim's check-worthiness

    @property
    def explanation(self) -> str | None:
        """The rationale, unless it only repeats the reviewer's note (a review's rationale is
        'Reviewed by NAME: NOTE', and the note is shown on its own)."""
        if self.decided_by != AUTO and self.note and self.note in self.rationale:
            return None
        return self.rationale
