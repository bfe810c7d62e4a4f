"""Where a span of one version of a text lies in the next: offsets map through the common start
and end of the two texts (an appended or inserted paragraph leaves everything else in place);
what falls in the changed middle has no place of its own."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OffsetMap:
    """Old text offsets -> new text offsets where the text around them is unchanged."""

    prefix: int  # length of the common start
    old_suffix_start: int  # where the common end starts in the old text
    shift: int  # new offset - old offset within the common end

    @classmethod
    def between(cls, old: str, new: str) -> OffsetMap:
        if old == new:
            return cls.unchanged(len(old))
        limit = min(len(old), len(new))
        prefix = 0
        while prefix < limit and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
        return cls(prefix, len(old) - suffix, len(new) - len(old))

    @classmethod
    def unchanged(cls, length: int) -> OffsetMap:
        """The map of a text to itself."""
        return cls(length, length, 0)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        if end <= self.prefix:
            return start, end
        if start >= self.old_suffix_start:
            return start + self.shift, end + self.shift
        return None
