"""Reduce an HTML page to its article text and the page's own metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

# libxml2 (under lxml, under trafilatura) stops building the tree 256 elements deep and drops
# everything below without an error, so a page that deep would lose its article silently. No real
# article is nested anywhere near this; a page that is was built to hurt parsers.
MAX_HTML_NESTING = 255
# trafilatura compares several extractions of a page, which takes seconds per megabyte; a page
# larger than any article is read block by block with lxml instead, in linear time.
LARGE_PAGE_CHARS = 1_000_000
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "td",
        "th",
        "dt",
        "dd",
        "figcaption",
        "article",
        "section",
    ]
)
DROPPED_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    url: str | None
    sitename: str | None


class NotAnArticle(ValueError):
    """The page holds no article text trafilatura could find."""


def nesting_depth(html: str) -> int:
    """How many elements deep lxml's tree of the page goes (walked without recursion)."""
    from lxml import etree

    try:
        root = etree.fromstring(html, etree.HTMLParser())
    except (etree.LxmlError, ValueError):
        return 0  # trafilatura decides what to make of a page lxml cannot parse
    if root is None:
        return 0
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def extract_article(html: str) -> HtmlArticle:
    import trafilatura

    if nesting_depth(html) > MAX_HTML_NESTING:
        raise NotAnArticle(
            f"HTML nested more than {MAX_HTML_NESTING} tags deep: the parser would drop text "
            "below that depth"
        )

    if len(html) > LARGE_PAGE_CHARS:
        return large_page_article(html)
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Only the date the page states; never one guessed from elsewhere.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise NotAnArticle("HTML page with no article text that could be extracted")
    return HtmlArticle(
        text=text,
        title=getattr(document, "title", None) or None,
        published=getattr(document, "date", None) or None,
        url=getattr(document, "url", None) or None,
        sitename=getattr(document, "sitename", None) or None,
    )


def large_page_article(html: str) -> HtmlArticle:
    """A very large page's text: each block element's own text on a line of its own, without
    scripts, styles and page furniture; its <title> as the title."""
    from lxml import etree

    root = etree.fromstring(html, etree.HTMLParser())
    if root is None:
        raise NotAnArticle("HTML page with no article text that could be extracted")
    etree.strip_elements(root, *DROPPED_TAGS, with_tail=False)
    title = root.findtext(".//title")
    body = root.find(".//body")
    lines: list[str] = []
    current: list[str] = []
    for event, element in etree.iterwalk(body if body is not None else root, ("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if element.tag in BLOCK_TAGS:
            line = " ".join("".join(current).split())
            if line:
                lines.append(line)
            current.clear()
        if event == "start" and element.text:
            current.append(element.text)
        if event == "end" and element.tail:
            current.append(element.tail)
    line = " ".join("".join(current).split())
    if line:
        lines.append(line)
    if not lines:
        raise NotAnArticle("HTML page with no article text that could be extracted")
    return HtmlArticle("\n".join(lines) + "\n", (title or "").strip() or None, None, None, None)
