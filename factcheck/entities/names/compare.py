"""Compare two names, possibly in different scripts, and say why they match or not.

Rules run from most to least certain; the first that decides returns a NameMatch with its
name and evidence in words. Names of different types never match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from factcheck.entities.names.align import (
    WEAK_WORD_MATCH,
    WORD_MATCH,
    Alignment,
    align,
    pooled_score,
    word_match,
)
from factcheck.entities.names.chinese import (
    looks_like_chinese_name,
    pinyin_surnames,
    split_han_name,
)
from factcheck.entities.names.forms import is_initial, is_name_prefix, person_name
from factcheck.entities.names.places import place_code
from factcheck.entities.names.romanize import _word_key, romanize
from factcheck.text.scripts import script_of

MATCH_THRESHOLD = 0.8
MIN_KEY_LENGTH = 3  # a shorter consonant skeleton ("vnk", "l") collides too often on its own


@dataclass(frozen=True)
class NameForm:
    text: str
    lang: str
    type: str  # "person" | "place" | "organization"


@dataclass(frozen=True)
class NameMatch:
    score: float
    rule: str
    evidence: str

    @property
    def is_match(self) -> bool:
        return self.score >= MATCH_THRESHOLD


@dataclass(frozen=True)
class _Parsed:
    words: tuple[str, ...]  # romanised words
    keys: tuple[str, ...]  # phonetic key per word
    family_first: bool  # Chinese order: family name is words[0]

    @property
    def joined(self) -> str:
        return "".join(self.words)

    @property
    def joined_key(self) -> str:
        return "".join(self.keys)


@lru_cache(maxsize=65536)
def parse_name(form: NameForm) -> _Parsed:
    """Romanised words and keys; native Han person names are split into family + given."""
    text = form.text.strip()
    script = script_of(text)
    family_first = False
    if script == "han" and form.type == "person":
        split = split_han_name(text.replace(" ", ""))
        if split:
            text = " ".join(split)
            family_first = True
    words = tuple(romanize(text).split())
    if script != "han" and form.type == "person" and looks_like_chinese_name(list(words)):
        family_first = True
    return _Parsed(words, tuple(_word_key(w) for w in words), family_first)


def _family_and_given(p: _Parsed) -> tuple[str, ...]:
    """Words in Western order (given names first, family name last)."""
    return p.words[1:] + p.words[:1] if p.family_first and len(p.words) > 1 else p.words


def _quote(p: _Parsed) -> str:
    return "'" + " ".join(p.words) + "'"


def compare(
    a: NameForm,
    b: NameForm,
    use_gazetteer: bool = True,
    use_model: bool = True,
    partial_names: bool = True,
) -> NameMatch:
    """Score two names in [0, 1] with the rule that decided and its evidence.

    `use_model=False` leaves out the learned transliteration model and the alias forms
    (titles, "FAMILY, Given", middle names, initials): the matcher as it was before them,
    kept as the benchmark's baseline. `partial_names=False` leaves out the leading-words
    rule (a name that is the start of the other), to measure what it adds."""
    match = _rules(a, b, use_gazetteer)
    if not use_model or a.type != "person" or match.rule == "type_mismatch":
        return match
    pa, pb = parse_name(a), parse_name(b)
    if match.is_match:
        if match.rule in VETOABLE:
            return _model_veto(a, b, match) or match
        return match
    return _learned(a, b, pa, pb, partial_names) or match


# Titles followed by a given name, not a family name.
GIVEN_NAME_TITLES = frozenset(
    {"pope", "king", "queen", "prince", "princess", "emperor", "empress", "sir", "dame", "lady"}
)
# Rules whose consonant skeletons the learned model may overrule across scripts ('tammann' and
# 奥托曼 share a skeleton; the model knows 奥 does not write 'ta').
VETOABLE = ("phonetic_key", "short_form", "aligned_words")
VETO = 0.1  # 0.5 tried: on the calibration rows one skeleton false merge fewer, recall 0.652
# against 0.668
LEADING_MATCH = 0.7  # each leading word of a partial name must be at least this sure


def _model_veto(a: NameForm, b: NameForm, match: NameMatch) -> NameMatch | None:
    """A skeleton match across scripts that the learned model finds implausible word by word."""
    sa, sb = script_of(a.text), script_of(b.text)
    if {sa, sb} != {"han", "latin"}:
        return None  # on Bengali the skeleton rules made no false merges: nothing to overrule
    native, latin = (a, b) if sb == "latin" else (b, a)
    latin_words = person_name(latin.text).words
    for word in person_name(native.text).words:
        best = max((word_match(word, w) for w in latin_words), key=lambda m: m.similarity)
        if best.similarity < VETO:
            return NameMatch(
                round(min(match.score, 0.79) * 0.5, 3),
                "model_veto",
                f"{match.rule} said yes ({match.evidence}), but the transliteration model "
                f"gives {word} at best {best.similarity:.2f} ({best.detail})",
            )
    return None


def _rules(a: NameForm, b: NameForm, use_gazetteer: bool) -> NameMatch:
    """The hand-written rules, most certain first."""
    if a.type != b.type:
        return NameMatch(0.0, "type_mismatch", f"{a.type} vs {b.type}: never the same entity")
    if a.type == "place" and use_gazetteer:
        code_a, code_b = place_code(a.text, a.lang), place_code(b.text, b.lang)
        if code_a and code_b:
            if code_a == code_b:
                return NameMatch(1.0, "gazetteer", f"both are {code_a} in the gazetteer")
            return NameMatch(0.0, "gazetteer_conflict", f"{code_a} vs {code_b} in the gazetteer")
    pa, pb = parse_name(a), parse_name(b)
    if not pa.words or not pb.words:
        return NameMatch(0.0, "empty", "a name has no letters")
    wa, wb = _family_and_given(pa), _family_and_given(pb)
    if (pa.family_first or pb.family_first) and len(wa) == len(wb) == 2:
        # A Chinese name may be written either way round in Latin or Bengali text.
        swapped = wb[::-1]
        if _order_fit(wa, swapped) > _order_fit(wa, wb):
            wb = swapped
    jw = JaroWinkler.similarity(" ".join(wa), " ".join(wb))
    if pa.joined == pb.joined or "".join(wa) == "".join(wb):
        return NameMatch(1.0, "romanized_exact", f"{_quote(pa)} = {_quote(pb)} romanised")
    key_a, key_b = "".join(_word_key(w) for w in wa), "".join(_word_key(w) for w in wb)
    both_single = len(pa.words) == 1 and len(pb.words) == 1
    if key_a == key_b and len(key_a) >= MIN_KEY_LENGTH:
        # Each script splits words differently ("na ke wei" vs "naqvi"), so compare the
        # skeleton of the whole name; a short skeleton needs the letters to agree too.
        script = script_of(a.text) if script_of(a.text) == script_of(b.text) else None
        if script == "latin" and not _words_close(wa, wb):
            pass  # 'Olga Barynova' vs 'Oleg Baranov': same skeleton, different spellings
        elif script == "bengali" and not (_same_word_keys(wa, wb) or _words_close(wa, wb)):
            pass  # one script splits words alike: জি এম কাদের is not আজিমা আক্তার ('smktr')
        elif a.type != "person" and len(key_a) < 5 and jw < 0.9:
            pass  # 'Monaco' / 欧盟 'mnk': a short skeleton alone does not name a place
        elif len(key_a) >= 5 or jw >= 0.6 or both_single:
            score = 0.85 + 0.15 * jw
            return NameMatch(
                round(score, 3),
                "phonetic_key",
                f"{_quote(pa)} ~ {_quote(pb)} key '{key_a}' = '{key_b}'; Jaro-Winkler {jw:.2f}",
            )
    short = a.type == "person" and (_short_form(pa, pb) or _short_form(pb, pa))
    if short:
        return short
    aligned = _aligned_tokens(wa, wb)
    if aligned:
        return aligned
    keys = (
        f"key '{key_a}' alike but not word by word"
        if key_a == key_b
        else f"keys '{key_a}' / '{key_b}' differ"
    )
    return NameMatch(
        round(min(jw, 0.79) * 0.5, 3),
        "no_match",
        f"{_quote(pa)} vs {_quote(pb)}: {keys}; Jaro-Winkler {jw:.2f}",
    )


def _order_fit(wa: tuple[str, ...], wb: tuple[str, ...]) -> float:
    return sum(JaroWinkler.similarity(x, y) for x, y in zip(wa, wb, strict=False))


def _same_word_keys(wa: tuple[str, ...], wb: tuple[str, ...]) -> bool:
    """নাকভি ~ নকভি word by word: as many words, each with the same skeleton."""
    return len(wa) == len(wb) and all(
        _word_key(x) == _word_key(y) for x, y in zip(wa, wb, strict=True)
    )


def _words_close(wa: tuple[str, ...], wb: tuple[str, ...]) -> bool:
    """Within Latin script a variant spelling keeps each word close (Scholze ~ Scholz)."""
    if len(wa) != len(wb):
        return JaroWinkler.similarity(" ".join(wa), " ".join(wb)) >= 0.9
    return all(JaroWinkler.similarity(x, y) >= 0.88 for x, y in zip(wa, wb, strict=True))


def _short_form(short: _Parsed, full: _Parsed) -> NameMatch | None:
    """'Naqvi' / 纳克维 / নকভি for 'Mohsin Naqvi': one word equal to the full name's family
    name by key, long enough, and not a common Chinese family name shared by millions."""
    if len(short.words) != 1 or len(full.words) < 2:
        return None
    family_word = full.words[0] if full.family_first else full.words[-1]
    key = _word_key(short.words[0])
    if key != _word_key(family_word) or len(key) < MIN_KEY_LENGTH:
        return None
    if short.words[0] in pinyin_surnames() or family_word in pinyin_surnames():
        return None
    jw = JaroWinkler.similarity(short.words[0], family_word)
    return NameMatch(
        round(0.8 + 0.1 * jw, 3),
        "short_form",
        f"{_quote(short)} is the family name of {_quote(full)}: key '{key}'; Jaro-Winkler {jw:.2f}",
    )


def _aligned_tokens(wa: tuple[str, ...], wb: tuple[str, ...]) -> NameMatch | None:
    """Same number of words, in order, each pair a close spelling ('Olaf Scholze' ~ 'Olaf
    Scholz'): every word Jaro-Winkler ≥ 0.9 (≥ 0.88 with one key a prefix of the other)."""
    if len(wa) != len(wb) or len(wa) < 2:
        return None
    sims = []
    for x, y in zip(wa, wb, strict=True):
        sim = JaroWinkler.similarity(x, y)
        kx, ky = _word_key(x), _word_key(y)
        if sim < 0.9 and not (kx and (kx.startswith(ky) or ky.startswith(kx)) and sim >= 0.88):
            return None
        sims.append(sim)
    score = sum(sims) / len(sims)
    if score < 0.9:
        return None
    pairs = ", ".join(f"{x}~{y}" for x, y in zip(wa, wb, strict=True))
    return NameMatch(
        round(0.8 + 0.2 * (score - 0.9) / 0.1, 3),
        "aligned_words",
        f"word by word {pairs}; mean Jaro-Winkler {score:.2f}",
    )


def _learned(
    a: NameForm, b: NameForm, pa: _Parsed, pb: _Parsed, partial_names: bool = True
) -> NameMatch | None:
    """Alias forms and the learned transliteration model, after the rules above said no."""
    na, nb = person_name(a.text), person_name(b.text)
    wa, wb = na.words, nb.words
    latin_a, latin_b = script_of(a.text) == "latin", script_of(b.text) == "latin"
    plain = (na.title, nb.title) == (None, None) and not any(map(is_initial, wa + wb))
    if latin_a and latin_b and len(wa) == len(wb) and not (na.inverted or nb.inverted) and plain:
        return None  # two plain Latin names of as many words: the rules above judged them
    family_first = (pa.family_first and len(wa) > len(wb)) or (
        pb.family_first and len(wb) > len(wa)
    )
    leading = _leading_words(wa, wb) if partial_names and not family_first else None
    if min(len(wa), len(wb)) >= 2 and not family_first and not _family_may_match(wa[-1], wb[-1]):
        return leading  # every rule below needs the family names to meet: test that first
    alignment = align(wa, wb, family_first)
    if alignment is None and (len(wa) == 1) != (len(wb) == 1):
        alignment = _as_one_word(wa, wb)
    if alignment is None and min(len(wa), len(wb)) >= 2:
        weak = align(wa, wb, family_first, weak=True)
        pooled = pooled_score(weak) if weak else None
        if pooled is not None and pooled >= 0:
            return NameMatch(
                round(0.8 + 0.1 * weak.similarity, 3),
                "aligned_names_pooled",
                f"word by word: {weak.explain()}; the name's units pooled score "
                f"{pooled:+.2f} against the model's cut",
            )
    if alignment is None:
        return leading
    titles = [t for t in (na.title, nb.title) if t]
    note = f"; titles set aside: {', '.join(titles)}" if titles else ""
    if alignment.family_only:
        single_title = na.title if len(wa) == 1 else nb.title
        if single_title and single_title.casefold() in GIVEN_NAME_TITLES:
            return None  # 'Pope Francis', 'King Charles': the one word is a given name
        word, family = alignment.pairs[0][0], alignment.pairs[0][1]
        spellings = {romanize(word).replace(" ", ""), romanize(family).replace(" ", "")}
        if spellings & pinyin_surnames() or min(map(len, spellings)) < MIN_KEY_LENGTH:
            return None  # 'Wang' alone is millions of people
        return NameMatch(
            round(0.8 + 0.1 * alignment.similarity, 3),
            "family_name",
            f"'{word}' is the family name of '{' '.join(wb if len(wa) == 1 else wa)}': "
            f"{alignment.explain()}{note}",
        )
    return NameMatch(
        round(0.8 + 0.2 * alignment.similarity, 3),
        "aligned_names",
        f"word by word: {alignment.explain()}{note}",
    )


def _family_may_match(x: str, y: str) -> bool:
    """The last words could meet under some rule below (a weak transliteration, an initial,
    or a Latin word that may join the one before it)."""
    if is_initial(x) or is_initial(y):
        return True
    m = word_match(x, y)
    if m.how == "transliteration":
        return m.similarity >= WEAK_WORD_MATCH or script_of(x) == script_of(y)
    return m.similarity >= WORD_MATCH or m.how == "spelling"


def _as_one_word(wa: tuple[str, ...], wb: tuple[str, ...]):
    """普京 against 'Vladimir Putin' is a family name; 弗拉基米尔普京 written without its dot is
    the whole name as one word: try the Latin words run together."""
    one, many = (wa, wb) if len(wa) == 1 else (wb, wa)
    if script_of(one[0]) == "latin" or not all(script_of(w) == "latin" for w in many):
        return None
    m = word_match(one[0], "".join(many))
    if m.similarity < WORD_MATCH:
        return None
    return Alignment(m.similarity, ((one[0], " ".join(many), m),), (), False)


# A Latin name's regnal or territorial tail: 'Yahya Petra of Kelantan', 'Margrethe II'.
_TAIL_WORDS = frozenset({"of", "bin", "ibn", "binti", "al"})
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})


