"""View-model of the "Language" section: flagged terms, word choice and frames, outlet by outlet.

Everything is computed from the per-article records (``loaded_terms``, ``word_choice``,
``frame_profile``), so each figure can be traced to highlighted words in the article reader.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bias.compare.tally import CorpusTally, TermTally, as_tally
from bias.features.frames import frame_labels
from bias.features.loaded import _LABELS as CATEGORY_LABELS
from bias.lexicons import load_lexicon
from bias.model import ArticleScores
from bias.render.formatting import format_value, plural

TOP_TERMS = 8
TOP_QUOTED = 5
TOP_FRAMES = 5


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def terms_of(records: Sequence[Mapping[str, Any]]) -> TermTally:
    """The loaded-term tally of one article's ``loaded_terms`` records."""
    tally = TermTally()
    for t in records:
        tally.add(t)
    return tally


def _terms(tally: TermTally, voice: str) -> list[dict[str, Any]]:
    """The outlet's most weighty loaded terms in one voice, merged by lexicon term."""
    weight, count, info = tally.weight[voice], tally.count[voice], tally.info[voice]
    speakers = tally.speakers[voice]
    ranked = sorted(weight, key=lambda k: (-weight[k], k))
    rows = []
    for key in ranked[: TOP_TERMS if voice == "narration" else TOP_QUOTED]:
        t = info[key]
        who = ", ".join(name for name, _ in speakers[key].most_common(2)) if key in speakers else ""
        rows.append({
            "text": t["text"],
            "count": f"×{count[key]}",
            "category": CATEGORY_LABELS.get(t["category"], t["category"].replace("_", " ")),
            "explanation": t.get("explanation", ""),
            "alternative": t.get("alternative", ""),
            "speaker": who,
        })
    return rows


def _qualifiers(tally: TermTally) -> str:
    counts = tally.qualifiers
    return ", ".join(f"{term} ×{n}" for term, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8])


def _referent_labels() -> dict[str, str]:
    meta = load_lexicon("referents").meta.get("referents", ())
    return {r["id"]: r["label"] for r in meta}  # type: ignore[index, union-attr]


def word_choice_table(tally: CorpusTally, outlets: list[str]) -> list[dict[str, Any]]:
    """Referent groups with every term any outlet used; a cell per outlet: uses in its own voice and
    in quotations."""
    labels = _referent_labels()
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (referent, term), per_outlet in sorted(tally.word_choice.items()):
        row = []
        for o in outlets:
            own, quoted = per_outlet.get(o, (0, 0))
            text = str(own) if own else "–"
            row.append({"own": text, "quoted": f"+{quoted} quoted" if quoted else ""})
        groups[referent].append({"term": term, "cells": row})
    return [{"label": labels.get(r, r.replace("_", " ")), "rows": rows} for r, rows in sorted(
        groups.items(), key=lambda kv: labels.get(kv[0], kv[0]))]


def _frames(tally: CorpusTally, outlet: str) -> list[dict[str, str]]:
    labels = frame_labels()
    shares = {fid: _mean(tally.values_or_zero(f"frames__{fid}_share", outlet)) for fid in labels
              if fid != "other"}
    top = sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FRAMES]
    return [{"label": labels[fid], "value": format_value(v, "share"), "width": f"{v * 100:.0f}"}
            for fid, v in top if v > 0]


def language(scores: CorpusTally | Iterable[ArticleScores], outlets: list[str]) -> dict[str, Any]:
    """Per-outlet language profiles side by side, and the word-choice table."""
    tally = as_tally(scores)
    columns = []
    for o in outlets:
        own = _mean(tally.values_or_zero("loaded__narration_per_1000", o))
        quoted = _mean(tally.values_or_zero("loaded__quoted_per_1000", o))
        terms = tally.terms[o]
        columns.append({
            "outlet": o,
            "articles": plural(tally.counts[o], "article"),
            "own_rate": format_value(own, "per 1,000 words"),
            "quoted_rate": format_value(quoted, "per 1,000 words"),
            "terms": _terms(terms, "narration"),
            "quoted_terms": _terms(terms, "quote"),
            "qualifiers": _qualifiers(terms) or "none",
            "frames": _frames(tally, o),
        })
    return {"present": "loaded_terms" in tally.record_names, "columns": columns,
            "word_choice": word_choice_table(tally, outlets)}
