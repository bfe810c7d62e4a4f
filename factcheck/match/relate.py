"""How two claims relate, with the reason in words: the rules, as pure functions.

A corroboration needs the same entities saying the same thing; a contradiction needs the same
entity, the same attribute and the same event or time, with a different value. Anything less is
at most `related`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from factcheck.match.facts import ClaimFacts, Quantity
from factcheck.match.titles import same_office
from factcheck.match.wording import joined, place_name

# Two figures within this share of each other agree when either is approximate ("about
# 14,000" and 14,500); "about 14,000" and 15,000 do not.
APPROXIMATE_TOLERANCE = 0.05
# Events whose times are further apart than this many days are two events, not one.
SAME_EVENT_DAYS = 45
# Same-language claims this similar (rapidfuzz ratio) are one text copied.
DUPLICATE_RATIO = 92
# A translation must share at least this much (see translation_score) with its original.
MIN_TRANSLATION_SCORE = 0.5


# Topics every article in a policing corpus shares: on their own they relate nothing.
GENERIC_TERMS = frozenset({"police", "security", "cooperation"})
# Below this length two identical sentences may be a common phrase, not a copy.
MIN_COPIED_CHARS = 60


@dataclass(frozen=True)
class Relation:
    relation: str  # corroborates | contradicts | related | translation | duplicate
    score: float
    reason: str
    evidence: dict = field(default_factory=dict)


def names(claim: ClaimFacts, anchors: set[str]) -> str:
    """Anchors in words: entity names and place names ("China, Pakistan and Islamabad"), never
    codes ("CN, PK, PK-IS")."""
    # By name, not by id: ids follow the order entities were made in, which a ledger built in
    # several runs does not share with one built at once.
    people = sorted(
        claim.entity_names.get(int(anchor[1:]), anchor)
        for anchor in anchors
        if anchor.startswith("e")
    )
    places = [anchor[2:] for anchor in sorted(anchors) if anchor.startswith("p:")]
    return joined(people + [place_name(code) for code in places])


# The date values extraction normalises to: a day, a month, an ISO week ("last week"), a year.
_ISO_TIME = re.compile(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?")


def first_day(value: str) -> datetime.date | None:
    """The first day of an ISO day, month, week or year; None for any other form."""
    match = _ISO_TIME.fullmatch(value)
    if not match:
        return None
    year, week, month, day = match.groups()
    try:
        if week:
            return datetime.date.fromisocalendar(int(year), int(week), 1)
        return datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def month_or_day_apart(a: str, b: str) -> int | None:
    """Days between two ISO dates, months, weeks or years (each counts as its first day), or
    None when either is in a form that cannot be compared."""
    day_a, day_b = first_day(a), first_day(b)
    if day_a is None or day_b is None:
        return None
    return abs((day_a - day_b).days)


def different_times(a: str | None, b: str | None) -> bool:
    """Two event times known to be further apart than one event lasts."""
    if not (a and b):
        return False
    days = month_or_day_apart(a, b)
    return days is not None and days > SAME_EVENT_DAYS


def last_digit_unit(value: float) -> float:
    """The unit of a figure's last significant digit: 14,000 → 1,000; 14,200 → 100; 494 → 1."""
    if value != int(value):
        return 10 ** -len(f"{value}".split(".")[1].rstrip("0") or "0")
    number, unit = int(abs(value)), 1
    while number and number % 10 == 0:
        number //= 10
        unit *= 10
    return unit


def is_round(value: float) -> bool:
    """A figure of two significant digits or fewer from 100 up (14,000; 1.6 million; 300) is
    a rounded figure, approximate even without "about"."""
    if value < 100 or value != int(value):
        return False
    return len(str(int(value)).rstrip("0")) <= 2


def tolerance(quantity: Quantity) -> float:
    """How far a figure may be from another and still agree: nothing for an exact figure; for
    an approximate or rounded one, its stated share or half its last digit's unit."""
    if not (quantity.is_approximate or is_round(quantity.value)):
        return 0.0
    return max(APPROXIMATE_TOLERANCE * quantity.value, last_digit_unit(quantity.value) / 2)


def is_approximate(quantity: Quantity) -> bool:
    return quantity.is_approximate or is_round(quantity.value)


