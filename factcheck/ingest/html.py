"""Reduce an HTML page to its article text and the page's own metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

# libxml2 (under lxml, under trafilatura) stops building the tree 256 elements deep and drops
# everything below without an error, so a page that deep would lose its article silently. No real
# article is nested anywhere near this; a page that is was built to hurt parsers.
MAX_HTML_NESTING = 255


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
