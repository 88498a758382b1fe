"""Scoring the attribution extractor against hand-annotated gold lines.

Matching follows the annotation guide (shared/design/annotation-guide.md): a gold line is *found*
when the extractor reports an attribution in the same sentence (the gold sentence located in the
article text; sentence spans overlap) whose cue span overlaps the gold cue (located inside that
sentence). Precision counts extractor attributions that match no gold line. On the found lines we
score source overlap, anonymity, source type and quote type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bias.errors import InputError
from bias.jsonl import json_objects
from bias.model import Article, Span

SOURCE_TYPES = ("named_person", "named_organization", "other_media", "document", "anonymous")
KIND_TO_TYPE = {
    "person": "named_person",
    "organization": "named_organization",
    "media": "other_media",
    "document": "document",
    "unnamed": "anonymous",
    "confidential": "anonymous",
    "vague": "anonymous",
}
_REQUIRED = {
    "article_id": str,
    "sentence": str,
    "cue": str,
    "source_type": str,
    "anonymous": bool,
    "quote": str,
}


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file; errors name the file and line and say what is wrong."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), "gold file not found")
    out = []
    for n, row in json_objects(p, p.read_text(encoding="utf-8")):
        for key, typ in _REQUIRED.items():
            if not isinstance(row.get(key), typ):
                raise InputError(str(p), f"field {key!r} must be a {typ.__name__}", n)
        if row.get("source") is not None and not isinstance(row["source"], str):
            raise InputError(str(p), "field 'source' must be a string or null", n)
        if row["source_type"] not in SOURCE_TYPES:
            raise InputError(
                str(p), f"source_type {row['source_type']!r} is not one of {', '.join(SOURCE_TYPES)}", n
            )
        if row["quote"] not in {"direct", "indirect"}:
            raise InputError(str(p), "quote must be 'direct' or 'indirect'", n)
        if row["cue"] not in row["sentence"] or (row.get("source") and row["source"] not in row["sentence"]):
            raise InputError(str(p), "cue and source must be exact substrings of the sentence", n)
        out.append(row | {"_line": n})
    return out


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    """Finding scores (precision, recall, F1) and field accuracies on the found lines (0-1)."""

    n_gold: int
    n_pred: int
    n_found: int
    precision: float
    recall: float
    f1: float
    source_overlap: float
    anonymous_accuracy: float
    source_type_accuracy: float
    quote_accuracy: float
    misses: tuple[str, ...] = ()
    false_positives: tuple[str, ...] = ()
    field_errors: tuple[str, ...] = ()
    unlocated: tuple[str, ...] = field(default=())


def _flex(s: str) -> re.Pattern[str]:
    core = r"\s+".join(re.escape(w) for w in s.split())
    left = r"(?<!\w)" if s[:1].isalnum() else ""
    right = r"(?!\w)" if s[-1:].isalnum() else ""
    return re.compile(left + core + right)


def _locate(hay: str, needle: str, offset: int = 0) -> Span | None:
    m = _flex(needle).search(hay)
    return Span(offset + m.start(), offset + m.end()) if m else None


def _get(d: Any, key: str) -> Any:
    return d.get(key) if isinstance(d, Mapping) else getattr(d, key, None)


def _span(d: Any) -> Span | None:
    if d is None:
        return None
    if isinstance(d, Span):
        return d
    return Span(int(d["start"]), int(d["end"]))


def _pred_fields(rec: Mapping[str, Any]) -> tuple[Span, Span, Span | None, bool, str, str]:
    src = rec.get("source")
    kind = src["kind"] if src else "none"
    named = bool(src and src.get("named"))
    anonymous = kind in {"unnamed", "confidential", "vague", "none"} or (kind == "media" and not named)
    stype = KIND_TO_TYPE.get(kind, "anonymous")
    quote = "indirect" if rec.get("quote") == "indirect" else "direct"
    return (
        _span(rec["sentence"]),
        _span(rec["cue"]),
        _span(src) if src else None,
        anonymous,
        stype,  # type: ignore[return-value]
        quote,
    )


def evaluate_attribution(
    gold_lines: Sequence[Mapping[str, Any]],
    articles_with_attributions: Iterable[tuple[Article, Sequence[Mapping[str, Any]]]],
) -> EvaluationResult:
    """Score predicted attribution records (the ``attributions`` dicts) against gold lines.

    Only articles that appear in the gold lines are scored.
    """
    by_article: dict[str, list[Mapping[str, Any]]] = {}
    for g in gold_lines:
        by_article.setdefault(g["article_id"], []).append(g)
    n_pred = found = 0
    ok = {"source": 0, "anonymous": 0, "type": 0, "quote": 0}
    misses, fps, errors, unlocated = [], [], [], []
    for article, records in articles_with_attributions:
        golds = by_article.get(article.id)
        if golds is None:
            continue
        text = article.text
        preds = [_pred_fields(r) for r in records]
        n_pred += len(preds)
        used: set[int] = set()
        for g in golds:
            sent = _locate(text, g["sentence"])
            if sent is None:
                unlocated.append(f"{article.id}: {g['sentence'][:70]}")
                continue
            sent_text = text[sent.start : sent.end]
            cue = _locate(sent_text, g["cue"], sent.start)
            gsrc = _locate(sent_text, g["source"], sent.start) if g.get("source") else None
            match = next(
                (
                    k
                    for k, p in enumerate(preds)
                    if k not in used and p[0].overlaps(sent) and cue is not None and p[1].overlaps(cue)
                ),
                None,
            )
            if match is None:
                misses.append(f"{article.id}: [{g['cue']}] {g.get('source')!s} | {g['sentence'][:90]}")
                continue
            used.add(match)
            found += 1
            _s, _c, psrc, panon, ptype, pquote = preds[match]
            checks = {
                "source": (psrc is None and gsrc is None)
                or (psrc is not None and gsrc is not None and psrc.overlaps(gsrc)),
                "anonymous": panon == g["anonymous"],
                "type": ptype == g["source_type"],
                "quote": pquote == g["quote"],
            }
            for k, v in checks.items():
                ok[k] += v
                if not v:
                    got = text[psrc.start : psrc.end] if psrc else None
                    errors.append(
                        f"{article.id}: {k} [{g['cue']}] gold={g.get('source')!r}/{g['source_type']}/"
                        f"{g['quote']} got={got!r}/{ptype}/{pquote}"
                    )
        for k, p in enumerate(preds):
            if k not in used:
                sent, cue, src = p[0], p[1], p[2]
                fps.append(
                    f"{article.id}: [{text[cue.start : cue.end]}] "
                    f"{text[src.start : src.end] if src else None} | {text[sent.start : sent.end][:90]}"
                )
    n_gold = sum(len(v) for v in by_article.values())
    precision = found / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    acc = {k: (v / found if found else 0.0) for k, v in ok.items()}
    return EvaluationResult(
        n_gold,
        n_pred,
        found,
        precision,
        recall,
        f1,
        acc["source"],
        acc["anonymous"],
        acc["type"],
        acc["quote"],
        tuple(misses),
        tuple(fps),
        tuple(errors),
        tuple(unlocated),
    )


def format_evaluation(result: EvaluationResult, *, details: bool = True) -> str:
    """A plain-text table of the scores, then (optionally) misses, false positives and field errors."""
    rows = [
        ("gold attributions", f"{result.n_gold}"),
        ("extracted", f"{result.n_pred}"),
        ("found", f"{result.n_found}"),
        ("precision", f"{result.precision:.3f}"),
        ("recall", f"{result.recall:.3f}"),
        ("F1", f"{result.f1:.3f}"),
        ("source overlap (of found)", f"{result.source_overlap:.3f}"),
        ("anonymity accuracy", f"{result.anonymous_accuracy:.3f}"),
        ("source type accuracy", f"{result.source_type_accuracy:.3f}"),
        ("quote type accuracy", f"{result.quote_accuracy:.3f}"),
    ]
    width = max(len(k) for k, _ in rows)
    lines = [f"{k.ljust(width)}  {v}" for k, v in rows]
    if details:
        for title, items in (
            ("missed (gold not found)", result.misses),
            ("false positives (no gold line)", result.false_positives),
            ("field errors", result.field_errors),
            ("gold sentences not located", result.unlocated),
        ):
            if items:
                lines.append("")
                lines.append(f"{title}:")
                lines.extend(f"  {x}" for x in items)
    return "\n".join(lines)