def compare_figures(a: Quantity, b: Quantity) -> str:
    """agree (within the looser figure's precision) | discrepancy (two approximate figures
    further apart than their precision: a finding to check) | differ (at least one exact
    figure, and the other outside its precision: a contradiction)."""
    if a.value == b.value:
        return "agree"
    if abs(a.value - b.value) <= max(tolerance(a), tolerance(b)):
        return "agree"
    return "discrepancy" if is_approximate(a) and is_approximate(b) else "differ"


def quantities_agree(a: Quantity, b: Quantity) -> bool:
    return compare_figures(a, b) == "agree"


# Words between a figure and what it is a figure of, skipped when looking for what is counted.
_FIGURE_PREFIX_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "in",
        "at",
        "on",
        "to",
        "with",
        "by",
        "from",
        "about",
        "approximately",
        "around",
        "nearly",
        "almost",
        "some",
        "roughly",
        "over",
        "under",
        "up",
        "more",
        "less",
        "than",
        "fewer",
        "least",
        "most",
        "only",
        "just",
        "estimated",
        "total",
        "totalling",
    ]
)
# Verbs of size and membership: "has 15,000 personnel", "comprised of 14,000": the figure is
# the size of what the claim is about, the same attribute whatever the verb.
SIZE_WORDS = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "comprises",
        "comprised",
        "comprising",
        "consists",
        "consisting",
        "numbering",
        "numbers",
        "strong",
        "includes",
        "including",
        "included",
        "employs",
        "employing",
        "totals",
        "contains",
        "there",
    ]
)


# Words that introduce what someone says ("said that 5,000 engineers work"): no counted thing.
_REPORTING_WORDS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "say",
        "says",
        "said",
        "saying",
        "told",
        "tells",
        "reported",
        "reports",
        "according",
        "claimed",
        "claims",
        "stated",
        "states",
        "added",
        "noted",
        "estimated",
        "estimates",
    ]
)


def counted_by(claim: ClaimFacts, quantity: Quantity) -> str | None:
    """The word a figure is counted by in an English claim ("results for 297 constituencies" →
    "results", "recount demanded in 32 constituencies" → "demanded", "met with 30 men" → "met"),
    or None when it is a size ("has 15,000 personnel") or the language is not English."""
    if not claim.lang.startswith("en"):
        return None
    text = claim.text
    at = text.find(quantity.text)
    if at < 0:
        return None
    for word in reversed(re.findall(r"[A-Za-z][\w'’-]*", text[:at])):
        if word[0].isupper():
            continue  # a name ("shows Donald Trump with two men"): look past it for the verb
        word = word.casefold()
        if word in _FIGURE_PREFIX_WORDS:
            continue
        if word in SIZE_WORDS or word in _REPORTING_WORDS:
            return None
        return word.rstrip("s")
    return None


def format_number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def is_copied_text(a: ClaimFacts, b: ClaimFacts) -> bool:
    """A whole sentence repeated word for word: a title and a name ("Deputy Director General
    Gao Jianzan") repeated is two sources agreeing, not one copying the other."""
    return (
        a.lang == b.lang
        and a.kind != "role"
        and min(len(a.text), len(b.text)) >= MIN_COPIED_CHARS
        and fuzz.ratio(a.text, b.text) >= DUPLICATE_RATIO
    )


def relate(a: ClaimFacts, b: ClaimFacts) -> Relation | None:
    """The relation between two claims of different independence groups, or None."""
    if is_copied_text(a, b):
        return Relation(
            "duplicate",
            fuzz.ratio(a.text, b.text) / 100,
            "the same sentence word for word in two sources: one copies the other",
        )
    if not (a.asserts and b.asserts):
        return None
    shared = a.anchors & b.anchors
    if (
        a.kind == "role"
        and b.kind == "role"
        and a.subject_entity
        and a.subject_entity == b.subject_entity
    ):
        return relate_roles(a, b)
    if a.quantities and b.quantities and shared:
        found = relate_quantities(a, b, shared)
        if found:
            return found
    common_events = a.events & b.events
    if common_events and shared:
        found = relate_events(a, b, shared, common_events, (a.terms & b.terms) | common_events)
        if found:
            return found
    lexical = relate_words(a, b)
    common_terms = (a.terms & b.terms) - GENERIC_TERMS
    specific = {anchor for anchor in shared if is_specific(anchor)}
    signals = len(specific) + len(common_terms) + len(common_events)
    if specific and (len(specific) >= 2 or signals >= 3):
        return Relation(
            "related",
            min(0.9, 0.2 * signals + 0.05 * len(shared - specific)),
            f"both are about {names(a, shared)}"
            + (f" ({words(common_terms | common_events)})" if common_terms | common_events else ""),
            {"shared": sorted(shared), "concepts": sorted(common_terms | common_events)},
        )
    return lexical or relate_concepts(a, b, shared, common_events, common_terms)


