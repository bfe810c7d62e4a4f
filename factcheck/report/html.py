"""A report as one self-contained HTML page: inline CSS, no script, no network.

Every piece of text from a source is escaped, and only http(s) links are made into links: an
article carrying `<script>` or `onerror=` shows as text and runs nothing. The page's
Content-Security-Policy forbids scripts and outside requests as a second line of defence.
"""

from __future__ import annotations

import html
from importlib import resources
from urllib.parse import urlsplit

from factcheck.report.archive import GLOSS_LABEL
from factcheck.report.data import (
    VERDICT_LABELS,
    VERDICT_WORDS,
    Citation,
    ClaimEntry,
    LinkedClaim,
    Report,
    SourceEntry,
    VariantFinding,
    Verdict,
)
from factcheck.vocab import CitationStance, LinkRelation

# Colour is never the only signal: every badge has a symbol and words.
VERDICT_SYMBOLS = {
    "corroborated": "✓",
    "contradicted": "✗",
    "conflicting": "⇄",
    "unverified": "?",
    "not_checkable": "–",
}
STANCE_WORDS = {stance: stance.value.capitalize() for stance in CitationStance}
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)


def e(value: object) -> str:
    """Escape text for HTML element content and quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(url: str | None) -> str | None:
    """A URL fit for href: http(s) only, so a `javascript:` link from a source goes nowhere."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def link(text: str, url: str | None) -> str:
    href = safe_url(url)
    if href is None:
        return e(text)
    return f'<a href="{e(href)}" rel="noopener noreferrer">{e(text)}</a>'


def stylesheet() -> str:
    return resources.files("factcheck.report").joinpath("report.css").read_text(encoding="utf-8")


def badge(label: str) -> str:
    words = VERDICT_WORDS.get(label, label)
    symbol = VERDICT_SYMBOLS.get(label, "•")
    return (
        f'<span class="badge v-{e(label)}" data-verdict="{e(label)}">'
        f'<span class="sym" aria-hidden="true">{symbol}</span>{e(words)}</span>'
    )


def lang_attr(lang: str | None) -> str:
    return f' lang="{e(lang)}"' if lang else ""


def source_line(label: str, published: str | None, url: str | None, source_id: int) -> str:
    parts = [f"{link(label, url)} <span class='meta'>(source {source_id})</span>"]
    if published:
        parts.append(f"<time datetime='{e(published)}'>{e(published)}</time>")
    return " · ".join(parts)


def claim_ref(claim_id: int, shown: frozenset[int]) -> str:
    """`#ID`, a link to the claim's card when the page shows it (a filter may leave it out)."""
    if claim_id in shown:
        return f"<a href='#claim-{claim_id}'>#{claim_id}</a>"
    return f"#{claim_id}"


def render_citation(citation: Citation, shown: frozenset[int]) -> str:
    return (
        f"<li><span class='stance {e(citation.stance)}'>"
        f"{e(STANCE_WORDS.get(citation.stance, citation.stance))}</span>"
        f"<blockquote{lang_attr(citation.lang)} dir='auto'>{e(citation.quote)}</blockquote>"
        f"<div class='meta'>{source_line(citation.source_label, citation.published, citation.url, citation.source_id)}"  # noqa: E501
        + (f" · {e(citation.where)}" if citation.where else "")
        + f" · claim {claim_ref(citation.claim_id, shown)}"
        f" · characters {citation.start}–{citation.end}</div></li>"
    )


def render_new_support(other: LinkedClaim, shown: frozenset[int]) -> str:
    """A corroborating claim linked after a person gave the verdict, which it does not cite."""
    return (
        f"<li><span class='stance supports'>{STANCE_WORDS['supports']}</span> "
        "<span class='meta'>(linked since the review)</span>"
        f"<blockquote{lang_attr(other.lang)} dir='auto'>{e(other.quote)}</blockquote>"
        f"<div class='meta'>{source_line(other.source_label, other.published, other.url, other.source_id)}"  # noqa: E501
        f" · claim {claim_ref(other.claim_id, shown)} · {e(other.reason)}</div></li>"
    )


