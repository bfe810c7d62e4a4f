"""Bengali speech verbs and pronouns, and who a quote or a sentence is attributed to: the name
(or the title) right before বলেন/জানান ..., past the one spoken to (সাংবাদিকদের, প্রথম আলোকে)
and without its case ending, or right after the verb when the sentence ends with it (...বলেও
জানান মন্ত্রিপরিষদ সচিব); with the source's mentions, the person the tagger found when the words
name no one. A verb or a noun before the verb (বলেও, আমন্ত্রণ, দাবি) names no one, and neither
does an unnamed one (একজন নেতা, ওই সংসদ সদস্য, কমিশনের এক সূত্র)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.entities.mentions.model import Mention
from factcheck.extract.quotes import SpeechRules, mention_name
from factcheck.text.scripts import BN_CHARS, alternation, fold_bengali

VERBS = (
    "বলেন", "বলেছেন", "জানান", "জানিয়েছেন", "জানিয়েছে", "উল্লেখ করেন", "বলে", "বলেছে",
    "বলছিলেন", "বললেন", "বলেছিলেন", "মনে করেন", "দাবি করেন",
)  # fmt: skip
PRONOUNS = frozenset({"তিনি", "তাঁরা", "তারা", "উনি", "তিনিও"})
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
# Who is spoken to, between the speaker and the verb ("সাংবাদিকদের বলেন", "প্রথম আলোকে বলেন").
ADDRESSEES = (
    "প্রথম আলোকে",
    "বিডিনিউজ টোয়েন্টিফোর ডটকমকে",
    "বিডিনিউজ টোয়েন্টিফোর ডটকম",
    "বাংলা ট্রিবিউনকে",
    "সাংবাদিকদের",
    "গণমাধ্যমকে",
    "আমাদের",
    "আমাকে",
)
# Words that end a speaker's title (the name follows them) or stand for the speaker alone.
SPEAKER_TITLES = (
    "মন্ত্রী", "প্রতিমন্ত্রী", "রাষ্ট্রপতি", "প্রেসিডেন্ট", "সচিব", "মুখপাত্র", "রাষ্ট্রদূত",
    "চেয়ারম্যান", "মহাপরিচালক", "গভর্নর", "মেয়র", "মহাসচিব", "উপদেষ্টা", "কমিশনার",
    "বিচারক", "বিচারপতি", "উপাচার্য", "সভাপতি", "সম্পাদক", "সদস্য", "নেতা", "নেতারা",
    "কর্মকর্তা", "জেনারেল", "প্রকাশক", "অর্থনীতিবিদ", "ব্যক্তিত্ব", "পরিচালক", "অধ্যাপক",
    "সাহিত্যিক", "ঔপন্যাসিক", "লেখক",
)  # fmt: skip
# Words between a speaker and the verb that belong to neither ("তিনি আরও বলেছেন").
BETWEEN = {fold_bengali(w) for w in ("আরও", "আরো", "যখন", "আবার", "ও", "এসময়")}
# Words that name no one: verbs, nouns of speech and things, function words.
NOT_NAMES = {
    fold_bengali(w)
    for w in [
        "বলেও",
        "বলে",
        "করে",
        "করেন",
        "দিয়ে",
        "জানিয়ে",
        "তুলে",
        "ধরে",
        "উল্লেখ",
        "আহ্বান",
        "দাবি",
        "কথা",
        "কথাও",
        "মত",
        "মতামত",
        "আমন্ত্রণ",
        "বক্তব্য",
        "বক্তব্যে",
        "লিখিত",
        "সময়",
        "পক্ষে",
        "প্রতি",
        "আরও",
        "আরো",
        "এবং",
        "ও",
        "যে",
        "যা",
        "তা",
        "এ",
        "এই",
        "সে",
        "সেখানে",
        "সম্প্রতি",
        "মঙ্গলবার",
        "বুধবার",
        "বৃহস্পতিবার",
        "শুক্রবার",
        "শনিবার",
        "রবিবার",
        "রোববার",
        "সোমবার",
        "গতকাল",
        "আজ",
        "পরে",
        "এসময়",
        "এদিকে",
        "তবে",
        "কিন্তু",
        "যখন",
        "হয়",
        "হয়েছে",
        "হবে",
        "হয়নি",
        "না",
        "নয়",
        "প্রধান",
        "আবার",
        "হিসেবে",
        "হিসাবে",
        "মনে",
        "তার",
        "তাঁর",
        "তাদের",
        "তাঁদের",
        "আমাদের",
        "আমি",
        "আমরা",
        "আপনি",
        "আপনার",
        "যিনি",
    ]
}
# A speaker these words open is unnamed ("একজন নেতা", "ওই সংসদ সদস্য", "এক সূত্র").
UNNAMED = {
    fold_bengali(w) for w in ("এক", "একজন", "ওই", "কয়েকজন", "অনেকে", "সূত্র", "বিশেষজ্ঞরা", "বক্তারা")
}
# The speaker named after the verb: at most this many words before the sentence ends.
AFTER_VERB_WORDS = 6

_VERB = re.compile(
    rf"(?P<name>[{BN_CHARS}\-]+(?:\s+[{BN_CHARS}\-]+){{0,2}}?)\s+"
    rf"(?:{alternation(VERBS, bengali=True)})(?![{BN_CHARS}])"
)
# A speech verb alone, and the word "বলেও"/"বলে" that only joins a clause to the verb after it.
_VERB_ONLY = re.compile(rf"(?<![{BN_CHARS}])(?:{alternation(VERBS, bengali=True)})(?![{BN_CHARS}])")


def _is_title(word: str) -> bool:
    folded = fold_bengali(word)
    return any(folded.endswith(fold_bengali(title)) for title in SPEAKER_TITLES)


def _has_case(word: str) -> bool:
    """A word with a case ending other than the nominative: বাতিলের, সাংবাদিকদের, সভায়."""
    folded = fold_bengali(word)
    return any(
        folded.endswith(fold_bengali(suffix)) and len(folded) > len(suffix) + 1
        for suffix in ("দের", "কে", "ের", "এর", "তে", "য়ে", "ায়")
    )


def _name_like(word: str) -> bool:
    folded = fold_bengali(word)
    return bool(word) and folded not in NOT_NAMES and not any(ch.isdigit() for ch in word)


def speaker_words(words: list[str]) -> str | None:
    """The speaker in the words before a speech verb (nearest the verb last): the name after
    its title ("ইসি সচিব সিরাজুল ইসলাম" → "সিরাজুল ইসলাম"), else the title itself
    ("প্রধানমন্ত্রী"); "" for someone unnamed ("একজন নেতা", "ওই সংসদ সদস্য"); None when the words
    name no one (a verb or a noun: "দাবি", "আমন্ত্রণ")."""
    run: list[str] = []
    for word in reversed(words):
        word = word.strip(",;:।")
        if not _name_like(word) or (_has_case(word) and not _is_title(word)):
            break
        run.insert(0, word)
        if len(run) >= 5:
            break
    if any(fold_bengali(word) in UNNAMED for word in run):
        return ""
    if not run:
        return None
    if run[-1] in PRONOUNS:
        return run[-1]
    titles = [i for i, word in enumerate(run) if _is_title(word)]
    if not titles:
        return " ".join(run[-3:])
    if name := run[titles[-1] + 1 :]:
        return " ".join(name)
    if len(titles) > 1 and (name := run[titles[-2] + 1 : titles[-1]]):
        return " ".join(name)  # a name between two titles ("সদস্য ফরিদ আহমেদ প্রকাশক")
    return " ".join(run[max(0, titles[-1] - 1) :])  # the title ("মন্ত্রিপরিষদ সচিব")


def title_subject(words: list[str], *, first: bool = False) -> str | None:
    """The speaker named by a title when the words before the verb name no one ("... অংশের
    সভাপতি আব্দুল হাই শিকদার নীতিমালা বাতিলের দাবি জানান", "পররাষ্ট্র প্রতিমন্ত্রী যে কথা বলেছেন"):
    up to three name-like words after the title nearest the verb (or the first title, for the
    subject of a sentence), ending before the noun of a genitive phrase (নীতিমালা বাতিলের); else
    the title itself with the word before it."""
    titles = [at for at, word in enumerate(words) if _is_title(word) and not _has_case(word)]
    if not titles:
        return None
    at = titles[0] if first else titles[-1]
    name: list[str] = []
    for n, following in enumerate(words[at + 1 : at + 4], start=at + 1):
        following = following.strip(",;:।")
        if not _name_like(following) or _has_case(following) or _is_title(following):
            break
        if n + 1 < len(words) and _has_case(words[n + 1]) and name:
            break
        name.append(following)
    if name:
        return " ".join(name)
    title = [words[at].strip(",;:।")]
    if at and _name_like(words[at - 1]) and not _has_case(words[at - 1]):
        title.insert(0, words[at - 1])
    return " ".join(title)


def previous_speaker(text: str, previous: int, start: int) -> str | None:
    """Whom a pronoun opening a sentence means when the tagger found no person before it: the
    speaker of the sentence before, else the name after its first title."""
    found = source_of_sentence(text, previous, start)
    if found and found not in PRONOUNS and speaker_words(found.split()) == found:
        return found
    return title_subject(text[previous:start].split(), first=True)


def _without_addressee(before: str) -> str:
    stripped = before.rstrip()
    for addressee in sorted(ADDRESSEES, key=len, reverse=True):
        if fold_bengali(stripped).endswith(fold_bengali(addressee)):
            return stripped[: len(stripped) - len(addressee)]
    words = stripped.split()
    if words and fold_bengali(words[-1]).endswith(("কে", "দের")) and not _is_title(words[-1]):
        return stripped[: stripped.rfind(words[-1])]
    return stripped


# Words before a speech verb that make its subject follow it ("...হবে বলেও জানান সচিব").
INVERTING = {fold_bengali(w) for w in ("বলে", "বলেও", "কথা", "কথাও")}


def speaker_at(text: str, start: int, end: int, verb: re.Match[str]) -> str | None:
    """The speaker of one speech verb in text[start:end]: named right after it in the inverted
    order (…বলেও জানান মন্ত্রিপরিষদ সচিব, up to a comma), else before it; the last word before it
    when the words name no one, for the mentions to judge (subject_mention)."""
    before = _without_addressee(text[start : verb.start()]).split()
    while len(before) > 1 and fold_bengali(before[-1]) in BETWEEN:
        before.pop()
    after = re.split(r"[,;:]", text[verb.end() : end].strip().rstrip("।.!?"))[0].split()
    inverted = bool(before) and fold_bengali(before[-1]) in INVERTING
    named_after = after and len(after) <= AFTER_VERB_WORDS
    if named_after and (inverted or any(map(_is_title, after))) and (found := speaker_words(after)):
        return found
    found = speaker_words(before)
    if found == "":
        return None  # someone unnamed
    if found is None and before and before[0].strip(",") in PRONOUNS:
        return before[0].strip(",")  # "তিনিও ... তাঁর বিপর্যয়ের কথা জানান"
    if found is None:
        found = title_subject(before)
    return found or (subject(before[-1]) if before else None)


def subject(phrase: str) -> str:
    """The last word of the phrase before a speech verb, without its case ending."""
    word = phrase.split()[-1]
    folded = fold_bengali(word)
    for suffix in CASE_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix) + 1:
            return word[: len(word) - len(suffix)]
    return word


def _verbs(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Speech verbs in text[start:end], past a "বলে" that only joins a clause ("...হবে বলে
    জানান"): that one is no verb of its own when another follows it."""
    found = list(_VERB_ONLY.finditer(text, start, end))
    return [
        verb
        for n, verb in enumerate(found)
        if not (
            verb.group(0) == "বলে"
            and n + 1 < len(found)
            and found[n + 1].start() - verb.end() <= 40
        )
    ]


def speaker_of_quote(text: str, s_start: int, s_end: int, q_start: int, q_end: int) -> str | None:
    verbs = _verbs(text, s_start, q_start)
    return speaker_at(text, s_start, q_start, verbs[-1]) if verbs else None


def source_of_sentence(text: str, start: int, end: int) -> str | None:
    verbs = _verbs(text, start, end)
    if not verbs:
        return None
    # A sentence's first words before the verb are its frame ("মঙ্গলবার ... বলেন, ..."); a
    # second speech verb inside what is said ("..., গ্র্যান্ড মুফতি ... বলেছে") is not its source.
    return speaker_at(text, start, end, verbs[0])


def sentence_subject(text: str, start: int, end: int) -> str | None:
    """The subject opening a sentence, past its leading adverbs: whom a later pronoun means."""
    for word in text[start:end].split()[:4]:
        folded = fold_bengali(word.strip(",;:"))
        if folded in LEADING_ADVERBS:
            continue
        return subject(word.strip(",;:"))
    return None


def subject_mention(
    text: str,
    verb_at: int,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    speaker: str = "",
) -> str | None:
    """The speaker of a Bengali speech verb that no mention confirms: the words' speaker when
    they are a name or a title (speaker_words: the tagger misses many Bengali names), else the
    nearest person before the verb in the nominative (নাকভি ... আমন্ত্রণ জানান; not নাকভিকে),
    else the person right after it (... বলেও জানান সচিব মহসিন নাকভি)."""
    if speaker and speaker_words(speaker.split()) == speaker:
        return speaker
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
    pronoun_antecedent=previous_speaker,
    names_by_match_form=True,
)
