"""Fast prediction with an opinion model: the model's weights compiled into lookup tables.

:func:`bias.opinion.features.describe` and :func:`bias.opinion.model.log_odds` are the reference
(training uses them); this module computes the very same log-odds, to the last bit, without building
the features it would throw away:

* word and style n-grams are tuples looked up in frozensets of the vocabulary (no joined strings, no
  feature sets), their weights summed with ``math.fsum`` (exact, so the order does not matter);
* cue matches are counted per group, not collected as hits;
* per-token marks (digit, superlative, word endings, function word) are packed into one integer per
  token, so one ``sum`` over the tokens counts them all;
* the dense terms ``w * (x - mean) / scale`` are added in model order, as :func:`log_odds` does.

Only sentences whose score is shown as evidence get their contributions listed (:func:`reasons`).
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache, reduce
from itertools import chain
from operator import add, itemgetter, mul, sub, truediv
from typing import NamedTuple

from bias.opinion.features import (
    _APOSTROPHES,
    _LOG1P,
    _WORD,
    BASE_FEATURES,
    CueHit,
    CueIndex,
    _log1p_count,
    _phrase_index,
    _token_marks,
    dense_labels,
    find_cues,
    quoted_share,
)
from bias.opinion.model import OpinionModel, shipped_model
from bias.opinion.style import (
    _IMPERATIVE,
    _OPENING_CONJUNCTION,
    _QUOTE_OPENERS,
    STYLE_FEATURES,
    shape_class,
)
from bias.opinion.style import _token_marks as _style_marks
from bias.vader import Polarity, polarity

_NO_POLARITY = Polarity(0.0, 1.0, 0.0, 0.0)
# Per-token counts packed into one integer, _FIELD bits each (see token_counts): a field would
# overflow only in a sentence of 2**64 tokens, far more than any text in memory can hold.
_FIELD = 64
# Fields: digit, superlative, adjective ending, -ly, -ed, -ing, nominalisation, function word
# (0 or 1 each), the token's length, and (for a word) a capital first letter.
_N_FIELDS = 10
_CAPITAL = 1 << (_FIELD * 9)
_FIELDS = struct.Struct(f"<{_N_FIELDS}Q")
# The dense features after the cue groups, in the order of every model file (checked on compile).
_REST = tuple(BASE_FEATURES) + tuple(STYLE_FEATURES)
_LOG1P_LIMIT = len(_LOG1P)

CuePhrases = Mapping[str, tuple[tuple[int, tuple[str, ...]], ...]]
Gram = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CompiledModel:
    """An :class:`OpinionModel`'s weights as lookup tables keyed by tokens and token tuples."""

    model: OpinionModel
    ngrams: Mapping[Gram, float]  # a word ("must") or a pair of words (("we", "must"))
    style: Mapping[tuple[str, ...], float]  # a pair or triple of shape classes
    phrases: CuePhrases  # first token -> (group slot, phrase tokens), longest first
    index: CueIndex  # the same phrases by group name, for find_cues
    negation: int | None  # slot of the "negation" cue group, if the model has one
    cue_zero: tuple[float, ...]  # each cue group's term when it has no match
    cue_terms: tuple[tuple[float, ...], ...]  # each cue group's term for 0, 1, 2, ... matches
    rest_mean: tuple[float, ...]
    rest_scale: tuple[float, ...]
    rest_weights: tuple[float, ...]
    labels: Mapping[str, str]


def compile_model(model: OpinionModel) -> CompiledModel:
    """Build the lookup tables of ``model`` (a few milliseconds; see :func:`compiled`)."""
    groups = model.groups
    n_cues = len(groups)
    if model.dense_names[n_cues:] != _REST:
        raise ValueError("dense features are not in the order this scorer computes them")
    slots = {g.name: i for i, g in enumerate(groups)}
    phrases = {first: tuple((slots[group], words) for group, words in entries)
               for first, entries in _phrase_index(groups).items()}
    mean, scale, weights = model.dense_mean, model.dense_scale, model.dense_weights
    cue_terms = tuple(tuple(w * (x - m) / s for x in _LOG1P)
                      for m, s, w in zip(mean[:n_cues], scale[:n_cues], weights[:n_cues], strict=True))
    ngrams: dict[Gram, float] = {g: w for g, w in model.ngram_weights.items() if " " not in g}
    ngrams.update((tuple(g.split(" ")), w) for g, w in model.ngram_weights.items() if g.count(" ") == 1)
    return CompiledModel(
        model=model,
        ngrams=ngrams,
        style={tuple(g.split(" ")): w for g, w in model.style_weights.items() if g.count(" ") in (1, 2)},
        phrases=phrases,
        index=_phrase_index(groups),
        negation=slots.get("negation"),
        cue_zero=tuple(t[0] for t in cue_terms),
        cue_terms=cue_terms,
        rest_mean=mean[n_cues:], rest_scale=scale[n_cues:], rest_weights=weights[n_cues:],
        labels=dense_labels(groups),
    )


