"""Readers for structured inputs: JSON Lines, CSV and saved web pages (HTML).

Each reader takes already-decoded, normalised text and yields :class:`Record` objects (one per
article) or :class:`~bias.errors.InputError` objects (one per record that cannot be used), never
raising for bad content. Cleaning and building the ``Article`` happen in :mod:`bias.corpus.load`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from bias.errors import InputError

__all__ = ["FIELDS", "Record", "read_jsonl", "read_csv", "read_html", "iso_date"]

FIELDS = ("id", "outlet", "title", "author", "date", "url", "text")


@dataclass(frozen=True, slots=True)
class Record:
    """One article's raw fields. ``line`` is the source line it starts on (1-based)."""

    line: int
    text: str
    fields: Mapping[str, str]  # id, outlet, title, author, date, url when given (non-empty)
    extra: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def iso_date(value: str) -> str | None:
    """``value`` as YYYY-MM-DD when it starts with an ISO date ("2024-09-06T10:00Z" too), else None."""
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _record(line: int, row: Mapping[str, object]) -> Record | str:
    """A Record, or the reason (plain words) the row cannot be used."""
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    text = lowered.get("text")
    if not isinstance(text, str) or not text.strip():
        return "has no text" if text in (None, "") else "has a 'text' that is not a piece of text"
    fields = {k: _as_text(lowered[k]).strip() for k in FIELDS[:-1] if lowered.get(k) not in (None, "")}
    extra = {
        str(k): _as_text(v)
        for k, v in row.items()
        if k is not None and str(k).strip().lower() not in FIELDS and v not in (None, "")
    }
    return Record(line, text, MappingProxyType(fields), MappingProxyType(extra))


def read_jsonl(path: str, text: str) -> Iterator[Record | InputError]:
    """One JSON object per line with a ``text`` field; blank lines are skipped."""
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"line {n} is not valid JSON: {exc.msg} (column {exc.colno})", line=n)
            continue
        if not isinstance(obj, dict):
            yield InputError(path, f"line {n} is not a JSON object with a 'text' field", line=n)
            continue
        rec = _record(n, obj)
        yield rec if isinstance(rec, Record) else InputError(path, f"line {n} {rec}", line=n)


def read_csv(path: str, text: str, *, max_field: int) -> Iterator[Record | InputError]:
    """A CSV file with a header row and a ``text`` column (any letter case).

    Quoted fields may hold newlines. The csv module refuses fields over 128 KB by default; the
    limit is raised to ``max_field`` for this read only and restored afterwards (it is global).
    """
    rows: list[tuple[int, dict[str, object]]] = []
    problems: list[InputError] = []
    old = csv.field_size_limit(max(max_field, 131072))
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = [c.strip() for c in reader.fieldnames or []]
        if "text" not in [c.lower() for c in columns]:
            problems.append(
                InputError(path, f"CSV has no 'text' column (columns: {', '.join(columns) or 'none'})")
            )
        else:
            start = 2
            try:
                for row in reader:
                    rows.append((start, row))
                    start = reader.line_num + 1
            except csv.Error as exc:
                problems.append(
                    InputError(path, f"line {reader.line_num} is not valid CSV: {exc}", line=reader.line_num)
                )
    finally:
        csv.field_size_limit(old)
    for line, row in rows:
        rec = _record(line, row)
        yield rec if isinstance(rec, Record) else InputError(path, f"line {line} {rec}", line=line)
    yield from problems


def read_html(path: str, html: str) -> Iterator[Record | InputError]:
    """Extract the article of a saved web page with trafilatura (offline, precision first).

    Title, author, date, URL and site name come from the page's own metadata when it has them.
    Comments, tables and images are left out. Dates are taken only from the page's markup
    (no extensive search through the text), so none is guessed.
    """
    import trafilatura  # imported here: it is slow to import and only needed for HTML

    doc = trafilatura.bare_extraction(
        html,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = data.get("text") or ""
    if not text.strip():
        yield InputError(path, "no article text found in this web page")
        return
    fields: dict[str, str] = {}
    for ours, theirs in (
        ("title", "title"),
        ("author", "author"),
        ("date", "date"),
        ("url", "url"),
        ("outlet", "sitename"),
    ):
        value = data.get(theirs)
        if isinstance(value, str) and value.strip():
            fields[ours] = " ".join(value.split())
    yield Record(1, text, MappingProxyType(fields))
