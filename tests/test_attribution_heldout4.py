"""The fourth held-out set (tests/data/heldout4, tests/gold/heldout4_attribution.jsonl): seven invented
articles (council vote, football report, magazine feature, conflict dispatch with confidential
sources, drug-safety study, tech story with an embedded post, arson trial), annotated by the guide
and committed before the extractor ran on them.
First run: P 0.966, R 0.896, F1 0.929 (source 1.000, anonymity 0.929, type 0.884, quote 1.000).
The thresholds below are the figures after the general fixes tested here; they may only go up.
"""

from __future__ import annotations

from bias.corpus.segment import parse
from bias.features.attrib_find import find_attribution_records
from bias.model import Article
from tests.goldsets import assert_figures, gold_result


def resolved(text: str) -> list[tuple[str, str, str | None]]:
    p = parse(Article(id="t", outlet="o", title="", text=text))
    return [(text[a.source.start : a.source.end], a.kind, a.resolved)
            for a in find_attribution_records(p) if a.source is not None]


def test_a_pronoun_finds_a_full_name_of_unknown_gender_in_the_sentences_before() -> None:
    text = ("At dawn, Morag Findlay unlocks the post office on Skarra. There are 61 people on the "
            "island, and by nine, she says, she will have seen most of them.")
    assert resolved(text) == [("she", "person", "Morag Findlay")]
    # the nearest sentence first; not across more than one paragraph break
    text = ("Ewan Drummond keeps a tally of cancelled crossings. Last winter there were 38.\n\n"
            "He explains that the boat is old.")
    assert resolved(text) == [("He", "person", "Ewan Drummond")]
    far = ("Ewan Drummond keeps a tally.\n\nThe boat is old.\n\nThe ferry is late.\n\n"
           "He explains that it is slow.")
    assert resolved(far) == [("He", "unnamed", None)]


def test_names_after_the_and_known_other_gender_are_not_antecedents() -> None:
    text = 'A spokesman for the Northern Brigades spoke. "We did not fire," he said.'
    assert resolved(text) == [("he", "unnamed", None)]
    text = 'Ruth Mabey voted against it. "This is wrong," he said.'
    assert resolved(text) == [("he", "unnamed", None)]  # Ruth is a woman's name


def test_heldout4_figures_do_not_drop():
    assert_figures(gold_result("heldout4", "heldout4_attribution.jsonl"), 125,
                   precision=0.991,
                   recall=0.975,
                   f1=0.983,
                   source_overlap=0.999,
                   anonymous_accuracy=0.983,
                   source_type_accuracy=0.974,
                   quote_accuracy=0.999)


def test_opening_phrases_media_and_document_heads() -> None:
    def sources(text: str) -> list[tuple[str, str]]:
        return [(s, k) for s, k, _r in resolved(text)]

    # an opening phrase before a comma is not part of the subject (not a "City, State" comma)
    assert sources("On Tuesday, Whitlow said no offer had been made.") == [("Whitlow", "person")]
    assert sources("Asked about the talks on Friday, Whitlow said no.") == [("Whitlow", "person")]
    assert sources("Officials in Nogales, Sonora disclosed the figures.") == [
        ("Officials in Nogales, Sonora", "vague")]
    # outlets, documents and team roles by their words
    assert sources("According to the Harwick Mercury, the club is in talks.") == [
        ("the Harwick Mercury", "media")]
    assert sources("A report by the Nordhaven Institute estimated the cost.") == [
        ("A report by the Nordhaven Institute", "document")]
    assert sources('"He caught my ankle," the Kestrel striker said.') == [("the Kestrel striker", "unnamed")]
    # a subject never opens with a preposition; a heading that ends with the cue reports nothing
    assert sources("In a statement posted online, the firm said the app, called Match, was safe.") == [
        ("the firm", "organization")]
    assert sources("What they said\n\nThe coach said the team had played well.") == [("The coach", "unnamed")]


