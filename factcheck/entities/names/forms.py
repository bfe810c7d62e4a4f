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
from importlib import resources

from factcheck.entities.names.romanize import MIDDLE_DOTS
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
def _titles() -> dict[str, dict[str, str]]:
    """lang → word → kind ('title' may end a title; 'part' only builds one)."""
    path = resources.files("factcheck.entities.names").joinpath("data/titles.tsv")
    table: dict[str, dict[str, str]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, word, kind = line.split("\t")
            table.setdefault(lang, {})[unicodedata.normalize("NFC", word)] = kind
    return table


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
    lang = "bn" if script == "bengali" else "en"
    table = _titles()[lang]
    words = text.split()
    last_title = -1
    for i, word in enumerate(words):
        kind = table.get(word.casefold()) or table.get(word.casefold().rstrip("."))
        if kind is None:
            break
        if kind == "title":
            last_title = i
    if last_title < 0 or last_title == len(words) - 1:
        return None, text
    rest = words[last_title + 1 :]
    if lang == "en" and not rest[0][:1].isupper():
        return None, text  # 'president of ...': a description, not a title before a name
    return " ".join(words[: last_title + 1]), " ".join(rest)


def _split_han_title(text: str) -> tuple[str | None, str]:
    """普京总统 / 总统普京 → ('总统', '普京'), keeping at least two characters of name."""
    compact = text.replace(" ", "")
    for title in sorted(_titles()["zh"], key=len, reverse=True):
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
        return text.replace(" ", "") in _titles()["zh"]
    table = _titles()["bn" if script == "bengali" else "en"]
    words = [w.casefold().rstrip(".") for w in text.split()]
    kinds = [table.get(w) or table.get(w + ".") for w in words]
    return bool(words) and all(kinds) and "title" in kinds


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


# Words that make a different office of the one they qualify: a vice president is not the
# president, a former minister not the minister.
QUALIFIERS = {
    "en": {
        "vice": "vice",
        "deputy": "deputy",
        "former": "former",
        "ex": "former",
        "acting": "acting",
        "assistant": "assistant",
        "interim": "acting",
    },
    "zh": {"副": "vice", "前": "former", "原": "former", "代理": "acting", "助理": "assistant"},
    "bn": {"সাবেক": "former", "প্রাক্তন": "former", "ভারপ্রাপ্ত": "acting"},
}
# Bengali writes "vice" as the prefix উপ on the office itself (উপমন্ত্রী), but উপদেষ্টা is adviser.
BN_VICE_OFFICES = ("মন্ত্রী", "রাষ্ট্রপতি", "প্রধানমন্ত্রী", "সচিব", "পরিচালক", "মহাপরিচালক", "উপাচার্য")


def title_qualifiers(title: str) -> frozenset[str]:
    """{'vice'} for 'Vice President', 副总统 and উপরাষ্ট্রপতি; {'former'} for 'former Minister'."""
    text = unicodedata.normalize("NFC", title).casefold()
    script = script_of(text)
    found = set()
    if script == "latin":
        words = re.split(r"[\s\-]+", text)
        found = {q for w, q in QUALIFIERS["en"].items() if w in words}
    else:
        table = QUALIFIERS["zh" if script == "han" else "bn"]
        found = {q for w, q in table.items() if w in text}
        if script == "bengali" and any(
            w.startswith("উপ") and w[2:].startswith(BN_VICE_OFFICES) for w in text.split()
        ):
            found.add("vice")
    return frozenset(found)
