"""The layout rules of docs/architecture.md, checked on the source tree.

Layers, each allowed to import only the layers before it (and itself):
core <- exercises <- evidence <- plotting <- apps. The three model layers import only numpy
and the standard library (SALib on demand in evidence.sensitivity). No module over 400 lines.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "backspasm_model"
LAYERS = ("core", "exercises", "evidence", "plotting", "apps")
#: Third-party packages each layer may import (besides numpy, which every layer may use).
THIRD_PARTY = {
    "core": set(),
    "exercises": set(),
    "evidence": {"SALib"},  # imported lazily inside sensitivity's functions
    "plotting": {"matplotlib", "ipympl", "IPython"},
    "apps": {"matplotlib", "ipympl", "IPython", "ipywidgets", "traitlets"},
}
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _layer(path: Path, root: Path = PACKAGE) -> str | None:
    rel = path.relative_to(root).parts
    return rel[0] if len(rel) > 1 and rel[0] in LAYERS else None


def _imports(path: Path, root: Path = PACKAGE) -> list[tuple[str, int]]:
    """(absolute dotted module, level) for every import in ``path``; relative imports are
    resolved against the package."""
    tree = ast.parse(path.read_text("utf-8"))
    pkg_parts = ["backspasm_model", *path.relative_to(root).parts[:-1]]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, 0) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg_parts[: len(pkg_parts) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:  # from . import x -> the submodules x
                    out += [(f"{mod}.{a.name}", node.level) for a in node.names]
                    continue
            else:
                mod = node.module or ""
            out.append((mod, node.level))
    return out


def _check_imports(path: Path, root: Path = PACKAGE) -> None:
    layer = _layer(path, root)
    if layer is None:
        return  # the package's __init__ and data helpers: checked by test_core_inputs
    allowed_layers = set(LAYERS[: LAYERS.index(layer) + 1])
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    for mod, _ in _imports(path, root):
        top = mod.split(".")[0]
        if top == "backspasm_model":
            parts = mod.split(".")
            if len(parts) > 1 and parts[1] in LAYERS:
                assert parts[1] in allowed_layers, f"{path.name} ({layer}) imports {mod}"
            continue
        assert top in stdlib or top == "numpy" or top in THIRD_PARTY[layer], (
            f"{path.relative_to(root)} ({layer}) imports {mod}"
        )


def _check_size(path: Path) -> None:
    n = len(path.read_text("utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.name} has {n} lines"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_layers(path):
    _check_imports(path)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_400_lines(path):
    _check_size(path)


@pytest.mark.parametrize(
    "source",
    [
        "import matplotlib\n",  # core may not use matplotlib
        "from ..plotting import base\n",  # nor a layer above it
        "from ..apps.base import App\n",
        "import scipy.optimize\n",  # nor a third-party package
    ],
)
def test_the_import_check_can_fail(tmp_path, source):
    bad = tmp_path / "backspasm_model" / "core" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text(source)
    with pytest.raises(AssertionError):
        _check_imports(bad, tmp_path / "backspasm_model")


def test_the_size_check_can_fail(tmp_path):
    bad = tmp_path / "big.py"
    bad.write_text("x = 1\n" * (MAX_LINES + 1))
    with pytest.raises(AssertionError):
        _check_size(bad)
