"""Tagger entities and cue-word rule mentions made into one set of mentions.

The tagger decides what is a name and of which type. The rules, written for precision, add
the role of a titled person (Interior Minister → Mohsin Naqvi), keep a gazetteer place or a
cue-word organisation that spans the tagger's shorter guess (Beijing Police Department over
Beijing), and fill in what the tagger missed where they are reliable: gazetteer places in
every language, organisations and titled people in English and Chinese. Bengali title rules
alone found words that are no names (সমস্যা, জেনারেল), so there the tagger's people stand alone.
"""

from __future__ import annotations

import dataclasses

from factcheck.entities.mentions.model import Mention, select_non_overlapping
from factcheck.entities.mentions.tables import model_words
from factcheck.entities.mentions.tagger import Entity
from factcheck.text.scripts import normalize_bengali

RULES_ALONE = {
    "en": {"place", "organization", "person"},
    "zh": {"place", "organization", "person"},
    "bn": {"place", "person"},  # a person only when no word of the name is a common word
}


def _known_bn_single_name(surface: str) -> bool:
    """A Bengali name of one word needs a title before it or a word the labelled sets tag as
    a name (models/gazetteer_bn_person.txt): alone, the tagger takes common words for people
    (সড়ক, জিনিস, হেডলাইন)."""
    from factcheck.entities.mentions.features import bn_stem

    words = surface.split()
    if len(words) > 1:
        return True
    word = normalize_bengali(words[0])
    names = model_words("gazetteer_bn_person.txt")
    return word in names or bn_stem(word) in names


def _name_words_ok(mention: Mention, lang: str) -> bool:
    """Bengali has no capitals: a name after a title must hold no word the labelled sets nearly
    never tag as a name (সমস্যা, কারণ, হলো)."""
    if lang != "bn":
        return True
    from factcheck.entities.mentions.features import bn_stem

    common = model_words("bn_common_words.txt")
    return not any(w in common or bn_stem(w) in common for w in mention.match_form.split())


def _match_form(surface: str, lang: str) -> str:
    if lang == "en" and surface[:4] in ("the ", "The "):
        return surface[4:]
    return surface


# Endings that close a Bengali name inside a span: what follows is another phrase
# (শেখ হাসিনাকে সিকিমের, মোহামেদ বাদাইসহ আরো). Not র or এর, which end many name words (আবদুর).
_INNER_ENDINGS = tuple(normalize_bengali(e) for e in ("কে", "সহ", "ের", "য়ের", "দের", "কেও"))


def _cut_after_ending(text: str, entity: Entity) -> Entity:
    at = entity.start
    for word in text[entity.start : entity.end].split(" ")[:-1]:
        at = text.index(word, at) + len(word)
        bare = normalize_bengali(word)
        if any(bare.endswith(e) and len(bare) > len(e) + 1 for e in _INNER_ENDINGS):
            return entity._replace(end=at)  # not কে itself, a word of লি কে ছিয়াং
    return entity


def _ends_bare(mention: Mention, match_form) -> bool:
    """The name's last word carries no ending (আলী, not হাসিনাসহ or শরীফের): a name with one
    ends there, so the words a title rule saw after it are not part of it."""
    last = mention.text.split()[-1]
    return match_form(last) == match_form(last + " x").split()[0]


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


# Bengali has no capitals to lean on: a person the tagger is less sure of than this is left
# out (on Rifat1493's development fold, precision of people 0.82 -> 0.86 for 13% fewer).
BN_PERSON_CONFIDENCE = 0.7


def _keeps(entity: Entity, surface: str, lang: str) -> bool:
    if lang != "bn" or entity.type != "person":
        return True
    if entity.confidence < BN_PERSON_CONFIDENCE or not any(ch.isalpha() for ch in surface):
        return False
    return _name_words_ok(Mention(entity.start, entity.end, surface, "person", lang, surface), lang)


