"""The language registry: a new language is one folder plus one registry line, and a language
without a folder gets the explicit fallback, never another language's rules."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.entities.names.forms import split_title, title_qualifiers
from factcheck.extract import PassageSpan, extract_claims
from factcheck.extract.checkworthy import assess
from factcheck.extract.numbers import find_numeric_values
from factcheck.extract.quotes import find_quotes
from factcheck.ingest.metadata import read_metadata
from factcheck.ingest.passages import clutter_cue
from factcheck.lang import REGISTRY, language_for, registered_codes, temporary_registry
from factcheck.lang.lexicon import find_concepts
from factcheck.match.keywords import keywords
from factcheck.match.similarity import wording
from factcheck.match.stance import stance_of
from factcheck.match.titles import qualifiers, same_office
from factcheck.text.dates import find_dates

# A made-up language: "vokar" reports, "zorpa" is an event verb, "Ka..." words are people.
TOY_LANGUAGE = """
import re
from pathlib import Path

from factcheck.entities.mentions.model import Mention
from factcheck.extract.checkworthy.rules import RuleSet, cue
from factcheck.lang import Language
from toy_lang_qx.dates import DATES
from toy_lang_qx.metadata import METADATA
from toy_lang_qx.numbers import NUMBERS
from toy_lang_qx.speech import SPEECH


def checkworthy_rules():
    return RuleSet(cues=(cue("toy_count", r"\\bfim\\b", 3.0, "counts in toy: {match}"),), bias=-1.0)


def find_mentions(text, start=0, end=None):
    return [
        Mention(m.start(), m.end(), m.group(), "person", "qx", m.group())
        for m in re.finditer(r"\\bKa[a-z]+", text[: end or len(text)])
        if m.start() >= start
    ]


LANGUAGE = Language(
    code="qx",
    name="Toy",
    checkworthy_rules=checkworthy_rules,
    find_mentions=find_mentions,
    modality_cues=(("opinion", r"Ulla\\b"), ("reported", r"\\bvokar\\b")),
    event_verbs=r"\\bzorpa\\b",
    coordinated_event=r"\\s+en\\s+(?P<verb>zorpa)\\b",
    comparison=r"\\bmorr\\b",
    numbers=NUMBERS,
    dates=DATES,
    speech=SPEECH,
    metadata=METADATA,
    lexicon=lambda: (Path(__file__).parent / "lexicon.tsv").read_text("utf-8"),
    lexicon_whole_words=True,
    stance_cues=lambda: (Path(__file__).parent / "stance_cues.tsv").read_text("utf-8"),
    title_qualifiers="vizo|ex",
    keywords=lambda text: frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 4),
    fold_word=lambda word: word.removesuffix("i"),
    scripts=("latin",),
    name_titles=lambda: "prezzo\\ttitle\\nvizo\\tpart\\n",
    name_qualifiers=(("vizo", "vice"),),
)
"""

# The toy language's words live only in its own folder: number words ("tavo" 2, "dekka" 10,
# "mour" a thousand), months ("Zunmo" March), a speech verb ("blathar") and its form of the
# lexicon's "police" concept ("kommando").
TOY_NUMBERS = """
import re

from factcheck.extract.numbers import NumberWords, SpelledNumber

WORDS = {"tavo": 2, "sek": 6, "dekka": 10}


def parse(raw):
    return SpelledNumber(sum(WORDS[word] for word in raw.split()), is_weak=False)


def counted_noun(text, end, stop):
    found = re.compile(r" ([a-z]+i)\\b").match(text, end, stop)
    return (found.group(1), found.end()) if found else (None, end)


NUMBERS = NumberWords(
    pattern=r"\\b(?:tavo|sek|dekka)(?: (?:tavo|sek|dekka))*\\b",
    parse=parse,
    scales={"mour": 1e3},
    approx_before=("nabo",),
    duration_units={"yarni": ("Y", 1)},
    counted_noun=counted_noun,
)
"""
TOY_DATES = """
from factcheck.text.dates import DateWords, word_start

DATES = DateWords(
    months={"zunmo": 3, "pilvo": 4},
    weekdays={"tarsen": 1},
    relative={"gemo": ("day", -1)},
    weekday_modifiers={},
    grammars=(
        ("qx_dm", word_start(r"(?P<day>\\d{1,2}) (?P<mon>Zunmo|Pilvo)(?: (?P<year>\\d{4}))?\\b")),
        ("qx_weekday", word_start(r"(?P<wd>Tarsen)\\b")),
        ("qx_relative", word_start(r"(?P<rel>gemo)\\b")),
    ),
)
"""
TOY_SPEECH = """
import re

from factcheck.extract.quotes import SpeechRules

_BEFORE = re.compile(r"(?P<name>Ka[a-z]+) blathar")


