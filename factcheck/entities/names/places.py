"""Gazetteer: place names in English, Chinese and Bengali → a code.

Countries and territories come from CLDR (via babel, locales en, zh, zh_Hant, bn) and map to
their ISO 3166 code; cities and provinces come from data/places.tsv (ISO 3166-2 style codes).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii

from factcheck.loading import announced
from factcheck.text.scripts import normalize_bengali, script_of

CLDR_LOCALES = ("en", "zh", "zh_Hant", "bn")
# Administrative suffixes dropped before lookup: 北京市 → 北京, 河北省 → 河北.
ZH_ADMIN_SUFFIXES = ("特别行政区", "自治区", "省", "市", "县", "区", "縣", "區", "州")
EN_ADMIN_SUFFIXES = (" province", " city", " county", " municipality", " district", " region")
# Bengali case endings, longest first (কে: accusative, এর/র/ের: genitive, ে/তে/য়ে: locative).
BN_CASE_ENDINGS = tuple(
    normalize_bengali(e) for e in ("য়ের", "দের", "য়ে", "কে", "এর", "ের", "তে", "র", "ে")
)


def _clean_latin(name: str) -> str:
    text = anyascii(unicodedata.normalize("NFC", name)).lower()
    text = re.sub(r"[^a-z0-9 ]+", " ", text.replace("'", "").replace(".", ""))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def normalize_place_name(name: str) -> str:
    """The lookup form of a name in any script (no suffix stripping)."""
    name = name.strip()
    script = script_of(name)
    if script == "latin":
        return _clean_latin(name)
    if script == "bengali":
        return normalize_bengali(unicodedata.normalize("NFC", name)).replace("-", " ")
    return re.sub(r"[\s·・]+", "", name)


def _cldr_variants(name: str) -> list[str]:
    """CLDR names carry qualifiers: 'Myanmar (Burma)', 'Hong Kong SAR China', 中国香港特别行政区."""
    variants = [name]
    paren = re.match(r"^(.*?)\s*[(（](.*?)[)）]\s*$", name)
    if paren:
        variants += [paren.group(1), paren.group(2)]
    for qualifier in (" SAR China", "中国", "特别行政区", "特別行政區", " এসএআর চীনা"):
        if qualifier in name:
            variants.append(name.replace(qualifier, "").strip())
    return [v for v in variants if v]


@cache
@announced("the CLDR place names")
def _gazetteer() -> dict[str, str]:
    """Every lookup form of every known place -> its code."""
    from babel import Locale

    lookup: dict[str, str] = {}
    for locale in CLDR_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if not re.fullmatch(r"[A-Z]{2}", code) or code == "ZZ":
                continue
            for variant in _cldr_variants(name):
                lookup.setdefault(normalize_place_name(variant), code)
    text = (
        resources.files("factcheck.entities.names").joinpath("data/places.tsv").read_text("utf-8")
    )
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _kind, *columns = line.split("\t")
        for column in columns:
            for variant in column.split("|"):
                if variant.strip():
                    lookup.setdefault(normalize_place_name(variant), code)
    return lookup


def _candidates(name: str) -> list[str]:
    """The name, then the name with one administrative suffix or case ending removed."""
    base = normalize_place_name(name)
    forms = [base]
    script = script_of(name)
    if script == "han":
        forms += [base[: -len(s)] for s in ZH_ADMIN_SUFFIXES if base.endswith(s) and len(base) > 2]
    elif script == "latin":
        forms += [base[: -len(s)] for s in EN_ADMIN_SUFFIXES if base.endswith(s)]
    elif script == "bengali":
        forms += [base[: -len(e)] for e in BN_CASE_ENDINGS if base.endswith(e)]
    return forms


@lru_cache(maxsize=65536)
def place_code(name: str, lang: str | None = None) -> str | None:
    """Code of a known place ('巴基斯坦' → 'PK', 'Beijing' → 'CN-BJ'), or None.

    `lang` is a hint only; the script decides. Handles 省/市/县/区 and 'province', Bengali
    case endings (পাকিস্তানের), CLDR qualifiers and the variants in data/places.tsv.
    """
    lookup = _gazetteer()
    forms = _candidates(name)
    for form in forms:
        code = lookup.get(form)
        if code:
            return code
    if script_of(name) == "latin" and forms[0]:
        return _variant_code(forms[0])
    return None


@cache
def _latin_keys() -> dict[str, list[tuple[str, str]]]:
    """Phonetic key → (name, code) for Latin gazetteer names."""
    from factcheck.entities.names.romanize import phonetic_key

    lookup = _gazetteer()
    keys: dict[str, list[tuple[str, str]]] = {}
    for name, code in lookup.items():
        if script_of(name) == "latin":
            keys.setdefault(phonetic_key(name), []).append((name, code))
    return keys


def _variant_code(form: str) -> str | None:
    """A spelling variant ('Pakistán', 'Afganistan'): same phonetic key as exactly one known
    place, a skeleton of five or more letters, and Jaro-Winkler ≥ 0.9 to its name."""
    from rapidfuzz.distance import JaroWinkler

    from factcheck.entities.names.romanize import phonetic_key

    key = phonetic_key(form)
    if len(key.replace(" ", "")) < 5:
        return None
    hits = {
        code
        for name, code in _latin_keys().get(key, [])
        if JaroWinkler.similarity(form, name) >= 0.9
    }
    return hits.pop() if len(hits) == 1 else None


def place_names(script: str) -> list[str]:
    """All lookup forms in one script ('latin', 'han', 'bengali'), longest first."""
    lookup = _gazetteer()
    names = [n for n in lookup if script_of(n) == script]
    return sorted(names, key=len, reverse=True)
