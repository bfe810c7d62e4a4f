"""Load a language's mention cue words (lang/<code>/mentions.tsv, word<TAB>kind)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from factcheck.text.scripts import normalize_bengali


@cache
def cue_words(lang: str) -> dict[str, frozenset[str]]:
    """kind → words, from lang/<lang>/mentions.tsv."""
    text = resources.files(f"factcheck.lang.{lang}").joinpath("mentions.tsv").read_text("utf-8")
    kinds: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind = line.split("\t")
        kinds.setdefault(kind, set()).add(normalize_bengali(word) if lang == "bn" else word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


@cache
def model_words(name: str) -> frozenset[str]:
    """The words of a shipped word list, models/<name>: a word a line, '#' lines are comments."""
    path = resources.files("factcheck.entities.mentions").joinpath(f"models/{name}")
    return frozenset(
        line for line in path.read_text("utf-8").splitlines() if line and line[0] != "#"
    )


@cache
def transliteration_chars() -> frozenset[str]:
    path = resources.files("factcheck.lang.zh").joinpath("translit_chars.txt")
    lines = path.read_text("utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")).strip())
