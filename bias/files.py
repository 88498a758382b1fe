"""Safe output files: atomic writes, no silent overwrite, never into an input folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from bias.errors import OutputError


def check_output(path: Path, *, inputs: Sequence[Path], force: bool, default: bool) -> None:
    """Refuse an output that would overwrite a file the user did not ask to overwrite, that is an
    input, or that lies inside an input folder. The default output path may be replaced."""
    resolved = path.resolve()
    for inp in inputs:
        r = inp.resolve()
        if resolved == r:
            raise OutputError(f"{path}: the output would overwrite an input file")
        if r.is_dir() and r in resolved.parents:
            raise OutputError(f"{path}: refusing to write into the input folder {inp}")
    if path.exists() and path.is_dir():
        raise OutputError(f"{path}: is a folder, not a file")
    if path.exists() and not (force or default):
        raise OutputError(f"{path}: already exists (use --force to overwrite it)")


@contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text file to write to bit by bit; it replaces ``path`` only when the block ends
    without error (a reader never sees half a file, a crash leaves the old file intact)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` as UTF-8 to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path) as fh:
        fh.write(data)
