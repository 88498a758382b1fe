"""The compiled opinion scorer (bias/opinion/scorer.py) gives the reference model's numbers bit for bit."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from bias.corpus.load import iter_inputs
from bias.corpus.segment import parse
from bias.features.opinion import find_opinion_sentences, run
from bias.opinion import scorer, tables
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
    c = tables.compiled(m)
    assert len(sentences) > 200
    for text in sentences:
        feats = describe(text, m.groups)
        s = scorer.score(text, c)
        assert s.z == log_odds(feats, m), text
        assert scorer.contribution_terms(s, c) == [t for t in contribution_terms(feats, m) if t[2] > 0], text
        assert scorer.hits(s, c) == feats.hits, text


def test_cue_counts_match_find_cues(sentences: list[str]) -> None:
    m = shipped_model()
    c = tables.compiled(m)
    slot = {g.name: i for i, g in enumerate(m.groups)}
    for text in sentences:
        tokens = describe(text, m.groups).tokens
        expected = Counter(slot[h.group] for h in find_cues(tokens, m.groups) if h.group in slot)
        assert tables.cue_counts(tokens, c.phrases, c.negation) == dict(expected), text


def test_cue_counts_exact() -> None:
    c = tables.compiled(shipped_model())
    slot = {g.name: i for i, g in enumerate(shipped_model().groups)}
    counts = tables.cue_counts(("we", "must", "not", "do", "this", "isn't"), c.phrases, c.negation)
    assert counts[slot["first_person_plural"]] == 1
    assert counts[slot["prescriptive"]] == 1
    assert counts[slot["negation"]] == 2  # "not" from the list, "isn't" by its ending


def test_token_counts_and_word_info_exact() -> None:
    assert tables.unpack(tables.token_counts("quickly")) == (0, 0, 0, 1, 0, 0, 0, 0, 7, 0, 0)
    assert tables.unpack(tables.token_counts("greatest")) == (0, 1, 0, 0, 0, 0, 0, 0, 8, 0, 0)
    assert tables.unpack(tables.token_counts("2024")) == (1, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0)
    assert tables.unpack(tables.token_counts("the")) == (0, 0, 0, 0, 0, 0, 0, 1, 3, 0, 0)
    assert tables.unpack(tables.token_counts("isn't")) == (0, 0, 0, 0, 0, 0, 0, 1, 5, 1, 0)
    assert tables.unpack(tables.token_counts("n't")) == (0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0)
    c = tables.compiled(shipped_model())
    token, shape, packed, _, _ = c.word_info("Nation")
    assert (token, tables._SHAPES[shape - 1]) == ("nation", "<Cap>")
    assert c.counts.unpack(packed.to_bytes(c.counts.size, "little"))[: tables.N_COUNTS] == (
        0, 0, 0, 0, 0, 0, 1, 0, 6, 0, 1)
    words = ("The", "quickly", "greatest", "2024")
    total = sum(c.word_info(w)[2] for w in words)
    assert tables.unpack(total & ((1 << (64 * tables.N_COUNTS)) - 1)) == (1, 1, 0, 1, 0, 0, 0, 1, 22, 0, 1)
    assert c.word_info("^")[:3] == ("^", 1, 0) and c.word_info("$")[:3] == ("$", 2, 0)


def test_word_ids_leads_and_cue_fields() -> None:
    m = shipped_model()
    c = tables.compiled(m)
    slot = {g.name: i for i, g in enumerate(m.groups)}
    we, must = c.word_info("We"), c.word_info("must")
    assert we[3] > 0 and must[3] > 0  # both in the vocabulary
    assert c.ngram_names[we[3]] == "we"
    assert c.ngram_names.get(we[4] + must[3], "we must") == "we must"
    cues = c.counts.unpack(we[2].to_bytes(c.counts.size, "little"))[tables.N_COUNTS :]
    assert cues[slot["first_person_plural"]] == 1 and sum(cues) == 1
    oov = c.word_info("zzyzx")
    assert oov[3] == 0 and oov[4] == c.word_info("qqqq")[4] == c.word_info("$")[4]  # one id, one lead
    assert all(oov[4] + i not in c.ngrams for i in range(oov[4]))  # no pair starts with an unknown word


def test_words_of_and_straight() -> None:
    words, starts = scorer.words_of(["We must.", "", "Don’t go"])
    assert words == ["^", "We", "must", "$", "^", "$", "^", "Don", "t", "go", "$"]
    assert starts == [0, 4, 6]
    assert scorer._straight("Don’t ‘go’ donʼt") == "Don't 'go' don't"
    assert scorer.words_of([]) == ([], [])


def test_style_codes() -> None:
    k = tables._K
    code = tables._SHAPE_CODE
    assert tables._style_code("^ <Cap>") == code["^"] * k + code["<Cap>"]
    assert tables._style_code("it is <ous>") == (code["it"] * k + code["is"]) * k + code["<ous>"]
    assert tables._style_code("<nonsense> it") is None and tables._style_code("it") is None
    assert all(code[c] < k for c in tables._SHAPES)
    assert len(set(tables._SHAPES)) == len(tables._SHAPES)


def test_score_texts_matches_the_reference_article_by_article() -> None:
    m = shipped_model()
    c = tables.compiled(m)
    articles = [list(TRICKY)]
    for a in iter_inputs(["seeds", "tests/data/heldout"]):
        if hasattr(a, "text"):
            p = parse(a)
            articles.append([p.text[s.start : s.end] for s in p.sentences])
    assert scorer.score_texts([], c) == []
    for texts in articles:
        for text, s in zip(texts, scorer.score_texts(texts, c), strict=True):
            feats = describe(text, m.groups)
            assert s.z == log_odds(feats, m), text
            assert s.tokens == feats.tokens, text


def test_compiled_model_is_cached_for_the_shipped_model_only() -> None:
    m = shipped_model()
    assert tables.compiled(m) is tables.compiled(m)
    c = tables.compile_model(m)
    assert sorted(c.ngram_names.values()) == sorted(k for k in m.ngram_weights if k.count(" ") <= 1)
    assert all(c.ngrams[code] == m.ngram_weights[name] for code, name in c.ngram_names.items())
    assert sorted(c.style_names.values()) == sorted(m.style_weights)
    assert all(c.style[code] == m.style_weights[name] for code, name in c.style_names.items())
    w, mean, scale = m.dense_weights, m.dense_mean, m.dense_scale
    assert c.cue_terms[0][0] == w[0] * (0.0 - mean[0]) / scale[0]
    assert c.cue_terms[1][2] == w[1] * (math.log1p(2) - mean[1]) / scale[1]


def test_run_gives_the_reference_evidence() -> None:
    for a in iter_inputs(["seeds"]):
        if hasattr(a, "text"):
            p = parse(a)
            assert run(p).evidence == tuple(find_opinion_sentences(p)), a.id


def test_dense_terms_match_the_reference(sentences: list[str]) -> None:
    m = shipped_model()
    c = tables.compiled(m)
    texts = sentences[:400]
    rows = scorer.dense_terms(texts, scorer.count_texts(texts, c), c)
    for text, row in zip(texts, rows, strict=True):
        dense = describe(text, m.groups).dense
        expected = tuple(w * (dense[name] - mean) / scale for name, mean, scale, w in
                         zip(m.dense_names, m.dense_mean, m.dense_scale, m.dense_weights, strict=True))
        assert row == expected, text
    assert scorer.dense_terms([], [], c) == []


def test_flag_terms_are_the_computed_terms() -> None:
    m = shipped_model()
    for i in range(len(m.dense_names)):
        assert scorer._flag_terms([True, False, True], i, m) == scorer._terms([1.0, 0.0, 1.0], i, m)


def test_ranked_terms_are_lazy_and_ordered() -> None:
    m = shipped_model()
    c = tables.compiled(m)
    s = scorer.score("We must stop this disgraceful policy now!", c)
    ranked = scorer.ranked_terms(s, c)
    first = next(ranked)
    rest = list(ranked)
    assert [first, *rest] == scorer.contribution_terms(s, c)
    assert all(v > 0 for _, _, v in rest) and first[2] >= rest[0][2]
    assert [t[2] for t in rest] == sorted((t[2] for t in rest), reverse=True)


def test_count_texts_counts_exact() -> None:
    c = tables.compiled(shipped_model())
    one, two = scorer.count_texts(["We don’t know 2024 Results.", ""], c)
    assert one.tokens == ("we", "don't", "know", "2024", "results") and one.n_words == 6
    assert one.counts[: tables.N_COUNTS] == (1, 0, 0, 0, 0, 0, 0, 2, 22, 1, 1)  # capital: "Results", not "We"
    assert two.tokens == () and two.n_words == 0 and not any(two.counts)
