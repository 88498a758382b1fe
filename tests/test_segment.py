"""Segmentation: exact spans for paragraphs, sentences, words and quotations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bias.corpus.parsed import Parsed
from bias.corpus.segment import parse
from bias.model import Article, Span

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _parse(text: str) -> Parsed:
    return parse(Article(id="t", outlet="o", title="", text=text))


def _triples(spans: tuple[Span, ...], text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.of(text)) for s in spans]


def sentences(text: str) -> list[tuple[int, int, str]]:
    return _triples(_parse(text).sentences, text)


def quotes(text: str) -> list[tuple[tuple[int, int, str], tuple[int, int, str], bool, bool]]:
    return [
        ((q.span.start, q.span.end, q.span.of(text)), (q.inner.start, q.inner.end, q.inner.of(text)),
         q.closed, q.paragraph_continued)
        for q in _parse(text).quotes
    ]


def _seed_paragraph(prefix: str) -> str:
    """The seed paragraph (line) that starts with ``prefix``; fails if the seeds changed."""
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(prefix):
                return line.strip()
    raise AssertionError(f"no seed paragraph starts with {prefix!r}")


# --- paragraphs -------------------------------------------------------------------------------

def test_paragraphs_are_trimmed_non_empty_lines():
    text = "  Title \n\n\t\nBody one.  \n   \nBody two."
    assert _triples(_parse(text).paragraphs, text) == [
        (2, 7, "Title"), (12, 21, "Body one."), (28, 37, "Body two."),
    ]


# --- sentences --------------------------------------------------------------------------------

def test_titles_and_dotted_acronyms_do_not_split():
    text = "U.S. Customs agents met Gen. Smith and Lt. Jones. The U.S.-Mexico talks went on."
    assert sentences(text) == [
        (0, 49, "U.S. Customs agents met Gen. Smith and Lt. Jones."),
        (50, 80, "The U.S.-Mexico talks went on."),
    ]


def test_dotted_acronym_ends_sentence_before_a_sentence_opener():
    text = "Lawyers moved to Washington, D.C. The move helped. Hours in the U.S. Senate grew."
    assert sentences(text) == [
        (0, 33, "Lawyers moved to Washington, D.C."),
        (34, 50, "The move helped."),
        (51, 81, "Hours in the U.S. Senate grew."),
    ]


def test_name_suffix_and_ranks():
    text = "Manuel Perez Jr., a U.S. officer, was arrested. He was fired. Ask Bob Smith Jr. He knows."
    assert sentences(text) == [
        (0, 47, "Manuel Perez Jr., a U.S. officer, was arrested."),
        (48, 61, "He was fired."),
        (62, 79, "Ask Bob Smith Jr."),
        (80, 89, "He knows."),
    ]
    text = "Capt. Eduardo Pena, Sgt. Ruiz and Dr. Ng spoke. Mr. and Mrs. Lee met Ms. Diaz at St. Mary."
    assert sentences(text) == [
        (0, 47, "Capt. Eduardo Pena, Sgt. Ruiz and Dr. Ng spoke."),
        (48, 90, "Mr. and Mrs. Lee met Ms. Diaz at St. Mary."),
    ]


def test_company_number_and_month_abbreviations():
    text = ("He works at Acme Inc. The firm and Smith Co. grew. "
            "It was No. 5 on Sept. 15 and Aug. 9. In Feb. 2 men left.")
    assert sentences(text) == [
        (0, 21, "He works at Acme Inc."),
        (22, 50, "The firm and Smith Co. grew."),
        (51, 87, "It was No. 5 on Sept. 15 and Aug. 9."),
        (88, 107, "In Feb. 2 men left."),
    ]


def test_am_pm_ends_a_sentence_unless_the_next_word_continues_the_time():
    text = ("The vote was at 5 p.m. The next day it failed. "
            "It starts at 9 a.m. EST on Monday. We left at 5 p.m. Friday.")
    assert sentences(text) == [
        (0, 22, "The vote was at 5 p.m."),
        (23, 46, "The next day it failed."),
        (47, 81, "It starts at 9 a.m. EST on Monday."),
        (82, 107, "We left at 5 p.m. Friday."),
    ]


def test_initials():
    text = _seed_paragraph("“From day one, the Attorney General")
    result = sentences(text)
    assert len(result) == 2
    assert result[0][2].endswith(
        "stated Supervisory Official Antoinette T. Bacon of the Justice Department’s Criminal Division."
    )
    assert result[1][2].startswith("This operation exemplifies")
    assert sentences("J. R. R. Tolkien wrote it. He died.") == [
        (0, 26, "J. R. R. Tolkien wrote it."), (27, 35, "He died."),
    ]


def test_ellipses_end_a_sentence_only_before_a_capitalised_word():
    text = ("It could be destined for failure. . . . Right now we wait. "
            "The expulsion of migrants . . . so we can avoid it. Wait… then go. Wait… Then go.")
    assert sentences(text) == [
        (0, 39, "It could be destined for failure. . . ."),
        (40, 58, "Right now we wait."),
        (59, 110, "The expulsion of migrants . . . so we can avoid it."),
        (111, 125, "Wait… then go."),
        (126, 131, "Wait…"),
        (132, 140, "Then go."),
    ]


def test_thin_spaced_ellipsis_from_seed_does_not_split():
    text = _seed_paragraph("“We understand that we need logistical support")
    assert "\u2009" in text  # the seed writes ". . ." with thin spaces
    assert [s[2] for s in sentences(text)] == [
        "“We understand that we need logistical support to reinforce the expulsion of migrants"
        " .\u2009.\u2009. so we can avoid the movement and the normal flow to the United States,”"
        " the official said.",
        "“We need to change the migration politics of the border of the United States so we can send"
        " a very clear message to the migrants.”",
    ]


def test_decimals():
    assert sentences("They seized $2.2 million. About 1.5 million crossed.") == [
        (0, 25, "They seized $2.2 million."), (26, 52, "About 1.5 million crossed."),
    ]


def test_quotations_that_end_sentences_and_question_marks():
    text = "“We’re waiting.” The official left. “Why?” she asked. Why? Because! It works."
    assert sentences(text) == [
        (0, 16, "“We’re waiting.”"),
        (17, 35, "The official left."),
        (36, 53, "“Why?” she asked."),
        (54, 58, "Why?"),
        (59, 67, "Because!"),
        (68, 77, "It works."),
    ]


def test_seed_quote_with_commander_title():
    text = _seed_paragraph("“We are planting a seed")
    assert sentences(text) == [
        (0, 146, "“We are planting a seed of binational cooperation that interests all of us,”"
                 " Mexican federal police Cmdr. Armando Trevino said Tuesday in Nogales."),
        (147, 179, "“We are fighting a common enemy."),
        (180, 254, "We are going to work together like friends, like comrades, like brothers.”"),
    ]


def test_headings_and_list_items_are_their_own_sentences_without_markers():
    text = "Key Takeaways\n- A U.S. Customs officer was linked to a cartel.\n1. CBP Officer Arrested\nSources"
    assert sentences(text) == [
        (0, 13, "Key Takeaways"),
        (16, 62, "A U.S. Customs officer was linked to a cartel."),
        (66, 86, "CBP Officer Arrested"),
        (87, 94, "Sources"),
    ]


def test_sentences_never_cross_paragraphs():
    text = "One line without stop\nSecond line. Third"
    assert sentences(text) == [(0, 21, "One line without stop"), (22, 34, "Second line."), (35, 40, "Third")]


# --- words ------------------------------------------------------------------------------------

def test_words():
    text = "Don’t rock’n’roll in the ’90s: U.S.-Mexico talks cost $2.2 million, 10,000 at 5 p.m. -- a_b"
    assert _triples(_parse(text).words, text) == [
        (0, 5, "Don’t"), (6, 17, "rock’n’roll"), (18, 20, "in"), (21, 24, "the"), (26, 29, "90s"),
        (31, 42, "U.S.-Mexico"), (43, 48, "talks"), (49, 53, "cost"), (55, 58, "2.2"),
        (59, 66, "million"), (68, 74, "10,000"), (75, 77, "at"), (78, 79, "5"), (80, 84, "p.m."),
        (88, 89, "a"), (90, 91, "b"),
    ]


# --- quotations -------------------------------------------------------------------------------

def test_straight_quotes_pair_within_a_paragraph():
    assert quotes('"Yes," he said. "No."') == [
        ((0, 6, '"Yes,"'), (1, 5, "Yes,"), True, False),
        ((16, 21, '"No."'), (17, 20, "No."), True, False),
    ]
    assert quotes('He said "no" and "maybe') == [
        ((8, 12, '"no"'), (9, 11, "no"), True, False),
        ((17, 23, '"maybe'), (18, 23, "maybe"), False, False),
    ]


def test_nested_quote_gives_only_the_outer_quotation():
    assert quotes("“He said ‘no’ to me,” she said.") == [
        ((0, 21, "“He said ‘no’ to me,”"), (1, 20, "He said ‘no’ to me,"), True, False),
    ]


def test_single_curly_quotes_versus_apostrophes():
    text = "‘We need support’\nDon’t blame Panama’s rock’n’roll in the ’90s or the officers’ union."
    assert quotes(text) == [((0, 17, "‘We need support’"), (1, 16, "We need support"), True, False)]
    assert quotes("the ‘90s band and the officers’ union") == []


def test_quotation_continued_across_paragraphs():
    text = "“First part of a long quote.\n“Second part, still quoting.\n“Third part,” he said."
    assert quotes(text) == [
        ((0, 28, "“First part of a long quote."), (1, 28, "First part of a long quote."), False, False),
        ((29, 57, "“Second part, still quoting."), (30, 57, "Second part, still quoting."), False, True),
        ((58, 71, "“Third part,”"), (59, 70, "Third part,"), True, True),
    ]


def test_unbalanced_opening_is_cut_at_paragraph_end():
    text = "He said “never mind.\nNext paragraph."
    assert quotes(text) == [((8, 20, "“never mind."), (9, 20, "never mind."), False, False)]


def test_mixed_marks_and_inch_marks():
    assert quotes('“We are done," he said.') == [
        ((0, 14, '“We are done,"'), (1, 13, "We are done,"), True, False),
    ]
    assert quotes('He is 5\'10" tall. "Yes."') == [((18, 24, '"Yes."'), (19, 23, "Yes."), True, False)]


def test_seed_waiting_quote():
    text = _seed_paragraph("“We’re waiting,”")
    assert quotes(text)[0][:3] == ((0, 16, "“We’re waiting,”"), (1, 15, "We’re waiting,"), True)
    assert sentences(text)[0] == (
        0, 146, "“We’re waiting,” said a senior Panama government official, who spoke on condition of"
                " anonymity because of the diplomatic sensitivity of the topic.",
    )


def test_seed_messy_quote_stays_in_its_paragraph():
    text = _seed_paragraph("“Smugglers in intercepted phone calls")
    n = len(text)
    assert quotes(text) == [((0, n, text), (1, n - 1, text[1:-1]), True, False)]
    # in the whole file it must not run into the next paragraph either
    full = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    parsed = _parse(full)
    start = full.index(text)
    hits = [q for q in parsed.quotes if q.span.start == start]
    assert [(q.span.start, q.span.end) for q in hits] == [(start, start + n)]


def test_seed_nickname_quote():
    text = "Jose Guillermo “La Barbie” Duarte Astorga the deputy"
    assert text in _seed_paragraph("U.S. federal authorities recently arrested")
    assert quotes(text) == [((15, 26, "“La Barbie”"), (16, 25, "La Barbie"), True, False)]


def test_seed_files_parse_with_expected_quotes():
    full = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    found = [q.span.of(full) for q in _parse(full).quotes]
    assert "“We are planting a seed of binational cooperation that interests all of us,”" in found
    assert "“mirror”" in found
    assert len(found) == 15


@pytest.mark.parametrize("text", ["", '"""', "“”‘’", "\x00\"\x00", "‘", '" "', "“…”", "\n\n", " . . . "])
def test_degenerate_inputs_give_no_quotes_and_do_not_raise(text):
    parsed = _parse(text)
    assert parsed.quotes == ()


