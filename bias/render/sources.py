"""View-model of the "Who speaks" section: source mix, cue profile and anonymity, per outlet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from bias.model import ArticleScores
from bias.render.formatting import plural

KIND_LABELS = (
    ("person", "Named person"),
    ("organization", "Named organisation"),
    ("media", "Other media"),
    ("document", "Document"),
    ("unnamed", "Unnamed, by role"),
    ("confidential", "Confidential"),
    ("vague", "Vague or collective"),
    ("none", "No source given"),
)
ANONYMOUS = {"unnamed", "confidential", "vague"}


def _share(n: int, total: int) -> str:
    return f"{n} of {total} ({n / total * 100:.0f}%)" if total else "–"


def _outlet_profile(atts: list[dict[str, Any]], n_articles: int) -> dict[str, Any]:
    total = len(atts)
    kinds = Counter((a.get("source") or {}).get("kind", "none") for a in atts)
    cats = Counter(a["cue"]["category"] for a in atts)
    lemmas = Counter(a["cue"]["lemma"] for a in atts)
    confidential = [a for a in atts if (a.get("source") or {}).get("kind") == "confidential"]
    # A later reference to the same source ("the official said") inherits the reason given earlier.
    explained = {_who(a) for a in confidential if a.get("anonymity_reason")}
    with_reason = sum(1 for a in confidential if a.get("anonymity_reason") or _who(a) in explained)
    anonymous = sum(kinds[k] for k in ANONYMOUS)
    named = len({(a["source"].get("resolved") or a["source"]["text"]) for a in atts
                 if a.get("source") and a["source"].get("named")})
    direct = sum(1 for a in atts if a["quote"] in {"direct", "mixed"})
    return {
        "total": plural(total, "attribution"),
        "articles": plural(n_articles, "article"),
        "kinds": [{"label": label, "value": _share(kinds[k], total), "width": _pct(kinds[k], total)}
                  for k, label in KIND_LABELS if kinds[k]],
        "anonymous": _share(anonymous, total),
        "confidential": (f"{len(confidential)}: {with_reason} with a stated reason, "
                         f"{len(confidential) - with_reason} without") if confidential else "none",
        "named_sources": str(named),
        "direct": _share(direct, total),
        "categories": [{"label": c.replace("_", " "), "value": str(n)} for c, n in
                       sorted(cats.items(), key=lambda kv: (-kv[1], kv[0]))],
        "lemmas": ", ".join(f"{lemma} ×{n}" for lemma, n in
                            sorted(lemmas.items(), key=lambda kv: (-kv[1], kv[0]))[:8]),
    }


def _who(att: dict[str, Any]) -> str:
    """The source an attribution belongs to: the resolved antecedent if any, else its own text."""
    src = att.get("source") or {}
    return (src.get("resolved") or src.get("text") or "").lower()


def _pct(n: int, total: int) -> str:
    return f"{n / total * 100:.0f}" if total else "0"


def who_speaks(scores: Sequence[ArticleScores], outlets: list[str]) -> dict[str, Any]:
    """Per-outlet profiles side by side; ``present`` is False when no attribution data exists."""
    present = any("attributions" in s.records for s in scores)
    columns = []
    for o in outlets:
        mine = [s for s in scores if s.article.outlet == o]
        atts = [dict(a) for s in mine for a in s.records.get("attributions", ())]
        columns.append({"outlet": o, **_outlet_profile(atts, len(mine))})
    return {"present": present, "columns": columns}
