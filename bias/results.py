"""Reading ``bias analyze`` JSON Lines back, so a report can be rendered without re-analysing.

``bias report results.jsonl`` on a file written by ``bias analyze`` renders the report from the
stored analysis. Small files (at most :data:`~bias.compare.stories.MAX_CLUSTERED` articles) are read
whole and give the very report the articles themselves would give. Larger files are streamed:

* pass 1 decodes only what the tables need from each line (metrics and the attribution,
  loaded-term and word-choice records; the text, evidence and sentences are skipped by the decoder
  without being built) into a :class:`~bias.compare.tally.CorpusTally`, and remembers where each
  line starts in the file;
* pass 2 seeks to the few lines shown whole: the reader's articles (taken in turn from each outlet,
  as for any report) and a fixed sample of up to
  :data:`~bias.render.inputs.VOCABULARY_SAMPLE` articles per outlet for the distinctive-word
  comparison (the articles with the smallest CRC-32 of their id: the same corpus always gives the
  same sample, whatever the line order).

Memory then holds one float per metric and article plus per-outlet counters, whatever the size of
the file; stories are not grouped above MAX_CLUSTERED articles (as for any report).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

import msgspec

from bias.compare.stories import MAX_CLUSTERED
from bias.compare.tally import CorpusTally
from bias.corpus.segment import paragraph_spans
from bias.errors import InputError
from bias.export import ARTICLE_FIELDS, FORMAT_VERSION
from bias.model import Article, ArticleScores, Embedded, Evidence, Removal, Span, frozen_map
from bias.render.inputs import VOCABULARY_SAMPLE, HashSample, ReportInput, from_scores, reader_positions

__all__ = ["ResultsRead", "is_analysis_file", "read_results", "record_to_scores"]

# Top-level keys of an analysis record that are not per-article record lists (docs/output-format.md).
_FIELDS = frozenset({"format", *ARTICLE_FIELDS, "story", "notes", "metadata", "text", "metrics", "evidence",
                     "sentences", "embedded", "removed", "versions"})
_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_TABLE_RECORDS = ("attributions", "loaded_terms", "word_choice")


class _Head(msgspec.Struct):
    """Just enough of a line to tell an analysis record from an input article."""

    format: int | None = None
    metrics: dict[str, Any] | None = None
    evidence: list[Any] | None = None


class _Tables(msgspec.Struct):
    """The parts of an analysis record the report's tables need (the rest is skipped unbuilt)."""

    id: str
    outlet: str
    format: int = 0
    title: str | None = None
    metrics: dict[str, float] = {}
    attributions: list[dict[str, Any]] = []
    loaded_terms: list[dict[str, Any]] = []
    word_choice: list[dict[str, Any]] = []
    versions: dict[str, str] = {}


class _Sentence(msgspec.Struct):
    start: int
    end: int


class _Text(msgspec.Struct):
    """The parts of an analysis record the distinctive-word comparison needs."""

    id: str
    outlet: str
    text: str
    title: str | None = None
    sentences: list[_Sentence] = []


_HEAD = msgspec.json.Decoder(_Head)
_TEXT = msgspec.json.Decoder(_Text)
_TABLES = msgspec.json.Decoder(_Tables)
_ANY = msgspec.json.Decoder()


def is_analysis_file(path: str | Path) -> bool:
    """True when ``path`` is a JSON Lines file whose first record was written by ``bias analyze``
    (it has ``format``, ``metrics`` and ``evidence``), rather than a file of articles to analyse."""
    p = Path(path)
    if p.suffix.lower() not in _SUFFIXES or not p.is_file():
        return False
    try:
        with p.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    head = _HEAD.decode(raw)
                    return head.format is not None and head.metrics is not None and head.evidence is not None
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return False
    return False


def record_to_scores(rec: Mapping[str, Any], *, paragraphs: bool = False) -> ArticleScores:
    """The :class:`ArticleScores` an analysis record was written from (the inverse of
    :func:`bias.export.article_record`). Paragraphs are not stored in the record: with
    ``paragraphs=True`` they are recomputed from the text (the reader needs them)."""
    text = rec["text"]
    article = Article(
        id=rec["id"], outlet=rec["outlet"], title=rec["title"], text=text, author=rec.get("author"),
        date=rec.get("date"), url=rec.get("url"), source_path=rec.get("source_path"),
        removed=tuple(Removal(r["text"], r["reason"], r["line"]) for r in rec.get("removed", ())),
        embedded=tuple(Embedded(Span(e["start"], e["end"]), e["kind"], e["author"])
                       for e in rec.get("embedded", ())),
        notes=tuple(rec.get("notes", ())), story=rec.get("story"),
        metadata=MappingProxyType(dict(rec.get("metadata", {}))),
    )
    sentences = rec.get("sentences", [])
    names = sorted({k for s in sentences for k in s} - {"start", "end"})
    return ArticleScores(
        article=article,
        values=frozen_map(rec.get("metrics", {})),
        evidence=tuple(Evidence(Span(e["start"], e["end"]), e["feature"], e["kind"], e["label"], e["weight"],
                                e["note"]) for e in rec.get("evidence", ())),
        sentences=tuple(Span(s["start"], s["end"]) for s in sentences),
        paragraphs=paragraph_spans(text) if paragraphs else (),
        records=frozen_map({k: tuple(v) for k, v in rec.items() if k not in _FIELDS}),
        sentence_fields=frozen_map({n: tuple(s.get(n) for s in sentences) for n in names}),
    )