def _name_core(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words before 'of …' or a regnal number, when at least two are left."""
    for i, word in enumerate(words):
        w = word.casefold().rstrip(".")
        if i >= 2 and (w == "of" or w in _ROMAN):
            return words[:i]
    return words


def _leading_words(wa: tuple[str, ...], wb: tuple[str, ...]) -> NameMatch | None:
    """One name is the other's leading words ('Sabbir Khan' ~ সাব্বির খান শাফিন, 'Alvira Khan
    Agnihotri' ~ আলভিরা খান): a nickname, a second family name or 'of Kelantan' after it.
    At least two words, each a strong match in order, none of them an initial or a prefix
    such as 'Md.', and no common Chinese family name standing for the rest."""
    core_a, core_b = _name_core(wa), _name_core(wb)
    trimmed = (core_a, core_b) != (wa, wb)
    wa, wb = (core_a, core_b) if trimmed else (wa, wb)
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if len(short) < 2 or (len(short) == len(long_) and not trimmed):
        return None
    if any(is_initial(w) or is_name_prefix(w) for w in short + long_[: len(short)]):
        return None
    pairs = []
    for x, y in zip(short, long_, strict=False):
        m = word_match(x, y)
        if m.similarity < LEADING_MATCH or m.how == "spelling" and m.similarity < 0.95:
            return None
        pairs.append(f"{x}~{y} {m.how} {m.similarity:.2f}")
    rest = " ".join(long_[len(short) :]) or "the words after 'of' or a number"
    weakest = min(word_match(x, y).similarity for x, y in zip(short, long_, strict=False))
    return NameMatch(
        round(0.8 + 0.1 * weakest, 3),
        "leading_words",
        f"'{' '.join(short)}' is the start of '{' '.join(long_)}' ({'; '.join(pairs)}); "
        f"'{rest}' left out",
    )
