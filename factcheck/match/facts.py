"""What claim matching knows about each claim, gathered from the ledger in one pass: its
independence group, the entities and places it is about, the lexicon concepts it names, its
values and when it happened."""

from __future__ import annotations

import bisect
import datetime
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from factcheck.entities.names.places import place_code
from factcheck.lang.lexicon import find_concepts
from factcheck.match.gloss import alternative_words
from factcheck.match.keywords import keywords

# Modalities whose claims neither corroborate nor are corroborated: they assert nothing.
NON_ASSERTIONS = frozenset({"question", "opinion"})


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # a lexicon unit concept ("personnel") or the unit as written
    text: str
    is_approximate: bool


@dataclass(slots=True)  # slots: a run holds one of these for every claim of the ledger
class ClaimFacts:
    id: int
    source_id: int
    group: str
    lang: str
    kind: str
    modality: str
    is_checkworthy: bool
    text: str
    start: int
    end: int
    url: str | None
    published: datetime.date | None
    subject_entity: int | None = None
    subject_name: str | None = None
    entities: set[int] = field(default_factory=set)
    entity_names: dict[int, str] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)  # ISO codes: "PK", "CN-BJ"
    roles: set[str] = field(default_factory=set)  # role concepts of the claim's object
    events: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    quantities: list[Quantity] = field(default_factory=list)
    dates: set[str] = field(default_factory=set)  # ISO dates or months the claim names
    has_unresolved_time: bool = False  # "last week" in a source with no publication date
    position: float = 0.0  # where in its source's text of that language (0..1)
    keywords: frozenset[str] = frozenset()  # content words, for same-language matching
    sentence: str = ""  # the whole sentence the claim comes from (a role claim is a fragment)
    role_text: str | None = None  # a role claim's title as written ("Vice President")
    attributed_to: str | None = None  # who the source says said it, as extraction read it
    speaker_entity: int | None = None  # the person or body attributed_to names, if resolved
    gloss: str | None = None  # English gloss of a Chinese or Bengali claim
    gloss_words: frozenset[str] = frozenset()  # the gloss's content words
    is_title: bool = False  # from its source's title passage (a headline)

    @property
    def english_words(self) -> frozenset[str]:
        """Content words in English: an English claim's own, another language's glossed."""
        return self.keywords if self.lang == "en" else self.gloss_words

    @property
    def anchors(self) -> set[str]:
        """What the claim is about: entities and places, as comparable keys. A city or province
        also puts its country among the anchors (CN-BJ is in CN)."""
        countries = {code.split("-")[0] for code in self.places}
        return {f"e{entity}" for entity in self.entities} | {
            f"p:{code}" for code in self.places | countries
        }

    @property
    def asserts(self) -> bool:
        return self.modality not in NON_ASSERTIONS

    def event_time(self) -> str | None:
        """The day or month the claim's event happened: a date it names, else (for an event
        reported as recent) the month its source was published."""
        if self.dates:
            return min(self.dates)
        return self.published.isoformat()[:7] if self.published else None


def independence_groups(db: Database) -> dict[int, str]:
    """Source id -> group: a source that copies another joins the original's group."""
    copy_of = dict(db.execute("SELECT id, copy_of FROM sources").fetchall())
    groups = {}
    for source_id in copy_of:
        root, seen = source_id, set()
        while copy_of.get(root) and root not in seen:
            seen.add(root)
            root = copy_of[root]
        groups[source_id] = f"source-{root}"
    return groups


def place_codes_in(name: str, lang: str | None) -> set[str]:
    """Places named inside a name: "Beijing Police Department" and 北京市公安局 are in CN-BJ."""
    codes = set()
    if code := place_code(name, lang):
        codes.add(code)
        return codes
    if lang and lang.startswith("zh"):
        for size in (5, 4, 3, 2):
            for begin in range(0, max(0, len(name) - size) + 1):
                if code := place_code(name[begin : begin + size], lang):
                    codes.add(code)
            if codes:
                return codes
    words = name.split()
    for size in (3, 2, 1):
        for begin in range(0, max(0, len(words) - size) + 1):
            if code := place_code(" ".join(words[begin : begin + size]), lang):
                codes.add(code)
        if codes:
            return codes
    return codes


