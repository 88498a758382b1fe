"""The contract every registered extractor keeps (runs over bias.features.EXTRACTORS as it grows)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from sklearn.base import clone

from bias.corpus.segment import parse
from bias.features import EXTRACTORS, FeatureTransformer
from bias.model import Article

ROOT = Path(__file__).resolve().parents[1]

SAMPLE = (
    "Critics slammed the \u201creckless\u201d plan on Tuesday, according to officials who asked "
    "not to be named.\n"
    "\u201cIt is a disaster,\u201d said Maria Lopez, a spokeswoman for the U.S. agency. The mayor "
    "claimed the well-known scheme would save 2,000 jobs.\n"
    "Supporters love it. The meeting starts at noon."
)
EMPTY = ""

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _article(text: str, id_: str = "t") -> Article:
    return Article(id=id_, outlet="Outlet", title="Title", text=text)


def _texts() -> list[str]:
    return [SAMPLE, EMPTY, "   \n", "One.", *(p.read_text(encoding="utf-8") for p in SEEDS)]


ids = [e.name for e in EXTRACTORS]


def test_registry_names_are_unique():
    names = [e.name for e in EXTRACTORS]
    metrics = [s.name for e in EXTRACTORS for s in e.specs]
    assert len(names) == len(set(names))
    assert len(metrics) == len(set(metrics))


@pytest.mark.parametrize("ext", EXTRACTORS, ids=ids)
def test_specs_are_named_and_documented(ext):
    assert ext.name and ext.description.strip()
    assert ext.specs, f"{ext.name} declares no metrics"
    for s in ext.specs:
        prefix, sep, metric = s.name.partition("__")
        assert (prefix, sep) == (ext.name, "__") and metric, s.name
        for field in ("label", "unit", "higher_means", "description"):
            assert getattr(s, field).strip(), f"{s.name}: empty {field}"


@pytest.mark.parametrize("ext", EXTRACTORS, ids=ids)
def test_values_match_specs_and_evidence_is_inside_text(ext):
    for text in _texts():
        parsed = parse(_article(text))
        result = ext.run(parsed)
        assert set(result.values) == set(ext.metric_names)
        assert all(math.isfinite(v) for v in result.values.values()), result.values
        for ev in result.evidence:
            assert 0 <= ev.span.start < ev.span.end <= len(text), ev
            assert ev.feature == ext.name, ev
            assert ev.kind and ev.label, ev
            assert math.isfinite(ev.weight), ev
        for field, per_sentence in result.sentence_fields.items():
            assert len(per_sentence) == len(parsed.sentences), field


@pytest.mark.parametrize("ext", EXTRACTORS, ids=ids)
def test_deterministic(ext):
    for text in (SAMPLE, *(p.read_text(encoding="utf-8") for p in SEEDS[:1])):
        first = ext.run(parse(_article(text)))
        second = ext.run(parse(_article(text)))
        assert dict(first.values) == dict(second.values)
        assert first.evidence == second.evidence
        assert dict(first.sentence_fields) == dict(second.sentence_fields)
        assert dict(first.records) == dict(second.records)


@pytest.mark.parametrize("ext", EXTRACTORS, ids=ids)
def test_empty_article_scores_zero(ext):
    result = ext.run(parse(_article(EMPTY)))
    assert {k: v for k, v in result.values.items() if v != 0.0} == {}
    assert result.evidence == ()


@pytest.mark.parametrize("ext", EXTRACTORS, ids=ids)
def test_sklearn_adapter(ext):
    est = FeatureTransformer(extractor=ext.name)
    copy = clone(est)
    assert copy is not est and copy.get_params() == est.get_params() == {"extractor": ext.name}
    articles = [_article(SAMPLE, "a"), _article(EMPTY, "b"), _article("We love it.", "c")]
    assert est.fit(articles) is est
    matrix = est.transform(articles)
    assert matrix.shape == (3, len(ext.specs))
    assert list(est.get_feature_names_out()) == [s.name for s in ext.specs]
    # Parsed input gives the same rows as Article input, and a clone transforms without fitting.
    assert (copy.transform([parse(a) for a in articles]) == matrix).all()
    first = ext.run(parse(articles[0])).values
    assert list(matrix[0]) == [first[s.name] for s in ext.specs]
