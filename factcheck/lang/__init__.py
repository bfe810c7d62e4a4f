"""The language registry: which languages have rules of their own, each in one folder here
(en/, zh/, bn/), and the explicit fallback (fallback/) for every other language.

A language folder's `__init__.py` defines LANGUAGE, a `Language` naming its hooks: check-worthiness
rules, mention finder, role titles, cue-word tables (modality, event verbs, comparisons), number
words, date words, speech verbs, page-metadata labels, the romanisation of its names and its
forms of the lexicon's concepts. A new language is one folder and one line in REGISTRY. A
language not in the registry gets the fallback's language-independent rules, with a reason that
says so, never another language's rules.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module, resources
from importlib.util import find_spec
from typing import Any

# ISO 639-1 code -> the module defining its LANGUAGE. The one place a language is registered.
REGISTRY: dict[str, str] = {
    "en": "factcheck.lang.en",
    "zh": "factcheck.lang.zh",
    "bn": "factcheck.lang.bn",
}
FALLBACK = "factcheck.lang.fallback"

_active: dict[str, str] = REGISTRY


@dataclass(frozen=True)
class Language:
    """What the pipeline needs to know of a language. Hooks are called lazily, so a language's
    tables and models load only when a passage in it is read."""

    code: str
    name: str
    checkworthy_rules: Callable[[], Any]  # () -> extract.checkworthy.rules.RuleSet
    find_mentions: Callable[[str, int, int | None], list[Any]]  # (text, start, end) -> Mentions
    # (text, start, end) -> role SubClaims from titles next to names; none by default.
    find_roles: Callable[[str, int, int], list[Any]] = lambda text, start, end: []
    # Regex sources. Modality cues are (modality, pattern) in order of precedence after the
    # question mark; the first, a wish, must open the sentence.
    modality_cues: tuple[tuple[str, str], ...] = ()
    event_verbs: str | None = None
    coordinated_event: str | None = None  # a second, coordinated event; group 'verb' starts it
    comparison: str | None = None
    # Its words for the stages' finders, each a record the finder defines (None: it has none):
    # extract.numbers.NumberWords, text.dates.DateWords, extract.quotes.SpeechRules.
    numbers: Any = None
    dates: Any = None
    speech: Any = None
    romanization: Any = None  # entities.names.romanize.Romanization: its names in Latin letters
    metadata: Any = None  # ingest.metadata.MetadataWords: labels of a page's date and source lines
    # () -> the text of its lexicon.tsv (concept, forms), and whether those forms are matched
    # as whole words, case-folded (else as substrings of the NFC text).
    lexicon: Callable[[], str] | None = None
    lexicon_whole_words: bool = False
    # How its cue words (stance cues, title qualifiers) are matched: as whole words, case-folded
    # (lexicon_whole_words), or as substrings; with `letters` (a regex class of its script's
    # letters) a form must start a word, '~form' must end one and 'form=' must be the whole word.
    letters: str | None = None
    # Whether it writes spaces between words (so "the words after a negation" can be counted).
    writes_spaces: bool = True
    # () -> the text of its stance_cues.tsv (kind, forms): how a source stands towards what it
    # reports (match/stance.py).
    stance_cues: Callable[[], str] | None = None
    # Words that make a title another office ("vice", "副"), '|'-separated (match/titles.py).
    title_qualifiers: str | None = None
    # text -> the content words claim matching blocks on (match/keywords.py); None: the
    # language-independent word split.
    keywords: Callable[[str], frozenset[str]] | None = None
    # word -> the word with its endings folded, for comparing wordings (match/similarity.py).
    fold_word: Callable[[str], str] | None = None
    # The scripts its names are written in (text.scripts.script_of names: latin, han, bengali):
    # a name's title words and qualifiers are those of the languages of its script.
    scripts: tuple[str, ...] = ()
    # () -> the text of its name_titles.tsv (word, kind): titles stripped from a person's name.
    name_titles: Callable[[], str] | None = None
    # word -> the qualifier it makes of a title in a name ("ex" -> "former"); and a prefix
    # written on the office itself with the offices it makes vice ones of (Bengali উপ).
    name_qualifiers: tuple[tuple[str, str], ...] = ()
    vice_prefix: tuple[str, tuple[str, ...]] | None = None
    # () -> the text of its wires.tsv (key, forms): news agencies and press releases, whose
    # stories count as one origin however many outlets print them (match/wires.py).
    wires: Callable[[], str] | None = None
    # On the fallback only: why this language has no rules of its own, shown with its claims.
    fallback_reason: str | None = None

    @property
    def is_fallback(self) -> bool:
        return self.fallback_reason is not None


def folder_language(
    package: str,
    code: str,
    name: str,
    *,
    lexicon_whole_words: bool = False,
    letters: str | None = None,
    scripts: tuple[str, ...] = (),
    writes_spaces: bool = True,
) -> Language:
    """The language whose folder `package` holds the usual modules: checkworthy.py (`rules`),
    mentions.py (`find_mentions`), roles.py (`find_roles`) and cues.py (with TITLE_QUALIFIERS,
    NAME_QUALIFIERS and VICE_PREFIX where it has them); and, where the language has them,
    numbers.py (`NUMBERS`), dates.py (`DATES`), speech.py (`SPEECH`), romanize.py
    (`ROMANIZATION`), metadata.py (`METADATA`), keywords.py (`keywords`, `fold_word`),
    lexicon.tsv, stance_cues.tsv and name_titles.tsv.
    The first three are imported when a passage in the language first needs them."""
    cues = import_module(f"{package}.cues")

    def checkworthy_rules() -> Any:
        return import_module(f"{package}.checkworthy").rules()

    def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Any]:
        return import_module(f"{package}.mentions").find_mentions(text, start, end)

    def find_roles(text: str, start: int, end: int) -> list[Any]:
        return import_module(f"{package}.roles").find_roles(text, start, end)

    return Language(
        code=code,
        name=name,
        checkworthy_rules=checkworthy_rules,
        find_mentions=find_mentions,
        find_roles=find_roles,
        modality_cues=tuple(cues.MODALITY_CUES),
        event_verbs=cues.EVENT_VERBS,
        coordinated_event=cues.COORDINATED_EVENT,
        comparison=cues.COMPARISON,
        numbers=_optional(package, "numbers", "NUMBERS"),
        dates=_optional(package, "dates", "DATES"),
        speech=_optional(package, "speech", "SPEECH"),
        romanization=_optional(package, "romanize", "ROMANIZATION"),
        metadata=_optional(package, "metadata", "METADATA"),
        lexicon=_data_file(package, "lexicon.tsv"),
        lexicon_whole_words=lexicon_whole_words,
        letters=letters,
        writes_spaces=writes_spaces,
        stance_cues=_data_file(package, "stance_cues.tsv"),
        title_qualifiers=getattr(cues, "TITLE_QUALIFIERS", None),
        keywords=_optional(package, "keywords", "keywords"),
        fold_word=_optional(package, "keywords", "fold_word"),
        scripts=scripts,
        name_titles=_data_file(package, "name_titles.tsv"),
        name_qualifiers=tuple(getattr(cues, "NAME_QUALIFIERS", {}).items()),
        vice_prefix=getattr(cues, "VICE_PREFIX", None),
        wires=_data_file(package, "wires.tsv"),
    )


def _optional(package: str, module: str, name: str) -> Any:
    """`name` from the folder's `module`, or None when the folder has no such module or the
    module no such name."""
    if find_spec(f"{package}.{module}") is None:
        return None
    return getattr(import_module(f"{package}.{module}"), name, None)


def _data_file(package: str, filename: str) -> Callable[[], str] | None:
    """A reader of the folder's data file, or None when the folder has none."""
    path = resources.files(package).joinpath(filename)
    if not path.is_file():
        return None
    return lambda: path.read_text("utf-8")


