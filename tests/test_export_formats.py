"""`factcheck export`: the JSON contract filled from the whole ledger, CSV rows, and ClaimReview
JSON-LD checked against schema.org's vocabulary and expanded by a JSON-LD processor (offline)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyld import jsonld

from factcheck.cli import cli
from factcheck.report.claimreview import BEST_RATING, RATING_VALUES, WORST_RATING
from tests.conftest import DATA

SCHEMAORG = DATA / "schemaorg"
SCHEMA = "https://schema.org/"
DATA_TYPES = {SCHEMA + name for name in ("Text", "Date", "DateTime", "Number", "URL")}


def export(ledger: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(ledger), "export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_export_has_every_contract_field(verdict_ledger) -> None:
    ledger, ids = verdict_ledger
    document = json.loads(export(ledger, "--format", "json"))
    claims = {claim["id"]: claim for claim in document["claims"]}
    assert len(claims) > 200
    for claim in claims.values():
        assert set(claim) >= {
            "id", "source_id", "start", "end", "text", "lang", "kind", "modality",
            "checkworthy", "score", "reasons", "values", "verdict",
        }  # fmt: skip
        assert set(claim["verdict"]) >= {
            "label", "confidence", "rationale", "decided_by", "citations",
        }  # fmt: skip
        if claim["verdict"]["decided_by"] == "auto" and not claim["verdict"]["citations"]:
            expected = {"unverified", "not_checkable"} | {"corroborated", "contradicted"}
            assert claim["verdict"]["label"] in expected
    defaulted = [c for c in claims.values() if c["verdict"]["decided_at"] is None]
    assert defaulted and all(
        c["verdict"]["label"] == ("unverified" if c["checkworthy"] else "not_checkable")
        and c["verdict"]["decided_by"] == "auto"
        for c in defaulted
    )
    naqvi = claims[ids["naqvi_bn"]]["verdict"]
    assert naqvi["label"] == "corroborated"
    citation = naqvi["citations"][0]
    assert set(citation) >= {"claim_id", "source_id", "quote", "start", "end", "url"}
    assert citation["quote"] == "Interior Minister Mohsin Naqvi"
    assert citation["url"].startswith("https://thinktank.pk/")
    lanzhou = next(c for c in claims.values() if "494 cameras" in c["text"])
    assert any(value["value"] == 494 for value in lanzhou["values"])
    assert claims[ids["wang_en"]]["verdict"]["decided_by"] == "alice"

    naqvi_entity = next(e for e in document["entities"] if e["name"] == "Mohsin Naqvi")
    assert naqvi_entity["type"] == "person"
    forms = {mention["text"] for mention in naqvi_entity["mentions"]}
    assert {"Mohsin Naqvi", "নকভি"} <= forms
    for mention in naqvi_entity["mentions"]:
        assert set(mention) >= {"source_id", "claim_id", "text", "start", "end"}
    relations = {(link["a"], link["b"]): link for link in document["links"]}
    pair = tuple(sorted((ids["unit_bn"], ids["ssd_en"])))
    assert relations[pair]["relation"] == "contradicts"
    assert all(
        set(link) >= {"a", "b", "relation", "score", "reason"} for link in relations.values()
    )
    variant = next(f for f in document["findings"] if f["kind"] == "spelling_variant")
    assert variant["source_ids"] == [4] and variant["entity_id"] == naqvi_entity["id"]
    assert set(variant["forms"]) == {"নকভি", "নাকভি"}


def test_csv_export_one_row_per_claim_with_best_citation(verdict_ledger) -> None:
    ledger, ids = verdict_ledger
    rows = list(csv.DictReader(io.StringIO(export(ledger, "--format", "csv"))))
    document = json.loads(export(ledger, "--format", "json"))
    assert sorted(int(row["claim_id"]) for row in rows) == sorted(
        c["id"] for c in document["claims"]
    )
    by_id = {int(row["claim_id"]): row for row in rows}
    naqvi = by_id[ids["naqvi_bn"]]
    assert naqvi["verdict"] == "corroborated"
    assert naqvi["citation_stance"] == "supports"  # not the 'related' Chinese translation
    assert naqvi["citation_quote"] == "Interior Minister Mohsin Naqvi"
    unit = by_id[ids["unit_bn"]]
    assert unit["verdict"] == "contradicted" and unit["citation_stance"] == "contradicts"
    assert by_id[ids["wang_en"]]["decided_by"] == "alice"


def load_vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """schema.org's published definitions: each type's superclasses (itself included) and each
    property's domain."""
    graph = json.loads((SCHEMAORG / "schemaorg_subset.jsonld").read_text("utf-8"))["@graph"]
    parents: dict[str, set[str]] = {}
    domains: dict[str, set[str]] = {}

    def ids(value: object) -> set[str]:
        items = value if isinstance(value, list) else [value] if value else []
        return {item["@id"].removeprefix("schema:") for item in items}

    for node in graph:
        name = node["@id"].removeprefix("schema:")
        if node["@type"] == "rdfs:Class":
            parents[name] = ids(node.get("rdfs:subClassOf"))
        elif node["@type"] == "rdf:Property":
            domains[name] = ids(node.get("schema:domainIncludes"))
    ancestry: dict[str, set[str]] = {}
    for name in parents:
        seen, todo = {name}, [name]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        ancestry[name] = seen
    return ancestry, domains


