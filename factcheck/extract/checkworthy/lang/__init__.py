"""Per-language rule tables for check-worthiness. A new language is a new module with `rules()`."""

from __future__ import annotations

from importlib import import_module

from factcheck.extract.checkworthy.rules import RuleSet

_MODULES = {"en": "en", "zh": "zh", "bn": "bn"}


def rules_for(lang: str) -> RuleSet:
    """The rule set of a language; languages without their own table get the fallback rules."""
    module = import_module(f"{__name__}.{_MODULES.get(lang, 'fallback')}")
    return module.rules()