def load_claim_facts(db: Database) -> list[ClaimFacts]:
    groups = independence_groups(db)
    facts: list[ClaimFacts] = []
    for row in db.query(
        """SELECT claims.*, sources.url, sources.published,
                  substr(sources.text, claims.sentence_start + 1,
                         claims.sentence_end - claims.sentence_start) AS sentence,
                  passages.kind = 'title' AS is_title
           FROM claims
           JOIN sources ON sources.id = claims.source_id
           LEFT JOIN passages ON passages.id = claims.passage_id
           WHERE sources.is_current = 1
           ORDER BY claims.source_id, claims.start_offset, claims.id"""
    ):
        published = datetime.date.fromisoformat(row["published"]) if row["published"] else None
        facts.append(
            ClaimFacts(
                id=row["id"],
                source_id=row["source_id"],
                group=groups[row["source_id"]],
                lang=row["lang"] or "und",
                kind=row["kind"],
                modality=row["modality"],
                is_checkworthy=bool(row["is_checkworthy"]),
                text=row["text"],
                start=row["start_offset"],
                end=row["end_offset"],
                url=row["url"],
                published=published,
                subject_name=row["subject"],
                keywords=keywords(row["text"], row["lang"]),
                sentence=row["sentence"] or "",
                role_text=row["object"] if row["kind"] == "role" else None,
                attributed_to=row["attributed_to"],
                gloss=row.get("gloss"),
                gloss_words=gloss_keywords(row["gloss"], row["text"], row["lang"]),
                is_title=bool(row["is_title"]),
            )
        )
        claim = facts[-1]
        for hit in find_concepts(row["text"], row["lang"]):
            kind = hit.concept.kind
            if kind == "place":
                claim.places.add(hit.concept.name)
            elif kind == "event":
                claim.events.add(hit.concept.name)
            elif kind == "term":
                claim.terms.add(hit.concept.name)
        if row["kind"] == "role" and row["object"]:
            claim.roles = {
                hit.concept.name
                for hit in find_concepts(row["object"], row["lang"])
                if hit.concept.kind == "role"
            }
    add_mentions(db, facts)
    add_values(db, facts)
    add_positions(facts)
    drop_named_words(facts)
    return facts


def gloss_keywords(gloss: str | None, text: str, lang: str | None) -> frozenset[str]:
    """The content words of a gloss, and the other likely English words of the original's
    words (a Bengali word the table gives two readings)."""
    if not gloss:
        return frozenset()
    return keywords(gloss + " " + " ".join(alternative_words(text, lang)), "en")


def drop_named_words(facts: list[ClaimFacts]) -> None:
    """A gloss gives resolved names in English; matching already compares those entities, so
    the glossed words that count are the others (what happened, to what)."""
    for claim in facts:
        if claim.gloss_words and claim.entity_names:
            named = set()
            for name in claim.entity_names.values():
                named |= keywords(name, "en")
            claim.gloss_words = claim.gloss_words - named


def add_mentions(db: Database, facts: list[ClaimFacts]) -> None:
    by_source: dict[int, list[tuple[int, int, int | None, str, str, str | None]]] = defaultdict(
        list
    )
    names = dict(db.execute("SELECT id, name FROM entities").fetchall())
    for row in db.execute(
        """SELECT source_id, start_offset, end_offset, entity_id, type, match_form, lang
           FROM mentions ORDER BY source_id, start_offset"""
    ):
        by_source[row[0]].append(row[1:])
    for claim in facts:
        mentions = by_source.get(claim.source_id, [])
        index = bisect.bisect_left(mentions, (claim.start,))
        for start, end, entity_id, mention_type, match_form, lang in mentions[index:]:
            if start >= claim.end:
                break
            if end > claim.end:
                continue
            if mention_type == "place":
                if code := place_code(match_form, lang):
                    claim.places.add(code)
                    continue
            elif mention_type == "organization":
                claim.places |= place_codes_in(match_form, lang)
            if entity_id is None:
                continue
            claim.entities.add(entity_id)
            claim.entity_names[entity_id] = names.get(entity_id, match_form)
            if (
                claim.attributed_to
                and mention_type in ("person", "organization")
                and unicodedata.normalize("NFC", match_form)
                in unicodedata.normalize("NFC", claim.attributed_to)
            ):
                claim.speaker_entity = entity_id
            if mention_type == "person" and claim.subject_name:
                # Bengali য় is typed precomposed or not: compare normalised forms.
                subject = unicodedata.normalize("NFC", claim.subject_name)
                form = unicodedata.normalize("NFC", match_form)
                if subject in form or form in subject:
                    claim.subject_entity = entity_id


def add_values(db: Database, facts: list[ClaimFacts]) -> None:
    by_id = {claim.id: claim for claim in facts}
    for row in db.query("SELECT * FROM claim_values ORDER BY claim_id, start_offset"):
        claim = by_id.get(row["claim_id"])
        if claim is None:
            continue
        if row["kind"] == "date":
            if row["normalized"] and not row["normalized"].startswith("-"):
                claim.dates.add(row["normalized"])
            else:
                claim.has_unresolved_time = True
        elif row["kind"] == "quantity" and row["value"] is not None:
            units = [
                h.concept.name
                for h in find_concepts(row["unit"] or "", claim.lang)
                if h.concept.kind == "unit"
            ]
            claim.quantities.append(
                Quantity(
                    row["value"],
                    units[0] if units else (row["unit"] or "").casefold(),
                    row["text"],
                    bool(row["is_approximate"]),
                )
            )


def add_positions(facts: list[ClaimFacts]) -> None:
    by_source_lang: dict[tuple[int, str], list[ClaimFacts]] = defaultdict(list)
    for claim in facts:
        by_source_lang[(claim.source_id, claim.lang)].append(claim)
    for claims in by_source_lang.values():
        for index, claim in enumerate(claims):
            claim.position = index / max(1, len(claims) - 1)
