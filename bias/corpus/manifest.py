"""``manifest.toml``: what a folder's files are, in the user's own words.

The manifest says who published each file, who wrote it, when, and anything a reader should know
about where it came from (``notes``). It can also declare that one file holds several articles.
The format is documented, with every field, in ``seeds/README.md``; in short::

    version = 1

    [defaults]                      # optional: fields for every file that does not set its own
    story = "border-cartels"

    [[file]]
    path = "000_page.txt"           # relative to the folder holding manifest.toml
    id = "seed-000"
    outlet = "Unnamed blog (000)"
    notes = ["The page does not name its outlet."]

    [[file]]
    path = "003_page.txt"
      [[file.part]]                 # one entry per article on the page, in page order
      starts = "Exact headline line of the first article"
      id = "seed-003a"

The manifest always wins over what is inferred from the text. It is read with :mod:`tomllib`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

__all__ = ["MANIFEST_NAME", "Fields", "FileEntry", "Manifest", "ManifestError", "read_manifest"]

MANIFEST_NAME = "manifest.toml"
_TEXT_FIELDS = ("id", "outlet", "title", "author", "date", "url", "story")
_FILE_KEYS = frozenset({*_TEXT_FIELDS, "notes", "path", "part"})
_PART_KEYS = frozenset({*_TEXT_FIELDS, "notes", "starts"})
_DEFAULT_KEYS = frozenset({"outlet", "author", "date", "story", "notes"})


class ManifestError(ValueError):
    """The manifest cannot be used; ``str()`` says why in plain words."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Article fields a manifest can set; None means "not said"."""

    id: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    story: str | None = None
    notes: tuple[str, ...] = ()

    def over(self, base: Fields) -> Fields:
        """These fields, falling back to ``base`` where not said; notes of both, base first."""
        merged = {f: getattr(base, f) if getattr(self, f) is None else getattr(self, f) for f in _TEXT_FIELDS}
        return Fields(**merged, notes=base.notes + self.notes)


@dataclass(frozen=True, slots=True)
class Part:
    """One article inside a multi-article file: it begins at the line ``starts``."""

    starts: str
    fields: Fields


@dataclass(frozen=True, slots=True)
class FileEntry:
    path: str  # as written, relative to the manifest's folder
    fields: Fields  # already merged over [defaults]
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True, slots=True)
class Manifest:
    path: Path
    files: Mapping[Path, FileEntry]  # resolved file path -> entry
    defaults: Fields = Fields()

    def entry_for(self, file: Path) -> FileEntry:
        """The entry for ``file``; a file the manifest does not list gets the [defaults]."""
        resolved = file.resolve()
        return self.files.get(resolved) or FileEntry(resolved.name, self.defaults)


def _where(kind: str, index: int, table: Mapping[str, Any]) -> str:
    name = table.get("path") or table.get("starts") or table.get("id")
    return f"{kind} {index}" + (f" ({name!r})" if isinstance(name, str) else "")


def _fields(table: Mapping[str, Any], allowed: frozenset[str], where: str) -> Fields:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ManifestError(
            f"{where} has an unknown field {unknown[0]!r} (known fields: {', '.join(sorted(allowed))})"
        )
    values: dict[str, Any] = {}
    for key in _TEXT_FIELDS:
        if key not in table:
            continue
        value = table[key]
        if key == "date" and isinstance(value, date):
            value = value.isoformat()[:10]
        if not isinstance(value, str) or not value.strip():
            raise ManifestError(f"{where}: {key!r} must be a non-empty text in quotes")
        if key == "date":
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ManifestError(f"{where}: date {value!r} is not written as YYYY-MM-DD") from None
        values[key] = value.strip()
    notes = table.get("notes", ())
    if isinstance(notes, str):
        notes = (notes,)
    if not isinstance(notes, list | tuple) or not all(isinstance(n, str) for n in notes):
        raise ManifestError(f"{where}: 'notes' must be a text or a list of texts")
    return Fields(**values, notes=tuple(" ".join(n.split()) for n in notes))


def read_manifest(path: Path) -> Manifest:
    """Read and check ``path``. Raises :class:`ManifestError` with a plain message."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"the manifest is not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"the manifest cannot be read: {exc}") from None
    unknown = sorted(set(data) - {"version", "defaults", "file"})
    if unknown:
        raise ManifestError(f"unknown top-level entry {unknown[0]!r} (expected version, defaults, file)")
    if data.get("version", 1) != 1:
        raise ManifestError(f"manifest version {data.get('version')!r} is not supported (use version = 1)")
    defaults = _fields(data.get("defaults", {}), _DEFAULT_KEYS, "[defaults]")
    files: dict[Path, FileEntry] = {}
    ids: set[str] = set()
    entries = data.get("file", [])
    if not isinstance(entries, list):
        raise ManifestError("'file' entries must be written as [[file]] tables")
    for i, table in enumerate(entries, start=1):
        where = _where("[[file]] entry", i, table)
        raw_path = table.get("path")
        if not isinstance(raw_path, str) or not raw_path.strip():
            raise ManifestError(f"{where} has no 'path'")
        if PurePosixPath(raw_path).is_absolute() or ".." in PurePosixPath(raw_path).parts:
            raise ManifestError(f"{where}: 'path' must be relative to the manifest's folder")
        fields = _fields({k: v for k, v in table.items() if k not in ("path", "part")}, _FILE_KEYS, where)
        parts = []
        for j, part in enumerate(table.get("part", []), start=1):
            pwhere = f"{where}, part {j}"
            starts = part.get("starts")
            if not isinstance(starts, str) or not starts.strip():
                raise ManifestError(f"{pwhere} has no 'starts' (the exact first line of its headline)")
            own = {k: v for k, v in part.items() if k != "starts"}
            pfields = _fields(own, _PART_KEYS - {"starts"}, pwhere)
            parts.append(Part(starts.strip(), pfields.over(replace(fields, id=None, title=None, url=None))))
        for f in [p.fields for p in parts] or [fields]:
            if f.id is not None:
                if f.id in ids:
                    raise ManifestError(f"{where}: id {f.id!r} is used twice in the manifest")
                ids.add(f.id)
        resolved = (path.parent / raw_path).resolve()
        if resolved in files:
            raise ManifestError(f"{where}: the file is listed twice")
        files[resolved] = FileEntry(
            raw_path, fields.over(defaults), tuple(Part(p.starts, p.fields.over(defaults)) for p in parts)
        )
    return Manifest(path, MappingProxyType(files), defaults)
