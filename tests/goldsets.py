"""Scoring the attribution extractor on a gold set of tests/data (shared by the held-out set tests)."""

from __future__ import annotations

from pathlib import Path

from bias.corpus.load import iter_inputs
from bias.corpus.segment import parse
from bias.evaluation import EvaluationResult, evaluate_attribution, format_evaluation, load_gold
from bias.features.attribution import EXTRACTOR
from bias.model import Article

ROOT = Path(__file__).resolve().parent.parent


def gold_result(folder: str, gold: str) -> EvaluationResult:
    """The extractor scored on the articles of ``tests/data/<folder>`` against ``tests/gold/<gold>``."""
    arts = [a for a in iter_inputs([str(ROOT / "tests" / "data" / folder)]) if isinstance(a, Article)]
    pairs = [(a, EXTRACTOR.run(parse(a)).records["attributions"]) for a in arts]
    return evaluate_attribution(load_gold(ROOT / "tests" / "gold" / gold), pairs)


def assert_figures(r: EvaluationResult, n_gold: int, **floors: float) -> None:
    """Every gold line located, ``n_gold`` of them, and each named figure at least its floor
    (``precision``, ``recall``, ``f1``, ``source_overlap``, ``anonymous_accuracy``,
    ``source_type_accuracy``, ``quote_accuracy``)."""
    report = format_evaluation(r)
    assert (r.n_gold, r.unlocated) == (n_gold, ()), report
    for name, floor in floors.items():
        assert getattr(r, name) >= floor, f"{name} {getattr(r, name):.3f} < {floor}\n{report}"
