"""A report as Markdown, for an editor's notes, a wiki or a pull request.

Source text is Markdown- and HTML-escaped where it could be read as markup, so a rendered report
shows an article's `<script>` as text.
"""

from __future__ import annotations

import html
import re

from factcheck.report.archive import GLOSS_LABEL
from factcheck.report.data import (
    VERDICT_LABELS,
    VERDICT_WORDS,
    ClaimEntry,
    Report,
    VariantFinding,
)
from factcheck.report.html import VERDICT_SYMBOLS, describe_filter, safe_url

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|>~])")


def md(text: object) -> str:
    """Text safe inside a Markdown paragraph: markup characters and HTML are escaped, and line
    breaks become spaces so a quote cannot start a new block."""
    flat = " ".join(str("" if text is None else text).split())
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(flat, quote=False))


def md_link(text: str, url: str | None) -> str:
    href = safe_url(url)
    return f"[{md(text)}](<{href.replace('>', '%3E')}>)" if href else md(text)


def md_source(label: str, published: str | None, url: str | None, source_id: int) -> str:
    when = f", {md(published)}" if published else ""
    return f"{md_link(label, url)} (source {source_id}{when})"


def verdict_heading(label: str) -> str:
    return f"{VERDICT_SYMBOLS.get(label, '•')} **{VERDICT_WORDS.get(label, label)}**"


def variant_lines(variant: VariantFinding) -> list[str]:
    places = "; ".join(
        f"“{md(location.text)}” (source {location.source_id}, {location.start}–{location.end})"
        for location in variant.locations
    )
    return [
        f"- {md(variant.detail)}: {', '.join(md(form) for form in variant.forms)}",
        f"  - found at: {places}",
    ]


def card_lines(claim: ClaimEntry) -> list[str]:
    verdict = claim.verdict
    facts = [verdict_heading(verdict.label)]
    if verdict.confidence is not None:
        facts.append(f"confidence {verdict.confidence:.0%}")
    facts.append(
        "automatic" if verdict.decided_by == "auto" else f"reviewed by {md(verdict.decided_by)}"
    )
    lines = [
        f"### Claim {claim.id}",
        "",
        f"> {md(claim.text)}",
        "",
        " · ".join(facts),
        "",
        f"{md_source(claim.source_label, claim.published, claim.url, claim.source_id)}; "
        f"{claim.kind}, {claim.modality}; check-worthiness {claim.score:.2f}",
        "",
    ]
    lines += archive_lines(claim)
    if verdict.explanation:
        lines += [md(verdict.explanation), ""]
    if verdict.note:
        lines += [f"*Reviewer’s note:* {md(verdict.note)}", ""]
    if verdict.disagreement:
        lines += [f"*New evidence disagrees:* {md(verdict.disagreement)}", ""]
    if verdict.citations:
        lines += ["**Evidence**", ""]
        for citation in verdict.citations:
            lines.append(
                f"- *{citation.stance}* — “{md(citation.quote)}” — "
                f"{md_source(citation.source_label, citation.published, citation.url, citation.source_id)}"  # noqa: E501
                + (f", {md(citation.where)}" if citation.where else "")
                + f", claim {citation.claim_id}"
            )
        lines.append("")
    if claim.support_since_review:
        lines += ["**Evidence linked since the review**", ""]
        lines += [
            f"- *supports* — “{md(other.quote)}” — "
            f"{md_source(other.source_label, other.published, other.url, other.source_id)}"
            f", claim {other.claim_id}"
            for other in claim.support_since_review
        ]
        lines.append("")
    if claim.contradictions:
        lines += ["**Contradictions**", "", "| This claim | Contradicting claim |", "| --- | --- |"]
        for other in claim.contradictions:
            lines.append(
                f"| “{md(claim.quote)}” — source {claim.source_id} "
                f"| “{md(other.quote)}” — {md_source(other.source_label, other.published, other.url, other.source_id)}, claim {other.claim_id} |"  # noqa: E501
            )
        lines += ["", *(f"Why: {md(other.reason)}" for other in claim.contradictions), ""]
    if claim.variants:
        lines += ["**Spelling variants** (places in the text: see Spelling variants above)", ""]
        lines += [
            f"- {md(variant.detail)}: {', '.join(md(form) for form in variant.forms)}"
            for variant in claim.variants
        ]
        lines.append("")
    return lines


