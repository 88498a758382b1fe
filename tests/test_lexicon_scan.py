"""Runs of letters and digits found with numpy, the sketch prefilter, and the run-based matcher."""

from __future__ import annotations

import numpy as np
import pytest

from bias.lexicons import Entry, Lexicon
from bias.lexicons.matcher import Matcher, _first_run
from bias.lexicons.scan import SketchFilter, alnum_mask, find_runs, runs


def _reference_runs(text: str) -> list[tuple[int, int]]:
    out, start = [], None
    for i, c in enumerate(text + " "):
        if c.isalnum() and start is None:
            start = i
        elif not c.isalnum() and start is not None:
            out.append((start, i))
            start = None
    return out


@pytest.mark.parametrize("text", ["", " ", "a", "Don't stop-gap u.s. 1,000 x", "é😀b ﬁx²_y İz", "ab  cd "])
def test_find_runs_are_the_maximal_alnum_stretches(text):
    r = find_runs(text)
    assert list(zip(r.starts.tolist(), r.ends.tolist(), strict=True)) == _reference_runs(text)
    assert len(r.sketches) == len(r.next_sketches) == len(r.starts)
    assert not r.starts.flags.writeable


def test_alnum_mask_matches_isalnum_beyond_the_bmp():
    text = "a😀𝟘 -"
    codes = np.array([ord(c) for c in text], dtype=np.int64)
    assert alnum_mask(codes).tolist() == [c.isalnum() for c in text] == [True, False, True, False, False]


def test_runs_is_cached_and_sketches_depend_on_the_run():
    assert runs("in fact") is runs("in fact")
    r = find_runs("in fact in fact ink")
    assert r.starts.tolist() == [0, 3, 8, 11, 16]
    assert r.sketches[0] == r.sketches[2] != r.sketches[4]
    assert r.next_sketches[0] == r.next_sketches[2]


def test_sketch_filter_candidates():
    f = SketchFilter(["in fact", "flood", "u.s. border"])
    text = "In the flood, in fact the U.S. border; ink floods"
    norm = text.lower()
    assert f.candidates(norm) == [(7, 12), (14, 16), (26, 27)]
    assert SketchFilter([]).candidates(norm) == []
    with pytest.raises(ValueError):
        SketchFilter(["'em"])


def test_first_run():
    assert _first_run("u.s. border") == "u"
    assert _first_run("it's clear") == "it"
    assert _first_run("flood") == "flood"
    assert _first_run("'em") == ""


def _lexicon(*rows: tuple[str, dict[str, str]]) -> Lexicon:
    entries = tuple(Entry(term=t, category="c", weight=1.0, explanation="", extra=x)
                    for t, x in rows)
    return Lexicon(id="t", version="1", meta={}, sources={}, entries=entries, path="t.tsv")


def test_matcher_run_keys_gapped_keys_and_marks():
    m = Matcher([_lexicon(("worst ... in ... history", {}), ("in fact", {}), ("u.s.", {}), ("#tag", {}))])
    text = "The worsted cloth in US history. In fact, the U.S. said #tag and x#tag."
    got = [(text[s:e], s) for s, e, _entry, _lex in m.find_offsets(text)]
    assert got == [("worsted cloth in US history", 4), ("In fact", 33), ("U.S.", 46), ("#tag", 56)]
