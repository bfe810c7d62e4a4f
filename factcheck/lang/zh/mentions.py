"""Chinese mentions without a word segmenter: gazetteer places, place + suffix organisations,
names next to titles (高建赞副局长, 内政部长纳克维) and runs of transliteration characters.

jieba splits transliterated names (纳克维 → 纳克/维); the well-known set of characters used to
write foreign names, with the middle dot, finds them better and costs no start-up time.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.entities.mentions.model import Mention, select_non_overlapping
from factcheck.entities.mentions.tables import cue_words, transliteration_chars
from factcheck.entities.names.chinese import han_surnames
from factcheck.entities.names.places import place_code, place_names
from factcheck.entities.names.romanize import MIDDLE_DOTS

_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = cue_words("zh")
    chars = "".join(sorted(transliteration_chars()))
    translit = rf"[{chars}]{{2,}}(?:[{MIDDLE_DOTS}][{chars}]{{1,}})*"
    admin = _alternation(cues["admin_suffix"])
    return {
        "place": re.compile(rf"(?:{_alternation(place_names('han'))})(?:{admin})?"),
        "translit_place": re.compile(rf"{translit}(?:{admin})"),
        "org_suffix": re.compile(_alternation(cues["org_suffix"])),
        "title": re.compile(_alternation(cues["title"])),
        "translit": re.compile(translit),
        "dotted": re.compile(rf"[{chars}]+(?:[{MIDDLE_DOTS}][{chars}]+)+"),
    }


def _place_mentions(text: str, start: int, end: int) -> list[Mention]:
    pats = _patterns()
    out: list[Mention] = []
    for pat in (pats["place"], pats["translit_place"]):
        for m in pat.finditer(text, start, end):
            name = m.group()
            # an unknown transliterated name + 省/州 is still a place (俾路支省)
            unknown = pat is pats["translit_place"] and not place_code(name)
            if unknown and name[-1] not in "省州":
                continue
            suffix = pats["org_suffix"].match(text, m.end(), end)
            if suffix and text[suffix.end() : suffix.end() + 1] != "长":  # 内政部长 is a title
                org_end = suffix.end()
                out.append(
                    Mention(
                        m.start(),
                        org_end,
                        text[m.start() : org_end],
                        "organization",
                        "zh",
                        text[m.start() : org_end],
                    )
                )
            out.append(Mention(m.start(), m.end(), name, "place", "zh", name))
    return out


def _native_after(text: str, pos: int, end: int) -> int:
    """End of a native name starting at pos (surname + one or two characters), or pos."""
    surnames = han_surnames()
    breaks = cue_words("zh")["break"]
    if pos >= end or text[pos] not in surnames:
        return pos
    length = 3
    if pos + 2 >= end or not _HAN_CHAR.match(text[pos + 2]) or text[pos + 2] in breaks:
        length = 2
    if not all(_HAN_CHAR.match(c) for c in text[pos : pos + length]):
        return pos
    return pos + length


def _native_before(text: str, pos: int, start: int) -> int:
    """Start of a native name ending at pos (高建赞 before 副局长), or pos."""
    surnames = han_surnames()
    for length in (3, 2):
        begin = pos - length
        if (
            begin >= start
            and text[begin] in surnames
            and all(_HAN_CHAR.match(c) for c in text[begin:pos])
        ):
            return begin
    return pos


def _person_mentions(text: str, start: int, end: int) -> list[Mention]:
    pats = _patterns()
    out: list[Mention] = []
    for t in pats["title"].finditer(text, start, end):
        role = t.group()
        after = pats["translit"].match(text, t.end(), end)
        name_end = after.end() if after else _native_after(text, t.end(), end)
        if name_end > t.end() and not place_code(text[t.end() : name_end]):
            name = text[t.end() : name_end]
            out.append(Mention(t.end(), name_end, name, "person", "zh", name, role))
            continue
        name_start = _native_before(text, t.start(), start)
        if name_start < t.start():
            name = text[name_start : t.start()]
            out.append(Mention(name_start, t.start(), name, "person", "zh", name, role))
    for m in pats["dotted"].finditer(text, start, end):
        if not place_code(m.group()):
            out.append(Mention(m.start(), m.end(), m.group(), "person", "zh", m.group()))
    return out


def with_references(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    return _short_references(text, start, end, found)


def _short_references(text: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """Parts of full names found above (纳克维 of 莫辛·纳克维) wherever else they occur."""
    parts: set[str] = set()
    for m in found:
        if m.type == "person":
            parts.add(m.match_form)
            pieces = re.split(rf"[{MIDDLE_DOTS}]", m.match_form)
            if len(pieces) > 1:
                parts.update(p for p in pieces if len(p) >= 2)
    taken = [(m.start, m.end) for m in found]
    out = list(found)
    for part in sorted(parts, key=len, reverse=True):
        for m in re.finditer(re.escape(part), text[start:end]):
            s, e = start + m.start(), start + m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            out.append(Mention(s, e, part, "person", "zh", part))
            taken.append((s, e))
    return out


def find_rule_mentions(
    text: str, start: int = 0, end: int | None = None, references: bool = True
) -> list[Mention]:
    """The cue-word rules' mentions; references=False leaves out the short references to them
    (the tagged finder adds those once, to everything found)."""
    end = len(text) if end is None else end
    places = _place_mentions(text, start, end)
    persons = _person_mentions(text, start, end)
    # a person found by a title wins over a place starting inside it, and the reverse
    found = select_non_overlapping(persons + places)
    return select_non_overlapping(
        _short_references(text, start, end, found) if references else found
    )


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Mentions from the trained tagger, with the rules above as their high-precision layer."""
    from factcheck.entities.mentions.combine import tagged_mentions

    return tagged_mentions(text, "zh", start, end, _rules_only, with_references)


def _rules_only(text: str, start: int, end: int | None) -> list[Mention]:
    return find_rule_mentions(text, start, end, references=False)
