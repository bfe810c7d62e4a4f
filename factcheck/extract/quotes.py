"""Quotations and who said them, in every language whose folder has speech rules.

A quote is text between quotation marks that is long enough to be speech; a short quoted term
(“new quality combat capacity”) is a scare quote and gets no speaker. Speakers come from speech
verbs around the quote, each language's in its folder (lang/<code>/speech.py, its SPEECH, read
through the registry); a language without them gets no speakers. A short name is completed from
a full name used earlier in the text when only one fits.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from factcheck.entities.mentions.model import Mention
from factcheck.extract.models import ClaimValue
from factcheck.lang import language_for, registered_languages, registry_key

QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"), ("「", "」"), ("『", "』"))
SCARE_QUOTE_MAX_WORDS = 4
SCARE_QUOTE_MAX_HAN = 6

_QUOTE = re.compile(
    "|".join(
        f"{re.escape(a)}([^{re.escape(a + b)}\n]{{2,1500}}){re.escape(b)}" for a, b in QUOTE_PAIRS
    )
)


@dataclass(frozen=True, eq=False)  # hashed by identity: a Language holding it is a cache key
class SpeechRules:
    """How a language says who speaks (lang/<code>/speech.py defines its SPEECH)."""

    verbs: tuple[str, ...]  # its speech verbs, for a reader of the rules
    pronouns: frozenset[str]  # a speaker that is one of these is a person named before
    # (text, sentence start, sentence end, quote start, quote end) -> whom the words name
    speaker_of_quote: Callable[[str, int, int, int, int], str | None]
    # (text, start, end) -> whom a sentence is attributed to without a quote ("according to X")
    source_of_sentence: Callable[[str, int, int], str | None]
    # (text, one-word speaker, before) -> the full name it abbreviates, used earlier
    complete_name: Callable[[str, str, int], str | None] | None = None
    # (text, start, end) -> the subject of a sentence, whom a pronoun in the next one means
    sentence_subject: Callable[[str, int, int], str | None] | None = None
    # (text, speaker at, start, end, mentions, the words' speaker) -> the speaker when no
    # mention confirms the words' speaker; None (the hook) keeps the words' speaker
    unconfirmed_speaker: (
        Callable[[str, int, int, int, Sequence[Mention], str], str | None] | None
    ) = None
    names_by_match_form: bool = False  # a mention in the language is named by its match form
    # (text, previous sentence start, sentence start) -> whom a pronoun means when no person
    # mention comes before it; None: a pronoun nobody is found for stays unnamed
    pronoun_antecedent: Callable[[str, int, int], str | None] | None = None


def speech_rules(lang: str) -> SpeechRules | None:
    return language_for(lang).speech


@functools.cache
def _pronouns(_registry: tuple) -> frozenset[str]:
    """Every registered language's pronouns: a pronoun speaker is one in any language."""
    return frozenset(
        pronoun
        for language in registered_languages()
        if language.speech is not None
        for pronoun in language.speech.pronouns
    )


def is_pronoun(speaker: str) -> bool:
    pronouns = _pronouns(registry_key())
    return speaker.lower() in pronouns or speaker in pronouns


def find_quotes(
    text: str,
    sentences: list[tuple[int, int]],
    lang_of: dict[int, str],
    mentions: Sequence[Mention] | None = None,
) -> list[ClaimValue]:
    """Quotes with speakers in the given sentences (lang_of maps a sentence start to its lang).

    With the source's mentions, a speaker is a person or organisation the tagger found where
    the speech verb points, and a pronoun is the first person of the sentence before; a
    speaker no mention confirms is left to the language's rules (Bengali drops it: the word
    before বলেন is often a verb or a noun: বলেও, আমন্ত্রণ)."""
    quotes: list[ClaimValue] = []
    for index, (s_start, s_end) in enumerate(sentences):
        for match in _QUOTE.finditer(text, s_start, s_end):
            group = next(i for i in range(1, len(QUOTE_PAIRS) + 1) if match.group(i) is not None)
            inner_start, inner_end = match.start(group), match.end(group)
            inner = text[inner_start:inner_end]
            if _is_scare_quote(inner):
                continue
            lang = lang_of.get(s_start, "en")
            rules = speech_rules(lang)
            speaker = (
                rules.speaker_of_quote(text, s_start, s_end, match.start(), match.end())
                if rules is not None
                else None
            )
            if mentions is None:
                speaker = _resolve_speaker(text, speaker, rules, sentences, index, match.start())
            else:
                previous = sentences[index - 1][0] if index else s_start
                speaker = named_speaker(text, speaker, lang, (previous, s_start, s_end), mentions)
                if speaker and rules and rules.complete_name and " " not in speaker:
                    speaker = rules.complete_name(text, speaker, match.start()) or speaker
            quotes.append(
                ClaimValue(
                    "quote", inner_start, inner_end, inner, None, None, None, speaker=speaker
                )
            )
    return quotes


