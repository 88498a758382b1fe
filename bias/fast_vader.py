"""An exact, faster VADER: the same four scores as stock ``vaderSentiment`` for every input.

VADER (Hutto, C.J. & Gilbert, E.E. 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text", ICWSM-14; package ``vaderSentiment`` 3.3.2, MIT licence) scores a
sentence word by word. Its ``polarity_scores`` is slow pure Python: it rebuilds the text character
by character to replace emojis even when there are none, and every rule check (negation, idioms,
"least", "but") lowercases the whole word list again, so a sentence of n words costs O(n^2).

:class:`FastAnalyzer` subclasses the stock analyser (same lexicon and emoji tables, loaded from the
installed package, and the stock ``score_valence`` for the final arithmetic) and overrides
``polarity_scores`` with a transcription of the stock rules that lowercases each word once, skips
the emoji pass when the text holds no emoji character, and looks negators up in a set. The code
structure of :meth:`FastAnalyzer._valence` and the helpers below follows vaderSentiment's own
``sentiment_valence``, ``scalar_inc_dec``, ``_negation_check``, ``_special_idioms_check``,
``_least_check`` and ``_but_check`` step by step (including their quirks, such as ``_but_check``
rescaling the first of several equal scores), so the floating-point operations happen in the same
order and the results are identical; ``tests/test_fast_vader.py`` checks this on many sentences.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

_NEGATORS = frozenset(NEGATE)
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")
_NEUTRAL = (0.0, 1.0, 0.0, 0.0)  # (neg, neu, pos, compound) of a text whose words all score 0
# the words of VADER's multi-word idioms and boosters ("the bomb", "kind of", ...)
_PHRASE_WORDS = frozenset(w for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key for w in key.split(" "))
# The words that can change the valence of a lexicon word up to three words after them (or their
# own, for "no"): boosters, negators (and any word with "n't"), "so"/"this" (the quirk of
# _negation_check), "no" and "least". Without one of them in reach, only capitals and idioms can.
_RULE_WORDS = frozenset((*BOOSTER_DICT, *NEGATE, "so", "this", "no", "least"))


@lru_cache(maxsize=65_536)
def _strip_punc_if_word(token: str) -> str:
    """``token`` without leading and trailing ASCII punctuation, unless that leaves <= 2 characters
    (then it was probably an emoticon such as ":)", kept whole), as VADER's ``SentiText`` does."""
    stripped = token.strip(string.punctuation)
    return token if len(stripped) <= 2 else stripped


@lru_cache(maxsize=65_536)
def _lower_token(token: str) -> str:
    """The word VADER reads in one whitespace-separated token (:func:`_strip_punc_if_word`),
    lowercased: one cached look-up per token (most tokens of an article repeat)."""
    return _strip_punc_if_word(token).lower()


def _is_cap_diff(tokens: Sequence[str]) -> bool:
    """VADER's ``is_cap_diff``: some, but not all, of the words are all capitals. Only asked for
    when a word that matters is in capitals (rare), so it is not computed for every sentence."""
    n = len(tokens)
    n_upper = sum(map(str.isupper, map(_strip_punc_if_word, tokens)))
    return 0 < n - n_upper < n


def _rule_in(lower: Sequence[str]) -> bool:
    """True when a word of ``lower`` is a rule word (:data:`_RULE_WORDS`, or holds "n't")."""
    return not _RULE_WORDS.isdisjoint(lower) or any("n't" in w for w in lower)


def emoji_prefilter(chars: frozenset[str]) -> re.Pattern[str]:
    """A character class holding every character of ``chars`` and more: the few below U+2000 one by one,
    then everything from the lowest of the others up. Accents, curly quotes, dashes and ellipses lie
    outside it, so one ``search`` (a handful of ranges) clears most non-ASCII text; a hit only means
    the exact set test must run."""
    low = sorted(c for c in chars if ord(c) < 0x2000)
    high = [c for c in chars if ord(c) >= 0x2000]
    ranges = "".join(map(re.escape, low)) + (f"{re.escape(min(high))}-\U0010ffff" if high else "")
    return re.compile(f"[{ranges}]" if ranges else "(?!)")


