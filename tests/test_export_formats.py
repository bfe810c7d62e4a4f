"""`factcheck export`: the JSON contract filled from the whole ledger (the real pipeline with
real reviews), CSV rows, and ClaimReview JSON-LD checked against schema.org's vocabulary and
expanded by a JSON-LD processor (offline)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyld import jsonld

from factcheck.cli import cli
from factcheck.report.claimreview import BEST_RATING, RATING_VALUES, WORST_RATING
from tests.conftest import (
    DATA,
    LANZHOU,
    NAQVI_BN,
    SSD_A,
    SSD_B,
    SSD_SEED,
    WANG_EN,
    current_verdicts,
)

SCHEMAORG = DATA / "schemaorg"
SCHEMA = "https://schema.org/"
DATA_TYPES = {SCHEMA + name for name in ("Text", "Date", "DateTime", "Number", "URL")}


def export(ledger: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(ledger), "export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_export_has_every_contract_field(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    document = json.loads(export(ledger, "--format", "json"))
    claims = {claim["id"]: claim for claim in document["claims"]}
    assert len(claims) > 200 and len(document["sources"]) == 7
    with sqlite3.connect(ledger) as conn:
        texts = dict(conn.execute("SELECT id, text FROM sources"))
    groups = {claim["id"]: claim["independence_group"] for claim in claims.values()}
    for claim in claims.values():
        assert set(claim) >= {
            "id", "source_id", "start", "end", "text", "lang", "kind", "modality",
            "checkworthy", "score", "reasons", "values", "verdict",
        }  # fmt: skip
        verdict = claim["verdict"]
        assert set(verdict) >= {
            "label", "confidence", "rationale", "decided_by", "decided_at", "note",
            "disagreement", "citations",
        }  # fmt: skip
        assert verdict["decided_at"] and verdict["confidence"] is not None  # all judged
        stances = {citation["stance"] for citation in verdict["citations"]}
        for citation in verdict["citations"]:
            assert set(citation) >= {"claim_id", "source_id", "quote", "start", "end", "url"}
        if verdict["decided_by"] != "auto":
            continue
        # An automatic verdict cites what it rests on, and only independent claims.
        expected = {
            "corroborated": {"supports"},
            "contradicted": {"contradicts"},
            "conflicting": {"supports", "contradicts"},
        }.get(verdict["label"], set())
        assert stances == expected, (claim["id"], verdict["label"], stances)
        assert all(
            groups[citation["claim_id"]] != claim["independence_group"]
            for citation in verdict["citations"]
        )
    # Quotes are the cited source's stored text at the offsets.
    cited = [c for claim in claims.values() for c in claim["verdict"]["citations"]]
    assert len(cited) > 30
    for citation in cited:
        assert (
            texts[citation["source_id"]][citation["start"] : citation["end"]] == citation["quote"]
        )

    naqvi = claims[NAQVI_BN.id(ledger)]["verdict"]
    assert naqvi["label"] == "corroborated" and naqvi["decided_by"] == "auto"
    english = next(c for c in naqvi["citations"] if c["quote"] == "Interior Minister Mohsin Naqvi")
    assert english["stance"] == "supports" and english["source_id"] == 1
    assert english["url"] == (
        "https://thinktank.pk/2025/07/23/policing-the-chinese-way-will-it-work-in-pakistan/"
    )
    lanzhou = claims[LANZHOU.id(ledger)]
    assert any(value["value"] == 494 for value in lanzhou["values"])
    assert (
        lanzhou["verdict"]["decided_by"] == "alice" and lanzhou["verdict"]["label"] == "unverified"
    )
    assert claims[WANG_EN.id(ledger)]["verdict"]["decided_by"] == "alice"
    disputed = claims[SSD_SEED.id(ledger)]["verdict"]
    assert (disputed["label"], disputed["decided_by"]) == ("corroborated", "alice")
    assert disputed["note"] == "ISPR gave the SSD's strength as about 14,000 in 2016."
    assert disputed["disagreement"].startswith("automatic evidence now says conflicting")
    assert claims[SSD_A.id(ledger)]["verdict"]["label"] == "conflicting"

    naqvi_entity = next(e for e in document["entities"] if e["name"] == "Mohsin Naqvi")
    assert naqvi_entity["type"] == "person"
    forms = {mention["text"] for mention in naqvi_entity["mentions"]}
    assert {"Mohsin Naqvi", "নকভি", "纳克维"} <= forms
    for mention in naqvi_entity["mentions"]:
        assert set(mention) >= {"source_id", "claim_id", "text", "start", "end"}
    relations = {(link["a"], link["b"]): link for link in document["links"]}
    pair = tuple(sorted((SSD_A.id(ledger), SSD_B.id(ledger))))
    assert relations[pair]["relation"] == "contradicts"
    assert "14,000" in relations[pair]["reason"] and "15,230" in relations[pair]["reason"]
    assert all(
        set(link) >= {"a", "b", "relation", "score", "reason"} and link["a"] < link["b"]
        for link in relations.values()
    )
    assert {link["relation"] for link in relations.values()} >= {
        "corroborates", "contradicts", "translation"
    }  # fmt: skip
    variant = next(f for f in document["findings"] if f["kind"] == "spelling_variant")
    assert variant["source_ids"] == [4] and variant["entity_id"] == naqvi_entity["id"]
    assert set(variant["forms"]) == {"নকভি", "নাকভি"}


def test_json_export_gives_defaults_to_claims_without_verdict_rows(unjudged_ledger) -> None:
    claims = json.loads(export(unjudged_ledger, "--format", "json"))["claims"]
    assert claims and all(
        claim["verdict"]
        == {
            "label": "unverified" if claim["checkworthy"] else "not_checkable",
            "confidence": None,
            "rationale": claim["verdict"]["rationale"],
            "decided_by": "auto",
            "decided_at": None,
            "note": None,
            "disagreement": None,
            "citations": [],
        }
        for claim in claims
    )
    assert json.loads(export(unjudged_ledger, "--format", "claimreview")) == []


def test_csv_export_one_row_per_claim_with_best_citation(reviewed_ledger) -> None:
    ledger = reviewed_ledger
    rows = list(csv.DictReader(io.StringIO(export(ledger, "--format", "csv"))))
    document = json.loads(export(ledger, "--format", "json"))
    assert sorted(int(row["claim_id"]) for row in rows) == sorted(
        c["id"] for c in document["claims"]
    )
    by_id = {int(row["claim_id"]): row for row in rows}
    naqvi = by_id[NAQVI_BN.id(ledger)]
    assert naqvi["verdict"] == "corroborated" and naqvi["citation_stance"] == "supports"
    assert naqvi["citation_quote"] in {"Interior Minister Mohsin Naqvi", "巴基斯坦内政部长纳克维",
                                       "内政部长莫辛·纳克维", "Pakistan's Interior Minister Mohsin Naqvi"}  # fmt: skip
    contradicted = by_id[SSD_B.id(ledger)]
    assert contradicted["verdict"] == "contradicted"
    assert contradicted["citation_stance"] == "contradicts"
    assert "approximately 14,000 personnel" in contradicted["citation_quote"]
    # Conflicting evidence leads with the contradiction.
    conflicting = by_id[SSD_A.id(ledger)]
    assert (conflicting["verdict"], conflicting["citation_stance"]) == (
        "conflicting",
        "contradicts",
    )
    assert conflicting["citation_claim_id"] == str(SSD_B.id(ledger))
    assert by_id[WANG_EN.id(ledger)]["decided_by"] == "alice"
    unverified = [row for row in rows if row["verdict"] == "unverified"]
    assert unverified and all(row["citation_claim_id"] == "" for row in unverified)


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
def reviews(reviewed_ledger) -> list[dict]:
    return json.loads(
        export(
            reviewed_ledger,
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


@pytest.fixture(scope="module")
def automatic_reviews(reviewed_ledger) -> list[dict]:
    return json.loads(
        export(
            reviewed_ledger,
            "--format",
            "claimreview",
            "--include-automatic",
            "--url-base",
            "https://desk.example.org/report.html",
        )  # fmt: skip
    )


def review_of(reviews: list[dict], claim_id: int) -> dict:
    (review,) = [
        r for r in reviews if r["url"] == f"https://desk.example.org/report.html#claim-{claim_id}"
    ]  # noqa: E501
    return review


def reviewed_ids(reviews: list[dict]) -> list[int]:
    return [int(review["url"].rsplit("#claim-", 1)[1]) for review in reviews]


def test_claimreview_exports_only_what_a_person_reviewed(reviews, reviewed_ledger) -> None:
    """Issue 14: automatic verdicts were published as 5/5 "Corroborated by independent
    sources"; a ClaimReview says a fact-checker checked it, so by default only human verdicts."""
    ledger = reviewed_ledger
    reviewed = reviewed_ids(reviews)
    expected = {
        claim_id
        for claim_id, verdict in current_verdicts(ledger).items()
        if verdict.decided_by != "auto" and verdict.label != "not_checkable"
    }
    assert len(reviewed) == len(set(reviewed)) and set(reviewed) == expected
    assert expected == {WANG_EN.id(ledger), SSD_SEED.id(ledger), LANZHOU.id(ledger)}
    for review in reviews:
        assert not review["reviewRating"]["alternateName"].startswith("Automatic")
    wang = review_of(reviews, WANG_EN.id(ledger))
    assert wang["author"] == {
        "@type": "Organization",
        "name": "Desk Check",
        "url": "https://desk.example.org/",
    }
    rating = wang["reviewRating"]
    assert rating["ratingValue"] == RATING_VALUES["corroborated"] == BEST_RATING
    assert rating["worstRating"] == WORST_RATING and "Corroborated" in rating["alternateName"]
    appearance = wang["itemReviewed"]["appearance"]
    assert appearance["name"] and "/" not in appearance["name"]
    # claimReviewed is the whole statement, never a title fragment.
    assert wang["claimReviewed"] != "Chinese Minister of Public Security Wang Xiaohong"
    assert "Chinese Minister of Public Security Wang Xiaohong" in wang["claimReviewed"]
    assert review_of(reviews, LANZHOU.id(ledger))["reviewRating"]["ratingValue"] == 3
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["datePublished"]


