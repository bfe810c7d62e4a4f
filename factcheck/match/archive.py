"""Published fact-checks read from the files fact-checkers exchange: schema.org ClaimReview
JSON-LD (a page's ld+json, a list, an @graph, or one review a line), a CSV with claim, rating,
URL, organisation and date, and the CheckThat! claim-matching JSONL shape.

Pure functions: a file becomes records and one line per record that could not be read; nothing
here knows SQLite. A record's content hash is its identity in the ledger.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import re
import stat
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.text.scripts import BN_CHARS

# Larger than any fact-check export we know of (the 14k-claim CheckThat! archive is 4.6 MB).
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CLAIM_CHARS = 5_000

CSV_COLUMNS = {
    "claim": ("claim", "claim_reviewed", "claimreviewed", "text", "statement"),
    "rating": ("rating", "verdict", "textual_rating", "textualrating", "label"),
    "url": ("url", "review_url", "link"),
    "organisation": ("organisation", "organization", "publisher", "org", "fact_checker"),
    "published": ("date", "published", "review_date", "date_published", "datepublished"),
    "title": ("title", "headline"),
    "lang": ("lang", "language", "inlanguage"),
    "claimant": ("claimant", "author_of_claim", "said_by"),
    "rating_value": ("rating_value", "ratingvalue"),
    "best_rating": ("best_rating", "bestrating"),
    "worst_rating": ("worst_rating", "worstrating"),
}
# CheckThat!'s verified claims all come from Snopes: their ids say so ("vclaim-sno-...").
CHECKTHAT_ORGANISATIONS = {"sno": "Snopes", "pol": "PolitiFact"}
LD_JSON = re.compile(
    r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)
HAN = re.compile(r"[\u3400-\u9fff]")
BENGALI = re.compile(f"[{BN_CHARS}]")
UNREADABLE_DATE = "unreadable"
DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d/%m/%Y")


@dataclass(frozen=True)
class ArchiveRecord:
    """One published fact-check: what was claimed, what the checker found, who and when."""

    claim: str
    rating: str | None = None  # the checker's own words: "False", "Mostly true", ...
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    url: str | None = None
    organisation: str | None = None
    published: str | None = None  # ISO 8601 date of the review
    title: str | None = None
    summary: str | None = None
    lang: str | None = None
    claimant: str | None = None
    external_id: str | None = None  # the publisher's own id, when the file gives one
    file_format: str = field(default="claimreview", compare=False)

    @property
    def sha256(self) -> str:
        content = asdict(self)
        content.pop("file_format")
        payload = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class ReadResult:
    records: list[ArchiveRecord] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per bad record or file
    notes: list[str] = field(default_factory=list)  # records kept without an unreadable field
    file_format: str | None = None


class BadRecord(ValueError):
    """A record that cannot go in, with the reason in words."""


def text_of(value: Any) -> str | None:
    if isinstance(value, str):
        flat = " ".join(value.split())
        return flat or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value:
        return text_of(value[0])
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value"))
    return None


def number_of(value: Any, name: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BadRecord(f"{name} {value!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise BadRecord(f"{name} {value!r} is not a number")
    return number


def iso_date(value: Any) -> str | None:
    text = text_of(value)
    if not text:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return datetime.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return UNREADABLE_DATE
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date().isoformat()
        except ValueError:
            continue
    # The date is optional: a record whose date cannot be read goes in without one (noted).
    return UNREADABLE_DATE


def guess_lang(text: str) -> str:
    if HAN.search(text):
        return "zh"
    if BENGALI.search(text):
        return "bn"
    return "en"


def clean_lang(value: Any, claim: str) -> str:
    text = text_of(value)
    if text and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*", text):
        return text[:2].lower() if len(text.split("-")[0].split("_")[0]) == 2 else text.lower()
    return guess_lang(claim)


def checked_claim(value: Any) -> str:
    claim = text_of(value)
    if not claim:
        raise BadRecord("no claim text (claimReviewed / claim)")
    if len(claim) > MAX_CLAIM_CHARS:
        raise BadRecord(f"claim text is {len(claim):,} characters (at most {MAX_CLAIM_CHARS:,})")
    return claim


def checked_url(value: Any) -> str | None:
    url = text_of(value)
    if url and not re.match(r"https?://", url, re.IGNORECASE):
        raise BadRecord(f"url {url[:80]!r} is not an http(s) address")
    return url


def checked_scale(
    value: float | None, best: float | None, worst: float | None
) -> tuple[float | None, float | None, float | None]:
    if value is None:
        return value, best, worst
    high = 5.0 if best is None else best
    low = 1.0 if worst is None else worst
    if low > high:
        low, high = high, low  # some publishers count down from worst to best
    if not low <= value <= high:
        raise BadRecord(f"rating {value:g} is outside its scale {low:g} to {high:g}")
    return value, best, worst


def from_claim_review(review: dict[str, Any]) -> ArchiveRecord:
    claim = checked_claim(review.get("claimReviewed"))
    rating = review.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    if not isinstance(rating, dict):
        raise BadRecord("no reviewRating")
    words = text_of(rating.get("alternateName")) or text_of(rating.get("name"))
    value, best, worst = checked_scale(
        number_of(rating.get("ratingValue"), "ratingValue"),
        number_of(rating.get("bestRating"), "bestRating"),
        number_of(rating.get("worstRating"), "worstRating"),
    )
    if words is None and value is None:
        raise BadRecord("reviewRating has neither alternateName nor ratingValue")
    item = review.get("itemReviewed")
    item = item if isinstance(item, dict) else {}
    claimant = item.get("author")
    return ArchiveRecord(
        claim=claim,
        rating=words,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        url=checked_url(review.get("url")),
        organisation=text_of(review.get("author")) or text_of(review.get("publisher")),
        published=iso_date(review.get("datePublished")),
        title=text_of(review.get("headline")) or text_of(review.get("name")),
        summary=text_of(review.get("description")),
        lang=clean_lang(item.get("inLanguage") or review.get("inLanguage"), claim),
        claimant=text_of(claimant),
        external_id=text_of(review.get("@id")) or text_of(review.get("identifier")),
        file_format="claimreview",
    )


def from_checkthat(row: dict[str, Any]) -> ArchiveRecord:
    claim = checked_claim(row.get("vclaim"))
    external_id = text_of(row.get("vclaim_id"))
    if not external_id:
        raise BadRecord("no vclaim_id")
    prefix = external_id.split("-")[1] if external_id.count("-") >= 2 else ""
    return ArchiveRecord(
        claim=claim,
        organisation=CHECKTHAT_ORGANISATIONS.get(prefix),
        published=iso_date(row.get("date")),
        title=text_of(row.get("title")),
        summary=text_of(row.get("subtitle")),
        lang="en",
        external_id=external_id,
        file_format="checkthat",
    )


def from_csv_row(row: dict[str, str]) -> ArchiveRecord:
    claim = checked_claim(row.get("claim"))
    rating = text_of(row.get("rating"))
    value, best, worst = checked_scale(
        number_of(row.get("rating_value"), "rating_value"),
        number_of(row.get("best_rating"), "best_rating"),
        number_of(row.get("worst_rating"), "worst_rating"),
    )
    if rating is None and value is None:
        raise BadRecord("no rating")
    return ArchiveRecord(
        claim=claim,
        rating=rating,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        url=checked_url(row.get("url")),
        organisation=text_of(row.get("organisation")),
        published=iso_date(row.get("published")),
        title=text_of(row.get("title")),
        lang=clean_lang(row.get("lang"), claim),
        claimant=text_of(row.get("claimant")),
        file_format="csv",
    )


def claim_reviews_in(document: Any) -> Iterator[Any]:
    """Every ClaimReview object in a JSON-LD document (lists, @graph, nested in a page)."""
    if isinstance(document, list):
        for item in document:
            yield from claim_reviews_in(item)
    elif isinstance(document, dict):
        kinds = document.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "ClaimReview" in kinds or "claimReviewed" in document:
            yield document
        elif "@graph" in document:
            yield from claim_reviews_in(document["@graph"])
        elif isinstance(document.get("review"), dict | list):
            yield from claim_reviews_in(document["review"])


def read_records(
    rows: Iterator[tuple[str, Any]], reader: Any, result: ReadResult, name: str
) -> None:
    for where, row in rows:
        try:
            record = reader(row)
        except BadRecord as error:
            result.problems.append(f"{name}: {where}: {error}")
            continue
        if record.published == UNREADABLE_DATE:
            record = replace(record, published=None)
            result.notes.append(f"{name}: {where}: kept without a date (its date is unreadable)")
        result.records.append(record)


def read_json_ld(document: Any, result: ReadResult, name: str) -> bool:
    reviews = list(claim_reviews_in(document))
    if not reviews:
        return False
    result.file_format = "claimreview"
    read_records(
        ((f"review {n}", review) for n, review in enumerate(reviews, 1)),
        from_claim_review,
        result,
        name,
    )
    return True


def read_jsonl(text: str, result: ReadResult, name: str) -> bool:
    rows: list[tuple[str, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append((f"line {number}", json.loads(line)))
        except json.JSONDecodeError as error:
            rows.append((f"line {number}", BadRecord(f"not JSON ({error.msg})")))
    if not rows:
        return False
    kinds = [row for _, row in rows if isinstance(row, dict)]
    if not kinds:
        return False
    if not any("vclaim" in row or "claimReviewed" in row for row in kinds):
        return False
    result.file_format = "checkthat" if any("vclaim" in row for row in kinds) else "claimreview"

    def reader(row: Any) -> ArchiveRecord:
        if isinstance(row, BadRecord):
            raise row
        if not isinstance(row, dict):
            raise BadRecord("not a JSON object")
        if "vclaim" in row or "vclaim_id" in row:
            return from_checkthat(row)
        reviews = list(claim_reviews_in(row))
        if not reviews:
            raise BadRecord("neither a ClaimReview nor a CheckThat! claim")
        return from_claim_review(reviews[0])

    read_records(iter(rows), reader, result, name)
    return True


def read_csv(text: str, result: ReadResult, name: str) -> bool:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader, None)
    except csv.Error:  # a first line that no CSV reader takes (a field over its size limit)
        return False
    if not header:
        return False
    normalised = [re.sub(r"[\s-]+", "_", column.strip().lower()) for column in header]
    columns: dict[str, int] = {}
    for field_name, aliases in CSV_COLUMNS.items():
        for position, column in enumerate(normalised):
            if column in aliases and field_name not in columns:
                columns[field_name] = position
    if "claim" not in columns:
        return False
    result.file_format = "csv"
    if "rating" not in columns and "rating_value" not in columns:
        result.problems.append(f"{name}: the CSV has no rating column")
        return True

    def rows() -> Iterator[tuple[str, dict[str, str]]]:
        number = 1
        while True:
            number += 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:  # the reader cannot go on past it: the rows before stay
                result.problems.append(f"{name}: row {number}: not CSV ({error}); stopped there")
                return
            if not any(value.strip() for value in values):
                continue
            yield (
                f"row {number}",
                {key: values[i] if i < len(values) else "" for key, i in columns.items()},
            )

    read_records(rows(), from_csv_row, result, name)
    return True


def read_archive_text(text: str, name: str, suffix: str = "") -> ReadResult:
    """Records from a file's text, in whichever of the three shapes it is."""
    result = ReadResult()
    text = text.removeprefix("\ufeff")
    stripped = text.lstrip()
    if suffix in (".html", ".htm") or stripped[:1] == "<":
        blocks = LD_JSON.findall(text)
        found = False
        for block in blocks:
            try:
                found |= read_json_ld(json.loads(block), result, name)
            except json.JSONDecodeError:
                result.problems.append(f"{name}: an ld+json block is not valid JSON")
        if not found:
            result.problems.insert(0, f"{name}: no ClaimReview in the page")
        return result
    if stripped[:1] in ("{", "["):
        try:
            document = json.loads(text)
        except json.JSONDecodeError:
            document = None
        if document is not None:
            if not read_json_ld(document, result, name) and not read_jsonl(text, result, name):
                result.problems.append(f"{name}: JSON, but no ClaimReview or CheckThat! claim")
            return result
        if read_jsonl(text, result, name):
            return result
        result.problems.append(f"{name}: not valid JSON, JSON lines or CSV")
        return result
    if read_csv(text, result, name):
        return result
    result.problems.append(
        f"{name}: not a fact-check archive (ClaimReview JSON-LD, CSV with claim and rating "
        "columns, or CheckThat! JSONL)"
    )
    return result


