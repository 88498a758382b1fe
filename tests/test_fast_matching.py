"""Helpers of the faster lexicon matching: offsets without objects, sentence word sets, frame tuples."""

from __future__ import annotations

from bias.corpus.segment import parse
from bias.features import frames
from bias.lexicons import load_lexicon
from bias.lexicons.matcher import Matcher, _sentence_has, _sentence_words
from bias.model import Article, Span


def test_find_offsets_matches_find():
    m = Matcher([load_lexicon("loaded")])
    text = "Floodlights shone. A flood-like surge of cash flow; the worst year ever."
    offsets = m.find_offsets(text)
    assert [(s, e) for s, e, _entry, _lex in offsets] == [(21, 26), (32, 37), (56, 71)]
    assert [(h.span.start, h.span.end, h.entry, h.lexicon) for h in m.find(text)] == [
        (s, e, entry, lex) for s, e, entry, lex in offsets]
    assert m.find_offsets("") == [] and m.find("") == ()


def test_sentence_words_and_has():
    words = _sentence_words("the river's flood came in")
    assert words == frozenset({"the", "river's", "flood", "came", "in"})
    assert _sentence_has("the river's flood came in", words, frozenset({"river's"}))
    assert _sentence_has("the river's flood came in", words, frozenset({"flood came"}))
    assert not _sentence_has("the river's flood came in", words, frozenset({"river", "flood c"}))


def test_not_in_sentence_rule_per_sentence():
    m = Matcher([load_lexicon("loaded")])
    text = "A flood of migrants arrived. The river flood rose. A flood of claims."
    p = parse(Article(id="a", outlet="o", title="", text=text))
    got = [(h.span.of(text), h.span.start) for h in m.find(text, p.sentences)]
    assert ("flood", 2) in got and ("flood", 39) not in got and ("flood", 53) in got


def test_per_sentence_frame_tuples():
    assert frames._per_sentence(3, [(0, "policy"), (0, "economic"), (2, "crime"), (0, "policy")]) == (
        ("economic", "policy"), (), ("crime",))
    assert frames._per_sentence(1, [(0, "not_a_frame")]) == ((),)
    p = parse(Article(id="f", outlet="o", title="", text="Police arrested two smugglers. The sky was blue."))
    ev = tuple(frames.find_frame_cues(p, matcher=frames.build_matcher()))
    assert frames.sentence_frames(p, ev) == (("crime",), ())
    assert [e.span for e in ev][0] == Span(0, 6)


def test_word_counts_by_voice_and_words_outside_quotes():
    from bias.features.voice import QUOTE, _disjoint, _sentence_words_outside_quotes, voices, word_counts

    text = "He said “we will win the vote” on Monday. Critics called it “nonsense”. Fine."
    p = parse(Article(id="v", outlet="o", title="", text=text))
    v = voices(p)
    assert word_counts(p, v) == {"narration": 8, "quote": 6, "embedded": 0}
    assert _sentence_words_outside_quotes(p, p.sentences[0]) == {"he", "said", "on", "monday"}
    assert _sentence_words_outside_quotes(p, p.sentences[1]) == {"critics", "called", "it"}
    assert _disjoint((Span(0, 2), Span(2, 5))) and not _disjoint((Span(0, 3), Span(2, 5)))
    assert QUOTE in word_counts(p, v)


def test_last_run_is_the_end_anchored_search():
    import re

    from bias.features.attrib_patterns import (
        DOTTED_REV,
        LETTERS_REV,
        LETTERS_SPACE_REV,
        WORD_REV,
        WORD_SPACE_REV,
        last_run,
    )

    text = "Officials in the U.S. and O’Brien  "
    assert last_run(text, 0, 33, WORD_REV) == (26, 33)
    assert last_run(text, 0, 35, WORD_REV) is None
    assert last_run(text, 0, 35, WORD_SPACE_REV) == (26, 33)
    assert last_run(text, 0, 21, DOTTED_REV) == (17, 21)
    assert last_run(text, 18, 21, DOTTED_REV) == (18, 21)
    pairs = [(WORD_REV, r"([A-Za-z’']+)$"), (LETTERS_REV, r"([A-Za-z]+)$"), (DOTTED_REV, r"([A-Za-z.]+)$"),
             (WORD_SPACE_REV, r"([A-Za-z’']+)\s*$"), (LETTERS_SPACE_REV, r"([A-Za-z]+)\s*$")]
    for rev, forward in pairs:
        for lo in range(len(text)):
            for hi in range(lo, len(text) + 1):
                m = re.search(forward, text[lo:hi])
                want = None if m is None else (lo + m.start(1), lo + m.end(1))
                assert last_run(text, lo, hi, rev) == want
