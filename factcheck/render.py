"""Rich cards for the terminal: one source with its passages."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.output import stdout_console
from factcheck.report.archive import GLOSS_LABEL, PublishedCheck
from factcheck.vocab import CLUTTER_KINDS

KIND_STYLES = {"body": "", "title": "bold", "heading": "bold cyan", "duplicate": "dim magenta"}


def source_card(source: dict[str, Any], passages: list[dict[str, Any]]) -> Group:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    evidence = source["metadata_evidence"]
    for label, key in (
        ("Title", "title"),
        ("Outlet", "outlet"),
        ("URL", "url"),
        ("Published", "published"),
    ):
        value = source[key]
        shown = Text(str(value) if value else "— (not given by the text)")
        if value and key in evidence:
            shown.append(f"  ← {evidence[key]}", style="dim")
        facts.add_row(label, shown)
    facts.add_row("Languages", ", ".join(source["languages"]) or "—")
    facts.add_row(
        "Path", f"{source['path']} (version {source['version']}, sha256 {source['sha256'][:12]}…)"
    )
    if source.get("copy_of"):
        facts.add_row("Copy of", f"source {source['copy_of']}")
    for label, value in fetch_facts(source):
        facts.add_row(label, Text(value))
    table = Table(header_style="bold", expand=True)
    table.add_column("#", justify="right")
    table.add_column("lang")
    table.add_column("kind", max_width=24)
    table.add_column("span", justify="right", no_wrap=True)
    table.add_column("text", ratio=1, min_width=30, overflow="fold")
    for passage in passages:
        kind = passage["kind"]
        style = "dim red" if kind in CLUTTER_KINDS else KIND_STYLES.get(kind, "")
        snippet = passage["text"] if len(passage["text"]) <= 160 else passage["text"][:157] + "…"
        kind_text = Text(kind, style=style or None)
        if kind != "body":
            kind_text.append(f"\n{passage['kind_reason']}", style="dim")
        table.add_row(
            str(passage["seq"]),
            passage["lang"] or "—",
            kind_text,
            f"{passage['start_offset']}–{passage['end_offset']}"
            + (f"\np. {passage['page']}" if passage.get("page") else ""),
            Text(snippet, style=style or None),
        )
    return Group(Panel(facts, title=f"Source {source['id']}", expand=True), table)


def citation_place(citation: dict[str, Any]) -> str:
    """Where a citation can be checked: its page in a PDF, its URL, and for a fetched source the
    address and time its kept snapshot was fetched."""
    place = ""
    if citation.get("page"):
        place += f", p. {citation['page']}"
    url, fetched_from = citation["url"], citation.get("fetched_from")
    if url and url != fetched_from:
        place += f", {url}"
    if fetched_from:
        place += f", fetched from {fetched_from} at {citation['fetched_at']}"
    return place


def fetch_facts(source: dict[str, Any]) -> list[tuple[str, str]]:
    """The card's lines on where and when a fetched source came from, and its snapshot."""
    facts = []
    if source.get("fetched_at"):
        fetched = f"{source['final_url']} at {source['fetched_at']} (HTTP {source['http_status']}"
        fetched += f", {source['content_type']})" if source.get("content_type") else ")"
        if source["requested_url"] != source["final_url"]:
            fetched += f"\nasked for {source['requested_url']}"
        facts.append(("Fetched", fetched))
        server = [
            f"{name} {source[key]}"
            for name, key in (("Last-Modified", "last_modified"), ("ETag", "etag"))
            if source.get(key)
        ]
        if server:
            facts.append(("Server", "; ".join(server)))
    if source.get("snapshot_sha256"):
        facts.append(
            (
                "Snapshot",
                f"{source['byte_size']:,} bytes kept, sha256 {source['snapshot_sha256'][:12]}… "
                f"(factcheck source {source['id']} --snapshot)",
            )
        )
    return facts


def print_card(renderable: Any) -> None:
    stdout_console().print(renderable)


# Characters of context shown around a claim's sentence on its card.
CONTEXT_CHARS = 200


