"""One CSV row per claim with its verdict and its best citation, for a spreadsheet."""

from __future__ import annotations

import csv
import io

from factcheck.report.data import Citation, ClaimEntry, Report
from factcheck.text.spreadsheet import SAFE_CSV, UTF8_BOM, CsvOptions, spreadsheet_cell

CSV_FIELDS = (
    "claim_id",
    "source_id",
    "source",
    "published",
    "url",
    "lang",
    "kind",
    "modality",
    "checkworthy",
    "score",
    "start",
    "end",
    "text",
    "verdict",
    "confidence",
    "decided_by",
    "rationale",
    "citation_claim_id",
    "citation_source_id",
    "citation_stance",
    "citation_quote",
    "citation_url",
)
# The citation that best explains a verdict: one whose stance agrees with it.
PREFERRED_STANCE = {
    "corroborated": ("supports", "related", "contradicts"),
    "contradicted": ("contradicts", "related", "supports"),
    "conflicting": ("contradicts", "supports", "related"),
}


def best_citation(claim: ClaimEntry) -> Citation | None:
    citations = claim.verdict.citations
    if not citations:
        return None
    order = PREFERRED_STANCE.get(claim.verdict.label, ("supports", "contradicts", "related"))
    return min(
        citations,
        key=lambda c: order.index(c.stance) if c.stance in order else len(order),
    )


def claim_row(claim: ClaimEntry) -> dict[str, object]:
    citation = best_citation(claim)
    return {
        "claim_id": claim.id,
        "source_id": claim.source_id,
        "source": claim.source_label,
        "published": claim.published,
        "url": claim.url,
        "lang": claim.lang,
        "kind": claim.kind,
        "modality": claim.modality,
        "checkworthy": int(claim.is_checkworthy),
        "score": claim.score,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "verdict": claim.verdict.label,
        "confidence": claim.verdict.confidence,
        "decided_by": claim.verdict.decided_by,
        "rationale": claim.verdict.rationale,
        "citation_claim_id": citation.claim_id if citation else None,
        "citation_source_id": citation.source_id if citation else None,
        "citation_stance": citation.stance if citation else None,
        "citation_quote": citation.quote if citation else None,
        "citation_url": citation.url if citation else None,
    }


def claims_csv(report: Report, options: CsvOptions = SAFE_CSV) -> str:
    """Cells that a spreadsheet would run as formulas are neutralised unless
    `options.keep_formulas`; `options.bom` starts the text with a byte-order mark."""
    buffer = io.StringIO()
    if options.bom:
        buffer.write(UTF8_BOM)
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for claim in report.claims:
        writer.writerow(
            {key: spreadsheet_cell(value, options) for key, value in claim_row(claim).items()}
        )
    return buffer.getvalue()
