"""Names across scripts: romanisation, phonetic keys, scored comparison and a place gazetteer."""

from factcheck.names.compare import MATCH_THRESHOLD, NameForm, NameMatch, compare
from factcheck.names.places import place_code
from factcheck.names.romanize import phonetic_key, romanize

__all__ = [
    "MATCH_THRESHOLD",
    "NameForm",
    "NameMatch",
    "compare",
    "phonetic_key",
    "place_code",
    "romanize",
]
