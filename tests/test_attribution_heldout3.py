"""The third held-out set (tests/data/heldout3, tests/gold/heldout3_attribution.jsonl): six invented
articles in styles the other sets lack (wire story with translated quotes, earnings, police blotter,
science, campaign, British home-affairs), annotated by the guide before the extractor ran on them.
First run: P 0.946, R 0.847, F1 0.894 (source 0.971, anonymity 0.962, type 0.905, quote 0.981).
The thresholds below are the figures after the general fixes tested here; they may only go up.
"""

from __future__ import annotations

from bias.corpus.segment import parse
from bias.features.attribution import EXTRACTOR
from bias.model import Article
from tests.goldsets import assert_figures, gold_result


def found(text: str) -> list[tuple[str, str | None, str]]:
    recs = EXTRACTOR.run(parse(Article(id="t", outlet="o", title="", text=text))).records["attributions"]
    return [
        (
            r["cue"]["text"],
            r["source"]["text"] if r["source"] else None,
            r["source"]["kind"] if r["source"] else "none",
        )
        for r in recs
    ]


def test_but_coordinates_a_second_cue():
    got = found("Brandt said the company had locked in its supply but conceded that prices would rise.")
    assert [(c, s) for c, s, _k in got] == [("said", "Brandt"), ("conceded", "Brandt")]


def test_not_involved_ends_the_head_and_participle_insertions_are_skipped():
    got = found("Scientists not involved in the study said the findings were consistent.")
    assert got == [("said", "Scientists not involved in the study", "vague")]
    got = found("Their results, published Monday in the journal Cryosphere Letters, show that ice thinned.")
    assert got[0][:2] == ("show", "Their results")


def test_one_of_insertion_and_role_for_name_apposition():
    assert found("Clearway Accommodation, one of three firms named in the report, said it would appeal.")[0][
        :2
    ] == ("said", "Clearway Accommodation")
    got = found("A spokesperson for the Gulf Cooperation Forum, Nadia Rahimi, said observers would go.")
    assert got == [("said", "A spokesperson for the Gulf Cooperation Forum, Nadia Rahimi", "person")]


def test_what_and_said_start_a_clause():
    got = found(
        'An aide said the senator was frustrated with what the aide described as "a reactive" operation.'
    )
    assert [(c, s) for c, s, _k in got] == [("said", "An aide"), ("described", "the aide")]


def test_reduced_passive_by_agent():
    got = found("The committee will spend $4 million, a figure first reported by Politico.")
    assert got == [("reported", "Politico", "media")]
    assert found("Revenue grew by far the most in Asia, the company reported by phone.") == [
        ("reported", "the company", "organization")
    ]


def test_coordinated_cue_skips_framing_post_and_modifier_use():
    got = found('The Democratic Front called the deal "a surrender" in a post on X and said it would fight.')
    assert ("said", "The Democratic Front") in [(c, s) for c, s, _k in got]
    got = found("She said low snowfall and repeated summer heat waves had exposed the ice.")
    assert [c for c, _s, _k in got] == ["said"]


def test_new_source_nouns_and_outlet_noun_before_a_name():
    assert found("The watchdog said taxpayers had been overcharged.") == [
        ("said", "The watchdog", "organization")
    ]
    assert found("Her campaign insists the change had nothing to do with polls.")[0][2] == "organization"
    assert found("Hydrologists have warned that river levels could fall.")[0][:2] == (
        "warned",
        "Hydrologists",
    )
    assert found("The World Food Programme said prices rose.")[0][2] == "organization"
    assert found("Tarsan's state news agency TNA reported that two soldiers were hurt.")[0][2] == "media"
    assert found("The reporter Anna Smith said no more.")[0][2] == "person"


def test_heldout3_figures_do_not_drop():
    assert_figures(gold_result("heldout3", "heldout3_attribution.jsonl"), 124,
                   precision=0.975,
                   recall=0.983,
                   f1=0.979,
                   source_overlap=0.991,
                   anonymous_accuracy=0.991,
                   source_type_accuracy=0.974,
                   quote_accuracy=0.991)
