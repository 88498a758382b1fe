"""The shared extractor interface and its thin scikit-learn adapter.

An extractor is a name, the :class:`~bias.model.FeatureSpec` of every number it produces, and a
pure function ``run(parsed) -> FeatureResult``. The real work lives in module-level ``find_*``
functions that yield :class:`~bias.model.Evidence`; ``run`` derives every number from that
evidence. :class:`FeatureTransformer` exposes any extractor as a stateless scikit-learn
transformer, so our features drop into a ``Pipeline`` or ``FeatureUnion``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from bias.corpus.parsed import Parsed
from bias.model import Article, FeatureResult, FeatureSpec


@dataclass(frozen=True, slots=True)
class Extractor:
    """One feature extractor: ``run`` must be pure and deterministic."""

    name: str
    description: str
    specs: tuple[FeatureSpec, ...]
    run: Callable[[Parsed], FeatureResult]

    @property
    def metric_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.specs)


def spec(extractor: str, metric: str, label: str, unit: str, higher_means: str, description: str,
         caveat: str = "") -> FeatureSpec:
    """Build a :class:`FeatureSpec` named ``extractor__metric`` (one name per number)."""
    return FeatureSpec(f"{extractor}__{metric}", label, unit, higher_means, description, caveat)


def safe_ratio(num: float, den: float) -> float:
    """``num / den``, or 0.0 when ``den`` is 0 (an empty article scores zero, never NaN)."""
    return float(num) / float(den) if den else 0.0


class FeatureTransformer(TransformerMixin, BaseEstimator):
    """Expose one registered extractor as a scikit-learn transformer.

    ``transform`` takes articles (or already parsed articles) and returns one row per article
    with the extractor's metrics in spec order. It learns nothing: ``fit`` returns ``self``.
    """

    def __init__(self, extractor: str = "readability") -> None:
        self.extractor = extractor

    def _get(self) -> Extractor:
        from bias.features import get_extractor

        return get_extractor(self.extractor)

    def fit(self, X: Iterable[Article | Parsed], y: object = None) -> FeatureTransformer:  # noqa: N803
        self._get()
        return self

    def transform(self, X: Iterable[Article | Parsed]) -> np.ndarray:  # noqa: N803
        from bias.corpus.segment import parse

        ext = self._get()
        rows = []
        for item in X:
            parsed = item if isinstance(item, Parsed) else parse(item)
            values = ext.run(parsed).values
            rows.append([values[name] for name in ext.metric_names])
        return np.asarray(rows, dtype=float).reshape(len(rows), len(ext.specs))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(self._get().metric_names, dtype=object)

    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        return tags
