"""Chinese content words for claim matching: pairs of adjacent Han characters (there are no
spaces to split on), leaving out pairs with a function character."""

from __future__ import annotations

import re

ZH_FUNCTION_CHARS = frozenset("的了是在和与及也而并将对于从把被这那其之以为等中上下个")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def keywords(text: str) -> frozenset[str]:
    pairs = set()
    for run in _HAN_RUN.findall(text):
        for i in range(len(run) - 1):
            pair = run[i : i + 2]
            if not (pair[0] in ZH_FUNCTION_CHARS or pair[1] in ZH_FUNCTION_CHARS):
                pairs.add(pair)
    return frozenset(pairs)
