"""Names across scripts: romanisation, phonetic keys, scored comparison and a place gazetteer."""

from factcheck.entities.names.compare import MATCH_THRESHOLD, NameForm, NameMatch, compare
from factcheck.entities.names.places import place_code
from factcheck.entities.names.romanize import phonetic_key, romanize

__all__ = [
    "MATCH_THRESHOLD",
    "NameForm",
    "NameMatch",
    "compare",
    "phonetic_key",
    "place_code",
    "romanize",
]
