"""Inputs to Articles: files, folders, manifests; one cleaning pass; errors as values.

:func:`iter_inputs` is the one entry point. It never raises for a bad input: each file or record
that cannot be analysed becomes an :class:`~bias.errors.InputError` in the stream, and loading
carries on. Order is deterministic: inputs in the order given; a folder's files sorted by their
relative path (recursively), hidden files and folders skipped, as are ``manifest.toml`` and
documentation files (README, LICENSE, CHANGELOG), which describe a corpus and are not articles.

Formats by extension: ``.txt``/``.md``/no extension (plain text), ``.html``/``.htm`` (saved web page,
via trafilatura), ``.jsonl``/``.ndjson`` (one JSON object per line), ``.csv`` (header row).

Size limits: a text or HTML file over ``max_bytes`` (``--max-size``) is refused whole. JSON Lines
and CSV files are collections of articles, so they are streamed instead, a line or row at a time,
with no limit on the file: memory stays flat however many articles it holds. Each record is limited
instead (a JSONL line to ``max_bytes``, a CSV field to ``max_bytes`` characters, an article's text
to ``max_chars``). JSON Lines are read as UTF-8, as the format requires (a line that is not UTF-8 is
an error for that line). A CSV file is streamed as UTF-8 when it starts with a UTF-8 mark or its
first megabyte is valid UTF-8; otherwise (cp1252, Latin-1, UTF-16...) it is read whole with charset
detection as a text file is, and ``max_bytes`` applies to it. A JSONL or CSV file that is empty,
blank, binary-looking or UTF-16/UTF-32 also takes that whole-file path, for the same messages.

Where a value comes from, strongest first: the manifest; the record's own fields (JSONL/CSV) or the
page's metadata (HTML); what the text itself states (byline, "From the <outlet>", a dateline); and
for the title, the first line. Nothing is invented: a missing outlet becomes
"Unknown outlet (<id>)" with a note saying so, a missing date or author stays None.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from bias.corpus import formats
from bias.corpus.clean import Cleaned, clean_lines
from bias.corpus.decode import DecodeError, decode_bytes, normalise, utf8_head
from bias.corpus.manifest import MANIFEST_NAME, Fields, FileEntry, Manifest, ManifestError, read_manifest
from bias.corpus.markdown import plain_lines
from bias.corpus.split import SplitError, split_at_headlines, split_auto
from bias.errors import InputError
from bias.model import Article, Removal

__all__ = ["DEFAULT_MAX_BYTES", "MAX_ARTICLE_CHARS", "iter_inputs", "SUFFIXES"]

DEFAULT_MAX_BYTES = 20_000_000  # 20 MB (decimal megabytes, as file browsers show them)
# The longest single article analysed, in characters (~170,000 words, several books' chapters; a long
# news feature is ~50,000). A longer "article" is a dump of many, and analysis time grows faster than
# its length (measured: 1.6 million characters took ~40 s), so it is refused with a clear message.
MAX_ARTICLE_CHARS = 1_000_000

_TEXT = frozenset({".txt", ".text", ".md", ".markdown", ""})
_MARKDOWN = frozenset({".md", ".markdown"})
_HTML = frozenset({".html", ".htm", ".xhtml"})
_JSONL = frozenset({".jsonl", ".ndjson"})
_CSV = frozenset({".csv"})
SUFFIXES = tuple(sorted((_TEXT | _HTML | _JSONL | _CSV) - {""}))
_DOC_NAMES = ("readme", "license", "licence", "changelog", "copying")


_size = formats.size_text
# How much of a JSONL/CSV file is looked at to decide whether it can be streamed as UTF-8.
_HEAD_BYTES = 1_000_000


def _skipped(rel: Path) -> bool:
    if any(part.startswith(".") for part in rel.parts):
        return True
    name = rel.name.lower()
    return name == MANIFEST_NAME or name.split(".")[0] in _DOC_NAMES


def _read(path: Path, max_bytes: int) -> tuple[str, str] | InputError:
    """Decoded, normalised text and the encoding name, or an InputError."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(
                str(path), f"file is {_size(size)}, over the {_size(max_bytes)} limit (use --max-size)"
            )
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"file cannot be read ({exc.strerror or exc})")
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return InputError(str(path), str(exc))
    text = normalise(decoded.text)
    if not text.strip():
        return InputError(str(path), "file has no text (only blank space)")
    return text, decoded.encoding


