"""Fast prediction with an opinion model, from its lookup tables (:mod:`bias.opinion.tables`).

:func:`bias.opinion.features.describe` and :func:`bias.opinion.model.log_odds` are the reference
(training uses them); this module computes the very same log-odds, to the last bit, without building
the features it would throw away. It scores all the sentences of an article at once
(:func:`score_texts`):

* the words of every sentence go into one list, each sentence's between the marks ``^`` and ``$``
  (the marks its style n-grams start and end with); one cached look-up per word gives everything
  the model needs of it, and the n-gram codes and running counts are computed in a few passes over
  the whole list;
* word and style n-grams are integer codes, looked up in the vocabulary re-keyed by those codes;
  their weights are summed with ``math.fsum`` (exact, so the order does not matter);
* per-token marks (digit, superlative, word endings, function word, negation, capital) and the
  one-word cue matches are packed into one integer per word, so the difference of two running sums
  counts them all for a sentence; a sentence that may hold a multi-word cue phrase is matched as
  :func:`bias.opinion.features.find_cues` does;
* the dense terms ``w * (x - mean) / scale`` are computed a feature at a time over the article's
  sentences (:func:`dense_terms`), then added in model order, as :func:`log_odds` does.

Only sentences whose score is shown as evidence get their contributions ranked (:func:`ranked_terms`).
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import reduce
from itertools import accumulate, chain, compress, repeat
from operator import add, gt, mul, neg, sub, truediv
from typing import NamedTuple

from bias.opinion.features import _WORD, CueHit, _log1p_count, find_cues, quoted_share
from bias.opinion.model import OpinionModel
from bias.opinion.style import _IMPERATIVE, _OPENING_CONJUNCTION, _QUOTE_OPENERS, shape_class
from bias.opinion.tables import (
    _CAPITAL,
    _CAPITALS,
    _END,
    _K,
    _REST,
    _SHAPE_CODE,
    _START,
    N_COUNTS,
    CompiledModel,
    WordInfo,
    cue_counts,
)
from bias.vader import Polarity, polarity

_NO_POLARITY = Polarity(0.0, 1.0, 0.0, 0.0)

# The positions in _REST of the features that are flags (0.0 or 1.0).
_FLAGS = frozenset(_REST.index(f) for f in (
    "exclamation", "imperative_opening", "semicolon", "dash", "parenthesis", "colon", "opens_with_quote",
    "opens_with_conjunction"))
# A text whose tokens are not its words lower-cased: a curly apostrophe inside a word ("don’t"),
# or a modifier-letter apostrophe anywhere (a word character that tokenize turns into "'").
_CURLY_TOKENS = re.compile(r"[^\W_][’‘][^\W_]|ʼ")

WordColumns = tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]


class Scored(NamedTuple):
    """One sentence's log-odds and what :func:`contribution_terms` needs to explain it."""

    z: float
    tokens: tuple[str, ...]
    ngrams: set[int]  # codes of the sentence's in-vocabulary words and word pairs
    style: set[int]  # codes of its in-vocabulary style pairs and triples
    dense: tuple[float, ...]  # every dense term, in model order


class Counted(NamedTuple):
    """What :func:`count_texts` finds in one sentence before the dense features."""

    z: float  # intercept plus the word and style n-gram terms
    tokens: tuple[str, ...]
    ngrams: set[int]
    style: set[int]
    n_words: int
    counts: tuple[int, ...]  # N_COUNTS counts (digits, ..., capitals but the first), then cue matches


