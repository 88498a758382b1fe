"""Lexicons as versioned data: a TOML metadata file plus a TSV table per lexicon.

Layout, for a lexicon with id ``loaded``::

    bias/lexicons/loaded.toml   # [meta]: id, version, title, description, licence, matching,
                                # [[sources]]: key, citation (what the categories draw on)
    bias/lexicons/loaded.tsv    # one entry a row; header names the columns

Required TSV columns: ``term, category, weight, explanation``. Optional and common:
``alternative`` (a neutral wording), ``source`` (a key of ``[[sources]]``). Any other column is kept
in ``Entry.extra``. Lines starting with ``#`` and blank lines are skipped. See README.md in this
folder for the contribution protocol.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from bias.errors import LexiconError

REQUIRED_COLUMNS = ("term", "category", "weight", "explanation")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row. ``weight`` > 0; its meaning is stated in the lexicon's metadata."""

    term: str
    category: str
    weight: float
    explanation: str
    alternative: str = ""
    source: str = ""
    line: int = 0
    extra: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A loaded lexicon: its metadata and entries (immutable)."""

    id: str
    version: str
    meta: Mapping[str, object]
    sources: Mapping[str, str]
    entries: tuple[Entry, ...]
    path: str

    @property
    def stamp(self) -> str:
        """``id@version``, stamped into results and the report footer."""
        return f"{self.id}@{self.version}"


def _freeze(obj: object) -> object:
    if isinstance(obj, dict):
        return MappingProxyType({k: _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


def parse_lexicon(meta_text: str, table_text: str, *, meta_path: str, table_path: str) -> Lexicon:
    """Validate and build a :class:`Lexicon`; errors name the file and line."""
    try:
        meta_doc = tomllib.loads(meta_text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(meta_path, f"not valid TOML: {exc}") from None
    meta = meta_doc.get("meta")
    if not isinstance(meta, dict):
        raise LexiconError(meta_path, "missing [meta] table")
    for key in ("id", "version", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise LexiconError(meta_path, f"[meta] needs a non-empty string '{key}'")
    sources: dict[str, str] = {}
    for i, src in enumerate(meta_doc.get("sources", [])):
        if not isinstance(src, dict) or "key" not in src or "citation" not in src:
            raise LexiconError(meta_path, f"[[sources]] entry {i + 1} needs 'key' and 'citation'")
        sources[str(src["key"])] = str(src["citation"])

    lines = table_text.splitlines()
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows:
        raise LexiconError(table_path, "the table is empty (a header line is required)")
    header_no, header_line = rows[0]
    header = [h.strip() for h in header_line.split("\t")]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise LexiconError(table_path, f"header lacks column(s): {', '.join(missing)}", header_no)
    entries = []
    seen: dict[tuple[str, str], int] = {}
    for n, line in rows[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(header):
            raise LexiconError(table_path,
                               f"expected {len(header)} tab-separated cells, found {len(cells)}", n)
        row = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        term = row["term"]
        if not term:
            raise LexiconError(table_path, "empty term", n)
        try:
            weight = float(row["weight"])
        except ValueError:
            raise LexiconError(table_path, f"weight {row['weight']!r} is not a number", n) from None
        if not 0 < weight <= 10:
            raise LexiconError(table_path, f"weight {weight} is outside (0, 10]", n)
        if not row["explanation"]:
            raise LexiconError(table_path, f"term {term!r} has no explanation", n)
        if not row["category"]:
            raise LexiconError(table_path, f"term {term!r} has no category", n)
        src = row.get("source", "")
        if src and sources and src not in sources:
            raise LexiconError(table_path, f"source {src!r} is not declared in {meta_path}", n)
        key = (term.lower(), row["category"])
        if key in seen:
            raise LexiconError(table_path, f"duplicate term {term!r} (first on line {seen[key]})", n)
        seen[key] = n
        extra = {k: v for k, v in row.items() if k not in {*REQUIRED_COLUMNS, "alternative", "source"}}
        entries.append(Entry(term, row["category"], weight, row["explanation"], row.get("alternative", ""),
                             src, n, MappingProxyType(extra)))
    return Lexicon(
        id=meta["id"],
        version=meta["version"],
        meta=_freeze(meta),  # type: ignore[arg-type]
        sources=MappingProxyType(sources),
        entries=tuple(entries),
        path=table_path,
    )


def load_lexicon_files(meta_path: Path, table_path: Path) -> Lexicon:
    """Load a lexicon from two files on disk (used for user lexicons, ``--lexicon FILE``)."""
    for p in (meta_path, table_path):
        if not p.is_file():
            raise LexiconError(str(p), "file not found")
    return parse_lexicon(meta_path.read_text(encoding="utf-8"), table_path.read_text(encoding="utf-8"),
                         meta_path=str(meta_path), table_path=str(table_path))


@cache
def load_lexicon(lexicon_id: str) -> Lexicon:
    """Load a packaged lexicon by id (cached per process; the result is immutable)."""
    pkg = resources.files("bias.lexicons")
    meta = pkg.joinpath(f"{lexicon_id}.toml")
    table = pkg.joinpath(f"{lexicon_id}.tsv")
    if not meta.is_file() or not table.is_file():
        raise LexiconError(f"bias/lexicons/{lexicon_id}", "no such packaged lexicon")
    return parse_lexicon(meta.read_text(encoding="utf-8"), table.read_text(encoding="utf-8"),
                         meta_path=f"bias/lexicons/{lexicon_id}.toml",
                         table_path=f"bias/lexicons/{lexicon_id}.tsv")


def packaged_lexicon_ids() -> tuple[str, ...]:
    """Ids of every packaged lexicon (a ``.toml`` with a matching ``.tsv``), sorted."""
    pkg = resources.files("bias.lexicons")
    ids = []
    for item in pkg.iterdir():
        name = item.name
        if name.endswith(".toml") and pkg.joinpath(name[:-5] + ".tsv").is_file():
            ids.append(name[:-5])
    return tuple(sorted(ids))