@cache
def _shipped() -> CompiledModel:
    return compile_model(shipped_model())


def compiled(model: OpinionModel) -> CompiledModel:
    """:func:`compile_model` of ``model``, cached for the shipped model."""
    return _shipped() if model is shipped_model() else compile_model(model)


@lru_cache(maxsize=1 << 16)
def token_counts(token: str) -> int:
    """A lower-cased token's counts packed into one integer (fields of :data:`_FIELD` bits): digit
    and superlative (as :mod:`bias.opinion.features` counts them), the five word endings and the
    function word of :func:`bias.opinion.style.style_rates`, and its length. The sum of these
    integers over a sentence holds every count at once (:func:`unpack`)."""
    marks = (*_token_marks(token), *_style_marks(token))
    return sum(m << (_FIELD * i) for i, m in enumerate(marks))


@lru_cache(maxsize=1 << 16)
def word_info(word: str) -> tuple[str, str, int]:
    """A word's token (lower-cased), its :func:`shape_class` inside a sentence, and its
    :func:`token_counts` plus :data:`_CAPITAL` when it starts with a capital letter."""
    token = word.lower()
    return token, shape_class(word, False), token_counts(token) + (_CAPITAL if word[0].isupper() else 0)


def unpack(total: int) -> tuple[int, ...]:
    """The :data:`_N_FIELDS` counts of a sum of :func:`word_info` or :func:`token_counts` integers."""
    return _FIELDS.unpack(total.to_bytes(_FIELDS.size, "little"))


def cue_counts(tokens: tuple[str, ...], phrases: CuePhrases, negation: int | None) -> dict[int, int]:
    """Matches per cue-group slot, exactly as :func:`bias.opinion.features.find_cues` finds them."""
    counts: dict[int, int] = {}
    n = len(tokens)
    covered: dict[int, int] = {}
    get = phrases.get
    negations = negation is not None and "n't" in "\x00".join(tokens)
    positions = enumerate(map(get, tokens))
    if not negations:  # only the tokens that start a cue phrase
        positions = filter(itemgetter(1), positions)
    for i, entries in positions:
        if entries is not None:
            for slot, words in entries:
                if covered.get(slot, 0) > i:
                    continue
                k = len(words)
                if k == 1 or (i + k <= n and tokens[i : i + k] == words):
                    counts[slot] = counts.get(slot, 0) + 1
                    covered[slot] = i + k
        if negations:
            tok = tokens[i]
            if tok.endswith("n't") and tok != "n't":
                counts[negation] = counts.get(negation, 0) + 1  # type: ignore[index]
    return counts


class Scored(NamedTuple):
    """One sentence's log-odds and what :func:`contribution_terms` needs to explain it."""

    z: float
    tokens: tuple[str, ...]
    ngrams: set[Gram]  # the sentence's in-vocabulary words and word pairs
    style: set[tuple[str, ...]]  # its in-vocabulary style pairs and triples
    dense: tuple[float, ...]  # every dense term, in model order


