"""A framing map: articles placed in two dimensions by their standardised metrics (PCA).

Metrics (:data:`MAP_METRICS`), chosen to cover sourcing, language, tone and style while staying
comparable across article lengths (shares and rates, no raw counts): anonymous sourcing, direct
quotation, attributions per 1,000 words, loaded language in narration, hedges, opinion share,
average tone, share of negative sentences, Flesch-Kincaid grade and words per sentence.

Each metric is standardised over the articles given (mean 0, standard deviation 1; a metric that
does not vary is left out, since it cannot place anything). :class:`sklearn.decomposition.PCA`
projects the articles onto the two directions of largest variance. Signs of principal components
are arbitrary; here each axis is oriented so that its largest-magnitude loading is positive, so the
same data always gives the same picture. ``loadings`` say which metrics drive each axis: a positive
loading means articles further right (axis 1) or up (axis 2) have more of that metric.

Outlet centroids are the mean position of the outlet's articles. With fewer than three articles (or
fewer than two varying metrics) there is no map: :func:`framing_map` returns None.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.decomposition import PCA

from bias.compare.tally import CorpusTally, as_tally
from bias.model import ArticleScores

__all__ = ["MAP_METRICS", "FramingMap", "MapPoint", "framing_map"]

MAP_METRICS = (
    "attribution__anonymous_share",
    "attribution__direct_share",
    "attribution__per_1000_words",
    "loaded__narration_per_1000",
    "loaded__hedges_per_1000",
    "opinion__share",
    "sentiment__mean_compound",
    "sentiment__negative_share",
    "readability__flesch_kincaid_grade",
    "readability__mean_sentence_length",
)


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A point of the map: an article (``id`` = article id) or an outlet centroid (``id`` = outlet)."""

    id: str
    outlet: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class FramingMap:
    """The map: article points (input order), outlet centroids (sorted by outlet), the metrics used,
    per-axis loadings ``((metric, weight), ...)`` sorted by |weight| descending, and the share of
    the variance each axis explains."""

    articles: tuple[MapPoint, ...]
    outlets: tuple[MapPoint, ...]
    metrics: tuple[str, ...]
    loadings: tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]
    explained: tuple[float, float]

    def axis_terms(self, axis: int, k: int = 2) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ``k`` metrics pulling axis ``axis`` (0 or 1) towards its positive end, and those
        pulling it towards its negative end: the words to label the axis with."""
        pos = tuple(m for m, w in self.loadings[axis] if w > 0)[:k]
        neg = tuple(m for m, w in self.loadings[axis] if w < 0)[:k]
        return pos, neg


def framing_map(scores: CorpusTally | Iterable[ArticleScores],
                metrics: Sequence[str] = MAP_METRICS) -> FramingMap | None:
    """Standardise, project to two dimensions, orient the axes (see the module docstring)."""
    tally = as_tally(scores)
    if len(tally) < 3:
        return None
    x = np.nan_to_num(np.column_stack([tally.column(m) for m in metrics]))
    sd = x.std(axis=0)
    keep = [i for i in range(len(metrics)) if sd[i] > 1e-12]
    if len(keep) < 2:
        return None
    z = (x[:, keep] - x[:, keep].mean(axis=0)) / sd[keep]
    pca = PCA(n_components=2, svd_solver="full")
    pts = pca.fit_transform(z)
    comps = pca.components_.copy()
    for k in range(2):
        if comps[k][np.argmax(np.abs(comps[k]))] < 0:
            comps[k] *= -1
            pts[:, k] *= -1
    used = tuple(metrics[i] for i in keep)
    loadings = tuple(
        tuple(
            sorted(
                ((m, float(w)) for m, w in zip(used, comps[k], strict=True)),
                key=lambda mw: (-abs(mw[1]), mw[0]),
            )
        )
        for k in range(2)
    )
    names = tally.outlets
    points = tuple(
        MapPoint(aid, names[o], float(p[0]), float(p[1]))
        for aid, o, p in zip(tally.ids, tally.outlet_of, pts, strict=True)
    )
    outlets = []
    for outlet in sorted(names):
        mine = pts[tally.outlet_mask(outlet)]
        outlets.append(MapPoint(outlet, outlet, float(np.mean(mine[:, 0].tolist())),
                                float(np.mean(mine[:, 1].tolist()))))
    ratio = pca.explained_variance_ratio_
    return FramingMap(points, tuple(outlets), used, loadings, (float(ratio[0]), float(ratio[1])))  # type: ignore[arg-type]
