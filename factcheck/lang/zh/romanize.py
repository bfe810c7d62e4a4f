"""Chinese names in Latin letters: pinyin, the syllables of one name part joined
("莫赫辛·纳克维" → "moxin nakewei"). pypinyin is imported lazily (250 ms)."""

from __future__ import annotations

import re

from anyascii import anyascii

from factcheck.entities.names.romanize import NAME_SEPARATORS, Romanization
from factcheck.text.scripts import HAN_CHARS

_HAN = re.compile(f"[{HAN_CHARS}]")


def to_latin(text: str) -> str:
    """Pinyin; syllables of one name part are joined ("mo xin·na ke wei" → "moxin nakewei")."""
    from pypinyin import Style, lazy_pinyin

    parts = [p for p in NAME_SEPARATORS.split(text) if p]
    words: list[str] = []
    for part in parts:
        if _HAN.search(part):
            words.append("".join(lazy_pinyin(part, style=Style.NORMAL)))
        else:
            words.append(anyascii(part))
    return " ".join(words)


ROMANIZATION = Romanization(script="han", to_latin=to_latin)
