"""Bengali labels on a page's metadata lines ("প্রকাশিত: ...", "আজ: ...", "সূত্র: https://...")."""

from factcheck.ingest.metadata import MetadataWords

METADATA = MetadataWords(
    published=("আপডেট সময়", "প্রকাশিত", "প্রকাশ", "প্রকাশের সময়"),
    rendered=("আজ",),
    source_link=("সূত্র",),
)
