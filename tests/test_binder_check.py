"""The Binder check catches a broken app (`make test-binder`, run by CI).

nbval alone passed with every widget broken: the app cells are `nbval-ignore-output` and the
apps turn errors into messages. So the Binder check also runs the tests that drive the apps
(`make test-binder-apps`: widgets in, readouts and artists out). Here that exact make target
runs against a deliberately broken copy of the package (``compute_posture`` raises), put first
on PYTHONPATH, and must fail because of the break. To stay quick it runs only the explorer
tests, with the project's .venv Python standing in for the Binder venv (same command).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARK = "deliberately broken by tests/test_binder_check.py"
EXPLORER_TESTS = "tests/test_explorer_band.py"


def _broken_copy(dest: Path) -> Path:
    """The package copied to `dest` with compute_posture (every explorer update) raising."""
    pkg = dest / "backspasm_model"
    shutil.copytree(ROOT / "backspasm_model", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    posture = pkg / "plotting" / "posture.py"
    assert "def compute_posture(" in posture.read_text(), "compute_posture moved: update me"
    with posture.open("a") as f:  # the last definition wins, also for `from .posture import`
        f.write(
            "\n\ndef compute_posture(*args, **kwargs):\n"
            f"    raise RuntimeError({MARK!r})\n"
        )
    return dest


@pytest.mark.skipif(shutil.which("make") is None, reason="needs `make`")
def test_binder_app_check_fails_on_a_broken_app(tmp_path):
    venv = Path(sys.executable).parents[1]  # the .venv running this test
    env = dict(os.environ, PYTHONPATH=str(_broken_copy(tmp_path)), MPLBACKEND="Agg")
    proc = subprocess.run(
        ["make", "--no-print-directory", "-s", "test-binder-apps", f"BINDER_VENV={venv}",
         f"BINDER_APP_TESTS={EXPLORER_TESTS}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, f"the Binder check passed with a broken app:\n{out[-3000:]}"
    assert MARK in out, f"the check failed, but not because of the broken app:\n{out[-3000:]}"
    assert "failed" in out
