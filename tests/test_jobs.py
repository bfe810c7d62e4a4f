"""`run --jobs N`: files are read and extracted in worker processes, the ledger written by one,
and the ledger comes out the same as with one process or with the files added in two steps."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.db import open_ledger
from factcheck.ingest.reading import Skipped, read_input
from factcheck.pipeline import prepare_file, store_prepared, workers_for

from .conftest import SEEDS
from .ledger_state import ledger_state


def split_seeds(folder: Path) -> list[Path]:
    """Each seed page cut at a paragraph into two real articles: enough files for two workers."""
    folder.mkdir()
    paths = []
    for seed in sorted(SEEDS.glob("*.txt")):
        paragraphs = seed.read_text(encoding="utf-8").split("\n\n")
        half = len(paragraphs) // 2
        for part, chunk in (("a", paragraphs[:half]), ("b", paragraphs[half:])):
            path = folder / f"{seed.stem}_{part}.txt"
            path.write_text("\n\n".join(chunk), encoding="utf-8")
            paths.append(path)
    return paths


def run(ledger: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(ledger), "run", *args])
    assert result.exit_code == 0, result.output


def exported(ledger: Path) -> dict:
    result = CliRunner().invoke(cli, ["--db", str(ledger), "export", "--format", "json"])
    assert result.exit_code == 0, result.output

    def without_times(value):  # type: ignore[no-untyped-def]
        if isinstance(value, dict):
            return {k: without_times(v) for k, v in value.items() if not k.endswith("_at")}
        if isinstance(value, list):
            return [without_times(v) for v in value]
        return value

    return without_times(json.loads(result.output))


def test_two_workers_give_the_ledger_one_process_gives(tmp_path: Path) -> None:
    paths = split_seeds(tmp_path / "articles")
    assert workers_for(documents(paths), 2) == 2
    run(tmp_path / "one.db", "--jobs", "1", str(tmp_path / "articles"))
    run(tmp_path / "two.db", "--jobs", "2", str(tmp_path / "articles"))
    one, two = exported(tmp_path / "one.db"), exported(tmp_path / "two.db")
    assert one["claims"] and one == two


def by_content(document: dict) -> dict:
    """The export with entities named instead of numbered, and links and findings without their
    row ids: ids of entities, links and findings follow the order they were made in, which a
    ledger built in steps does not share with one built at once."""
    names = {entity["id"]: f"{entity['type']}:{entity['name']}" for entity in document["entities"]}
    text = json.dumps(document, sort_keys=True)
    for entity_id, name in names.items():
        text = text.replace(f'"entity": {entity_id},', f'"entity": "{name}",')
        text = text.replace(f'"entity_id": {entity_id},', f'"entity_id": "{name}",')
        text = text.replace(f'"e{entity_id}"', f'"{name}"')
    named = json.loads(text)
    for entity in named["entities"]:
        entity["id"] = names[entity["id"]]
    for key in ("entities", "links", "findings"):
        rows = [{k: v for k, v in row.items() if k != "id"} for row in named[key]]
        named[key] = sorted(rows, key=lambda row: json.dumps(row, sort_keys=True))
    return named


def test_adding_files_in_two_runs_gives_the_ledger_one_run_gives(tmp_path: Path) -> None:
    paths = split_seeds(tmp_path / "articles")
    run(tmp_path / "once.db", *map(str, paths))
    run(tmp_path / "twice.db", *map(str, paths[:6]))
    run(tmp_path / "twice.db", *map(str, paths[6:]))
    once, twice = (
        by_content(exported(tmp_path / "once.db")),
        by_content(exported(tmp_path / "twice.db")),
    )
    assert once["links"] and once == twice
    # and what the export leaves out: facts, origins, tensions, merges, citations
    state = ledger_state(tmp_path / "once.db")
    assert state["verdicts"] and state["merges"] and state == ledger_state(tmp_path / "twice.db")


def test_preparing_a_file_is_a_pure_function_of_it() -> None:
    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    first, second = prepare_file(seed), prepare_file(seed)
    assert first.extraction is not None and first.extraction.claims
    assert first == second


def test_files_prepared_elsewhere_store_as_a_run_would(tmp_path: Path) -> None:
    paths = split_seeds(tmp_path / "articles")
    run(tmp_path / "run.db", *map(str, paths))
    prepared = [prepare_file(str(path)) for path in paths]  # what a cluster's map would return
    store_prepared(open_ledger(tmp_path / "mapped.db"), prepared)
    assert exported(tmp_path / "mapped.db") == exported(tmp_path / "run.db")


def documents(paths: list[Path]) -> list:
    """The files as ingest reads them (one seed half is empty, and skipped)."""
    read = [read_input(str(path)) for path in paths]
    return [(raw, None) for raw in read if not isinstance(raw, Skipped)]


def test_a_small_batch_stays_in_one_process_unless_asked(tmp_path: Path) -> None:
    read = documents(split_seeds(tmp_path / "articles"))
    assert workers_for(read, None) == 1  # 10 files, 0.1 MB: workers would cost more than they save
    assert workers_for(read, 3) == 3 and workers_for(read[:2], 8) == 2
    assert workers_for(read[:1], 4) == 1
