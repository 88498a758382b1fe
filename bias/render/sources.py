"""View-model of the "Who speaks" section: source mix, cue profile and anonymity, per outlet."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bias.compare.tally import CorpusTally, SourceTally, as_tally
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


def _share(n: int, total: int) -> str:
    return f"{n} of {total} ({n / total * 100:.0f}%)" if total else "–"


def _outlet_profile(t: SourceTally, n_articles: int) -> dict[str, Any]:
    total = t.total
    anonymous = t.anonymous
    n_conf, with_reason = t.n_confidential, t.with_reason
    return {
        "total": plural(total, "attribution"),
        "articles": plural(n_articles, "article"),
        "kinds": [{"label": label, "value": _share(t.kinds[k], total), "width": _pct(t.kinds[k], total)}
                  for k, label in KIND_LABELS if t.kinds[k]],
        "anonymous": _share(anonymous, total),
        "confidential": _confidential(n_conf, with_reason),
        "named_sources": str(len(t.named)),
        "direct": _share(t.direct, total),
        "categories": [{"label": c.replace("_", " "), "value": str(n)} for c, n in
                       sorted(t.categories.items(), key=lambda kv: (-kv[1], kv[0]))],
        "lemmas": ", ".join(f"{lemma} ×{n}" for lemma, n in
                            sorted(t.lemmas.items(), key=lambda kv: (-kv[1], kv[0]))[:8]),
    }


def _confidential(n: int, with_reason: int) -> str:
    """How many confidential sources, and whether the text says why they are granted anonymity."""
    if not n:
        return "none"
    if with_reason == n:
        return f"{n}, " + ("all with a stated reason" if n > 1 else "with a stated reason")
    if not with_reason:
        return f"{n}, " + ("none with a stated reason" if n > 1 else "no reason stated")
    return f"{n}: {with_reason} with a stated reason, {n - with_reason} without"


def _pct(n: int, total: int) -> str:
    return f"{n / total * 100:.0f}" if total else "0"


def who_speaks(scores: CorpusTally | Iterable[ArticleScores], outlets: list[str]) -> dict[str, Any]:
    """Per-outlet profiles side by side; ``present`` is False when no attribution data exists."""
    tally = as_tally(scores)
    columns = [{"outlet": o, **_outlet_profile(tally.sources[o], tally.counts[o])} for o in outlets]
    return {"present": "attributions" in tally.record_names, "columns": columns}
