"""Word runs of a normalised text, found once per text with numpy, and a prefilter over them.

A *run* is a maximal stretch of letters and digits (``str.isalnum``). A lexicon key that starts with a
letter or digit and must end at a word boundary can only match where a run starts, and the run is
then exactly the key's first run ("illegal" for "illegal aliens", "u" for "u.s."). So instead of
scanning every character, a matcher looks only at the runs whose first run of a key could be:

* :func:`runs` finds every run start and end of a text with a few numpy operations (no Python
  step per character or per word) and gives each run a 16-bit *sketch* (a hash of its length,
  first three characters and last one). It is cached for the last few texts: the loaded-language,
  word-choice and frame matchers all read the same article.
* :class:`SketchFilter` holds the sketches of a lexicon's first runs; :meth:`SketchFilter.candidates`
  returns the runs whose sketch is among them (a superset of the runs that are a first run: the
  caller still compares the run's text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from bias.corpus.words import LETTER, classes_of

_SKETCH_BITS = 16


def alnum_mask(codes: np.ndarray) -> np.ndarray:
    """One bool per code point in ``codes`` (an int array): is that character a letter or digit?
    (The parser's character classes, :func:`bias.corpus.words.classes_of`: its letters and digits
    are exactly ``str.isalnum``.)"""
    return classes_of(codes) >= LETTER


@dataclass(frozen=True, slots=True, eq=False)
class Runs:
    """The runs of one text (aligned read-only numpy arrays).

    ``sketches`` hashes each run's length (up to 15), first three characters and last one;
    ``next_sketches`` hashes the same together with the three characters that follow the run (as in
    "it is").
    """

    starts: np.ndarray
    ends: np.ndarray
    sketches: np.ndarray
    next_sketches: np.ndarray


_MASK = (1 << _SKETCH_BITS) - 1


# Odd 32-bit multipliers for the sketches, as int64 scalars: (uint32 code) * (int64 scalar) is int64.
_H0, _H1, _H2, _HLAST, _HLEN, _F0, _F1, _F2 = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x9E3779B9,
                                                        0x27D4EB2F, 0x165667B1, 0xD3A2646C, 0xFD7046C5],
                                                       dtype=np.int64)


def find_runs(text: str) -> Runs:
    """The runs of ``text``."""
    # Code points with one NUL (not a letter) before the text and three after: codes[i + 1] is
    # text[i], and a run's first three characters and the three after it are always in range.
    # (Small arrays: uint32 codes straight from the encoded string, no int64 copy of the text.)
    codes = np.frombuffer(("\0" + text + "\0\0\0").encode("utf-32-le"), dtype=np.uint32)
    mask = alnum_mask(codes)
    # mask[i] != mask[i + 1] where text[i] opens a run or text[i - 1] closes one
    bounds = np.flatnonzero(mask[1:] != mask[:-1])
    starts, ends = bounds[0::2], bounds[1::2]
    # a run's 2nd and 3rd characters read 0 past its end (a run of one or two letters)
    second, third = starts + 2, starts + 3
    sketches = (codes[starts + 1] * _H0 ^ codes[second] * mask[second] * _H1
                ^ codes[third] * mask[third] * _H2 ^ codes[ends] * _HLAST
                ^ np.minimum(ends - starts, 15) * _HLEN)
    following = codes[ends + 1] * _F0 ^ codes[ends + 2] * _F1 ^ codes[ends + 3] * _F2
    next_sketches = ((sketches ^ following) >> 13) & _MASK
    sketches = (sketches >> 13) & _MASK
    for a in (starts, ends, sketches, next_sketches):
        a.flags.writeable = False
    return Runs(starts, ends, sketches, next_sketches)


@lru_cache(maxsize=4)
def runs(text: str) -> Runs:
    """:func:`find_runs`, cached for the last few texts (an immutable result per immutable string)."""
    return find_runs(text)


class SketchFilter:
    """A prefilter for keys that open with a run: which runs of a text may open one of them.

    A key whose first run is followed by at least three more characters is sketched with them
    (:attr:`Runs.next_sketches`), so "in fact" does not make every "in" a candidate; a shorter one
    by its run alone. Read-only after ``__init__``.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self._runs = np.zeros(1 << _SKETCH_BITS, dtype=bool)
        self._next = np.zeros(1 << _SKETCH_BITS, dtype=bool)
        keys = list(keys)
        if any(not k[:1].isalnum() for k in keys):
            raise ValueError("SketchFilter keys must start with a letter or digit")
        if keys:
            # One pass over all keys, each followed by a space: the first run of each key starts at
            # its offset, and its next three characters are the key's own when it is long enough.
            offsets = np.cumsum([0, *(len(k) + 1 for k in keys[:-1])])
            found = find_runs(" ".join(keys) + " ")
            first = np.searchsorted(found.starts, offsets)
            long = np.array([len(k) for k in keys]) >= found.ends[first] - offsets + 3
            self._next[found.next_sketches[first[long]]] = True
            self._runs[found.sketches[first[~long]]] = True
        self._runs.flags.writeable = False
        self._next.flags.writeable = False

    def candidates(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of the runs of ``text`` that may open a key (in text order)."""
        r = runs(text)
        keep = np.flatnonzero(self._runs[r.sketches] | self._next[r.next_sketches])
        return list(zip(r.starts[keep].tolist(), r.ends[keep].tolist(), strict=True))