def speaker_of_quote(text, s_start, s_end, q_start, q_end):
    found = _BEFORE.search(text, s_start, q_start)
    return found.group("name") if found else None


def source_of_sentence(text, start, end):
    found = re.compile(r"\\bper (?P<name>Ka[a-z]+)").search(text, start, end)
    return found.group("name") if found else None


SPEECH = SpeechRules(
    verbs=("blathar",),
    pronouns=frozenset({"hun"}),
    speaker_of_quote=speaker_of_quote,
    source_of_sentence=source_of_sentence,
)
"""
TOY_METADATA = """
from factcheck.ingest.metadata import MetadataWords

METADATA = MetadataWords(published=("blorvat",), rendered=("hudag",), source_link=("kildo",))
"""
TOY_LEXICON = "# concept\tforms\npolice\tkommando|kommandi\n"
# Its stance cues: "narvo" denies, "willa" plans.
TOY_STANCE_CUES = "# kind\tforms\ndenial\tnarvo|fik narvo\nplan\twilla\n"

TOY_TEXT = "Kamo zorpa fim drellen vokar Katla. Ulla brin sal morr."


@pytest.fixture
def toy_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "toy_lang_qx"
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(TOY_LANGUAGE))
    (folder / "numbers.py").write_text(textwrap.dedent(TOY_NUMBERS))
    (folder / "dates.py").write_text(textwrap.dedent(TOY_DATES))
    (folder / "speech.py").write_text(textwrap.dedent(TOY_SPEECH))
    (folder / "metadata.py").write_text(textwrap.dedent(TOY_METADATA))
    (folder / "lexicon.tsv").write_text(TOY_LEXICON, encoding="utf-8")
    (folder / "stance_cues.tsv").write_text(TOY_STANCE_CUES, encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    with temporary_registry({"qx": "toy_lang_qx"}):  # the one registry line
        yield


def test_a_toy_language_registered_in_a_temporary_registry_runs_through_extraction(
    toy_language: None,
) -> None:
    assert "qx" in registered_codes()
    claims = extract_claims(TOY_TEXT, [PassageSpan(0, len(TOY_TEXT), "qx")], published=None)
    first, second = claims
    assert first.lang == "qx"
    assert first.modality == "reported"
    assert first.kind == "event"
    assert [m.text for m in first.mentions] == ["Kamo", "Katla"]
    assert "counts in toy: fim" in first.checkworthiness.reasons
    assert first.checkworthiness.is_checkworthy
    assert second.modality == "opinion"
    assert not any("no rules for" in reason for reason in first.reasons)


TOY_WORDS_TEXT = (
    'Kamo blathar "the kommandi will guard every road of the north" on 5 Zunmo 2025. '
    "Katla zorpa nabo dekka tavo mour kommandi for sek yarni gemo."
)


def test_a_toy_languages_numbers_dates_speech_and_lexicon_come_from_its_own_folder(
    toy_language: None,
) -> None:
    text = TOY_WORDS_TEXT
    first, second = extract_claims(
        text, [PassageSpan(0, len(text), "qx")], published=dt.date(2025, 6, 10)
    )
    (quote,) = [value for value in first.values if value.kind == "quote"]
    assert quote.speaker == "Kamo"  # its speech verb, from speech.py
    (date,) = [value for value in first.values if value.kind == "date"]
    assert (date.text, date.normalized) == ("5 Zunmo 2025", "2025-03-05")  # dates.py
    values = {value.kind: value for value in second.values}
    quantity = values["quantity"]  # numbers.py: words, scale, approximation, counted noun
    assert (quantity.text, quantity.value, quantity.unit) == (
        "nabo dekka tavo mour kommandi",
        12000,
        "kommandi",
    )
    assert quantity.is_approximate
    assert (values["duration"].text, values["duration"].normalized) == ("sek yarni", "P6Y")
    assert values["date"].normalized == "2025-06-09"  # "gemo": yesterday
    concepts = {hit.concept.name for hit in find_concepts(text, "qx")}
    assert "police" in concepts  # its lexicon.tsv names the concept "kommandi"


def test_a_toy_languages_stance_cues_title_qualifiers_and_words_come_from_its_own_folder(
    toy_language: None,
) -> None:
    stance = stance_of("Kamo zorpa Katla narvo.", "qx")
    assert (stance.polarity, stance.describe()) == ("denies", "denies it (“narvo”)")
    assert stance_of("Kamo willa zorpa Katla.", "qx").tense == "planned"
    assert qualifiers("Vizo Prezzo", "qx") == {"vizo"}
    assert not same_office("Vizo Prezzo", "qx", "Prezzo", "qx")
    assert keywords("Kamo zorpa kommandi fim", "qx") == {"zorpa", "kommandi"}
    assert wording("kommandi zorpa", "qx") == ("kommand", "zorpa")
    # Its name titles join those of the other languages written in Latin letters.
    assert split_title("Vizo Prezzo Kamo Dran") == ("Vizo Prezzo", "Kamo Dran")
    assert title_qualifiers("Vizo Prezzo") == {"vice"}


def test_outside_the_registry_no_stance_cue_title_qualifier_or_word_fold_of_the_toy() -> None:
    assert stance_of("Kamo zorpa Kelda narvo.", "qx").polarity == "affirms"
    assert qualifiers("Vizo Prezzo", "qx") == frozenset()
    assert keywords("Kamo zorpa kommandi fim", "qx") == {"kamo", "zorpa", "kommandi"}
    assert wording("kommandi zorpi", "qx") == ("kommandi", "zorpi")
    assert split_title("Vizo Prezzo Kamo Dran") == (None, "Vizo Prezzo Kamo Dran")
    assert title_qualifiers("Vizo Prezzo") == frozenset()


# A page whose date and source lines carry the toy language's labels, not English ones.
TOY_PAGE = (
    "Hudag: 1 March 2026\n"
    "Blorvat: 23 February 2025, sal drellen vokar Katla\n"
    "Kildo: https://news.example.org/a/1\n"
)


def test_a_toy_languages_page_metadata_labels_come_from_its_own_folder(
    toy_language: None,
) -> None:
    metadata = read_metadata(TOY_PAGE, None, None)
    assert metadata.published == "2025-02-23"  # its "Blorvat:" label introduces the date
    assert metadata.url == "https://news.example.org/a/1"
    assert clutter_cue("Kildo: https://news.example.org/a/1") == (
        "reference",
        "a labelled link to the article's source",
    )


def test_outside_the_registry_none_of_the_toy_words_is_found() -> None:
    metadata = read_metadata(TOY_PAGE, None, None)
    assert metadata.published is None
    assert metadata.url is None
    assert clutter_cue("Kildo: https://news.example.org/a/1") is None
    text = TOY_WORDS_TEXT
    assert [value.text for value in find_numeric_values(text)] == ["5"]  # digits only
    assert [mention.text for mention in find_dates(text)] == ["2025"]  # a bare year only
    assert "police" not in {hit.concept.name for hit in find_concepts(text, "qx")}
    first_sentence = (0, text.index(". ") + 1)
    (quote,) = find_quotes(text, [first_sentence], {0: "qx"})
    assert quote.speaker is None


def test_the_temporary_registry_is_gone_after_the_block() -> None:
    with temporary_registry({"qx": "toy_lang_qx"}):
        assert "qx" in registered_codes()
    assert "qx" not in registered_codes()


def test_registry_outside_a_block_is_the_shipped_one() -> None:
    assert registered_codes() == tuple(REGISTRY) == ("en", "zh", "bn")
    assert language_for("qx").is_fallback


URDU = "وزیر داخلہ محسن نقوی نے کہا کہ 2024 میں 120 افراد گرفتار کیے گئے۔"
# English words inside an unsupported language must not fire English rules.
FRENCH_WITH_ENGLISH_CUES = "Le ministre Kamal Said will probably visit Paris according to Reuters."


def test_an_unsupported_language_gets_the_explicit_fallback_never_english() -> None:
    urdu = language_for("ur")
    assert urdu.is_fallback and urdu.name == "Urdu"
    assert (
        urdu.fallback_reason == "no rules for Urdu (ur): language-independent fallback rules only"
    )
    (claim,) = extract_claims(URDU, [PassageSpan(0, len(URDU), "ur")], published=None)
    assert claim.lang == "ur"
    assert urdu.fallback_reason in claim.reasons
    assert claim.mentions == []
    assert any("has a number" in reason for reason in claim.checkworthiness.reasons)

    text = FRENCH_WITH_ENGLISH_CUES
    (claim,) = extract_claims(text, [PassageSpan(0, len(text), "fr")], published=None)
    assert claim.lang == "fr"
    assert claim.modality == "asserted"  # "probably", "according to" are English cues
    assert claim.mentions == []
    assert claim.source is None
    assert "no rules for French (fr): language-independent fallback rules only" in claim.reasons
    # Nor do English stance cues, title qualifiers, lexicon forms or word folds stand in.
    assert find_concepts("the interior minister met the police", "fr") == []
    assert stance_of("This claim is false and baseless.", "fr").polarity == "affirms"
    assert qualifiers("Vice President", "fr") == frozenset()
    assert keywords("officers trained", "fr") == {"officers", "trained"}


def test_registered_languages_keep_their_own_rules() -> None:
    assert (
        "model:" in assess("The ministry said 120 people were arrested in 2024.", "en").reasons[0]
    )
    text = FRENCH_WITH_ENGLISH_CUES
    english = extract_claims(text, [PassageSpan(0, len(text), "en")], published=None)
    assert english[0].modality in {"reported", "hedged", "planned"}
    assert english[0].source == "Reuters"  # the French reading above found no source
