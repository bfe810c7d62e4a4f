"""Bengali mentions: Bengali has no capitals, so names are found after titles
(স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি), as later words of names already found (নকভিকে), in the gazetteer
(পাকিস্তানের, বেইজিংয়ে) and before organisation words (মন্ত্রণালয়, সংস্থা, ফোরাম).

Spans keep the case ending; match_form drops it.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from factcheck.entities.mentions.model import Mention, select_non_overlapping
from factcheck.entities.mentions.tables import cue_words, model_words
from factcheck.entities.names.places import BN_CASE_ENDINGS, place_code
from factcheck.entities.names.romanize import _word_key, romanize
from factcheck.lang.bn.numbers import VOWEL_SIGNS
from factcheck.text.scripts import BN_CHARS, normalize_bengali

_WORD = re.compile(rf"[{BN_CHARS}]+\.?")
MAX_NAME_WORDS = 3


_VOWELS = VOWEL_SIGNS | set("অআইঈউঊঋএঐওঔ")


def own_r_words() -> frozenset[str]:
    """Name words whose final র is their own (আলমগীর, কাদের), from labelled names
    (benchmarks/train_ner.py bn-own-r-words)."""
    return model_words("bn_own_r_words.txt")


def _drop_ending(word: str, endings: tuple[str, ...], keep: frozenset[str] | None = None) -> str:
    """The word without the first of the endings it has, leaving at least two letters. A bare
    র after a consonant is the word's own letter (জাফর, আকবর): the genitive there is ের. After
    a vowel it is a genitive (মোদির) unless the word is a known name word (আলমগীর); keep
    is that list, the shipped one by default."""
    if word in (own_r_words() if keep is None else keep):
        return word
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            if ending == "র" and word[-2] not in _VOWELS:
                continue
            return word[: -len(ending)]
    return word


def strip_case_ending(word: str) -> str:
    """নকভিকে → নকভি, শরীফের → শরীফ, বেইজিংয়ে → বেইজিং (leaves at least two letters)."""
    return _drop_ending(normalize_bengali(word), BN_CASE_ENDINGS)


@lru_cache(maxsize=65536)
def _forms_and_keys(word: str) -> tuple[tuple[str, str], ...]:
    """The word as written and without its case ending, each with its phonetic key."""
    forms = dict.fromkeys((normalize_bengali(word), strip_case_ending(word)))
    return tuple((form, _word_key(romanize(form))) for form in forms)


def _has_case_ending(word: str) -> bool:
    return strip_case_ending(word) != normalize_bengali(word)


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _is_name_word(word: str, stops: frozenset[str], titles: frozenset[str]) -> bool:
    bare = normalize_bengali(word)
    return (
        bare not in stops
        and strip_case_ending(bare) not in titles
        and bare not in titles
        and not place_code(bare)
        and not bare.endswith(".")
    )


def find_rule_mentions(
    text: str, start: int = 0, end: int | None = None, references: bool = True
) -> list[Mention]:
    """The cue-word rules' mentions; references=False leaves out the short references to them
    (the tagged finder adds those once, to everything found)."""
    end = len(text) if end is None else end
    cues = cue_words("bn")
    titles, portfolios, orgs, stops = cues["title"], cues["portfolio"], cues["org"], cues["stop"]
    weak = cues.get("weak", frozenset())
    words = _words(text, start, end)
    found: list[Mention] = []
    for i, (ws, we, word) in enumerate(words):
        bare = normalize_bengali(word)
        # places
        code = place_code(bare)
        if code:
            found.append(Mention(ws, we, word, "place", "bn", strip_case_ending(bare)))
            continue
        # organisations: up to four words before an organisation word, same phrase
        if strip_case_ending(bare) in orgs:
            first = i
            while first > 0 and i - first < 4:
                prev = normalize_bengali(words[first - 1][2])
                gap = text[words[first - 1][1] : words[first][0]]
                genitive = prev.endswith(("ের", "এর", "কে"))
                if gap != " " or prev in stops or genitive or prev in titles:
                    break
                first -= 1
            if first < i:
                org_start = words[first][0]
                match_form = text[org_start:ws] + strip_case_ending(bare)
                found.append(
                    Mention(
                        org_start,
                        we,
                        text[org_start:we],
                        "organization",
                        "bn",
                        normalize_bengali(match_form),
                    )
                )
            continue
        # names after a title; a title with a case ending (মন্ত্রীকে) is not followed by a name
        if bare not in titles:
            continue
        role_start = ws
        if i > 0 and normalize_bengali(words[i - 1][2]) in portfolios:
            role_start = words[i - 1][0]
        name: list[tuple[int, int, str]] = []
        j = i + 1
        while j < len(words) and len(name) < MAX_NAME_WORDS:
            js, je, w = words[j]
            gap = text[words[j - 1][1] : js]
            if gap.strip(" ") or not _is_name_word(w, stops, titles):
                break
            if _has_case_ending(w) and not name:
                break  # "প্রেসিডেন্ট বনশ্রীতে": a first word with a case ending is no name
            name.append((js, je, w))
            if _has_case_ending(w):
                break
            j += 1
        if name and (len(name) > 1 or bare not in weak):
            ns, ne = name[0][0], name[-1][1]
            forms = [normalize_bengali(w) for _, _, w in name]
            forms[-1] = strip_case_ending(forms[-1])
            found.append(
                Mention(ns, ne, text[ns:ne], "person", "bn", " ".join(forms), text[role_start:we])
            )
    return select_non_overlapping(_later_references(text, words, found) if references else found)


def with_references(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """The mentions found plus the later references to their names."""
    return _later_references(text, _words(text, start, end), found)


_PARTICLES = ("ই", "ও")  # emphatic and "also": রানাই, হাসিনাও
_NAME_ENDINGS = tuple(e for e in BN_CASE_ENDINGS if e != normalize_bengali("দের"))


def match_form(surface: str) -> str:
    """নরেন্দ্র মোদির → নরেন্দ্র মোদি: words normalised, the last one without its particle and
    case ending. A name is singular, so আহমেদের is আহমেদ + ের, not the plural দের."""
    forms = [normalize_bengali(w) for w in surface.split()]
    if forms:
        last = forms[-1]
        if last.endswith("সহ") and len(last) >= 5:
            last = last[:-2]  # "with": শেখ হাসিনাসহ
        elif last.endswith(_PARTICLES) and len(last) >= 4:
            last = last[:-1]
        forms[-1] = _drop_ending(last, _NAME_ENDINGS)
    return " ".join(forms)


def _later_references(text: str, words, found: list[Mention]) -> list[Mention]:
    """Words of a name found in full (মহসিন নাকভি) met again after it, with or without a case
    ending, spelled the same or one letter apart with the same phonetic key (নকভিকে, নাকভি).
    One letter only: জোরদার ("strengthening") shares its consonants with জারদারি."""
    first_seen: dict[str, int] = {}  # word of a known name -> where it was first seen
    by_key: dict[str, list[tuple[int, str]]] = {}  # phonetic key -> (first seen at, word)
    for m in found:
        if m.type == "person":
            for w in m.match_form.split():
                key = _word_key(romanize(w))
                if len(key) >= 3:
                    first_seen[w] = min(first_seen.get(w, m.start), m.start)
                    by_key.setdefault(key, []).append((m.start, w))
    out = list(found)
    if not first_seen:
        return out
    taken = {p for m in found for p in range(m.start, m.end)}
    for ws, we, word in words:
        if ws in taken:
            continue
        for form, key in _forms_and_keys(word):
            if first_seen.get(form, ws) < ws or any(
                seen < ws and Levenshtein.distance(form, w) <= 1 for seen, w in by_key.get(key, ())
            ):
                out.append(Mention(ws, we, word, "person", "bn", form))
                break
    return out


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Mentions from the trained tagger, with the rules above as their high-precision layer."""
    from factcheck.entities.mentions.combine import tagged_mentions

    found = tagged_mentions(
        text, "bn", start, end, _rules_only, with_references, match_form=match_form
    )
    return [_own_final_r(text, m) if m.type == "person" else m for m in found]


# Endings no genitive can carry: কায়সারের, সরকারকে show that র is the word's own letter
_AFTER_STEM = tuple(normalize_bengali(e) for e in ("ের", "কে", "কেও", "দের"))


@lru_cache(maxsize=8)
def _words_of(text: str) -> frozenset[str]:
    return frozenset(normalize_bengali(w) for w in _WORD.findall(text))


def _own_final_r(text: str, mention: Mention) -> Mention:
    """শহীদুল্লা কায়সার stays whole when the text also writes কায়সারের or কায়সারকে and never
    the shorter কায়সা on its own: the bare র after a vowel is a genitive (হাসিনার) or the
    name's own letter (কায়সার), and only the rest of the text tells which."""
    words = mention.match_form.split()
    if not words:
        return mention
    stem = words[-1]
    whole = stem + "র"
    if not normalize_bengali(mention.text).split()[-1].startswith(whole):
        return mention
    seen = _words_of(text)
    if stem in seen or not any(whole + e in seen for e in _AFTER_STEM):
        return mention
    return dataclasses.replace(mention, match_form=" ".join([*words[:-1], whole]))


def _rules_only(text: str, start: int, end: int | None) -> list[Mention]:
    return find_rule_mentions(text, start, end, references=False)