def render_contradiction(claim: ClaimEntry, other: LinkedClaim, shown: frozenset[int]) -> str:
    return (
        "<div class='side-by-side'>"
        f"<div><div class='meta'>This claim · "
        f"{source_line(claim.source_label, claim.published, claim.url, claim.source_id)}</div>"
        f"<blockquote{lang_attr(claim.lang)} dir='auto'>{e(claim.quote)}</blockquote></div>"
        f"<div><div class='meta'>Claim {claim_ref(other.claim_id, shown)} · "
        f"{source_line(other.source_label, other.published, other.url, other.source_id)}</div>"
        f"<blockquote{lang_attr(other.lang)} dir='auto'>{e(other.quote)}</blockquote></div>"
        "</div>"
        f"<p class='meta'>Why: {e(other.reason)} (score {other.score:.2f})</p>"
    )


def render_variant(variant: VariantFinding) -> str:
    forms = "".join(f"<li>{e(form)}</li>" for form in variant.forms)
    locations = ", ".join(
        f"“{e(location.text)}” (source {location.source_id}, {location.start}–{location.end})"
        for location in variant.locations
    )
    entity = (
        f"<b>{e(variant.entity_name)}</b> (entity {variant.entity_id}): "
        if variant.entity_name
        else ""
    )
    return (
        f"<div class='variant'><div>{entity}{e(variant.detail)}</div>"
        f"<ul class='chips' aria-label='spellings'>{forms}</ul>"
        f"<details class='meta'><summary>{len(variant.locations)} places in the text</summary>"
        f"{locations}</details></div>"
    )


def verdict_meta(verdict: Verdict) -> str:
    parts = []
    if verdict.confidence is not None:
        parts.append(f"confidence {verdict.confidence:.0%}")
    who = "automatic" if verdict.decided_by == "auto" else f"reviewed by {verdict.decided_by}"
    if verdict.is_default:
        who = "no verdict yet" if verdict.label == "unverified" else "automatic"
    parts.append(e(who))
    if verdict.decided_at:
        parts.append(e(verdict.decided_at[:10]))
    return " · ".join(parts)


def earlier_anchors(claim: ClaimEntry) -> str:
    """The anchors of the claims this one continues in earlier versions of its source."""
    return "".join(f"<span id='claim-{earlier}'></span>" for earlier in claim.earlier_ids)


def render_wordings(wordings: tuple[ClaimEntry, ...]) -> str:
    """The fact's other wordings, folded; each keeps its own anchor so links still land."""
    items = "".join(
        f"<li id='claim-{other.id}' data-claim-id='{other.id}'>{earlier_anchors(other)}"
        f"<span{lang_attr(other.lang)} dir='auto'>{e(other.text)}</span> "
        f"<span class='meta'>#{other.id} · source {other.source_id} · {e(other.lang or 'und')}"
        "</span></li>"
        for other in wordings
    )
    return (
        f"<details class='wordings'><summary>The same fact in {len(wordings)} other "
        f"wording{'s' if len(wordings) != 1 else ''}</summary><ul>{items}</ul></details>"
    )


def render_tensions(report: Report) -> list[str]:
    """The first section: tensions a fact-checker must look at first, both quotes and why."""
    parts = [f"<section id='tensions'><h2>Tensions to look at first ({len(report.tensions)})</h2>"]
    for tension in report.tensions:
        other = (
            f"<div><div class='meta'>Claim #{tension.claim_b} · source {tension.source_b}</div>"
            f"<blockquote{lang_attr(tension.lang_b)} dir='auto'>{e(tension.quote_b)}</blockquote>"
            "</div>"
            if tension.claim_b is not None
            else ""
        )
        parts.append(
            f"<article class='tension t-{e(tension.kind)}'><h3>{e(tension.what)}</h3>"
            "<div class='side-by-side'>"
            f"<div><div class='meta'>Claim #{tension.claim_a} · source {tension.source_a}</div>"
            f"<blockquote{lang_attr(tension.lang_a)} dir='auto'>{e(tension.quote_a)}</blockquote>"
            f"</div>{other}</div>"
            f"<p class='meta'>Why: {e(tension.why)}</p></article>"
        )
    parts.append("</section>")
    return parts


