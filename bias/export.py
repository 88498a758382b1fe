"""The public output format of ``bias analyze``: one JSON object per article (format 1).

Every field is documented in docs/output-format.md; a test checks that the documented fields and the
emitted ones agree. Offsets are Python string indices (Unicode code points) into ``text``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from bias.model import ArticleScores, Span

FORMAT_VERSION = 1

ARTICLE_FIELDS = ("id", "outlet", "title", "author", "date", "url", "source_path")


def _span(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.of(text)}


def article_record(scores: ArticleScores, versions: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The JSON-ready record of one analysed article."""
    a = scores.article
    sentences = []
    for i, s in enumerate(scores.sentences):
        item: dict[str, Any] = {"start": s.start, "end": s.end}
        for name in sorted(scores.sentence_fields):
            item[name] = scores.sentence_fields[name][i]
        sentences.append(item)
    record: dict[str, Any] = {"format": FORMAT_VERSION}
    for field in ARTICLE_FIELDS:
        record[field] = getattr(a, field)
    record.update(
        {
            "story": a.story,
            "notes": list(a.notes),
            "metadata": dict(a.metadata),
            "text": a.text,
            "metrics": {k: scores.values[k] for k in sorted(scores.values)},
            "evidence": [
                {"start": e.span.start, "end": e.span.end, "feature": e.feature, "kind": e.kind,
                 "label": e.label, "weight": e.weight, "note": e.note}
                for e in scores.evidence
            ],
            "sentences": sentences,
            "embedded": [{**_span(e.span, a.text), "kind": e.kind, "author": e.author} for e in a.embedded],
            "removed": [{"line": r.line, "reason": r.reason, "text": r.text} for r in a.removed],
        }
    )
    for name in sorted(scores.records):
        record[name] = [dict(r) for r in scores.records[name]]
    record["versions"] = dict(versions or {})
    return record


def to_json_line(record: Mapping[str, Any]) -> str:
    """One line of JSONL: keys in a fixed order, UTF-8 text kept readable, no trailing spaces."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def csv_rows(records: Iterable[Mapping[str, Any]], extra: tuple[str, ...] = ()) -> str:
    """CSV with one row per article: the article fields, the word count, any ``extra`` record
    fields (e.g. ``story``), then every metric as a column."""
    records = list(records)
    metric_names = sorted({k for r in records for k in r["metrics"]})
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([*ARTICLE_FIELDS, "words", *extra, *metric_names])
    for r in records:
        words = r["metrics"].get("readability__words", "")
        writer.writerow([*(r[f] or "" for f in ARTICLE_FIELDS), words, *(r.get(f) or "" for f in extra),
                         *(_fmt(r["metrics"].get(m)) for m in metric_names)])
    return buf.getvalue()


def attribution_csv(records: Iterable[Mapping[str, Any]]) -> str:
    """CSV with one row per attribution (article id, outlet, cue, source, quote type, content)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["article_id", "outlet", "sentence_start", "sentence_end", "cue", "cue_lemma",
                     "cue_category", "source", "source_kind", "source_named", "source_resolved",
                     "source_role", "quote", "nested", "anonymity_reason", "content"])
    for r in records:
        for att in r.get("attributions", []):
            src = att.get("source") or {}
            reason = att.get("anonymity_reason") or {}
            content = att.get("content") or {}
            writer.writerow([
                r["id"], r["outlet"], att["sentence"]["start"], att["sentence"]["end"],
                att["cue"]["text"], att["cue"]["lemma"], att["cue"]["category"],
                src.get("text", ""), src.get("kind", ""), src.get("named", ""), src.get("resolved") or "",
                src.get("role", ""), att["quote"], att["nested"], reason.get("text", ""),
                content.get("text", ""),
            ])
    return buf.getvalue()


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)
