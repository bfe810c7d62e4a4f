"""Headless Chromium (Debian's `chromium` package) for tests that look at pages as a person
would: the DOM after the page ran, and screenshots into test-output/."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAS_CHROMIUM = Path(CHROMIUM).exists()
needs_chromium = pytest.mark.skipif(
    not HAS_CHROMIUM,
    reason="headless Chromium not installed (apt-get install chromium; CI installs it)",
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
TIMEOUT_S = 60


def run_chromium(url: str, *extra: str) -> str:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        result = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def dump_dom(url: str) -> str:
    """The page's DOM after it loaded and ran whatever scripts it has."""
    return run_chromium(url, "--virtual-time-budget=2000", "--dump-dom")


def screenshot(url: str, target: Path, width: int, height: int) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    run_chromium(url, f"--screenshot={target}", f"--window-size={width},{height}")
    assert target.exists() and target.stat().st_size > 10_000, "empty screenshot"
    return target
