"""Chinese: check-worthiness rules (checkworthy.py), mention finder (mentions.py and mentions.tsv),
cue words for modality, events and comparisons (cues.py), role titles (roles.py)."""

from factcheck.lang import folder_language

LANGUAGE = folder_language(__name__, "zh", "Chinese", scripts=("han",), writes_spaces=False)
