"""View-model of the "Stories" section: articles grouped into stories, and each story covered by two
or more outlets laid side by side (headline, lede, sources, loaded terms, what only one outlet says)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bias.compare.align import align_story, source_ledger
from bias.compare.stories import StoryAssignment
from bias.model import ArticleScores
from bias.render.formatting import excerpt, plural, slug
from bias.render.language import _terms

ONLY_HERE_SHOWN = 6  # sentences reported by one outlet only, shown per article


def _side_by_side(members: list[ArticleScores]) -> list[dict[str, Any]]:
    ledger = {e.outlet: e for e in source_ledger(members)}
    columns = []
    for al in align_story(members):
        art = next(s for s in members if s.article.id == al.article_id)
        only = [a for a in al.sentences if a.only_here]
        entry = ledger.get(al.outlet)
        columns.append({
            "outlet": al.outlet,
            "anchor": f"article-{slug(al.article_id)}",
            "headline": al.headline,
            "lede": al.lede_text or "(no lede found)",
            "quoted": ", ".join(entry.quoted) if entry and entry.quoted else "no named source",
            "missing": [{"name": name, "by": ", ".join(by)} for name, by in entry.missing] if entry else [],
            "terms": [{"text": t["text"], "count": t["count"]} for t in _terms([art], "narration")],
            "shared": f"{len(al.sentences) - len(only)} of {len(al.sentences)} sentences have a "
                      f"counterpart in another outlet's article",
            "only_here": [excerpt(a.text, 220) for a in only[:ONLY_HERE_SHOWN]],
            "only_more": f"and {len(only) - ONLY_HERE_SHOWN} more" if len(only) > ONLY_HERE_SHOWN else "",
        })
    return columns


def stories_view(scores: Sequence[ArticleScores], assignment: StoryAssignment) -> dict[str, Any]:
    """Every story with its label and articles; side-by-side data for stories with 2+ outlets."""
    by_id = {s.article.id: s for s in scores}
    stories = []
    for st in assignment.stories:
        members = [by_id[i] for i in st.article_ids]
        multi = len(st.outlets) >= 2
        stories.append({
            "id": st.id,
            "anchor": f"story-{slug(st.id)}",
            "label": st.label or "(no telling terms)",
            "size": f"{plural(len(members), 'article')} from {plural(len(st.outlets), 'outlet')}",
            "pinned": "pinned by the manifest" if st.pinned else "",
            "articles": [{"title": m.article.title or m.article.id, "outlet": m.article.outlet,
                          "anchor": f"article-{slug(m.article.id)}"} for m in members],
            "compared": multi,
            "columns": _side_by_side(members) if multi else [],
        })
    covered = sum(1 for s in stories if s["compared"])
    return {
        "stories": stories,
        "summary": (f"{plural(len(stories), 'story', 'stories')}; {covered} covered by two or more outlets "
                    f"(compared side by side below)" if covered else
                    f"{plural(len(stories), 'story', 'stories')}, none covered by more than one outlet, so "
                    "there is no same-story comparison to show"),
        "threshold": f"{assignment.threshold:.2f}",
    }