def words(concepts: set[str]) -> str:
    """Lexicon concepts as a reader reads them ("forming unit", not "forming_unit")."""
    return ", ".join(sorted(concept.replace("_", " ") for concept in concepts))


def relate_concepts(
    a: ClaimFacts, b: ClaimFacts, shared: set[str], events: set[str], terms: set[str]
) -> Relation | None:
    """`related` for two claims that tell of the same kind of event on the same topic with a
    country in common, though no specific participant: the same subject, never one event."""
    if not (events and terms and shared):
        return None
    concepts = sorted(events | terms)
    return Relation(
        "related",
        round(min(0.6, 0.2 + 0.1 * len(concepts)), 3),
        f"both tell of {words(events)} ({words(terms)}) involving "
        f"{names(a, shared)}: the same subject, not shown to be one event",
        {"events": sorted(events), "concepts": concepts, "shared": sorted(shared)},
    )


# Same-language claims sharing this many content words, this large a share of the shorter
# claim's words, are about the same thing.
MIN_SHARED_WORDS = 3
MIN_WORD_OVERLAP = 0.35


def relate_words(a: ClaimFacts, b: ClaimFacts) -> Relation | None:
    """`related` for two claims of one language told in the same words, when nothing else
    relates them: the same topic, never on its own a confirmation."""
    words_a, words_b = (
        (a.keywords, b.keywords) if a.lang == b.lang else (a.english_words, b.english_words)
    )
    if not (words_a and words_b):
        return None
    shared_words = words_a & words_b
    overlap = len(shared_words) / min(len(words_a), len(words_b))
    if len(shared_words) < MIN_SHARED_WORDS or overlap < MIN_WORD_OVERLAP:
        return None
    shown = ", ".join(sorted(shared_words, key=lambda word: (-len(word), word))[:5])
    how = "told in the same words" if a.lang == b.lang else "told in the same glossed words"
    return Relation(
        "related",
        round(min(0.8, overlap), 3),
        f"{how} ({shown}): the same subject",
        {"words": sorted(shared_words)},
    )


def relate_roles(a: ClaimFacts, b: ClaimFacts) -> Relation:
    person = a.entity_names.get(a.subject_entity or 0, a.subject_name or "the person")
    same = a.roles & b.roles
    if same and not same_office(a.role_text, a.lang, b.role_text, b.lang):
        return Relation(
            "related",
            0.4,
            f"different offices: {person} is “{a.role_text}” in one and “{b.role_text}” in "
            "the other (titles must match exactly)",
            {"entity": a.subject_entity, "titles": [a.role_text, b.role_text]},
        )
    if same:
        role = sorted(same, key=len)[-1].replace("_", " ")
        return Relation(
            "corroborates",
            0.9,
            f"both say {person} is {role}",
            {"entity": a.subject_entity, "role": sorted(same)},
        )
    # A person may hold several titles: different roles are related, never a contradiction.
    return Relation(
        "related",
        0.5,
        f"both give {person} a title, different ones ({', '.join(sorted(a.roles)) or 'unknown'}"
        f" vs {', '.join(sorted(b.roles)) or 'unknown'})",
        {"entity": a.subject_entity},
    )


