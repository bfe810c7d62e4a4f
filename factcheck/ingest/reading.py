"""Find the files to ingest and read them into text, refusing what is not an article.

Every refusal is a `Skipped` with one sentence saying why; nothing here raises for bad input.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from factcheck.ingest.fetch import FetchRecord

# An article is tens of kilobytes; a file over this is a dump, a book or an accident.
MAX_SOURCE_BYTES = 5 * 1024 * 1024
# Extensions taken when walking a folder (a file named explicitly is read whatever its name).
TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
MARKDOWN_EXTENSIONS = {".md", ".markdown"}
STDIN_PATH = "-"


@dataclass(frozen=True)
class RawDocument:
    """The bytes of one input, decoded."""

    path: str  # as given ('-' for standard input)
    resolved_path: str | None  # absolute path, the identity of a file across runs; None for stdin
    sha256: str
    byte_size: int
    text: str
    format: str  # text | markdown | html | pdf | docx
    fetch: FetchRecord | None = None  # where and when it was fetched, for a URL
    snapshot: bytes | None = None  # the bytes kept in the ledger, when the text is derived
    # For a PDF: (page number, offset in text where the page starts), in order.
    page_starts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Skipped:
    """An input that was not ingested, and why."""

    path: str
    reason: str


def find_inputs(paths: list[str], *, follow_links: bool = False) -> Iterator[str | Skipped]:
    """Expand the paths given on the command line: files as they are, folders recursively
    (sorted, following no symlinked folders, so a link loop cannot trap the walk), '-' as is.
    A symbolic link inside a folder that leads out of it (to /etc/passwd, /proc/...) is skipped
    with its reason unless `follow_links`."""
    for given in paths:
        if given == STDIN_PATH or is_url(given):
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or Path(name).suffix.lower() not in TEXT_EXTENSIONS:
                        continue
                    found = True
                    file_path = Path(root) / name
                    leaves = None if follow_links else link_leaving(file_path, path)
                    if leaves is not None:
                        yield Skipped(
                            str(file_path),
                            f"a symbolic link to {leaves}, outside the folder being ingested "
                            "(--follow-links reads it)",
                        )
                        continue
                    yield str(file_path)
            if not found:
                yield Skipped(given, "folder has no text, Markdown, HTML, PDF or DOCX files")
        elif path.exists() or path.is_symlink():
            yield given
        else:
            yield Skipped(given, "no such file or folder")


def link_leaving(file_path: Path, folder: Path) -> str | None:
    """Where a symbolic link inside `folder` points, when that is outside the folder."""
    if not file_path.is_symlink():
        return None
    try:
        target = file_path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None  # a loop or a broken link: read_input says which
    if target.is_relative_to(folder.resolve()):
        return None
    return str(target)


def read_input(path: str, stdin: BinaryIO | None = None) -> RawDocument | Skipped:
    """Read and decode one input, or say why it cannot be an article."""
    try:
        if path == STDIN_PATH:
            stream = stdin or sys.stdin.buffer
            data = stream.read(MAX_SOURCE_BYTES + 1)
            resolved = None
        else:
            file_path = Path(path)
            if not file_path.is_file():
                return Skipped(path, not_a_file_reason(file_path))
            with file_path.open("rb") as handle:
                data = handle.read(MAX_SOURCE_BYTES + 1)
            resolved = str(file_path.resolve())
    except PermissionError:
        return Skipped(path, "permission denied")
    except OSError as error:
        return Skipped(path, f"cannot be read: {error.strerror or error}")
    if len(data) > MAX_SOURCE_BYTES:
        return Skipped(path, too_large_reason())
    document_format = binary_document_format(path, data)
    if document_format:
        from factcheck.ingest.documents import read_document

        return read_document(path, resolved, data, document_format)
    try:
        text = decode(data)
    except UndecodableError as error:
        return Skipped(path, str(error))
    if not text.strip():
        return Skipped(path, "empty (no text)")
    format = sniff_format(path, text)
    return RawDocument(
        path=path,
        resolved_path=resolved,
        sha256=hashlib.sha256(data).hexdigest(),
        byte_size=len(data),
        text=text,
        format=format,
        # The text of a page is derived from its HTML: keep the bytes that were read.
        snapshot=data if format == "html" else None,
    )


def too_large_reason() -> str:
    return f"larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB, too large to be an article"


def is_url(given: str) -> bool:
    """Whether a command-line argument is meant as a URL (a scheme and '://'), whatever the
    scheme: 'ftp://...' is a URL to refuse, not a file name to look for."""
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", given) is not None


def binary_document_format(path: str, data: bytes) -> str | None:
    """'pdf' or 'docx' for a document read by its own library, by its first bytes or its name."""
    suffix = Path(path).suffix.lower() if path != STDIN_PATH else ""
    if data.startswith(b"%PDF-") or suffix == ".pdf":
        return "pdf"
    if suffix == ".docx" or (data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]):
        return "docx"
    return None


def not_a_file_reason(path: Path) -> str:
    """Why a path that exists (or is a link) is not a file we can read."""
    if path.is_symlink():
        try:
            path.stat()
        except OSError as error:
            if error.errno == errno.ELOOP:
                return "a symbolic link loop (the link points back to itself)"
            return "a broken symbolic link (its target does not exist)"
    return "not a regular file (a folder, device or socket)"


class UndecodableError(ValueError):
    """The bytes are not text factcheck can read; the message says why."""


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (or UTF-16 with a byte-order mark), dropping a byte-order mark."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UndecodableError(
                "UTF-16 with a byte-order mark, but the text after it is damaged"
            ) from error
    if b"\x00" in data[:8192]:
        raise UndecodableError(
            "binary data (NUL bytes), not text; UTF-16 without a byte-order mark is not read"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UndecodableError(
            f"not valid UTF-8 (bad byte at offset {error.start}); convert it to UTF-8 first"
        ) from error
    control = sum(1 for char in text[:8192] if ord(char) < 32 and char not in "\t\n\r\f")
    if control > max(8, len(text[:8192]) // 100):
        raise UndecodableError("binary data (control characters), not text")
    return text


def sniff_format(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower() if path != STDIN_PATH else ""
    if suffix in HTML_EXTENSIONS:
        return "html"
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text):
        return "html"
    if suffix in MARKDOWN_EXTENSIONS:
        return "markdown"
    return "text"
