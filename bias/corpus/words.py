"""The words of a text, found with a few whole-text numpy operations (the word finder of the parse).

A word is a match of :data:`WORD`: letters and digits joined by one apostrophe, hyphen or period (or
``.-`` as in ``U.S.-Mexico``, or a comma between digits), plus the final period of a dotted acronym
(``U.S.``, ``p.m.``). :func:`word_table` finds exactly those matches without a match object per word
(``tests/test_segment_words.py`` checks that they agree on any text):

* every character gets a class (:func:`char_classes`: a letter, a digit, one of the marks ``-``,
  ``'’‑``, ``.``, ``,``, or anything else) from a table over the Basic Multilingual Plane;
* whether a character belongs to a word depends only on the classes of the two characters on each
  side of it (a mark joins when its neighbours are alphanumerics, ``.-`` needs one more character,
  an acronym's final period looks two back), so the five classes around each character are packed
  into one number and :func:`window_table` answers for all of them in one look-up;
* the changes of that "in a word" mask are the word starts and ends.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

# The definition of a word; word_table finds exactly its matches, vectorised.
WORD = re.compile(r"[^\W_]+(?:(?:[-'’‑]|\.-?|(?<=\d),(?=\d))[^\W_]+)*(?:(?<=\.[^\W\d_])\.)?")

BMP = 0x10000
# Character classes (3 bits each). Alphanumerics: class >= LETTER.
OTHER, DASH, JOINER, DOT, COMMA, LETTER, DIGIT = range(7)
_BITS = 3
_WINDOW = 5  # classes around a character that decide whether it is in a word (two on each side)

_WordTable = tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]


@cache
def char_classes() -> np.ndarray:
    """The class of every code point of the Basic Multilingual Plane (uint16, read-only, built once):
    :data:`LETTER` (a letter or other non-decimal alphanumeric, ``[^\\W\\d_]``) and :data:`DIGIT`
    (a decimal digit, ``\\d``) as the ``re`` module classifies them, :data:`DASH` (``-``),
    :data:`JOINER` (``'’‑``), :data:`DOT`, :data:`COMMA`, or :data:`OTHER`."""
    bmp = "".join(map(chr, range(BMP)))
    alnum = np.fromiter(map(str.isalnum, bmp), bool, BMP)
    digit = np.fromiter(map(str.isdecimal, bmp), bool, BMP)
    classes = np.where(digit, DIGIT, np.where(alnum, LETTER, OTHER)).astype(np.uint16)
    classes[[ord(c) for c in "'’‑"]] = JOINER
    classes[ord("-")], classes[ord(".")], classes[ord(",")] = DASH, DOT, COMMA
    classes.setflags(write=False)
    return classes


def classes_of(code: np.ndarray) -> np.ndarray:
    """The :func:`char_classes` class of every code point in ``code`` (an unsigned int array);
    those outside the Basic Multilingual Plane (rare) are classified one by one."""
    table = char_classes()
    if not len(code) or code.max() < BMP:
        return table.take(code)
    cls = table[np.minimum(code, BMP - 1)]
    for i in np.flatnonzero(code >= BMP).tolist():
        ch = chr(code[i])
        cls[i] = DIGIT if ch.isdecimal() else LETTER if ch.isalnum() else OTHER
    return cls


@cache
def window_table() -> np.ndarray:
    """For every window of five classes packed as ``c0 << 12 | c1 << 9 | c2 << 6 | c3 << 3 | c4``:
    is the middle character (class ``c2``) part of a word? (bool, read-only, built once)."""
    w = np.arange(1 << (_BITS * _WINDOW))
    c0, c1, c2, c3, c4 = ((w >> (_BITS * (_WINDOW - 1 - k))) & 7 for k in range(_WINDOW))
    alnum1, alnum3 = c1 >= LETTER, c3 >= LETTER
    dot = c2 == DOT
    # a hyphen, an apostrophe or a period between alphanumerics; a comma between digits
    joined = ((c2 == DASH) | (c2 == JOINER) | dot) & alnum1 & alnum3
    joined |= (c2 == COMMA) & (c1 == DIGIT) & (c3 == DIGIT)
    # ".-" between alphanumerics ("U.S.-Mexico"): this period, or the hyphen after such a period
    joined |= dot & alnum1 & (c3 == DASH) & (c4 >= LETTER)
    joined |= (c1 == DOT) & (c0 >= LETTER) & (c2 == DASH) & alnum3
    # the final period of a dotted acronym: after a letter that follows a period ("U.S.")
    joined |= dot & ~joined & (c1 == LETTER) & (c0 == DOT)
    table = (c2 >= LETTER) | joined
    table.setflags(write=False)
    return table


def word_table(text: str) -> _WordTable:
    """Start and end offsets and lower-cased text of every match of :data:`WORD` in ``text``.

    The lower-cased texts come from the words' characters, each word followed by one NUL (never part
    of a word), decoded, lower-cased and split in one go: ``str.lower`` maps character by character
    except a final sigma, which looks at the cased letters around it, and a NUL (neither cased nor
    case-ignorable) stops that look just as the end of a lone word does, so each piece equals
    ``word.lower()``. (The words as written are not built here: few readers need them.)
    """
    n = len(text)
    if not n:
        return (), (), ()
    pad = _WINDOW // 2 + 1  # classes on each side, so the mask also covers one character each side
    code = np.zeros(n + 2 * pad, np.uint32)  # code[i + pad] is text[i]
    code[pad:-pad] = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    cls = classes_of(code)
    pairs = (cls[:-1] << _BITS) | cls[1:]
    quads = (pairs[:-2] << (2 * _BITS)) | pairs[2:]
    # in_word[j]: is text[j - 1] part of a word (False for the padding at j = 0 and j = n + 1)
    in_word = window_table().take((quads[:-1] << _BITS) | cls[_WINDOW - 1:])
    edges = np.flatnonzero(in_word[1:] != in_word[:-1]).tolist()
    inside = in_word[1:-1]
    chars = np.where(inside, code[pad:-pad], 0)[inside | in_word[:-2]]
    lower = chars.tobytes().decode("utf-32-le").lower().split("\0")
    if not lower[-1]:  # "" after the last NUL, unless the text ends in a word
        lower.pop()
    return tuple(edges[0::2]), tuple(edges[1::2]), tuple(lower)
