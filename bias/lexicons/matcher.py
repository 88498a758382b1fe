"""One compiled matcher for lexicon terms: inflections, multi-word terms, gaps and context rules.

How a lexicon row becomes surface forms (all matching is case-insensitive):

* ``term`` is written in its base form ("illegal alien", "pour in", "slam").
* The optional ``pos`` column says which inflections to add: ``n`` adds plurals to the *last*
  word ("illegal alien" -> "illegal aliens"), ``v`` adds -s/-ed/-ing forms to the *first* word
  ("pour in" -> "poured in", "pouring in"), ``nv`` both, anything else (or empty) none.
  Irregular forms go in the optional ``variants`` column, separated by ``;``.
* ``...`` in a term is a gap of up to 60 characters inside one clause ("worst ... in ... history"
  matches "worst mass migration crisis in US history").
* Hyphens count as spaces ("border-crossers" matches "border crosser" + plural) and curly
  apostrophes as straight ones, so spelling variants need no extra rows.

Context rules (optional columns, ``;``-separated, documented per row in the lexicon itself):

* ``not_within``: phrases that, when they cover the hit, cancel it ("cash flow" cancels "flow").
* ``not_in_sentence``: words whose presence in the same sentence cancels the hit (literal
  water words such as "rain" or "river" cancel the metaphor "flood").

Engine: the keys are looked up at the word starts of the normalised text (found once per text
with numpy, :mod:`bias.lexicons.scan`), then word-boundary checks, context rules and
leftmost-longest selection of non-overlapping hits. Normalisation keeps every character in place,
so hit offsets are offsets into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bias.lexicons import Entry, Lexicon
from bias.lexicons.scan import SketchFilter
from bias.model import Span

GAP = "..."
_GAP_RE = r"[^!?;:\n]{1,60}?"
_VOWELS = set("aeiou")

# Same-length normalisation: hyphens and odd spaces become " ", curly apostrophes "'".
# (A chain of str.replace is ~20x faster than str.translate with a dict table on long text.)
_FOLDS = (("-", " "), ("\u2010", " "), ("\u2011", " "), ("\u00a0", " "), ("\n", " "), ("\t", " "),
          ("\r", " "), ("\u2019", "'"), ("\u2018", "'"))


@lru_cache(maxsize=4)
def normalise(text: str) -> str:
    """Lower-case ``text`` and fold hyphens/apostrophes, keeping every character's offset.

    Cached for the last few texts (an immutable string in, one out): the loaded-language,
    word-choice and frame matchers all normalise the same article text.
    """
    folded = text
    for old, new in _FOLDS:
        if old in folded:
            folded = folded.replace(old, new)
    low = folded.lower()
    if len(low) == len(folded):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def _norm_term(term: str) -> str:
    return " ".join(normalise(term).split())


def _plural(word: str) -> set[str]:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word + "es"}
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return {word[:-1] + "ies"}
    return {word + "s"}


def _verb_forms(word: str) -> set[str]:
    forms = set(_plural(word))
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        # consonant-vowel-consonant ending: also the doubled forms (slam -> slammed, slamming)
        if (len(word) >= 3 and word[-1] not in _VOWELS | set("wxy") and word[-2] in _VOWELS
                and word[-3] not in _VOWELS):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def surface_forms(entry: Entry) -> tuple[str, ...]:
    """Every normalised surface form a row matches (the term itself first)."""
    base = _norm_term(entry.term)
    forms = {base}
    if GAP not in base:
        words = base.split(" ")
        pos = entry.extra.get("pos", "").strip().lower()
        if "n" in pos:
            forms |= {" ".join([*words[:-1], f]) for f in _plural(words[-1])}
        if "v" in pos:
            forms |= {" ".join([f, *words[1:]]) for f in _verb_forms(words[0])}
    for v in entry.extra.get("variants", "").split(";"):
        if v.strip():
            forms.add(_norm_term(v))
    return (base, *sorted(forms - {base}))


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon hit: ``span`` into the original text, the row, and the lexicon's stamp."""

    span: Span
    entry: Entry
    lexicon: str


@dataclass(frozen=True, slots=True)
class _Pattern:
    entry: Entry
    lexicon: str
    tail: re.Pattern[str] | None  # the rest of a gapped term, matched right after the key
    not_within: tuple[str, ...]
    not_in_sentence: frozenset[str]
    lower_only: bool
    row: tuple[str, str]  # (term, category): rows matching the same span count once

    @property
    def plain(self) -> bool:
        """True when the pattern has no gap and no context rule (a hit is its key at word boundaries)."""
        return self.tail is None and not (self.not_within or self.not_in_sentence or self.lower_only)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(_norm_term(p) for p in cell.split(";") if p.strip())


