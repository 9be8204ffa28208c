"""Pinned source models: find the fetched git copies, check the commit, extract the files.

The source models are never committed to this repository. The pipeline reads them from git
copies of the public repositories (bare or with a work tree) at pinned commits; a copy that
does not contain the pinned commit is refused.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    key: str
    repo: str  # owner/name on GitHub
    commit: str  # full 40-hex commit
    files: tuple[str, ...]  # files the pipeline reads (paths in the repository)


OPENSIM_MODELS = Source(
    key="opensim_models",
    repo="opensim-org/opensim-models",
    commit="20a888b9655e73fb84963d6e03eee3752cf6074b",
    files=(
        "Models/Gait2392_Simbody/gait2392_thelen2003muscle.osim",
        "Models/Rajagopal/Rajagopal2016.osim",
    ),
)
MYO_SIM = Source(
    key="myo_sim",
    repo="MyoHub/myo_sim",
    commit="2cef885481677742e4d19adb934b1b7be438cf6a",
    files=("torso/myotorso.xml",),  # plus every XML file it includes (see extract_myo_sim)
)
SOURCES = (OPENSIM_MODELS, MYO_SIM)


def _git(git_dir: Path, *args: str, binary: bool = False) -> str | bytes:
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True
    ).stdout
    return out if binary else out.decode().strip()


def _git_dir(path: Path) -> Path | None:
    """The git directory of ``path`` (bare repository or work tree), or None."""
    for cand in (path, path / ".git", path / "repo"):
        if cand.is_dir():
            try:
                _git(cand, "rev-parse", "--git-dir")
                return cand
            except subprocess.CalledProcessError:
                continue
    return None


def locate(models_dir: Path, src: Source) -> Path:
    """Find the git copy of ``src`` under ``models_dir`` and check the pinned commit.

    Looked for, in order: ``DIR/<owner>+<name>``, ``DIR/<name>``, ``DIR/<name>.git`` (each a
    bare repository, a work tree, or a folder holding ``repo``).
    """
    owner, name = src.repo.split("/")
    for cand in (models_dir / f"{owner}+{name}", models_dir / name, models_dir / f"{name}.git"):
        gd = _git_dir(cand)
        if gd is None:
            continue
        try:
            full = _git(gd, "rev-parse", "--verify", f"{src.commit}^{{commit}}")
        except subprocess.CalledProcessError as e:
            raise SystemExit(f"{cand}: commit {src.commit} of {src.repo} not found") from e
        if full != src.commit:
            raise SystemExit(f"{cand}: commit resolves to {full}, expected {src.commit}")
        return gd
    raise SystemExit(
        f"no git copy of {src.repo} under {models_dir} (tried {owner}+{name}, {name}, "
        f"{name}.git); clone it there, e.g. git clone https://github.com/{src.repo} "
        f"{models_dir / name}"
    )


def blob_ids(git_dir: Path, src: Source, paths: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Git blob id of each file at the pinned commit (recorded as provenance)."""
    return {p: str(_git(git_dir, "rev-parse", f"{src.commit}:{p}")) for p in paths}


def extract(git_dir: Path, src: Source, paths: list[str] | tuple[str, ...], dest: Path) -> None:
    """Write ``paths`` at the pinned commit under ``dest`` (same relative paths)."""
    for p in paths:
        out = dest / p
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(_git(git_dir, "show", f"{src.commit}:{p}", binary=True))


def extract_myo_sim(git_dir: Path, dest: Path) -> list[str]:
    """Extract the XML files of ``torso/``, ``head/`` and ``scene/`` (meshes are not needed:
    the MuJoCo model is compiled with its mesh geometry removed). ``dest`` ends in
    ``myo_sim`` because the model's asset paths are written relative to a folder of that name.
    Returns the extracted paths."""
    listing = str(
        _git(git_dir, "ls-tree", "-r", "--name-only", MYO_SIM.commit, "torso", "head", "scene")
    )
    paths = [p for p in listing.splitlines() if p.endswith(".xml")]
    extract(git_dir, MYO_SIM, paths, dest)
    return paths
