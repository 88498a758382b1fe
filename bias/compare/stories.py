"""Group articles into stories: TF-IDF over content words and names, agglomerative clustering.

Method (:func:`cluster_stories`):

1. Each article (headline + text) becomes a TF-IDF vector over the tokens of
   :mod:`bias.compare.tokens`: content words and capitalised multi-word names, English stop words
   removed, sublinear term frequency (``1 + log tf``), smoothed IDF fitted on the articles given, L2
   norm. Terms found in one article only are kept (a name mentioned once still counts).
2. Articles are merged bottom-up with :class:`sklearn.cluster.AgglomerativeClustering`
   (``metric="cosine"``, ``linkage="average"``): two groups join while the *average* cosine distance
   between their articles is below ``distance_threshold``. Average linkage does not let one
   article chain two unrelated stories together, as single linkage would.
3. Articles pinned by the manifest (``Article.story``) keep their ids. An unpinned article that
   clusters with pinned articles joins the pinned story most of them hold; other clusters get ids
   ``story-1``, ``story-2``, ... numbered by their first article in input order (ids already used by a
   pin are skipped). The same input always gives the same ids.

Default threshold :data:`DEFAULT_THRESHOLD` = 0.80 (cosine *distance*; average similarity 0.20).
Why: articles on the same event share its names and key nouns, so their similarity is typically
0.3-0.5 even across very different styles; articles on different events of the same beat share
generic words only (the seven real border/cartel seed articles: 0.03-0.15 between each other).
0.80 sits between the two. Adjusted Rand index measured on ``tests/data/stories`` (20 articles, 5
stories, 3 singletons) for thresholds 0.70 / 0.76 / 0.80 / 0.84 / 0.90: full texts 1.00 for all;
without headlines 1.00 for all; first half of each text 0.82 / 1.00 / 1.00 / 1.00 / 1.00; with the
seven seeds added as same-beat singletons 1.00 / 1.00 / 1.00 / 0.93 / 0.79 (above 0.80 three seeds
merge); headline and first paragraph only 0.78 / 0.85 / 0.91 / 1.00 / 1.00. Lower the threshold to
split more finely (separate events within one topic), raise it to merge more.

Labels: each story's :data:`LABEL_TERMS` most telling terms, the terms whose mean TF-IDF weight
inside the story most exceeds their mean weight in the other articles (the whole corpus when the
story holds everything), shown in the spelling most used in the text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from bias.compare.tokens import content_tokens, tokens
from bias.model import Article

__all__ = ["DEFAULT_THRESHOLD", "LABEL_TERMS", "Story", "StoryAssignment", "cluster_stories", "story_matrix"]

DEFAULT_THRESHOLD = 0.80
LABEL_TERMS = 4


@dataclass(frozen=True, slots=True)
class Story:
    """One story: its id, the ids of its articles (input order), the outlets covering it (sorted),
    its label terms (most telling first) and whether the manifest pinned it."""

    id: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    terms: tuple[str, ...]
    pinned: bool

    @property
    def label(self) -> str:
        """The terms joined for display: ``"Calder, dockworkers, strike, Dana Whitcombe"``."""
        return ", ".join(self.terms)


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """The result: ``stories`` in id order and ``story_of`` (article id -> story id, input order)."""

    stories: tuple[Story, ...]
    story_of: tuple[tuple[str, str], ...]
    threshold: float

    def of(self, article_id: str) -> str:
        """The story id of one article (KeyError for an unknown id)."""
        return dict(self.story_of)[article_id]


def _document(a: Article) -> str:
    # The headline is usually the text's first line already; add it only when it is not.
    return a.text if a.text.startswith(a.title) else f"{a.title}\n\n{a.text}"


def story_matrix(articles: Sequence[Article]):
    """The L2-normalised TF-IDF matrix (articles x terms) and its vectorizer (see module docstring)."""
    vec = TfidfVectorizer(analyzer=tokens, sublinear_tf=True, smooth_idf=True, norm="l2")
    return vec.fit_transform([_document(a) for a in articles]), vec


def _labels(articles: Sequence[Article], threshold: float) -> list[int]:
    if len(articles) < 2:
        return [0] * len(articles)
    x, _ = story_matrix(articles)
    if x.shape[1] == 0:
        return list(range(len(articles)))
    dense = x.toarray()
    empty = ~dense.any(axis=1)
    dense[empty, 0] = 1e-9  # cosine distance is undefined for an empty vector; keep it a loner
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    )
    return [int(v) for v in model.fit_predict(dense)]


def _spelling(articles: Sequence[Article]) -> dict[str, str]:
    seen: dict[str, Counter[str]] = {}
    for a in articles:
        text = _document(a)
        for tok, span in content_tokens(text):
            seen.setdefault(tok, Counter())[span.of(text)] += 1
    return {tok: c.most_common(1)[0][0] for tok, c in seen.items()}


# Words too generic to name a story, skipped when choosing its label terms (not in clustering).
LABEL_STOP = frozenset({
    "ago", "need", "needs", "role", "image", "way", "part", "time", "times", "thing", "things",
    "people", "month", "months", "weeks", "days", "today", "yesterday", "including", "percent",
    "number", "lot", "made", "make", "making", "long", "old", "good", "bad", "big", "high", "low",
    "end", "start", "set", "put", "took", "take", "going", "come", "came", "want", "wants", "use",
    "used", "left", "right", "far", "near", "later", "early", "recent", "recently", "according",
    "like", "many", "much", "well", "even", "still", "another", "other", "others", "several",
})


def _terms(
    dense: np.ndarray, names: np.ndarray, members: list[int], spelled: dict[str, str]
) -> tuple[str, ...]:
    inside = dense[members].mean(axis=0)
    member_set = set(members)
    rest_rows = [i for i in range(dense.shape[0]) if i not in member_set]
    rest = dense[rest_rows].mean(axis=0) if rest_rows else np.zeros_like(inside)
    score = {str(t): float(v) for t, v in zip(names, inside - rest, strict=True)
             if v > 0 and str(t) not in LABEL_STOP}
    order = sorted(score, key=lambda t: (-score[t], t))
    out: list[str] = []
    for term in order:
        if len(out) == LABEL_TERMS:
            break
        if "_" not in term:
            # A word that belongs to a telling name is shown as that name ("Port" -> "Port of Calder").
            names_with = [
                n for n in order if "_" in n and term in n.split("_") and score[n] >= 0.5 * score[term]
            ]
            term = names_with[0] if names_with else term
        words = set(term.split("_"))
        if any(term == o or words <= set(o.split("_")) for o in out):
            continue
        out = [o for o in out if not set(o.split("_")) < words]  # a name replaces its shown words
        out.append(term)
    return tuple(spelled.get(t, t.replace("_", " ")) for t in out)


MAX_CLUSTERED = 5_000  # agglomerative clustering compares every pair: beyond this, stories are skipped


def assign_stories(articles: Sequence[Article], *,
                   distance_threshold: float = DEFAULT_THRESHOLD) -> StoryAssignment | None:
    """:func:`cluster_stories`, or None when there are more than :data:`MAX_CLUSTERED` articles (the
    pairwise distances would not fit in memory; pin stories in a manifest or analyse a subset)."""
    if len(articles) > MAX_CLUSTERED:
        return None
    return cluster_stories(articles, distance_threshold=distance_threshold)


def cluster_stories(
    articles: Sequence[Article], *, distance_threshold: float = DEFAULT_THRESHOLD
) -> StoryAssignment:
    """Assign every article to a story (see the module docstring for the method and the threshold).

    Pure and deterministic: the same articles in the same order give the same ids and labels.
    """
    arts = list(articles)
    labels = _labels(arts, distance_threshold)
    clusters: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        clusters.setdefault(lab, []).append(i)
    pinned_ids = {a.story for a in arts if a.story}
    story_of: dict[int, str] = {i: a.story for i, a in enumerate(arts) if a.story}
    counter = 0
    for members in sorted(clusters.values(), key=lambda m: m[0]):
        pins = Counter(arts[i].story for i in members if arts[i].story)
        if pins:
            target = sorted(pins.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        else:
            counter += 1
            while f"story-{counter}" in pinned_ids:
                counter += 1
            target = f"story-{counter}"
        for i in members:
            story_of.setdefault(i, target)
    groups: dict[str, list[int]] = {}
    for i in range(len(arts)):
        groups.setdefault(story_of[i], []).append(i)
    dense, names, spelled = None, None, {}
    if arts:
        x, vec = story_matrix(arts) if len(arts) else (None, None)
        dense, names, spelled = x.toarray(), vec.get_feature_names_out(), _spelling(arts)
    stories = []
    for sid, members in sorted(groups.items(), key=lambda kv: kv[1][0]):
        stories.append(
            Story(
                id=sid,
                article_ids=tuple(arts[i].id for i in members),
                outlets=tuple(sorted({arts[i].outlet for i in members})),
                terms=_terms(dense, names, members, spelled) if dense is not None and dense.shape[1] else (),
                pinned=sid in pinned_ids,
            )
        )
    return StoryAssignment(
        stories=tuple(stories),
        story_of=tuple((a.id, story_of[i]) for i, a in enumerate(arts)),
        threshold=distance_threshold,
    )
