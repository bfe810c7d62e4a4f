"""Read a source's title, outlet, URL and publication date from its own text.

Each field is read from a pattern the text really contains, with the evidence kept; a field the text
does not give stays None. A page header that shows the day the page was rendered ("Today : ...",
"ঢাকা ০৪:২১ পূর্বাহ্ন, সোমবার, ১২ জানুয়ারী ২০২৬ ...") is not a publication date.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from factcheck.lang import registered_languages, registry_key
from factcheck.text.dates import DateMention, find_dates


@dataclass(frozen=True)
class MetadataWords:
    """A language's labels on a page's metadata lines, as regex sources (a language's
    `lang/<code>/metadata.py` defines its METADATA): what introduces the article's own date
    ("Published:", "প্রকাশিত:"), the day the page was rendered ("Today:"), the article's source link
    ("Source: https://...")."""

    published: tuple[str, ...] = ()
    rendered: tuple[str, ...] = ()
    source_link: tuple[str, ...] = ()


def _alternation(field_name: str) -> str:
    """Every registered language's labels of one kind, in registry order (none: never matches)."""
    labels = [
        label
        for language in registered_languages()
        if language.metadata is not None
        for label in getattr(language.metadata, field_name)
    ]
    return "|".join(labels) or "(?!)"


@functools.cache
def _labels(registry: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], ...]:
    """The three label patterns of the registry `registry` (the cache's key)."""
    published = re.compile(rf"^\s*({_alternation('published')})\s*(on)?\s*[:：-]?\s*", re.I)
    rendered = re.compile(rf"^\s*({_alternation('rendered')})\s*[:：]", re.I)
    source_link = re.compile(
        rf"^\s*({_alternation('source_link')})\s*[:：]?-?\s*(?P<url>https?://\S+)\s*$", re.I
    )
    return published, rendered, source_link


def published_labels() -> re.Pattern[str]:
    """Labels that introduce the article's own date, in every registered language."""
    return _labels(registry_key())[0]


def render_labels() -> re.Pattern[str]:
    """Labels of the day a page was rendered, not written."""
    return _labels(registry_key())[1]


def url_labels() -> re.Pattern[str]:
    """A labelled link to the article's source; group 'url' is the link."""
    return _labels(registry_key())[2]


# A clock time; \d is any script's digit ("০৪:২১" too).
CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")
BARE_URL_LINE = re.compile(r"^\s*(?P<url>https?://\S+)\s*$")
URL_PATH_DATE = re.compile(r"/(?P<year>20\d{2}|19\d{2})[/-](?P<month>\d{1,2})[/-](?P<day>\d{1,2})/")
# "... equipment. – South China Morning Post": a trailing attribution to the outlet.
TRAILING_ATTRIBUTION = re.compile(r"\s[–—-]\s(?P<outlet>(?:[A-Z][\w&'.]*\s?){1,6})\s*$")
# A line that is only a date is short; longer lines are not searched for one (a 5 MiB line was).
MAX_DATE_LINE_CHARS = 200


@dataclass
class SourceMetadata:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date
    evidence: dict[str, str] = field(default_factory=dict)


def full_dates(text: str) -> list[tuple[DateMention, datetime.date]]:
    """The full dates (day, month and year) written in `text`, in English, Bengali or Chinese
    notation, with where each is written; partial dates are not completed by guessing."""
    found = []
    for mention in find_dates(text):
        if mention.year and mention.month and mention.day:
            try:
                found.append((mention, datetime.date(mention.year, mention.month, mention.day)))
            except ValueError:
                continue  # "31 February": not a date
    return found


def parse_date(text: str) -> datetime.date | None:
    """The first full date written in `text`, or None."""
    dates = full_dates(text)
    return dates[0][1] if dates else None


def is_date_line(line: str) -> bool:
    """True when a line says nothing but a date ("23 February 2025")."""
    if len(line) > MAX_DATE_LINE_CHARS:
        return False
    dates = full_dates(line)
    if not dates:
        return False
    rest = line
    for mention, _ in reversed(dates):
        rest = rest[: mention.start] + rest[mention.end :]
    return len(re.sub(r"[\W\d_]", "", rest)) <= 3


def find_url(lines: list[str]) -> tuple[str, str] | None:
    for labelled in (True, False):
        for number, line in enumerate(lines, start=1):
            match = (url_labels() if labelled else BARE_URL_LINE).match(line)
            if match:
                return match["url"].rstrip(".,;)"), f"line {number}: {line.strip()[:80]}"
    return None


# A line that is only a date is a dateline where an article has one: near its start or its end.
DATE_LINE_WINDOW = (400, 50)


def date_line_window(lines: list[str]) -> list[tuple[int, str]]:
    """The numbered lines a dateline is looked for in: the first 400 and the last 50."""
    head, tail = DATE_LINE_WINDOW
    numbered = list(enumerate(lines, start=1))
    if len(numbered) <= head + tail:
        return numbered
    return numbered[:head] + numbered[-tail:]


def find_published(lines: list[str], url: str | None) -> tuple[str, str] | None:
    """The publication date: a labelled date line, else a line that is only a date, else a date
    in the URL's path. Render-date headers and clock-stamped page headers are passed over."""
    for number, line in enumerate(lines, start=1):
        label = published_labels().match(line)
        if label and (date := parse_date(line[label.end() :])):
            return date.isoformat(), f"line {number}: {line.strip()[:80]}"
    for number, line in date_line_window(lines):
        if render_labels().match(line) or CLOCK_TIME.search(line):
            continue
        if is_date_line(line):
            date = parse_date(line)
            assert date is not None
            return date.isoformat(), f"line {number}: {line.strip()[:80]}"
    if url and (match := URL_PATH_DATE.search(urlparse(url).path + "/")):
        try:
            date = datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            return None
        return date.isoformat(), f"date in the URL path: {url}"
    return None


def find_outlet(lines: list[str], url: str | None) -> tuple[str, str] | None:
    """A trailing attribution ("– South China Morning Post") on the last lines of the text,
    else the host of the article's URL."""
    for line in [line for line in lines if line.strip()][-3:][::-1]:
        match = TRAILING_ATTRIBUTION.search(line)
        if match and len(match["outlet"].split()) >= 1 and line.rstrip()[-1].isalpha():
            return match["outlet"].strip(), f"trailing attribution: {match.group(0).strip()}"
    if url:
        host = urlparse(url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host, f"host of the article's URL: {url}"
    return None


def read_metadata(text: str, title: str | None, title_evidence: str | None) -> SourceMetadata:
    """Metadata of a plain-text or Markdown source. The title is found with the passages (it is
    the headline passage), so it is passed in."""
    lines = text.splitlines()
    metadata = SourceMetadata()
    if title:
        metadata.title = title
        metadata.evidence["title"] = title_evidence or "headline"
    if found := find_url(lines):
        metadata.url, metadata.evidence["url"] = found
    if found := find_published(lines, metadata.url):
        metadata.published, metadata.evidence["published"] = found
    if found := find_outlet(lines, metadata.url):
        metadata.outlet, metadata.evidence["outlet"] = found
    return metadata
