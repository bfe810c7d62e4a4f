"""What is loading: each model or table that takes a noticeable moment to load says so first, so
a progress display can show "loading lingua's language models" instead of a bar that stops.

The loaders announce through `announce`; whoever wants to know (the CLI's progress display, a
notebook) listens with `listening_for_loads`. No listener, no cost beyond a list check.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

LoadListener = Callable[[str], None]
_listeners: list[LoadListener] = []

P = ParamSpec("P")
R = TypeVar("R")


def announce(what: str) -> None:
    """Tell every listener that `what` starts loading now."""
    for listener in list(_listeners):
        listener(what)


@contextlib.contextmanager
def listening_for_loads(listener: LoadListener) -> Iterator[None]:
    """Call `listener(what)` each time a model or table starts loading inside the block."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def announced(describe: str | Callable[..., str]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a loader (beneath its @cache, so only a real load speaks) to announce itself;
    `describe` is the thing loaded, or a function of the loader's arguments that names it."""

    def decorate(load: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(load)
        def loader(*args: P.args, **kwargs: P.kwargs) -> R:
            announce(describe(*args, **kwargs) if callable(describe) else describe)
            return load(*args, **kwargs)

        return loader

    return decorate
