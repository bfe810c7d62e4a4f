"""The entities stage: mentions -> entities across scripts and spellings (mentions/ finds them,
names/ compares them, clustering.py groups them, stage.py writes them with the judgements)."""

from factcheck.entities.stage import EntityReport, merge_entities, resolve_entities, split_entity

__all__ = ["EntityReport", "merge_entities", "resolve_entities", "split_entity"]
