"""The public face of the name matcher: compare two names, or a file of pairs, without a ledger.

>>> from factcheck import compare_names
>>> compare_names("OBAMA, Barack", "贝拉克·奥巴马").same
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from factcheck.entities.names.compare import NameForm, compare
from factcheck.entities.names.forms import person_name
from factcheck.text.scripts import script_of

NAME_TYPES = ("person", "place", "organization")
MAX_NAME_CHARS = 300  # a longer "name" is a pasted paragraph, not a name
_LANG = {"han": "zh", "bengali": "bn", "latin": "en"}


class PairsFileError(ValueError):
    """A pairs file a user wrote wrongly: the message names the line."""


@dataclass(frozen=True)
class NameComparison:
    name_a: str
    name_b: str
    same: bool  # whether factcheck takes them for one name
    score: float
    rule: str  # the rule that decided
    evidence: str  # why, in words
    title_a: str | None  # a title set aside from the name ("Vice President"), persons only
    title_b: str | None

    def as_row(self) -> dict:
        return asdict(self)


def name_form(text: str, type_: str = "person") -> NameForm:
    """A NameForm for text in any script; the language follows the script."""
    return NameForm(text, _LANG[script_of(text)], type_)


def compare_names(a: str, b: str, type_: str = "person") -> NameComparison:
    """Whether factcheck takes two names for the same, with the score and the deciding rule."""
    if type_ not in NAME_TYPES:
        raise ValueError(f"type must be one of {', '.join(NAME_TYPES)}, not {type_!r}")
    for name in (a, b):
        if not name.strip():
            raise ValueError("a name is empty")
        if len(name) > MAX_NAME_CHARS:
            raise ValueError(f"a name is longer than {MAX_NAME_CHARS} characters")
    match = compare(name_form(a.strip(), type_), name_form(b.strip(), type_))
    titles = (None, None)
    if type_ == "person":
        titles = (person_name(a).title, person_name(b).title)
    return NameComparison(
        a.strip(), b.strip(), match.is_match, match.score, match.rule, match.evidence, *titles
    )


def read_pairs(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Two names a line, separated by a tab; blank lines and '#' comments are skipped.
    Raises PairsFileError naming the first malformed line."""
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].strip() or not fields[1].strip():
            shown = line if len(line) <= 60 else line[:57] + "..."
            raise PairsFileError(
                f"line {number}: expected two names separated by a tab, got {shown!r}"
            )
        if max(len(fields[0]), len(fields[1])) > MAX_NAME_CHARS:
            raise PairsFileError(
                f"line {number}: a name is longer than {MAX_NAME_CHARS} characters"
            )
        yield fields[0].strip(), fields[1].strip()


def compare_pairs(lines: Iterable[str], type_: str = "person") -> list[NameComparison]:
    """compare_names for every pair of a pairs file (see read_pairs); all or nothing. A file
    with no pair in it (empty, or only blank lines and comments) is an error, not an empty
    answer."""
    pairs = list(read_pairs(lines))
    if not pairs:
        raise PairsFileError("has no pairs: give two names a line, separated by a tab")
    return [compare_names(a, b, type_) for a, b in pairs]
