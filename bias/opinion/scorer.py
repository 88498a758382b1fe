"""Fast prediction with an opinion model: the model's weights compiled into lookup tables.

:func:`bias.opinion.features.describe` and :func:`bias.opinion.model.log_odds` are the reference
(training uses them); this module computes the very same log-odds, to the last bit, without building
the features it would throw away. It scores all the sentences of an article at once
(:func:`score_texts`):

* the words of every sentence go into one list, each sentence's between the marks ``^`` and ``$``
  (the marks its style n-grams start and end with); one cached look-up per word
  (:attr:`CompiledModel.word_info`) gives everything the model needs of it, and the n-gram codes
  and running counts are computed in a few passes over the whole list;
* word and style n-grams are integers (a style pair ``(a, b)`` is ``a * K + b``), looked up in the
  vocabulary re-keyed by those codes; their weights are summed with ``math.fsum`` (exact, so the
  order does not matter);
* per-token marks (digit, superlative, word endings, function word, negation, capital) and the
  one-word cue matches are packed into one integer per word, so the difference of two running sums
  counts them all for a sentence; a sentence that may hold a multi-word cue phrase is matched as
  :func:`bias.opinion.features.find_cues` does;
* the dense terms ``w * (x - mean) / scale`` are computed a feature at a time over the article's
  sentences (:mod:`bias.opinion.dense_terms` has the formulas), then added in model order, as
  :func:`log_odds` does.
"""

from __future__ import annotations

import heapq
import math
import re
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial, reduce
from itertools import accumulate, chain, compress, repeat
from operator import add, gt, itemgetter, mul, neg, sub, truediv
from typing import NamedTuple

from bias.opinion.features import (
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
    _ENDINGS,
    _IMPERATIVE,
    _OPENING_CONJUNCTION,
    _QUOTE_OPENERS,
    FUNCTION_WORDS,
    STYLE_FEATURES,
    shape_class,
)
from bias.opinion.style import _token_marks as _style_marks
from bias.vader import Polarity, polarity

_NO_POLARITY = Polarity(0.0, 1.0, 0.0, 0.0)

# Per-word counts packed into one integer, _FIELD bits each (see token_counts): a field would
# overflow only in a text of 2**64 words, far more than any text in memory can hold.
_FIELD = 64
# Fields: digit, superlative, adjective ending, -ly, -ed, -ing, nominalisation, function word
# (0 or 1 each), the token's length, a negation by its ending ("isn't"), a capital first letter
# (of a word), then one field per cue group (CompiledModel.word_info).
N_COUNTS = 11
_CAPITAL = 1 << (_FIELD * 10)
_CAPITALS = ((1 << _FIELD) - 1) << (_FIELD * 10)
_FIELDS = struct.Struct(f"<{N_COUNTS}Q")
# The dense features after the cue groups, in the order of every model file (checked on compile).
_REST = tuple(BASE_FEATURES) + tuple(STYLE_FEATURES)
# The positions in _REST of the features that are flags (0.0 or 1.0).
_FLAGS = frozenset(_REST.index(f) for f in (
    "exclamation", "imperative_opening", "semicolon", "dash", "parenthesis", "colon", "opens_with_quote",
    "opens_with_conjunction"))
# Sentence start and end marks of the style n-grams; neither is ever a word (see _WORD).
_START, _END = "^", "$"
# Every value of shape_class and the two marks, coded 1, 2, ...: a style pair (a, b) is a * _K + b,
# a triple (a, b, c) is (a * _K + b) * _K + c (pairs are below _K ** 2, triples above).
_SHAPES = (_START, _END, "<num>", "<Cap>", "<w>", *(f"<{e}>" for e in _ENDINGS), *sorted(FUNCTION_WORDS))
_SHAPE_CODE: Mapping[str, int] = {s: i for i, s in enumerate(_SHAPES, 1)}
_K = len(_SHAPES) + 1
# A text whose tokens are not its words lower-cased: a curly apostrophe inside a word ("don’t"),
# or a modifier-letter apostrophe anywhere (a word character that tokenize turns into "'").
_CURLY_TOKENS = re.compile(r"[^\W_][’‘][^\W_]|ʼ")

CuePhrases = Mapping[str, tuple[tuple[int, tuple[str, ...]], ...]]
# A word's token (lower-cased), shape code, packed counts, vocabulary id and lead (CompiledModel).
WordInfo = tuple[str, int, int, int, int]
WordColumns = tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class CompiledModel:
    """An :class:`OpinionModel`'s weights as lookup tables keyed by word and n-gram codes.

    A token of the model's vocabulary has an id (1, 2, ...; 0 for any other token); a word pair
    ``(a, b)`` is coded ``lead(a) + id(b)`` with ``lead(a) = (id(a) + 1) * n_ids``, above every id.
    """

    model: OpinionModel
    word_info: Callable[[str], WordInfo]  # cached per word (see _word_info)
    counts: struct.Struct  # unpacks a sum of packed counts: N_COUNTS fields, then the cue groups
    ngrams: Mapping[int, float]  # code of a word or a word pair -> weight
    ngram_names: Mapping[int, str]  # code -> n-gram as the model file names it ("we must")
    style: Mapping[int, float]  # code of a pair or triple of shape classes -> weight
    style_names: Mapping[int, str]
    ngram_features: Mapping[int, str]  # code of a word n-gram with a positive weight -> "ngram:<name>"
    style_features: Mapping[int, str]  # the same for style n-grams ("style:<name>")
    phrases: CuePhrases  # first token -> (group slot, phrase tokens), longest first
    index: CueIndex  # the same phrases by group name, for find_cues
    multi_starts: frozenset[int]  # codes of the first word pair of every multi-word cue phrase
    negation: int | None  # slot of the "negation" cue group, if the model has one
    cue_terms: tuple[tuple[float, ...], ...]  # each cue group's term for 0, 1, 2, ... matches
    labels: Mapping[str, str]


