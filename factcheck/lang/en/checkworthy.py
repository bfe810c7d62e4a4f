"""English rule cues. The model already weighs numbers and words, so most positive cues here only
explain (weight 0); the negative ones catch rhetoric the debate-trained model rarely saw."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.checkworthy.common import heading, territory_names
from factcheck.extract.checkworthy.rules import Cue, Finder, RuleSet, alternation, cue, searching
from factcheck.text.wordsearch import LeftBounded

NUMBER_WORDS = (
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens", "percent",
    "per cent", "half", "twice", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
DATE_WORDS = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday",
    "last week", "last month", "last year", "last Thursday", "this year", "in the past year",
)  # fmt: skip
TITLES = (
    "President", "Vice President", "Prime Minister", "Minister", "Deputy Director General",
    "Director General", "Director", "Secretary", "Secretary-General", "Senator", "Sen.",
    "Governor", "Gov.", "Mayor", "Chairman", "Chairwoman", "Chair", "Chief", "General", "Gen.",
    "Ambassador", "Commissioner", "Inspector General", "Judge", "Justice", "Speaker",
    "Representative", "Rep.", "Congressman", "Congresswoman", "Premier", "Chancellor", "King",
    "Queen", "Prince", "Dr.", "Professor", "Prof.", "police chief", "spokesperson", "spokesman",
    "spokeswoman", "deputy", "assistant minister", "CEO",
)  # fmt: skip
ORG_HEADS = (
    "Department", "Ministry", "Police", "Army", "Navy", "Force", "Division", "Agency", "Bureau",
    "Council", "Committee", "Commission", "Parliament", "Congress", "Senate", "Court",
    "University", "Bank", "Corporation", "Company", "Party", "Organization", "Organisation",
    "Association", "Embassy", "Corridor", "Initiative", "Movement", "Post", "Daily",
)  # fmt: skip
REPORTING = (
    "said", "says", "told", "announced", "stated", "reported", "revealed", "confirmed",
    "according to", "declared", "testified", "wrote", "claimed", "pledged",
)  # fmt: skip
EVENTS = (
    "visited", "met", "signed", "established", "launched", "arrested", "killed", "repatriated",
    "monitored", "elected", "appointed", "voted", "passed", "increased", "decreased", "rose",
    "fell", "cut", "raised", "founded", "opened", "closed", "attacked", "deployed", "led by",
    "took part", "held", "began", "won", "lost", "created", "built", "spent", "invested",
)  # fmt: skip
EVALUATIVE = (
    "classic example", "win-win", "remarkable", "remarkably", "visionary", "pragmatic",
    "ironclad", "promising", "far-reaching", "emblematic", "symbolizes", "unwavering",
    "trusted friend", "clear indication", "new chapter", "new era", "strategic maturity",
    "deftly", "best practices", "holds the potential", "has the potential", "paramount",
    "crucial", "vital", "critical", "significant", "greatly", "truly", "undoubtedly",
)  # fmt: skip
SPECULATIVE = (
    "will likely", "could", "might", "may well", "would", "can greatly", "potentially",
    "is expected to", "is set to", "aims to", "should", "must", "ought to",
)  # fmt: skip
OPINION = ("i think", "i believe", "i feel", "we believe", "in my opinion", "i hope", "we hope")
BOILERPLATE = (
    "leave a reply", "leave a comment", "you may also like", "all rights reserved",
    "click here", "subscribe", "your email address", "adblock", "reference link", "read more",
    "required fields",
)  # fmt: skip


def _words(words, ignore_case: bool = False) -> Finder:
    """Whole words or phrases, not inside a hyphenated word."""
    if ignore_case:
        words = [w.lower() for w in words]
    pattern = re.compile(rf"(?:{alternation(words)})(?![\w-])")
    return searching(LeftBounded(pattern, r"\w-"), lowered=ignore_case)


@cache
def rules() -> RuleSet:
    places = territory_names("en")
    return RuleSet(
        cues=(
            cue(
                "number",
                rf"\d[\d,.]*\d|\d|\b(?:{alternation(NUMBER_WORDS)})\b",
                0.0,
                "has a number: {match}",
                re.IGNORECASE,
            ),
            cue("percent", r"\d\s?%|\bper ?cent\b", 0.0, "has a percentage: {match}", re.I),
            cue(
                "date",
                rf"\b(?:{alternation(MONTHS)})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|"
                rf"(?<![\w-])(?:{alternation(DATE_WORDS)})(?![\w-])|\b(?:1[89]|20)\d\d\b",
                0.0,
                "has a date: {match}",
            ),
            cue(
                "titled_person",
                rf"(?<![\w-])(?:{alternation(TITLES)})\s+(?:[A-Z][\w’'-]+\s+){{0,2}}"
                r"[A-Z][a-z][\w’'-]*",
                0.0,
                "names a person with a title: {match}",
            ),
            cue(
                "organisation",
                rf"(?:[A-Z][\w&-]+\s+){{1,4}}(?:{alternation(ORG_HEADS)})\b|\b[A-Z]{{3,6}}\b",
                0.0,
                "names an organisation: {match}",
            ),
            Cue("place", _words(places), 0.0, "names a place: {match}"),
            Cue(
                "reporting",
                _words(REPORTING, ignore_case=True),
                0.0,
                "reports what someone said: '{match}'",
            ),
            Cue("event", _words(EVENTS, ignore_case=True), 0.0, "reports an event: '{match}'"),
            cue("question", r"\?", -1.0, "is a question"),
            cue(
                "wish",
                r"^\s*(?:May|Let us|Let's|Long live|Hopefully)\b",
                -3.0,
                "is a wish or exhortation: '{match}'",
            ),
            Cue(
                "evaluative",
                _words(EVALUATIVE, ignore_case=True),
                -0.7,
                "evaluative wording: '{match}'",
            ),
            Cue(
                "speculative",
                _words(SPECULATIVE, ignore_case=True),
                -0.3,
                "speculative wording: '{match}'",
            ),
            Cue("opinion", _words(OPINION, ignore_case=True), -0.5, "states an opinion: '{match}'"),
            Cue(
                "boilerplate",
                _words(BOILERPLATE, ignore_case=True),
                -3.0,
                "site boilerplate: '{match}'",
            ),
            cue("exclamation", r"!\s*$", -1.0, "ends with an exclamation mark"),
            Cue("heading", heading(10, 90), -2.0, "looks like a heading: '{match}'"),
        ),
        bias=0.0,
    )
