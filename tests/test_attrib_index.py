"""Indexed look-ups of the attribution rules: exact answers of the scans they replace, linear work."""

from __future__ import annotations

import random
import sys
from dataclasses import replace

from bias.corpus.segment import parse
from bias.features.attrib_find import find_attribution_records
from bias.features.attrib_lexicon import count_tokens, has_tokens
from bias.features.attrib_resolve import Attribution, _NameIndex
from bias.features.attrib_taken import CutIndex, TakenCues, count_in
from bias.model import Article, Span


def _att(cue: tuple[int, int], source: tuple[int, int] | None = None, content=None, kind="person"):
    return Attribution(
        sentence=Span(0, 1000),
        cue=Span(*cue),
        lemma="say",
        category="neutral",
        explanation="",
        source=Span(*source) if source else None,
        kind=kind,
        named=True,
        resolved=None,
        role="unknown",
        content=Span(*content) if content else None,
        quote="indirect",
        nested=False,
    )


def test_taken_cues_overlap_prior_and_ends_between():
    t = TakenCues()
    for s, e in [(10, 14), (30, 34), (20, 24)]:
        t.add(_att((s, e)))
    assert t.starts == [10, 20, 30] and t.ends == [14, 24, 34]
    assert t.overlaps(Span(12, 16)) and t.overlaps(Span(33, 40)) and not t.overlaps(Span(14, 20))
    assert t.prior(0, 25).cue == Span(20, 24)
    assert t.prior(21, 35).cue == Span(30, 34)
    assert t.prior(21, 30) is None
    assert t.ends_between(10, 24) and not t.ends_between(11, 23) and not t.ends_between(35, 50)


def test_taken_cues_with_an_empty_cue_scans():
    t = TakenCues()
    t.add(_att((5, 5)))
    t.add(_att((1, 9)))
    assert t.empty and t.overlaps(Span(3, 4)) and not t.overlaps(Span(9, 12))


def test_count_in():
    assert count_in([1, 3, 3, 7], 3, 7) == 2
    assert count_in([1, 3, 3, 7], 8, 9) == 0
    assert count_in([], 0, 5) == 0


def _cuts_by_scan(found, a):
    c = a.content
    cuts = [
        min(b.cue.start, b.source.start if b.source and b.source.start > c.start else b.cue.start)
        for b in found
        if c.start < b.cue.start < c.end and b.cue.start > a.cue.end
    ]
    return min(cuts) if cuts else None


def test_cut_index_equals_the_scan():
    rng = random.Random(3)
    for _ in range(300):
        found = []
        for _ in range(rng.randrange(0, 12)):
            s = rng.randrange(0, 200)
            src = None
            if rng.random() < 0.7:
                a = rng.randrange(0, 220)
                src = (a, a + rng.randrange(1, 20))
            c = rng.randrange(0, 200)
            found.append(_att((s, s + rng.randrange(1, 6)), src, (c, c + rng.randrange(0, 120))))
        found.sort(key=lambda a: a.cue.start)
        index = CutIndex(found)
        for a in found:
            assert index.first_cut(a) == _cuts_by_scan(found, a)


def test_cut_index_example():
    a = _att((0, 4), None, (5, 100))
    b = _att((40, 44), (30, 39), (45, 60))
    c = _att((70, 74), (2, 8), None)
    index = CutIndex([a, b, c])
    assert index.first_cut(a) == 30  # b's source starts before its cue, after a's content starts


def test_has_tokens():
    text = "He said, 12,000 U.S. workers left."
    assert count_tokens(text[3:20]) == 3
    assert has_tokens(text, 3, 20, 3) and not has_tokens(text, 3, 20, 4)
    assert has_tokens(text, 0, len(text), 6) and not has_tokens(text, 0, len(text), 7)


def test_name_index_newest_longer_source():
    text = "Ann Lee said. Lee said. Dr. Ann Lee said. Lee said."
    names = _NameIndex(text)
    out = []
    for src in [(0, 7), (14, 17), (24, 35)]:
        out.append(_att((0, 1), src))
        names.add(out)
    assert names.newest_longer("Lee", 3) == 2
    assert names.newest_longer("Lee", 7) == 2
    assert names.newest_longer("Lee", 11) is None
    assert names.newest_longer("Ann", 3) == 2
    assert names.newest_longer("Bob", 0) is None
    out.append(replace(_att((0, 1), (0, 7)), kind="vague"))
    names.add(out)
    assert names.anonymous == [3]


def _many_cues(n: int) -> Article:
    body = ", ".join(f"Officer Smith{i % 7} said the plan failed" for i in range(n)) + "."
    return Article(id="many", outlet="o", title="t", text="Headline\n\n" + body + "\n")


def _lines_run(parsed) -> tuple[int, int]:
    """(attributions, Python lines executed) while finding the attributions of ``parsed``."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        found = find_attribution_records(parsed)
    finally:
        sys.settrace(None)
    return len(found), count


def test_work_grows_linearly_with_the_cues_of_one_sentence():
    _lines_run(parse(_many_cues(20)))  # load the lexicons and fill the per-word caches first
    small, large = parse(_many_cues(200)), parse(_many_cues(400))
    n_small, work_small = _lines_run(small)
    n_large, work_large = _lines_run(large)
    assert (n_small, n_large) == (200, 400)
    # Twice the cues: about twice the work (the scans these look-ups replaced made it four times).
    assert work_large < 2.5 * work_small  # measured: 2.0 (before the look-ups: 3.5)