def _style_code(gram: str) -> int | None:
    """The code of a style n-gram of the model file (``"<Cap> said"``); None if it cannot occur."""
    parts = gram.split(" ")
    if len(parts) not in (2, 3) or not all(p in _SHAPE_CODE for p in parts):
        return None
    return reduce(lambda code, p: code * _K + _SHAPE_CODE[p], parts, 0)


def compile_model(model: OpinionModel) -> CompiledModel:
    """Build the lookup tables of ``model`` (a few milliseconds; see :func:`compiled`)."""
    groups = model.groups
    n_cues = len(groups)
    if model.dense_names[n_cues:] != _REST:
        raise ValueError("dense features are not in the order this scorer computes them")
    slots = {g.name: i for i, g in enumerate(groups)}
    phrases = {first: tuple((slots[group], words) for group, words in entries)
               for first, entries in _phrase_index(groups).items()}
    multi = [words for entries in phrases.values() for _, words in entries if len(words) > 1]
    grams = [tuple(g.split(" ")) for g in model.ngram_weights if g.count(" ") <= 1]
    grams = [g for g in grams if _START not in g and _END not in g]  # never tokens
    ids = {t: i for i, t in enumerate(dict.fromkeys(chain(*grams, *(w[:2] for w in multi))), 1)}
    n_ids = len(ids) + 1
    leads = {t: (i + 1) * n_ids for t, i in ids.items()}
    codes = {g: ids[g[0]] if len(g) == 1 else leads[g[0]] + ids[g[1]] for g in grams}
    ngram_names = {codes[g]: name for name in model.ngram_weights if (g := tuple(name.split(" "))) in codes}
    style_names = {code: g for g in model.style_weights if (code := _style_code(g)) is not None}
    cues: dict[str, int] = {}  # token -> its one-word cue matches, one field per group slot
    for first, entries in phrases.items():
        for slot in {slot for slot, words in entries if len(words) == 1}:  # a group counts a token once
            cues[first] = cues.get(first, 0) + (1 << (_FIELD * (N_COUNTS + slot)))
    mean, scale, weights = model.dense_mean, model.dense_scale, model.dense_weights
    return CompiledModel(
        model=model,
        word_info=lru_cache(maxsize=1 << 16)(partial(_word_info, ids=ids, leads=leads, cues=cues)),
        counts=struct.Struct(f"<{N_COUNTS + n_cues}Q"),
        ngrams={code: model.ngram_weights[name] for code, name in ngram_names.items()},
        ngram_names=ngram_names,
        style={code: model.style_weights[name] for code, name in style_names.items()},
        style_names=style_names,
        ngram_features={k: f"ngram:{g}" for k, g in ngram_names.items() if model.ngram_weights[g] > 0},
        style_features={k: f"style:{g}" for k, g in style_names.items() if model.style_weights[g] > 0},
        phrases=phrases,
        index=_phrase_index(groups),
        multi_starts=frozenset(leads[w[0]] + ids[w[1]] for w in multi),
        negation=slots.get("negation"),
        cue_terms=tuple(tuple(w * (x - m) / s for x in _LOG1P)
                        for m, s, w in zip(mean[:n_cues], scale[:n_cues], weights[:n_cues], strict=True)),
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
    function word of :func:`bias.opinion.style.style_rates`, its length, and whether it is a
    negation by its ending (as :func:`bias.opinion.features.find_cues` finds them). The sum of these
    integers over a sentence holds every count at once (:func:`unpack`)."""
    negation = int(token.endswith("n't") and token != "n't")
    marks = (*_token_marks(token), *_style_marks(token), negation)
    return sum(m << (_FIELD * i) for i, m in enumerate(marks))


def unpack(total: int) -> tuple[int, ...]:
    """The :data:`N_COUNTS` counts of a sum of :func:`token_counts` integers (with capitals)."""
    return _FIELDS.unpack(total.to_bytes(_FIELDS.size, "little"))


def _word_info(word: str, *, ids: Mapping[str, int], leads: Mapping[str, int],
               cues: Mapping[str, int]) -> WordInfo:
    """A word's token (lower-cased), the code of its :func:`shape_class` inside a sentence, its
    :func:`token_counts` plus a capital and its one-word cue matches, its vocabulary id and lead.
    The marks ``^`` and ``$`` get their own shape codes."""
    if word in (_START, _END):
        return word, _SHAPE_CODE[word], 0, 0, len(ids) + 1
    token = word.lower()
    packed = token_counts(token) + (_CAPITAL if word[0].isupper() else 0) + cues.get(token, 0)
    shape = _SHAPE_CODE[shape_class(word, False)]
    return token, shape, packed, ids.get(token, 0), leads.get(token, len(ids) + 1)


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
