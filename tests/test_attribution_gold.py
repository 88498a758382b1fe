"""The attribution extractor against the hand-annotated seed gold (tests/gold/seeds_attribution.jsonl).

Thresholds are the figures reached when this test was written; they may only go up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bias.corpus.segment import parse
from bias.errors import InputError
from bias.evaluation import evaluate_attribution, format_evaluation, load_gold
from bias.features.attribution import EXTRACTOR
from bias.model import Article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "seeds_attribution.jsonl"
SPLIT_003 = (
    "Biden/Harris made empty promises",
    "CBSA Bust Uncovers",
    "Los Angeles declares a state of emergency",
)


def raw_seed_articles() -> list[Article]:
    """The seven seed articles built from the raw files (003 split at its three headlines)."""
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text, num = path.read_text(encoding="utf-8"), path.name[:3]
        if num == "003":
            cuts = [text.index(h) for h in SPLIT_003] + [len(text)]
            for suffix, a, b in zip("abc", cuts, cuts[1:], strict=False):
                out.append(Article(id=f"seed-003{suffix}", outlet="", title="", text=text[a:b]))
        else:
            out.append(Article(id=f"seed-{num}", outlet="", title="", text=text))
    return out


def seed_articles() -> list[Article]:
    """The seeds through the real loader (cleaned text, embedded posts marked)."""
    from bias.corpus.load import iter_inputs

    arts = [a for a in iter_inputs([str(ROOT / "seeds")]) if isinstance(a, Article)]
    assert {a.id for a in arts} == {a.id for a in raw_seed_articles()}
    return arts


def _evaluate(articles: list[Article]):
    pairs = [(a, EXTRACTOR.run(parse(a)).records["attributions"]) for a in articles]
    return evaluate_attribution(load_gold(GOLD), pairs)


@pytest.fixture(scope="module", params=["loader", "raw"])
def result(request):
    return _evaluate(seed_articles() if request.param == "loader" else raw_seed_articles())


def test_gold_has_every_seed_article():
    ids = {g["article_id"] for g in load_gold(GOLD)}
    assert ids == {a.id for a in seed_articles()}
    assert len(load_gold(GOLD)) == 68


def test_seed_figures_do_not_drop(result):
    report = format_evaluation(result)
    assert result.unlocated == (), report
    assert result.f1 >= 0.98, report
    assert result.precision >= 0.98, report
    assert result.recall >= 0.98, report
    assert result.anonymous_accuracy >= 0.98, report
    assert result.source_overlap >= 0.98, report
    assert result.source_type_accuracy >= 0.95, report
    assert result.quote_accuracy >= 0.95, report


def test_load_gold_errors_name_file_and_line(tmp_path):
    p = tmp_path / "g.jsonl"
    good = {
        "article_id": "a",
        "sentence": "X said hi.",
        "cue": "said",
        "source": "X",
        "source_type": "named_person",
        "anonymous": False,
        "quote": "indirect",
    }
    p.write_text(json.dumps(good) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:2: not valid JSON"):
        load_gold(p)
    p.write_text(json.dumps(good | {"cue": "says"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:1: cue and source must be exact substrings"):
        load_gold(p)
    p.write_text(json.dumps(good | {"source_type": "person"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r":1: source_type 'person'"):
        load_gold(p)


def test_evaluation_counts_misses_and_false_positives():
    art = Article("a", "o", "t", "X said hi. Y claimed no.")
    gold = [
        {
            "article_id": "a",
            "sentence": "X said hi.",
            "cue": "said",
            "source": "X",
            "source_type": "named_person",
            "anonymous": False,
            "quote": "indirect",
        }
    ]
    pred = [
        {
            "sentence": {"start": 11, "end": 24},
            "cue": {"start": 13, "end": 20, "text": "claimed"},
            "source": {"start": 11, "end": 12, "text": "Y", "kind": "person", "named": True},
            "quote": "indirect",
        }
    ]
    r = evaluate_attribution(gold, [(art, pred)])
    assert (r.n_found, r.precision, r.recall, len(r.misses), len(r.false_positives)) == (0, 0.0, 0.0, 1, 1)
    r2 = evaluate_attribution(gold, [(art, EXTRACTOR.run(parse(art)).records["attributions"])])
    assert (r2.n_found, r2.recall, r2.source_type_accuracy) == (1, 1.0, 1.0)
