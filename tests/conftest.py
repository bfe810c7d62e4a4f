"""Shared fixtures: a real ledger in a temporary folder, the real seed corpus, the real CLI."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli

if TYPE_CHECKING:
    from tests.web import Site

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"
MATCH_CORPUS = DATA / "match_corpus"


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A private copy of the seed corpus, so tests may add to or change it."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def invoke(ledger: Path) -> Callable[..., Result]:
    """Run the real CLI against the temporary ledger."""

    def run(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", str(ledger), *args], input=input)

    return run


@pytest.fixture(scope="session")
def seeded_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger with the seeds run through the whole pipeline once, shared read-only."""
    path = tmp_path_factory.mktemp("seeded") / "ledger.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "run", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return path


def copy_ledger(source: Path, target: Path) -> Path:
    """Copy a WAL ledger with SQLite's backup API (a file copy could miss the WAL's pages)."""
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    return target


@dataclass(frozen=True)
class ClaimRef:
    """A claim named by its source file and its wording, so tests survive changes to ids."""

    source_file: str  # the start of the file's name: "003_", "ssd_b"
    text: str  # the claim's exact text, or (for a long claim) how it starts

    def ids(self, ledger: Path) -> list[int]:
        """Every current claim of that source with exactly these words, in reading order; else
        every one that starts with them."""
        with sqlite3.connect(ledger) as conn:
            rows = conn.execute(
                """SELECT claims.id, claims.text = ? AS exact
                   FROM claims JOIN sources ON sources.id = claims.source_id
                   WHERE sources.is_current = 1 AND sources.path LIKE ?
                     AND substr(claims.text, 1, length(?)) = ?
                   ORDER BY claims.start_offset, claims.id""",
                [self.text, f"%/{self.source_file}%", self.text, self.text],
            ).fetchall()
        assert rows, f"no claim {self} in the ledger"
        exact = [claim_id for claim_id, is_exact in rows if is_exact]
        return exact or [claim_id for claim_id, _ in rows]

    def id(self, ledger: Path) -> int:
        return self.ids(ledger)[0]


# 003 (Bengali): "the country's interior minister Mohsin Naqvi".
NAQVI_BN = ClaimRef("003_", "দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি")
# 000 says it in English and, on the same page, in Chinese: one witness, two languages.
NAQVI_EN = ClaimRef("000_", "Interior Minister Mohsin Naqvi")
NAQVI_ZH = ClaimRef("000_", "巴基斯坦内政部长纳克维")
# 002 (SCMP) and 003 name Wang Xiaohong as China's public security minister.
WANG_EN = ClaimRef("002_", "Chinese Minister of Public Security Wang Xiaohong")
WANG_BN = ClaimRef("003_", "চীনের জননিরাপত্তা মন্ত্রী ওয়াং জিয়াওহং")
# The Special Security Division: about 14,000 personnel in 001 and ssd_a, 15,230 in ssd_b.
SSD_SEED = ClaimRef("001_", "Dedicated Security Force: Pakistan has established a dedicated")
SSD_A = ClaimRef("ssd_a", "Pakistan's Special Security Division (SSD) comprises approximately")
SSD_B = ClaimRef("ssd_b", "The Special Security Division (SSD) has 15,230 personnel")
# 002: a figure no other source gives.
LANZHOU = ClaimRef("002_", "As part of a pilot project, police in Lanzhou")

# What alice says before the two SSD sources arrive; the SSD one they later dispute.
REVIEWS = (
    (WANG_EN, "corroborated", "Checked against the ministry's own English site as well."),
    (SSD_SEED, "corroborated", "ISPR gave the SSD's strength as about 14,000 in 2016."),
    (LANZHOU, "unverified", "Asked Lanzhou police for the pilot's figures; no answer yet."),
)


def invoke_ok(ledger: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--db", str(ledger), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="session")
def reviewed_ledger(seeded_ledger: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real pipeline with real reviews, built once and shared read-only (a test that
    writes copies it with `copy_ledger`): the seeds run, alice reviews three claims, then
    `factcheck run seeds/ tests/data/match_corpus/` adds two SSD sources (a contradiction, and
    evidence against one of alice's verdicts) and `factcheck check` runs again."""
    path = copy_ledger(seeded_ledger, tmp_path_factory.mktemp("reviewed") / "ledger.db")
    for claim, label, note in REVIEWS:
        invoke_ok(path, "review", str(claim.id(path)), "--verdict", label,
                  "--note", note, "--by", "alice")  # fmt: skip
    invoke_ok(path, "run", str(SEEDS), str(MATCH_CORPUS))
    checked = invoke_ok(path, "check")
    disputed = SSD_SEED.id(path)
    assert f"claim {disputed}: new evidence disagrees with its human verdict" in checked.output
    return path


@dataclass(frozen=True)
class CurrentVerdict:
    label: str
    decided_by: str
    is_checkworthy: bool
    disagreement: str | None


def current_verdicts(ledger: Path) -> dict[int, CurrentVerdict]:
    """Every current claim's current verdict, read from the tables (not the views the code
    under test reads), with the default for a claim that has no verdict row."""
    with sqlite3.connect(ledger) as conn:
        rows = conn.execute(
            """SELECT claims.id, verdicts.label, verdicts.decided_by, claims.is_checkworthy,
                      verdicts.disagreement
               FROM claims JOIN sources ON sources.id = claims.source_id
               LEFT JOIN verdicts ON verdicts.claim_id = claims.id AND verdicts.is_current = 1
               WHERE sources.is_current = 1"""
        ).fetchall()
    return {
        claim_id: CurrentVerdict(
            label or ("unverified" if checkworthy else "not_checkable"),
            decided_by or "auto",
            bool(checkworthy),
            disagreement,
        )
        for claim_id, label, decided_by, checkworthy, disagreement in rows
    }


@pytest.fixture
def unjudged_ledger(reviewed_ledger: Path, tmp_path: Path) -> Path:
    """The ledger as a factcheck from before the verdict stage leaves it: claims, entities and
    links, but no verdict rows until `factcheck check` runs."""
    path = copy_ledger(reviewed_ledger, tmp_path / "unjudged.db")
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM citations")
        conn.execute("DELETE FROM verdicts")
    return path


PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The seed pages, feeds and failure cases served on 127.0.0.1 (tests/web.py)."""
    from tests.web import serve  # web.py reads this module's paths

    # A proxy from the environment would carry the test's requests elsewhere.
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with serve() as running:
        yield running
