"""English mentions: capitalised runs typed by cue words, titles, appositions and a gazetteer.

A capitalised run with no cue is left alone: a headline word is not a name, and a wrong
mention costs more than a missed one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.entities.mentions.model import Mention, select_non_overlapping
from factcheck.entities.mentions.tables import cue_words
from factcheck.entities.names.chinese import looks_like_chinese_name
from factcheck.entities.names.places import place_code

_TOKEN = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*|\d+")
_POSSESSIVE = re.compile(r"['’]s\b")
_CONNECTORS = frozenset({"of", "for"})
_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_ROLE_STOP = re.compile(r"[,.;:()\n]| who | which | and | in | at ")


class _Token(NamedTuple):
    start: int
    end: int
    word: str
    possessive: bool  # followed by 's
    is_capital: bool


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word, after = m.group(), m.end()
        possessive = text[after : after + 1] in "'’" and bool(_POSSESSIVE.match(text, after))
        out.append(_Token(m.start(), after, word, possessive, word[0].isupper()))
    return out


def _runs(text: str, tokens: list[_Token]) -> list[list[int]]:
    """Indices of capitalised tokens joined by single spaces (or 'of'/'for' between two)."""
    runs: list[list[int]] = []
    current: list[int] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.is_capital and not tok.word.isdigit():
            if current and text[tokens[current[-1]].end : tok.start] not in (" ",):
                runs.append(current)
                current = []
            current.append(i)
            if tok.possessive:
                runs.append(current)
                current = []
        elif (
            current
            and tok.word in _CONNECTORS
            and i + 1 < len(tokens)
            and tokens[i + 1].is_capital
            and text[tokens[current[-1]].end : tok.start] == " "
            and text[tok.end : tokens[i + 1].start] == " "
        ):
            current.append(i)
        elif current:
            runs.append(current)
            current = []
        i += 1
    if current:
        runs.append(current)
    return runs


def _mention(text: str, tokens: list[_Token], idx: list[int], type_: str, **kw) -> Mention:
    start, end = tokens[idx[0]].start, tokens[idx[-1]].end
    surface = text[start:end]
    return Mention(start, end, surface, type_, "en", kw.pop("match_form", surface), **kw)


def _acronym_of(words: list[str]) -> str:
    letters = []
    for word in words:
        if word in _CONNECTORS:
            continue
        letters += [part[0] for part in re.split(r"[-‐]", word) if part and part[0].isupper()]
    return "".join(letters)


def find_rule_mentions(
    text: str, start: int = 0, end: int | None = None, references: bool = True
) -> list[Mention]:
    """The cue-word rules' mentions; references=False leaves out the short references to them
    (the tagged finder adds those once, to everything found)."""
    end = len(text) if end is None else end
    cues = cue_words("en")
    titles, role_words = cues["title"], cues["role_word"] | cues["title"]
    orgs, stops, place_cues = cues["org"], cues["stop"], cues["place_cue"]
    tokens = _tokens(text, start, end)
    found: list[Mention] = []
    for run in _runs(text, tokens):
        while run and tokens[run[0]].word.lower() in stops - role_words:
            run = run[1:]
        while run and tokens[run[-1]].word in _CONNECTORS:
            run = run[:-1]
        if not run:
            continue
        words = [tokens[i].word for i in run]
        lower = [w.lower() for w in words]
        after = text[tokens[run[-1]].end : tokens[run[-1]].end + 12]
        acronym = _ACRONYM.match(after.lstrip())
        if lower[-1] in orgs and len(run) >= 2:
            found.append(_mention(text, tokens, run, "organization"))
            if acronym and acronym.group(1) == _acronym_of(words):
                a_start = text.index(acronym.group(1), tokens[run[-1]].end)
                found.append(
                    Mention(
                        a_start,
                        a_start + len(acronym.group(1)),
                        acronym.group(1),
                        "organization",
                        "en",
                        acronym.group(1),
                    )
                )
            continue
        person = _titled_person(text, tokens, run, titles, role_words)
        if person:
            found.append(person)
            continue
        if 2 <= len(run) <= 4 and tokens[run[-1]].end < len(text):
            nxt = text[tokens[run[-1]].end : tokens[run[-1]].end + 1]
            if nxt == "," and (role := _apposition_role(text, tokens[run[-1]].end + 1, end)):
                found.append(_mention(text, tokens, run, "person", role=role))
                continue
        if looks_like_chinese_name(words) and not place_code(" ".join(words)):
            found.append(_mention(text, tokens, run, "person"))
            continue
        found += _places_in_run(text, tokens, run, place_cues)
    if references:
        found = _short_references(text, tokens, found)
    return select_non_overlapping(found)


def _titled_person(text, tokens, run, titles, role_words) -> Mention | None:
    """'Interior Minister Mohsin Naqvi' (title inside the run) or "deputy Qi Yanjun"
    (lowercase title just before it)."""
    lower = [tokens[i].word.lower() for i in run]
    last_role = max((k for k, w in enumerate(lower) if w in role_words), default=-1)
    if last_role >= 0 and any(w in titles for w in lower[: last_role + 1]):
        name = run[last_role + 1 :]
        if 1 <= len(name) <= 4 and tokens[run[last_role]].possessive is False:
            role = text[tokens[run[0]].start : tokens[run[last_role]].end]
            return _mention(text, tokens, name, "person", role=role)
        return None
    # lowercase title just before the run ("of Beijing" belongs to a role, not a name)
    first = run[0]
    j = first - 1
    if j >= 0 and tokens[j].word in _CONNECTORS:
        return None
    if place_code(text[tokens[run[0]].start : tokens[run[-1]].end], "en"):
        return None
    role_idx: list[int] = []
    while j >= 0:
        tok = tokens[j]
        if tok.is_capital or tok.word.lower() not in role_words or tok.possessive:
            break
        if text[tok.end : tokens[j + 1].start] != " ":
            break
        role_idx.insert(0, j)
        j -= 1
    if role_idx and any(tokens[k].word in titles for k in role_idx) and len(run) <= 4:
        if any(tokens[k].word.lower() in cue_words("en")["org"] for k in run):
            return None
        role = text[tokens[role_idx[0]].start : tokens[role_idx[-1]].end]
        return _mention(text, tokens, run, "person", role=role)
    return None


def _apposition_role(text: str, pos: int, end: int) -> str | None:
    """ ", China's assistant minister for public security" → that phrase, if it has a title."""
    window = text[pos : min(end, pos + 90)]
    stop = _ROLE_STOP.search(window, 1)
    phrase = window[: stop.start() if stop else len(window)].strip()
    words = phrase.lower().replace("’", "'").split()
    if not 1 <= len(words) <= 8:
        return None
    titles = cue_words("en")["title"]
    if not any(w.strip("'s") in titles or w in titles for w in words):
        return None
    return phrase


def _places_in_run(text, tokens, run, place_cues) -> list[Mention]:
    """Longest sub-runs found in the gazetteer, or a run followed by 'province'/'county'."""
    out: list[Mention] = []
    i = 0
    while i < len(run):
        for j in range(len(run), i, -1):
            sub = run[i:j]
            name = text[tokens[sub[0]].start : tokens[sub[-1]].end]
            if tokens[sub[0]].word in _CONNECTORS:
                break
            code = place_code(name, "en")
            if code:
                out.append(_mention(text, tokens, sub, "place"))
                i = j - 1
                break
        i += 1
    if not out:
        last = tokens[run[-1]]
        nxt = tokens[run[-1] + 1] if run[-1] + 1 < len(tokens) else None
        if (
            nxt
            and nxt.word.lower() in place_cues
            and text[last.end : nxt.start] == " "
            and not last.possessive
            and len(run) <= 3
        ):
            name = text[tokens[run[0]].start : last.end]
            out.append(
                Mention(
                    tokens[run[0]].start,
                    nxt.end,
                    text[tokens[run[0]].start : nxt.end],
                    "place",
                    "en",
                    name,
                )
            )
    return out


def with_references(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """The mentions found plus the later short references to them."""
    return _short_references(text, _tokens(text, start, end), found)


def _short_references(text: str, tokens: list[_Token], found: list[Mention]) -> list[Mention]:
    """A capitalised word that is one word of a person found in full ('Naqvi', 'Qi'), or an
    acronym defined earlier ('CPEC'), is a mention too."""
    person_words = {w for m in found if m.type == "person" for w in m.match_form.split()}
    acronyms = {m.match_form for m in found if m.type == "organization" and m.text.isupper()}
    taken = {p for m in found for p in range(m.start, m.end)}
    out = list(found)
    for tok in tokens:
        if tok.start in taken:
            continue
        if tok.word in person_words and tok.is_capital:
            out.append(Mention(tok.start, tok.end, tok.word, "person", "en", tok.word))
        elif tok.word in acronyms:
            out.append(Mention(tok.start, tok.end, tok.word, "organization", "en", tok.word))
    return out


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Mentions from the trained tagger, with the rules above as their high-precision layer."""
    from factcheck.entities.mentions.combine import tagged_mentions

    return tagged_mentions(text, "en", start, end, _rules_only, with_references)


def _rules_only(text: str, start: int, end: int | None) -> list[Mention]:
    return find_rule_mentions(text, start, end, references=False)
