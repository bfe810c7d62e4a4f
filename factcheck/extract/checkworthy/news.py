"""Check-worthiness of a claim in news: a small logistic model per language over what extraction
has already found in the claim (the sentence's rule/model score, named people, organisations and
places, quotes and their speakers, figures with units, dates, modality, kind) and a few wording
markers of rhetoric and personal narrative.

Nothing here finds mentions or values again: extraction passes them in, so scoring a claim is a
dot product over about twenty features. The weights (news_weights.json, beside this file) were
fitted by benchmarks/calibrate_checkworthy.py on the tune half of the labelled news sample in
benchmarks/checkworthy_news/ (the held-out half was never read); that file states it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factcheck.entities.mentions import Mention
from factcheck.extract.checkworthy.rules import logit, sigmoid
from factcheck.extract.models import ClaimValue

WEIGHTS_FILE = Path(__file__).with_name("news_weights.json")
FIGURE_KINDS = frozenset({"quantity", "percent", "money"})
COUNT_KINDS = frozenset({"quantity", "number"})
TIME_KINDS = frozenset({"date", "duration"})
KINDS = ("event", "role", "quantity", "date", "quote", "attribution", "comparison")
MODALITIES = ("reported", "hedged", "planned")

# What a feature means, for the reasons a fact-checker reads.
MEANINGS = {
    "sentence": "the sentence's wording score",
    "person": "names a person",
    "organization": "names an organisation",
    "local_place": "names a city or province",
    "country": "names a country",
    "names": "several named participants",
    "speaker": "quotes a named speaker",
    "source": "attributed to a named source",
    "figure": "has a figure with a unit",
    "number": "has a number",
    "time": "has a date or duration",
    "rhetoric": "words of rhetoric or generality",
    "first_person": "personal narrative (I, we)",
    "pronoun_start": "starts with a pronoun: a detail of a story told elsewhere",
    "short": "too short to state a fact",
    "past": "tells what happened (past tense)",
    "reporting": "says who said or announced it",
    "institution": "names an institution",
    "habitual": "a general or habitual statement",
    "vague_future": "a plan or guess with no date or figure",
    **{f"kind_{k}": f"a {k} claim" for k in KINDS},
    **{f"modality_{m}": f"{m}" for m in MODALITIES},
}

# Markers per language: rhetoric and generalities, first person, a sentence opening on a pronoun.
_MARKERS: dict[str, dict[str, str]] = {
    "en": {
        "rhetoric": (
            r"\b(?:friendly|friendship|cooperation|mutual|both countries|each other|"
            r"shared|vision|spirit|prosperity|harmony|brotherly|all-weather|ever|always|never|"
            r"must|should|ought|important|importance|significant|crucial|vital|essential|"
            r"truly|indeed|clearly|obviously|perhaps|maybe|hope|believe|think|feel|"
            r"interesting|funny|sad|wonderful|great|terrible|amazing)\b"
        ),
        "first_person": r"\b(?:i|we|me|my|our|us|you|your)\b",
        "pronoun_start": r"^\W*(?:he|she|they|it|this|that|these|those|his|her|their)\b",
        "past": r"\b(?:was|were|had|did|\w{3,}ed)\b",
        "reporting": (
            r"\b(?:said|says|told|announced|stated|reported|confirmed|according to|claimed|"
            r"denied|revealed|wrote|insisted|admitted)\b"
        ),
        "institution": (
            r"\b(?:department|ministry|police|army|agency|council|committee|commission|"
            r"parliament|congress|senate|court|university|bank|company|party|government|"
            r"office|society|association|group|times|post|news|magazine)\b"
        ),
        "habitual": r"\b(?:usually|generally|often|always|normally|tend|tends|can|can't|cannot)\b",
    },
    "zh": {
        "rhetoric": (
            r"友好|友谊|合作|互信|共同|相互|双边关系|进一步|积极|重要|意义|精神|必须|应该|应当|"
            r"希望|要求|努力|不断|深刻|伟大|充分|坚持|加强|促进|推动|弘扬|发展顺利|广泛|普遍"
        ),
        "first_person": r"我|咱",
        "pronoun_start": r"^\W*(?:他|她|它|这|那|其)",
        "past": r"了(?!解)|日|昨天|今天|前夕|年底|近日|日前|曾|已经|已",
        "reporting": r"说|表示|宣布|指出|报道|透露|公布|电|讯|据|称|告诉",
        "institution": (
            r"部|局|委员会|政府|公司|集团|银行|法院|大学|学院|协会|组织|议会|国会|"
            r"委|厅|所|院|队|党"
        ),
        "habitual": r"往往|常常|通常|一般|总是|越来越|是一个|就是|能够|可以",
    },
    "bn": {
        "rhetoric": (
            r"উচিত|দরকার|প্রয়োজন|জরুরি|গুরুত্বপূর্ণ|আশা|মনে হয়|মনে করি|নিশ্চয়ই|হয়তো|বরং|"
            r"কি না|কেন|কীভাবে|সবাই|কেউ|সব সময়|কখনো|সর্বদা|অবশ্যই|দুর্ভাগ্য|দুঃখজনক|হতাশ|"
            r"হবে|হতে পারে|যাবে না|চাই|যেন|তবু|অথচ|নিশ্চিত"
        ),
        "first_person": r"আমি|আমরা|আমার|আমাদের|আমাকে|তোমা|আপনি|আপনার",
        "pronoun_start": r"^\W*(?:তিনি|তাঁর|তার|সে |তারা|তাঁরা|এটা|এটি|এ |এই|ওই)",
        "past": (
            r"(?:েছে|েছেন|েছিল|েছিলেন|েছিলাম|িয়েছে|িয়েছেন|েন নি|লেন|ছিল|ছিলেন|হয়েছে|"
            r"করে|নিয়ে|দিয়ে)(?=[\s,।—]|$)"
        ),
        "reporting": (
            r"বলেন|বলেছেন|বলেছিলেন|জানান|জানিয়েছেন|জানিয়েছিলেন|জানায়|জানিয়েছে|লিখেছিলেন|"
            r"দাবি|অভিযোগ|ঘোষণা|প্রতিবেদন|সূত্র|অনুযায়ী"
        ),
        "institution": (
            r"বিশ্ববিদ্যালয়|মন্ত্রণালয়|কমিশন|পুলিশ|আদালত|সংসদ|লীগ|বিএনপি|একাডেমী|একাডেমি|"
            r"ব্যাংক|সংস্থা|কমিটি|পরিষদ|সরকার|বাহিনী|র্যাব|থানা|জাতিসংঘ|ইনস্টিটিউট|দূতাবাস"
        ),
        "habitual": r"(?:হয়|থাকে|যায়|পারে|না)(?=[।?!]|\s*$)",
    },
}
_SHORT = {"en": 40, "zh": 14, "bn": 30}
_COMPILED: dict[str, dict[str, re.Pattern[str]]] = {
    lang: {name: re.compile(pattern) for name, pattern in markers.items()}
    for lang, markers in _MARKERS.items()
}


@dataclass(frozen=True)
class NewsModel:
    bias: float
    weights: dict[str, float]


@cache
def load_models() -> dict[str, NewsModel]:
    raw = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return {
        lang: NewsModel(block["bias"], block["weights"]) for lang, block in raw["models"].items()
    }


def features(
    sentence_score: float,
    text: str,
    lang: str,
    kind: str,
    modality: str,
    values: Sequence[ClaimValue],
    mentions: Sequence[Mention],
    source: str | None,
    local_places: int,
) -> dict[str, float]:
    """The features of one claim; `local_places` counts its sub-national places (the caller has
    resolved them already)."""
    found: dict[str, float] = {"sentence": max(min(logit(sentence_score), 4.0), -4.0) / 4.0}
    types = {m.type for m in mentions}
    if "person" in types:
        found["person"] = 1.0
    if "organization" in types:
        found["organization"] = 1.0
    places = sum(1 for m in mentions if m.type == "place")
    if local_places:
        found["local_place"] = 1.0
    if places > local_places:
        found["country"] = 1.0
    distinct = len({m.match_form for m in mentions})
    if distinct >= 2:
        found["names"] = min(distinct, 4) / 4.0
    # "two friendly nations", "both countries": a count of one or two is rarely the figure a
    # checker checks, so only larger counts, percentages and money are figures.
    kinds = {v.kind for v in values if v.kind not in COUNT_KINDS or _count(v) > 2}
    if any(v.kind == "quote" and v.speaker for v in values):
        found["speaker"] = 1.0
    if source:
        found["source"] = 1.0
    if kinds & FIGURE_KINDS:
        found["figure"] = 1.0
    elif "number" in kinds:
        found["number"] = 1.0
    if kinds & TIME_KINDS:
        found["time"] = 1.0
    if kind in KINDS:
        found[f"kind_{kind}"] = 1.0
    if modality in MODALITIES:
        found[f"modality_{modality}"] = 1.0
    if modality in ("planned", "hedged") and not kinds & (FIGURE_KINDS | TIME_KINDS):
        found["vague_future"] = 1.0  # a plan or a guess with no date or figure to check
    markers = _COMPILED.get(lang)
    if markers is not None:
        lowered = text.lower() if lang == "en" else text
        for name, pattern in markers.items():
            hits = len(pattern.findall(lowered))
            if hits:
                found[name] = min(hits, 3) / 3.0 if name == "rhetoric" else 1.0
    if len(text.strip()) < _SHORT.get(lang, 30):
        found["short"] = 1.0
    return found


def _count(value: ClaimValue) -> float:
    try:
        return abs(float(value.value))
    except (TypeError, ValueError):
        return 3.0  # not a plain number: keep it


def score(found: dict[str, float], lang: str) -> tuple[float, list[str]] | None:
    """The calibrated probability and the features that moved it most, in words; None for a
    language without a news model."""
    model = load_models().get(lang)
    if model is None:
        return None
    contributions = [(model.weights.get(name, 0.0) * x, name) for name, x in found.items()]
    log_odds = model.bias + sum(c for c, _ in contributions)
    top = sorted((c for c in contributions if c[1] != "sentence" and abs(c[0]) >= 0.3),
                 key=lambda c: -abs(c[0]))[:4]  # fmt: skip
    reasons = [f"{'+' if c > 0 else '−'} {MEANINGS.get(name, name)}" for c, name in top]
    return sigmoid(log_odds), reasons


def describe(probability: float, reasons: list[str]) -> str:
    shown = "; ".join(reasons) if reasons else "nothing beyond the wording"
    return f"news model: {probability:.2f} ({shown})"
