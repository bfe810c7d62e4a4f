"""Data flows one way: no module imports from a later stage, and no stage imports report/.

Stage order: text/, vocab, lang (the registry), db → ingest → extract → entities → match →
verdicts → report. The shell (cli, pipeline, render, output, __main__) may import anything.
Two pure parts of entities/ sit at extraction's level, because mentions are found while claims
are extracted: entities/mentions/ (the Mention record and the finders' dispatch) and
entities/names/ (romanisation, name keys, places). Each language's folder (lang/<code>/) plugs
its rules into the stages' pure modules; it may import those, never a stage's ledger code
(stage.py, queries.py), report/ or the shell. Imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
SHELL = {"cli", "pipeline", "render", "output", "__main__", "__init__"}
LEVELS = {
    "text": 0, "vocab": 0, "lang": 0, "db": 0, "migrations": 0, "lazy": 0, "loading": 0,
    "ingest": 1,
    "extract": 2, "entities.mentions": 2, "entities.names": 2,
    "entities": 3,
    "match": 4,
    "verdicts": 5,
    "report": 6,
}  # fmt: skip
PLUGIN = "plugin"  # lang/<code>/


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts == ("__init__",):
        return "__init__"  # the public API: part of the shell
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def level_of(module: str) -> int | str | None:
    """The level of a module name relative to the package ('' is the package itself)."""
    parts = module.split(".")
    if module in ("", "__version__"):  # the package's version
        return 0
    if parts[0] in SHELL:
        return None
    if parts[0] == "lang" and len(parts) > 1 and (PACKAGE / "lang" / parts[1]).is_dir():
        return PLUGIN
    for length in (2, 1):
        prefix = ".".join(parts[:length])
        if prefix in LEVELS:
            return LEVELS[prefix]
    raise AssertionError(f"factcheck.{module} has no place in the stage order: add it to LEVELS")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module relative to factcheck) of every factcheck import in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "factcheck":  # from factcheck import vocab
                names = [f"factcheck.{alias.name}" for alias in node.names]
        for name in names:
            if name == "factcheck" or name.startswith("factcheck."):
                found.append((node.lineno, name.removeprefix("factcheck").lstrip(".")))
    return found


def is_ledger_code(module: str) -> bool:
    return module.split(".")[-1] in {"stage", "queries"}


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_no_module_imports_from_a_later_stage(path: Path) -> None:
    importer = module_name(path)
    own_level = level_of(importer)
    if own_level is None:
        return
    wrong = []
    for line, imported in imported_modules(path):
        level = level_of(imported)
        if own_level == PLUGIN:
            bad = level is None or level == 6 or is_ledger_code(imported)
        else:
            bad = level is None or level == PLUGIN or level > own_level
        if bad:
            wrong.append(f"line {line}: factcheck.{importer} imports factcheck.{imported}")
    assert not wrong, "\n".join(wrong)


def test_the_rule_catches_a_backward_import() -> None:
    assert level_of("extract.stage") == 2 and level_of("verdicts.stage") == 5
    assert level_of("report.formats") == 6 and level_of("lang.en.cues") == PLUGIN
    assert level_of("entities.mentions.model") == 2 and level_of("entities.stage") == 3
    assert level_of("cli") is None
