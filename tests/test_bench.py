"""`bias bench` runs and prints its figures (a smoke test: no speed is asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bias.bench import synthetic_articles
from bias.cli import main
from bias.corpus.segment import parse
from bias.pipeline import EXIT_OK

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _sentences(articles: list) -> list[str]:
    return [s.of(a.text) for a in articles for s in parse(a).sentences]


def test_synthetic_articles_are_deterministic_long_and_varied() -> None:
    first = synthetic_articles(4, seed=3, source=SEEDS)
    assert first == synthetic_articles(4, seed=3, source=SEEDS)
    assert first != synthetic_articles(4, seed=4, source=SEEDS)
    assert [a.id for a in first] == [f"synthetic-{i:06d}" for i in range(4)]
    for a in first:
        assert 1000 <= len(a.text.split()) < 1400
    # No sentence repeats, so no per-sentence cache can make the benchmark look faster.
    sentences = _sentences(first)
    assert len(sentences) > 100
    assert len(set(sentences)) == len(sentences)


def test_bench_command_prints_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--articles", "5", "--jobs", "2", "--source", str(SEEDS)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("bias bench: 5 synthetic articles")
    for stage in ("load", "parse", "vader (shared)", "attribution", "loaded", "wordchoice", "frames",
                  "opinion", "sentiment", "readability", "merge (estimate)", "JSON Lines", "HTML report",
                  "VADER-only baseline", "1 process", "2 processes"):
        assert f"\n{stage} " in out, stage
    for figure in ("ratio full analysis / VADER-only baseline", "speed-up on 2 processes",
                   "peak memory:"):
        assert figure in out


def test_bench_rejects_zero_articles() -> None:
    with pytest.raises(SystemExit):
        main(["bench", "--articles", "0"])
