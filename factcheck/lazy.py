"""Lazy re-exports for package `__init__` modules: a name is imported from its module the first
time it is used, so importing a package (as the CLI does for `--help`) loads nothing heavy."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` that finds each name of `exports` in the module it maps to."""

    def __getattr__(name: str) -> object:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(exports[name]), name)

    return __getattr__
