"""A real HTTP server on 127.0.0.1 for the fetch tests: the seed pages (as text and as HTML), a
feed listing them, redirects, a loop, a slow endpoint, error statuses, an oversized body, PDF and
DOCX documents. It runs in a thread of the test process and answers only on the loopback address;
nothing in the tests reaches any other address."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import SEEDS

# How long the slow endpoint waits before answering: longer than the tests' --timeout, bounded
# so the server thread ends by itself.
SLOW_SECONDS = 3.0
OVERSIZED_BYTES = 6 * 1024 * 1024


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed_html(path: Path) -> str:
    """A seed page as an HTML article: one <p> per paragraph of the text."""
    paragraphs = [block.strip() for block in path.read_text("utf-8").split("\n") if block.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(paragraphs[0][:80])}</title></head>"
        f"<body><article>\n{body}\n</article></body></html>\n"
    )


@dataclass
class Response:
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Site:
    """What the server answers, path by path; tests may add or change routes."""

    routes: dict[str, Callable[[], Response]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, response: Response) -> None:
        self.routes[path] = lambda: response


def feed_xml(site: Site, paths: list[str]) -> bytes:
    items = []
    for number, path in enumerate(paths):
        day = datetime(2026, 1, 1 + number, 9, 30, tzinfo=UTC)
        items.append(
            f"<item><title>Seed page {number}</title><link>{site.url(path)}</link>"
            f"<pubDate>{format_datetime(day)}</pubDate>"
            f"<author>desk{number}@example.org (Desk {number})</author>"
            f"<guid>{site.url(path)}</guid></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>The Test Wire</title><link>" + site.url("/") + "</link>"
        "<description>Seed pages, as a feed</description>" + "".join(items) + "</channel></rss>"
    ).encode()


def standard_site(site: Site) -> None:
    for path in seed_files():
        text = path.read_bytes()
        site.set(
            f"/text/{path.name}", Response(content_type="text/plain; charset=utf-8", body=text)
        )
        site.set(
            f"/html/{path.stem}.html",
            Response(
                body=seed_html(path).encode(),
                headers={
                    "Last-Modified": "Wed, 07 Jan 2026 10:00:00 GMT",
                    "ETag": f'"{path.stem}"',
                },
            ),
        )
    html_paths = [f"/html/{path.stem}.html" for path in seed_files()]
    site.set(
        "/feed.xml", Response(content_type="application/rss+xml", body=feed_xml(site, html_paths))
    )
    first = html_paths[0]
    for hop in range(1, 4):
        target = f"/redirect/{hop - 1}" if hop > 1 else first
        site.set(f"/redirect/{hop}", Response(status=302, headers={"Location": target}))
    site.set("/redirect/0", Response(status=301, headers={"Location": first}))
    for hop in range(1, 12):
        site.set(f"/hop/{hop}", Response(status=302, headers={"Location": f"/hop/{hop + 1}"}))
    site.set("/loop/a", Response(status=302, headers={"Location": "/loop/b"}))
    site.set("/loop/b", Response(status=302, headers={"Location": "/loop/a"}))
    site.set("/to-ftp", Response(status=302, headers={"Location": "ftp://127.0.0.1/file.txt"}))
    site.set("/missing", Response(status=404, body=b"<html><body>Not here</body></html>"))
    site.set("/broken", Response(status=500, body=b"<html><body>Oops</body></html>"))
    site.set(
        "/image.png", Response(content_type="image/png", body=b"\x89PNG\r\n\x1a\n" + bytes(64))
    )
    site.set("/empty-ok", Response(status=204, body=b""))


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:  # noqa: N802 -- the name http.server calls
        self.site.requests.append(self.path)
        self.site.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            return self.answer(Response(body=b"<html><body><p>Too late.</p></body></html>"))
        if self.path == "/oversized":
            return self.stream_oversized(declare=False)
        if self.path == "/oversized-declared":
            return self.stream_oversized(declare=True)
        route = self.site.routes.get(self.path)
        if route is None:
            return self.answer(Response(status=404, body=b"not found"))
        self.answer(route())

    def answer(self, response: Response) -> None:
        try:
            self.send_response(response.status)
            if response.content_type:
                self.send_header("Content-Type", response.content_type)
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to answer

    def stream_oversized(self, *, declare: bool) -> None:
        """An article-sized page followed by more text than the cap, with no Content-Length
        unless `declare`: the client must stop reading, not trust the server."""
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if declare:
                self.send_header("Content-Length", str(OVERSIZED_BYTES))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"word " * 200 + b"</p>\n"
            sent = 0
            while sent < OVERSIZED_BYTES:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at the cap, as it should


@contextmanager
def serve(port: int = 0) -> Iterator[Site]:
    site = Site()
    handler = type("SiteHandler", (Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    server.block_on_close = False
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    standard_site(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    # Serve the fixtures for a person to try (and for the README's examples), for ten minutes.
    import sys

    with serve(int(sys.argv[1]) if len(sys.argv) > 1 else 8000) as running:
        print(running.base, flush=True)
        time.sleep(600)
