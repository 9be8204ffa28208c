"""Learners' work stays out of the repository (`make lab`, `make refresh-notebooks`).

`make lab` opens the learner's own copies in my-notebooks/ (git-ignored; each made from its
lesson when missing, never overwritten) with JupyterLab's root at the repository, so autosave
never rewrites a tracked notebook and the file browser still reaches README.md and the data.
`make refresh-notebooks` copies the lessons afresh, keeping every edited copy in
my-notebooks-backup/<date-time>/ first.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs `make`")


def _make(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["make", "--no-print-directory", "-s", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def course(tmp_path) -> Path:
    """The Makefile beside two small lessons (no venv needed for these targets)."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "notebooks").mkdir()
    for name in ("00_start_here", "01_first"):
        (tmp_path / "notebooks" / f"{name}.ipynb").write_text(json.dumps({"lesson": name}))
    return tmp_path


def test_copies_made_when_missing_and_never_overwritten(course):
    _make(course, "my-notebooks")
    copy = course / "my-notebooks" / "01_first.ipynb"
    assert copy.read_text() == (course / "notebooks" / "01_first.ipynb").read_text()
    copy.write_text("the learner's work")
    (course / "notebooks" / "01_first.ipynb").write_text('{"lesson": "updated by git pull"}')
    (course / "my-notebooks" / "00_start_here.ipynb").unlink()
    _make(course, "my-notebooks")
    assert copy.read_text() == "the learner's work"
    assert (course / "my-notebooks" / "00_start_here.ipynb").exists()


def test_refresh_keeps_a_backup_of_edited_copies(course):
    _make(course, "my-notebooks")
    (course / "my-notebooks" / "01_first.ipynb").write_text("the learner's work")
    out = _make(course, "refresh-notebooks")
    for lesson in (course / "notebooks").glob("*.ipynb"):
        assert (course / "my-notebooks" / lesson.name).read_text() == lesson.read_text()
    backups = list((course / "my-notebooks-backup").glob("*/*.ipynb"))
    assert [b.name for b in backups] == ["01_first.ipynb"], out  # unedited copies not kept
    assert backups[0].read_text() == "the learner's work"


def test_lab_opens_the_copies_with_the_repository_as_root():
    dry = _make(ROOT, "-n", "lab").replace("\\\n", " ")
    cmd = next(line for line in dry.splitlines() if "jupyter lab" in line)
    assert f"--ServerApp.root_dir={ROOT}" in cmd, cmd
    assert cmd.split()[-1] == "my-notebooks/00_start_here.ipynb", cmd


def test_copies_are_ignored_by_git():
    for path in ("my-notebooks/01_x.ipynb", "my-notebooks-backup/20260101-000000/01_x.ipynb"):
        r = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert r.returncode == 0, f"{path} is not git-ignored"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_relative_links_resolve_from_the_copies(lesson):
    """my-notebooks/ is as deep as notebooks/, so a lesson's ../docs/... links still work."""
    cells = json.loads(lesson.read_text())["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    links = re.findall(r"\]\((\.\./[^)#\s]+)", text) + re.findall(r'href="(\.\./[^"#]+)"', text)
    for link in links:
        assert (ROOT / "my-notebooks" / link).resolve().exists(), f"{lesson.name}: {link}"
