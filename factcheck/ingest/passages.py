"""Split a source's text into passages and say what each one is: article body, headline, heading,
a repeat of an earlier block, or page clutter (ticker, navigation, comment form, ad notice, byline,
related links, a note that the text is machine-translated, ...).

Clutter is marked, not deleted: every passage keeps its [start, end) offsets into the stored text
and the reason for its kind, so a user can see why it was skipped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.ingest.metadata import (
    CLOCK_TIME,
    TRAILING_ATTRIBUTION,
    is_date_line,
    parse_date,
    published_labels,
    render_labels,
    url_labels,
)
from factcheck.text.language import RELIABLE_LOW_ACCURACY_CHARS, detect_language
from factcheck.vocab import CLAIM_BEARING_KINDS, CLUTTER_KINDS, PassageKind

BODY = PassageKind.BODY
TITLE = PassageKind.TITLE
HEADING = PassageKind.HEADING
DUPLICATE = PassageKind.DUPLICATE

SENTENCE_END = re.compile(r"[.!?。！？；।:：”\"’)]\s*$")

# Cue patterns for clutter, per kind, in the languages factcheck reads. A passage matching one of
# these is clutter of that kind. Keep them specific: a false match hides part of an article.
CLUTTER_CUES: dict[str, list[str]] = {
    "comments": [
        r"^leave a (reply|comment)\b",
        r"your email address will not be published",
        r"required fields are marked",
        r"this site uses akismet",
        r"^\d+\s+comments?$",
        r"^(post a )?comments?:?$",
        r"^মন্তব্য( করুন)?:?$",
        r"^(发表)?评论:?$",
    ],
    "ad": [
        r"\badblock",
        r"\bad ?blocker\b",
        r"^advertisement$",
        r"^sponsored( content)?$",
        r"^বিজ্ঞাপন$",
        r"^广告$",
    ],
    "related": [
        r"^you (may|might) also like:?$",
        r"^related( (posts|articles|stories|news))?:?$",
        r"^(read|see) (more|also):?$",
        r"^also read:?",
        r"^more (news|stories) from",
        r"^(trending|most read|popular)( news| now)?:?$",
        r"^জনপ্রিয় সংবাদ:?$",
        r"^আরও পড়ুন:?",
        r"^সম্পর্কিত( সংবাদ)?:?$",
        r"^相关(新闻|阅读|文章):?$",
    ],
    "ticker": [
        r"^সংবাদ শিরোনাম\s*:?$",
        r"^(breaking news|latest news|headlines?|news ticker)\s*:?$",
        r"^(最新消息|快讯)\s*[:：]?$",
    ],
    "byline": [
        r"^by\s+[\w.'-]+(\s+[\w.'-]+){0,3}$",
        r"^(staff )?(reporter|correspondent|editor)s?\s*:",
        r"ডেস্ক\s*:?$",
        r"^(প্রতিবেদক|নিজস্ব প্রতিবেদক)\s*:?",
        r"^আপলোডকারীর তথ্য$",
        r"^(记者|编辑|责任编辑)\s*[:：]",
    ],
    "tags": [r"^(tags?|categories|filed under)\s*:", r"^ট্যাগ\s*:"],
    "navigation": [
        r"\s[»›]\s",
        r"^home\s*[>/|]",
        r"^(home|menu|search|skip to (main )?content|share( this)?|print|subscribe)$",
        r"^首页\s*[>›»]",
        r"^প্রচ্ছদ\s*[>›»]",
    ],
    "translation_note": [
        r"翻译",
        r"machine[- ]translat",
        r"translated (by|with|using) (ai|machine|google|deepl)",
        r"অনুবাদ",
    ],
}
COMPILED_CUES = [
    (kind, re.compile(unicodedata.normalize("NFC", pattern), re.I))
    for kind, patterns in CLUTTER_CUES.items()
    for pattern in patterns
]
# A translation note is a short aside, not an article that mentions translation.
MAX_NOTE_CHARS = 200
# A line this long without a single sentence terminator is a run of headlines, not prose.
TICKER_MIN_WORDS = 25


@dataclass
class Passage:
    seq: int
    start: int
    end: int
    kind: str
    kind_reason: str
    text_hash: str
    lang: str | None = None
    duplicate_of_seq: int | None = None


def split_blocks(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the text's paragraphs.

    A line is a paragraph, except that lines hard-wrapped inside one paragraph (several medium
    lines of prose with no blank line between them and no sentence end) are joined. Spans are
    trimmed of surrounding white space.
    """
    lines: list[tuple[int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped_start = position + (len(line) - len(line.lstrip()))
        stripped_end = position + len(line.rstrip())
        if stripped_end > stripped_start:
            lines.append((stripped_start, stripped_end))
        else:
            lines.append((-1, -1))  # blank line: a paragraph break
        position += len(line)
    blocks: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []

    def flush() -> None:
        if not current:
            return
        if is_hard_wrapped(text, current):
            blocks.append((current[0][0], current[-1][1]))
        else:
            blocks.extend(current)
        current.clear()

    for span in lines:
        if span[0] < 0:
            flush()
        else:
            current.append(span)
    flush()
    return blocks


def is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    if any(text[start] in "#-*>|" or text[start].isdigit() for start, _ in lines):
        return False  # Markdown headings, lists, quotes and tables keep their lines
    lengths = [end - start for start, end in inner]
    return all(40 <= length <= 120 for length in lengths) and not all(
        SENTENCE_END.search(text[start:end]) for start, end in inner
    )


def normalised_key(passage_text: str) -> str:
    """What two copies of one block share: letters and digits, case-folded."""
    folded = unicodedata.normalize("NFKC", passage_text).casefold()
    return "".join(char for char in folded if char.isalnum())


def word_count(passage_text: str) -> int:
    words = len(passage_text.split())
    han = sum(1 for char in passage_text if "\u4e00" <= char <= "\u9fff")
    return max(words, han // 2)


def is_headline_like(passage_text: str) -> bool:
    """Short, and not a sentence: the shape of a headline or a section heading."""
    stripped = passage_text.strip().lstrip("#").strip()
    if not stripped or is_date_line(stripped):
        return False
    if SENTENCE_END.search(stripped) and not stripped.endswith(("?", "？", "!", "！")):
        return False
    return 1 <= word_count(stripped) <= 30 and len(stripped) <= 200


def clutter_cue(passage_text: str) -> tuple[str, str] | None:
    """The clutter kind a passage's wording gives it, with the reason."""
    text = unicodedata.normalize("NFC", passage_text.strip())
    for kind, pattern in COMPILED_CUES:
        if kind == "translation_note" and len(text) > MAX_NOTE_CHARS:
            continue
        if pattern.search(text):
            return kind, f"matches the {kind.replace('_', ' ')} cue /{pattern.pattern}/"
    if url_labels().match(text):
        return "reference", "a labelled link to the article's source"
    if render_labels().match(text):
        return "page_header", "the date the page was rendered, not the article's date"
    published = published_labels()
    if CLOCK_TIME.search(text) and not published.match(text) and is_dateline(text):
        return "page_header", "a page header with the time the page was rendered"
    if published.match(text) and is_dateline(text) or is_date_line(text):
        return "dateline", "the article's date line"
    if is_headline_run(text):
        return "ticker", f"{len(text.split())} words with no sentence end: a run of headlines"
    return None


def is_headline_run(text: str) -> bool:
    """Many words strung together with (almost) no sentence end: a ticker of headlines.

    One stray full stop is allowed per 30 words, since headlines abbreviate ("ড. মুহাম্মদ ইউনূস").
    """
    words = len(text.split())
    stops = len(re.findall(r"[.!?。！？।]", text))
    return words >= TICKER_MIN_WORDS and not SENTENCE_END.search(text) and stops <= words // 30


def is_dateline(text: str) -> bool:
    return len(text) <= 120 and parse_date(text) is not None


def classify(
    text: str, spans: list[tuple[int, int]], attribution: tuple[int, int] | None = None
) -> list[Passage]:
    """Give each span a kind, with its reason."""
    passages: list[Passage] = []
    seen: dict[str, int] = {}
    label_kind: str | None = None  # after "You may also like" etc., the headlines that follow
    title_seq: int | None = None
    seen_body = False
    for seq, (start, end) in enumerate(spans, start=1):
        passage_text = text[start:end]
        key = normalised_key(passage_text)
        text_hash = hashlib.sha1(key.encode()).hexdigest()
        passage = Passage(seq, start, end, BODY, "prose", text_hash)
        passages.append(passage)
        if len(key) >= 8 and key in seen:
            passage.kind, passage.duplicate_of_seq = DUPLICATE, seen[key]
            passage.kind_reason = f"repeats passage {seen[key]} of this source"
            label_kind = None
            continue
        if len(key) >= 8:
            seen[key] = seq
        cue = (
            ("byline", "a trailing attribution to the outlet")
            if (start, end) == attribution
            else clutter_cue(passage_text)
        )
        if cue:
            passage.kind, passage.kind_reason = cue
            # Headlines listed under "You may also like" are links, not the article's headings.
            label_kind = cue[0] if cue[0] == "related" else None
            continue
        if label_kind and is_headline_like(passage_text):
            passage.kind = label_kind  # type: ignore[assignment]
            passage.kind_reason = f"follows a {label_kind} label"
            continue
        label_kind = None
        is_question = passage_text.rstrip().endswith(("?", "？"))
        if is_headline_like(passage_text) and not (is_question and seen_body):
            if title_seq is None and not seen_body:
                if word_count(passage_text) <= 3 and not passage_text.lstrip().startswith("#"):
                    passage.kind = "navigation"
                    passage.kind_reason = "a short section label above the headline"
                    continue
                title_seq = seq
                passage.kind, passage.kind_reason = TITLE, "the first headline-shaped line"
            else:
                passage.kind, passage.kind_reason = HEADING, "short and not a sentence"
            continue
        seen_body = True
    if not any(passage.kind in CLAIM_BEARING_KINDS for passage in passages):
        keep_lone_text(text, passages)
    return passages


# Kinds given by a passage's shape alone, not by its words: on a page with nothing else to read
# (a headline pasted on its own, a one-line statement) the shape proves nothing.
SHAPE_REASONS = ("a run of headlines", "a short section label above the headline")


def keep_lone_text(text: str, passages: list[Passage]) -> None:
    """A source whose every passage looked like clutter by shape alone is read as the text it
    is: its headline-shaped passage is the title, the rest body."""
    for passage in passages:
        if passage.kind in CLUTTER_KINDS and passage.kind_reason.endswith(SHAPE_REASONS):
            headline = is_headline_like(text[passage.start : passage.end])
            passage.kind = TITLE if headline else BODY
            passage.kind_reason = "the only text of the source (its shape alone proves nothing)"


def split_trailing_attribution(
    text: str, spans: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Split "... equipment. – South China Morning Post" off the last paragraphs into a span of
    its own, so the attribution is a byline and the paragraph stays prose."""
    for index in range(len(spans) - 1, max(len(spans) - 4, -1), -1):
        start, end = spans[index]
        match = TRAILING_ATTRIBUTION.search(text[start:end])
        if match and match.start() > 0 and SENTENCE_END.search(text[start : start + match.start()]):
            attribution = (start + match.start() + 1, end)
            body_end = start + len(text[start : start + match.start()].rstrip())
            spans = [
                *spans[:index],
                (start, body_end),
                attribution,
                *spans[index + 1 :],
            ]
            return spans, attribution
    return spans, None


SHORT_PASSAGE_CHARS = 40


def detect_languages(
    text: str, passages: list[Passage], detect: Callable = detect_language
) -> None:
    """Give each passage its language; short Latin-script passages take the source's main one.

    Each passage is detected once: the long ones first, which decide the main language, then
    the short ones with it as their fallback (a source of short passages only finds its main
    language from a sample of them together)."""
    # The long passages in two steps: those long enough to identify alone, then the others
    # with the language those give as the one expected (lingua_language: its small models
    # decide a short passage where they find the expected language).
    reliable = [p for p in passages if p.end - p.start >= RELIABLE_LOW_ACCURACY_CHARS]
    for passage in reliable:
        passage.lang = detect(text[passage.start : passage.end])
    expected = main_language(reliable)
    long = [p for p in passages if p.end - p.start >= SHORT_PASSAGE_CHARS]
    for passage in long:
        if passage.end - passage.start < RELIABLE_LOW_ACCURACY_CHARS:
            passage.lang = detect(text[passage.start : passage.end], expected=expected)
    main = main_language(long)
    short = [p for p in passages if p.end - p.start < SHORT_PASSAGE_CHARS]
    if main is None and short:
        main = detect("\n".join(text[p.start : p.end] for p in short[:SAMPLE_PASSAGES]))
    for passage in short:
        passage.lang = detect(text[passage.start : passage.end], fallback=main)


def main_language(passages: list[Passage]) -> str | None:
    """The language most of the passages' characters are in."""
    weights: dict[str, int] = {}
    for passage in passages:
        if passage.lang:
            weights[passage.lang] = weights.get(passage.lang, 0) + passage.end - passage.start
    return max(weights, key=lambda lang: weights[lang]) if weights else None


# Short passages joined to find the main language of a source that has no long one.
SAMPLE_PASSAGES = 200
# More passages than any article has: the rest of such a text is not read for claims, and
# ingest says so (100,000 one-line paragraphs would otherwise take minutes and fill the ledger).
MAX_PASSAGES_PER_SOURCE = 20_000


def split_passages(text: str, limit: int = MAX_PASSAGES_PER_SOURCE) -> list[Passage]:
    """The passages of a source's text, with kind, reason and language (the first `limit`)."""
    return split_passages_counted(text, limit)[0]


def split_passages_counted(
    text: str, limit: int = MAX_PASSAGES_PER_SOURCE
) -> tuple[list[Passage], int]:
    """The first `limit` passages, and how many the text has."""
    blocks = split_blocks(text)
    spans, attribution = split_trailing_attribution(text, blocks[:limit])
    passages = classify(text, spans, attribution)
    detect_languages(text, passages)
    return passages, len(blocks)
