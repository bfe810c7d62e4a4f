"""`python -m factcheck` and the `factcheck` console script.

Ctrl-C is taken over before anything heavy is imported: while the CLI is still loading, nothing
has touched the ledger, so the process ends at once with one line and status 130 (a
KeyboardInterrupt raised inside an import can end the interpreter by the signal instead)."""

import os
import signal
import sys


def interrupted_while_starting(signum: int, frame: object) -> None:
    sys.stderr.write("interrupted; the ledger is unchanged\n")
    sys.stderr.flush()
    os._exit(130)


def entry() -> None:
    signal.signal(signal.SIGINT, interrupted_while_starting)
    from factcheck.cli import main  # installs its own handler, which rolls back and reports

    main()


if __name__ == "__main__":
    entry()
