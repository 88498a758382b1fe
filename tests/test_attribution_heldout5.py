"""The fifth held-out set (tests/data/heldout5, tests/gold/heldout5_attribution.jsonl): seven invented
articles (obituary, Q&A interview, budget live blog, flood story, school board, leaked energy memo, arts
review), annotated by the guide and committed before the extractor ran on them.
First run (code of 2026-11-23 18:17): P 0.941, R 0.772, F1 0.848 (source 1.000, anonymity 0.958,
type 0.884, quote 1.000). The thresholds below are the figures after the general fixes tested here;
they may only go up. Known misses: "she recalled being told", "the Bureau" typed as an outlet.
"""

from __future__ import annotations

from bias.corpus.segment import parse
from bias.features.attrib_find import find_attribution_records
from bias.model import Article
from tests.goldsets import assert_figures, gold_result


def sources(text: str) -> list[tuple[str, str]]:
    p = parse(Article(id="t", outlet="o", title="", text=text))
    return [(text[a.source.start : a.source.end], a.kind) for a in find_attribution_records(p) if a.source]


def test_family_visitors_institutions_and_documents_are_source_nouns() -> None:
    assert sources("Her son said she loved the sea.") == [("Her son", "unnamed")]
    assert sources("The gallery said the show would close.") == [("The gallery", "organization")]
    assert sources("Another visitor said the show was moving.") == [("Another visitor", "unnamed")]
    assert sources("Several said the meeting was tense.") == [("Several", "vague")]
    assert sources("The Estrian Chamber of Commerce said trade had slowed.") == [
        ("The Estrian Chamber of Commerce", "organization")]


def test_outlet_words_times_and_possessives() -> None:
    assert sources("According to the Chronicle, the mayor had resigned.") == [("the Chronicle", "media")]
    assert sources("Ellen Star said the mayor had resigned.") == [("Ellen Star", "person")]
    assert sources("09:05 Prime Minister Henrik Dahl said the budget would pass.") == [
        ("Prime Minister Henrik Dahl", "person")]
    assert sources("The Fiscal Council's reports are normally published in May.") == []
    assert sources("Press reports about the row have helped.") == []
    assert sources("Reuters reports that the deal is off.") == [("Reuters", "media")]


def test_heldout5_figures_do_not_drop():
    assert_figures(gold_result("heldout5", "heldout5_attribution.jsonl"), 123,
                   precision=0.956,
                   recall=0.910,
                   f1=0.932,
                   source_overlap=0.999,
                   anonymous_accuracy=0.963,
                   source_type_accuracy=0.954,
                   quote_accuracy=0.999)


def test_question_and_answer_labels() -> None:
    text = ("Dana Reyes is the harbour master.\n\nQ: What do you do?\n\nReyes: Everything nobody notices.\n\n"
            "Note: The interview was edited.\n\nUpdate: Smith: not a speaker.")
    assert sources(text) == [("Reyes", "person")]


def test_company_names_and_their_short_forms() -> None:
    text = "Corran Energy was warned by engineers. In a statement, Corran said it takes every leak seriously."
    assert sources(text) == [("engineers", "vague"), ("Corran", "organization")]
    assert sources("Ellen Power said the wells were safe.") == [("Ellen Power", "person")]
    text = "Conrad Mayhew owns Mayhew Properties. Mayhew said he was at home."
    assert sources(text) == [("Mayhew", "person")]
