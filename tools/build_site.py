"""Build the static edition: every lesson's stored notebook as an HTML page, with an index.

``make site`` runs this. Each ``notebooks/NN_*.ipynb`` is converted as it is stored (no
execution: the outputs and figures are the ones nbval checks) with ``jupyter nbconvert``'s
HTML exporter, into the git-ignored ``site/``. Every page gets a banner linking to its live
version on Binder (the README's Binder URL with ``urlpath=lab/tree/notebooks/NN_*.ipynb``).

Offline: the pages load nothing from the network. nbconvert's template asks content delivery
networks for require.js, MathJax and mermaid; those script tags are removed (the lessons use
no LaTeX maths and no mermaid diagrams, and the static edition runs no widgets). Links to
DOIs and Binder stay links. Live apps show their text fallback; the banner says where they run.

Usage: ``.venv/bin/python tools/build_site.py [--out site]``.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: A script element that loads or imports anything from the network.
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>"
    r"|<script\b[^>]*>(?:(?!</script>).)*?https?://(?:(?!</script>).)*?</script>",
    re.S,
)
_BANNER_STYLE = (
    "font-family:sans-serif;background:#fff4d6;color:#1a1a1a;"
    "border-bottom:2px solid #e69f00;padding:10px 16px;font-size:15px"
)
_LINK_STYLE = "color:#0645ad;text-decoration:underline"
#: Links from a lesson to the repository's docs (glossary, model) and from docs to lessons.
_DOC_LINK = re.compile(r'href="\.\./docs/([\w.-]+)\.md(#[^"]*)?"')
_LESSON_LINK = re.compile(r'href="\.\./notebooks/(\d\d_[\w-]+)\.(?:ipynb|md)(#[^"]*)?"')
_MD_LINK = re.compile(r'href="([\w.-]+)\.md(#[^"]*)?"')


def binder_base() -> str:
    """The Binder launch URL of the README, up to ``?`` (one place to change it)."""
    m = re.search(r"https://mybinder\.org/v2/gh/[^?\s)]+", (ROOT / "README.md").read_text("utf-8"))
    if m is None:
        raise SystemExit("README.md has no mybinder.org/v2/gh/... launch link")
    return m.group(0)


def binder_url(lesson: Path) -> str:
    """The live version of ``lesson`` on Binder (JupyterLab, the lesson open)."""
    return f"{binder_base()}?urlpath=lab/tree/notebooks/{lesson.name}"


def lesson_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The lesson's ``# `` heading (its first markdown line that starts one)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def strip_remote_scripts(page: str) -> str:
    """``page`` without script elements that fetch from the network."""
    return _REMOTE_SCRIPT.sub("", page)


def banner(lesson: Path) -> str:
    url = html.escape(binder_url(lesson), quote=True)
    return (
        f'<div class="static-edition" style="{_BANNER_STYLE}"><b>Static edition.</b> '
        "The figures and numbers are the lesson's stored outputs; the interactive apps need "
        f'a running Python kernel. <a style="{_LINK_STYLE}" href="{url}">Open this lesson live '
        f'on Binder</a> &middot; <a style="{_LINK_STYLE}" href="index.html">all lessons</a>'
        "</div>"
    )


def build_page(lesson: Path, exporter: HTMLExporter) -> tuple[str, str]:
    """The HTML page of ``lesson`` and its title."""
    nb = nbformat.read(lesson, as_version=4)
    title = lesson_title(nb, lesson.stem)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = strip_remote_scripts(body)
    body = _DOC_LINK.sub(lambda m: f'href="docs/{m.group(1)}.html{m.group(2) or ""}"', body)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner(lesson), body, count=1)
    return body, title


def doc_pages(lesson_pages: list[str], out: Path) -> list[str]:
    """The docs the lesson pages link to (``docs/NAME.html``), rendered from Markdown with
    mistune (nbconvert's own Markdown library); their links to lessons point at the lesson
    pages and their links to other docs at those pages when they are built too."""
    import mistune

    built = re.compile(r'href="docs/([\w.-]+)\.html')
    names = sorted({m.group(1) for page in lesson_pages for m in built.finditer(page)})
    names = [n for n in names if (ROOT / "docs" / f"{n}.md").exists()]
    (out / "docs").mkdir(exist_ok=True)
    render = mistune.create_markdown(plugins=["table"], escape=False)
    for name in names:
        body = render((ROOT / "docs" / f"{name}.md").read_text("utf-8"))
        body = _LESSON_LINK.sub(lambda m: f'href="../{m.group(1)}.html{m.group(2) or ""}"', body)
        body = _MD_LINK.sub(
            lambda m: (
                f'href="{m.group(1)}.html{m.group(2) or ""}"' if m.group(1) in names else m.group(0)
            ),
            body,
        )
        (out / "docs" / f"{name}.html").write_text(
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<title>{html.escape(name)}</title></head><body style="font-family:sans-serif;'
            f'max-width:50em;margin:2em auto;line-height:1.5">'
            '<p><a href="../index.html">all lessons</a></p>\n'
            f"{body}</body></html>\n",
            "utf-8",
        )
    return names


def index_page(entries: list[tuple[Path, str]]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(p.stem)}.html">{html.escape(t)}</a> '
        f'(<a href="{html.escape(binder_url(p), quote=True)}">live on Binder</a>)</li>'
        for p, t in entries
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>backspasm: the lessons (static edition)</title></head>"
        '<body style="font-family:sans-serif;max-width:50em;margin:2em auto;'
        'line-height:1.5">\n<h1>backspasm: the lessons</h1>\n'
        "<p>A course of interactive notebooks on one clinical argument about low-back "
        "spasm. This is the <b>static edition</b>: every lesson with its stored figures and "
        "numbers, readable without Python. The apps run only in the live version "
        "(Binder, or JupyterLab on your own machine).</p>\n"
        "<p><b>This is a teaching model, not medical advice.</b></p>\n"
        f"<ul>\n{items}\n</ul>\n</body></html>\n"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "site")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    entries, pages = [], []
    for lesson in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        page, title = build_page(lesson, exporter)
        (args.out / f"{lesson.stem}.html").write_text(page, "utf-8")
        entries.append((lesson, title))
        pages.append(page)
        print(f"site/{lesson.stem}.html")
    for name in doc_pages(pages, args.out):
        print(f"site/docs/{name}.html")
    (args.out / "index.html").write_text(index_page(entries), "utf-8")
    print(f"{args.out}/index.html: {len(entries)} lessons")
    return 0


if __name__ == "__main__":
    sys.exit(main())
