"""Progress on a terminal, quiet in pipes: run through a real pseudo-terminal, the display says
what it is loading (lingua's models, the taggers, the check-worthiness model, the gloss tables)
before each load, instead of a bar that stops without a word; through a pipe it draws nothing."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
from pathlib import Path

import pytest

from factcheck.loading import listening_for_loads
from factcheck.match import gloss
from tests.ledger_checks import factcheck_command, factcheck_env

# English sentences, a short French line (its language takes lingua's full models: a short text
# in another language than the rest) and a Chinese one.
ARTICLE = """\
Police training expands in Islamabad

Interior Minister Mohsin Naqvi said 494 cameras were installed in Islamabad in 2024.

Le ministre a rencontré la délégation chinoise à Pékin mardi.

巴基斯坦内政部长纳克维在北京会见了中国公安部部长王小洪。
"""
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def terminal_env() -> dict[str, str]:
    env = factcheck_env()
    env.pop("CI", None)  # CI turns the display off; a terminal user has no CI variable
    return {**env, "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "40"}


def run_on_a_terminal(args: list[str]) -> str:
    """Everything a command writes to a pseudo-terminal of 160 columns, escapes removed."""
    pid, master = pty.fork()
    if pid == 0:  # the child: its standard streams are the terminal
        os.execvpe(args[0], args, terminal_env())
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 300)
        if not ready:  # a guard against a hung child, not a timing assertion
            os.kill(pid, 9)
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, b"".join(chunks).decode(errors="replace")
    return ANSI.sub("", b"".join(chunks).decode("utf-8", errors="replace"))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_a_terminal_is_told_what_is_loading(article: Path, tmp_path: Path) -> None:
    shown = run_on_a_terminal(factcheck_command(tmp_path / "ledger.db", "run", str(article)))
    for what in (
        "lingua's language models",
        "the en entity tagger",
        "the zh entity tagger",
        "the check-worthiness model",
        "the Chinese gloss table (CC-CEDICT)",
    ):
        assert f"loading {what}…" in shown, what
    assert "Analysing and extracting" in shown  # on the bar of the stage that loads it
    assert "1 added, 0 new versions" in shown


def test_a_pipe_gets_no_progress(article: Path, tmp_path: Path) -> None:
    env = terminal_env()
    done = subprocess.run(
        factcheck_command(tmp_path / "ledger.db", "run", str(article)),
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout + done.stderr
    assert "loading" not in done.stderr and "Analysing" not in done.stderr
    assert [line for line in done.stderr.splitlines() if not line.startswith("next: ")] == []
    assert "1 added, 0 new versions" in done.stdout


def test_the_library_announces_a_load_to_its_listeners() -> None:
    heard: list[str] = []
    gloss.bn_table.cache_clear()
    with listening_for_loads(heard.append):
        gloss.bn_table()
        gloss.bn_table()  # cached: no second load, no second word
    gloss.bn_table()  # outside the block: nobody listens
    assert heard == ["the Bengali gloss table"]
