"""Readers for structured inputs: JSON Lines, CSV and saved web pages (HTML).

Each reader yields :class:`Record` objects (one per article) or :class:`~bias.errors.InputError`
objects (one per record that cannot be used), never raising for bad content. The JSON Lines and CSV
readers also take an open file and read it one line or row at a time, so a file of 100,000 articles
never sits in memory whole. Cleaning and building the ``Article`` happen in :mod:`bias.corpus.load`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import BinaryIO, TypeVar

from bias.corpus.decode import normalise_part
from bias.errors import InputError

__all__ = [
    "FIELDS", "Record", "read_jsonl", "read_csv", "read_html", "iso_date", "size_text", "text_lines"
]

FIELDS = ("id", "outlet", "title", "author", "date", "url", "text")
_SURROGATE = re.compile("[\ud800-\udfff]")
_T = TypeVar("_T")


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


def size_text(n: int) -> str:
    """``61234567`` -> ``"61.2 MB"``, ``20000000`` -> ``"20 MB"``, ``1500`` -> ``"1.5 KB"``."""
    value, unit = (n / 1e6, "MB") if n >= 100_000 else (n / 1e3, "KB") if n >= 1000 else (n, "bytes")
    text = f"{value:.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} {unit}"


def _skip_line(stream: BinaryIO) -> int:
    """Read on to the end of the current line without keeping it; the number of bytes read."""
    n = 0
    while True:
        chunk = stream.readline(1 << 20)
        n += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return n


def _utf8_lines(path: str, stream: BinaryIO, max_line: int) -> Iterator[tuple[int, str] | InputError]:
    """Numbered, normalised lines of a UTF-8 file read one line at a time, or an error per bad line.

    Numbering and text are those of splitting the whole normalised file at ``\\n`` (a lone carriage
    return or a Unicode line separator inside a line starts a new numbered line, as it always did).
    A line longer than ``max_line`` bytes is skipped unread with an error, so memory stays bounded.
    """
    n = 0
    while raw := stream.readline(max_line + 2):  # room for the line's own "\r\n"
        n += 1
        ended = raw.endswith(b"\n")
        raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1] if ended else raw
        if len(raw) > max_line:
            size = len(raw) + (1 if ended else _skip_line(stream))
            yield InputError(
                path,
                f"line {n} is {size_text(size)} long, over the {size_text(max_line)} limit for one line "
                "(each line should hold one article; use --max-size to raise the limit)",
                line=n,
            )
            continue
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(
                path,
                f"line {n} is not valid UTF-8 text (byte {exc.start + 1} of the line is "
                f"0x{raw[exc.start]:02X}); JSON Lines files must be saved as UTF-8",
                line=n,
            )
            continue
        parts = normalise_part(text).split("\n")
        for k, part in enumerate(parts):
            yield n + k, part
        n += len(parts) - 1


def read_jsonl(path: str, source: str | BinaryIO, *, max_line: int = 0) -> Iterator[Record | InputError]:
    """One JSON object per line with a ``text`` field; blank lines are skipped.

    ``source`` is normalised text, or a binary file open at its start, read one line at a time as
    UTF-8 (as the JSON Lines format requires; a UTF-8 byte-order mark is allowed): then a line that is
    not UTF-8 or longer than ``max_line`` bytes gives an error and reading goes on with the next.
    """
    lines = (
        enumerate(source.split("\n"), start=1)
        if isinstance(source, str)
        else _utf8_lines(path, source, max_line)
    )
    for item in lines:
        if isinstance(item, InputError):
            yield item
            continue
        n, raw = item
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


def text_lines(stream: Iterable[str]) -> Iterator[str]:
    """The normalised lines (ending in ``\\n``) of a text file opened with ``newline=""``.

    The csv module then sees exactly the lines of the whole normalised text, so line numbers stay
    those of reading the file whole.
    """
    for raw in stream:
        parts = normalise_part(raw).split("\n")
        for part in parts[:-1]:
            yield part + "\n"
        if parts[-1]:
            yield parts[-1]


def _limited(call: Callable[[], _T], limit: int) -> _T:
    """``call()`` with the csv module's field size limit (a global) raised to ``limit`` meanwhile."""
    old = csv.field_size_limit(max(limit, 131072))
    try:
        return call()
    finally:
        csv.field_size_limit(old)


def _undecodable(row: Mapping[object, object]) -> bool:
    """True when a row read with ``errors="surrogateescape"`` holds bytes that were not UTF-8."""
    values = [v for value in row.values() for v in (value if isinstance(value, list) else [value])]
    return any(isinstance(v, str) and _SURROGATE.search(v) for v in values)


def read_csv(path: str, source: str | Iterable[str], *, max_field: int) -> Iterator[Record | InputError]:
    """A CSV file with a header row and a ``text`` column (any letter case).

    ``source`` is normalised text, or its lines (:func:`text_lines`), read one row at a time. Quoted
    fields may hold newlines. The csv module refuses fields over 128 KB by default; the limit is
    raised to ``max_field`` while each row is read and restored afterwards (it is global). A row
    holding bytes that are not UTF-8 (a file read with ``errors="surrogateescape"``) is an error.
    """
    reader = csv.DictReader(io.StringIO(source, newline="") if isinstance(source, str) else source)
    try:
        columns = [c.strip() for c in _limited(lambda: reader.fieldnames, max_field) or []]
    except csv.Error as exc:
        yield InputError(path, f"line {reader.line_num} is not valid CSV: {exc}", line=reader.line_num)
        return
    if "text" not in [c.lower() for c in columns]:
        yield InputError(path, f"CSV has no 'text' column (columns: {', '.join(columns) or 'none'})")
        return
    start = 2
    while True:
        try:
            row = _limited(lambda: next(reader, None), max_field)
        except csv.Error as exc:
            if "field limit" in str(exc):
                limit = max(max_field, 131072)
                yield InputError(path, f"line {start} has a field over the {limit:,}-character limit for "
                                 "one field (use --max-size to raise it)", line=start)
            else:
                n = reader.line_num
                yield InputError(path, f"line {n} is not valid CSV: {exc}", line=n)
            return
        if row is None:
            return
        line, start = start, reader.line_num + 1
        if _undecodable(row):
            yield InputError(
                path, f"line {line} is not valid UTF-8 text (the file changes encoding part-way)", line=line
            )
            continue
        rec = _record(line, row)
        yield rec if isinstance(rec, Record) else InputError(path, f"line {line} {rec}", line=line)


MAX_HTML_DEPTH = 255  # libxml2's default nesting limit, which lxml (under trafilatura) keeps
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})


def nesting_depth(html: str) -> int:
    """The deepest element nesting of ``html`` by a plain scan of its tags (void and self-closed
    elements do not nest; unbalanced closing tags never take the depth below zero)."""
    depth = deepest = 0
    for closing, name, self_closed in _TAG.findall(html):
        if closing:
            depth = max(0, depth - 1)
        elif not self_closed and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


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
        depth = nesting_depth(html)
        why = (f" (its elements are nested {depth:,} deep; the HTML parser stops reading at "
               f"{MAX_HTML_DEPTH}: save the page's text as .txt instead)" if depth > MAX_HTML_DEPTH else "")
        yield InputError(path, "no article text found in this web page" + why)
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
