"""The report's Language section on the seeds: the outlet's own voice, term by term."""

from __future__ import annotations

from pathlib import Path

import pytest

from bias.analysis import analyze_article
from bias.corpus.load import iter_inputs
from bias.model import Article
from bias.render.language import language

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def section() -> dict:
    scores = [analyze_article(a) for a in iter_inputs([SEEDS]) if isinstance(a, Article)]
    return language(scores, list(dict.fromkeys(s.article.outlet for s in scores)))


def _col(section: dict, outlet: str) -> dict:
    return next(c for c in section["columns"] if c["outlet"] == outlet)


def test_new_york_post_opinion_piece_is_far_more_loaded_in_its_own_voice(section: dict) -> None:
    post, lat = _col(section, "New York Post"), _col(section, "Los Angeles Times")
    assert float(post["own_rate"]) > 3 * float(lat["own_rate"])
    post_terms = {t["text"].lower() for t in post["terms"]}
    assert {"empty promises", "worst mass migration crisis in us history"} <= post_terms
    for t in post["terms"]:
        assert t["explanation"]  # every flagged term says why


def test_quoted_terms_name_their_speaker_and_stay_out_of_the_own_voice(section: dict) -> None:
    mxm = _col(section, "MxM News")
    quoted = {t["text"].lower(): t["speaker"] for t in mxm["quoted_terms"]}
    assert "ICE spokesperson Emily Covington" in quoted.get("illegal aliens", "")


def test_word_choice_table_separates_own_voice_from_quotes(section: dict) -> None:
    outlets = [c["outlet"] for c in section["columns"]]
    rows = {r["term"]: r["cells"] for g in section["word_choice"] for r in g["rows"]}
    mxm = outlets.index("MxM News")
    lat = outlets.index("Los Angeles Times")
    assert rows["illegal alien"][mxm] == {"own": "1", "quoted": "+1 quoted"}
    assert rows["illegal migrant"][lat]["own"] == "1"
    assert rows["border crosser"][lat]["own"] == "1"
