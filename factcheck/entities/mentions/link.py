"""Link short references ('Naqvi', 纳克维, নকভি, 'CPEC') to the full form in the same text."""

from __future__ import annotations

from factcheck.entities.mentions.model import Mention
from factcheck.entities.names.compare import NameForm, compare, parse_name


def _is_short(m: Mention) -> bool:
    return len(parse_name(NameForm(m.match_form, m.lang, m.type)).words) == 1


def _refers_to(short: Mention, full: Mention) -> bool:
    if short.type != full.type:
        return False
    if short.type == "organization":
        return short.match_form.isupper() and short.match_form == _initials(full.match_form)
    s = parse_name(NameForm(short.match_form, short.lang, short.type))
    f = parse_name(NameForm(full.match_form, full.lang, full.type))
    if s.words[0] in f.words or s.keys[0] in f.keys and len(s.keys[0]) >= 3:
        return True  # within one text any word of a unique full name will do ('Qi', জিয়াওহং)
    return compare(
        NameForm(short.match_form, short.lang, short.type),
        NameForm(full.match_form, full.lang, full.type),
    ).is_match


def _initials(name: str) -> str:
    return "".join(p[0] for w in name.replace("-", " ").split() if (p := w) and p[0].isupper())


def link_short_references(mentions: list[Mention]) -> dict[int, int]:
    """Index of a short mention → index of the first mention of its full form, when exactly
    one distinct full name fits (two people called Wang leave 'Wang' unlinked)."""
    links: dict[int, int] = {}
    full = [i for i, m in enumerate(mentions) if not _is_short(m) or m.type == "organization"]
    for i, m in enumerate(mentions):
        if m.type == "place" or (not _is_short(m) and m.type != "organization"):
            continue
        candidates = [j for j in full if j != i and _refers_to(m, mentions[j])]
        names = {mentions[j].match_form for j in candidates}
        distinct: list[str] = []
        for name in names:
            form = NameForm(name, mentions[candidates[0]].lang, m.type)
            if not any(compare(form, NameForm(d, form.lang, m.type)).is_match for d in distinct):
                distinct.append(name)
        if len(distinct) == 1:
            links[i] = min(candidates)
    return links
