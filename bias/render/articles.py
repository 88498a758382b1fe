"""View-model of the article reader: annotated text, highlight layers, voices and removed lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bias.features import EXTRACTORS, Extractor
from bias.model import ArticleScores, Evidence, Span
from bias.render.formatting import excerpt, format_value, safe_url, slug
from bias.render.highlight import Mark, segment_paragraph

# Which highlight layer each evidence kind belongs to, how the layer is described in the reader's
# switches, and whether it is shown at first (the busiest layers start hidden so the text stays
# readable; every layer can be switched on). Kinds not listed fall into a layer named after their
# extractor.
LAYERS: tuple[tuple[str, str, str, bool], ...] = (
    ("sources", "Sources", "reporting verbs (cues) and sources without a name", True),
    ("language", "Language", "loaded words and scare quotes (yellow); hedges and boosters (dotted)", True),
    ("wordchoice", "Word choice", "the terms chosen for contested referents", True),
    ("embedded", "Embedded posts", "posts quoted from social media: not the outlet's voice", True),
    ("opinion", "Opinion", "sentences that read as opinion", False),
    ("tone", "Tone", "sentences with a clearly negative or positive tone (VADER)", False),
    ("frames", "Frames", "words that signal a policy frame", False),
    ("readability", "Readability", "the longest sentences and words of three or more syllables", False),
)
_FEATURE_LAYER = {
    "attribution": "sources",
    "loaded": "language",
    "wordchoice": "wordchoice",
    "frames": "frames",
    "opinion": "opinion",
    "sentiment": "tone",
    "readability": "readability",
}


def layer_of(evidence: Evidence) -> str:
    return _FEATURE_LAYER.get(evidence.feature, evidence.feature)


def _marks(scores: ArticleScores) -> list[Mark]:
    marks = []
    for i, ev in enumerate(scores.evidence):
        layer = layer_of(ev)
        anchor = ""
        if ev.feature == "attribution" and ev.kind.startswith("cue_"):
            anchor = f"{slug(scores.article.id)}-ev{i}"
        marks.append(Mark(ev.span, (f"layer-{layer}", f"k-{slug(ev.kind)}"), f"{ev.label}: {ev.note}",
                          anchor))
    for emb in scores.article.embedded:
        who = f" by {emb.author}" if emb.author else ""
        marks.append(Mark(emb.span, ("layer-embedded", "k-embedded"),
                          f"Embedded post{who}: quoted from social media, not the outlet's own words"))
    return marks


def _metric_rows(values: Mapping[str, float], extractors: Sequence[Extractor]) -> list[dict[str, str]]:
    rows = []
    for ext in extractors:
        for sp in ext.specs:
            if sp.name in values and (ext.name not in {"wordchoice", "frames"} or values[sp.name]):
                rows.append({"name": sp.name, "label": sp.label,
                             "value": format_value(values[sp.name], sp.unit), "unit": sp.unit})
    return rows


def ledger(scores: ArticleScores) -> list[dict[str, Any]]:
    """One row per attribution: who spoke, how they are identified, the verb, an excerpt."""
    text = scores.article.text
    cue_anchor: dict[tuple[int, int], str] = {}
    for i, ev in enumerate(scores.evidence):
        if ev.feature == "attribution" and ev.kind.startswith("cue_"):
            cue_anchor.setdefault((ev.span.start, ev.span.end), f"{slug(scores.article.id)}-ev{i}")
    rows = []
    for att in scores.records.get("attributions", ()):
        src = att.get("source") or {}
        cue = att["cue"]
        content = att.get("content")
        name = src.get("text") or "(no source named)"
        if src.get("resolved"):
            name = f"{name} → {src['resolved']}"
        rows.append({
            "source": name,
            "kind": src.get("kind", "none"),
            "role": (src.get("role") or "unknown").replace("_", " "),
            "cue": cue["text"],
            "cue_category": cue["category"],
            "quote": att["quote"],
            "nested": "yes" if att.get("nested") else "",
            "reason": "yes" if att.get("anonymity_reason") else "",
            "excerpt": excerpt(Span(content["start"], content["end"]).of(text)) if content else "",
            "anchor": cue_anchor.get((cue["start"], cue["end"]), ""),
        })
    return rows


def article_view(scores: ArticleScores, extractors: Sequence[Extractor] = EXTRACTORS) -> dict[str, Any]:
    """Everything the reader shows of one article, pre-formatted."""
    a = scores.article
    marks = _marks(scores)
    paragraphs = [segment_paragraph(a.text, p, marks) for p in scores.paragraphs]
    return {
        "anchor": f"article-{slug(a.id)}",
        "id": a.id,
        "title": a.title or "(untitled)",
        "outlet": a.outlet,
        "author": a.author or "author not named",
        "date": a.date or "date not given",
        "url": safe_url(a.url),
        "url_text": a.url or "",
        "source_path": a.source_path or "",
        "notes": list(a.notes),
        "words": format_value(scores.values.get("readability__words"), "count"),
        "metrics": _metric_rows(scores.values, extractors),
        "paragraphs": paragraphs,
        "ledger": ledger(scores),
        "removed": [{"line": r.line, "reason": r.reason, "text": r.text} for r in a.removed],
        "removed_count": len(a.removed),
    }


def layer_switches(all_scores: Sequence[ArticleScores]) -> list[dict[str, str]]:
    """The layers present in this report, in a fixed order."""
    present = {layer_of(ev) for s in all_scores for ev in s.evidence}
    if any(s.article.embedded for s in all_scores):
        present.add("embedded")
    return [{"id": lid, "label": label, "description": desc, "on": on}
            for lid, label, desc, on in LAYERS if lid in present]


def hidden_layers_class(switches: Sequence[dict[str, Any]]) -> str:
    """The body classes that hide the layers switched off at first."""
    return " ".join(f"hide-{s['id']}" for s in switches if not s["on"])
