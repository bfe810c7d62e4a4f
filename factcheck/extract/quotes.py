"""Quotations and who said them, in English, Chinese and Bengali.

A quote is text between quotation marks that is long enough to be speech; a short quoted term
(“new quality combat capacity”) is a scare quote and gets no speaker. Speakers come from speech
verbs around the quote, in tables per language; a short name is completed from a full name used
earlier in the text when only one fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from factcheck.entities.mentions.model import Mention
from factcheck.extract.models import ClaimValue
from factcheck.text.scripts import BN_CHARS, alternation, fold_bengali

QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"), ("「", "」"), ("『", "』"))
SCARE_QUOTE_MAX_WORDS = 4
SCARE_QUOTE_MAX_HAN = 6

SPEECH_VERBS = {
    "en": (
        "said", "says", "told", "added", "stated", "noted", "explained", "warned", "declared",
        "announced", "revealed", "wrote", "insisted", "argued", "claimed", "remarked",
        "replied", "urged", "stressed", "emphasised", "emphasized", "pledged", "reminded",
    ),
    "zh": ("表示", "说", "說", "称", "稱", "指出", "强调", "強調", "透露", "介绍", "介紹", "认为",
           "認為"),
    "bn": ("বলেন", "বলেছেন", "জানান", "জানিয়েছেন", "জানিয়েছে", "উল্লেখ করেন", "বলে", "বলেছে"),
}  # fmt: skip
PRONOUNS = {"he", "she", "they", "তিনি", "তাঁরা", "তারা", "他", "她", "他们", "她們", "他們"}
# Words that open a Bengali sentence before its subject ("এসময় নাকভি ...").
BN_LEADING_ADVERBS = {
    fold_bengali(w)
    for w in [
        "এসময়",
        "এছাড়া",
        "এছাড়াও",
        "তখন",
        "বৈঠকে",
        "সেখানে",
        "পরে",
        "তবে",
        "এতে",
        "এরপর",
        "তিনি",
        "এ",
        "এই",
        "সে",
    ]
}
BN_CASE_SUFFIXES = ("কে", "ের", "এর", "র")

_QUOTE = re.compile(
    "|".join(
        f"{re.escape(a)}([^{re.escape(a + b)}\n]{{2,1500}}){re.escape(b)}" for a, b in QUOTE_PAIRS
    )
)
_NAME = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'-]+){0,3}"
_EN_VERB = alternation(SPEECH_VERBS["en"])
_EN_AFTER = re.compile(
    rf"\s*[,.]?\s*(?:(?P<a>{_NAME}|he|she|they)\s+(?:{_EN_VERB})\b"
    rf"|(?:{_EN_VERB})\s+(?P<b>{_NAME}|he|she|they)\b)"
)
_EN_VERB_SEARCH = re.compile(rf"\b(?:{_EN_VERB})\b")
_ACCORDING_TO = re.compile(
    r"\b(?:[Aa]ccording to|[Aa]s reported by)\s+(?P<src>(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,5}?)"
    r"(?=[,.;]|$)"
)
_ZH_VERB = re.compile(rf"(?P<name>[\u4e00-\u9fff·]{{1,12}}?)(?:{alternation(SPEECH_VERBS['zh'])})")
_ZH_ACCORDING = re.compile(
    r"[据據](?P<src>[\u4e00-\u9fff·]{2,12}?)(?:报道|報導|报导|消息|称|稱|介绍)"
)
_BN_VERB = re.compile(
    rf"(?P<name>[{BN_CHARS}\-]+(?:\s+[{BN_CHARS}\-]+){{0,2}}?)\s+"
    rf"(?:{alternation(SPEECH_VERBS['bn'], bengali=True)})(?![{BN_CHARS}])"
)
_CLAUSE_BREAK = re.compile(r".*[,;:—–]\s*", re.S)


def find_quotes(
    text: str,
    sentences: list[tuple[int, int]],
    lang_of: dict[int, str],
    mentions: Sequence[Mention] | None = None,
) -> list[ClaimValue]:
    """Quotes with speakers in the given sentences (lang_of maps a sentence start to its lang).

    With the source's mentions, a speaker is a person or organisation the tagger found where
    the speech verb points, and a pronoun is the first person of the sentence before; a
    Bengali speaker no mention confirms is dropped (the word before বলেন is often a verb or
    a noun: বলেও, আমন্ত্রণ)."""
    quotes: list[ClaimValue] = []
    for index, (s_start, s_end) in enumerate(sentences):
        for match in _QUOTE.finditer(text, s_start, s_end):
            group = next(i for i in range(1, len(QUOTE_PAIRS) + 1) if match.group(i) is not None)
            inner_start, inner_end = match.start(group), match.end(group)
            inner = text[inner_start:inner_end]
            if _is_scare_quote(inner):
                continue
            lang = lang_of.get(s_start, "en")
            speaker = _speaker(text, lang, s_start, s_end, match.start(), match.end())
            if mentions is None:
                speaker = _resolve_speaker(text, speaker, lang, sentences, index, match.start())
            else:
                previous = sentences[index - 1][0] if index else s_start
                speaker = named_speaker(text, speaker, lang, (previous, s_start, s_end), mentions)
                if speaker and lang == "en" and " " not in speaker:
                    speaker = complete_name(text, speaker, match.start()) or speaker
            quotes.append(
                ClaimValue(
                    "quote", inner_start, inner_end, inner, None, None, None, speaker=speaker
                )
            )
    return quotes


def find_source(
    text: str, start: int, end: int, lang: str, mentions: Sequence[Mention] | None = None
) -> str | None:
    """Who a sentence is attributed to without a quote ("according to X", "X said", "据X报道");
    with mentions, checked as find_quotes checks speakers."""
    source = _rule_source(text, start, end, lang)
    if mentions is None:
        return source
    return named_speaker(text, source, lang, (start, start, end), mentions)


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
    if speaker.lower() in PRONOUNS or speaker in PRONOUNS:
        earlier = [m for m in mentions if m.type == "person" and previous <= m.start < start]
        return _mention_name(earlier[0]) if earlier else None
    at = text.rfind(speaker, start, end)
    if at >= 0:
        hits = [
            m
            for m in mentions
            if m.type in ("person", "organization") and m.start < at + len(speaker) and at < m.end
        ]
        if hits:
            return _mention_name(hits[-1])
    if lang != "bn":
        return speaker
    return _bn_subject_mention(text, at if at >= 0 else end, start, end, mentions)


def _bn_subject_mention(
    text: str, verb_at: int, start: int, end: int, mentions: Sequence[Mention]
) -> str | None:
    """The subject of a Bengali speech verb that the rules could not name: the nearest person
    before it in the nominative (নাকভি ... আমন্ত্রণ জানান; not নাকভিকে), else the person right
    after it (... বলেও জানান সচিব মহসিন নাকভি)."""
    people = [m for m in mentions if m.type == "person" and start <= m.start and m.end <= end]
    before = [m for m in people if m.end <= verb_at and m.text == m.match_form]
    if before:
        return _mention_name(before[-1])
    after = [m for m in people if m.start >= verb_at]
    return _mention_name(after[0]) if after else None


def _mention_name(mention: Mention) -> str:
    return mention.match_form if mention.lang == "bn" else mention.text


def _rule_source(text: str, start: int, end: int, lang: str) -> str | None:
    if lang == "zh":
        found = _ZH_ACCORDING.search(text, start, end)
        return found.group("src") if found else None
    if lang == "bn":
        found = _BN_VERB.search(text, start, end)
        return _bn_subject(found.group("name")) if found else None
    if lang != "en":  # no attribution tables for this language
        return None
    found = _ACCORDING_TO.search(text, start, end)
    if found:
        return found.group("src")
    found = _EN_AFTER.search(text, start, end)
    if found and (found.group("a") or found.group("b")):
        return found.group("a") or found.group("b")
    return None


def _is_scare_quote(inner: str) -> bool:
    han = sum(1 for ch in inner if "\u4e00" <= ch <= "\u9fff")
    if han > len(inner) / 2:
        return han <= SCARE_QUOTE_MAX_HAN
    return len(inner.split()) <= SCARE_QUOTE_MAX_WORDS


def _speaker(
    text: str, lang: str, s_start: int, s_end: int, q_start: int, q_end: int
) -> str | None:
    lead = text[s_start:q_start]
    if lang == "zh":
        found = _last(_ZH_VERB.finditer(lead))
        if found:
            name = re.split(r"[，,。：:；、“”]", found.group("name"))[-1]
            return name or None
        return None
    if lang == "bn":
        found = _last(_BN_VERB.finditer(lead))
        return _bn_subject(found.group("name")) if found else None
    if lang != "en":  # no speech-verb tables for this language
        return None
    after = _EN_AFTER.match(text, q_end, s_end)
    if after:
        return after.group("a") or after.group("b")
    verb = _last(_EN_VERB_SEARCH.finditer(lead))
    if verb is None:
        according = _ACCORDING_TO.search(text, q_end, s_end)
        return according.group("src") if according else None
    before_verb = lead[: verb.start()]
    clause = _CLAUSE_BREAK.sub("", before_verb).strip()
    if not clause:  # "Song Jiayi, police chief of ..., said": the subject opens the sentence
        clause = re.split(r"[,;:—–]", before_verb, maxsplit=1)[0].strip()
    words = clause.split()
    return " ".join(words[-8:]) if words else None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last match: the speech verb nearest the quote."""
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _bn_subject(phrase: str) -> str:
    word = phrase.split()[-1]
    folded = fold_bengali(word)
    for suffix in BN_CASE_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix) + 1:
            return word[: len(word) - len(suffix)]
    return word


