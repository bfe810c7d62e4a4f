"""The news check-worthiness model (extract/checkworthy/news.py) on sentences of the seeds: a named
organisation's request becomes check-worthy, "two friendly nations" is no figure, English keeps
its debate model, and the shipped weights say where they came from."""

from __future__ import annotations

import json

from factcheck.extract import PassageSpan, extract_claims
from factcheck.extract.checkworthy.news import WEIGHTS_FILE, load_models
from factcheck.extract.extraction import news_features

RHETORIC = (
    "Both countries have supported each other in times of need and have collaborated across "
    "sectors, from infrastructure development to defense and now in law enforcement."
)
FIGURE = (
    "Dedicated Security Force: Pakistan has established a dedicated security force – the Special "
    "Security Division (SSD) – comprised of approximately 14,000 personnel, to protect CPEC "
    "projects and Chinese nationals working in Pakistan."
)
FRIENDLY = "这标志着两个友好国家警察部门之间更广泛的机构伙伴关系的开始。"
# Two sentences of the Bengali seed: the first names Naqvi in full, so the second's "নাকভি"
# resolves to a person.
BRIEFING = (
    "এই ইউনিটের অধীনে সাইবার হামলা প্রতিরোধে ও নিরাপত্তা চ্যালেঞ্জ মোকাবেলায় চীনা-ভিত্তিক এআই "
    "প্রযুক্তির সহায়তা নেওয়া হবে বলেও জানিয়েছেন দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি। "
)
NCCIA_REQUEST = (
    "এসময় নাকভি জাতীয় সাইবার অপরাধ তদন্ত সংস্থা (এনসিসিআইএ) এর সক্ষমতা বৃদ্ধির জন্য চীনা "
    "প্রতিষ্ঠানগুলির সহায়তার আশা করেন।"
)


def claims_of(text: str, lang: str) -> list:
    return extract_claims(text, [PassageSpan(0, len(text), lang)], None, calibrated=False)


def best(
    text: str, lang: str, calibrated: bool = True, after: int = 0
) -> tuple[float, bool, tuple[str, ...]]:
    """The most check-worthy claim starting at or after `after`."""
    claims = extract_claims(text, [PassageSpan(0, len(text), lang)], None, calibrated=calibrated)
    top = max((c for c in claims if c.start >= after), key=lambda c: c.checkworthiness.score)
    return (
        top.checkworthiness.score,
        top.checkworthiness.is_checkworthy,
        top.checkworthiness.reasons,
    )


def test_a_named_organisations_request_becomes_checkworthy() -> None:
    text = BRIEFING + NCCIA_REQUEST
    before, flagged_before, _ = best(text, "bn", calibrated=False, after=len(BRIEFING))
    after, flagged, reasons = best(text, "bn", after=len(BRIEFING))
    assert not flagged_before and flagged
    assert after > before
    assert reasons[0].startswith("news model: ")


def test_two_friendly_nations_is_not_a_figure() -> None:
    claims = extract_claims(FRIENDLY, [PassageSpan(0, len(FRIENDLY), "zh")], None, calibrated=False)
    found = [news_features(c) for c in claims]
    assert any(v.kind == "quantity" for c in claims for v in c.values)  # extraction counts 两个
    assert not any("figure" in f for f in found)
    assert any("figure" in news_features(c) for c in claims_of(FIGURE, "en"))


def test_english_keeps_its_debate_model_score() -> None:
    # Cross-validated on the tune half, the news features ranked English news no better than the
    # debate-trained model alone, so calibrate_checkworthy.py shipped no English model.
    assert best(RHETORIC, "en") == best(RHETORIC, "en", calibrated=False)


def test_weights_state_their_provenance_for_each_language() -> None:
    raw = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert "tune half" in raw["provenance"] and "held-out half was never read" in raw["provenance"]
    assert {"zh", "bn"} <= set(load_models()) <= {"en", "zh", "bn"}
