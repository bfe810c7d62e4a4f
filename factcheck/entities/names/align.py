"""Names as sequences of words, aligned word to word across scripts.

Word against word: the learned transliteration model for Han or Bengali against Latin, a
spelling comparison within Latin. Name against name: every word of the shorter name must meet
its own word of the longer, in order; words the longer name has in between are middle names or
patronymics ('Vladimir Vladimirovich Putin' ~ 'Vladimir Putin'); an initial meets a word it
begins ('V. Putin'). A name of one word is a family name only ('মোদি' ~ 'Narendra Modi').
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz.distance import JaroWinkler

from factcheck.entities.names import translit
from factcheck.entities.names.forms import initials_of, is_initial, is_name_prefix
from factcheck.entities.names.romanize import _word_key, romanize
from factcheck.text.scripts import normalize_bengali, script_of

WORD_MATCH = 0.5  # a cross-script word pair counts when the model gives it this probability
# In a name of two or more words transliterated alike, a word may be this weak when the whole
# name, its units pooled, still scores at the model's cut (弗拉基米尔·普京 ~ Vladimir Putin).
WEAK_WORD_MATCH = 0.2
LATIN_MATCH = 0.92  # two Latin spellings of one word: Jaro-Winkler at least this


@dataclass(frozen=True)
class WordMatch:
    similarity: float  # in [0, 1]
    how: str  # see the list below _good
    detail: str


@lru_cache(maxsize=262144)
def word_match(a: str, b: str) -> WordMatch:
    """How well two words, in any of the three scripts, spell one name."""
    sa, sb = script_of(a), script_of(b)
    if sa != "latin" and sb == "latin":
        return _cross(a, sa, b)
    if sb != "latin" and sa == "latin":
        return _cross(b, sb, a)
    if sa == sb == "latin":
        return _latin(a, b)
    if sa == sb:
        if translit.units_of(a, sa) == translit.units_of(b, sb):
            return WordMatch(1.0, "same", f"{a} = {b}")
        # one script, two spellings (নকভি / নাকভি): both through the model's Latin
        return _latin(translit.best_spelling(a, sa), translit.best_spelling(b, sb), f"{a}/{b}")
    # Han against Bengali: through the Latin the Bengali model reads (it is the closer one)
    han, bengali = (a, b) if sa == "han" else (b, a)
    return _cross(han, "han", translit.best_spelling(bengali, "bengali"), via=bengali)


def _latin(a: str, b: str, shown: str | None = None) -> WordMatch:
    la, lb = translit.latin_letters(a), translit.latin_letters(b)
    if not la or not lb:
        return WordMatch(0.0, "none", "no letters")
    if la == lb:
        return WordMatch(1.0, "same", f"{shown or la} same letters")
    jw = JaroWinkler.similarity(la, lb)
    return WordMatch(jw if jw >= LATIN_MATCH else jw * 0.5, "spelling", f"{la}~{lb} JW {jw:.2f}")


@cache
def _known_surnames() -> dict[str, frozenset[str]]:
    """Bengali family names and the anglicised spellings that do not transliterate them
    (বন্দ্যোপাধ্যায় is 'Banerjee'), from data/bn_surnames.tsv."""
    path = resources.files("factcheck.entities.names").joinpath("data/bn_surnames.tsv")
    table = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            native, spellings = line.split("\t")
            table[normalize_bengali(unicodedata.normalize("NFC", native))] = frozenset(
                spellings.split("|")
            )
    return table


def _cross(native: str, script: str, latin: str, via: str | None = None) -> WordMatch:
    letters = translit.latin_letters(latin)
    if script == "bengali":
        key = normalize_bengali(unicodedata.normalize("NFC", native))
        if letters in _known_surnames().get(key, ()):
            return WordMatch(1.0, "known_surname", f"{native} is written '{latin}' in English")
    if script == "han" and romanize(native).replace(" ", "") == letters:
        return WordMatch(1.0, "pinyin", f"{native} is pinyin {letters}")
    scored = translit.score_word(native, script, latin)
    shown = f"{via}→{latin}" if via else latin
    return WordMatch(
        scored.probability, "transliteration", f"{native}~{shown} p={scored.probability:.2f}"
    )


@dataclass(frozen=True)
class Alignment:
    similarity: float  # the weakest aligned word
    pairs: tuple[tuple[str, str, WordMatch], ...]
    skipped: tuple[str, ...]  # words of the longer name left out (middle names)
    family_only: bool  # one name is a family name alone

    def explain(self) -> str:
        text = "; ".join(f"{x}~{y} {m.how} {m.similarity:.2f}" for x, y, m in self.pairs)
        if self.skipped:
            text += f"; middle names left out: {' '.join(self.skipped)}"
        return text


def _good(m: WordMatch, weak: bool = False) -> bool:
    if weak and m.how == "transliteration":
        return m.similarity >= WEAK_WORD_MATCH
    return m.similarity >= (LATIN_MATCH if m.how == "spelling" else WORD_MATCH)


# how a WordMatch was made: "same", "spelling", "pinyin", "transliteration", "initial" (two
# initials of one letter), "initial_of" (an initial standing for a word), "none"


def _initial_match(initial: str, word: str) -> WordMatch | None:
    if not is_initial(initial):
        return None
    first = translit.latin_letters(initial)[:1]
    if is_initial(word):
        if translit.latin_letters(word)[:1] == first:
            return WordMatch(0.9, "initial", f"{initial} = {word}")
        return None
    latin = word if script_of(word) == "latin" else translit.best_spelling(word, script_of(word))
    if first and translit.latin_letters(latin)[:1] == first:
        return WordMatch(0.9, "initial_of", f"{initial} stands for {word}")
    return None


def _pair(x: str, y: str) -> WordMatch:
    return _initial_match(x, y) or _initial_match(y, x) or word_match(x, y)


def _expand_initials(words: tuple[str, ...]) -> tuple[str, ...]:
    """'G.M.' and এটিএম as one Latin initial per letter: ('g.', 'm.'), ('a.', 't.', 'm.')."""
    out: list[str] = []
    for word in words:
        letters = initials_of(word)
        if letters and (script_of(word) != "latin" or len(letters) > 1):
            out += [f"{c}." for c in letters]
        else:
            out.append(word)
    return tuple(out)


def _caps_as_initials(words: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """'ABM' or 'UK' written without dots is initials when the other name spells those
    letters out as initials (এবিএম, ইউ. কে.)."""
    spelled = "".join(
        initials_of(w) or " " for w in other if initials_of(w) and len(initials_of(w)) == 1
    )
    out: list[str] = []
    for word in words:
        if 2 <= len(word) <= 4 and word.isupper() and word.isalpha() and word.lower() in spelled:
            out += [f"{c}." for c in word.lower()]
        else:
            out.append(word)
    return tuple(out)


def _drop_prefix(words: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """'Md.', 'Syed', মোহাম্মদ before a name the other form writes without them ('Haji
    Mohammad Danesh' ~ মোহাম্মদ দানেশ, 'Syed Mushtaq Ali' ~ মুশতাক আলী)."""
    while len(words) > 2 and is_name_prefix(words[0]) and not _good(_pair(words[0], other[0])):
        words = words[1:]
    return words


def align(
    wa: tuple[str, ...], wb: tuple[str, ...], family_first: bool = False, weak: bool = False
) -> Alignment | None:
    """The alignment of two names' words (given names first) when every word of the shorter
    name meets one of the longer, first with first and last with last; else None.

    Initials are one word per letter, a leading 'Md.' that only one form has is left out, and
    two Latin words may be one word in the other script (ত্রিদিবকুমার ~ 'Tridib Kumar')."""
    if not wa or not wb:
        return None
    wa, wb = _expand_initials(wa), _expand_initials(wb)
    wa, wb = _caps_as_initials(wa, wb), _caps_as_initials(wb, wa)
    wa, wb = _drop_prefix(wa, wb), _drop_prefix(wb, wa)
    found = _align(wa, wb, family_first, weak)
    if found is not None or len(wa) == len(wb) or min(len(wa), len(wb)) < 2:
        return found
    longer, shorter = (wa, wb) if len(wa) > len(wb) else (wb, wa)
    for i in range(len(longer) - 1):
        pair = longer[i : i + 2]
        if all(script_of(w) == "latin" and not is_initial(w) for w in pair):
            joined = (*longer[:i], pair[0] + pair[1], *longer[i + 2 :])
            found = _align(joined, shorter, family_first, weak)
            if found is not None:
                return found
    return None


def _align(
    wa: tuple[str, ...], wb: tuple[str, ...], family_first: bool = False, weak: bool = False
) -> Alignment | None:
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) == 1:
        family = long_[0] if family_first else long_[-1]
        m = word_match(short[0], family)
        if len(long_) > 1 and not _good(m, weak):
            return None
        if len(long_) == 1 and not _good(m, weak):
            return None
        return Alignment(m.similarity, ((short[0], family, m),), (), len(long_) > 1)
    first, last = _pair(short[0], long_[0]), _pair(short[-1], long_[-1])
    if not (_good(first, weak) and _good(last, weak)):
        return None
    if first.how.startswith("initial") and last.how.startswith("initial"):
        return None  # initials alone say too little
    pairs = [(short[0], long_[0], first)]
    j = 1
    skipped = []
    for word in short[1:-1]:
        while j < len(long_) - 1:
            m = _pair(word, long_[j])
            j += 1
            if _good(m, weak):
                pairs.append((word, long_[j - 1], m))
                break
            skipped.append(long_[j - 1])
        else:
            return None
    skipped += list(long_[j : len(long_) - 1])
    pairs.append((short[-1], long_[-1], last))
    if skipped and (is_name_prefix(short[0]) or is_name_prefix(long_[0])):
        return None  # 'Syed' first says nothing of who: it cannot anchor a left-out middle name
    if skipped and any(m.how == "initial_of" for _x, _y, m in pairs):
        return None  # 'Mohammed Aziz' is not 'M. A. Aziz': an initial for a word, or a middle
        # name left out, but not both at once
    return Alignment(min(m.similarity for _x, _y, m in pairs), tuple(pairs), tuple(skipped), False)


def key_of(word: str) -> str:
    """A blocking key for one word in any script: the consonant skeleton of its Latin."""
    script = script_of(word)
    latin = word if script == "latin" else translit.best_spelling(word, script)
    return _word_key(translit.latin_letters(latin))


def pooled_score(alignment: Alignment) -> float | None:
    """The mean run score over every unit of a name whose aligned words are all
    transliterations in one script, against that model's cut (≥ 0 passes); else None."""
    pairs = alignment.pairs
    if len(pairs) < 2 or alignment.skipped:
        return None  # every word accounted for: a weak word may not also hide a missing one
    if any(m.how != "transliteration" for _x, _y, m in pairs):
        return None
    scripts = set()
    total = units = 0.0
    for x, y, _m in pairs:
        native, latin = (x, y) if script_of(x) != "latin" else (y, x)
        script = script_of(native)
        scripts.add(script)
        scored = translit.score_word(native, script, latin)
        total += scored.mean_logp * len(scored.path)
        units += len(scored.path)
    if len(scripts) != 1 or not units:
        return None
    return total / units - translit.load_model(scripts.pop()).cut
