"""The fixed template every course notebook follows (shared by all notebook builders).

A notebook is built from one :func:`course_notebook` call. The sections, in order, are:

1. title, one-paragraph introduction and the "teaching model, not medical advice" note;
2. learning objectives;
3. how to use the controls;
4. "predict, then run" prompt;
5. set-up cell (``%matplotlib widget`` - one backend per notebook - and imports);
6. the app in one or two lines (tagged ``nbval-ignore-output``: widgets and live figures);
7. key numbers printed by plain, rounded, deterministic code (checked by nbval);
8. tasks, each with an optional code cell and a ``<details>`` solution;
9. self-check question(s): the learner types a number into ``my_answer_... = None`` and a
   checker from :mod:`backspasm_model.apps.selfcheck` compares it with the model (left as
   ``None`` it prints a neutral prompt, so the stored output is deterministic);
10. takeaways;
11. references, generated from the ``source`` fields of the package's TOML data files.

Usage (see ``tools/build_notebooks.py`` for the four notebooks built with it)::

    from nbtemplate import Task, SelfCheck, course_notebook, write_notebook
    nb = course_notebook(title=..., intro=..., objectives=[...], controls=[...],
                         predict=..., setup_code=..., app_code=..., key_numbers_code=...,
                         tasks=[Task(...)], self_checks=[SelfCheck(...)],
                         takeaways=[...], references=[("pelvis.toml", "trunk_com_offset")])
    write_notebook(nb, "notebooks/01_pelvis_and_thigh_muscles.ipynb")

Then execute in place so the outputs are stored (nbval strict needs them): see
:func:`execute_in_place`.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

__all__ = [
    "IGNORE_OUTPUT",
    "NOT_ADVICE",
    "SelfCheck",
    "Task",
    "build_main",
    "code",
    "course_notebook",
    "execute_in_place",
    "md",
    "reference_lines",
    "write_notebook",
]

#: nbval tag for cells whose output is a widget or a live figure.
IGNORE_OUTPUT = "nbval-ignore-output"
#: The plain note every notebook carries.
NOT_ADVICE = (
    "> **This is a teaching model, not medical advice.** It shows what a simple physical "
    "model predicts; it does not diagnose back pain or prescribe treatment."
)


def md(text: str) -> nbformat.NotebookNode:
    """A markdown cell (leading/trailing blank lines stripped)."""
    return new_markdown_cell(text.strip("\n"))


def code(text: str, *, ignore_output: bool = False, hide: bool = False) -> nbformat.NotebookNode:
    """A code cell; ``ignore_output`` tags it for nbval (widgets, live figures only)."""
    cell = new_code_cell(text.strip("\n"))
    tags = []
    if ignore_output:
        tags.append(IGNORE_OUTPUT)
    if hide:
        tags.append("hide-input")
    if tags:
        cell.metadata["tags"] = tags
    return cell


@dataclass
class Task:
    """A task: the prompt (markdown), optional starter code, and the solution (markdown,
    shown folded inside ``<details>``); ``solution_code`` is shown inside the solution."""

    prompt: str
    solution: str
    code: str | None = None
    solution_code: str | None = None


@dataclass
class SelfCheck:
    """A question answered by the learner and checked against the model.

    ``variable`` is the name the learner fills in (e.g. ``my_answer_deg``); ``check_code``
    calls a checker from :mod:`backspasm_model.apps.selfcheck` with it. Leave the default
    ``None`` in the stored notebook so the printed output is the neutral prompt.
    """

    question: str
    variable: str
    check_code: str
    hint: str = ""


@dataclass
class _Sections:
    objectives: Sequence[str]
    controls: Sequence[str]
    predict: str
    tasks: Sequence[Task] = field(default_factory=list)
    self_checks: Sequence[SelfCheck] = field(default_factory=list)
    takeaways: Sequence[str] = field(default_factory=list)


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {s}" for s in items)


def reference_lines(references: Sequence[tuple[str, str] | str]) -> list[str]:
    """Reference list: each item is ``(data file, dotted entry)`` - its ``source`` field is
    read from the package data (so the notebook cites what the model uses) - or a plain
    string (e.g. a claim id's evidence, paraphrased). Duplicates are dropped."""
    from backspasm_model.core.parameters import read_data_file

    out: list[str] = []
    for ref in references:
        if isinstance(ref, str):
            line = ref
        else:
            file, entry = ref
            node = read_data_file(file)
            for key in entry.split("."):
                node = node[key]
            src = node["source"] if "source" in node else node.get("points_source", "")
            line = f"`{file}` `{entry}`: {src}"
        if line not in out:
            out.append(line)
    return out


def course_notebook(
    *,
    title: str,
    intro: str,
    objectives: Sequence[str],
    controls: Sequence[str],
    predict: str,
    setup_code: str,
    app_code: str | None,
    key_numbers_code: str | None = None,
    key_numbers_intro: str = "",
    tasks: Sequence[Task] = (),
    self_checks: Sequence[SelfCheck] = (),
    takeaways: Sequence[str] = (),
    references: Sequence[tuple[str, str] | str] = (),
    extra_after_app: Sequence[nbformat.NotebookNode] = (),
) -> nbformat.NotebookNode:
    """Build one course notebook with the fixed sections (see the module docstring)."""
    cells = [
        md(f"# {title}\n\n{intro.strip()}\n\n{NOT_ADVICE}"),
        md("## Learning objectives\n\nBy the end of this notebook you can:\n\n"
           + _bullets(objectives)),
        md("## How to use the controls\n\n" + _bullets(controls)
           + "\n\nRun the cells from the top (**Run > Run All Cells** in JupyterLab, or "
           "Shift+Enter cell by cell). If a figure does not respond, restart the kernel "
           "and run all cells again."),
        md("## Predict, then run\n\n" + predict.strip()
           + "\n\nWrite your prediction down (one sentence is enough) **before** you run the "
           "next cells."),
        code(setup_code),
    ]
    if app_code:
        cells.append(code(app_code, ignore_output=True))
    cells.extend(extra_after_app)
    if key_numbers_code:
        cells.append(md("### Key numbers\n\n" + (key_numbers_intro.strip() or
                        "The same numbers as plain text, rounded (they do not depend on "
                        "the sliders).")))
        cells.append(code(key_numbers_code))
    if tasks:
        cells.append(md("## Tasks"))
        for i, t in enumerate(tasks, 1):
            cells.append(md(f"### Task {i}\n\n{t.prompt.strip()}"))
            if t.code:
                cells.append(code(t.code))
            sol = t.solution.strip()
            if t.solution_code:
                sol += f"\n\n```python\n{t.solution_code.strip()}\n```"
            cells.append(md(f"<details><summary>Solution to task {i}</summary>\n\n{sol}\n\n"
                            "</details>"))
    if self_checks:
        cells.append(md("## Self-check\n\nType your answer in place of `None`, run the cell, "
                        "and the model tells you how close you are."))
        for q in self_checks:
            hint = f"\n\n*Hint:* {q.hint.strip()}" if q.hint else ""
            cells.append(md(q.question.strip() + hint))
            cells.append(code(f"{q.variable} = None  # your answer here\n"
                              + q.check_code.strip()))
    if takeaways:
        cells.append(md("## Takeaways\n\n" + _bullets(takeaways)))
    refs = reference_lines(references)
    if refs:
        cells.append(md("## References\n\nEvery number in the model comes with its source "
                        "in the package data (`backspasm_model/data/*.toml`). The ones "
                        "this notebook relies on:\n\n" + _bullets(refs)))
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def write_notebook(nb: nbformat.NotebookNode, path: str | Path) -> Path:
    """Validate and write ``nb`` to ``path`` (no outputs yet)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return path


def execute_in_place(path: str | Path, timeout_s: int = 120) -> None:
    """Run ``jupyter nbconvert --to notebook --execute --inplace`` on ``path`` with the
    Jupyter of the running interpreter, so the stored outputs are the ones nbval checks."""
    jupyter = Path(sys.executable).with_name("jupyter")
    subprocess.run(
        [str(jupyter), "nbconvert", "--to", "notebook", "--execute", "--inplace",
         f"--ExecutePreprocessor.timeout={timeout_s}", str(path)],
        check=True,
    )


def build_main(argv: Sequence[str], builders: Mapping[str, Callable[[], Any]],
               notebooks: Path, *, timeout_s: int = 120) -> int:
    """The command line of every notebook builder: write each notebook of ``builders``
    (name -> build function) to ``notebooks/<name>.ipynb`` and execute it in place.

    ``argv``: ``--no-execute`` only writes; other arguments not starting with ``--`` pick
    the notebooks whose names start with one of them (none: all). Returns the exit code.
    """
    execute = "--no-execute" not in argv
    wanted = [a for a in argv if not a.startswith("--")]
    root = notebooks.parent
    for name, build in builders.items():
        if wanted and not any(name.startswith(w) for w in wanted):
            continue
        path = write_notebook(build(), notebooks / f"{name}.ipynb")
        print(f"wrote {path.relative_to(root)}")
        if execute:
            execute_in_place(path, timeout_s=timeout_s)
            print(f"executed {path.relative_to(root)}")
    return 0