def claim_card(claim: dict[str, Any]) -> Group:
    text = claim["source_text"]
    start, end = claim["start_offset"], claim["end_offset"]
    sentence_start, sentence_end = claim["sentence_start"], claim["sentence_end"]
    before_start = max(0, sentence_start - CONTEXT_CHARS)
    context = Text()
    context.append(("…" if before_start else "") + text[before_start:sentence_start], style="dim")
    context.append(text[sentence_start:start])
    # Brackets as well as colour: the span must show in a pipe and to a colour-blind reader too.
    context.append("⟦" + text[start:end] + "⟧", style="bold black on yellow")
    context.append(text[end:sentence_end])
    context.append(text[sentence_end : sentence_end + CONTEXT_CHARS] + "…", style="dim")
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    source_label = claim["source_title"] or claim["source_path"]
    facts.add_row("Source", f"{claim['source_id']}: {source_label}")
    facts.add_row("Span", f"{start}–{end} (language {claim['lang'] or '—'})")
    facts.add_row("Kind", f"{claim['kind']}, {claim['modality']}")
    if claim.get("subject") or claim.get("object"):
        triple = " · ".join(
            str(part) for part in (claim["subject"], claim["predicate"], claim["object"]) if part
        )
        facts.add_row("Says", triple)
    for repeat in claim.get("repeated_at", []):
        facts.add_row(
            "Repeated",
            f"in passage {repeat['seq']} at {repeat['start']}–{repeat['end']} "
            "(the page repeats this block; not counted again)",
        )
    if claim.get("attributed_to"):
        facts.add_row("Attributed to", claim["attributed_to"])
    verdict = "check-worthy" if claim["is_checkworthy"] else "not check-worthy"
    facts.add_row("Check-worthiness", f"{claim['score']:.2f} ({verdict})")
    for reason in claim["reasons"]:
        facts.add_row("", Text(f"• {reason}", style="dim"))
    parts: list[Any] = [Panel(context, title=f"Claim {claim['id']}", expand=True), facts]
    if claim["values"]:
        values = Table(title="Values", header_style="bold", expand=True)
        for header in ("kind", "text", "normalised", "unit / speaker", "span"):
            values.add_column(header)
        for value in claim["values"]:
            normalised = value["normalized"] or ("(relative)" if value["is_relative"] else "—")
            if value["is_approximate"]:
                normalised += " (approximate)"
            values.add_row(
                value["kind"],
                value["text"],
                normalised,
                value["speaker"] or value["unit"] or "—",
                f"{value['start_offset']}–{value['end_offset']}",
            )
        parts.append(values)
    if claim["mentions"]:
        mentions = Table(title="Mentions", header_style="bold", expand=True)
        for header in ("type", "text", "matched as", "role", "span"):
            mentions.add_column(header)
        for mention in claim["mentions"]:
            mentions.add_row(
                mention["type"],
                mention["text"],
                mention["match_form"],
                mention["role"] or "—",
                f"{mention['start_offset']}–{mention['end_offset']}",
            )
        parts.append(mentions)
    for finding in claim["findings"]:
        parts.append(Text(f"⚠ {finding['kind']}: {finding['detail']}", style="bold red"))
    parts.extend(archive_parts(claim))
    parts.extend(verdict_parts(claim.get("verdicts", []), claim.get("links", [])))
    return Group(*parts)


def archive_parts(claim: dict[str, Any]) -> list[Any]:
    """The claim's English gloss and the published fact-checks the archive holds for it."""
    parts: list[Any] = []
    if claim.get("gloss"):
        parts.append(Text.assemble((GLOSS_LABEL + ": ", "bold"), claim["gloss"]))
    for check in claim.get("fact_checks", []):
        line = Text()
        line.append("Previously fact-checked: ", style="bold magenta")
        line.append(
            PublishedCheck(
                check["id"],
                check["claim"],
                check["rating"],
                check["organisation"],
                check["published"],
                check["url"],
                check["score"],
                check["reason"],
            ).words
        )
        if check.get("url"):
            line.append(f", {check['url']}")
        line.append(f"\n  “{check['claim']}”\n  why: {check['reason']}", style="dim")
        parts.append(line)
    return parts