def render_card(
    claim: ClaimEntry, shown: frozenset[int], wordings: tuple[ClaimEntry, ...] = ()
) -> str:
    verdict = claim.verdict
    sections = [
        f"<article class='card c-{e(verdict.label)}' id='claim-{claim.id}' "
        f"data-claim-id='{claim.id}'>{earlier_anchors(claim)}",
        f"<div class='card-head'>{badge(verdict.label)}"
        f"<span class='meta'>{verdict_meta(verdict)}</span></div>",
        f"<p class='claim'{lang_attr(claim.lang)} dir='auto'>{e(claim.text)}</p>",
        *(
            [
                f"<p class='meta'{lang_attr(claim.lang)} dir='auto'>In the sentence: "
                f"{e(claim.statement)}</p>"
            ]
            if claim.statement != claim.text
            else []
        ),  # fmt: skip
        f"<div class='meta'>Claim #{claim.id} · "
        f"{source_line(claim.source_label, claim.published, claim.url, claim.source_id)}"
        f" · {e(claim.kind)}, {e(claim.modality)} · check-worthiness {claim.score:.2f}</div>",
    ]
    sections.extend(render_archive(claim))
    if verdict.explanation:
        sections.append(f"<p class='rationale'>{e(verdict.explanation)}</p>")
    if verdict.note:
        sections.append(f"<p class='note'><b>Reviewer’s note:</b> {e(verdict.note)}</p>")
    if verdict.disagreement:
        sections.append(
            f"<p class='note warn'><b>New evidence disagrees:</b> {e(verdict.disagreement)}</p>"
        )
    # A contradicting claim is shown side by side below; the evidence list holds the rest.
    side_by_side = {other.claim_id for other in claim.contradictions}
    evidence = [c for c in verdict.citations if c.claim_id not in side_by_side]
    if evidence or claim.support_since_review:
        sections.append("<h3>Evidence</h3><ul class='evidence'>")
        sections.extend(render_citation(citation, shown) for citation in evidence)
        sections.extend(render_new_support(other, shown) for other in claim.support_since_review)
        sections.append("</ul>")
    if claim.contradictions:
        sections.append("<h3>Contradictions</h3>")
        sections.extend(render_contradiction(claim, other, shown) for other in claim.contradictions)
    if claim.variants:
        sections.append("<h3>Spelling variants</h3>")
        sections.extend(render_variant(variant) for variant in claim.variants)
    if wordings:
        sections.append(render_wordings(wordings))
    sections.append("</article>")
    return "\n".join(sections)


def render_archive(claim: ClaimEntry) -> list[str]:
    """The claim's English gloss and the published fact-checks the archive holds for it."""
    parts = []
    if claim.gloss:
        parts.append(f"<p class='gloss' lang='en'><b>{e(GLOSS_LABEL)}:</b> {e(claim.gloss)}</p>")
    for check in claim.fact_checks:
        url = f", {link(check.url, check.url)}" if check.url else ""
        parts.append(
            f"<p class='previous-check'><b>Previously fact-checked:</b> {e(check.words)}{url}"
            f" — “{e(check.claim)}” <span class='meta'>({e(check.reason)})</span></p>"
        )
    return parts


# Links that show where else a pending claim's words appear, though not as confirmation.
SAME_WITNESS_RELATIONS = {
    LinkRelation.TRANSLATION: "translated as",
    LinkRelation.DUPLICATE: "copied as",
}


