"""Pickling for the trip to a worker process or machine, read-only mappings included.

Our frozen results hold :class:`types.MappingProxyType` views (no shared mutable state), which the
standard pickler refuses. :func:`dumps` uses a private dispatch table (nothing global is
registered) that sends a view as a plain dict and rebuilds the read-only view on arrival, so what
comes back compares equal to, and renders byte-identically with, what was sent.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any


def read_only(items: dict[str, Any]) -> Mapping[str, Any]:
    """Rebuild a read-only view (named at module level so pickle can find it on the other side)."""
    return MappingProxyType(items)


def _reduce_proxy(view: MappingProxyType) -> tuple[Any, tuple[dict[str, Any]]]:
    return read_only, (dict(view),)


_DISPATCH = {**copyreg.dispatch_table, MappingProxyType: _reduce_proxy}


def dumps(obj: object) -> bytes:
    """``obj`` as pickle bytes; read-only mapping views travel as dicts and come back as views."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(obj)
    return buf.getvalue()


def loads(data: bytes) -> Any:  # noqa: ANN401 (whatever was dumped)
    """The object :func:`dumps` wrote (only ever fed bytes this package produced itself)."""
    return pickle.loads(data)  # noqa: S301
