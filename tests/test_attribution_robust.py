"""Robustness of the attribution extractor beyond the seeds: sentence ends, pronoun agreement,
statements, outlet names, object-only speech acts, politicians' roles, and the held-out gold set.

The held-out set (tests/data/heldout, tests/gold/heldout_attribution.jsonl) holds seven invented
articles in other topics and house styles, annotated by the guide before the extractor ran on them.
First run (before the fixes in this file): P 0.983, R 0.817, F1 0.892. Thresholds below are the
figures reached after the fixes; they may only go up.
"""

from __future__ import annotations

import pytest

from bias.corpus.segment import parse
from bias.features.attribution import EXTRACTOR
from bias.model import Article
from tests.goldsets import assert_figures, gold_result


def recs(text: str):
    return EXTRACTOR.run(parse(Article(id="t", outlet="o", title="t", text=text))).records["attributions"]


def trip(d):
    return None if d is None else (d["start"], d["end"], d["text"])


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return (start, start + len(sub), sub)


def by_cue(text: str) -> dict[str, dict]:
    return {r["cue"]["text"]: r for r in recs(text)}


def test_source_stops_at_sentence_end_after_no():
    t = (
        "The motion passed, with only one supervisor, Kathryn Barger, voting no. "
        "The board claimed that ICE raids were unlawful."
    )
    r = by_cue(t)["claimed"]
    assert trip(r["source"]) == at(t, "The board")
    assert trip(r["content"]) == at(t, "ICE raids were unlawful")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("He moved to the U.S. The board said the move was legal.", "The board"),
        ("The U.S. Border Patrol said the wall works.", "The U.S. Border Patrol"),
        ("Bill No. 5 passed, Sen. Joe Hall said.", "Sen. Joe Hall"),
    ],
)
def test_abbreviation_dots(text, source):
    assert trip(by_cue(text)["said"]["source"]) == at(text, source)


def test_she_does_not_resolve_to_a_man():
    t = "Police Chief Tom Reyes warned that the roads were icy. She added that schools would stay closed."
    r = by_cue(t)["added"]
    assert trip(r["source"]) == at(t, "She")
    assert (r["source"]["resolved"], r["source"]["kind"]) == (None, "unnamed")  # left unresolved


def test_she_takes_the_most_recent_woman():
    t = (
        "Mayor Ann Liu said the roads were icy. Police Chief Tom Reyes said schools would close. "
        "She added that buses would run."
    )
    r = by_cue(t)["added"]
    assert (r["source"]["resolved"], r["source"]["kind"], r["source"]["role"]) == (
        "Mayor Ann Liu",
        "person",
        "politician",
    )


def test_she_after_a_surname_takes_gender_from_the_full_name():
    t = (
        "Coach Ellen Marsh was angry. “We were slow,” Marsh said. Striker Tom Ruiz scored twice. "
        "Silva, the goalkeeper, was modest. Then Marsh spoke again. “We will be back,” she said."
    )
    rs = recs(t)
    assert trip(rs[-1]["source"]) == at(t, "she")
    assert rs[-1]["source"]["resolved"] == "Marsh"


@pytest.mark.parametrize(
    ("text", "resolved", "kind"),
    [
        (
            "The ministry said the talks failed. It added that a deal was possible.",
            "The ministry",
            "organization",
        ),
        ("Officials said the talks failed. They added that a deal was possible.", "Officials", "vague"),
        (
            "The union representing about 12,000 workers said the offer was low. "
            "It said the strike would last.",
            "The union representing about 12,000 workers",
            "organization",
        ),
    ],
)
def test_it_and_they_agree_in_number(text, resolved, kind):
    r = recs(text)[-1]
    assert (r["source"]["resolved"], r["source"]["kind"]) == (resolved, kind)


def test_it_skips_a_plural_source():
    t = "Officials said the talks failed. It added that a deal was possible."
    assert recs(t)[-1]["source"]["resolved"] is None


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "The senator declined to comment, but a statement from his office said the bill was flawed.",
            "said",
            "a statement from his office",
        ),
        ("A statement from the Red Cross said the camp was full.", "said", "A statement from the Red Cross"),
        (
            "In a statement from his office, the decision was called a mistake.",
            "In a statement",
            "a statement from his office",
        ),
    ],
)
def test_statements_are_documents(text, cue, source):
    r = by_cue(text)[cue]
    assert trip(r["source"]) == at(text, source)
    assert (r["source"]["kind"], r["source"]["named"]) == ("document", False)