def render_pending(claim: ClaimEntry, shown: frozenset[int]) -> str:
    """One line of the to-do list: check-worthiness, the claim's words, where else it appears."""
    extra = [f"#{claim.id}", f"{e(claim.kind)}, {e(claim.modality)}"]
    extra += [
        f"{SAME_WITNESS_RELATIONS[other.relation]} {claim_ref(other.claim_id, shown)}"
        for other in claim.links
        if other.relation in SAME_WITNESS_RELATIONS
    ]
    return (
        f"<li id='claim-{claim.id}' data-claim-id='{claim.id}'>{earlier_anchors(claim)}"
        f"<span class='score' title='check-worthiness'>{claim.score:.2f}</span>"
        f"<span{lang_attr(claim.lang)} dir='auto'>{e(claim.text)}</span> "
        + (f"<span class='gloss' lang='en'>({e(claim.gloss)})</span> " if claim.gloss else "")
        + f"<span class='meta'>{' · '.join(extra)}</span></li>"
    )


def render_pending_section(report: Report, shown: frozenset[int]) -> list[str]:
    parts = [
        f"<section id='pending'><h2>Not yet verified ({len(report.pending)})</h2>",
        "<p class='meta'>Check-worthy claims that no other source in the ledger states or "
        "contradicts yet, and no one has reviewed: by source, most check-worthy first.</p>",
    ]
    for source, claims in report.pending_by_source:
        parts.append(
            f"<div class='pending-source'><h3 class='source-head'>{e(source.label)} "
            f"<span class='meta'>source {source.id} · {len(claims)}</span></h3>"
            "<ol class='pending'>"
        )
        parts.extend(render_pending(claim, shown) for claim in claims)
        parts.append("</ol></div>")
    parts.append("</section>")
    return parts


def render_disputed(report: Report, shown: frozenset[int]) -> str:
    claims = ", ".join(claim_ref(claim.id, shown) for claim in report.disputed)
    return (
        f"<p class='note warn'><b>{len(report.disputed)} human verdict(s) disputed by new "
        f"evidence</b>, shown first: claim {claims}.</p>"
    )


def render_needs_person(report: Report, shown: frozenset[int]) -> str:
    items = "".join(
        f"<li>{claim_ref(item.claim_id, shown)} (was claim {item.old_claim_id}, "
        f"“<span dir='auto'>{e(item.old_text)}</span>”): "
        f"{e(VERDICT_WORDS.get(item.old_label, item.old_label))} by {e(item.old_decided_by)}"
        + (f": {e(item.old_note)}" if item.old_note else "")
        + "</li>"
        for item in report.needs_person
    )
    return (
        f"<div class='note warn' id='needs-person'><b>Needs a person again "
        f"({len(report.needs_person)})</b>: a reviewer judged these statements, and a new "
        f"version of the source changed them.<ul>{items}</ul></div>"
    )


def render_source_row(source: SourceEntry) -> str:
    skipped = ", ".join(f"{e(kind.replace('_', ' '))} {count}" for kind, count in source.skipped)
    title = source.title or source.outlet or source.path
    outlet = f"<div class='meta'>{e(source.outlet)}</div>" if source.outlet and source.title else ""
    return (
        f"<tr id='source-{source.id}'><td class='num' data-label='id'>{source.id}</td>"
        f"<td data-label='source'>{link(title, source.url)}{outlet}"
        f"<div class='meta'>{e(source.path)}</div></td>"
        f"<td data-label='published'>{e(source.published or '—')}</td>"
        f"<td data-label='languages'>{e(', '.join(source.languages) or '—')}</td>"
        f"<td class='num' data-label='claims'>{source.checkworthy_claims} of {source.claims}</td>"
        f"<td data-label='skipped as clutter'>{skipped or '—'}"
        f"<div class='meta'>of {source.passages} passages</div></td></tr>"
    )


