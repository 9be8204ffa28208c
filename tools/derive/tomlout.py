"""A small TOML writer for the derived data file (the standard library reads TOML, it does
not write it). Nested dicts become [sections]; dicts wrapped in :class:`Inline` are written as
inline tables."""

from __future__ import annotations

import json
import math


class Inline(dict):
    """A dict written as an inline table."""


def _key(k: str) -> str:
    ok = k and all(c.isalnum() or c in "_-" for c in k)
    return k if ok else json.dumps(k)


def _float(v: float) -> str:
    if not math.isfinite(v):
        raise ValueError(f"non-finite number {v!r} cannot be written")
    s = format(v, ".10g")
    return s if any(c in s for c in ".en") else s + ".0"


def _val(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return _float(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_val(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_val(x) for x in v) + "]"
    if hasattr(v, "tolist"):
        return _val(v.tolist())
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def dumps(d: dict, header: str = "") -> str:
    lines = [f"# {h}".rstrip() for h in header.splitlines()] if header else []

    def walk(table: dict, prefix: tuple[str, ...]) -> None:
        plain = [
            (k, v) for k, v in table.items() if not isinstance(v, dict) or isinstance(v, Inline)
        ]
        subs = [
            (k, v) for k, v in table.items() if isinstance(v, dict) and not isinstance(v, Inline)
        ]
        if prefix and plain:
            lines.append("")
            lines.append("[" + ".".join(_key(p) for p in prefix) + "]")
        for k, v in plain:
            lines.append(f"{_key(k)} = {_val(v)}")
        for k, v in subs:
            walk(v, (*prefix, k))

    walk(d, ())
    return "\n".join(lines) + "\n"