def find_source(
    text: str,
    start: int,
    end: int,
    lang: str,
    mentions: Sequence[Mention] | None = None,
    previous: int = -1,
) -> str | None:
    """Who a sentence is attributed to without a quote ("according to X", "X said", "据X报道");
    with mentions, checked as find_quotes checks speakers. `previous` is the start of the
    sentence before (-1: none), where a pronoun's person is looked for by the language's
    pronoun_antecedent."""
    rules = speech_rules(lang)
    source = rules.source_of_sentence(text, start, end) if rules is not None else None
    if mentions is None:
        return source
    # Only a language that says how to find a pronoun's person looks at the sentence before.
    before = previous if previous >= 0 and rules and rules.pronoun_antecedent else start
    return named_speaker(text, source, lang, (before, start, end), mentions)


def named_speaker(
    text: str,
    speaker: str | None,
    lang: str,
    sentence: tuple[int, int, int],
    mentions: Sequence[Mention],
) -> str | None:
    """The speaker as the name of the mention it stands on; sentence is (start of the sentence
    before, start, end)."""
    if speaker is None:
        return None
    previous, start, end = sentence
    if is_pronoun(speaker):
        earlier = [m for m in mentions if m.type == "person" and previous <= m.start < start]
        if earlier:
            return mention_name(earlier[0])
        rules = speech_rules(lang)
        if rules is None or rules.pronoun_antecedent is None or previous >= start:
            return None
        return rules.pronoun_antecedent(text, previous, start)
    at = text.rfind(speaker, start, end)
    if at >= 0:
        hits = [
            m
            for m in mentions
            if m.type in ("person", "organization") and m.start < at + len(speaker) and at < m.end
        ]
        if hits:
            return mention_name(hits[-1])
    rules = speech_rules(lang)
    if rules is None or rules.unconfirmed_speaker is None:
        return speaker
    return rules.unconfirmed_speaker(text, at if at >= 0 else end, start, end, mentions, speaker)


def mention_name(mention: Mention) -> str:
    """How a speaker found as a mention is named: its text, or its match form where the
    language's rules say so (a Bengali name without its case ending)."""
    rules = speech_rules(mention.lang)
    return mention.match_form if rules is not None and rules.names_by_match_form else mention.text


def _is_scare_quote(inner: str) -> bool:
    han = sum(1 for ch in inner if "\u4e00" <= ch <= "\u9fff")
    if han > len(inner) / 2:
        return han <= SCARE_QUOTE_MAX_HAN
    return len(inner.split()) <= SCARE_QUOTE_MAX_WORDS


def last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last match: the speech verb nearest the quote."""
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _resolve_speaker(
    text: str,
    speaker: str | None,
    rules: SpeechRules | None,
    sentences: list[tuple[int, int]],
    index: int,
    before: int,
) -> str | None:
    if speaker is None or rules is None:
        return speaker
    if is_pronoun(speaker):
        if rules.sentence_subject is not None and index > 0:
            return rules.sentence_subject(text, *sentences[index - 1]) or speaker
        return speaker
    if rules.complete_name is not None and " " not in speaker:
        return rules.complete_name(text, speaker, before) or speaker
    return speaker