def _too_long(n_chars: int, max_chars: int) -> str | None:
    """Why an article of ``n_chars`` characters is refused, or None when it is short enough."""
    if n_chars <= max_chars:
        return None
    return (f"the article is {n_chars:,} characters long, over the {max_chars:,}-character limit "
            "for one article (split the file into separate articles)")


def _article(
    cleaned: Cleaned,
    *,
    known: Fields,
    given: Mapping[str, str],
    default_id: str,
    path: Path,
    metadata: Mapping[str, str],
    notes: Sequence[str] = (),
) -> Article:
    """Merge manifest (``known``), record/page fields (``given``) and what cleaning found."""
    article_id = known.id or given.get("id") or default_id
    all_notes = list(known.notes) + list(notes)
    meta = dict(metadata)
    outlet = known.outlet or given.get("outlet")
    if not outlet and cleaned.republished_from:
        outlet = cleaned.republished_from
        all_notes.append(f"Outlet taken from the page's line naming it ({cleaned.republished_from}).")
    if not outlet:
        outlet = f"Unknown outlet ({article_id})"
        all_notes.append("The outlet is not named in the file or in a manifest.")
    given_date = given.get("date")
    if given_date and not formats.iso_date(given_date):
        meta["date_as_given"] = given_date
    if cleaned.byline:
        meta["byline"] = cleaned.byline
    if cleaned.republished_from:
        meta["republished_from"] = cleaned.republished_from
    return Article(
        id=article_id,
        outlet=outlet,
        title=known.title or cleaned.title,
        text=cleaned.text,
        author=known.author or given.get("author") or cleaned.author,
        date=known.date or (formats.iso_date(given_date) if given_date else None) or cleaned.date,
        url=known.url or given.get("url"),
        source_path=str(path),
        removed=cleaned.removed,
        embedded=cleaned.embedded,
        notes=tuple(all_notes),
        story=known.story,
        metadata=MappingProxyType(dict(sorted(meta.items()))),
    )


def _authors(*names: str | None) -> tuple[str, ...]:
    return tuple(n for n in names if n)


def _load_text(
    path: Path, text: str, entry: FileEntry | None, default_id: str, meta: dict[str, str], max_chars: int
) -> Iterator[Article | InputError]:
    lines = list(enumerate(text.split("\n"), start=1))
    markup: list[Removal] = []
    if path.suffix.lower() in _MARKDOWN:
        lines, markup = plain_lines(lines)
    fields = entry.fields if entry else Fields()
    if entry and entry.parts:
        try:
            chunks = split_at_headlines(lines, [p.starts for p in entry.parts])
        except SplitError as exc:
            yield InputError(str(path), str(exc))
            return
        known = [p.fields for p in entry.parts]
        heads: list[str | None] = [p.starts for p in entry.parts]
        how = "as the manifest describes"
    else:
        chunks = split_auto(lines)
        known = [fields] if len(chunks) == 1 else [Fields(notes=fields.notes)] * len(chunks)
        heads = [None] * len(chunks)
        how = "automatically, at the page's separators"
    for k, (chunk, kf, head) in enumerate(zip(chunks, known, heads, strict=True), start=1):
        part_meta = dict(meta)
        notes: list[str] = []
        part_id = default_id
        if len(chunks) > 1:
            part_meta["part"] = f"{k} of {len(chunks)}"
            notes.append(f"One of {len(chunks)} articles on the same page, split {how}.")
            part_id = f"{default_id}-{k}"
        too_long = _too_long(sum(len(ln) + 1 for _, ln in chunk), max_chars)
        if too_long:
            yield InputError(str(path), too_long, line=chunk[0][0] if len(chunks) > 1 else None)
            continue
        cleaned = clean_lines(chunk, title=kf.title or head, authors=_authors(kf.author))
        if markup:
            here = {no for no, _ in chunk}
            mine = [r for r in markup if r.line in here]
            cleaned = replace(cleaned, removed=tuple(sorted((*mine, *cleaned.removed), key=lambda r: r.line)))
        if not cleaned.text.strip():
            yield InputError(
                str(path), "no article text left after removing page furniture", line=chunk[0][0]
            )
            continue
        yield _article(
            cleaned, known=kf, given={}, default_id=part_id, path=path, metadata=part_meta, notes=notes
        )


