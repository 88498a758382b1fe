"""Load and apply the shipped opinion model (``opinion_model.json``): no scikit-learn, no pickle.

The model is a logistic regression. For a sentence with in-vocabulary word n-grams ``G`` (``k`` of
them), in-vocabulary style n-grams ``S`` (``m`` of them, :mod:`bias.opinion.style`) and dense
features ``x_d``::

    z = intercept + sum(w_g for g in G) / sqrt(k) + sum(w_s for s in S) / sqrt(m)
          + sum(w_d * (x_d - mean_d) / scale_d)
    opinion_score = 1 / (1 + exp(-z))          # 0 = reads as reported fact, 1 = reads as opinion
    opinion = opinion_score >= threshold

Every term of that sum is a named feature, so :func:`contributions` can say why a sentence scored
high ("first-person 'we', prescriptive 'must'"). Trained on NewsSD-ENG (Antici et al., LREC-COLING
2024, CC BY 4.0); see ``docs/opinion-model.md``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType

from bias.errors import InputError
from bias.opinion.features import (
    CueGroup,
    SentenceFeatures,
    cue_groups_from,
    dense_labels,
    dense_names,
    describe,
)
from bias.opinion.style import STYLE_VERSION

FORMAT = "bias-opinion-model/2"


@dataclass(frozen=True, slots=True)
class OpinionModel:
    """A loaded model: immutable weights plus the cue lists its dense features were built with."""

    version: str
    threshold: float
    intercept: float
    ngram_weights: Mapping[str, float]
    style_weights: Mapping[str, float]
    dense_names: tuple[str, ...]
    dense_mean: tuple[float, ...]
    dense_scale: tuple[float, ...]
    dense_weights: tuple[float, ...]
    groups: tuple[CueGroup, ...]
    meta: Mapping[str, object]

    @property
    def stamp(self) -> str:
        """``opinion-model@version``, for result and report footers."""
        return f"opinion-model@{self.version}"


@dataclass(frozen=True, slots=True)
class Contribution:
    """One feature's share of a sentence's score (``value`` is added to the log-odds)."""

    feature: str
    label: str
    value: float


def model_from_dict(doc: Mapping[str, object], source: str = "opinion model") -> OpinionModel:
    """Validate a parsed model document and build an :class:`OpinionModel`."""
    if doc.get("format") != FORMAT:
        raise InputError(source, f"not an opinion model (expected format {FORMAT!r})")
    try:
        dense = doc["dense"]
        groups = cue_groups_from(doc["cues"])  # type: ignore[arg-type]
        names = tuple(dense["names"])  # type: ignore[index]
        if str(doc.get("style_version")) != STYLE_VERSION:
            raise InputError(source, f"style features version {doc.get('style_version')!r} is not "
                                     f"{STYLE_VERSION!r}: retrain the model with this version of bias")
        if names != dense_names(groups):
            raise InputError(source, "dense feature names do not match the cue groups in the file")
        vectors = [tuple(float(v) for v in dense[k]) for k in ("mean", "scale", "weights")]  # type: ignore[index]
        if any(len(v) != len(names) for v in vectors):
            raise InputError(source, "dense mean/scale/weights must have one entry per feature name")
        return OpinionModel(
            version=str(doc["version"]),
            threshold=float(doc["threshold"]),  # type: ignore[arg-type]
            intercept=float(doc["intercept"]),  # type: ignore[arg-type]
            ngram_weights=MappingProxyType({str(k): float(v) for k, v in doc["ngrams"].items()}),  # type: ignore[union-attr]
            style_weights=MappingProxyType({str(k): float(v) for k, v in doc["style_ngrams"].items()}),  # type: ignore[union-attr]
            dense_names=names,
            dense_mean=vectors[0],
            dense_scale=vectors[1],
            dense_weights=vectors[2],
            groups=groups,
            meta=MappingProxyType({k: doc[k] for k in ("credit", "training") if k in doc}),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(source, f"malformed opinion model: {exc!r}") from None


def load_model_file(path: str | Path) -> OpinionModel:
    """Load a model JSON written by :func:`bias.opinion.train.train_opinion_model`."""
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(p), "file not found") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(p), f"not valid JSON: {exc.msg}", exc.lineno) from None
    return model_from_dict(doc, str(p))


@cache
def shipped_model() -> OpinionModel:
    """The model shipped inside the package (loaded once per process; immutable)."""
    text = resources.files("bias.opinion").joinpath("opinion_model.json").read_text(encoding="utf-8")
    return model_from_dict(json.loads(text), "bias/opinion/opinion_model.json")


@cache
def _dense_labels(groups: tuple[CueGroup, ...]) -> Mapping[str, str]:
    return MappingProxyType(dict(dense_labels(groups)))


def contribution_terms(feats: SentenceFeatures, model: OpinionModel) -> list[tuple[str, str, float]]:
    """:func:`contributions` as plain ``(feature, label, value)`` triples, largest value first
    (cheaper when only the first few are read)."""
    out: list[tuple[str, str, float]] = []
    for prefix, grams, weights in (("ngram", feats.ngrams, model.ngram_weights),
                                   ("style", feats.style, model.style_weights)):
        known = [g for g in grams if g in weights]
        if known:
            norm = 1.0 / math.sqrt(len(known))
            out.extend((f"{prefix}:{g}", f"'{g}'", weights[g] * norm) for g in known)
    labels = _dense_labels(model.groups)
    for name, mean, scale, w in zip(model.dense_names, model.dense_mean, model.dense_scale,
                                    model.dense_weights, strict=True):
        value = w * (feats.dense[name] - mean) / scale
        if value:
            out.append((name, labels[name], value))
    out.sort(key=lambda c: (-c[2], c[0]))  # feature names are unique: no ties left
    return out


def contributions(feats: SentenceFeatures, model: OpinionModel) -> tuple[Contribution, ...]:
    """Each active feature's addition to the log-odds, largest first (intercept excluded)."""
    return tuple(Contribution(f, label, v) for f, label, v in contribution_terms(feats, model))


def log_odds(feats: SentenceFeatures, model: OpinionModel) -> float:
    """The model's linear score ``z`` for one sentence (positive leans to opinion).

    Only the sentence's own n-grams are looked up (a set intersection with the vocabulary), and
    ``math.fsum`` makes their sum exact whatever the order, so the result does not depend on it.
    """
    z = model.intercept
    for grams, weights in ((feats.ngrams, model.ngram_weights), (feats.style, model.style_weights)):
        known = weights.keys() & grams
        if known:
            z += math.fsum([weights[g] for g in known]) / math.sqrt(len(known))
    # Every model has more than one dense feature (the base features alone are ten), so the getter
    # returns a tuple; the terms are added in model order, as they always were.
    values = itemgetter(*model.dense_names)(feats.dense)
    for x, mean, scale, w in zip(values, model.dense_mean, model.dense_scale, model.dense_weights,
                                 strict=True):
        z += w * (x - mean) / scale
    return z


def sigmoid(z: float) -> float:
    """The logistic function, safe for large ``|z|``."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def score_sentence(text: str, model: OpinionModel | None = None) -> float:
    """Opinion score of one sentence, 0-1: higher means it reads more like opinion than reported fact."""
    m = model or shipped_model()
    return sigmoid(log_odds(describe(text, m.groups), m))


def is_opinion(text: str, model: OpinionModel | None = None) -> bool:
    """True when the sentence's opinion score reaches the model's threshold."""
    m = model or shipped_model()
    return score_sentence(text, m) >= m.threshold