def test_very_long_line():
    text = ("word “quote. " * 5000) + "x" * 100_000 + " " * 50_000 + "."
    parsed = _parse(text)
    assert parsed.paragraphs == (Span(0, len(text)),)
    assert parsed.quotes[0].span.start == 5


# --- properties -------------------------------------------------------------------------------

_ALPHABET = st.one_of(
    st.sampled_from(list("aB .!?…“”‘’\"'\n\t-,0U.S\u2009\x00(“")),
    st.sampled_from(["p.m. ", "Mr. ", ". . . ", "1. ", "- "]),
    st.characters(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_parse_never_raises_and_spans_are_valid(text):
    parsed = _parse(text)
    n = len(text)
    for group in (parsed.paragraphs, parsed.sentences, parsed.words):
        assert list(group) == sorted(group)
        for span in group:
            assert 0 <= span.start < span.end <= n
    for a, b in zip(parsed.sentences, parsed.sentences[1:], strict=False):
        assert a.end <= b.start
    for s in parsed.sentences:
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        assert any(p.contains(s) for p in parsed.paragraphs)
    for w in parsed.words:
        assert any(ch.isalnum() for ch in w.of(text))
    previous_end = 0
    for q in parsed.quotes:
        assert q.span.start >= 0 and q.span.end <= n
        assert q.span.contains(q.inner)
        assert any(p.contains(q.span) for p in parsed.paragraphs)
        assert q.span.start >= previous_end
        previous_end = q.span.end