def test_in_a_statement_with_a_verb_is_one_attribution_and_not_content():
    t = "In a statement, the company said it would appeal."
    rs = recs(t)
    assert [r["cue"]["text"] for r in rs] == ["said"]
    assert trip(rs[0]["source"]) == at(t, "the company")
    assert trip(rs[0]["content"]) == at(t, "it would appeal")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The deal is off, Reuters reported.", "Reuters"),
        ("AP reported that the deal was off.", "AP"),
        ("The deal is off, according to The New York Times.", "The New York Times"),
        ("The deal is off, the El Paso Times reported.", "the El Paso Times"),
        ("The deal is off, La Presse reported.", "La Presse"),
        ("The Bureau reported that the deal was off.", "The Bureau"),
        ("Fox News reported that the deal was off.", "Fox News"),
        ("The deal is off, the Riverside Ledger reported.", "the Riverside Ledger"),
        ("British broadcaster BBC reported that the deal was off.", "British broadcaster BBC"),
    ],
)
def test_outlets_are_named_media(text, source):
    r = recs(text)[0]
    assert trip(r["source"]) == at(text, source)
    assert (r["source"]["kind"], r["source"]["named"], r["source"]["role"]) == ("media", True, "media")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Michael Bloomberg said the plan failed.", "person"),
        ("The Bureau of Prisons said the inmate died.", "organization"),
    ],
)
def test_outlet_words_inside_other_names(text, kind):
    assert recs(text)[0]["source"]["kind"] == kind


def test_object_only_speech_act_is_an_attribution_with_the_object_as_content():
    t = "Opponents blasted the plan."
    r = recs(t)[0]
    assert (trip(r["cue"]), trip(r["source"]), trip(r["content"])) == (
        at(t, "blasted"),
        at(t, "Opponents"),
        at(t, "the plan"),
    )
    assert (r["cue"]["category"], r["source"]["kind"], r["quote"]) == ("charged", "vague", "indirect")


@pytest.mark.parametrize(
    "text",
    [
        "Council member Raj Patel said the budget was too small.",
        "Councilwoman Ana Ruiz said the budget was too small.",
        "Economy Minister Lars Brenner said the budget was too small.",
        "State Sen. Mike Hall said the budget was too small.",
        "Alderman Joe Kerr said the budget was too small.",
        "Deputy Mayor Ann Lee said the budget was too small.",
    ],
)
def test_politician_roles(text):
    assert recs(text)[0]["source"]["role"] == "politician"


def test_name_apposition_is_part_of_the_source():
    t = "Whitfield's attorney, Daniel Osei, argued that his client had been overwhelmed."
    r = recs(t)[0]
    assert trip(r["source"]) == at(t, "Whitfield's attorney, Daniel Osei")
    assert (r["source"]["kind"], r["source"]["named"]) == ("person", True)


def test_coordinated_cues_split_the_content():
    t = 'In a statement, it said the offer was "fair and generous" and warned that cargo could move.'
    r = by_cue(t)
    assert trip(r["said"]["content"]) == at(t, 'the offer was "fair and generous"')
    assert trip(r["warned"]["content"]) == at(t, "cargo could move")


def test_agentless_said_to_be():
    t = "The pair were said to have rowed at a villa."
    r = recs(t)[0]
    assert (trip(r["cue"]), r["source"]) == (at(t, "said"), None)


def test_heldout_figures_do_not_drop():
    assert_figures(gold_result("heldout", "heldout_attribution.jsonl"), 71,
                   f1=0.97,
                   precision=0.98,
                   recall=0.97,
                   source_overlap=0.99,
                   anonymous_accuracy=0.98,
                   source_type_accuracy=0.99,
                   quote_accuracy=0.95)


def test_plural_bodies_are_vague_and_union_leaders_are_advocates() -> None:
    from bias.corpus.segment import parse
    from bias.features.attribution import EXTRACTOR
    from bias.model import Article

    text = ("Dockworkers walk out\n\"We are not against machines,\" union president Dana Whitcombe said. "
            "Shipping companies said nine vessels were waiting.")
    atts = EXTRACTOR.run(parse(Article(id="u", outlet="o", title="", text=text))).records["attributions"]
    got = [(a["source"]["text"], a["source"]["kind"], a["source"]["named"], a["source"]["role"])
           for a in atts]
    assert got == [("union president Dana Whitcombe", "person", True, "advocate_ngo"),
                   ("Shipping companies", "vague", False, "unknown")]
