"""View-model of the framing map: PCA coordinates scaled into an inline SVG, with words for the axes
and a text alternative (the same points as a table)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bias.compare.mapping import framing_map
from bias.compare.tally import CorpusTally, as_tally
from bias.model import ArticleScores
from bias.render.inputs import id_rank

WIDTH, HEIGHT, PAD = 760, 460, 70
MAX_POINTS = 400  # article dots drawn (a fixed sample beyond that; outlet averages use all)
PALETTE = ("#1f4e79", "#b35900", "#2b8a3e", "#862e9c", "#c92a2a", "#0b7285", "#5c940d", "#495057",
           "#d6336c", "#364fc7")


def _scale(values: Sequence[float], lo_px: float, hi_px: float) -> list[float]:
    lo, hi = min(values), max(values)
    span = hi - lo or 1.0
    return [lo_px + (v - lo) / span * (hi_px - lo_px) for v in values]


def map_view(scores: CorpusTally | Sequence[ArticleScores], labels: Mapping[str, str]) -> dict[str, Any]:
    """SVG-ready points (pixels) for articles and outlet centroids; ``present`` False when the map
    cannot be drawn (fewer than three articles)."""
    tally = as_tally(scores)
    fmap = framing_map(tally)
    if fmap is None:
        return {"present": False}
    pts = list(fmap.articles) + list(fmap.outlets)
    xs = _scale([p.x for p in pts], PAD, WIDTH - PAD)
    ys = _scale([-p.y for p in pts], PAD, HEIGHT - PAD)  # SVG y grows downwards
    outlets = sorted({p.outlet for p in pts})
    colour = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(outlets)}
    n_art = len(fmap.articles)
    titles = dict(zip(tally.ids, tally.titles, strict=True))
    articles = [{"x": f"{xs[i]:.1f}", "y": f"{ys[i]:.1f}", "colour": colour[p.outlet], "outlet": p.outlet,
                 "title": titles.get(p.id, p.id), "fx": f"{p.x:+.2f}", "fy": f"{p.y:+.2f}"}
                for i, p in enumerate(fmap.articles)]
    sampled = len(articles) > MAX_POINTS
    if sampled:  # the articles with the smallest CRC-32 of their id: no aliasing with the input order
        keys = [id_rank(p.id) for p in fmap.articles]
        keep = sorted(sorted(range(len(keys)), key=lambda i: (keys[i], i))[:MAX_POINTS])
        articles = [articles[i] for i in keep]
    centroids = [{"x": f"{xs[n_art + i]:.1f}", "y": f"{ys[n_art + i]:.1f}", "colour": colour[p.outlet],
                  "label": p.outlet, "lx": f"{xs[n_art + i] + 9:.1f}", "ly": f"{ys[n_art + i] - 9:.1f}",
                  "fx": f"{p.x:+.2f}", "fy": f"{p.y:+.2f}"}
                 for i, p in enumerate(fmap.outlets)]

    def words(axis: int) -> tuple[str, str]:
        pos, neg = fmap.axis_terms(axis)
        return (", ".join(labels.get(m, m) for m in pos) or "–",
                ", ".join(labels.get(m, m) for m in neg) or "–")

    x_pos, x_neg = words(0)
    y_pos, y_neg = words(1)
    return {
        "present": True, "width": WIDTH, "height": HEIGHT, "articles": articles, "outlets": centroids,
        "x_axis": f"left: more {x_neg} · right: more {x_pos} "
                  f"({fmap.explained[0] * 100:.0f}% of the variation)",
        "y_axis": f"bottom: more {y_neg} · top: more {y_pos} "
                  f"({fmap.explained[1] * 100:.0f}% of the variation)",
        "metrics": ", ".join(labels.get(m, m) for m in fmap.metrics),
        "sampled": (f"{len(articles):,} of the {len(fmap.articles):,} articles are drawn (a fixed sample, "
                    "chosen by a hash of the article id); the outlet averages use all of them."
                    if sampled else ""),
        "mid_x": f"{WIDTH / 2:.0f}", "mid_y": f"{HEIGHT / 2:.0f}",
        "axis_y": f"{HEIGHT - 18:.0f}", "axis_x_end": f"{WIDTH - PAD + 20:.0f}",
    }
