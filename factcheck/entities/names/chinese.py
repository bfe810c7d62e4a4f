"""Chinese names: family names, pinyin syllables, splitting a Han name into family + given."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from factcheck.loading import announced

_INITIALS = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINALS = (
    "iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|ia|ie|"
    "iu|ua|uo|ui|un|ue|ve|vn|a|o|e|i|u|v"
)
PINYIN_SYLLABLE = rf"{_INITIALS}(?:{_FINALS})"
_PINYIN_WORD = re.compile(rf"(?:{PINYIN_SYLLABLE}){{1,3}}")


def is_pinyin_word(word: str) -> bool:
    """'Xiaohong' and 'Jianzan' are one to three pinyin syllables; 'Naqvi' is not."""
    return bool(_PINYIN_WORD.fullmatch(word.lower()))


@cache
def han_surnames() -> frozenset[str]:
    text = (
        resources.files("factcheck.entities.names")
        .joinpath("data/zh_surnames.txt")
        .read_text("utf-8")
    )
    return frozenset(w for w in text.split() if not w.startswith("#"))


@cache
@announced("the pinyin tables")
def pinyin_surnames() -> frozenset[str]:
    """Latin spellings of the common family names ('wang', 'li', 'gao', ...)."""
    from pypinyin import Style, lazy_pinyin

    return frozenset("".join(lazy_pinyin(s, style=Style.NORMAL)) for s in han_surnames())


def split_han_name(name: str) -> tuple[str, str] | None:
    """高建赞 → ('高', '建赞'); None when the name does not start with a common family name
    or is too long/short to be a native name (transliterations such as 纳克维 stay whole)."""
    if not 2 <= len(name) <= 4:
        return None
    surnames = han_surnames()
    if name[:2] in surnames and len(name) >= 3:
        return name[:2], name[2:]
    if name[0] in surnames:
        return name[0], name[1:]
    return None


def looks_like_chinese_name(words: list[str]) -> bool:
    """'Gao Jianzan', 'Wang Xiaohong': family name first, then a pinyin given name."""
    return (
        2 <= len(words) <= 3
        and words[0].lower() in pinyin_surnames()
        and all(is_pinyin_word(w) for w in words[1:])
    )