def _load_records(
    path: Path,
    records: Iterable[formats.Record | InputError],
    suffix: str,
    entry: FileEntry | None,
    default_id: str,
    meta: dict[str, str],
    max_chars: int,
) -> Iterator[Article | InputError]:
    fields = entry.fields if entry else Fields()
    single = suffix in _HTML
    for rec in records:
        if isinstance(rec, InputError):
            yield rec
            continue
        too_long = _too_long(len(rec.text), max_chars)
        if too_long:
            yield InputError(str(path), too_long, line=None if single else rec.line)
            continue
        body = normalise(rec.text)
        given = dict(rec.fields)
        # A manifest entry for a JSONL/CSV file sets defaults for its records (outlet, story, notes);
        # the record's own id always wins so records stay distinct.
        known = (
            fields
            if single
            else Fields(
                outlet=fields.outlet,
                author=fields.author,
                date=fields.date,
                story=fields.story,
                notes=fields.notes,
            )
        )
        title = known.title or given.get("title")
        cleaned = clean_lines(
            [(rec.line, ln) for ln in body.split("\n")],
            title=title,
            authors=_authors(known.author, given.get("author")),
        )
        if not cleaned.text.strip():
            yield InputError(
                str(path),
                "no article text left after removing page furniture",
                line=None if single else rec.line,
            )
            continue
        rid = default_id if single else f"{default_id}-{rec.line}"
        yield _article(
            cleaned, known=known, given=given, default_id=rid, path=path, metadata={**meta, **rec.extra}
        )


def _load_file(
    path: Path, entry: FileEntry | None, default_id: str, max_bytes: int, max_chars: int
) -> Iterator[Article | InputError]:
    suffix = path.suffix.lower()
    if suffix not in _TEXT | _HTML | _JSONL | _CSV:
        yield InputError(
            str(path),
            f"unsupported file type '{suffix}' (bias reads .txt, .md, .html, .htm, .jsonl and .csv files)",
        )
        return
    if suffix in _JSONL | _CSV:
        yield from _load_stream(path, suffix, entry, default_id, max_bytes, max_chars)
        return
    got = _read(path, max_bytes)
    if isinstance(got, InputError):
        yield got
        return
    text, encoding = got
    kind = "text" if suffix in _TEXT else "html"
    meta = {"format": kind, "encoding": encoding}
    if suffix in _TEXT:
        yield from _load_text(path, text, entry, default_id, meta, max_chars)
    else:
        records = formats.read_html(str(path), text)
        yield from _load_records(path, records, suffix, entry, default_id, meta, max_chars)


def _load_stream(
    path: Path, suffix: str, entry: FileEntry | None, default_id: str, max_bytes: int, max_chars: int
) -> Iterator[Article | InputError]:
    """A JSONL or CSV file read one line or row at a time (see the module docstring)."""
    kind = "jsonl" if suffix in _JSONL else "csv"
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
            how = utf8_head(head, complete=len(head) < _HEAD_BYTES)
            if how is not None and (kind == "jsonl" or how[1]):
                encoding = how[0]
                fh.seek(0)
                if kind == "jsonl":
                    records = formats.read_jsonl(str(path), fh, max_line=max_bytes)
                else:
                    handle = io.TextIOWrapper(fh, encoding=encoding, errors="surrogateescape", newline="")
                    records = formats.read_csv(str(path), formats.text_lines(handle), max_field=max_bytes)
                meta = {"format": kind, "encoding": encoding}
                yield from _load_records(path, records, suffix, entry, default_id, meta, max_chars)
                return
    except OSError as exc:
        yield InputError(str(path), f"file cannot be read ({exc.strerror or exc})")
        return
    # Not plain UTF-8 (or empty, blank, binary-looking): decode the whole file, within max_bytes.
    got = _read(path, max_bytes)
    if isinstance(got, InputError):
        yield got
        return
    text, encoding = got
    meta = {"format": kind, "encoding": encoding}
    records = (
        formats.read_jsonl(str(path), text)
        if kind == "jsonl"
        else formats.read_csv(str(path), text, max_field=max_bytes)
    )
    yield from _load_records(path, records, suffix, entry, default_id, meta, max_chars)