def test_postnominals_calls_for_and_reasons_after_a_source() -> None:
    def sources(text: str) -> list[tuple[str, str]]:
        return [(s, k) for s, k, _r in resolved(text)]

    assert sources("Ann Lee MP said the bill would pass.") == [("Ann Lee MP", "person")]
    assert sources("The barrister, Olivia Strand KC, suggested that the samples were old.") == [
        ("The barrister, Olivia Strand KC", "person")]
    assert sources("Researchers called for a randomised trial.") == [("Researchers", "vague")]
    # a reason clause ends the source phrase and is not its content; "At least" opens no phrase
    text = ("At least 27 civilians were killed, according to a doctor who spoke on condition of "
            "anonymity because he feared reprisals.")
    p = parse(Article(id="t", outlet="o", title="", text=text))
    (a,) = find_attribution_records(p)
    assert text[a.source.start : a.source.end] == "a doctor who spoke on condition of anonymity"
    assert text[a.content.start : a.content.end] == "At least 27 civilians were killed"
    assert a.kind == "confidential" and text[a.anonymity_reason.start : a.anonymity_reason.end] == (
        "because he feared reprisals")


def test_relative_clauses_take_their_antecedent_as_source() -> None:
    def found(text: str) -> list[tuple[str, str, str | None]]:
        p = parse(Article(id="t", outlet="o", title="", text=text))
        return [(text[a.cue.start : a.cue.end], text[a.source.start : a.source.end],
                 text[a.content.start : a.content.end] if a.content else None)
                for a in find_attribution_records(p) if a.source is not None]

    assert found("Smith, who said the plan was flawed, voted against it.") == [
        ("said", "Smith", "the plan was flawed")]
    assert found("The jury heard from Dean Whitcombe, a night guard, who said he saw a man.") == [
        ("said", "Dean Whitcombe, a night guard", "he saw a man")]
    assert found("A spokesman for the ministry, who said the talks would resume, left.") == [
        ("said", "A spokesman for the ministry", "the talks would resume")]
    # the anonymity formula is not speech
    assert found("An official in Al-Hadra, who asked not to be named, said the shelling went on.") == [
        ("said", "An official in Al-Hadra", "the shelling went on")]


def test_an_insertion_tells_a_name_is_an_institution_or_outlet() -> None:
    def sources(text: str) -> list[tuple[str, str]]:
        return [(s, k) for s, k, _r in resolved(text)]

    assert sources("Corvane, the company behind the app Pulse, said the feature was optional.") == [
        ("Corvane", "organization")]
    assert sources("Harmon Biologics, which makes the drug, said the label warns of risks.") == [
        ("Harmon Biologics", "organization")]
    marsh = [("Ellen Marsh", "person")]
    assert sources("Byte Street, a technology newsletter, said it was new.") == [("Byte Street", "media")]
    assert sources("Ellen Marsh, who leads the group, said the report was late.") == marsh
    assert sources("Ellen Marsh, a spokeswoman, said the report was late.") == marsh


def test_two_word_head_terms_and_offices() -> None:
    def sources(text: str) -> list[tuple[str, str]]:
        return [(s, k) for s, k, _r in resolved(text)]

    assert sources("State television reported that he resigned.") == [("State television", "media")]
    assert sources("The president said the talks had failed.") == [("The president", "unnamed")]
    assert sources("President Elias Vorn said the talks had failed.") == [("President Elias Vorn", "person")]


def test_relative_clauses_and_ages_inside_the_subject() -> None:
    def sources(text: str) -> list[tuple[str, str]]:
        return [(s, k) for s, k, _r in resolved(text)]

    assert sources("Residents who stayed behind said the city was quiet.") == [
        ("Residents who stayed behind", "vague")]
    assert sources("The man who said he saw it ran away.") == [("The man", "unnamed")]
    assert sources("Hana Suleiman, 34, who left on foot, said it was quiet.") == [("Hana Suleiman", "person")]