def describe_filter(report: Report) -> str:
    parts = []
    report_filter = report.report_filter
    if report_filter.verdict:
        parts.append(f"verdict {VERDICT_WORDS.get(report_filter.verdict, report_filter.verdict)}")
    if report_filter.source_id is not None:
        parts.append(f"source {report_filter.source_id}")
    if report_filter.entity:
        parts.append(f"entity {report.entity_name or report_filter.entity}")
    if report_filter.min_score is not None:
        parts.append(f"check-worthiness ≥ {report_filter.min_score:g}")
    return "Filtered: " + ", ".join(parts) if parts else "All sources and claims in the ledger"


def render_html(report: Report, *, title: str = "Fact-check report") -> str:
    cards = report.cards
    # Claims the page gives an anchor: cards, their folded wordings, the to-do list.
    shown = frozenset(
        [claim.id for claim in cards]
        + [other.id for claim in cards for other in report.wordings(claim)]
        + [claim.id for claim in report.pending]
    )
    tally = "".join(
        f"<li>{badge(label)} <b class='sans'>{report.verdict_counts.get(label, 0)}</b></li>"
        for label in VERDICT_LABELS
    )
    body = [
        "<!DOCTYPE html>",
        "<html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{CONTENT_SECURITY_POLICY}\">",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<meta name='referrer' content='no-referrer'>",
        f"<title>{e(title)}</title>",
        f"<style>{stylesheet()}</style></head><body><main class='page'>",
        "<header class='masthead'><div class='kicker'>factcheck ledger</div>",
        f"<h1>{e(title)}</h1>",
        f"<div class='meta'>{e(describe_filter(report))} · generated "
        f"<time datetime='{e(report.generated_at)}'>{e(report.generated_at)}</time></div>",
        "</header>",
        "<section id='summary' aria-label='Summary'><h2>Summary</h2><div class='stats'>",
        f"<div class='stat'><b>{len(report.sources)}</b><span>sources</span></div>",
        f"<div class='stat'><b>{len(report.claims)}</b><span>claims</span></div>",
        f"<div class='stat'><b>{report.checkworthy_count}</b><span>check-worthy</span></div>",
        f"</div><ul class='tally' aria-label='Verdicts'>{tally}</ul>",
    ]
    if report.disputed:
        body.append(render_disputed(report, shown))
    if report.needs_person:
        body.append(render_needs_person(report, shown))
    body.append(
        "<nav class='toc meta' aria-label='Contents'>"
        + " · ".join(
            f"<a href='#{anchor}'>{words}</a>"
            for anchor, words, present in (
                ("tensions", f"Tensions ({len(report.tensions)})", bool(report.tensions)),
                ("variants", "Spelling variants", bool(report.variants)),
                ("claims", f"Checked facts ({len(cards)})", True),
                ("pending", f"Not yet verified ({len(report.pending)})", bool(report.pending)),
                ("sources", "Sources", True),
            )
            if present
        )
        + "</nav></section>"
    )
    if report.tensions:
        body.extend(render_tensions(report))
    if report.variants:
        body.append("<section id='variants'><h2>Spelling variants</h2>")
        body.extend(render_variant(variant) for variant in report.variants)
        body.append("</section>")
    body.append(f"<section id='claims'><h2>Checked facts ({len(cards)})</h2>")
    body.extend(render_card(claim, shown, report.wordings(claim)) for claim in cards)
    if not cards:
        body.append("<p class='empty'>No claim matches.</p>")
    body.append("</section>")
    if report.pending:
        body.extend(render_pending_section(report, shown))
    body.append(
        "<section id='sources'><h2>Sources</h2><table class='sources-table'><thead><tr>"
        "<th>#</th><th>Source</th><th>Published</th><th>Lang</th>"
        "<th>Check-worthy claims</th><th>Skipped as clutter</th></tr></thead><tbody>"
    )
    body.extend(render_source_row(source) for source in report.sources)
    body.append("</tbody></table></section>")
    body.append(
        "<footer>Verdicts count independent sources: a translation or copy on the same page is "
        "one witness. Quotes are the sources’ own words, character offsets into the stored text. "
        "Made by factcheck.</footer></main></body></html>"
    )
    return "\n".join(body) + "\n"
