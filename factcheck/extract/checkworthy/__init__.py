"""Is a sentence check-worthy? A specific, verifiable factual statement (who did what, how many,
when, where, in which role) is; questions, slogans, wishes, rhetoric, headings and boilerplate are
not. English combines a small shipped linear model with rule signals; Chinese and Bengali use rule
tables; other languages fall back to script-independent rules. Every score comes with its reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.extract.checkworthy import model
from factcheck.extract.checkworthy.rules import RuleSet, Signal, find_signals, logit, sigmoid
from factcheck.lang import language_for, primary_code

__all__ = ["Checkworthiness", "assess", "assess_many"]

# English prose outside debates (op-eds, press releases) is full of fluent generalities the
# debate-trained model scores high; a claim with nothing specific in it is rarely worth checking.
SPECIFIC_CUES = frozenset({"number", "percent", "date", "titled_person"})
NO_SPECIFICS_WEIGHT = -0.5
NO_SPECIFICS_REASON = "nothing specific: no number, date or titled person"


@dataclass(frozen=True)
class Checkworthiness:
    score: float  # in [0, 1]; 0.5 is the decision boundary
    is_checkworthy: bool
    reasons: tuple[str, ...]  # the signals that fired, in words a fact-checker understands


def rules_for(lang: str) -> RuleSet:
    """A language's rule set (lang/<code>/checkworthy.py), or the fallback's."""
    return language_for(lang).checkworthy_rules()


def _verdict(log_odds: float, reasons: list[str]) -> Checkworthiness:
    score = sigmoid(log_odds)
    return Checkworthiness(score, score >= 0.5, tuple(reasons))


def _signal_reasons(signals: list[Signal]) -> list[str]:
    return [s.reason for s in signals]


def _assess_english(
    scored: model.ModelScore, signals: list[Signal], bias: float
) -> Checkworthiness:
    # Shift the model's log-odds so its tuned threshold lands on 0.5, then let the rules that
    # catch rhetoric (questions, wishes, evaluation, headings) pull it down.
    log_odds = logit(scored.probability) - logit(scored.threshold)
    if not any(s.name in SPECIFIC_CUES for s in signals):
        signals = [*signals, Signal("no_specifics", NO_SPECIFICS_WEIGHT, NO_SPECIFICS_REASON)]
    log_odds += bias + sum(s.weight for s in signals)
    direction = "top words" if scored.probability >= scored.threshold else "top words against"
    words = ", ".join(scored.top_terms) or "none known"
    reasons = [f"model: {scored.probability:.2f} ({direction}: {words})"]
    return _verdict(log_odds, reasons + _signal_reasons(signals))


def assess(sentence: str, lang: str) -> Checkworthiness:
    """How check-worthy one sentence is; lang is 'en', 'zh', 'bn' or anything else (fallback)."""
    return assess_many([(sentence, lang)])[0]


def assess_many(items: Sequence[tuple[str, str]]) -> list[Checkworthiness]:
    """assess() over (sentence, lang) pairs; the English model scores them in one batch."""
    codes = [primary_code(lang) for _, lang in items]
    english = [i for i, (sentence, _) in enumerate(items) if codes[i] == "en" and sentence.strip()]
    scores = dict(zip(english, model.score_many([items[i][0] for i in english]), strict=True))
    results = []
    for i, (sentence, _) in enumerate(items):
        if not sentence.strip():
            results.append(Checkworthiness(0.0, False, ("empty sentence",)))
            continue
        rules = rules_for(codes[i])
        signals = find_signals(sentence, rules)
        if i in scores:
            results.append(_assess_english(scores[i], signals, rules.bias))
            continue
        log_odds = rules.bias + sum(s.weight for s in signals)
        reasons = _signal_reasons(signals) or ["no sign of a specific, verifiable fact"]
        results.append(_verdict(log_odds, reasons))
    return results