VERDICT_STYLES = {
    "corroborated": "bold white on green",
    "contradicted": "bold white on red",
    "conflicting": "bold black on yellow",
    "unverified": "bold black on bright_white",
    "not_checkable": "dim",
}


def verdict_parts(history: list[dict[str, Any]], links: list[dict[str, Any]]) -> list[Any]:
    """The current verdict with its citations, the claim's links, and the verdict history."""
    parts: list[Any] = []
    if history:
        current = next((v for v in reversed(history) if v["is_current"]), history[-1])
        headline = Text()
        headline.append(
            f" {current['label'].replace('_', ' ').upper()} ",
            style=VERDICT_STYLES[current["label"]],
        )
        headline.append(
            f"  confidence {current['confidence']:.0%}, decided by {current['decided_by']}"
        )
        body = [headline, Text(current["rationale"])]
        if current.get("disagreement"):
            body.append(Text(f"⚠ {current['disagreement']}", style="bold yellow"))
        for citation in current["citations"]:
            span = f"{citation['start_offset']}–{citation['end_offset']}"
            where = f"source {citation['source_id']}, {span}"
            where += citation_place(citation)
            line = Text(f"{citation['stance']}: ", style="bold")
            line.append(f"“{citation['quote']}”")
            line.append(f"  ({where}; claim {citation['claim_id']})", style="dim")
            body.append(line)
        parts.append(Panel(Group(*body), title="Verdict", expand=True))
    if links:
        table = Table(title="Links", header_style="bold", expand=True)
        for header in ("relation", "claim", "source", "text", "reason"):
            table.add_column(header)
        for link in links:
            table.add_row(
                link["relation"],
                str(link["other_id"]),
                str(link["other_source"]),
                link["other_text"]
                if len(link["other_text"]) < 90
                else link["other_text"][:87] + "…",
                Text(link["reason"], style="dim"),
            )
        parts.append(table)
    if len(history) > 1:
        table = Table(title="Verdict history", header_style="bold", expand=True)
        for header in ("when", "verdict", "by", "note or rationale"):
            table.add_column(header)
        for verdict in history:
            table.add_row(
                verdict["decided_at"],
                verdict["label"] + (" (current)" if verdict["is_current"] else ""),
                verdict["decided_by"],
                verdict["note"] or verdict["rationale"],
            )
        parts.append(table)
    return parts


def entity_card(entity: dict[str, Any]) -> Group:
    spellings = Table(title="Spellings", header_style="bold", expand=True)
    for header in ("form", "script", "sources", "mentions"):
        spellings.add_column(header)
    for spelling in entity["spellings"]:
        spellings.add_row(
            spelling["form"],
            spelling["script"],
            ", ".join(str(s) for s in spelling["source_ids"]),
            str(spelling["mentions"]),
        )
    mentions = Table(title="Mentions", header_style="bold", expand=True)
    for header in ("mention", "source", "span", "text", "role"):
        mentions.add_column(header)
    for mention in entity["mentions"]:
        mentions.add_row(
            str(mention["id"]),
            str(mention["source_id"]),
            f"{mention['start_offset']}–{mention['end_offset']}",
            mention["text"],
            mention["role"] or "—",
        )
    merges = Table(title="Why these are one", header_style="bold", expand=True)
    for header in ("a", "b", "rule", "score", "evidence"):
        merges.add_column(header)
    for merge in entity["merges"]:
        merges.add_row(
            merge["a_text"] or str(merge["mention_a"]),
            merge["b_text"] or str(merge["mention_b"]),
            merge["rule"],
            f"{merge['score']:.2f}",
            Text(merge["evidence"], style="dim"),
        )
    parts: list[Any] = [
        Panel(
            Text(
                f"{entity['name']}  ({entity['type']}, {entity['source_count']} sources)",
                style="bold",
            ),
            title=f"Entity {entity['id']}",
        ),
        spellings,
        mentions,
    ]
    if entity["merges"]:
        parts.append(merges)
    for finding in entity["findings"]:
        parts.append(Text(f"⚠ {finding['kind']}: {finding['detail']}", style="bold red"))
    return Group(*parts)
