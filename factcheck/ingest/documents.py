"""Read PDF (pypdf) and DOCX (python-docx) documents into text, keeping each PDF page's offset.

A PDF's pages are separated by a blank line, so no passage spans two pages and each passage can
say which page it is on. A document that cannot give text (encrypted, damaged, a scan with no text
layer) is a `Skipped` with one sentence saying why; nothing here raises for bad input.
"""

from __future__ import annotations

import hashlib
import io
import re
from typing import TYPE_CHECKING

from factcheck.ingest.reading import RawDocument, Skipped

if TYPE_CHECKING:
    from factcheck.ingest.fetch import FetchRecord

PAGE_BREAK = "\n\n"
TRAILING_SPACE = re.compile(r"[ \t]+$", re.M)


class UnreadableDocument(ValueError):
    """The document gives no text; the message says why."""


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of a PDF, in order."""
    import logging

    from pypdf import PasswordType, PdfReader

    # pypdf logs warnings about damaged files; the user gets our one line instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as error:  # pypdf needs an optional library for some ciphers
                raise UnreadableDocument(
                    f"an encrypted PDF factcheck cannot open ({error})"
                ) from error
            if opened == PasswordType.NOT_DECRYPTED:
                raise UnreadableDocument("an encrypted PDF: it needs a password to be read")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises many kinds of error on damaged files
        raise UnreadableDocument(f"not a readable PDF ({describe(error)})") from error
    return [TRAILING_SPACE.sub("", page).strip("\n") for page in pages]


def docx_paragraphs(data: bytes) -> list[str]:
    """The paragraphs of a DOCX document in reading order; a table row is one line, its cells
    separated by ' | '."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = [" ".join(cell.text.split()) for cell in row.cells]
                    if any(cells):
                        lines.append(" | ".join(cells))
            elif block.text.strip():
                lines.append(block.text.strip())
    except Exception as error:  # python-docx and zipfile raise many kinds on damaged files
        raise UnreadableDocument(f"not a readable DOCX document ({describe(error)})") from error
    return lines


def describe(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text[:160] or type(error).__name__


def read_document(
    path: str,
    resolved_path: str | None,
    data: bytes,
    format: str,
    *,
    fetch: FetchRecord | None = None,
) -> RawDocument | Skipped:
    """A PDF or DOCX document as a source's text, or why it cannot be one."""
    page_starts: list[tuple[int, int]] = []
    try:
        if format == "pdf":
            pages = pdf_pages(data)
            if not any(page.strip() for page in pages):
                count = f"{len(pages)} page{'s' if len(pages) != 1 else ''}"
                return Skipped(
                    path, f"a PDF with no text layer ({count}, a scan?): run OCR on it first"
                )
            parts: list[str] = []
            offset = 0
            for number, page in enumerate(pages, start=1):
                if not page.strip():
                    continue
                if parts:
                    parts.append(PAGE_BREAK)
                    offset += len(PAGE_BREAK)
                page_starts.append((number, offset))
                parts.append(page)
                offset += len(page)
            text = "".join(parts)
        else:
            text = "\n\n".join(docx_paragraphs(data))
    except UnreadableDocument as error:
        return Skipped(path, str(error))
    if not text.strip():
        return Skipped(path, "empty (no text)")
    return RawDocument(
        path=path,
        resolved_path=resolved_path if fetch is None else fetch.requested_url,
        sha256=hashlib.sha256(data).hexdigest(),
        byte_size=len(data),
        text=text,
        format=format,
        fetch=fetch,
        snapshot=data,
        page_starts=tuple(page_starts),
    )


def page_of(page_starts: tuple[tuple[int, int], ...], offset: int) -> int | None:
    """The page number the text offset falls on, or None for a document without pages."""
    page = None
    for number, start in page_starts:
        if start > offset:
            break
        page = number
    return page
