"""Chinese speech verbs and pronouns, and who a quote or a sentence is attributed to: the name
before 表示/说/指出 ..., "据X报道"."""

from __future__ import annotations

import re

from factcheck.extract.quotes import SpeechRules, last_match
from factcheck.text.scripts import alternation

VERBS = ("表示", "说", "說", "称", "稱", "指出", "强调", "強調", "透露", "介绍", "介紹", "认为",
         "認為")  # fmt: skip
PRONOUNS = frozenset({"他", "她", "他们", "她們", "他們"})

_VERB = re.compile(rf"(?P<name>[\u4e00-\u9fff·]{{1,12}}?)(?:{alternation(VERBS)})")
_ACCORDING = re.compile(r"[据據](?P<src>[\u4e00-\u9fff·]{2,12}?)(?:报道|報導|报导|消息|称|稱|介绍)")


def speaker_of_quote(text: str, s_start: int, s_end: int, q_start: int, q_end: int) -> str | None:
    found = last_match(_VERB.finditer(text[s_start:q_start]))
    if found:
        name = re.split(r"[，,。：:；、“”]", found.group("name"))[-1]
        return name or None
    return None


def source_of_sentence(text: str, start: int, end: int) -> str | None:
    found = _ACCORDING.search(text, start, end)
    return found.group("src") if found else None


SPEECH = SpeechRules(
    verbs=VERBS,
    pronouns=PRONOUNS,
    speaker_of_quote=speaker_of_quote,
    source_of_sentence=source_of_sentence,
)