@dataclass(frozen=True, slots=True)
class _Key:
    """One normalised key (a surface form, or its part before the first gap) and its patterns."""

    text: str
    patterns: tuple[_Pattern, ...]
    plain: bool  # every pattern plain: a hit is the key at word boundaries (the fast path in ``find``)
    single_run: bool  # the key is one run of letters and digits ("flood", not "flood of")
    numbered: tuple[tuple[int, _Pattern], ...]  # (order, pattern): ``enumerate(patterns)``, built once


def _first_run(key: str) -> str:
    """The leading letters and digits of ``key`` ("u" for "u.s.", "it" for "it's clear")."""
    for i, c in enumerate(key):
        if not c.isalnum():
            return key[:i]
    return key


class Matcher:
    """A compiled, read-only matcher over the rows of one or more lexicons.

    Build it once (it is immutable after ``__init__``) and call :meth:`find` per text.

    Keys are found through the runs of the text (:mod:`bias.lexicons.scan`): a key that starts with
    a letter or digit and must end at a word boundary can only start where a run starts, and that
    run is the key's first run. Keys outside that rule (a gapped term, whose first part may end
    inside a word, or a key starting with a mark) are searched for with ``str.find``.
    """

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        table: dict[str, list[_Pattern]] = {}
        self.lexicons: tuple[Lexicon, ...] = tuple(lexicons)
        for lex in self.lexicons:
            for entry in lex.entries:
                not_within = _split(entry.extra.get("not_within", ""))
                not_in = frozenset(_split(entry.extra.get("not_in_sentence", "")))
                lower_only = entry.extra.get("lower_only", "").strip().lower() in {"yes", "true", "1"}
                for form in surface_forms(entry):
                    parts = [p.strip() for p in form.split(GAP)]
                    tail = None
                    if len(parts) > 1:
                        rest = "".join(_GAP_RE + r"\b" + re.escape(p) + r"\b" for p in parts[1:])
                        tail = re.compile(rest)
                    table.setdefault(parts[0], []).append(_Pattern(entry, lex.stamp, tail, not_within, not_in,
                                                                  lower_only, (entry.term, entry.category)))
        by_run: dict[str, list[_Key]] = {}
        loose: list[_Key] = []
        for text, pats in table.items():
            if not text:
                continue  # an empty key (a term opening with a gap) matches nothing
            run = _first_run(text)
            key = _Key(text, tuple(pats), all(p.plain for p in pats), run == text, tuple(enumerate(pats)))
            if run and all(p.tail is None for p in pats):
                by_run.setdefault(run, []).append(key)
            else:
                loose.append(key)
        # shorter keys first: the order in which a scan from left to right completes them
        self._by_run = {run: tuple(sorted(keys, key=lambda k: len(k.text))) for run, keys in by_run.items()}
        self._loose = tuple(loose)
        self._filter = SketchFilter(k.text for keys in self._by_run.values() for k in keys)
        self._empty = not (self._by_run or self._loose)

    def find(self, text: str, sentences: Sequence[Span] = ()) -> tuple[Hit, ...]:
        """Non-overlapping hits in ``text``, leftmost-longest first, sorted by start.

        Rows that match the very same span all count (a word may cue two frames); otherwise the
        leftmost, then longest, hit wins and hits overlapping it are dropped.

        ``sentences`` (sorted spans) bounds the ``not_in_sentence`` rule and gapped terms; without
        them the whole text counts as one sentence.
        """
        return tuple(Hit(Span(start, stop), entry, lexicon)
                     for start, stop, entry, lexicon in self.find_offsets(text, sentences))

    def _loose_starts(self, norm: str) -> Iterator[tuple[int, _Key]]:
        """``(start, key)`` for every occurrence of a loose key at a word start of ``norm``."""
        for k in self._loose:
            start = norm.find(k.text)
            while start != -1:
                if start == 0 or not norm[start - 1].isalnum():
                    yield start, k
                start = norm.find(k.text, start + 1)

    def find_offsets(self, text: str, sentences: Sequence[Span] = ()) -> list[tuple[int, int, Entry, str]]:
        """The hits of :meth:`find` as ``(start, stop, entry, lexicon stamp)`` tuples (no objects built)."""
        if self._empty or not text:
            return []
        norm = normalise(text)
        n = len(norm)
        # Candidates as (start, -length, order, key length, seq, stop, pattern): sorting the tuples sorts
        # by (start, -length, order), then as a left-to-right scan meets the keys (seq is unique).
        cands: list[tuple[int, int, int, int, int, int, _Pattern]] = []
        add = cands.append
        ruled: list[tuple[int, _Key]] = []  # keys with a gap or a context rule, checked below
        by_run = self._by_run
        for start, end in self._filter.candidates(norm):
            keys = by_run.get(norm[start:end])
            if keys is None:
                continue
            for key in keys:
                if key.single_run:
                    stop = end  # the run itself: at word boundaries by construction
                else:
                    stop = start + len(key.text)
                    if not norm.startswith(key.text, start):
                        continue
                    if key.plain and stop < n and norm[stop].isalnum():
                        continue
                if not key.plain:
                    ruled.append((start, key))
                    continue
                length = stop - start
                for order, pat in key.numbered:
                    add((start, -length, order, length, len(cands), stop, pat))
        ruled.extend(self._loose_starts(norm))
        if ruled:
            self._add_ruled(text, norm, sentences, ruled, cands)
        cands.sort()
        out: list[tuple[int, int, Entry, str]] = []
        append = out.append
        last_start, last_stop = -1, -1
        first_row: tuple[str, str] = ("", "")
        seen: set[tuple[str, str]] | None = None  # rows of the current span, made only for a second row
        for start, _neg, _o, _len, _seq, stop, pat in cands:
            if start >= last_stop:
                last_start, last_stop, first_row, seen = start, stop, pat.row, None
            elif start != last_start or stop != last_stop:
                continue
            else:
                if seen is None:
                    seen = {first_row}
                if pat.row in seen:
                    continue
                seen.add(pat.row)
            append((start, stop, pat.entry, pat.lexicon))
        return out

    @staticmethod
    def _add_ruled(text: str, norm: str, sentences: Sequence[Span], ruled: list[tuple[int, _Key]],
                   cands: list[tuple[int, int, int, int, int, int, _Pattern]]) -> None:
        """Add to ``cands`` the hits of keys with a gap or context rule that pass their checks."""
        n = len(norm)
        starts = [s.start for s in sentences]
        words: dict[tuple[int, int], frozenset[str]] = {}  # sentence -> its words (not_in_sentence rule)
        add = cands.append
        for start, key in ruled:
            length = len(key.text)
            end = start + length
            for order, pat in key.numbered:
                stop = end
                if pat.tail is not None:
                    m = pat.tail.match(norm, end)
                    if m is None:
                        continue
                    stop = m.end()
                if stop < n and norm[stop].isalnum():
                    continue
                if pat.lower_only and not text[start:stop].islower():
                    continue
                if pat.not_within and _covered(norm, start, stop, pat.not_within):
                    continue
                if pat.not_in_sentence or pat.tail is not None:
                    lo, hi = _sentence_bounds(sentences, starts, start, n)
                    if stop > hi:
                        continue
                    if pat.not_in_sentence:
                        sentence = norm[lo:hi]
                        # a word that is not even a substring of the sentence cannot be one of its words
                        present = [w for w in pat.not_in_sentence if w in sentence]
                        if present:
                            if (lo, hi) not in words:
                                words[lo, hi] = _sentence_words(sentence)
                            if _sentence_has(sentence, words[lo, hi], frozenset(present)):
                                continue
                add((start, start - stop, order, length, len(cands), stop, pat))


def _covered(norm: str, start: int, stop: int, phrases: tuple[str, ...]) -> bool:
    for ph in phrases:
        lo = max(0, stop - len(ph))
        i = norm.find(ph, lo, start + len(ph))
        while i != -1 and i <= start:
            if i + len(ph) >= stop:
                return True
            i = norm.find(ph, i + 1, start + len(ph))
    return False


def _sentence_bounds(sentences: Sequence[Span], starts: list[int], offset: int, n: int) -> tuple[int, int]:
    if not sentences:
        return 0, n
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return sentences[i].start, sentences[i].end
    return offset, offset + 1


_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _sentence_words(sentence: str) -> frozenset[str]:
    """The words of a normalised sentence, as the ``not_in_sentence`` rule reads them."""
    return frozenset(_WORDS.findall(sentence))


def _sentence_has(sentence: str, sentence_words: frozenset[str], words: frozenset[str]) -> bool:
    """True when the normalised ``sentence`` (whose words are ``sentence_words``) holds one of ``words``."""
    if not sentence_words.isdisjoint(words):
        return True
    return any(re.search(r"\b" + re.escape(w) + r"\b", sentence) for w in words if " " in w)
