"""English speech verbs and pronouns, and who a quote or a sentence is attributed to: "X said",
"said X", "according to X"; a one-word speaker is completed from a full name used earlier."""

from __future__ import annotations

import re

from factcheck.extract.quotes import SpeechRules, last_match
from factcheck.text.scripts import alternation

VERBS = (
    "said", "says", "told", "added", "stated", "noted", "explained", "warned", "declared",
    "announced", "revealed", "wrote", "insisted", "argued", "claimed", "remarked",
    "replied", "urged", "stressed", "emphasised", "emphasized", "pledged", "reminded",
)  # fmt: skip
PRONOUNS = frozenset({"he", "she", "they"})

_NAME = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'-]+){0,3}"
_VERB = alternation(VERBS)
_AFTER = re.compile(
    rf"\s*[,.]?\s*(?:(?P<a>{_NAME}|he|she|they)\s+(?:{_VERB})\b"
    rf"|(?:{_VERB})\s+(?P<b>{_NAME}|he|she|they)\b)"
)
_VERB_SEARCH = re.compile(rf"\b(?:{_VERB})\b")
_ACCORDING_TO = re.compile(
    r"\b(?:[Aa]ccording to|[Aa]s reported by)\s+(?P<src>(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,5}?)"
    r"(?=[,.;]|$)"
)
_CLAUSE_BREAK = re.compile(r".*[,;:—–]\s*", re.S)


def speaker_of_quote(text: str, s_start: int, s_end: int, q_start: int, q_end: int) -> str | None:
    after = _AFTER.match(text, q_end, s_end)
    if after:
        return after.group("a") or after.group("b")
    lead = text[s_start:q_start]
    verb = last_match(_VERB_SEARCH.finditer(lead))
    if verb is None:
        according = _ACCORDING_TO.search(text, q_end, s_end)
        return according.group("src") if according else None
    before_verb = lead[: verb.start()]
    clause = _CLAUSE_BREAK.sub("", before_verb).strip()
    if not clause:  # "Song Jiayi, police chief of ..., said": the subject opens the sentence
        clause = re.split(r"[,;:—–]", before_verb, maxsplit=1)[0].strip()
    words = clause.split()
    return " ".join(words[-8:]) if words else None


def source_of_sentence(text: str, start: int, end: int) -> str | None:
    found = _ACCORDING_TO.search(text, start, end)
    if found:
        return found.group("src")
    found = _AFTER.search(text, start, end)
    if found and (found.group("a") or found.group("b")):
        return found.group("a") or found.group("b")
    return None


def complete_name(text: str, short: str, before: int) -> str | None:
    """The one full name in text[:before] that `short` abbreviates ("Qi" -> "Qi Yanjun").

    The other token must never be written in lowercase in the text, so "Public Security Wang"
    does not count as a name while "Wang Xiaohong" does.
    """
    if not short[:1].isupper():
        return None
    word = re.escape(short)
    pattern = re.compile(rf"\b{word}\s+([A-Z][a-z]+)\b|\b([A-Z][a-z]+)\s+{word}\b")
    fits = set()
    for found in pattern.finditer(text, 0, before):
        other = found.group(1) or found.group(2)
        if re.search(rf"\b{other.lower()}\b", text) is None:
            fits.add(found.group())
    return fits.pop() if len(fits) == 1 else None


SPEECH = SpeechRules(
    verbs=VERBS,
    pronouns=PRONOUNS,
    speaker_of_quote=speaker_of_quote,
    source_of_sentence=source_of_sentence,
    complete_name=complete_name,
)
