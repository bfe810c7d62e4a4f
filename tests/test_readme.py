"""The README's command output is generated from the code (cog, docs/readme_examples.py): this
fails when it is stale. Regenerate with  python -m cogapp -r README.md"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_readme_output_is_what_the_code_prints() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "README.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(REPO), "CI": "1"},
    )
    assert done.returncode == 0, (
        "README.md is stale: run  python -m cogapp -r README.md\n" + done.stdout + done.stderr
    )
