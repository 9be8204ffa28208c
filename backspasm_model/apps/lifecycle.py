"""How long an app lives (ipywidgets, imported on demand): closing whole widget trees, one
app per notebook cell, and callbacks that do not keep an app alive.

* :func:`close_tree` closes a widget and everything it holds (children, layout, style, an
  ipympl canvas's toolbar): ipywidgets keeps every open widget in a registry, so a widget
  left open keeps its callbacks, and through them its app and figure, alive.
* :func:`adopt` ties an app to the notebook cell running it (the kernel's parent header,
  ``metadata.cellId``): when the same cell runs again, the apps of its previous run are
  closed, so re-running a cell never piles up figures and widgets. Outside a kernel (or a
  front end that sends no cell id) nothing is closed for you.
* :func:`weak_handler` wraps a method for ``observe``/``on_click`` without a strong
  reference to the app. An app lives while you hold it or while it is displayed (held
  until its cell runs again); an app you dropped and never displayed is collected, and its
  widgets and figure are released with it (:func:`finalize`).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import Any

from ipywidgets.widgets import widget as _widget_module

__all__ = [
    "adopt",
    "close_tree",
    "finalize",
    "forget",
    "live_widget_count",
    "release",
    "shown",
    "weak_handler",
]

# cell id -> (id of the execution that made its apps, those apps (weakly))
_BY_CELL: dict[str, tuple[str, weakref.WeakSet[Any]]] = {}
# apps displayed in a cell output: held until closed (their cell's next run closes them)
_SHOWN: set[Any] = set()


def live_widget_count() -> int:
    """Number of open ipywidgets in this process (ipywidgets' own registry)."""
    return len(_widget_module._instances)


def _cell_key() -> tuple[str | None, str | None]:
    """(cell id, message id) of the request the kernel is executing, or (None, None)."""
    try:
        from IPython import get_ipython

        kernel = getattr(get_ipython(), "kernel", None)
        parent = kernel.get_parent() if kernel is not None else None
    except Exception:  # no IPython, no kernel, an older ipykernel: nothing to key on
        return None, None
    if not isinstance(parent, dict):
        return None, None
    cell = (parent.get("metadata") or {}).get("cellId")
    msg = (parent.get("header") or {}).get("msg_id")
    return (str(cell) if cell else None), (str(msg) if msg else None)


def adopt(app: Any) -> None:
    """Tie ``app`` to the cell being executed; close what that cell's previous run made."""
    cell, msg = _cell_key()
    if cell is None:
        return
    old = _BY_CELL.get(cell)
    if old is not None and old[0] != msg:
        for other in list(old[1]):
            if other is not app:
                other.close()
        old = None
    if old is None:
        old = (msg or "", weakref.WeakSet())
        _BY_CELL[cell] = old
    old[1].add(app)


def shown(app: Any) -> None:
    """``app`` was displayed: keep it alive (its views need it) and tie it to this cell."""
    adopt(app)
    if any(_cell_key()):  # in a kernel: a front end may show it
        _SHOWN.add(app)


def forget(app: Any) -> None:
    """``app`` was closed: stop holding it."""
    _SHOWN.discard(app)


def close_tree(w: Any) -> None:
    """Close widget ``w`` and every widget it holds (children, layout, style, toolbar ...)."""
    seen: set[int] = set()
    stack = [w]
    while stack:
        cur = stack.pop()
        if id(cur) in seen or not isinstance(cur, _widget_module.Widget):
            continue
        seen.add(id(cur))
        for name in cur.keys:
            try:
                val = getattr(cur, name)
            except Exception:  # a trait that cannot be read any more
                continue
            if isinstance(val, _widget_module.Widget):
                stack.append(val)
            elif isinstance(val, list | tuple):
                stack.extend(v for v in val if isinstance(v, _widget_module.Widget))
        cur.close()


def _release(resources: list[Any]) -> None:
    for r in resources:
        try:
            if isinstance(r, _widget_module.Widget):
                close_tree(r)
            else:
                r.close()
        except Exception:  # releasing at collection time must never raise
            pass
    resources.clear()


def finalize(app: Any, resources: list[Any]) -> None:
    """When ``app`` is collected, close ``resources`` (widgets and figures; the list may
    grow later and must not refer to the app)."""
    weakref.finalize(app, _release, resources)


def release(resources: Iterable[Any]) -> None:
    """Close ``resources`` now (widgets as whole trees, anything else by ``close()``)."""
    _release(list(resources))


def weak_handler(obj: Any, method: str) -> Callable[..., Any]:
    """``getattr(obj, method)`` as a callback that does not keep ``obj`` alive."""
    ref = weakref.ref(obj)

    def call(*args: Any, **kwargs: Any) -> Any:
        target = ref()
        if target is None:
            return None
        return getattr(target, method)(*args, **kwargs)

    call.__name__ = method
    return call
