"""English role claims: a title next to a name becomes a role sub-claim with the exact span of
the words it rests on (the titles and name shapes are tables here)."""

from __future__ import annotations

import re

from factcheck.extract.subclaims import SubClaim
from factcheck.lang.en.speech import complete_name
from factcheck.text.scripts import alternation

EN_TITLES = (
    "minister", "director general", "director", "president", "vice president", "prime minister",
    "premier", "secretary", "secretary general", "chief", "police chief", "governor",
    "ambassador", "spokesperson", "spokesman", "spokeswoman", "commissioner",
    "inspector general", "chairman", "chairperson", "chairwoman", "mayor", "head", "commander",
    "chief minister", "deputy", "counsellor", "councillor", "envoy", "general", "senator",
    "officer", "adviser", "advisor",
)  # fmt: skip

_EN_TITLE_CAP = alternation(" ".join(w.capitalize() for w in t.split()) for t in EN_TITLES)
_EN_TITLE_LOW = alternation(EN_TITLES)
_CAP = r"[A-Z][a-z’'-]+"
_EN_TITLE_NAME = re.compile(
    rf"(?P<title>(?:\b(?:former|acting|then)\s+|\bex-)?(?:{_CAP}\s+){{0,3}}(?:{_EN_TITLE_CAP})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?"
    rf"(?:{_CAP}\s+){{1,3}}?)?)\s*(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})\b"
)
_EN_POSSESSIVE = re.compile(
    rf"(?P<title>{_CAP}[’']s\s+(?:(?:deputy|assistant|vice|acting|former)\s+)?(?:{_EN_TITLE_LOW}))"
    rf"\s+(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})\b"
)
_EN_APPOSITION = re.compile(
    rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}}),\s+(?:who\s+is\s+(?:also\s+)?)?"
    rf"(?P<title>(?:(?:{_CAP}[’']s|the|a|an)\s+)?(?:[a-z-]+\s+){{0,2}}(?:{_EN_TITLE_LOW})"
    rf"(?:\s+(?:for|of|in|at)\s+[\w’' -]+?)?)(?=[,.;]|\s+who\b|\s+said\b|$)"
)


def find_roles(text: str, start: int, end: int) -> list[SubClaim]:
    roles = []
    for match in _EN_TITLE_NAME.finditer(text, start, end):
        title, name = match.group("title"), match.group("name")
        title_start = match.start("title")
        # Capitalised common words ("Security" in "Public Security Wang Xiaohong") are title.
        words = name.split()
        while len(words) > 2 and _is_common_word(text, words[0]):
            words.pop(0)
        name = " ".join(words)
        if _is_common_word(text, words[0]):
            continue
        if title.startswith(("The ", "A ")):
            title_start += len(title.split()[0]) + 1
        title = " ".join(text[title_start : match.end() - len(name)].split())
        roles.append(SubClaim(title_start, match.end(), "role", name, "role", title))
    for match in _EN_POSSESSIVE.finditer(text, start, end):
        roles.append(
            SubClaim(match.start(), match.end(), "role", match.group("name"), "role",
                     match.group("title"))
        )  # fmt: skip
    for match in _EN_APPOSITION.finditer(text, start, end):
        name = match.group("name")
        if " " not in name:
            name = complete_name(text, name, match.start()) or name
        title = match.group("title").strip()
        roles.append(SubClaim(match.start(), match.end("title"), "role", name, "role", title))
    return roles


def _is_common_word(text: str, word: str) -> bool:
    """A capitalised word that the text also writes in lowercase is not part of a name."""
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None
