"""The Binder config's shape (no browser, no network): every package pinned with `==`, the
repo's own package included, Python 3.11, and every runtime/notebook dependency of
pyproject.toml pinned to a version its specifier allows. `make test-binder` then proves the
pins work by building a fresh venv from exactly binder/requirements.txt and running nbval."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
BINDER = ROOT / "binder"


def _lines():
    for raw in (BINDER / "requirements.txt").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            yield line


def _pins() -> dict[str, str]:
    pins = {}
    for line in _lines():
        if line == ".":
            continue
        name, sep, version = line.partition("==")
        assert sep and version and not any(c in version for c in "<>=!~*,;"), (
            f"binder/requirements.txt: {line!r} is not pinned with =="
        )
        pins[canonicalize_name(name)] = version
    return pins


def test_runtime_is_python_311():
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"


def test_every_package_pinned_and_repo_package_included():
    assert "." in list(_lines()), "binder/requirements.txt must install the repo itself (`.`)"
    assert len(_pins()) >= 8


def test_pyproject_dependencies_pinned_within_their_specifiers():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["notebooks"]
    pins = _pins()
    for spec in wanted:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} (pyproject) is not pinned in binder/requirements.txt"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"binder pins {req.name}=={pins[name]}, outside pyproject's {spec!r}"
        )
    for kernel_side in ("ipykernel", "ipywidgets", "ipympl"):
        assert kernel_side in pins


def test_no_repo2docker_config_outside_binder():
    # With binder/ present repo2docker ignores root-level config: keep it all in one place.
    for name in ("requirements.txt", "environment.yml", "runtime.txt", "postBuild", "apt.txt"):
        assert not (ROOT / name).exists(), f"{name} at the repo root would be ignored by Binder"
