"""The forms real aliases take: a title in front ("Vice President Joe Biden"), the family name
first with a comma ("PUTIN, Vladimir"), initials ("V. Putin"), a generational suffix ("Jr.").

`person_name` turns any of them into the name's words in reading order, plus the title it
carried, so a title is an attribute of the person and never a name of its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.entities.names.romanize import MIDDLE_DOTS
from factcheck.lang import languages_of_script, registry_key
from factcheck.text.scripts import script_of

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "জুনিয়র", "সিনিয়র"})
# Leading words a name may carry or drop ("Md. Rahamat Ali" ~ রহমত আলী): a prefix of
# devotion or lineage that many South Asian names put before the name itself.
NAME_PREFIXES = frozenset(
    unicodedata.normalize("NFC", word)
    for word in {
        "md",
        "mohammad",
        "mohammed",
        "muhammad",
        "mohd",
        "মো",
        "মোঃ",
        "মো:",
        "মোহাম্মদ",
        "মুহাম্মদ",
        "মোহাম্মাদ",
        "মুহম্মদ",
        "syed",
        "sayed",
        "sayyid",
        "haji",
        "hajji",
        "hafiz",
        "সৈয়দ",
        "হাজী",
        "হাজি",
        "হাফিজ",
    }
)
# Bengali spells initials out as letter names: এম. এ. আজিজ is M. A. Aziz, এটিএম is A.T.M.
BN_LETTER_NAMES = {
    "এ": "a", "বি": "b", "সি": "c", "ডি": "d", "ই": "e", "এফ": "f", "জি": "g", "এইচ": "h",
    "আই": "i", "জে": "j", "কে": "k", "এল": "l", "এম": "m", "এন": "n", "ও": "o", "পি": "p",
    "কিউ": "q", "আর": "r", "এস": "s", "টি": "t", "ইউ": "u", "ভি": "v", "ডব্লিউ": "w",
    "এক্স": "x", "ওয়াই": "y", "জেড": "z",
}  # fmt: skip
_WORD_SPLIT = re.compile(rf"[\s{MIDDLE_DOTS}]+")


@cache
def _titles(script: str, _registry: tuple) -> dict[str, str]:
    """word → kind ('title' may end a title; 'part' only builds one; 'honorific' follows the
    name: সাহেব), from the name_titles.tsv of
    every registered language written in `script`."""
    table: dict[str, str] = {}
    for language in languages_of_script(script):
        if language.name_titles is None:
            continue
        for line in language.name_titles().splitlines():
            if line and not line.startswith("#"):
                word, kind = line.split("\t")
                table.setdefault(unicodedata.normalize("NFC", word), kind)
    return table


def titles_of(script: str) -> dict[str, str]:
    return _titles(script, registry_key())


@dataclass(frozen=True)
class PersonName:
    words: tuple[str, ...]  # the name in reading order, title and suffix removed
    title: str | None  # exactly as written ("Vice President"), or None
    inverted: bool  # written "FAMILY, Given": words are already put back in given-first order


def split_title(text: str) -> tuple[str | None, str]:
    """('Vice President', 'Joe Biden') for 'Vice President Joe Biden'; (None, text) when
    nothing is a title, or when nothing but a title is left (a title is never a name)."""
    text = unicodedata.normalize("NFC", text.strip())
    script = script_of(text)
    if script == "han":
        return _split_han_title(text)
    table = titles_of(script)
    words = text.split()
    last_title = -1
    for i, word in enumerate(words):
        kind = table.get(word.casefold()) or table.get(word.casefold().rstrip("."))
        if kind is None:
            break
        if kind == "title":
            last_title = i
    after = len(words)  # honorifics after the name: এরশাদ সাহেব
    while after > last_title + 2 and table.get(words[after - 1].casefold()) == "honorific":
        after -= 1
    if last_title == len(words) - 1 or (last_title < 0 and after == len(words)):
        return None, text
    rest = words[last_title + 1 : after]
    if script == "latin" and not rest[0][:1].isupper():
        return None, text  # 'president of ...': a description, not a title before a name
    title = " ".join(words[: last_title + 1] + words[after:])
    return title, " ".join(rest)


def _split_han_title(text: str) -> tuple[str | None, str]:
    """普京总统 / 总统普京 → ('总统', '普京'), keeping at least two characters of name."""
    compact = text.replace(" ", "")
    for title in sorted(titles_of("han"), key=len, reverse=True):
        if compact.endswith(title) and len(compact) - len(title) >= 2:
            return title, compact[: -len(title)]
        if compact.startswith(title) and len(compact) - len(title) >= 2:
            return title, compact[len(title) :]
    return None, text


def is_title_only(text: str) -> bool:
    """'President', 'Vice President', 总统: a title with no name after it."""
    text = unicodedata.normalize("NFC", text.strip())
    script = script_of(text)
    if script == "han":
        return text.replace(" ", "") in titles_of("han")
    table = titles_of(script)
    words = [w.casefold().rstrip(".") for w in text.split()]
    kinds = [table.get(w) or table.get(w + ".") for w in words]
    return bool(words) and all(kinds) and bool({"title", "honorific"} & set(kinds))


@lru_cache(maxsize=65536)
def person_name(text: str) -> PersonName:
    """The words of a person's name in reading order, with the title it carried."""
    title, rest = split_title(text)
    inverted = False
    if rest.count(",") == 1 and script_of(rest) != "han":
        family, given = (part.strip() for part in rest.split(","))
        if family and given and given.casefold().rstrip(".") not in SUFFIXES:
            rest, inverted = f"{given} {family}", True
    rest = rest.replace(",", " ")
    words = [w for w in _WORD_SPLIT.split(rest) if w.strip(".-")]
    while len(words) > 1 and words[-1].casefold().rstrip(".") in SUFFIXES:
        words.pop()
    return PersonName(tuple(words), title, inverted)


