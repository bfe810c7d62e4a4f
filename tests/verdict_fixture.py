"""TEST FIXTURE: hand-written links, verdicts and citations for a few real seed claims.

The matching and verdict stage (match.py, verdict.py) is built in parallel; until it lands, the
report, export and Datasette tests need verdict rows to read. These are the rows a fact-checker
would expect that stage to write for a few claims of the seeded ledger, inserted the way the
stage writes them (migration 0004: links with claim_a < claim_b, an append-only verdict history
with one current row per claim, citations quoting sources.text[start:end]).

Claims are found by source file and wording, not by id, so the fixture survives changes to
extraction. Run it on a ledger by hand: `python -m tests.verdict_fixture LEDGER`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.db import open_ledger, transaction

FIXTURE_TIME = "2026-01-09T10:00:00+00:00"


@dataclass(frozen=True)
class ClaimRef:
    """A claim named by its source file's prefix and its exact wording."""

    source_file: str  # e.g. "003_": the seed file's name starts with it
    text: str


# Source 4 (003, Bengali): "the country's interior minister Mohsin Naqvi".
NAQVI_BN = ClaimRef("003_", "দেশটির স্বরাষ্ট্রমন্ত্রী মহসিন নাকভি")
# Source 1 (000, English and its Chinese translation on the same page).
NAQVI_EN = ClaimRef("000_", "Interior Minister Mohsin Naqvi")
NAQVI_ZH = ClaimRef("000_", "巴基斯坦内政部长纳克维")
# Source 3 (002, SCMP) and source 4 name Wang Xiaohong as China's public security minister.
WANG_EN = ClaimRef("002_", "Chinese Minister of Public Security Wang Xiaohong")
WANG_BN = ClaimRef("003_", "চীনের জননিরাপত্তা মন্ত্রী ওয়াং জিয়াওহং")
# Source 4 says Pakistan announced it WILL form a special unit to protect Chinese nationals;
# source 2 (001) says Pakistan HAS such a force already (the SSD, ~14,000 personnel).
UNIT_BN = ClaimRef(
    "003_",
    "সন্ত্রাসবাদ নির্মূল এবং অভ্যন্তরীণ নিরাপত্তা জোরদারের অংশ হিসেবে চীনের নাগরিকদের নিরাপত্তার "
    "জন্য একটি বিশেষ সুরক্ষা ইউনিট গঠনের ঘোষণা দিয়েছে পাকিস্তান।",
)
SSD_EN = ClaimRef("001_", "Dedicated Security Force: Pakistan has established a dedicated")


def find_claim(db: Database, ref: ClaimRef) -> dict:
    """The first claim of that source whose text is (or, for long ones, starts with) the words."""
    rows = list(
        db.query(
            """SELECT claims.id, claims.source_id, claims.start_offset, claims.end_offset,
                      sources.url, sources.text AS source_text
               FROM claims JOIN sources ON sources.id = claims.source_id
               WHERE sources.is_current = 1 AND sources.path LIKE ?
                 AND (claims.text = ? OR claims.text LIKE ?)
               ORDER BY claims.kind = 'role' DESC, claims.start_offset, claims.id LIMIT 1""",
            [f"%/{ref.source_file}%", ref.text, ref.text + "%"],
        )
    )
    if not rows:
        raise LookupError(f"fixture claim not in the ledger: {ref}")
    return rows[0]


def add_link(
    db: Database, a: dict, b: dict, relation: str, score: float, reason: str, evidence: dict
) -> None:
    low, high = sorted((a["id"], b["id"]))
    db.execute(
        """INSERT INTO links (claim_a, claim_b, relation, score, reason, evidence, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (claim_a, claim_b) DO UPDATE SET relation = excluded.relation,
               score = excluded.score, reason = excluded.reason, evidence = excluded.evidence""",
        [
            low,
            high,
            relation,
            score,
            reason,
            json.dumps(evidence, ensure_ascii=False),
            FIXTURE_TIME,
        ],
    )


