"""View-model of the outlet comparisons: generated overview sentences and distinctive vocabulary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bias.compare.aggregates import MIN_ARTICLES
from bias.compare.sentences import overview_sentences
from bias.compare.tally import CorpusTally, as_tally
from bias.compare.vocabulary import distinctive_terms
from bias.model import ArticleScores
from bias.render.formatting import excerpt

VOCABULARY_TERMS = 8


def sentences_view(scores: CorpusTally | Sequence[ArticleScores]) -> dict[str, Any]:
    """The overview's sentences, each stating real figures. When every outlet has too few articles,
    one note says so instead of repeating the caveat under every sentence."""
    tally = as_tally(scores)
    counts = tally.counts
    all_small = bool(counts) and max(counts.values()) < MIN_ARTICLES
    note = (f"Every outlet here has fewer than {MIN_ARTICLES} articles: these figures describe the "
            "articles, not the outlets, and no difference between outlets can be told from chance."
            if all_small else "")
    items = [{"topic": s.topic, "text": s.text, "caveat": "" if all_small or not s.caveat else s.caveat_text}
             for s in overview_sentences(tally)]
    return {"note": note, "lines": items}


def vocabulary_view(scores: Sequence[ArticleScores],
                    order: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Per outlet (in ``order``, by default first appearance), the words it uses far more than the
    other outlets, each with an example."""
    by_outlet = distinctive_terms(scores, k=VOCABULARY_TERMS)
    order = list(dict.fromkeys(s.article.outlet for s in scores)) if order is None else order
    out = []
    for outlet in [o for o in order if o in by_outlet]:
        terms = by_outlet[outlet]
        out.append({"outlet": outlet, "terms": [
            {"term": t.term.replace("_", " "), "z": f"{t.z:.1f}",
             "count": f"{t.count} here, {t.rest_count} elsewhere",
             "example": excerpt(t.example, 180)} for t in terms]})
    return out
