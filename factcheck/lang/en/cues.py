"""English cue words as regex sources: event verbs, coordinated events, comparisons and
modality cues (in order of precedence after 'question'; the first, a wish, must open the sentence).
"""

from __future__ import annotations

from factcheck.text.scripts import alternation


def _en(words: str) -> str:
    return rf"\b(?:{alternation(words.split('|'))})\b"


# Past-tense verbs that report an event; used to find events and to split coordinated ones.
EVENT_VERBS = _en(
    "visited|met|met with|signed|announced|launched|arrested|killed|repatriated|held|began|"
    "established|deployed|monitored|pledged|decided|attended|hosted|agreed|sent|trained|"
    "opened|inaugurated|occurred|took place|conducted|carried out|detained|captured|seized|"
    "invited|called for|reminded|expanded|set up|rolled out|approved|passed|imposed|banned"
)
# A coordinated second event (group 'verb' starts it).
COORDINATED_EVENT = rf",?\s+and\s+(?:then\s+|also\s+|later\s+)?(?P<verb>{EVENT_VERBS})"
COMPARISON = _en(
    "more than|less than|fewer than|compared with|compared to|twice as|double|largest|"
    "biggest|highest|lowest|smallest|second-largest|most|least|than|outnumber|surpass|"
    "surpassed|exceeds|exceeded"
)
MODALITY_CUES: list[tuple[str, str]] = [
    ("opinion", r"(?:May\s+(?:this|the|it|we|they|our|all|God|Allah|these|his|her|you)\b"
                r"|Let us\b|Long live\b|Hopefully\b)"),
    ("reported", _en("reportedly|according to|said|says|told|stated|claimed|claims|claim|"
                     "alleged|allegedly|revealed|reported|quoted|cited|as per")),
    ("hedged", r"\b(?:may|might|could|likely|unlikely|potentially|possibly|perhaps|probably|"
               r"appears? to|seems? to|suggests?|is thought to|believed to)\b"),
    ("planned", r"\b(?:will|shall|(?:is|are|was|were)\s+(?:\w+\s+)?(?:expected|slated|set|"
                r"scheduled|due|poised|planned|going)\s+to|slated to|plans? to|aims? to|"
                r"intends? to|to be held|upcoming)\b"),
    ("opinion", r"(?i:\b(?:classic example|win-win|must|should|ought to|needs? to|is key to|"
                r"clear indication|far-reaching significance|promising|remarkabl[ey]|"
                r"visionary|ironclad|it is about|cannot be overlooked|not just about|"
                r"emblematic|we believe|in my view|i think)\b)"),
]  # fmt: skip

# Words that make a title another office ("Vice President" is not "President"; match/titles.py).
TITLE_QUALIFIERS = (
    "vice|deputy|assistant|associate|former|ex|acting|interim|caretaker|outgoing|"
    "incoming|designate|elect|first lady|junior|state|minister of state|under|co"
)
# The same words in a person's title, each as the qualifier it makes ("ex" is "former";
# entities/names/forms.py): a vice president is not the president.
NAME_QUALIFIERS = {
    "vice": "vice",
    "deputy": "deputy",
    "former": "former",
    "ex": "former",
    "acting": "acting",
    "assistant": "assistant",
    "interim": "acting",
}