def read_archive_file(path: str | Path) -> ReadResult:
    path = Path(path)
    name = str(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            return ReadResult(problems=[f"{name}: a folder, not an archive file"])
        if not stat.S_ISREG(status.st_mode):
            # A device or FIFO has no size to check: /dev/zero would be read for ever, a FIFO
            # with no writer waited on for ever. '-' reads standard input.
            return ReadResult(
                problems=[
                    f"{name}: not a regular file (a device, FIFO or socket); '-' reads "
                    "standard input"
                ]
            )
        if status.st_size > MAX_FILE_BYTES:
            size = status.st_size
            return ReadResult(problems=[f"{name}: {size:,} bytes is too large for an archive file"])
        with path.open("rb") as file:  # at most the cap, whatever the file grew to since
            data = file.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return ReadResult(
                problems=[
                    f"{name}: larger than {MAX_FILE_BYTES:,} bytes, too large for an archive file"
                ]
            )
    except FileNotFoundError:
        return ReadResult(problems=[f"{name}: no such file"])
    except IsADirectoryError:
        return ReadResult(problems=[f"{name}: a folder, not an archive file"])
    except OSError as error:
        return ReadResult(problems=[f"{name}: cannot read ({error.strerror})"])
    return read_archive_bytes(data, name, path.suffix.lower())


def read_archive_bytes(data: bytes, name: str, suffix: str = "") -> ReadResult:
    if b"\x00" in data[:4096]:
        return ReadResult(problems=[f"{name}: a binary file, not an archive"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return ReadResult(problems=[f"{name}: not UTF-8 (bad byte at offset {error.start})"])
    return read_archive_text(text, name, suffix)
