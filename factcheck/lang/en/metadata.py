"""English labels on a page's metadata lines ("Published on: ...", "Today: ...", "Source: https://...")."""

from factcheck.ingest.metadata import MetadataWords

METADATA = MetadataWords(
    published=("published", "posted", "updated", "last updated", "date"),
    rendered=("today",),
    source_link=("reference link", "source", "original(ly published at)?", "read more at", "link"),
)
