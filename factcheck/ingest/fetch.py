"""Fetch the http(s) URLs a user gives, with httpx: the bytes, and where and when they came from.

Nothing here runs unless the user names a URL, so factcheck stays usable offline. Every refusal
(DNS failure, refused connection, timeout, TLS error, HTTP error status, redirect loop, body over
the size cap, a content type that is not a page) is a `Skipped` with one sentence saying why.
"""

from __future__ import annotations

import codecs
import datetime
import hashlib
import re
import socket
import ssl
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from factcheck import __version__
from factcheck.ingest.reading import (
    MAX_SOURCE_BYTES,
    RawDocument,
    Skipped,
    UndecodableError,
    decode,
)

if TYPE_CHECKING:
    import httpx

USER_AGENT = (
    f"factcheck/{__version__} (fact-checking workbench; fetches only the URLs its user gives)"
)
SCHEMES = ("http", "https")
CONNECT_TIMEOUT_S = 10.0
# Longest wait for the next bytes of a response; a whole fetch also stops at TOTAL_TIMEOUT_S, so
# a server trickling a byte at a time cannot hold a batch forever.
READ_TIMEOUT_S = 20.0
TOTAL_TIMEOUT_S = 60.0
MAX_REDIRECTS = 5

# Content types read as a source, and the format each becomes.
PAGE_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
    "application/xml",
    "text/xml",
}
# Servers send these for anything; the bytes say what they are.
UNTYPED = {"", "application/octet-stream", "binary/octet-stream"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class FetchRecord:
    """Where and when a source's bytes were fetched, as the server described them."""

    requested_url: str
    final_url: str
    fetched_at: str  # ISO 8601, UTC, to the second
    http_status: int
    content_type: str | None
    last_modified: str | None
    etag: str | None


@dataclass(frozen=True)
class Fetched:
    record: FetchRecord
    body: bytes
    format: str  # html | text | markdown | pdf | docx | feed
    charset: str | None


def url_problem(url: str) -> str | None:
    """Why a URL cannot be fetched before trying, or None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a port that is not a number
    except ValueError as error:
        return f"not a valid URL ({error})"
    if parts.scheme.lower() not in SCHEMES:
        return f"only http and https URLs are fetched, not {parts.scheme}:"
    if not parts.hostname:
        return "not a valid URL (no host name)"
    return None


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """'text/html; charset=ISO-8859-1' -> ('text/html', 'iso-8859-1')."""
    if not content_type:
        return "", None
    kind, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return kind.strip().lower(), charset


def sniff_bytes(body: bytes) -> str | None:
    """What an untyped body is, from its first bytes."""
    head = body[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in body[:65536]:
        return "docx"
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if lowered.startswith(b"<?xml") and (b"<rss" in lowered or b"<feed" in lowered):
        return "feed"
    return None


class FetchFailed(Exception):
    """A URL that gave no source; the message is the one line the user sees."""


class Fetcher:
    """One httpx client for a batch of URLs (connections are reused), made on first use."""

    def __init__(
        self,
        *,
        read_timeout: float = READ_TIMEOUT_S,
        connect_timeout: float = CONNECT_TIMEOUT_S,
        total_timeout: float = TOTAL_TIMEOUT_S,
        max_redirects: int = MAX_REDIRECTS,
        max_bytes: int = MAX_SOURCE_BYTES,
    ) -> None:
        self.read_timeout = read_timeout
        self.connect_timeout = connect_timeout
        self.total_timeout = total_timeout
        self.max_redirects = max_redirects
        self.max_bytes = max_bytes
        self._client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                headers={"User-Agent": USER_AGENT},
                timeout=httpx.Timeout(self.read_timeout, connect=self.connect_timeout),
                # Redirects are followed here, one hop at a time, so each hop's scheme is
                # checked and a loop is named as one.
                follow_redirects=False,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, *, accept_feed: bool = False) -> Fetched | Skipped:
        """The body of `url` after redirects, or why there is none."""
        problem = url_problem(url)
        if problem:
            return Skipped(url, problem)
        try:
            return self._fetch(url, accept_feed=accept_feed)
        except FetchFailed as error:
            return Skipped(url, str(error))
        except Exception as error:  # httpx's errors, mapped to one line each
            import httpx

            if isinstance(error, httpx.HTTPError | httpx.InvalidURL | httpx.StreamError):
                return Skipped(url, describe_http_error(error, self))
            raise

    def _fetch(self, url: str, *, accept_feed: bool) -> Fetched:
        client = self.client()
        started = time.monotonic()
        request = client.build_request("GET", url)
        visited = [str(request.url)]
        for _ in range(self.max_redirects + 1):
            response = client.send(request, stream=True)
            try:
                if response.is_redirect and response.next_request is not None:
                    request = response.next_request
                    target = str(request.url)
                    if target in visited:
                        loop = [*visited[visited.index(target) :], target]
                        raise FetchFailed("redirect loop: " + " → ".join(loop))
                    scheme_problem = url_problem(target)
                    if scheme_problem:
                        raise FetchFailed(f"redirected to {target}: {scheme_problem}")
                    visited.append(target)
                    continue
                return self._read(url, response, started, accept_feed=accept_feed)
            finally:
                response.close()
        raise FetchFailed(f"more than {self.max_redirects} redirects (last to {visited[-1]})")

    def _read(
        self, url: str, response: httpx.Response, started: float, *, accept_feed: bool
    ) -> Fetched:
        final_url = str(response.url)
        where = "" if final_url == url else f" (at {final_url})"
        if response.status_code >= 400:
            raise FetchFailed(f"HTTP {response.status_code} {response.reason_phrase}{where}")
        if response.status_code != 200:
            raise FetchFailed(
                f"HTTP {response.status_code} {response.reason_phrase}{where}: no page to read"
            )
        kind, charset = media_type(response.headers.get("content-type"))
        format = PAGE_TYPES.get(kind)
        if kind in FEED_TYPES or (kind in UNTYPED and accept_feed):
            format = "feed"
        if format is None and kind not in UNTYPED:
            raise FetchFailed(f"content type {kind} is not a page, PDF, DOCX or feed{where}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            declared_size = f"the server declares {int(declared):,} bytes"
            raise FetchFailed(too_large(self.max_bytes, declared_size))
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchFailed(too_large(self.max_bytes, "stopped reading there"))
            if time.monotonic() - started > self.total_timeout:
                raise FetchFailed(f"timed out: still reading after {self.total_timeout:g} s")
        body = b"".join(chunks)
        if format is None:
            format = sniff_bytes(body)
            if format is None:
                raise FetchFailed(
                    f"content type {kind or 'not given'} and the bytes are not a page, PDF or "
                    f"DOCX{where}"
                )
        if format == "feed" and not accept_feed:
            raise FetchFailed(f"a feed ({kind or 'XML'}), not a page: use --feed {url}")
        record = FetchRecord(
            requested_url=url,
            final_url=final_url,
            fetched_at=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            http_status=response.status_code,
            content_type=response.headers.get("content-type"),
            last_modified=response.headers.get("last-modified"),
            etag=response.headers.get("etag"),
        )
        return Fetched(record, body, format, charset)


def too_large(limit: int, detail: str) -> str:
    return f"larger than {limit // (1024 * 1024)} MiB, too large to be an article ({detail})"


def describe_http_error(error: Exception, fetcher: Fetcher) -> str:
    """One line for an httpx error, naming its cause in words."""
    import httpx

    if isinstance(error, httpx.ConnectTimeout):
        return f"timed out connecting (no answer in {fetcher.connect_timeout:g} s)"
    if isinstance(error, httpx.TimeoutException):
        return f"timed out: no data for {fetcher.read_timeout:g} s"
    if isinstance(error, httpx.TooManyRedirects):
        return f"more than {fetcher.max_redirects} redirects"
    causes = list(cause_chain(error))
    for cause in causes:
        if isinstance(cause, socket.gaierror):
            host = getattr(getattr(error, "request", None), "url", None)
            name = f" for {host.host}" if host is not None else ""
            return f"DNS lookup failed{name}: no such host, or no network"
        if isinstance(cause, ssl.SSLError):
            reason = str(cause.reason or cause.strerror or cause).replace("_", " ").lower()
            return f"TLS error: {reason}"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused (nothing is listening there)"
    text = str(error)
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "DNS lookup failed: no such host, or no network"
    if "Connection refused" in text:
        return "connection refused (nothing is listening there)"
    if "SSL" in text or "TLS" in text or "CERTIFICATE" in text:
        return f"TLS error: {text}"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke off or spoke bad HTTP ({text or 'no detail'})"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({text or 'no detail'})"
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"not a URL factcheck can fetch ({text})"
    return f"fetch failed: {text or type(error).__name__}"


def cause_chain(error: BaseException):  # type: ignore[no-untyped-def]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def decode_page(fetched: Fetched) -> str:
    """The text of a fetched page: its declared charset (the HTTP header, else a <meta> tag),
    else UTF-8 as for files."""
    charset = fetched.charset
    if charset is None and fetched.format == "html":
        found = META_CHARSET.search(fetched.body[:4096])
        charset = found.group(1).decode("ascii").lower() if found else None
    if charset:
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8", "utf-8-sig"):
            try:
                return fetched.body.decode(codec)
            except UnicodeDecodeError as error:
                raise UndecodableError(
                    f"declared {charset} but the bytes are not (bad byte at offset {error.start})"
                ) from error
    return decode(fetched.body)


def fetched_document(fetched: Fetched) -> RawDocument | Skipped:
    """A fetched page (or document) as the document its bytes hold, as for a file."""
    url = fetched.record.requested_url
    if fetched.format in ("pdf", "docx"):
        from factcheck.ingest.documents import read_document

        return read_document(url, None, fetched.body, fetched.format, fetch=fetched.record)
    try:
        text = decode_page(fetched)
    except UndecodableError as error:
        return Skipped(url, str(error))
    if not text.strip():
        return Skipped(url, "empty (no text)")
    return RawDocument(
        path=url,
        # A URL is its source's identity across runs, as an absolute path is a file's.
        resolved_path=url,
        sha256=hashlib.sha256(fetched.body).hexdigest(),
        byte_size=len(fetched.body),
        text=text,
        format=fetched.format,
        fetch=fetched.record,
        snapshot=fetched.body,
    )
