"""factcheck: a fact-checking workbench for the terminal."""

__version__ = "0.1.0"

from factcheck.entities.names.pairs import NameComparison, compare_names, compare_pairs  # noqa: E402

__all__ = ["NameComparison", "__version__", "compare_names", "compare_pairs"]
