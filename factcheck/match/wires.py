"""News agencies and press releases as origins: pure functions over claims.

Two outlets that print the same Reuters story, or the same ministry's press release, are one
origin, not two confirmations. A source is credited to an agency when its opening (the dateline
"ISLAMABAD (Reuters) -", "新华社北京5月20日电", "ঢাকা, ২০ মে (বাসস) :") names it, and a claim rests on
one when its sentence names it ("Reuters reported", "according to AFP", "said in a press
release"). The agencies' names are language data: lang/<code>/wires.tsv, read through the
language registry; every language's keys are English's, so 新华社 and Xinhua are one agency.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.lang import registered_languages, registry_key
from factcheck.lang.lexicon import SPECIAL_FOLDS
from factcheck.match.facts import ClaimFacts
from factcheck.text.scripts import BN_CHARS

PRESS_RELEASE = "press_release"
_BN_ENDING = "(?:-?(?:এর|ের|র|কে|তে|য়|য়|ে)(?:ও)?)?"
# An agency named this early in a source, in its first sentence, is its dateline or byline.
DATELINE_CHARS = 80


@dataclass(frozen=True)
class WireForm:
    key: str
    name: str  # the agency's name in words, as its first English form (or the first form)
    pattern: re.Pattern[str]
    # A text none of these are in has no match: its acronyms as written, its other forms
    # casefolded (searched for in the casefolded text).
    acronyms: tuple[str, ...]
    needles: tuple[str, ...]


def _form_pattern(form: str) -> str:
    form = unicodedata.normalize("NFC", form)
    if re.search(f"[{BN_CHARS}]", form):
        # A whole word, with a case ending at most (প্রেস বিজ্ঞপ্তিতে, বাসসের; not এপিল).
        return rf"(?<![{BN_CHARS}]){re.escape(form)}{_BN_ENDING}(?![{BN_CHARS}])"
    if re.search(r"[\u3400-\u9fff]", form):
        return re.escape(form)
    escaped = re.escape(form)
    if form.isupper():  # an acronym matches as written: "AP", never "ap"
        return rf"(?<![\w'’]){escaped}(?![\w'’-])"
    return rf"(?i:(?<![\w'’]){escaped}(?![\w'’-]))"


@functools.cache
def _wires(_registry: tuple) -> tuple[WireForm, ...]:
    names: dict[str, str] = {}
    forms: dict[str, list[str]] = {}
    for language in registered_languages():
        if language.wires is None:
            continue
        for line in language.wires().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            key, _, spelled = line.partition("\t")
            written = [form.strip() for form in spelled.split("|") if form.strip()]
            if not written:
                raise ValueError(f"wires.tsv ({language.code}): no forms in {line!r}")
            names.setdefault(key, written[0])
            forms.setdefault(key, []).extend(written)
    return tuple(
        WireForm(
            key,
            names[key],
            re.compile(
                "|".join(_form_pattern(f) for f in sorted(set(forms[key]), key=len, reverse=True))
            ),
            tuple(sorted({f for f in forms[key] if f.isupper()})),
            tuple(
                sorted(
                    {
                        unicodedata.normalize("NFC", f).casefold()
                        for f in forms[key]
                        if not f.isupper()
                    }
                )
            ),
        )
        for key in sorted(forms)
    )


def wires() -> tuple[WireForm, ...]:
    return _wires(registry_key())


def wire_name(key: str) -> str:
    """An agency's name in words ("Reuters", "Press Trust of India"); a press release is "a
    press release"."""
    if key == PRESS_RELEASE:
        return "a press release"
    return next((wire.name for wire in wires() if wire.key == key), key)


def wires_in(text: str) -> list[tuple[int, str]]:
    """(where, key) of each agency or press release named in a text, in text order."""
    return list(_wires_in(text, registry_key()))


@functools.lru_cache(maxsize=65536)
def _wires_in(text: str, _registry: tuple) -> tuple[tuple[int, str], ...]:
    # Cached: the claims of one sentence share it, and every run folds every claim's origin.
    searched = unicodedata.normalize("NFC", text)
    folded = searched.casefold()
    # A substring test first (most claims name no agency); not where a letter IGNORECASE folds
    # otherwise than casefold could match unseen.
    prefilter = not SPECIAL_FOLDS.intersection(folded)
    found = [
        (match.start(), wire.key)
        for wire in wires()
        if not prefilter
        or any(map(searched.__contains__, wire.acronyms))
        or any(map(folded.__contains__, wire.needles))
        for match in wire.pattern.finditer(searched)
    ]
    return tuple(sorted(found))


def source_wires(facts: Iterable[ClaimFacts]) -> dict[int, str]:
    """Source id -> the agency it is credited to, from the opening of its first sentence (a
    dateline or a byline): "ISLAMABAD (Reuters) -". A press release is never a dateline."""
    first: dict[int, ClaimFacts] = {}
    for claim in facts:
        if claim.source_id not in first or claim.start < first[claim.source_id].start:
            first[claim.source_id] = claim
    credited = {}
    for source, claim in first.items():
        opening = (claim.sentence or claim.text)[:DATELINE_CHARS]
        for _, key in wires_in(opening):
            if key != PRESS_RELEASE:
                credited[source] = key
                break
    return credited


def claim_wire(claim: ClaimFacts, credited: dict[int, str]) -> str | None:
    """The origin key of the agency or press release a claim rests on, or None: an agency its
    sentence names (the last named, nearest what it reports), else its source's; a press
    release by what it is about (two outlets printing one release share its entities; one
    about nobody in particular stays its source's)."""
    named = [key for _, key in wires_in(claim.sentence or claim.text)]
    agencies = [key for key in named if key != PRESS_RELEASE]
    if agencies:
        return f"wire-{agencies[-1]}"
    if PRESS_RELEASE in named and claim.entities:
        about = ",".join(sorted(str(entity) for entity in claim.entities))
        return f"wire-{PRESS_RELEASE}:{about}"
    if claim.source_id in credited:
        return f"wire-{credited[claim.source_id]}"
    return None


def origin_name(origin: str) -> str | None:
    """An agency origin in words ("Reuters", "a press release"), or None for another origin."""
    if not origin.startswith("wire-"):
        return None
    return wire_name(origin.removeprefix("wire-").split(":")[0])