def _resolve_speaker(
    text: str,
    speaker: str | None,
    lang: str,
    sentences: list[tuple[int, int]],
    index: int,
    before: int,
) -> str | None:
    if speaker is None:
        return None
    if speaker.lower() in PRONOUNS or speaker in PRONOUNS:
        if lang == "bn" and index > 0:
            return _bn_sentence_subject(text, *sentences[index - 1]) or speaker
        return speaker
    if lang == "en" and " " not in speaker:
        return complete_name(text, speaker, before) or speaker
    return speaker


def complete_name(text: str, short: str, before: int) -> str | None:
    """The one full name in text[:before] that `short` abbreviates ("Qi" -> "Qi Yanjun").

    The other token must never be written in lowercase in the text, so "Public Security Wang"
    does not count as a name while "Wang Xiaohong" does.
    """
    if not short[:1].isupper():
        return None
    word = re.escape(short)
    pattern = re.compile(rf"\b{word}\s+([A-Z][a-z]+)\b|\b([A-Z][a-z]+)\s+{word}\b")
    fits = set()
    for found in pattern.finditer(text, 0, before):
        other = found.group(1) or found.group(2)
        if re.search(rf"\b{other.lower()}\b", text) is None:
            fits.add(found.group())
    return fits.pop() if len(fits) == 1 else None


def _bn_sentence_subject(text: str, start: int, end: int) -> str | None:
    for word in text[start:end].split()[:4]:
        folded = fold_bengali(word.strip(",;:"))
        if folded in BN_LEADING_ADVERBS:
            continue
        return _bn_subject(word.strip(",;:"))
    return None
