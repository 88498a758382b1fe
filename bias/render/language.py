"""View-model of the "Language" section: flagged terms, word choice and frames, outlet by outlet.

Everything is computed from the per-article records (``loaded_terms``, ``word_choice``,
``frame_profile``), so each figure can be traced to highlighted words in the article reader.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from bias.features.frames import frame_labels
from bias.features.loaded import _LABELS as CATEGORY_LABELS
from bias.lexicons import load_lexicon
from bias.model import ArticleScores
from bias.render.formatting import format_value, plural

TOP_TERMS = 8
TOP_QUOTED = 5
TOP_FRAMES = 5
QUALIFIERS = frozenset({"hedge", "booster"})  # shown apart: they qualify certainty, they do not judge


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _terms(scores: list[ArticleScores], voice: str) -> list[dict[str, Any]]:
    """The outlet's most weighty loaded terms in one voice, merged by lexicon term."""
    weight: Counter[str] = Counter()
    count: Counter[str] = Counter()
    info: dict[str, dict[str, Any]] = {}
    speakers: dict[str, Counter[str]] = defaultdict(Counter)
    for s in scores:
        for t in s.records.get("loaded_terms", ()):
            if t["voice"] != voice or t["category"] in QUALIFIERS:
                continue
            key = t["term"]
            weight[key] += t["weight"]
            count[key] += 1
            info.setdefault(key, t)
            if t.get("speaker"):
                speakers[key][t["speaker"]] += 1
    ranked = sorted(weight, key=lambda k: (-weight[k], k))
    rows = []
    for key in ranked[: TOP_TERMS if voice == "narration" else TOP_QUOTED]:
        t = info[key]
        who = ", ".join(name for name, _ in speakers[key].most_common(2))
        rows.append({
            "text": t["text"],
            "count": f"×{count[key]}",
            "category": CATEGORY_LABELS.get(t["category"], t["category"].replace("_", " ")),
            "explanation": t.get("explanation", ""),
            "alternative": t.get("alternative", ""),
            "speaker": who,
        })
    return rows


def _qualifiers(scores: list[ArticleScores]) -> str:
    counts = Counter(t["text"].lower() for s in scores for t in s.records.get("loaded_terms", ())
                     if t["voice"] == "narration" and t["category"] in QUALIFIERS)
    return ", ".join(f"{term} ×{n}" for term, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8])


def _referent_labels() -> dict[str, str]:
    meta = load_lexicon("referents").meta.get("referents", ())
    return {r["id"]: r["label"] for r in meta}  # type: ignore[index, union-attr]


def word_choice_table(scores: Sequence[ArticleScores], outlets: list[str]) -> list[dict[str, Any]]:
    """Referent groups with every term any outlet used; a cell per outlet: uses in its own voice and
    in quotations."""
    labels = _referent_labels()
    cells: dict[tuple[str, str], dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for s in scores:
        for w in s.records.get("word_choice", ()):
            cell = cells[(w["referent"], w["term"])][s.article.outlet]
            cell["narration"] += w["narration"]
            cell["quote"] += w["quote"] + w.get("embedded", 0)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (referent, term), per_outlet in sorted(cells.items()):
        row = []
        for o in outlets:
            c = per_outlet.get(o, Counter())
            own, quoted = c["narration"], c["quote"]
            text = str(own) if own else "–"
            row.append({"own": text, "quoted": f"+{quoted} quoted" if quoted else ""})
        groups[referent].append({"term": term, "cells": row})
    return [{"label": labels.get(r, r.replace("_", " ")), "rows": rows} for r, rows in sorted(
        groups.items(), key=lambda kv: labels.get(kv[0], kv[0]))]


def _frames(scores: list[ArticleScores]) -> list[dict[str, str]]:
    labels = frame_labels()
    shares = {fid: _mean([s.values.get(f"frames__{fid}_share", 0.0) for s in scores]) for fid in labels
              if fid != "other"}
    top = sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FRAMES]
    return [{"label": labels[fid], "value": format_value(v, "share"), "width": f"{v * 100:.0f}"}
            for fid, v in top if v > 0]


def language(scores: Sequence[ArticleScores], outlets: list[str]) -> dict[str, Any]:
    """Per-outlet language profiles side by side, and the word-choice table."""
    present = any("loaded_terms" in s.records for s in scores)
    columns = []
    for o in outlets:
        mine = [s for s in scores if s.article.outlet == o]
        own = _mean([s.values.get("loaded__narration_per_1000", 0.0) for s in mine])
        quoted = _mean([s.values.get("loaded__quoted_per_1000", 0.0) for s in mine])
        columns.append({
            "outlet": o,
            "articles": plural(len(mine), "article"),
            "own_rate": format_value(own, "per 1,000 words"),
            "quoted_rate": format_value(quoted, "per 1,000 words"),
            "terms": _terms(mine, "narration"),
            "quoted_terms": _terms(mine, "quote"),
            "qualifiers": _qualifiers(mine) or "none",
            "frames": _frames(mine),
        })
    return {"present": present, "columns": columns, "word_choice": word_choice_table(scores, outlets)}
