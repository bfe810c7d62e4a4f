"""Reduce an HTML page to its article text and the page's own metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

# Deeper than this, a page is built to hurt parsers, not to be read.
MAX_HTML_NESTING = 2_000


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    url: str | None
    sitename: str | None


class NotAnArticle(ValueError):
    """The page holds no article text trafilatura could find."""


def extract_article(html: str) -> HtmlArticle:
    import trafilatura

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
