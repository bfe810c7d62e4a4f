"""Bengali speech verbs and pronouns, and who a quote or a sentence is attributed to: the word
before বলেন/জানান ... without its case ending; with the source's mentions, the subject the
tagger found when the words before the verb name no one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.entities.mentions.model import Mention
from factcheck.extract.quotes import SpeechRules, last_match, mention_name
from factcheck.text.scripts import BN_CHARS, alternation, fold_bengali

VERBS = ("বলেন", "বলেছেন", "জানান", "জানিয়েছেন", "জানিয়েছে", "উল্লেখ করেন", "বলে", "বলেছে")
PRONOUNS = frozenset({"তিনি", "তাঁরা", "তারা"})
# Words that open a Bengali sentence before its subject ("এসময় নাকভি ...").
LEADING_ADVERBS = {
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
CASE_SUFFIXES = ("কে", "ের", "এর", "র")

_VERB = re.compile(
    rf"(?P<name>[{BN_CHARS}\-]+(?:\s+[{BN_CHARS}\-]+){{0,2}}?)\s+"
    rf"(?:{alternation(VERBS, bengali=True)})(?![{BN_CHARS}])"
)


def subject(phrase: str) -> str:
    """The last word of the phrase before a speech verb, without its case ending."""
    word = phrase.split()[-1]
    folded = fold_bengali(word)
    for suffix in CASE_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix) + 1:
            return word[: len(word) - len(suffix)]
    return word


def speaker_of_quote(text: str, s_start: int, s_end: int, q_start: int, q_end: int) -> str | None:
    found = last_match(_VERB.finditer(text[s_start:q_start]))
    return subject(found.group("name")) if found else None


def source_of_sentence(text: str, start: int, end: int) -> str | None:
    found = _VERB.search(text, start, end)
    return subject(found.group("name")) if found else None


def sentence_subject(text: str, start: int, end: int) -> str | None:
    """The subject opening a sentence, past its leading adverbs: whom a later pronoun means."""
    for word in text[start:end].split()[:4]:
        folded = fold_bengali(word.strip(",;:"))
        if folded in LEADING_ADVERBS:
            continue
        return subject(word.strip(",;:"))
    return None


def subject_mention(
    text: str, verb_at: int, start: int, end: int, mentions: Sequence[Mention]
) -> str | None:
    """The subject of a Bengali speech verb that the rules could not name: the nearest person
    before it in the nominative (নাকভি ... আমন্ত্রণ জানান; not নাকভিকে), else the person right
    after it (... বলেও জানান সচিব মহসিন নাকভি)."""
    people = [m for m in mentions if m.type == "person" and start <= m.start and m.end <= end]
    before = [m for m in people if m.end <= verb_at and m.text == m.match_form]
    if before:
        return mention_name(before[-1])
    after = [m for m in people if m.start >= verb_at]
    return mention_name(after[0]) if after else None


SPEECH = SpeechRules(
    verbs=VERBS,
    pronouns=PRONOUNS,
    speaker_of_quote=speaker_of_quote,
    source_of_sentence=source_of_sentence,
    sentence_subject=sentence_subject,
    unconfirmed_speaker=subject_mention,
    names_by_match_form=True,
)