@functools.lru_cache(maxsize=1024)
def primary_code(lang: str) -> str:
    """'zh-Hant' -> 'zh', 'en_US' -> 'en'. Cached: matching asks it of every claim, often."""
    return lang.replace("_", "-").split("-")[0].lower()


def language_for(lang: str) -> Language:
    """The registered language of a code (its primary subtag), else the explicit fallback."""
    found = _languages.get(lang)
    if found is None:  # extraction asks about every sentence: the answer is kept per registry
        code = primary_code(lang)
        module = _active.get(code)
        if module is None:
            found = import_module(FALLBACK).fallback_for(code)
        else:
            found = import_module(module).LANGUAGE
        _languages[lang] = found
    return found


_languages: dict[str, Language] = {}  # language_for's answers under the registry in force


def registered_codes() -> tuple[str, ...]:
    return tuple(_active)


def registered_languages() -> tuple[Language, ...]:
    """Every registered language, in registry order."""
    return tuple(language_for(code) for code in _active)


def languages_of_script(script: str | None) -> tuple[Language, ...]:
    """The registered languages whose names are written in `script`, in registry order."""
    return tuple(language for language in registered_languages() if script in language.scripts)


def registry_key() -> tuple[tuple[str, str], ...]:
    """What tables built from every registered language are cached by: the registry itself."""
    global _registry_key
    if _registry_key is None:
        _registry_key = tuple(_active.items())
    return _registry_key


_registry_key: tuple[tuple[str, str], ...] | None = None


@contextmanager
def temporary_registry(extra: dict[str, str]) -> Iterator[None]:
    """The registry with `extra` languages (code -> module) added, inside the block only."""
    global _active, _registry_key
    saved = _active
    _active = {**saved, **extra}
    _languages.clear()
    _registry_key = None
    try:
        yield
    finally:
        _active = saved
        _languages.clear()
        _registry_key = None
