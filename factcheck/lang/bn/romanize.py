"""Bengali names in Latin letters, letter by letter from a name-tuned table (romanize.tsv beside
this file), with the inherent vowel where speech keeps it (মহসিন নকভি → mohsin nokvi)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from anyascii import anyascii

from factcheck.entities.names.romanize import NAME_SEPARATORS, Romanization
from factcheck.text.scripts import normalize_bengali


@cache
def _table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    text = resources.files("factcheck.lang.bn").joinpath("romanize.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        letter, latin, kind = line.split("\t")
        table[normalize_bengali(letter)] = (latin, kind)
    return table


def romanize_word(word: str) -> str:
    """Letter by letter, adding the inherent vowel 'o' after a word's first consonant when
    another consonant follows (মহসিন → mohsin, নকভি → nokvi) and before ং (হং → hong);
    elsewhere Bengali mostly drops it in speech (নাকভি → nakvi)."""
    table = _table()
    # Word-initial ওয় is how Bengali writes "w" (ওয়াং = Wang).
    if word.startswith("ও\u09df"):
        word = "w" + word[2:]
    out: list[str] = []
    letters = list(word)
    for i, ch in enumerate(letters):
        latin, kind = table.get(ch, (anyascii(ch), "m"))
        out.append(latin)
        if kind == "c" and i + 1 < len(letters):
            nxt = letters[i + 1]
            if (i == 0 and table.get(nxt, ("", "m"))[1] == "c") or nxt in "ংঃ":
                out.append("o")
    return "".join(out)


def to_latin(text: str) -> str:
    words = NAME_SEPARATORS.split(normalize_bengali(text))
    return " ".join(romanize_word(w) for w in words if w)


ROMANIZATION = Romanization(script="bengali", to_latin=to_latin)
