"""Sentence alignment across outlets within one story, and the source ledger."""

from __future__ import annotations

from bias.compare.align import align_story, source_ledger
from bias.model import Article, ArticleScores, Span


def _scores(aid: str, outlet: str, title: str, body: list[str], sources=()) -> ArticleScores:
    text = title + "\n\n" + " ".join(body)
    spans, pos = [Span(0, len(title))], len(title) + 2
    for sent in body:
        spans.append(Span(pos, pos + len(sent)))
        pos += len(sent) + 1
    recs = tuple({"source": {"text": t, "kind": k, "named": n, "resolved": None}} for t, k, n in sources)
    art = Article(id=aid, outlet=outlet, title=title, text=text)
    return ArticleScores(
        article=art, values={}, evidence=(), sentences=tuple(spans), records={"attributions": recs}
    )


A = _scores(
    "a",
    "Wire",
    "Port strike begins",
    [
        "Dockworkers at the Port of Calder walked off the job on Tuesday.",
        "Port director Luis Okafor said the 14 percent offer was fair.",
        "A federal mediator will meet both sides on Thursday.",
    ],
    [("Luis Okafor", "person", True), ("Dana Whitcombe", "person", True)],
)
B = _scores(
    "b",
    "Ledger",
    "Calder strike",
    [
        "Calder dockworkers walked off the job at the Port of Calder.",
        "Okafor called the 14 percent offer fair.",
        "Crane operator Marisol Ventura fears the robots.",
    ],
    [("Okafor", "person", True), ("Marisol Ventura", "person", True), ("officials", "vague", False)],
)


def test_alignment_spans_and_only_here():
    wire, ledger = align_story([A, B])
    assert (wire.article_id, wire.outlet, wire.headline) == ("a", "Wire", "Port strike begins")
    assert (wire.lede.start, wire.lede.end) == (20, 84)
    assert wire.lede_text == "Dockworkers at the Port of Calder walked off the job on Tuesday."
    assert [(s.span.start, s.span.end) for s in wire.sentences] == [(20, 84), (85, 146), (147, 199)]
    first, okafor, mediator = wire.sentences
    assert first.best.outlet == "Ledger" and first.best.text.startswith("Calder dockworkers")
    assert (first.best.span.start, first.best.span.end) == (15, 75)
    assert okafor.best.text == "Okafor called the 14 percent offer fair." and not okafor.only_here
    assert okafor.best.similarity >= 0.2
    assert mediator.only_here and mediator.best.similarity < 0.2
    assert [s.only_here for s in ledger.sentences] == [False, False, True]


def test_threshold_can_be_overridden():
    wire, _ = align_story([A, B], min_similarity=0.99)
    assert all(s.only_here for s in wire.sentences)


def test_source_ledger():
    wire, ledger = source_ledger([A, B])[::-1]  # outlets come sorted: Ledger, Wire
    assert wire.outlet == "Wire" and ledger.outlet == "Ledger"
    assert wire.quoted == ("Dana Whitcombe", "Luis Okafor")
    assert wire.missing == (("Marisol Ventura", ("Ledger",)),)
    assert ledger.quoted == ("Luis Okafor", "Marisol Ventura")  # "Okafor" matched by surname
    assert ledger.missing == (("Dana Whitcombe", ("Wire",)),)