def add_verdict(
    db: Database,
    claim: dict,
    label: str,
    confidence: float,
    rationale: str,
    citations: list[tuple[dict, str]],
    *,
    decided_by: str = "auto",
    note: str | None = None,
    disagreement: str | None = None,
) -> int:
    """Append a verdict (the claim's earlier ones stay, no longer current) with its citations."""
    db.execute("UPDATE verdicts SET is_current = 0 WHERE claim_id = ?", [claim["id"]])
    cursor = db.execute(
        """INSERT INTO verdicts (claim_id, label, confidence, rationale, decided_by, decided_at,
                                 note, is_current, disagreement)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)""",
        [claim["id"], label, confidence, rationale, decided_by, FIXTURE_TIME, note, disagreement],
    )
    verdict_id = cursor.lastrowid
    for cited, stance in citations:
        quote = cited["source_text"][cited["start_offset"] : cited["end_offset"]]
        db.execute(
            """INSERT INTO citations (verdict_id, claim_id, source_id, stance, quote,
                                      start_offset, end_offset, url)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                verdict_id,
                cited["id"],
                cited["source_id"],
                stance,
                quote,
                cited["start_offset"],
                cited["end_offset"],
                cited["url"],
            ],
        )
    return verdict_id


def add_fixture_verdicts(db: Database) -> dict[str, int]:
    """Insert the fixture rows; returns the claim ids by fixture name, for assertions."""
    with transaction(db):
        claims = {
            name: find_claim(db, ref)
            for name, ref in {
                "naqvi_bn": NAQVI_BN,
                "naqvi_en": NAQVI_EN,
                "naqvi_zh": NAQVI_ZH,
                "wang_en": WANG_EN,
                "wang_bn": WANG_BN,
                "unit_bn": UNIT_BN,
                "ssd_en": SSD_EN,
            }.items()
        }
        # The English and Chinese Naqvi claims are one page's translation: one witness.
        db.execute(
            "UPDATE claims SET independence_group = 'source-1-naqvi-role' WHERE id IN (?, ?)",
            [claims["naqvi_en"]["id"], claims["naqvi_zh"]["id"]],
        )
        add_link(
            db,
            claims["naqvi_en"],
            claims["naqvi_zh"],
            "translation",
            0.97,
            "the Chinese paragraph translates the English one on the same page",
            {"entities": ["Mohsin Naqvi"], "roles": ["Interior Minister", "内政部长"]},
        )
        add_link(
            db,
            claims["naqvi_bn"],
            claims["naqvi_en"],
            "corroborates",
            0.88,
            "same person (Mohsin Naqvi = মহসিন নাকভি) in the same role "
            "(Interior Minister = স্বরাষ্ট্রমন্ত্রী) in two independent sources",
            {"entities": ["Mohsin Naqvi"], "roles": ["Interior Minister", "স্বরাষ্ট্রমন্ত্রী"]},
        )
        add_link(
            db,
            claims["wang_en"],
            claims["wang_bn"],
            "corroborates",
            0.84,
            "same person (Wang Xiaohong = ওয়াং জিয়াওহং) in the same role "
            "(Minister of Public Security = জননিরাপত্তা মন্ত্রী)",
            {"entities": ["Wang Xiaohong"], "roles": ["Minister of Public Security"]},
        )
        add_link(
            db,
            claims["unit_bn"],
            claims["ssd_en"],
            "contradicts",
            0.61,
            "one source says Pakistan announced it will form a special unit to protect Chinese "
            "nationals; the other says such a force (the SSD, about 14,000 personnel) exists",
            {"entities": ["Pakistan"], "terms": ["special security unit", "Chinese nationals"]},
        )
        add_verdict(
            db,
            claims["naqvi_bn"],
            "corroborated",
            0.86,
            "An independent English source names Mohsin Naqvi as Pakistan's Interior Minister.",
            [(claims["naqvi_en"], "supports"), (claims["naqvi_zh"], "related")],
        )
        add_verdict(
            db,
            claims["naqvi_en"],
            "corroborated",
            0.86,
            "An independent Bengali source names মহসিন নাকভি as the interior minister.",
            [(claims["naqvi_bn"], "supports")],
        )
        add_verdict(
            db,
            claims["wang_en"],
            "unverified",
            0.3,
            "No second source seen yet.",
            [],
        )
        add_verdict(
            db,
            claims["wang_en"],
            "corroborated",
            0.9,
            "The Bengali report of the Beijing meeting names him as public security minister.",
            [(claims["wang_bn"], "supports")],
            decided_by="alice",
            note="Checked against the ministry's own English site as well.",
        )
        add_verdict(
            db,
            claims["unit_bn"],
            "contradicted",
            0.58,
            "Another source says Pakistan already has a dedicated force for Chinese nationals.",
            [(claims["ssd_en"], "contradicts")],
        )
        add_verdict(
            db,
            claims["ssd_en"],
            "corroborated",
            0.7,
            "The Special Security Division was raised in 2016; reviewed by hand.",
            [],
            decided_by="bilal",
            note="SSD is well documented; the new unit is in addition to it.",
            disagreement="claim {} (source {}) reads as contradicting this".format(
                claims["unit_bn"]["id"], claims["unit_bn"]["source_id"]
            ),
        )
    return {name: claim["id"] for name, claim in claims.items()}


if __name__ == "__main__":
    print(add_fixture_verdicts(open_ledger(sys.argv[1], create=False)))