@dataclass
class ResultsRead:
    """A report input read from analysis files, the analysis' ``versions`` (of the first record),
    and one :class:`InputError` per line that could not be used."""

    data: ReportInput | None
    versions: dict[str, str] = field(default_factory=dict)
    problems: list[InputError] = field(default_factory=list)


@dataclass(frozen=True)
class _Where:
    path: Path
    offset: int


def _lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """``(line number, byte offset, line)`` of each non-blank line."""
    offset = 0
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if raw.strip():
                yield n, offset, raw
            offset += len(raw)


def _lines_at(places: Sequence[_Where]) -> Iterator[bytes]:
    """The lines starting at ``places``, in that order, each file opened once."""
    handles: dict[Path, BinaryIO] = {}
    try:
        for where in places:
            fh = handles.get(where.path)
            if fh is None:
                fh = handles[where.path] = where.path.open("rb")
            fh.seek(where.offset)
            yield fh.readline()
    finally:
        for fh in handles.values():
            fh.close()


def _text_only(raw: bytes) -> ArticleScores:
    """An article with its text and sentences only (no metrics or evidence)."""
    rec = _TEXT.decode(raw)
    article = Article(id=rec.id, outlet=rec.outlet, title=rec.title, text=rec.text)  # type: ignore[arg-type]
    return ArticleScores(article=article, values=frozen_map({}), evidence=(),
                         sentences=tuple(Span(s.start, s.end) for s in rec.sentences))


def read_results(paths: Sequence[str | Path], *, progress: Callable[[int], None] | None = None,
                 hold_whole: int = MAX_CLUSTERED) -> ResultsRead:
    """Stream analysis files into a :class:`ReportInput` (see the module docstring). ``progress``
    is called with the number of records read so far, every 1,000 records. Up to ``hold_whole``
    records, every article is rebuilt whole (the report is then the same as from the articles)."""
    tally = CorpusTally()
    out = ResultsRead(None)
    where: list[_Where] = []
    outlets: list[str] = []
    sample = HashSample(VOCABULARY_SAMPLE)
    seen: set[str] = set()
    for raw_path in paths:
        path = Path(raw_path)
        for n, offset, raw in _lines(path):
            try:
                rec = _TABLES.decode(raw)
            except (msgspec.DecodeError, msgspec.ValidationError) as exc:
                out.problems.append(InputError(str(path), f"line {n} is not a bias analysis record ({exc})",
                                               n))
                continue
            if rec.format != FORMAT_VERSION:
                out.problems.append(InputError(
                    str(path), f"line {n} has output format {rec.format}; this bias reads format "
                               f"{FORMAT_VERSION} (re-run bias analyze)", n))
                continue
            if rec.id in seen:
                out.problems.append(InputError(str(path), f"line {n} repeats article id {rec.id!r}", n))
                continue
            seen.add(rec.id)
            if not out.versions:
                out.versions = dict(rec.versions)
            tally.add(rec.id, rec.outlet, rec.title, rec.metrics,
                      {name: getattr(rec, name) for name in _TABLE_RECORDS})
            pos = len(where)
            where.append(_Where(path, offset))
            outlets.append(rec.outlet)
            sample.add(rec.outlet, rec.id, pos, pos)
            if progress and len(where) % 1000 == 0:
                progress(len(where))
    if not where:
        return out
    if len(where) <= hold_whole:  # small enough to hold whole: the same report as from the articles
        scores = [record_to_scores(_ANY.decode(raw), paragraphs=True) for raw in _lines_at(where)]
        out.data = from_scores(scores, tally=tally)
        return out
    shown = reader_positions(outlets)
    vocab = sample.items()
    out.data = ReportInput(
        tally=tally,
        shown=tuple(record_to_scores(_ANY.decode(raw), paragraphs=True)
                    for raw in _lines_at([where[i] for i in shown])),
        vocabulary=tuple(map(_text_only, _lines_at([where[i] for i in vocab]))),
        stories=None,
        full_data=", ".join(Path(p).name for p in paths), full_data_hint="",
    )
    return out
