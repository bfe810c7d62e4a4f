"""A learned transliteration model: how likely a Latin spelling is for a Han or Bengali name.

Each unit of the source name (a Han character folded to Simplified, or a Bengali code point)
writes a short run of Latin letters; the tables of p(letters | unit) were learned by EM over
real name pairs (benchmarks/train_names.py; provenance in data/translit_provenance.json). The
score of a pair sums over every way of cutting the Latin word into runs, so 普京 → 'putin'
scores high although pinyin says 'pujing'. Loaded lazily, once.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii

from factcheck.loading import announced
from factcheck.text.scripts import HAN_CHARS, normalize_bengali

MAX_RUN = {"han": 4, "bengali": 4}  # longest run of Latin letters one unit writes
MIN_RUN = {"han": 1, "bengali": 0}  # a Bengali vowel sign or virama may write nothing
FLOOR = math.log(1e-6)  # log-probability of a run the tables never saw for that unit
UNSEEN_UNIT = math.log(1e-6)
MEMO_SIZE = 500_000  # (unit, run) scores kept: a few tens of MB at most
EDGE_LOGP = math.log(1e-3)
_HAN_CHAR = re.compile(f"[{HAN_CHARS}]")


@cache
def traditional_to_simplified() -> dict[str, str]:
    """Traditional → Simplified character table derived from CC-CEDICT (CC BY-SA 3.0)."""
    path = resources.files("factcheck.entities.names").joinpath("data/zh_t2s.tsv")
    table = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[trad] = simp
    return table


def to_simplified(text: str) -> str:
    table = traditional_to_simplified()
    return "".join(table.get(ch, ch) for ch in text)


_DOUBLE = re.compile(r"([a-z])\1+")


def latin_letters(word: str) -> str:
    """'Jevtić' → 'jevtic': lowercase ASCII letters only."""
    return re.sub(r"[^a-z]", "", anyascii(unicodedata.normalize("NFC", word)).lower())


def model_letters(word: str) -> str:
    """The Latin side the tables write: letters only, doubles as one ('Hibbler' → 'hibler'),
    since no script spells a doubled consonant the way Latin does."""
    return _DOUBLE.sub(r"\1", latin_letters(word))


def han_units(word: str) -> tuple[str, ...]:
    return tuple(to_simplified("".join(_HAN_CHAR.findall(word))))


def bengali_units(word: str) -> tuple[str, ...]:
    text = normalize_bengali(unicodedata.normalize("NFC", word))
    # zero-width joiners and non-joiners shape a conjunct; they are not letters
    return tuple(ch for ch in text if "\u0980" <= ch <= "\u09ff")


def units_of(word: str, script: str) -> tuple[str, ...]:
    return han_units(word) if script == "han" else bengali_units(word)


def positioned(units: tuple[str, ...]) -> tuple[str, ...]:
    """Units marked by their place in the word: '^' first, '$' last, '^…$' alone."""
    n = len(units)
    if n == 1:
        return (f"^{units[0]}$",)
    return tuple(f"^{u}" if i == 0 else f"{u}$" if i == n - 1 else u for i, u in enumerate(units))


@dataclass(frozen=True)
class TranslitModel:
    script: str
    runs: dict[str, dict[str, float]]  # unit -> Latin run -> log p(run | unit)
    backoff: dict[str, dict[str, float]]  # a unit's reading (pinyin) -> run -> log p
    readings: dict[str, str]  # unit -> its reading, for units the tables never saw
    generic: dict[str, float]  # run -> log p(run) over every unit: the last resort
    unit_logp: dict[str, float]  # unit -> log p(unit) in the training names
    cut: float  # the mean run score at which a pair is even odds (set on calibration rows)
    # A unit at the start or end of a word writes differently (斯 ends 'Jones' as 's'):
    # "^u", "u$", "^u$" -> run -> log p, and the log weight of the unit's own table for runs
    # the positional table leaves out.
    positional: dict[str, dict[str, float]] = field(default_factory=dict)
    positional_rest: dict[str, float] = field(default_factory=dict)
    # A letter-trigram model of the training names' Latin side ("3", "2", "1": counts of
    # trigrams, bigrams and letters, "^^" before a word and "$" after it; "h2", "h1": counts
    # of their contexts). When present a pair scores by the log-likelihood ratio of its best
    # path against that background (see mean_score), and runs by p(run | unit) alone.
    background: dict[str, dict[str, int]] = field(default_factory=dict)
    background_weight: float = 0.0
    # Latin letters a name may carry that the source script does not write at all (the 't'
    # of Costner/কসনার, the 'w' of Law/ল): letter -> log score of writing it from nothing,
    # learned by EM and lowered by a penalty set on the calibration rows. Empty: none may.
    insert: dict[str, float] = field(default_factory=dict)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # run scores, edges

    def run_logp(self, unit: str, run: str) -> float:
        if unit[0] == "^" or unit[-1] == "$":
            table = self.positional.get(unit)
            base = unit.strip("^$")
            if table is None:
                return self.run_logp(base, run)
            value = table.get(run)
            if value is not None:
                return value
            return self.run_logp(base, run) + self.positional_rest[unit]
        table = self.runs.get(unit)
        if table is None:
            reading = self.readings.get(unit) or _reading(unit, self.script)
            table = self.backoff.get(reading, {})
        value = table.get(run)
        if value is not None:
            return value
        generic = self.generic.get(run)
        return max(FLOOR, generic - 6.0) if generic is not None else FLOOR + len(run) * -1.0

    def edge_letters(self, unit: str) -> tuple[frozenset[str], frozenset[str], bool]:
        """The letters a unit's likely runs (p ≥ 1e-3) begin and end with, and whether it
        may write nothing: a cheap test that a Latin word can start or end there at all."""
        key = ("edges", unit)
        found = self.memo.get(key)
        if found is None:
            table = self.runs.get(unit)
            if table is None:
                reading = self.readings.get(unit) or _reading(unit, self.script)
                table = self.backoff.get(reading, {})
            likely = [run for run, logp in table.items() if logp >= EDGE_LOGP]
            found = (
                frozenset(run[0] for run in likely if run),
                frozenset(run[-1] for run in likely if run),
                "" in likely or not likely,
            )
            self.memo[key] = found
        return found

    def run_score(self, unit: str, run: str) -> float:
        """log p(run | unit) + log p(unit | run): how well the unit writes the run, and how
        well the run points back to the unit (休 writes 'hu', but 'hu' is mostly 胡)."""
        key = (unit, run)
        value = self.memo.get(key)
        if value is None and self.background:
            value = self.run_logp(unit, run)
            if len(self.memo) < MEMO_SIZE:
                self.memo[key] = value
        if value is None:
            forward = self.run_logp(unit, run)
            p_unit = self.unit_logp.get(unit.strip("^$"), UNSEEN_UNIT)
            p_run = self.generic.get(run, FLOOR)
            value = forward + min(0.0, forward + p_unit - p_run)
            if len(self.memo) < MEMO_SIZE:
                self.memo[key] = value
        return value

    def background_logp(self, latin: str) -> float:
        """log p(latin) under the background trigram model, interpolated down to letters."""
        key = ("background", latin)
        value = self.memo.get(key)
        if value is None:
            c3, c2, c1 = self.background["3"], self.background["2"], self.background["1"]
            h2, h1 = self.background["h2"], self.background["h1"]
            n = sum(c1.values())
            text = "^^" + latin + "$"
            value = 0.0
            for i in range(2, len(text)):
                p1 = (c1.get(text[i], 0) + 1) / (n + 28)
                p2 = (c2.get(text[i - 1 : i + 1], 0) + 2 * p1) / (h1.get(text[i - 1], 0) + 2)
                p3 = (c3.get(text[i - 2 : i + 1], 0) + 2 * p2) / (h2.get(text[i - 2 : i], 0) + 2)
                value += math.log(p3)
            if len(self.memo) < MEMO_SIZE:
                self.memo[key] = value
        return value


def _reading(unit: str, script: str) -> str:
    if script != "han":
        return unit
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(unit, style=Style.NORMAL)[0]


@cache
@announced(lambda script: f"the {script} transliteration table")
def load_model(script: str) -> TranslitModel:
    name = {"han": "translit_zh.json.gz", "bengali": "translit_bn.json.gz"}[script]
    path = resources.files("factcheck.entities.names").joinpath(f"data/{name}")
    data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return TranslitModel(
        script=script,
        runs=data["runs"],
        backoff=data.get("backoff", {}),
        readings=data.get("readings", {}),
        generic=data["generic"],
        unit_logp=data["unit_logp"],
        cut=data["cut"],
        positional=data.get("positional", {}),
        positional_rest=data.get("positional_rest", {}),
        background=data.get("background", {}),
        background_weight=data.get("background_weight", 0.0),
        insert=data.get("insert", {}),
    )


@dataclass(frozen=True)
class TranslitScore:
    probability: float  # the calibrated probability that the Latin word spells the name
    mean_logp: float  # the pair's score (mean_score): mean run score per unit on the best path
    worst_logp: float  # the least likely unit on the best path
    path: tuple[tuple[str, str], ...]  # (unit, Latin run) on the best path

    def explain(self) -> str:
        return " ".join(f"{u}→{r or '∅'}" for u, r in self.path)


def best_path(
    model: TranslitModel, units: tuple[str, ...], latin: str
) -> tuple[float, list[tuple[str, str, float]]]:
    """Viterbi: the most likely cut of `latin` into one run per unit, with each run's score.
    With model.insert a letter may also come from nothing; it is shown in brackets beside the
    unit it follows ('s(t)'; before the first unit, '(p)f') and scored with that unit."""
    units = positioned(units) if model.positional else units
    n, m = len(units), len(latin)
    lo, hi = MIN_RUN[model.script], MAX_RUN[model.script]
    insert = model.insert
    neg = -1e18
    score = [[neg] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    run_score = model.run_score
    gaps = [insert.get(ch) for ch in latin] if insert else []
    for i in range(n + 1):
        row, back_row = score[i], back[i]
        if i:
            unit = units[i - 1]
            prev = score[i - 1]
            # unit i writes at least lo letters per unit before it and leaves room for the rest
            # (letters from nothing stay within that band too: a wider one cost speed)
            first, last = max(lo * i, m - hi * (n - i)), min(m, hi * i, m - lo * (n - i))
            for j in range(first, last + 1):
                best, arg = neg, 0
                for k in range(lo, min(hi, j) + 1):
                    p = prev[j - k]
                    if p <= neg:
                        continue
                    s = p + run_score(unit, latin[j - k : j])
                    if s > best:
                        best, arg = s, k
                row[j], back_row[j] = best, arg
        if insert:
            for j in range(1, m + 1):
                gap = gaps[j - 1]
                if gap is not None and row[j - 1] > neg and row[j - 1] + gap > row[j]:
                    row[j], back_row[j] = row[j - 1] + gap, -1
    if score[n][m] <= neg:
        return neg, []
    path: list[tuple[str, str, float]] = []
    i, j, extra, extra_logp = n, m, "", 0.0
    while i > 0 or j > 0:
        k = back[i][j]
        if k == -1:
            extra, extra_logp = latin[j - 1] + extra, extra_logp + gaps[j - 1]
            j -= 1
            continue
        unit, run = units[i - 1], latin[j - k : j]
        shown = run + (f"({extra})" if extra else "")
        path.append((unit.strip("^$"), shown, model.run_score(unit, run) + extra_logp))
        extra, extra_logp = "", 0.0
        i, j = i - 1, j - k
    path.reverse()
    if extra and path:  # letters before the first unit's run
        unit, shown, logp = path[0]
        path[0] = (unit, f"({extra}){shown}", logp + extra_logp)
    return score[n][m], path


def mean_score(
    model: TranslitModel, total: float, path: list[tuple[str, str, float]], latin: str
) -> float:
    """The pair's score: the best path's run scores per unit; with a background model, its
    log-likelihood ratio against the Latin word's own likelihood (a part of it, weighted),
    over the geometric mean of units and letters, so long and short words compare."""
    if model.background:
        ratio = total - model.background_weight * model.background_logp(latin)
        return ratio / math.sqrt(max(1, len(path)) * max(1, len(latin)))
    return total / max(1, len(path))


def probability(model: TranslitModel, mean: float) -> float:
    """Even odds at the calibrated cut; one nat of mean run score is a factor e in the odds."""
    z = max(-30.0, min(30.0, mean - model.cut))
    return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=262144)
def score_word(native: str, script: str, latin_word: str) -> TranslitScore:
    """How likely `latin_word` spells the one-word name `native` (Han or Bengali)."""
    model = load_model(script)
    units = units_of(native, script)
    latin = model_letters(latin_word)
    if not units or not latin:
        return TranslitScore(0.0, FLOOR, FLOOR, ())
    if len(latin) > MAX_RUN[script] * len(units) or len(latin) < MIN_RUN[script] * len(units):
        return TranslitScore(0.0, FLOOR, FLOOR, ())
    starts, _ends, may_skip = model.edge_letters(units[0])
    _starts, ends, may_skip_last = model.edge_letters(units[-1])
    if (latin[0] not in starts and not may_skip) or (latin[-1] not in ends and not may_skip_last):
        return TranslitScore(0.0, FLOOR, FLOOR, ())  # the word cannot begin or end this way
    total, path = best_path(model, units, latin)
    if not path:
        return TranslitScore(0.0, FLOOR, FLOOR, ())
    mean = mean_score(model, total, path, latin)
    return TranslitScore(
        round(probability(model, mean), 4),
        round(mean, 3),
        round(min(lp for _u, _r, lp in path), 3),
        tuple((u, r) for u, r, _ in path),
    )


@lru_cache(maxsize=65536)
def best_spelling(native: str, script: str) -> str:
    """The single most likely Latin spelling, unit by unit: good enough as a blocking key,
    not as a display form."""
    if script not in MAX_RUN:
        return latin_letters(native)
    model = load_model(script)
    out = []
    for unit in units_of(native, script):
        table = model.runs.get(unit) or model.backoff.get(
            model.readings.get(unit) or _reading(unit, script), {}
        )
        if table:
            out.append(max(table.items(), key=lambda item: item[1])[0])
    return "".join(out)