def relate_quantities(a: ClaimFacts, b: ClaimFacts, shared: set[str]) -> Relation | None:
    """The same figure in the same unit corroborates; a different figure contradicts only for
    the same specific entity (a country holds many things counted in one unit: 82 and 17 歲
    are two people's ages, 110,000 and 1.6 million jobs two different counts), the same thing
    counted (297 constituencies with results are not 32 with recounts) and exact figures:
    approximate ones further apart than their precision are a discrepancy to check."""
    specific = {anchor for anchor in shared if is_specific(anchor)}
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.unit != qb.unit or not qa.unit:
                continue
            about = names(a, shared)
            counted_a, counted_b = counted_by(a, qa), counted_by(b, qb)
            if counted_a and counted_b and counted_a != counted_b:
                return Relation(
                    "related",
                    0.3,
                    f"{qa.text} and {qb.text} count different things ({counted_a} vs "
                    f"{counted_b}): not the same figure",
                    {
                        "unit": qa.unit,
                        "values": [qa.value, qb.value],
                        "counted": [counted_a, counted_b],
                    },
                )
            comparison = compare_figures(qa, qb)
            if comparison == "agree":
                return Relation(
                    "corroborates",
                    0.85,
                    f"both say {format_number(qa.value)} {qa.unit} ({about})",
                    {"unit": qa.unit, "values": [qa.value, qb.value], "shared": sorted(shared)},
                )
            if not specific:
                continue  # only a country in common: not the same thing counted
            time_a, time_b = a.event_time(), b.event_time()
            if different_times(time_a, time_b):
                continue  # figures from different times may both be right
            if comparison == "discrepancy":
                allowed = format_number(max(tolerance(qa), tolerance(qb)))
                return Relation(
                    "related",
                    0.7,
                    f"{qa.text} vs {qb.text} for the same {names(a, specific)}: approximate "
                    f"figures further apart than their precision (±{allowed}), a discrepancy "
                    "to check, not a contradiction",
                    {
                        "unit": qa.unit,
                        "values": [qa.value, qb.value],
                        "shared": sorted(shared),
                        "tension": "discrepancy",
                    },
                )
            return Relation(
                "contradicts",
                0.8,
                f"{qa.text} vs {qb.text} for the same {names(a, specific)}",
                {"unit": qa.unit, "values": [qa.value, qb.value], "shared": sorted(shared)},
            )
    return None


def is_specific(anchor: str) -> bool:
    """A person, organisation, city or province names one thing; a country alone does not."""
    return not anchor.startswith("p:") or "-" in anchor


def relate_events(
    a: ClaimFacts, b: ClaimFacts, shared: set[str], events: set[str], concepts: set[str]
) -> Relation | None:
    """The same event if the same kind of event involves the same specific participants (two
    of them, or one plus both countries and another shared concept) at compatible times."""
    what = words(events)
    about = names(a, shared)
    specific = {anchor for anchor in shared if is_specific(anchor)}
    countries = shared - specific
    same_participants = len(specific) >= 2 or (
        len(specific) == 1 and len(countries) >= 2 and len(concepts) >= 2
    )
    if not same_participants:
        if not specific:
            return None
        return Relation(
            "related",
            0.4,
            f"both mention {what} involving {about}, but not enough in common to be one event",
            {"events": sorted(events), "shared": sorted(shared)},
        )
    time_a, time_b = a.event_time(), b.event_time()
    if (a.dates and b.has_unresolved_time and not b.dates) or (
        b.dates and a.has_unresolved_time and not a.dates
    ):
        return Relation(
            "related",
            0.4,
            f"both report {what} involving {about}, but one gives a date the other's relative "
            "time cannot be compared with",
            {"events": sorted(events), "shared": sorted(shared)},
        )
    if different_times(time_a, time_b):
        return Relation(
            "related",
            0.5,
            f"the same kind of event ({what}) involving {about}, but at different times "
            f"({time_a} vs {time_b}): two events, not one",
            {"events": sorted(events), "shared": sorted(shared), "times": [time_a, time_b]},
        )
    score = min(0.9, 0.5 + 0.1 * len(specific) + 0.05 * len(countries) + 0.05 * len(concepts))
    return Relation(
        "corroborates",
        score,
        f"both report {what} involving {about}",
        {"events": sorted(events), "shared": sorted(shared)},
    )


def translation_score(a: ClaimFacts, b: ClaimFacts) -> float:
    """How well two claims of one source in different languages fit as original and
    translation: shared entities, places, concepts and values, and a similar position."""
    if a.kind != b.kind:
        return 0.0
    concepts_a = a.roles | a.events | a.terms
    concepts_b = b.roles | b.events | b.terms
    union = (a.anchors | b.anchors) | (concepts_a | concepts_b)
    if not union:
        return 0.0
    overlap = len((a.anchors & b.anchors) | (concepts_a & concepts_b)) / len(union)
    values_a = {q.value for q in a.quantities} | a.dates
    values_b = {q.value for q in b.quantities} | b.dates
    if values_a or values_b:
        overlap = (overlap + len(values_a & values_b) / len(values_a | values_b)) / 2
    distance = abs(a.position - b.position)
    return overlap * max(0.0, 1 - 2 * distance)
