"""Sentence splitting on English, Chinese, Bengali and mixed text."""

from __future__ import annotations

import pytest

from factcheck.extract import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Smith met Mr. Jones. They spoke.", ["Dr. Smith met Mr. Jones.", "They spoke."]),
        (
            "The U.S. Army said it was ready. Others agreed.",
            ["The U.S. Army said it was ready.", "Others agreed."],
        ),
        ("Inflation was 3.5 percent. It fell.", ["Inflation was 3.5 percent.", "It fell."]),
        ("J. K. Rowling wrote it. Fans read it.", ["J. K. Rowling wrote it.", "Fans read it."]),
        ('He said, "Go home." Then he left.', ['He said, "Go home."', "Then he left."]),
        (
            "“Beijing should ... prepare sufficiently,” Qi said.",
            ["“Beijing should ... prepare sufficiently,” Qi said."],
        ),
        (
            "modern policing techniques.A significant emphasis will be placed.",
            ["modern policing techniques.", "A significant emphasis will be placed."],
        ),
        (
            "我们走吧。他说：“好的。”然后走了！真的吗？",
            ["我们走吧。", "他说：“好的。”", "然后走了！", "真的吗？"],
        ),
        ("তিনি বলেন। আমি যাব? হ্যাঁ!", ["তিনি বলেন।", "আমি যাব?", "হ্যাঁ!"]),
        ("English first. 中文第二。 বাংলা তৃতীয়।", ["English first.", "中文第二。", "বাংলা তৃতীয়।"]),
        ("  Padded sentence.  ", ["Padded sentence."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_absolute_within_a_range() -> None:
    text = "Skip this. Take this one. And this."
    start = text.index("Take")
    assert [text[a:b] for a, b in split_sentences(text, start)] == ["Take this one.", "And this."]