def archive_lines(claim: ClaimEntry) -> list[str]:
    """The claim's English gloss and the published fact-checks the archive holds for it."""
    lines = []
    if claim.gloss:
        lines += [f"*{md(GLOSS_LABEL)}:* {md(claim.gloss)}", ""]
    for check in claim.fact_checks:
        url = f", {md_link(check.url, check.url)}" if check.url else ""
        lines += [
            f"**Previously fact-checked:** {md(check.words)}{url} — “{md(check.claim)}” "
            f"({md(check.reason)})",
            "",
        ]
    return lines


def pending_lines(report: Report) -> list[str]:
    """The to-do list: one line per claim, by source, most check-worthy first."""
    lines = [
        f"## Not yet verified ({len(report.pending)})",
        "",
        "Check-worthy claims that no other source in the ledger states or contradicts yet, and "
        "no one has reviewed: by source, most check-worthy first.",
        "",
    ]
    for source, claims in report.pending_by_source:
        lines += [f"**{md(source.label)}** (source {source.id}, {len(claims)})", ""]
        for claim in claims:
            lines.append(f"- {claim.score:.2f} · claim {claim.id}: {md(claim.text)}")
            if claim.gloss:
                lines.append(f"  - *{md(GLOSS_LABEL)}:* {md(claim.gloss)}")
        lines.append("")
    return lines


def needs_person_lines(report: Report) -> list[str]:
    lines = [
        f"## Needs a person again ({len(report.needs_person)})",
        "",
        "A reviewer judged these statements, and a new version of the source changed them.",
        "",
    ]
    for item in report.needs_person:
        note = f": {md(item.old_note)}" if item.old_note else ""
        lines.append(
            f"- claim {item.claim_id} (was claim {item.old_claim_id}, “{md(item.old_text)}”): "
            f"{md(VERDICT_WORDS.get(item.old_label, item.old_label))} by "
            f"{md(item.old_decided_by)}{note}"
        )
    return [*lines, ""]


def render_markdown(report: Report, *, title: str = "Fact-check report") -> str:
    lines = [
        f"# {md(title)}",
        "",
        f"{md(describe_filter(report))}; generated {report.generated_at}.",
        "",
        "## Summary",
        "",
        f"- **{len(report.sources)}** sources, **{len(report.claims)}** claims, "
        f"**{report.checkworthy_count}** check-worthy",
    ]
    lines += [
        f"- {verdict_heading(label)}: {report.verdict_counts.get(label, 0)}"
        for label in VERDICT_LABELS
    ]
    if report.disputed:
        claims = ", ".join(str(claim.id) for claim in report.disputed)
        lines.append(
            f"- ⚠ **{len(report.disputed)}** human verdict(s) disputed by new evidence, shown "
            f"first: claim {claims}"
        )
    if report.needs_person:
        lines.append(
            f"- ⚠ **{len(report.needs_person)}** reviewed statement(s) changed in a new version "
            "and need a person again: see below"
        )
    lines.append("")
    if report.needs_person:
        lines += needs_person_lines(report)
    if report.variants:
        lines += ["## Spelling variants", ""]
        for variant in report.variants:
            lines += variant_lines(variant)
        lines.append("")
    lines += [f"## Checked claims ({len(report.cards)})", ""]
    for claim in report.cards:
        lines += card_lines(claim)
    if report.pending:
        lines += pending_lines(report)
    lines += [
        "## Sources",
        "",
        "| # | Source | Published | Languages | Check-worthy claims | Skipped as clutter |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for source in report.sources:
        skipped = ", ".join(f"{kind} {count}" for kind, count in source.skipped) or "—"
        lines.append(
            f"| {source.id} | {md_link(source.label, source.url)} | {md(source.published or '—')} "
            f"| {md(', '.join(source.languages) or '—')} "
            f"| {source.checkworthy_claims} of {source.claims} "
            f"| {skipped} (of {source.passages} passages) |"
        )
    return "\n".join(lines) + "\n"
