"""CSV cells safe to open in a spreadsheet: a text cell that starts like a formula is shown as
text (OWASP's advice on CSV injection), unless the user asks for cells as they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A cell a spreadsheet would read as a formula (OWASP's CSV injection list): = + - @, tab, CR.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"


@dataclass(frozen=True)
class CsvOptions:
    """keep_formulas: write cells as they are; bom: start with a byte-order mark, so Excel reads
    the file as UTF-8 (Bengali and Chinese included)."""

    keep_formulas: bool = False
    bom: bool = False


SAFE_CSV = CsvOptions()


def spreadsheet_cell(value: Any, options: CsvOptions = SAFE_CSV) -> Any:
    """A text cell that starts like a formula gets a leading ' (so a spreadsheet shows it as
    text and runs nothing), unless asked to keep formulas. Numbers stay numbers."""
    if not options.keep_formulas and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
