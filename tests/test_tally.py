"""Running totals over a corpus: exact counts from tiny records."""

from __future__ import annotations

import math

from bias.compare.tally import CorpusTally, SourceTally, TermTally


def _att(kind: str | None, lemma: str = "say", category: str = "neutral", quote: str = "indirect",
         named: bool = False, text: str = "x", resolved: str | None = None, reason: bool = False) -> dict:
    source = None if kind is None else {"text": text, "kind": kind, "named": named, "resolved": resolved}
    return {"cue": {"lemma": lemma, "category": category}, "quote": quote, "source": source,
            "anonymity_reason": {"start": 0, "end": 1, "text": "r"} if reason else None}


def test_source_tally_counts_kinds_cues_names_and_reasons() -> None:
    t = SourceTally()
    for a in (_att("person", named=True, text="Ana Ruiz", quote="direct"),
              _att("person", lemma="claim", category="disputing", named=True, text="Ruiz",
                   resolved="Ana Ruiz"),
              _att("confidential", text="a senior official", reason=True),
              _att("confidential", text="the official", resolved="a senior official"),
              _att("vague", text="critics", quote="mixed"),
              _att(None, lemma="report")):
        t.add(a)
    assert t.total == 6 and t.anonymous == 3 and t.direct == 2
    assert dict(t.kinds) == {"person": 2, "confidential": 2, "vague": 1, "none": 1}
    assert dict(t.lemmas) == {"say": 4, "claim": 1, "report": 1}
    assert dict(t.loaded_lemmas) == {"claim": 1}
    assert t.named == {"Ana Ruiz"}
    assert (t.n_confidential, t.with_reason) == (2, 2)  # the later mention inherits the reason


def test_term_tally_separates_voices_and_qualifiers() -> None:
    t = TermTally()
    rows = [
        {"term": "disaster", "text": "disaster", "voice": "narration", "category": "negative", "weight": 2.0},
        {"term": "disaster", "text": "Disaster", "voice": "narration", "category": "negative", "weight": 2.0},
        {"term": "thug", "text": "thugs", "voice": "quote", "category": "dehumanising", "weight": 3.0,
         "speaker": "the mayor"},
        {"term": "allegedly", "text": "Allegedly", "voice": "narration", "category": "hedge", "weight": 1.0},
        {"term": "clearly", "text": "clearly", "voice": "narration", "category": "booster", "weight": 1.0},
        {"term": "experts", "text": "experts", "voice": "narration", "category": "scare_quote",
         "weight": 1.0},
    ]
    for r in rows:
        t.add(r)
    assert dict(t.weight["narration"]) == {"disaster": 4.0, "experts": 1.0}
    assert dict(t.count["quote"]) == {"thug": 1}
    assert dict(t.speakers["quote"]["thug"]) == {"the mayor": 1}
    assert dict(t.qualifiers) == {"allegedly": 1, "clearly": 1}
    assert dict(t.headline_terms) == {"disaster": 4.0, "clearly": 1.0}  # no hedges or scare quotes
    assert t.info["narration"]["disaster"]["text"] == "disaster"  # the first record seen


def test_corpus_tally_columns_backfill_and_word_choice() -> None:
    c = CorpusTally()
    c.add("a1", "A", "One", {"m__x": 1.0}, {"word_choice": [
        {"referent": "migrants", "term": "illegal aliens", "narration": 2, "quote": 1, "embedded": 1}]})
    c.add("b1", "B", None, {"m__x": 3.0, "m__y": 5.0}, {})
    c.add("a2", "A", "Two", {"m__y": 7.0}, {"word_choice": [
        {"referent": "migrants", "term": "illegal aliens", "narration": 1, "quote": 0}]})
    assert c.outlets == ["A", "B"] and dict(c.counts) == {"A": 2, "B": 1} and len(c) == 3
    assert c.metrics == ["m__x", "m__y"]
    assert math.isnan(c.column("m__y")[0]) and c.column("m__y")[1:].tolist() == [5.0, 7.0]
    assert c.values("m__x", "A") == [1.0] and c.values_or_zero("m__x", "A") == [1.0, 0.0]
    assert c.values("m__y", "B") == [5.0]
    assert c.word_choice[("migrants", "illegal aliens")] == {"A": [3, 2]}
    assert c.record_names == {"word_choice"}
