"""Read JSON Lines files of objects, with errors that name the file and the line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bias.errors import InputError


def json_objects(path: str | Path, raw: str, *,
                 expect: str = "a JSON object") -> list[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line of ``raw`` (the text of ``path``).

    Raises :class:`InputError` at the first line that is not valid JSON or not an object; ``expect``
    completes the message "each line must be ...".
    """
    rows = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON ({exc.msg})", n) from None
        if not isinstance(obj, dict):
            raise InputError(str(path), f"each line must be {expect}", n)
        rows.append((n, obj))
    return rows