def _negated(word_lower: str) -> bool:
    """VADER's ``negated([word])`` for one already lowercased word."""
    return word_lower in _NEGATORS or "n't" in word_lower


def _scalar_inc_dec(token: str, word_lower: str, valence: float, tokens: Sequence[str]) -> float:
    """VADER's ``scalar_inc_dec``: the boost (or damping) a booster word (read from ``token``, one
    of the sentence's ``tokens``) gives the next valence."""
    scalar = 0.0
    if word_lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[word_lower]
        if valence < 0:
            scalar *= -1
        if _strip_punc_if_word(token).isupper() and _is_cap_diff(tokens):
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _negation_check(valence: float, lower: Sequence[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` on the lowercased words."""
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence = valence * N_SCALAR
    elif start_i == 1:
        if lower[i - 2] == "never" and lower[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * N_SCALAR
    elif start_i == 2:
        if (lower[i - 3] == "never" and lower[i - 2] in _SO_THIS) or lower[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lower: Sequence[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` (idioms such as "the bomb", "yeah right"; bigram boosters
    such as "kind of") for the word at ``i`` (always >= 3 here).

    Every phrase looked up holds the word at ``i``, ``i - 1`` or ``i - 2``, and a phrase of words
    without spaces can only equal a key if each of its words is a word of some key: when none of the
    three is, nothing can match and the phrases are not built.
    """
    w3, w2, w1, w0 = lower[i - 3], lower[i - 2], lower[i - 1], lower[i]
    if w0 not in _PHRASE_WORDS and w1 not in _PHRASE_WORDS and w2 not in _PHRASE_WORDS:
        return valence
    onezero = f"{w1} {w0}"
    twoonezero = f"{w2} {w1} {w0}"
    twoone = f"{w2} {w1}"
    threetwoone = f"{w3} {w2} {w1}"
    threetwo = f"{w3} {w2}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(lower)
    if n - 1 > i:
        zeroone = f"{w0} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{w0} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _but_check(lower: Sequence[str], sentiments: list[float]) -> list[float]:
    """VADER's ``_but_check``: halve the scores before the first "but", raise those after by half.

    Transcribed with its quirk: each score is found again with ``list.index``, so when several
    scores are equal the first of them is rescaled (repeatedly), as in the stock code.
    """
    if "but" in lower:
        bi = lower.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments[si] = sentiment * 0.5
            elif si > bi:
                sentiments[si] = sentiment * 1.5
    return sentiments


def _score_valence(sentiments: list[float], text: str) -> tuple[float, float, float, float]:
    """VADER's ``score_valence`` (with ``_punctuation_emphasis`` and ``_sift_sentiment_scores``):
    the word valences and the text's "!" and "?" emphasis as rounded ``(neg, neu, pos, compound)``.

    Most words score 0, and a 0 changes neither a sum nor the positive and negative totals, so the
    sums run over the non-zero scores only (same values, same order: the same floats).
    """
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    scores = list(filter(None, sentiments))
    sum_s = float(sum(scores))
    ep_amplifier = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0 if qm_count <= 1 else qm_count * 0.18 if qm_count <= 3 else 0.96
    punct_emph_amplifier = ep_amplifier + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = normalize(sum_s)
    pos_sum = 0.0
    neg_sum = 0.0
    for score in scores:
        if score > 0:
            pos_sum += float(score) + 1  # compensates for neutral words that are counted as 1
        else:
            neg_sum += float(score) - 1
    neu_count = len(sentiments) - len(scores)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (round(math.fabs(neg_sum / total), 3), round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3), round(compound, 4))


class FastAnalyzer(SentimentIntensityAnalyzer):
    """A ``SentimentIntensityAnalyzer`` whose ``polarity_scores`` is faster and returns exactly the
    stock scores (built once per process and only read from afterwards)."""

    def __init__(self) -> None:
        super().__init__()
        self.emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)
        # lexicon words that get a valence of their own (boosters score 0 even when in the lexicon)
        self.scored_words = frozenset(w for w in self.lexicon if w not in BOOSTER_DICT)
        self.ascii_emojis = any(e.isascii() for e in self.emoji_chars)  # none in vaderSentiment 3.3.2
        self.maybe_emoji = emoji_prefilter(self.emoji_chars)

    def _replace_emojis(self, text: str) -> str:
        """The stock emoji pass: each emoji character becomes its description, space-separated."""
        out: list[str] = []
        prev_space = True
        for ch in text:
            if ch in self.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    def polarity_scores(self, text: str) -> dict[str, float]:  # type: ignore[override]
        """VADER's ``neg``, ``neu``, ``pos`` and ``compound`` for ``text`` (identical to stock)."""
        return dict(zip(("neg", "neu", "pos", "compound"), self.scores(text), strict=True))

    def scores(self, text: str) -> tuple[float, float, float, float]:
        """VADER's ``(neg, neu, pos, compound)`` for ``text``, as ``polarity_scores`` gives them."""
        if ((self.ascii_emojis or not text.isascii()) and self.maybe_emoji.search(text)
                and not self.emoji_chars.isdisjoint(text)):
            text = self._replace_emojis(text)
        tokens = text.split()  # (the stock code strips the text first: the same tokens and counts)
        if not tokens:
            return 0.0, 0.0, 0.0, 0.0
        lower = list(map(_lower_token, tokens))
        n = len(lower)
        scored = list(compress(range(n), map(self.scored_words.__contains__, lower)))
        if not scored:  # every word scores 0: what _score_valence gives for n zeros
            return _NEUTRAL
        # "n't" in a lowercased word needs "'t" or "'T" in the text (a superset is enough: without rule
        # words, the full rules of _valence give the same valence as _plain_valence)
        maybe_nt = "'t" in text or "'T" in text
        sentiments: list[float] = [0] * n  # boosters, "kind" of "kind of" and other words score 0
        for i in scored:
            if not (lower[i] == "kind" and i < n - 1 and lower[i + 1] == "of"):
                reach = lower[max(i - 3, 0):i + 1]
                if _rule_in(reach) if maybe_nt else not _RULE_WORDS.isdisjoint(reach):
                    sentiments[i] = self._valence(tokens, lower, i)
                else:
                    sentiments[i] = self._plain_valence(tokens, lower, i)
        return _score_valence(_but_check(lower, sentiments), text)

    def _valence(self, tokens: Sequence[str], lower: Sequence[str], i: int) -> float:
        """VADER's ``sentiment_valence`` for the lexicon word at ``i`` (``tokens`` as split from the text,
        ``lower`` the words read from them, lowercased)."""
        lexicon = self.lexicon
        item_lowercase = lower[i]
        valence = lexicon[item_lowercase]
        n = len(lower)
        if item_lowercase == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if ((i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no")
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in _OR_NOR)):
            valence = lexicon[item_lowercase] * N_SCALAR
        if _strip_punc_if_word(tokens[i]).isupper() and _is_cap_diff(tokens):
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(3):
            j = i - (start_i + 1)
            if j >= 0 and lower[j] not in lexicon:
                s = _scalar_inc_dec(tokens[j], lower[j], valence, tokens)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        return self._least(valence, lower, i)

    def _plain_valence(self, tokens: Sequence[str], lower: Sequence[str], i: int) -> float:
        """:meth:`_valence` for a lexicon word with no rule word (:data:`_RULE_WORDS`) among it and
        the three words before it: every step of :meth:`_valence` but capitals and idioms leaves the
        valence as it is (adding a zero booster, multiplying by nothing), so only those two run."""
        lexicon = self.lexicon
        valence = lexicon[lower[i]]
        if _strip_punc_if_word(tokens[i]).isupper() and _is_cap_diff(tokens):
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        if i > 2 and lower[i - 3] not in lexicon:
            valence = _special_idioms_check(valence, lower, i)
        return valence

    def _least(self, valence: float, lower: Sequence[str], i: int) -> float:
        """VADER's ``_least_check``: "least" before a word negates it, except "at least"/"very least"."""
        if i > 1 and lower[i - 1] not in self.lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lower[i - 1] not in self.lexicon and lower[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence
