"""Chinese labels on a page's metadata lines ("发布时间：...", "今天：...", "来源：https://...")."""

from factcheck.ingest.metadata import MetadataWords

METADATA = MetadataWords(
    published=("发布时间", "发布日期", "发表时间", "更新时间", "日期"),
    rendered=("今天",),
    source_link=("来源", "原文链接"),
)
