"""Files factcheck writes: only regular files are replaced (never a device, FIFO or socket), '-'
is standard output, a full disk is an error, and a published file gets the umask's mode."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.ledger_checks import factcheck_command, factcheck_env
from tests.test_ledger_faults import full_disk  # noqa: F401  (a fixture)

WRITERS = [["export", "--format", "json"], ["report"], ["export", "--format", "csv"]]


def write_to(ledger: Path, args: list[str], target: Path | str):
    return CliRunner().invoke(cli, ["--db", str(ledger), *args, "-o", str(target)])


def assert_refused(result, target: Path, kind: str, still: object) -> None:
    assert result.exit_code == 1, result.output
    assert f"is {kind}, not a regular file" in result.output
    assert "Traceback" not in result.output
    assert still(os.lstat(target).st_mode), f"{target} was replaced"
    assert not list(target.parent.glob(f".{target.name}.*")), "a temporary file was left"


@pytest.mark.parametrize("args", WRITERS, ids=lambda args: " ".join(args))
def test_a_fifo_is_not_replaced(seeded_ledger: Path, tmp_path: Path, args: list[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_refused(write_to(seeded_ledger, args, fifo), fifo, "a FIFO", stat.S_ISFIFO)


@pytest.fixture
def unix_socket() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="fc"))  # short: a socket path has a length limit
    path = folder / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()
    path.unlink()
    folder.rmdir()


def test_a_socket_is_not_replaced(seeded_ledger: Path, unix_socket: Path) -> None:
    result = write_to(seeded_ledger, ["report", "--format", "html"], unix_socket)
    assert_refused(result, unix_socket, "a socket", stat.S_ISSOCK)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_like_dev_full_is_not_replaced(seeded_ledger: Path, tmp_path: Path) -> None:
    """The same device as /dev/full, made in the test's own folder (the real one is not risked)."""
    device = tmp_path / "full"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    result = write_to(seeded_ledger, ["export"], device)
    assert_refused(result, device, "a character device", stat.S_ISCHR)


def test_dash_is_standard_output(seeded_ledger: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(seeded_ledger), "export", "-o", "-"])
    assert result.exit_code == 0 and result.output.startswith("{")
    assert not (Path.cwd() / "-").exists()


def test_standard_output_on_a_full_device_is_an_error(seeded_ledger: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            factcheck_command(seeded_ledger, "export"),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=factcheck_env(),
        )
    assert done.returncode != 0
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr


def test_a_full_disk_is_one_line_and_leaves_no_file(
    seeded_ledger: Path,
    full_disk: Path,  # noqa: F811
) -> None:
    filler = full_disk / "filler"
    with filler.open("wb") as handle, pytest.raises(OSError):
        while True:
            handle.write(b"x" * 65536)
            handle.flush()
    target = full_disk / "report.md"
    result = write_to(seeded_ledger, ["report"], target)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: No space left on device: {target}"]
    assert not target.exists()
    assert sorted(path.name for path in full_disk.iterdir()) == ["filler"]


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_gets_the_umask_mode(
    seeded_ledger: Path, tmp_path: Path, umask: int, mode: int
) -> None:
    target = tmp_path / "report.html"
    previous = os.umask(umask)
    try:
        result = write_to(seeded_ledger, ["report", "--format", "html"], target)
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_replaced_file_keeps_its_mode(seeded_ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old\n")
    target.chmod(0o664)
    result = write_to(seeded_ledger, ["export"], target)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_text().startswith("{")
