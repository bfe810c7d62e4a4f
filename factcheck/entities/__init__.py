"""The entities stage: mentions -> entities across scripts and spellings (mentions/ holds the
record and the finders' dispatch, names/ compares names, clustering.py groups mentions,
findings.py finds name problems, judgements.py keeps the fact-checker's, stage.py writes it all,
queries.py reads it back)."""

from factcheck.entities.queries import get_entity, list_entities
from factcheck.entities.stage import EntityReport, merge_entities, resolve_entities, split_entity

__all__ = [
    "EntityReport",
    "get_entity",
    "list_entities",
    "merge_entities",
    "resolve_entities",
    "split_entity",
]
