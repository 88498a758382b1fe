"""The compiled opinion scorer (bias/opinion/scorer.py) gives the reference model's numbers bit for bit."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from bias.corpus.load import iter_inputs
from bias.corpus.segment import parse
from bias.features.opinion import find_opinion_sentences, run
from bias.opinion import scorer
from bias.opinion.features import describe, find_cues
from bias.opinion.model import contribution_terms, log_odds, shipped_model

TRICKY = (
    "", "   ", "!!!", "We must stop this disgraceful policy now!", "Don't you think so? I do.",
    "“It is the worst decision we have ever seen,” she said; it was not.", "Is this right?\" ",
    "The donʼt case and Trump’s ‘bold’ plan (2024) — really.", "But consider this: 'levelling up'.",
    " \"Quote opens after a space,\" he said.", "Imagine 12 Best-ever results", "ʼ ’ ‘",
    "It is the best, the best, " * 40 + "and we must, must, must act.",
    "A sentence with no cue at all", "I I I I", "can't won't shouldn't n't isn't",
)


def _sentences() -> list[str]:
    texts = list(TRICKY)
    for a in iter_inputs(["seeds", "tests/data/heldout"]):
        if hasattr(a, "text"):
            p = parse(a)
            texts.extend(p.text[s.start : s.end] for s in p.sentences)
    return texts


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return _sentences()


def test_log_odds_and_contributions_match_the_reference(sentences: list[str]) -> None:
    m = shipped_model()
    c = scorer.compiled(m)
    assert len(sentences) > 200
    for text in sentences:
        feats = describe(text, m.groups)
        s = scorer.score(text, c)
        assert s.z == log_odds(feats, m), text
        assert scorer.contribution_terms(s, c) == [t for t in contribution_terms(feats, m) if t[2] > 0], text
        assert scorer.hits(s, c) == feats.hits, text


def test_cue_counts_match_find_cues(sentences: list[str]) -> None:
    m = shipped_model()
    c = scorer.compiled(m)
    slot = {g.name: i for i, g in enumerate(m.groups)}
    for text in sentences:
        tokens = describe(text, m.groups).tokens
        expected = Counter(slot[h.group] for h in find_cues(tokens, m.groups) if h.group in slot)
        assert scorer.cue_counts(tokens, c.phrases, c.negation) == dict(expected), text


def test_cue_counts_exact() -> None:
    c = scorer.compiled(shipped_model())
    slot = {g.name: i for i, g in enumerate(shipped_model().groups)}
    counts = scorer.cue_counts(("we", "must", "not", "do", "this", "isn't"), c.phrases, c.negation)
    assert counts[slot["first_person_plural"]] == 1
    assert counts[slot["prescriptive"]] == 1
    assert counts[slot["negation"]] == 2  # "not" from the list, "isn't" by its ending


def test_token_counts_and_word_info_exact() -> None:
    assert scorer.unpack(scorer.token_counts("quickly")) == (0, 0, 0, 1, 0, 0, 0, 0, 7, 0)
    assert scorer.unpack(scorer.token_counts("greatest")) == (0, 1, 0, 0, 0, 0, 0, 0, 8, 0)
    assert scorer.unpack(scorer.token_counts("2024")) == (1, 0, 0, 0, 0, 0, 0, 0, 4, 0)
    assert scorer.unpack(scorer.token_counts("the")) == (0, 0, 0, 0, 0, 0, 0, 1, 3, 0)
    token, shape, packed = scorer.word_info("Nation")
    assert (token, shape) == ("nation", "<Cap>")
    assert scorer.unpack(packed) == (0, 0, 0, 0, 0, 0, 1, 0, 6, 1)
    words = ("The", "quickly", "greatest", "2024")
    assert scorer.unpack(sum(scorer.word_info(w)[2] for w in words)) == (1, 1, 0, 1, 0, 0, 0, 1, 22, 1)


def test_compiled_model_is_cached_for_the_shipped_model_only() -> None:
    m = shipped_model()
    assert scorer.compiled(m) is scorer.compiled(m)
    c = scorer.compile_model(m)
    assert all(c.ngrams[tuple(k.split(" ")) if " " in k else k] == w for k, w in m.ngram_weights.items())
    assert all(c.style[tuple(k.split(" "))] == w for k, w in m.style_weights.items())
    w, mean, scale = m.dense_weights, m.dense_mean, m.dense_scale
    assert c.cue_terms[0][0] == c.cue_zero[0] == w[0] * (0.0 - mean[0]) / scale[0]
    assert c.cue_terms[1][2] == w[1] * (math.log1p(2) - mean[1]) / scale[1]


def test_run_gives_the_reference_evidence() -> None:
    for a in iter_inputs(["seeds"]):
        if hasattr(a, "text"):
            p = parse(a)
            assert run(p).evidence == tuple(find_opinion_sentences(p)), a.id
