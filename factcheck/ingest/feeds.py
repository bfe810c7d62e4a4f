"""Read RSS and Atom feeds (feedparser) into the entries to fetch, with what the feed says of each.

The feed is given as a URL (fetched like a page) or a file. feedparser only ever sees bytes: it
could fetch a URL itself, and everything that leaves the machine goes through `Fetcher`. What the
feed says of an entry (its title, date and author, and the feed's own title) is kept as evidence
for the source's metadata; it fills the fields the page itself does not give.
"""

from __future__ import annotations

import calendar
import datetime
import time
from dataclasses import dataclass
from pathlib import Path

from factcheck.ingest.fetch import Fetched, Fetcher
from factcheck.ingest.metadata import SourceMetadata
from factcheck.ingest.reading import MAX_SOURCE_BYTES, Skipped, is_url, too_large_reason


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None
    published: str | None  # ISO 8601 date, as the feed dates the entry
    author: str | None
    feed: str  # the feed's URL or path, as given
    feed_title: str | None

    def evidence(self) -> str:
        """The feed's word on this entry, in one line."""
        parts = [f"feed {self.feed}"]
        if self.feed_title:
            parts[0] += f" ({self.feed_title!r})"
        for label, value in (("title", self.title), ("dated", self.published)):
            if value:
                parts.append(f"{label} {value!r}" if label == "title" else f"{label} {value}")
        if self.author:
            parts.append(f"by {self.author}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Feed:
    given: str
    title: str | None
    entries: list[FeedEntry]
    skipped: list[Skipped]  # entries with no link


def read_feed_bytes(given: str, fetcher: Fetcher) -> tuple[bytes, str] | Skipped:
    """The feed's bytes and the URL relative links resolve against."""
    if is_url(given):
        fetched = fetcher.fetch(given, accept_feed=True)
        if isinstance(fetched, Skipped):
            return fetched
        assert isinstance(fetched, Fetched)
        return fetched.body, fetched.record.final_url
    path = Path(given)
    if not path.is_file():
        return Skipped(given, "no such feed file" if not path.exists() else "not a regular file")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as error:
        return Skipped(given, f"cannot be read: {error.strerror or error}")
    if len(data) > MAX_SOURCE_BYTES:
        return Skipped(given, too_large_reason())
    return data, path.resolve().as_uri()


def parse_feed(given: str, data: bytes, base: str) -> Feed | Skipped:
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base})
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f" ({str(why).strip()[:120]})" if why else ""
        return Skipped(given, f"not an RSS or Atom feed{detail}")
    if not parsed.entries:
        return Skipped(given, "the feed has no entries")
    feed_title = clean(parsed.feed.get("title"))
    entries: list[FeedEntry] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        link = clean(entry.get("link"))
        title = clean(entry.get("title"))
        if not link:
            name = repr(title) if title else f"number {number}"
            skipped.append(Skipped(f"{given} entry {name}", "the feed entry has no link"))
            continue
        if link in seen:
            continue
        seen.add(link)
        entries.append(
            FeedEntry(
                link=link,
                title=title,
                published=entry_date(entry),
                author=clean(entry.get("author")),
                feed=given,
                feed_title=feed_title,
            )
        )
    return Feed(given, feed_title, entries, skipped)


def read_feed(given: str, fetcher: Fetcher) -> Feed | Skipped:
    """The entries of the feed at `given` (a URL or a file), or why there are none."""
    read = read_feed_bytes(given, fetcher)
    if isinstance(read, Skipped):
        return read
    data, base = read
    return parse_feed(given, data, base)


def clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def entry_date(entry: object) -> str | None:
    """The entry's publication (else update) date as the feed gives it, as an ISO date (UTC)."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)  # type: ignore[attr-defined]
        if isinstance(parsed, time.struct_time):
            moment = datetime.datetime.fromtimestamp(calendar.timegm(parsed), datetime.UTC)
            return moment.date().isoformat()
    return None


def apply_feed_entry(metadata: SourceMetadata, entry: FeedEntry) -> None:
    """Fill what the page does not say from what the feed says of it, and keep the feed's word
    as evidence either way."""
    for name, value in (
        ("title", entry.title),
        ("published", entry.published),
        ("outlet", entry.feed_title),
    ):
        if value and not getattr(metadata, name):
            setattr(metadata, name, value)
            metadata.evidence[name] = f"the feed entry ({entry.feed})"
    metadata.evidence["feed"] = entry.evidence()
