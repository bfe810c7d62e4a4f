"""The entities stage: mentions -> entities across scripts and spellings (mentions/ holds the
record and the finders' dispatch, names/ compares names, clustering.py groups mentions,
findings.py finds name problems, judgements.py keeps the fact-checker's, stage.py writes it all,
queries.py reads it back)."""

from factcheck.lazy import lazy_exports

__all__ = [
    "EntityReport",
    "get_entity",
    "list_entities",
    "merge_entities",
    "resolve_entities",
    "split_entity",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "get_entity": "factcheck.entities.queries",
        "list_entities": "factcheck.entities.queries",
        "EntityReport": "factcheck.entities.stage",
        "merge_entities": "factcheck.entities.stage",
        "resolve_entities": "factcheck.entities.stage",
        "split_entity": "factcheck.entities.stage",
    },
)