def _manifests(folder: Path) -> tuple[list[Manifest], list[InputError]]:
    found, problems = [], []
    candidates = [folder / MANIFEST_NAME] + sorted(
        p
        for p in folder.rglob(MANIFEST_NAME)
        if p.parent != folder and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    for mpath in candidates:
        if not mpath.is_file():
            continue
        try:
            found.append(read_manifest(mpath))
        except ManifestError as exc:
            problems.append(InputError(str(mpath), str(exc)))
    return found, problems


def _missing(manifest: Manifest) -> Iterator[InputError]:
    for resolved, entry in manifest.files.items():
        if not resolved.is_file():
            yield InputError(str(manifest.path), f"lists {entry.path!r}, but there is no such file")


def _jobs(raw: str | Path) -> Iterator[tuple[Path, FileEntry | None, str] | InputError]:
    """(file, manifest entry, default id) for every file an input names, or errors."""
    path = Path(raw)
    if not path.exists():
        yield InputError(str(raw), "path does not exist")
        return
    if path.is_dir():
        manifests, problems = _manifests(path)
        yield from problems
        for m in manifests:
            yield from _missing(m)
        # deepest manifest first: a file takes the entry of the nearest manifest above it
        manifests.sort(key=lambda m: -len(m.path.parts))
        files = sorted(
            (p.relative_to(path) for p in path.rglob("*") if p.is_file()), key=lambda r: r.as_posix()
        )
        for rel in files:
            if _skipped(rel):
                continue
            file = path / rel
            owner = next(
                (m for m in manifests if file.resolve().is_relative_to(m.path.parent.resolve())), None
            )
            yield file, owner.entry_for(file) if owner else None, rel.with_suffix("").as_posix()
        return
    if path.name == MANIFEST_NAME:
        try:
            manifest = read_manifest(path)
        except ManifestError as exc:
            yield InputError(str(path), str(exc))
            return
        yield from _missing(manifest)
        for resolved, entry in manifest.files.items():
            if resolved.is_file():
                yield path.parent / entry.path, entry, Path(entry.path).with_suffix("").as_posix()
        return
    entry = None
    mpath = path.parent / MANIFEST_NAME
    if mpath.is_file():
        try:
            entry = read_manifest(mpath).entry_for(path)
        except ManifestError as exc:
            yield InputError(str(mpath), str(exc))
    yield path, entry, path.stem


def iter_inputs(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[Article | InputError]:
    """Articles from files, folders and manifests, with an InputError for each unusable input.

    Article ids must be unique across one run: a manifest or record id used twice yields an
    InputError for the second article (which is skipped); an id made up from a file name gets a
    suffix (``-2``) instead, with a note. An article longer than ``max_chars`` characters is
    refused (an InputError), since analysis time grows faster than an article's length.
    """
    seen: dict[str, str] = {}
    for raw in paths:
        for job in _jobs(raw):
            if isinstance(job, InputError):
                yield job
                continue
            path, entry, default_id = job
            for item in _load_file(path, entry, default_id, max_bytes, max_chars):
                if isinstance(item, Article) and item.id in seen:
                    item = _rename(item, seen, default_id)
                if isinstance(item, Article):
                    seen[item.id] = item.source_path or ""
                yield item


def _rename(article: Article, seen: Mapping[str, str], default_id: str) -> Article | InputError:
    if article.id != default_id and not article.id.startswith(default_id + "-"):
        return InputError(
            article.source_path or "",
            f"article id '{article.id}' is already used by {seen[article.id]}; give it another id",
        )
    n = 2
    while f"{article.id}-{n}" in seen:
        n += 1
    note = f"Renamed from '{article.id}': another input already used that id."
    return replace(article, id=f"{article.id}-{n}", notes=(*article.notes, note))