def combine(
    text: str, lang: str, entities: list[Entity], rules: list[Mention], match_form=None
) -> list[Mention]:
    """match_form(surface) is the language's form names are compared on (Bengali: without the
    case ending); the surface itself by default."""
    match_form = match_form or (lambda surface: _match_form(surface, lang))
    tagged = []
    unsure: set[int] = set()  # kept only if a title confirms them
    for e in entities:
        if lang == "bn" and e.type == "person":
            e = _cut_after_ending(text, e)
        surface = text[e.start : e.end]
        if not _keeps(e, surface, lang):
            if e.confidence >= BN_PERSON_CONFIDENCE or not _keeps(
                e._replace(confidence=1), surface, lang
            ):
                continue
            unsure.add(len(tagged))
        elif lang == "bn" and e.type == "person" and not _known_bn_single_name(surface):
            unsure.add(len(tagged))
        tagged.append(Mention(e.start, e.end, surface, e.type, lang, match_form(surface)))
    dropped: set[int] = set()
    extra: list[Mention] = []
    for rule in rules:
        if lang == "bn" and rule.type == "person":
            cut = _cut_after_ending(text, Entity(rule.start, rule.end, rule.type)).end
            if cut < rule.end:
                surface = text[rule.start : cut]
                rule = dataclasses.replace(
                    rule, end=cut, text=surface, match_form=match_form(surface)
                )
        hits = [i for i, m in enumerate(tagged) if _overlaps(rule, m)]
        if not hits:
            if rule.type in RULES_ALONE[lang] and (
                rule.type != "person" or rule.role and _name_words_ok(rule, lang)
            ):
                extra.append(rule)
            continue
        if rule.type == "person" and rule.role:
            for i in hits:
                m = tagged[i]
                if m.type != "person":
                    # "Minister of Public Security Wang Xiaohong" read as one organisation
                    if m.end == rule.end and m.start < rule.start and _name_words_ok(rule, lang):
                        tagged[i] = rule
                    continue
                if m.start <= rule.start and rule.end <= m.end and rule.role in m.text:
                    tagged[i] = rule  # the tagger took the title into the name
                elif (
                    rule.start <= m.start
                    and m.end <= rule.end
                    and _name_words_ok(rule, lang)
                    and _ends_bare(m, match_form)
                ):
                    tagged[i] = rule  # the rule has the whole name (আসিফ আলী জারদারি)
                    unsure.discard(i)
                elif rule.role not in m.text:
                    tagged[i] = dataclasses.replace(m, role=rule.role)
                    unsure.discard(i)
            continue
        if rule.type == "organization" and lang != "bn":
            # a place and an organisation word (Islamabad Police, 北京市公安局): the rule's span
            # and type over the tagger's guess ("As Islamabad Police", a place)
            if all(tagged[i].type != "person" for i in hits):
                dropped.update(hits)
                extra.append(rule)
            continue
        inside = all(rule.start <= tagged[i].start and tagged[i].end <= rule.end for i in hits)
        longer = rule.end - rule.start > max(tagged[i].end - tagged[i].start for i in hits)
        no_person = all(tagged[i].type != "person" for i in hits)
        if (
            inside
            and longer
            and (rule.type == "place" or rule.type == "organization" and no_person)
        ):
            dropped.update(hits)
            extra.append(rule)
    kept = [m for i, m in enumerate(tagged) if i not in dropped and i not in unsure]
    return sorted(kept + extra, key=lambda m: (m.start, m.end))


def tagged_mentions(
    text: str, lang: str, start: int, end: int | None, rules, references, match_form=None
):
    """A language's mentions: its tagger's entities combined with its rule finder's mentions
    (`rules(text, start, end)`), then the short references to them (`references(text, start,
    end, found)`); the rules alone when the language has no model."""
    from factcheck.entities.mentions.tagger import has_model, tag_entities

    end = len(text) if end is None else end
    found = rules(text, start, end)
    if has_model(lang):
        found = combine(text, lang, tag_entities(text, lang, start, end), found, match_form)
        found = references(text, start, end, found)
        if lang == "bn":  # no reference may be a number or a common word (কে, ১৯৬৫)
            found = [m for m in found if m.type != "person" or _bn_person_ok(m)]
    return select_non_overlapping(found)


def _bn_person_ok(mention: Mention) -> bool:
    return any(ch.isalpha() for ch in mention.match_form) and _name_words_ok(mention, "bn")