def check_node(node: dict, ancestry: dict[str, set[str]], domains: dict[str, set[str]]) -> int:
    """Every type exists, every property exists and is allowed on the node's type; returns the
    number of properties checked."""
    node_type = node["@type"]
    assert node_type in ancestry, f"{node_type} is not a schema.org type"
    checked = 0
    for key, value in node.items():
        if key.startswith("@"):
            continue
        assert key in domains, f"{key} is not a schema.org property"
        assert domains[key] & ancestry[node_type], f"{key} is not allowed on {node_type}"
        checked += 1
        if isinstance(value, dict):
            checked += check_node(value, ancestry, domains)
    return checked


def offline_loader(url: str, options: dict | None = None) -> dict:
    """Serve schema.org's context from tests/data: no network."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        context = json.loads((SCHEMAORG / "context.jsonld").read_text("utf-8"))
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": url, "document": context}  # fmt: skip
    raise AssertionError(f"the JSON-LD processor asked for {url}")


@pytest.fixture(scope="module")
def reviews(verdict_ledger) -> list[dict]:
    ledger, _ = verdict_ledger
    return json.loads(
        export(
            ledger,
            "--format",
            "claimreview",
            "--org",
            "Desk Check",
            "--org-url",
            "https://desk.example.org/",
            "--url-base",
            "https://desk.example.org/report.html",
        )  # fmt: skip
    )


def test_claimreview_has_one_review_per_reviewed_claim(reviews, verdict_ledger) -> None:
    _, ids = verdict_ledger
    reviewed = {int(review["url"].rsplit("#claim-", 1)[1]) for review in reviews}
    # Claims with a verdict row other than not_checkable; the defaults are not reviews.
    assert reviewed == {ids[n] for n in ("naqvi_bn", "naqvi_en", "wang_en", "unit_bn", "ssd_en")}
    naqvi = next(r for r in reviews if r["url"].endswith(f"#claim-{ids['naqvi_bn']}"))
    assert naqvi["claimReviewed"] == "দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি"
    assert naqvi["author"] == {
        "@type": "Organization",
        "name": "Desk Check",
        "url": "https://desk.example.org/",
    }
    rating = naqvi["reviewRating"]
    assert rating["ratingValue"] == RATING_VALUES["corroborated"] == BEST_RATING
    assert rating["worstRating"] == WORST_RATING and "Corroborated" in rating["alternateName"]
    assert naqvi["itemReviewed"]["datePublished"] == "2026-01-07"
    english = next(r for r in reviews if r["url"].endswith(f"#claim-{ids['naqvi_en']}"))
    appearance = english["itemReviewed"]["appearance"]
    assert appearance["url"].startswith("https://thinktank.pk/2025/07/23/")
    assert english["itemReviewed"]["author"] == {"@type": "Organization", "name": "thinktank.pk"}
    contradicted = next(r for r in reviews if r["url"].endswith(f"#claim-{ids['unit_bn']}"))
    assert contradicted["reviewRating"]["ratingValue"] == WORST_RATING
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["datePublished"]
        assert "Corroborated" not in review["claimReviewed"]


def test_claimreview_uses_only_schemaorg_terms_on_their_domains(reviews) -> None:
    ancestry, domains = load_vocabulary()
    for review in reviews:
        assert check_node(review, ancestry, domains) >= 10


def test_claimreview_expands_to_schemaorg_iris(reviews) -> None:
    vocabulary = json.loads((SCHEMAORG / "schemaorg_subset.jsonld").read_text("utf-8"))
    known = {node["@id"].replace("schema:", SCHEMA) for node in vocabulary["@graph"]}
    expanded = jsonld.expand(reviews, {"documentLoader": offline_loader})
    assert len(expanded) == len(reviews)

    def walk(node: object) -> int:
        count = 0
        if isinstance(node, list):
            return sum(walk(item) for item in node)
        if not isinstance(node, dict):
            return 0
        if "@value" in node:  # a literal: its datatype, if any, is one of schema.org's
            assert https(node.get("@type", SCHEMA + "Text")) in DATA_TYPES, node
            return 1
        for key, value in node.items():
            if key == "@type":
                for iri in value:
                    assert https(iri) in known, iri
                    count += 1
            elif not key.startswith("@"):
                # schema.org's published context expands to http://schema.org/ terms; the
                # vocabulary names them https://schema.org/: the same terms.
                assert https(key) in known, f"{key} is not a schema.org term"
                count += 1 + walk(value)
        return count

    assert walk(expanded) > 15 * len(reviews)
    rating = expanded[0][https_or_http(expanded[0], "reviewRating")][0]
    assert any(v.get("@value") == 1 for v in rating[https_or_http(rating, "ratingValue")])


def https(iri: str) -> str:
    return iri.replace("http://schema.org/", SCHEMA)


def https_or_http(node: dict, term: str) -> str:
    return next(key for key in node if https(key) == SCHEMA + term)


def test_export_writes_files_atomically_and_refuses_symlinks(verdict_ledger, tmp_path) -> None:
    ledger, _ = verdict_ledger
    target = tmp_path / "reviews.jsonld"
    result = CliRunner().invoke(
        cli, ["--db", str(ledger), "export", "--format", "claimreview", "-o", str(target)]
    )
    assert result.exit_code == 0 and json.loads(target.read_text("utf-8"))
    assert "placeholder" in result.stderr
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = CliRunner().invoke(
        cli, ["--db", str(ledger), "export", "--format", "csv", "-o", str(link)]
    )
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert json.loads(target.read_text("utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == sorted(["reviews.jsonld", "link.csv"]) or {
        p.name for p in tmp_path.iterdir()
    } == {"reviews.jsonld", "link.csv"}
