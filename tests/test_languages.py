"""The language registry: a new language is one folder plus one registry line, and a language
without a folder gets the explicit fallback, never another language's rules."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.extract import PassageSpan, extract_claims
from factcheck.extract.checkworthy import assess
from factcheck.lang import REGISTRY, language_for, registered_codes, temporary_registry

# A made-up language: "vokar" reports, "zorpa" is an event verb, "Ka..." words are people.
TOY_LANGUAGE = """
import re

from factcheck.entities.mentions.model import Mention
from factcheck.extract.checkworthy.rules import RuleSet, cue
from factcheck.lang import Language


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
)
"""

TOY_TEXT = "Kamo zorpa fim drellen vokar Katla. Ulla brin sal morr."


@pytest.fixture
def toy_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "toy_lang_qx"
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(TOY_LANGUAGE))
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


def test_registered_languages_keep_their_own_rules() -> None:
    assert (
        "model:" in assess("The ministry said 120 people were arrested in 2024.", "en").reasons[0]
    )
    text = FRENCH_WITH_ENGLISH_CUES
    english = extract_claims(text, [PassageSpan(0, len(text), "en")], published=None)
    assert english[0].modality in {"reported", "hedged", "planned"}
    assert english[0].source == "Reuters"  # the French reading above found no source
