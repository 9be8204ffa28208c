"""The Binder check catches a broken app (`make test-binder`, run by CI).

nbval alone passed with every widget broken: the app cells are `nbval-ignore-output` and the
apps turn errors into messages. So the Binder check also runs the tests that drive the apps
(`make test-binder-apps`: widgets in, readouts and artists out). Here that exact make target
runs against a copy of the package put first on PYTHONPATH: it must pass on the copy as it is
and fail once the copy is deliberately broken (``compute_posture`` raises; the explorer turns
that into a message, so only tests that look at readouts and artists can see it). To stay
quick it runs only the explorer tests, with the project's .venv Python standing in for the
Binder venv (same command).
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


def _copy(dest: Path, broken: bool) -> Path:
    """The package copied to `dest`; if `broken`, compute_posture (every explorer update)
    raises."""
    pkg = dest / "backspasm_model"
    shutil.copytree(ROOT / "backspasm_model", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    posture = pkg / "plotting" / "posture.py"
    assert "def compute_posture(" in posture.read_text(), "compute_posture moved: update me"
    if broken:
        with posture.open("a") as f:  # the last definition wins, also for `from .posture import`
            f.write(
                f"\n\ndef compute_posture(*args, **kwargs):\n    raise RuntimeError({MARK!r})\n"
            )
    return dest


def _binder_app_check(package_dir: Path) -> subprocess.CompletedProcess:
    venv = Path(sys.executable).parents[1]  # the .venv running this test
    env = dict(os.environ, PYTHONPATH=str(package_dir), MPLBACKEND="Agg")
    return subprocess.run(
        ["make", "--no-print-directory", "-s", "test-binder-apps", f"BINDER_VENV={venv}",
         f"BINDER_APP_TESTS={EXPLORER_TESTS}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.slow  # ~20-25 s: two runs of the explorer tests
@pytest.mark.skipif(shutil.which("make") is None, reason="needs `make`")
def test_binder_app_check_fails_on_a_broken_app(tmp_path):
    intact = _binder_app_check(_copy(tmp_path / "intact", broken=False))
    out = intact.stdout + intact.stderr
    assert intact.returncode == 0, f"the app tests fail even without the break:\n{out[-3000:]}"
    assert str(tmp_path / "intact") in _imported_from(tmp_path / "intact")
    broken = _binder_app_check(_copy(tmp_path / "broken", broken=True))
    out = broken.stdout + broken.stderr
    assert broken.returncode != 0, f"the Binder check passed with a broken app:\n{out[-3000:]}"
    assert "failed" in out, out[-3000:]


def _imported_from(package_dir: Path) -> str:
    """Where the check's Python imports backspasm_model from, with `package_dir` first."""
    venv = Path(sys.executable).parents[1]
    env = dict(os.environ, PYTHONPATH=str(package_dir))
    code = "import backspasm_model as m; print(m.__file__)"
    return subprocess.run(
        [str(venv / "bin" / "python"), "-P", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
