"""Passages: split, language, kind (body, title, heading, duplicate, clutter) with reasons."""

from __future__ import annotations

from factcheck.ingest.passages import CLUTTER_KINDS, split_blocks, split_passages
from tests.conftest import SEEDS


def passages_of(name_prefix: str) -> tuple[str, list]:
    path = next(SEEDS.glob(f"{name_prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, split_passages(text)


def test_offsets_point_into_the_stored_text_and_never_overlap() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        passages = split_passages(text)
        previous_end = 0
        for passage in passages:
            assert 0 <= previous_end <= passage.start < passage.end <= len(text)
            assert text[passage.start : passage.end] == text[passage.start : passage.end].strip()
            assert passage.kind_reason
            previous_end = passage.end


def test_000_mixes_english_and_chinese_and_marks_translation_notes() -> None:
    text, passages = passages_of("000")
    langs = {p.lang for p in passages if p.kind == "body"}
    assert langs == {"en", "zh"}
    notes = [text[p.start : p.end] for p in passages if p.kind == "translation_note"]
    assert any("AI翻译" in note for note in notes)
    assert any("中文翻译" in note for note in notes)
    kinds = {text[p.start : p.end]: p.kind for p in passages}
    assert kinds["By admin"] == "byline"
    assert kinds["Leave a Reply"] == "comments"
    assert kinds["A Strategic Step for Pakistan"] == "heading"
    assert (
        kinds[text[text.index("Reference Link") : text.index("/\n", text.index("Reference")) + 1]]
        == "reference"
    )


def test_001_comments_ads_related_and_repeated_title() -> None:
    text, passages = passages_of("001")
    kinds = {text[p.start : p.end]: p.kind for p in passages}
    assert (
        kinds[
            "Home » News » Pakistan & China Expand Police Collaboration: AI, Riot Control & Counterterrorism Focus"
        ]
        == "navigation"
    )
    assert (
        kinds[
            "Pakistan & China Expand Police Collaboration: AI, Riot Control & Counterterrorism Focus"
        ]
        == "title"
    )
    assert (
        kinds[
            "Pakistan & China Expand police Collaboration: AI, Riot Control & Counterterrorism Focus"
        ]
        == "duplicate"
    )
    assert kinds["Adblock Detected"] == "ad"
    assert kinds["Leave a Comment"] == "comments"
    assert kinds["You may also like"] == "related"
    question = "How might the deployment of Chinese AI-powered surveillance technologies in Pakistan impact civil liberties and privacy rights?"
    assert kinds[question] == "body"  # a question in the article is for extraction to judge


def test_002_trailing_attribution_is_a_byline_and_the_sentence_stays_body() -> None:
    text, passages = passages_of("002")
    last_two = passages[-2:]
    assert text[last_two[1].start : last_two[1].end] == "– South China Morning Post"
    assert last_two[1].kind == "byline"
    assert last_two[0].kind == "body"
    assert text[last_two[0].start : last_two[0].end].endswith("training and equipment.")


def test_003_ticker_is_clutter_and_second_copy_is_duplicate() -> None:
    text, passages = passages_of("003")
    ticker = next(
        p
        for p in passages
        if text[p.start : p.end].startswith("ট্রাম্পের হুঁশিয়ারির পাল্টা জবাব দিলেন কিউবার প্রেসিডেন্ট বনশ্রীতে")
    )
    assert ticker.kind == "ticker"
    title = next(p for p in passages if p.kind == "title")
    assert (
        text[title.start : title.end] == "চীনা নাগরিকদের নিরাপত্তা দিতে সুরক্ষা বিশেষ ইউনিট গঠন করবে পাকিস্তান"
    )
    body = [p for p in passages if p.kind == "body"]
    duplicates = [p for p in passages if p.kind == "duplicate"]
    assert len(body) == 8
    assert len(duplicates) == 10  # the title, the byline and the eight paragraphs again
    by_seq = {p.seq: p for p in passages}
    for duplicate in duplicates:
        original = by_seq[duplicate.duplicate_of_seq]
        assert original.seq < duplicate.seq
        assert text[original.start : original.end] == text[duplicate.start : duplicate.end]
    assert {p.lang for p in body} == {"bn"}
    assert passages[0].kind == "page_header"


def test_004_header_lines() -> None:
    text, passages = passages_of("004")
    kinds = [(text[p.start : p.end], p.kind) for p in passages[:4]]
    assert kinds == [
        ("Today : Feb 23, 2025", "page_header"),
        ("World News", "navigation"),
        ("23 February 2025", "dateline"),
        ("China Expands Influence Through Police Diplomacy", "title"),
    ]
    assert all(p.kind not in CLUTTER_KINDS for p in passages[4:])


def test_hard_wrapped_paragraphs_are_joined_and_windows_line_endings_kept() -> None:
    text = (
        "A paragraph that was wrapped by an editor at seventy characters, as\r\n"
        "plain-text mail and Markdown often are, and which goes on to end\r\n"
        "here.\r\n\r\nSecond paragraph.\r\n"
    )
    blocks = split_blocks(text)
    assert len(blocks) == 2
    assert text[blocks[0][0] : blocks[0][1]].endswith("here.")
    assert text[blocks[1][0] : blocks[1][1]] == "Second paragraph."


def test_a_lone_headline_or_long_line_is_text_not_clutter() -> None:
    headline = "World News"
    assert [p.kind for p in split_passages(headline)] == ["title"]
    long_line = " ".join(["Police in Lanzhou monitored cameras around a compound"] * 4)
    assert [p.kind for p in split_passages(long_line)] == ["body"]
    with_body = (
        "World News\n\nChina Expands Influence Through Diplomacy\n\nPolice trained 30 officers."
    )
    assert [p.kind for p in split_passages(with_body)] == ["navigation", "title", "body"]
