"""The fast VADER scorer returns exactly stock vaderSentiment's scores, on every input we can think of."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

from bias import vader
from bias.corpus.segment import parse
from bias.fast_vader import (
    _PHRASE_WORDS,
    FastAnalyzer,
    _but_check,
    _is_cap_diff,
    _lower_token,
    _negated,
    _rule_in,
    _score_valence,
    _strip_punc_if_word,
    emoji_prefilter,
)
from bias.model import Article

ROOT = Path(__file__).resolve().parent.parent


@cache
def _stock() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@cache
def _fast() -> FastAnalyzer:
    return FastAnalyzer()


def _assert_same(text: str) -> None:
    expected = _stock().polarity_scores(text)
    assert _fast().polarity_scores(text) == expected, text
    assert _fast().scores(text) == tuple(expected.values()), text


def _corpus_texts() -> list[str]:
    """Every line and every parsed sentence of the seeds and of the test data files."""
    texts: list[str] = []
    files = sorted(p for d in ("seeds", "tests/data") for p in (ROOT / d).rglob("*") if p.is_file())
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        texts += text.splitlines()
        parsed = parse(Article(id=path.name, outlet="o", title="", text=text))
        texts += [s.of(text) for s in parsed.sentences]
    return texts


def test_every_sentence_of_the_seeds_and_test_data() -> None:
    texts = _corpus_texts()
    assert len(texts) > 1000
    for text in texts:
        _assert_same(text)


EDGE_CASES = [
    "", " ", "   \n\t ", "!!!", "???", "...", "?!", "!?!?!?", "--", ":)", ":-(", ":D",
    "VADER is smart, handsome, and funny.", "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "GOOD BAD UGLY", "GOOD", "Good",
    "gOOd news, BAD news", "The book was only kind of good.", "It was kind of awful, sort of great.",
    "Kind of", "kind", "kind of", "it is just enough good", "VERY very Very good",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "good but good but bad but good", "but", "But it is good", "good good good but bad bad bad",
    "Today SUX!", "Today only kinda sux! But I'll get by, lol", "Not bad at all", "not bad",
    "isn't good", "wasn't it nice", "never so good", "never this bad", "never good", "never very so good",
    "Without a doubt, excellent idea.", "without doubt good", "without any doubt, an excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.", "very least good",
    "least good", "at least good", "least", "no good", "no", "no no", "no problem", "good no",
    "no way or nor good", "no good or bad", "no love nor hate", "nothing good", "none happy",
    "the bomb", "This is the bomb!", "It's the shit", "a bad ass movie", "badass", "bus stop",
    "yeah right", "Yeah right, great", "kiss of death", "to die for", "beating heart", "cut the mustard",
    "the bus stop was bad", "love the bomb yeah right", "kind of the shit", "sort of yeah right",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "💘💋😁", "love💘", "💘love", "💘 💋", " 💘 ",
    "I 😁😁 it", "😁!!!", "no 😁", "not 💘", "👍🏽 good", "☺ fine ☹", "ok ❤️ ok",
    "He said \u201cterrible\u201d \u2014 and \u2018awful\u2019.", "good\u2013bad", "great\u2026",
    "(good)", "\"great\"", "'bad'", "good,bad", "good!bad", "[[awful]]", "--terrible--", "a.b.c good",
    "HAPPY!!!!", "happy!!!!!", "sad???", "sad????", "sad??", "sad?", "GREAT??!!", "!!good!!", "?good?",
    "absolutely not bad", "extremely not good", "barely ok", "hardly great", "not very good",
    "really REALLY good", "SO good", "so so good", "most amazing", "least amazing", "more evil",
    "Nope, not happy.", "uh-uh no fun", "can't complain", "couldn't be better", "cannot win",
    "ain't nothing wrong", "don't worry, be happy", "DON'T worry", "n't good", "isnt nice",
    "   good   ", "\tgood\n", "good\u00a0news", "GOOD\u2009NEWS", "\u00c9NORME good", "İstanbul good",
    "1 2 3 good 4", "love love love", "hate love hate love", "fine, fine, fine.", "ok ok but ok ok",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases(text: str) -> None:
    _assert_same(text)


_LEXICON = sorted(_stock().lexicon)
_EMOJIS = sorted(_stock().emojis)
_VOCABULARY = sorted({*_LEXICON[::7], *NEGATE, *BOOSTER_DICT, *SPECIAL_CASES, *_PHRASE_WORDS,
                      "but", "least", "at", "very", "no", "or", "nor", "never", "so", "this", "without",
                      "doubt", "kind", "of", "the", "news", "plan", "said", "ok", "it", "was"})
_PUNCTUATION = ["!", "?", ".", ",", "!!", "???", "'", '"', "(", ")", ":)", ":(", ";-)", "--",
                "\u2014", "\u201c", "\u201d", "\u2019", "\u2026"]


def _token() -> st.SearchStrategy[str]:
    word = st.sampled_from(_VOCABULARY)
    shaped = st.one_of(word, word.map(str.upper), word.map(str.title))
    glued = st.tuples(st.sampled_from(["", *_PUNCTUATION]), shaped, st.sampled_from(["", *_PUNCTUATION]))
    return st.one_of(shaped, glued.map("".join), st.sampled_from(_PUNCTUATION),
                     st.sampled_from(_EMOJIS[::5]))


_SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\t", "\u00a0"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_token(), _SEPARATORS), max_size=30))
def test_random_texts_score_like_stock(parts: list[tuple[str, str]]) -> None:
    _assert_same("".join(tok + sep for tok, sep in parts))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_scores_like_stock(text: str) -> None:
    _assert_same(text)


def test_shared_polarity_uses_the_exact_scores() -> None:
    vader.polarity.cache_clear()
    p = vader.polarity("The plan is a disaster!")
    assert p == vader.Polarity(*_stock().polarity_scores("The plan is a disaster!").values())
    assert isinstance(vader.analyzer(), FastAnalyzer)


def test_strip_punc_if_word() -> None:
    assert _strip_punc_if_word("'good!'") == "good"
    assert _strip_punc_if_word(":)") == ":)"
    assert _strip_punc_if_word("(ok)") == "(ok)"
    assert _strip_punc_if_word("\u201cgood\u201d") == "\u201cgood\u201d"


def test_lower_token() -> None:
    assert _lower_token("'GOOD!'") == "good"
    assert _lower_token(":)") == ":)"
    assert _lower_token("Don't,") == "don't"
    assert _lower_token("\u201cOK\u201d") == "\u201cok\u201d"


def test_is_cap_diff() -> None:
    assert _is_cap_diff(["GOOD", "news"]) is True
    assert _is_cap_diff(["'GOOD!'", "NEWS"]) is False
    assert _is_cap_diff(["good", "news"]) is False
    assert _is_cap_diff([":)", "OK"]) is True  # ":)" is kept whole and is not upper


def test_rule_in() -> None:
    assert [_rule_in([w]) for w in ("so", "this", "no", "least", "very", "never", "the", "of")] == [
        True, True, True, True, True, True, False, False]
    assert _rule_in(["it", "isn't"]) is True
    assert _rule_in(["it", "is"]) is False
    assert _rule_in([]) is False


@pytest.mark.parametrize("text", ["It IS GOOD", "IT IS GOOD", "it is VERY good", "it is Very GOOD news",
                                  "'DON'T' do it, good", "It ISN'T good", "It isn\u2019t good"])
def test_capitals_and_negations(text: str) -> None:
    _assert_same(text)


@pytest.mark.parametrize("text", [
    "The so good plan", "this good plan", "Not the good plan", "not at all good", "no good", "no or nor good",
    "at least good", "the least good", "kind of good", "it was kind of the bomb", "yeah right good",
    "GOOD news and bad", "He is a good man but a bad cook", "the upper hand good",
    "it isn\u2019t good", "It isn't good", "cut me some slack", "without doubt good",
])
def test_rule_words_near_and_far(text: str) -> None:
    _assert_same(text)
    _assert_same(f"{text} and then one two three four good")


def test_score_valence_skips_zeros_exactly() -> None:
    assert _score_valence([], "x") == (0.0, 0.0, 0.0, 0.0)
    assert _score_valence([0, 0, 0.0], "x!") == (0.0, 1.0, 0.0, 0.0)
    assert _score_valence([0, 1.9, 0, -0.5, 0], "Wow!") == (0.195, 0.39, 0.415, 0.4003)  # as stock


def test_negated() -> None:
    assert _negated("not") and _negated("isn't") and _negated("n't") and _negated("uh-uh")
    assert not _negated("note") and not _negated("no")


def test_but_check_rescales_the_first_of_equal_scores() -> None:
    assert _but_check(["a", "but", "b"], [2.0, 0, 2.0]) == [1.0, 0, 3.0]
    assert _but_check(["a", "b", "c"], [1.0, 2.0, 3.0]) == [1.0, 2.0, 3.0]
    # 2.0 -> 1.0 at 0; then the 1.0 at 1 is found at 0 (halved again), and the last 1.0 at 1
    assert _but_check(["x", "y", "but", "z"], [2.0, 1.0, 0, 1.0]) == [0.5, 0.5, 0, 1.0]


def test_phrase_words() -> None:
    assert {"the", "bomb", "kind", "of", "yeah", "right"} <= _PHRASE_WORDS
    assert "badass" not in _PHRASE_WORDS


def test_emoji_prefilter() -> None:
    rx = emoji_prefilter(frozenset({"\u00a9", "\u263a", "\U0001f600"}))
    assert rx.pattern == "[©\u263a-\U0010ffff]"
    assert [bool(rx.search(c)) for c in ("©", "☺", "😀", "\u2764", "“", "é", "a", "\u2026")] == [
        True, True, True, True, False, False, False, False]
    assert emoji_prefilter(frozenset()).search("anything ☺") is None
    assert _fast().maybe_emoji.search("plain “quoted” text — fine…") is None


@pytest.mark.parametrize("text", ["I \u2764 this \u263a", "Great \U0001f600 day", "\u00a9 2024 good",
                                  "€5 is bad"])
def test_emoji_texts(text: str) -> None:
    _assert_same(text)
