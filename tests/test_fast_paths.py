"""The speed-ups of the opinion and attribution extractors give exactly the answers of the plain scans."""

from __future__ import annotations

import random

import pytest

from bias.corpus.parsed import Quote
from bias.features.attrib_quotes import QuoteIndex
from bias.features.attrib_window import abbrev_before
from bias.model import Span
from bias.opinion.features import describe, describe_all, find_cues, quoted_share, tokenize
from bias.opinion.model import contribution_terms, contributions, shipped_model
from bias.opinion.style import shape_class, style_ngrams, style_rates


def q(outer: tuple[int, int], inner: tuple[int, int]) -> Quote:
    return Quote(Span(*outer), Span(*inner), True)


# Out of order, nested, touching and empty quotations: the index must not rely on any layout.
QUOTES = (q((10, 20), (11, 19)), q((0, 8), (1, 7)), q((12, 16), (13, 15)), q((30, 30), (30, 30)),
          q((20, 28), (21, 27)), q((11, 19), (11, 19)))


def scan_containing(span: Span) -> Quote | None:
    return next((x for x in QUOTES if x.inner.contains(span)), None)


def scan_inside(c: Span) -> int:
    return sum(max(0, min(x.inner.end, c.end) - max(x.inner.start, c.start)) for x in QUOTES)


def test_quote_index_exact_cases():
    idx = QuoteIndex(QUOTES)
    assert idx.containing(Span(13, 14)) is QUOTES[0]  # the first in order, not the innermost
    assert idx.containing(Span(2, 5)) is QUOTES[1]
    assert idx.containing(Span(7, 12)) is None
    assert idx.containing(Span(30, 30)) is QUOTES[3]
    assert idx.inside(Span(12, 22)) == 7 + 7 + 2 + 1  # nested quotations each count
    assert idx.inside(Span(8, 10)) == 0
    assert idx.first_ending(7, 20, lambda x: True) is QUOTES[0]
    assert idx.first_ending(7, 20, lambda x: x.span.start > 10) is QUOTES[2]
    assert idx.first_ending(8, 19, lambda x: True) is QUOTES[2]  # lo < end <= pos
    assert idx.first_starting(11, 21, lambda x: True) is QUOTES[2]
    assert idx.first_starting(13, 20, lambda x: True) is None  # pos <= start < hi


def test_quote_index_agrees_with_scans_on_random_spans():
    idx = QuoteIndex(QUOTES)
    rng = random.Random(3)
    for _ in range(3000):
        a = rng.randint(0, 32)
        span = Span(a, a + rng.randint(0, 12))
        assert idx.containing(span) is scan_containing(span), span
        assert idx.inside(span) == scan_inside(span), span
        lo, pos = sorted((rng.randint(0, 32), rng.randint(0, 32)))
        assert idx.first_ending(lo, pos, lambda x: x.inner.start % 2 == 0) is next(
            (x for x in QUOTES if lo < x.span.end <= pos and x.inner.start % 2 == 0), None)
        assert idx.first_starting(lo, pos, lambda x: True) is next(
            (x for x in QUOTES if lo <= x.span.start < pos), None)


@pytest.mark.parametrize(("text", "j", "expected"), [
    ("Cmdr. Bacon", 4, True),
    ("He left. Then", 7, False),
    ("x" * 80 + " Antoinette T. Bacon", 80 + 13, True),
    ("a" * 70 + ". The", 70, False),  # a run longer than the 64-character tail: searched in full
])
def test_abbrev_before_long_text(text, j, expected):
    assert text[j] == "."
    assert abbrev_before(text, 0, j) is expected


def test_shape_class_cache_keeps_first_apart():
    assert shape_class("Biden", True) == "<w>" and shape_class("Biden", False) == "<Cap>"
    assert shape_class("Biden", True) == "<w>"