def score(text: str, c: CompiledModel) -> Scored:
    """The log-odds of one sentence: ``log_odds(describe(text, groups), model)``, bit for bit."""
    words = _WORD.findall(text)
    if not words:
        tokens: tuple[str, ...] = ()
        shapes: tuple[str, ...] = ()
        total = 0
    elif "’" in text or "‘" in text or "ʼ" in text:  # tokens as tokenize makes them
        tokens = tuple(map(str.lower, _WORD.findall(text.translate(_APOSTROPHES))))
        shapes = tuple(map(itemgetter(1), map(word_info, words)))
        caps = sum(map(str.isupper, map(itemgetter(0), words)))
        total = sum(map(token_counts, tokens)) + caps * _CAPITAL
    else:  # with no apostrophe to translate, the tokens are the words, lower-cased
        tokens, shapes, packed = zip(*map(word_info, words), strict=False)
        total = sum(packed)
    if words and words[0][0].isupper():
        total -= _CAPITAL  # the first word's capital does not count
    n = len(tokens)
    distinct = set(tokens)
    ngrams = c.ngrams
    known = ngrams.keys() & chain(distinct, zip(tokens, tokens[1:], strict=False))
    z = c.model.intercept
    if known:  # fsum is exact: the order of the weights does not matter
        z += math.fsum(map(ngrams.__getitem__, known)) / math.sqrt(len(known))
    seq = ("^", shape_class(words[0], True), *shapes[1:], "$") if words else ("^", "$")
    style = c.style
    known_style = style.keys() & chain(zip(seq, seq[1:], strict=False),
                                       zip(seq, seq[1:], seq[2:], strict=False))
    if known_style:
        z += math.fsum(map(style.__getitem__, known_style)) / math.sqrt(len(known_style))

    cue = list(c.cue_zero)
    for slot, k in cue_counts(tokens, c.phrases, c.negation).items():
        cue[slot] = (c.cue_terms[slot][k] if k < _LOG1P_LIMIT else
                     c.model.dense_weights[slot] * (math.log1p(k) - c.model.dense_mean[slot])
                     / c.model.dense_scale[slot])
    vs = polarity(text) if n else _NO_POLARITY
    share, short = quoted_share(text)
    digits, superlatives, adj, ly, ed, ing, nominal, function, length, caps = unpack(total)
    first = tokens[0] if tokens else ""
    lead = text[:1]
    if lead.isspace():
        lead = text.lstrip()[:1]  # "" when the text is all spaces
    if n:
        rates = (digits / n, caps / (len(words) - 1) if len(words) > 1 else 0.0, _log1p_count(superlatives),
                 _log1p_count(n), adj / n, ly / n, ed / n, ing / n, nominal / n, function / n)
    else:
        rates = (0.0, caps / (len(words) - 1) if len(words) > 1 else 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                 0.0, 0.0)
    xs = (abs(vs.compound), vs.pos + vs.neg,
          (1.0 if text.rstrip(" \"'”’)").endswith("?") else 0.5) if "?" in text else 0.0,
          1.0 if "!" in text else 0.0, share, _log1p_count(short), *rates,
          1.0 if first in _IMPERATIVE else 0.0,
          1.0 if ";" in text else 0.0,
          1.0 if ("—" in text or " – " in text or " - " in text) else 0.0,
          1.0 if "(" in text else 0.0,
          1.0 if ":" in text else 0.0,
          1.0 if lead and lead in _QUOTE_OPENERS else 0.0,
          length / n if n else 0.0,
          1.0 if first in _OPENING_CONJUNCTION else 0.0,
          len(distinct) / n if n else 0.0)
    dense = (*cue, *map(truediv, map(mul, c.rest_weights, map(sub, xs, c.rest_mean)), c.rest_scale))
    return Scored(reduce(add, dense, z), tokens, known, known_style, dense)


def contribution_terms(s: Scored, c: CompiledModel) -> list[tuple[str, str, float]]:
    """The positive terms of :func:`bias.opinion.model.contribution_terms` for a scored sentence,
    in its order (largest first, then by feature name)."""
    out: list[tuple[str, str, float]] = []
    for prefix, grams, weights in (("ngram", s.ngrams, c.model.ngram_weights),
                                   ("style", s.style, c.model.style_weights)):
        if grams:
            norm = 1.0 / math.sqrt(len(grams))
            for g in grams:
                name = g if isinstance(g, str) else " ".join(g)
                value = weights[name] * norm
                if value > 0:
                    out.append((f"{prefix}:{name}", f"'{name}'", value))
    names, labels = c.model.dense_names, c.labels
    out.extend((names[i], labels[names[i]], v) for i, v in enumerate(s.dense) if v > 0)
    out.sort(key=lambda t: (-t[2], t[0]))
    return out


def hits(s: Scored, c: CompiledModel) -> tuple[CueHit, ...]:
    """The cue matches of a scored sentence (:func:`bias.opinion.features.find_cues`)."""
    return find_cues(s.tokens, (), index=c.index)