def words_of(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """The words of every text in one list, each text's between ``^`` and ``$``; and the index of
    each text's ``^``."""
    findall = _WORD.findall
    words: list[str] = []
    starts: list[int] = []
    for text in texts:
        starts.append(len(words))
        words.append(_START)
        words += findall(text)
        words.append(_END)
    return words, starts


def _straight(text: str) -> str:
    """``text`` with curly apostrophes straight (as ``text.translate(_APOSTROPHES)``, faster)."""
    return text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")


def _transposed(infos: Iterable[WordInfo]) -> WordColumns:
    """The columns of some :data:`WordInfo` (empty tuples when there are none)."""
    return tuple(zip(*infos, strict=True)) or ((), (), (), (), ())  # type: ignore[return-value]


def count_texts(texts: Sequence[str], c: CompiledModel) -> list[Counted]:
    """The n-gram terms and the counts of every sentence (see :class:`Counted`)."""
    words, starts = words_of(texts)
    if not words:
        return []
    lowered, shape_codes, packed, ids, leads = zip(*map(c.word_info, words), strict=True)
    codes = list(shape_codes)
    for a in starts:  # the first word of a sentence is never "<Cap>"
        if words[a + 1] != _END:
            codes[a + 1] = _SHAPE_CODE[shape_class(words[a + 1], True)]
    pairs = list(map(add, map(mul, codes, repeat(_K)), codes[1:]))
    triples = list(map(add, map(mul, pairs, repeat(_K)), codes[2:]))
    bigrams = list(map(add, leads, ids[1:]))
    sums = list(accumulate(packed, initial=0))
    multi = not c.multi_starts.isdisjoint(bigrams)
    ngrams, ngram_keys, style, style_keys = c.ngrams, c.ngrams.keys(), c.style, c.style.keys()
    intercept, fsum, sqrt, info = c.model.intercept, math.fsum, math.sqrt, c.word_info
    out: list[Counted] = []
    for text, a, b in zip(texts, starts, [*starts[1:], len(words)], strict=True):
        b -= 1  # the sentence's "$"
        known_style = style_keys & chain(pairs[a:b], triples[a : b - 1])
        total = sums[b] - sums[a + 1]
        if ("’" in text or "‘" in text or "ʼ" in text) and _CURLY_TOKENS.search(text):
            token_words = _WORD.findall(_straight(text))
            tokens, _, token_packed, token_ids, token_leads = _transposed(map(info, token_words))
            total = (sum(token_packed) & ~_CAPITALS) + (total & _CAPITALS)  # the words' capitals
            token_bigrams = list(map(add, token_leads, token_ids[1:]))
        else:
            tokens, token_ids, token_bigrams = lowered[a + 1 : b], ids[a + 1 : b], bigrams[a + 1 : b - 1]
        if b > a + 1 and words[a + 1][0].isupper():
            total -= _CAPITAL  # the first word's capital does not count
        counts = c.counts.unpack(total.to_bytes(c.counts.size, "little"))
        if multi and not c.multi_starts.isdisjoint(token_bigrams):  # cue phrases may overlap
            cues = [0] * len(c.cue_terms)
            for slot, k in cue_counts(tokens, c.phrases, c.negation).items():
                cues[slot] = k
            counts = (*counts[:N_COUNTS], *cues)
        elif c.negation is not None and counts[9]:  # negations by their ending ("isn't")
            counts = (*counts[: N_COUNTS + c.negation], counts[N_COUNTS + c.negation] + counts[9],
                      *counts[N_COUNTS + c.negation + 1 :])
        known = ngram_keys & chain(token_ids, token_bigrams)
        z = intercept
        if known:  # fsum is exact: the order of the weights does not matter
            z += fsum(map(ngrams.__getitem__, known)) / sqrt(len(known))
        if known_style:
            z += fsum(map(style.__getitem__, known_style)) / sqrt(len(known_style))
        out.append(Counted(z, tokens, known, known_style, b - a - 1, counts))
    return out


def _terms(xs: Iterable[float], i: int, m: OpinionModel) -> list[float]:
    """The term ``w * (x - mean) / scale`` of dense feature ``i`` for each value ``x``."""
    return list(map(truediv, map(mul, repeat(m.dense_weights[i]), map(sub, xs, repeat(m.dense_mean[i]))),
                    repeat(m.dense_scale[i])))


def _flag_terms(flags: Iterable[bool], i: int, m: OpinionModel) -> list[float]:
    """:func:`_terms` of values that are 0 or 1 (the same floats, looked up)."""
    return list(map(_terms((0.0, 1.0), i, m).__getitem__, flags))


def dense_terms(texts: Sequence[str], counted: Sequence[Counted],
                c: CompiledModel) -> list[tuple[float, ...]]:
    """Every dense term of every sentence, in model order (as :func:`bias.opinion.features.describe`
    and :func:`bias.opinion.model.log_odds` compute them), a feature at a time."""
    if not counted:
        return []
    m, n_cues = c.model, len(c.cue_terms)
    columns = list(zip(*(s.counts for s in counted), strict=True))
    cue_columns = [list(map(terms.__getitem__, col)) if max(col) < len(terms)
                   else _terms(map(_log1p_count, col), i, m)
                   for i, (terms, col) in enumerate(zip(c.cue_terms, columns[N_COUNTS:], strict=True))]
    n = [len(s.tokens) for s in counted]
    per = [max(k, 1) for k in n]  # a sentence without tokens has every count 0: its rates are 0.0
    digits, superlatives, adj, ly, ed, ing, nominal, function, length, _, caps = columns[:N_COUNTS]
    votes = [polarity(t) if k else _NO_POLARITY for t, k in zip(texts, n, strict=True)]
    quoted = list(map(quoted_share, texts))
    first = [s.tokens[0] if s.tokens else "" for s in counted]
    leads = [t[:1] if not t[:1].isspace() else t.lstrip()[:1] for t in texts]  # "" if all spaces
    rest = (
        [abs(v.compound) for v in votes],
        [v.pos + v.neg for v in votes],
        [(1.0 if t.rstrip(" \"'”’)").endswith("?") else 0.5) if "?" in t else 0.0 for t in texts],
        ["!" in t for t in texts],
        [q[0] for q in quoted],
        [_log1p_count(q[1]) for q in quoted],
        map(truediv, digits, per),
        [k / (s.n_words - 1) if s.n_words > 1 else 0.0 for k, s in zip(caps, counted, strict=True)],
        map(_log1p_count, superlatives),
        map(_log1p_count, n),
        map(truediv, adj, per), map(truediv, ly, per), map(truediv, ed, per), map(truediv, ing, per),
        map(truediv, nominal, per), map(truediv, function, per),
        [f in _IMPERATIVE for f in first],
        [";" in t for t in texts],
        ["—" in t or " – " in t or " - " in t for t in texts],
        ["(" in t for t in texts],
        [":" in t for t in texts],
        [bool(lead) and lead in _QUOTE_OPENERS for lead in leads],
        map(truediv, length, per),
        [f in _OPENING_CONJUNCTION for f in first],
        [len(set(s.tokens)) / k for s, k in zip(counted, per, strict=True)],
    )
    rest_columns = [_flag_terms(xs, i, m) if i - n_cues in _FLAGS else _terms(xs, i, m)
                    for i, xs in enumerate(rest, n_cues)]
    return list(zip(*cue_columns, *rest_columns, strict=True))


def score_texts(texts: Sequence[str], c: CompiledModel) -> list[Scored]:
    """The log-odds of every sentence: ``log_odds(describe(text, groups), model)``, bit for bit."""
    counted = count_texts(texts, c)
    rows = dense_terms(texts, counted, c)
    return [Scored(reduce(add, dense, s.z), s.tokens, s.ngrams, s.style, dense)
            for s, dense in zip(counted, rows, strict=True)]


def score(text: str, c: CompiledModel) -> Scored:
    """The log-odds of one sentence (:func:`score_texts` of one text)."""
    return score_texts((text,), c)[0]


def ranked_terms(s: Scored, c: CompiledModel) -> Iterator[tuple[str, str, float]]:
    """The positive terms of :func:`bias.opinion.model.contribution_terms` for a scored sentence, in
    its order (largest first, then by feature name), each labelled only when it is read."""
    ranked: list[tuple[float, str]] = []
    for codes, weights, features in ((s.ngrams, c.ngrams, c.ngram_features),
                                     (s.style, c.style, c.style_features)):
        if codes:
            norm = 1.0 / math.sqrt(len(codes))
            ranked += [(-(weights[code] * norm), features[code]) for code in features.keys() & codes]
    dense = zip(map(neg, s.dense), c.model.dense_names, strict=True)
    ranked += compress(dense, map(gt, s.dense, repeat(0.0)))  # (-v, name) of every positive term v
    heapq.heapify(ranked)
    labels = c.labels
    while ranked:
        value, feature = heapq.heappop(ranked)
        label = labels.get(feature)
        yield feature, f"'{feature[6:]}'" if label is None else label, -value


def contribution_terms(s: Scored, c: CompiledModel) -> list[tuple[str, str, float]]:
    """All of :func:`ranked_terms`."""
    return list(ranked_terms(s, c))


def hits(s: Scored, c: CompiledModel) -> tuple[CueHit, ...]:
    """The cue matches of a scored sentence (:func:`bias.opinion.features.find_cues`)."""
    return find_cues(s.tokens, (), index=c.index)