def test_describe_curly_and_straight_apostrophes_give_the_same_tokens():
    groups = shipped_model().groups
    curly, straight = describe("We don’t know.", groups), describe("We don't know.", groups)
    assert curly.tokens == straight.tokens == ("we", "don't", "know")
    assert [(h.group, h.term, h.start, h.end) for h in curly.hits] == [
        (h.group, h.term, h.start, h.end) for h in straight.hits]
    assert ("negation", "don't", 1, 2) in {(h.group, h.term, h.start, h.end) for h in curly.hits}
    assert describe("Itʼs fine", groups).tokens == tokenize("Itʼs fine") == ("it's", "fine")


def test_describe_all_matches_describe():
    m = shipped_model()
    texts = ["We must act now!", "", "Officials said 3 people died.", "“It is the best,” he said."]
    assert describe_all(texts, m.groups) == tuple(describe(t, m.groups) for t in texts)


def test_find_cues_accepts_a_list():
    groups = shipped_model().groups
    toks = tokenize("It isn't time, we won't say.")
    assert find_cues(list(toks), groups) == find_cues(toks, groups)
    assert [(h.term, h.start) for h in find_cues(toks, groups) if h.group == "negation"] == [
        ("isn't", 1), ("won't", 4)]


def test_style_rates_of_empty_and_one_pass_counts():
    assert style_rates("", ()) == dict.fromkeys(style_rates("", ()), 0.0)
    text = "Carefully, officials questioned everything"
    r = style_rates(text, tokenize(text))
    got = (r["ly_adverbs"], r["ed_endings"], r["function_words"], r["word_length"])
    assert got == (0.25, 0.25, 0.25, 9.5)
    assert style_ngrams("") == frozenset({"^ $"})


def test_quoted_share_without_marks_is_zero():
    assert quoted_share("No quotation here at all") == (0.0, 0)
    assert quoted_share("He called it 'levelling up' again") == (0.0, 1)


def test_contribution_terms_match_contributions():
    m = shipped_model()
    f = describe("Frankly, we must stop this disgraceful policy now!", m.groups)
    assert [(c.feature, c.label, c.value) for c in contributions(f, m)] == contribution_terms(f, m)


def test_quote_index_gap_lookups_match_the_callback_forms():
    """``ending_before``/``starting_after`` give the answers of ``first_ending``/``first_starting``
    with a gap pattern as the test (exact quotations on a small text)."""
    import re

    from bias.corpus.parsed import Quote
    from bias.features.attrib_quotes import QuoteIndex
    from bias.model import Span

    text = "A “one” , said B. “two”x C said: “three”"
    quotes = [Quote(Span(2, 7), Span(3, 6), True), Quote(Span(18, 23), Span(19, 22), True),
              Quote(Span(33, 40), Span(34, 39), True)]
    idx = QuoteIndex(quotes)
    gap_before, gap_after = re.compile(r"[ \t,—–-]*"), re.compile(r"[ \t,:]*")
    assert idx.ending_before(0, 10, text, gap_before) is quotes[0]  # " , " between
    assert idx.ending_before(0, 12, text, gap_before) is None  # "s" in the gap
    assert idx.ending_before(7, 10, text, gap_before) is None  # lo < end: the first ends at 7
    assert idx.starting_after(32, 41, text, gap_after) is quotes[2]
    assert idx.starting_after(31, 41, text, gap_after) is quotes[2]  # ": " is a gap
    assert idx.starting_after(30, 41, text, gap_after) is None  # "d: " holds a letter
    assert idx.starting_after(35, 41, text, gap_after) is None  # no quotation starts in range
    for lo, pos in ((0, 41), (3, 30), (20, 41)):
        assert idx.ending_before(lo, pos, text, gap_before) is idx.first_ending(
            lo, pos, lambda q, pos=pos: gap_before.fullmatch(text, q.span.end, pos) is not None)
        assert idx.starting_after(lo, pos, text, gap_after) is idx.first_starting(
            lo, pos, lambda q, lo=lo: gap_after.fullmatch(text, lo, q.span.start) is not None)
