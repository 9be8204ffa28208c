"""Render each lesson's "Further reading" list from docs/references.bib, so it cannot drift.

A lesson's ``.md`` names its keys in a marker under its further-reading heading; the tool
rewrites only the lines between that marker and the end marker::

    <!-- further-reading: Preece2008 Herrington2011 Beardsley2016 -->
    (rendered entries: written by this tool)
    <!-- /further-reading -->

Usage (from the repository root)::

    .venv/bin/python tools/further_reading.py notebooks/01_reading_the_pelvis.md   # rewrite
    .venv/bin/python tools/further_reading.py --check notebooks/*.md   # exit 1 on drift

then ``jupytext --sync`` (or ``make notebooks LESSONS=...``) so the ``.ipynb`` follows the
``.md``. Only formatting lives here: no lesson text. Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIB = ROOT / "docs" / "references.bib"
START = re.compile(r"^<!-- further-reading:([^>]*)-->\s*$", re.M)
END = "<!-- /further-reading -->"
MIN_ENTRIES, MAX_ENTRIES = 3, 6
_MAX_AUTHORS = 6  # more than this: the first three and "et al."

_ENTRY = re.compile(r"@(\w+)\s*\{\s*([^,\s]+)\s*,", re.ASCII)
_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303"}


def _braced(text: str, start: int) -> tuple[str, int]:
    """Content of the balanced ``{...}`` opening at ``text[start]`` and the index after it."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    raise ValueError(f"unbalanced braces from offset {start}")


def parse_bibtex(text: str) -> dict[str, dict[str, str]]:
    """Entries of a BibTeX file: ``{key: {"ENTRYTYPE": type, field: value, ...}}``.

    Values may be ``{...}`` (nested braces kept), ``"..."`` or bare numbers; ``%`` starts a
    comment line outside entries. Raises ValueError on a duplicate key or malformed field.
    """
    entries: dict[str, dict[str, str]] = {}
    pos = 0
    while (m := _ENTRY.search(text, pos)) is not None:
        # skip matches inside comment lines
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].lstrip().startswith("%"):
            pos = m.end()
            continue
        kind, key = m.group(1).lower(), m.group(2)
        body, pos = _braced(text, text.index("{", m.start()))
        fields: dict[str, str] = {"ENTRYTYPE": kind}
        rest = body[len(key) :].lstrip().lstrip(",")
        i = 0
        while i < len(rest):
            fm = re.match(r"\s*([\w-]+)\s*=\s*", rest[i:])
            if fm is None:
                if rest[i:].strip(" \t\r\n,") == "":
                    break
                raise ValueError(f"{key}: cannot parse field near {rest[i : i + 40]!r}")
            name = fm.group(1).lower()
            i += fm.end()
            if rest[i] == "{":
                value, i = _braced(rest, i)
            elif rest[i] == '"':
                end = rest.index('"', i + 1)
                value, i = rest[i + 1 : end], end + 1
            else:
                vm = re.match(r"[\w.-]+", rest[i:])
                if vm is None:
                    raise ValueError(f"{key}: bad value for {name}")
                value, i = vm.group(0), i + vm.end()
            if name in fields:
                raise ValueError(f"{key}: field {name} twice")
            fields[name] = " ".join(value.split())
            sep = re.match(r"\s*,?", rest[i:])
            i += sep.end() if sep else 0
        if key in entries:
            raise ValueError(f"duplicate key {key}")
        entries[key] = fields
    return entries


def latex_to_text(s: str) -> str:
    """Plain text from BibTeX markup: accents, ``\\&``, ``--``, protective braces."""
    s = re.sub(r"\{?\\([\"'`^~])\{?(\w)\}?\}?", lambda m: m.group(2) + _ACCENTS[m.group(1)], s)
    s = re.sub(r"\\url\{([^}]*)\}", r"<\1>", s)
    s = s.replace("\\&", "&").replace("--", "\u2013")
    return unicodedata.normalize("NFC", s.replace("{", "").replace("}", ""))


def _split_authors(field: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for tok in re.split(r"(\{|\}|\s+and\s+)", field):
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
        if depth == 0 and re.fullmatch(r"\s+and\s+", tok or ""):
            parts.append(cur)
            cur = ""
        else:
            cur += tok
    return [p.strip() for p in [*parts, cur] if p.strip()]


def _author(name: str) -> str:
    """``Preece, Stephen J.`` -> ``Preece SJ``; ``{National Guideline Centre}`` as is."""
    if name.startswith("{") and name.endswith("}"):
        return latex_to_text(name)
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
    else:
        *firsts, last = name.split()
        first = " ".join(firsts)
    initials = "".join(w[0] for w in re.split(r"[\s.\-]+", latex_to_text(first)) if w)
    return f"{latex_to_text(last)} {initials}".strip()


def authors(field: str) -> str:
    """The author list in citation form (Vancouver style, "et al." after three of many)."""
    names = [_author(n) for n in _split_authors(field)]
    if len(names) > _MAX_AUTHORS:
        names = [*names[:3], "et al."]
    return ", ".join(names)


def cite(key: str, e: dict[str, str]) -> str:
    """One Markdown citation: authors (year). Title. *Journal* volume(number):pages. DOI."""
    t = {k: latex_to_text(v) for k, v in e.items() if k not in ("author",)}
    head = f"{authors(e['author'])} ({t['year']}). {t['title'].rstrip('.')}."
    kind = e["ENTRYTYPE"]
    if kind == "article":
        where = f"*{t['journal']}*"
        if "volume" in t:
            where += f" {t['volume']}" + (f"({t['number']})" if "number" in t else "")
            where += f":{t['pages']}" if "pages" in t else ""
        elif "pages" in t:
            where += f" {t['pages']}"
        body = f"{where}."
    elif kind == "book":
        body = f"{t['publisher']}" + (f", {t['address']}" if "address" in t else "") + "."
    elif kind == "techreport":
        label = " ".join(x for x in (t.get("type"), t.get("number")) if x)
        body = (
            (f"{label}. " if label else "")
            + f"{t['institution']}"
            + (f", {t['address']}" if "address" in t else "")
            + "."
        )
    else:
        body = f"{t.get('howpublished', '')}.".lstrip(".")
    link = (
        f" <https://doi.org/{e['doi']}>" if "doi" in e else f" <{e['url']}>" if "url" in e else ""
    )
    return f"{head} {body}{link}".replace(" .", ".").strip()


def render(keys: list[str], bib: dict[str, dict[str, str]]) -> str:
    """The rendered list for ``keys`` (a Markdown bullet list). Raises KeyError for a key not
    in ``bib`` and ValueError for fewer than 3 or more than 6 keys, or a repeated key."""
    if not MIN_ENTRIES <= len(keys) <= MAX_ENTRIES:
        raise ValueError(f"{len(keys)} further-reading keys; give {MIN_ENTRIES}-{MAX_ENTRIES}")
    if len(set(keys)) != len(keys):
        raise ValueError(f"a key is listed twice: {keys}")
    missing = [k for k in keys if k not in bib]
    if missing:
        raise KeyError(f"not in docs/references.bib: {missing}")
    return "\n".join(f"- {cite(k, bib[k])}" for k in keys)


def keys_of(text: str) -> list[str]:
    """The keys of the further-reading marker in a lesson's text (ValueError without one)."""
    m = START.search(text)
    if m is None:
        raise ValueError("no '<!-- further-reading: KEY ... -->' marker")
    return m.group(1).split()


def rewrite(text: str, bib: dict[str, dict[str, str]]) -> str:
    """``text`` with the lines between the marker and the end marker rendered afresh."""
    m = START.search(text)
    if m is None:
        raise ValueError("no '<!-- further-reading: KEY ... -->' marker")
    end = text.find(END, m.end())
    if end < 0:
        raise ValueError(f"no end marker {END!r} after the further-reading marker")
    block = render(m.group(1).split(), bib)
    return f"{text[: m.end()]}\n{block}\n{text[end:]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lessons", nargs="+", type=Path, help="lesson .md files")
    ap.add_argument("--check", action="store_true", help="report drift, change nothing")
    args = ap.parse_args(argv)
    bib = parse_bibtex(BIB.read_text("utf-8"))
    status = 0
    for path in args.lessons:
        text = path.read_text("utf-8")
        if START.search(text) is None:
            print(f"{path}: no further-reading marker (not converted): skipped")
            continue
        new = rewrite(text, bib)
        if new != text:
            if args.check:
                print(f"{path}: further reading differs from docs/references.bib")
                status = 1
            else:
                path.write_text(new, "utf-8")
                print(f"{path}: further reading rewritten")
    return status


if __name__ == "__main__":
    sys.exit(main())
