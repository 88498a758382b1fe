"""View-model of the "Stories" section: articles grouped into stories, and each story covered by two
or more outlets laid side by side (headline, lede, sources, loaded terms, what only one outlet says)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bias.compare.align import align_story, source_ledger
from bias.compare.stories import MAX_CLUSTERED, StoryAssignment
from bias.model import ArticleScores
from bias.render.formatting import excerpt, plural, slug
from bias.render.language import _referent_labels, _terms, terms_of

ONLY_HERE_SHOWN = 6  # sentences reported by one outlet only, shown per article
MAX_OUTLETS_SIDE_BY_SIDE = 6  # columns in one story's side-by-side view (one article per outlet)
MAX_STORIES_COMPARED = 12  # side-by-side views in one report (the stories with most outlets first)
MAX_STORIES_LISTED = 200  # entries in the story list (all stories are in the JSON export)


def _one_per_outlet(members: list[ArticleScores]) -> list[ArticleScores]:
    """The first article of each outlet, in input order, at most :data:`MAX_OUTLETS_SIDE_BY_SIDE`.
    Keeps the alignment (quadratic in sentences) bounded however large a story grows."""
    seen: dict[str, ArticleScores] = {}
    for m in members:
        seen.setdefault(m.article.outlet, m)
    return list(seen.values())[:MAX_OUTLETS_SIDE_BY_SIDE]


def _word_choice(art: ArticleScores, labels: dict[str, str]) -> list[dict[str, str]]:
    """The terms the article chose for contested referents, in its own voice and in quotes."""
    out = []
    for w in sorted(art.records.get("word_choice", ()), key=lambda w: (w["referent"], w["term"])):
        quoted = w["quote"] + w.get("embedded", 0)
        detail = f"×{w['narration']}" if w["narration"] else ""
        if quoted:
            detail = f"{detail} (+{quoted} quoted)".strip()
        out.append({"term": w["term"], "detail": detail,
                    "referent": labels.get(w["referent"], w["referent"])})
    return out


def _side_by_side(members: list[ArticleScores]) -> list[dict[str, Any]]:
    ledger = {e.outlet: e for e in source_ledger(members)}
    labels = _referent_labels()
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
            "terms": [{"text": t["text"], "count": t["count"]}
                      for t in _terms(terms_of(art.records.get("loaded_terms", ())), "narration")],
            "word_choice": _word_choice(art, labels),
            "shared": f"{len(al.sentences) - len(only)} of {len(al.sentences)} sentences have a "
                      f"counterpart in another outlet's article",
            "only_here": [excerpt(a.text, 220) for a in only[:ONLY_HERE_SHOWN]],
            "only_more": f"and {len(only) - ONLY_HERE_SHOWN} more" if len(only) > ONLY_HERE_SHOWN else "",
        })
    return columns


def stories_view(scores: Sequence[ArticleScores], assignment: StoryAssignment | None) -> dict[str, Any]:
    """Every story with its label and articles; side-by-side data for stories with 2+ outlets.
    ``assignment`` None means grouping was skipped (too many articles)."""
    if assignment is None:
        return {"stories": [], "method": f"skipped above {MAX_CLUSTERED:,} articles", "more": "",
                "compared_note": "",
                "summary": f"Stories were not grouped: with more than {MAX_CLUSTERED:,} articles the "
                           "comparison of every pair would not fit in memory. To compare stories, report "
                           f"on a subset of at most {MAX_CLUSTERED:,} articles (one week, one topic)"}
    by_id = {s.article.id: s for s in scores}
    ranked = sorted(assignment.stories, key=lambda st: (-len(st.outlets), -len(st.article_ids), st.id))
    compared = {st.id for st in [st for st in ranked if len(st.outlets) >= 2][:MAX_STORIES_COMPARED]}
    stories = []
    for st in assignment.stories[:MAX_STORIES_LISTED]:
        members = [by_id[i] for i in st.article_ids]
        multi = st.id in compared
        stories.append({
            "id": st.id,
            "anchor": slug(st.id),
            "label": st.label or "(no telling terms)",
            "size": f"{plural(len(members), 'article')} from {plural(len(st.outlets), 'outlet')}",
            "pinned": "pinned by the manifest" if st.pinned else "",
            "articles": [{"title": m.article.title or m.article.id, "outlet": m.article.outlet,
                          "anchor": f"article-{slug(m.article.id)}"} for m in members],
            "compared": multi,
            "columns": _side_by_side(_one_per_outlet(members)) if multi else [],
            "sampled": (f"Shown side by side: the first article of each outlet, at most "
                        f"{MAX_OUTLETS_SIDE_BY_SIDE} outlets."
                        if multi and (len(st.outlets) > MAX_OUTLETS_SIDE_BY_SIDE
                                      or len(members) > len(st.outlets)) else ""),
        })
    covered = sum(1 for st in assignment.stories if len(st.outlets) >= 2)
    hidden = len(assignment.stories) - len(stories)
    return {
        "stories": stories,
        "summary": (f"{plural(len(stories), 'story', 'stories')}; {covered} covered by two or more outlets "
                    f"(compared side by side below)" if covered else
                    f"{plural(len(stories), 'story', 'stories')}, none covered by more than one outlet, so "
                    "there is no same-story comparison to show"),
        "method": f"grouped when their average distance is below {assignment.threshold:.2f}",
        "more": (f"and {hidden} more stories, listed in the JSON export (--export)" if hidden else ""),
        "compared_note": (f"The {MAX_STORIES_COMPARED} stories covered by the most outlets are compared "
                          "below." if covered > MAX_STORIES_COMPARED else ""),
    }
