"""Bengali: check-worthiness rules (checkworthy.py), mention finder (mentions.py and mentions.tsv),
cue words for modality, events and comparisons (cues.py), role titles (roles.py)."""

from factcheck.lang import folder_language
from factcheck.text.scripts import BN_CHARS

LANGUAGE = folder_language(__name__, "bn", "Bengali", letters=BN_CHARS, scripts=("bengali",))