@lru_cache(maxsize=65536)
def is_name_prefix(word: str) -> bool:
    word = unicodedata.normalize("NFC", word)
    return word.casefold().rstrip(".") in NAME_PREFIXES or word in NAME_PREFIXES


@lru_cache(maxsize=65536)
def initials_of(word: str) -> str | None:
    """The letters a word of initials stands for: 'G.M.' → 'gm', 'A.' → 'a', এটিএম → 'atm',
    এম. → 'm'; None for a word that is a name."""
    script = script_of(word)
    if script == "latin":
        letters = word.replace(".", "")
        if not letters.isalpha() or not letters.isascii():
            return None
        if "." in word and all(len(part) <= 1 for part in word.split(".")):
            return letters.lower()
        return letters.lower() if len(letters) == 1 else None
    if script != "bengali":
        return None
    text = unicodedata.normalize("NFC", word.rstrip(".:"))
    out, i = [], 0
    while i < len(text):
        found = next((item for item in _bn_letter_names() if text.startswith(item[0], i)), None)
        if found is None:
            return None
        out.append(found[1])
        i += len(found[0])
    return "".join(out) or None


@cache
def _bn_letter_names() -> tuple[tuple[str, str], ...]:
    """(letter name in NFC, Latin letter), longest first."""
    items = [(unicodedata.normalize("NFC", name), latin) for name, latin in BN_LETTER_NAMES.items()]
    return tuple(sorted(items, key=lambda item: -len(item[0])))


def is_initial(word: str) -> bool:
    """'V.', 'V', 'J.R.': a Latin initial stands for a word it begins."""
    letters = word.replace(".", "")
    return (
        script_of(word) == "latin"
        and 1 <= len(letters) <= 2
        and letters.isalpha()
        and (len(letters) == 1 or word.count(".") >= 1 or letters.isupper())
    )


@cache
def _qualifiers(script: str, _registry: tuple) -> tuple[dict[str, str], list[tuple[str, tuple]]]:
    """The title qualifiers (word → qualifier) and vice prefixes of `script`'s languages."""
    words: dict[str, str] = {}
    prefixes = []
    for language in languages_of_script(script):
        for word, qualifier in language.name_qualifiers:
            words.setdefault(word, qualifier)
        if language.vice_prefix:
            prefixes.append(language.vice_prefix)
    return words, prefixes


def title_qualifiers(title: str) -> frozenset[str]:
    """{'vice'} for 'Vice President', 副总统 and উপরাষ্ট্রপতি; {'former'} for 'former Minister'.
    The words are those of the languages written in the title's script (NAME_QUALIFIERS in
    lang/<code>/cues.py): whole words in Latin letters, anywhere in the title otherwise."""
    text = unicodedata.normalize("NFC", title).casefold()
    script = script_of(text)
    table, prefixes = _qualifiers(script, registry_key())
    if script == "latin":
        words = re.split(r"[\s\-]+", text)
        found = {q for w, q in table.items() if w in words}
    else:
        found = {q for w, q in table.items() if w in text}
    for prefix, offices in prefixes:
        if any(w.startswith(prefix) and w[len(prefix) :].startswith(offices) for w in text.split()):
            found.add("vice")
    return frozenset(found)