def test_claimreview_include_automatic_adds_leads_marked_as_such(
    automatic_reviews, reviews, reviewed_ledger
) -> None:
    ledger = reviewed_ledger
    reviewed = reviewed_ids(automatic_reviews)
    assert len(reviewed) == len(set(reviewed))  # one review per fact
    assert set(reviewed_ids(reviews)) < set(reviewed)
    verdicts = current_verdicts(ledger)
    automatic = [r for r in automatic_reviews if r["reviewRating"]["alternateName"].startswith(
        "Automatic lead, not reviewed by a person: ")]  # fmt: skip
    assert automatic and len(automatic) == len(reviewed) - len(reviews)
    for review in automatic:
        claim_id = int(review["url"].rsplit("#claim-", 1)[1])
        assert verdicts[claim_id].decided_by == "auto"
        assert verdicts[claim_id].label in ("corroborated", "contradicted", "conflicting")
    # Naqvi's role is one fact: one review, its statement the whole sentence.
    naqvi = [r for r in automatic_reviews if "Mohsin Naqvi" in r["claimReviewed"]
             or "মহসিন নাকভি" in r["claimReviewed"]]  # fmt: skip
    assert len(naqvi) == 1, [r["claimReviewed"] for r in naqvi]
    assert naqvi[0]["claimReviewed"] != "Interior Minister Mohsin Naqvi"
    assert len(naqvi[0]["claimReviewed"].split()) > 5
    contradicted = review_of(automatic_reviews, SSD_B.id(ledger))
    assert contradicted["reviewRating"]["ratingValue"] == WORST_RATING
    assert contradicted["itemReviewed"]["appearance"]["name"] == "ssd_b.txt"
    assert "Corroborated" not in " ".join(r["claimReviewed"] for r in automatic_reviews)


def test_claimreview_uses_only_schemaorg_terms_on_their_domains(reviews, automatic_reviews) -> None:
    ancestry, domains = load_vocabulary()
    for review in reviews + automatic_reviews:
        assert check_node(review, ancestry, domains) >= 10


def test_claimreview_expands_to_schemaorg_iris(automatic_reviews) -> None:
    reviews = automatic_reviews
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
    for node, review in zip(expanded, reviews, strict=True):
        rating = node[https_or_http(node, "reviewRating")][0]
        values = [v.get("@value") for v in rating[https_or_http(rating, "ratingValue")]]
        assert values == [review["reviewRating"]["ratingValue"]]
    assert {review["reviewRating"]["ratingValue"] for review in reviews} >= {1, 3, 5}


def https(iri: str) -> str:
    return iri.replace("http://schema.org/", SCHEMA)


def https_or_http(node: dict, term: str) -> str:
    return next(key for key in node if https(key) == SCHEMA + term)


def test_export_writes_files_atomically_and_refuses_symlinks(reviewed_ledger, tmp_path) -> None:
    ledger = reviewed_ledger
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
