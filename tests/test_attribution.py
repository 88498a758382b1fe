"""Unit tests for the attribution extractor: exact spans for every form in issue #3."""

from __future__ import annotations

import pytest

from bias.corpus.segment import parse
from bias.features.attribution import EXTRACTOR, find_attributions
from bias.lexicons import load_lexicon
from bias.model import Article


def run_on(text: str):
    return EXTRACTOR.run(parse(Article(id="t", outlet="o", title="t", text=text)))


def recs(text: str):
    return run_on(text).records["attributions"]


def sp(text: str, sub: str, nth: int = 0) -> dict:
    """The exact {start, end, text} of the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return {"start": start, "end": start + len(sub), "text": sub}


def trip(d):
    return None if d is None else (d["start"], d["end"], d["text"])


def one(text: str) -> dict:
    rs = recs(text)
    assert len(rs) == 1, [r["cue"]["text"] for r in rs]
    return rs[0]


def test_split_direct_quote_one_attribution():
    t = "“We are ready,” she said. “We have waited long enough.”"
    r = one(t)
    assert trip(r["cue"]) == trip(sp(t, "said"))
    assert trip(r["source"]) == trip(sp(t, "she"))
    assert r["quote"] == "direct"
    c = r["content"]
    assert (c["start"], c["end"]) == (1, t.index("enough.") + len("enough."))


def test_run_on_quote_across_paragraphs_is_one_attribution():
    t = "“The first part,” the mayor said. “It runs on\n“and it continues here.”"
    r = one(t)
    assert trip(r["source"]) == trip(sp(t, "the mayor"))
    assert r["content"]["end"] == t.index("here.") + len("here.")


def test_colon_introduced_quotation():
    t = "Bondi: “They don’t care about their citizens.”"
    r = one(t)
    assert trip(r["cue"]) == (5, 6, ":")
    assert trip(r["source"]) == trip(sp(t, "Bondi"))
    assert (r["source"]["kind"], r["quote"]) == ("person", "direct")
    assert trip(r["content"]) == trip(sp(t, "They don’t care about their citizens."))


def test_dash_attributed_quotation_ice_spokesperson():
    t = "“This is just the beginning.” — ICE spokesperson"
    r = one(t)
    assert trip(r["cue"]) == trip(sp(t, "—"))
    assert trip(r["source"]) == trip(sp(t, "ICE spokesperson"))
    assert (r["source"]["kind"], r["source"]["named"], r["source"]["role"]) == ("unnamed", False, "official")


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The mayor said that taxes would rise.", "said", "The mayor", "taxes would rise"),
        ("Taxes will rise next year, the mayor said.", "said", "the mayor", "Taxes will rise next year"),
        ("Jane Doe told reporters that the plan was dead.", "told", "Jane Doe", "the plan was dead"),
        (
            "The plant will close, according to the union.",
            "according to",
            "the union",
            "The plant will close",
        ),
        (
            "The plant will close, as reported by the Boston Globe.",
            "as reported by",
            "the Boston Globe",
            "The plant will close",
        ),
        (
            "The senator, who chairs the committee, claimed the bill was dead.",
            "claimed",
            "The senator",
            "the bill was dead",
        ),
    ],
)
def test_indirect_forms(text, cue, source, content):
    r = one(text)
    assert trip(r["cue"]) == trip(sp(text, cue))
    assert trip(r["source"]) == trip(sp(text, source))
    assert trip(r["content"]) == trip(sp(text, content))
    assert r["quote"] == "indirect"


def test_said_x_inversion_keeps_apposition():
    t = "“There is so much potential,” said Jennifer Allen, executive director of the Border Action Network."
    r = one(t)
    src = "Jennifer Allen, executive director of the Border Action Network"
    assert trip(r["source"]) == trip(sp(t, src))
    assert (r["source"]["kind"], r["source"]["named"]) == ("person", True)


def test_stated_supervisory_official_with_initial():
    t = (
        "“We will prioritize the dismantling of cartels,” stated Supervisory Official Antoinette T. Bacon of "
        "the Justice Department’s Criminal Division."
    )
    r = one(t)
    assert trip(r["cue"]) == trip(sp(t, "stated"))
    src = "Supervisory Official Antoinette T. Bacon of the Justice Department’s Criminal Division"
    assert trip(r["source"]) == trip(sp(t, src))
    assert (r["source"]["kind"], r["source"]["named"], r["quote"]) == ("person", True, "direct")


@pytest.mark.parametrize(
    ("verb", "category"),
    [
        ("added", "neutral"),
        ("explained", "neutral"),
        ("testified", "neutral"),
        ("claimed", "distancing"),
        ("alleged", "distancing"),
        ("insisted", "distancing"),
        ("admitted", "conceding"),
        ("warned", "warning"),
        ("slammed", "charged"),
        ("suggested", "speculative"),
        ("confirmed", "factive"),
        ("denied", "disputing"),
    ],
)
def test_verb_categories(verb, category):
    t = f"The coach {verb} that the team was tired."
    r = one(t)
    assert trip(r["cue"]) == trip(sp(t, verb))
    assert r["cue"]["category"] == category
    assert trip(r["source"]) == trip(sp(t, "The coach"))


def test_agentless_it_was_reported():
    t = "It was reported that the mayor resigned."
    r = one(t)
    assert trip(r["cue"]) == trip(sp(t, "reported"))
    assert r["source"] is None
    assert trip(r["content"]) == trip(sp(t, "the mayor resigned"))


def test_court_documents_show():
    t = "Court documents show the firm paid $2 million."
    r = one(t)
    assert trip(r["source"]) == trip(sp(t, "Court documents"))
    assert r["source"]["kind"] == "document"


def test_nested_attribution_inside_quotation():
    t = "“My doctor told me that I was fine,” the patient said."
    rs = recs(t)
    assert [(r["cue"]["text"], r["nested"]) for r in rs] == [("told", True), ("said", False)]
    assert trip(rs[0]["source"]) == trip(sp(t, "My doctor"))


def test_senior_official_confidential_with_reason():
    t = (
        "“We are waiting,” said a senior official, who spoke on condition of anonymity because of the "
        "diplomatic sensitivity of the topic."
    )
    r = one(t)
    assert trip(r["source"]) == trip(sp(t, "a senior official"))
    assert r["source"]["kind"] == "confidential"
    assert trip(r["anonymity_reason"]) == trip(sp(t, "because of the diplomatic sensitivity of the topic"))


def test_critics_say_is_vague():
    t = "But critics say the move has nothing to do with safety."
    r = one(t)
    assert trip(r["source"]) == trip(sp(t, "critics"))
    assert r["source"]["kind"] == "vague"


def test_sources_told_reuters_is_confidential_without_reason():
    t = "Two sources told Reuters the deal was off."
    r = one(t)
    assert trip(r["source"]) == trip(sp(t, "Two sources"))
    assert r["source"]["kind"] == "confidential"
    assert r["anonymity_reason"] is None
    assert run_on(t).values["attribution__confidential_without_reason"] == 1.0


def test_mexican_news_outlets_reported():
    t = "The official was turned over to the DEA, Mexican news outlets reported."
    r = one(t)
    assert trip(r["source"]) == trip(sp(t, "Mexican news outlets"))
    assert (r["source"]["kind"], r["source"]["named"]) == ("media", False)


@pytest.mark.parametrize(
    "text",
    [
        "However, the agency has not released any statements confirming or denying the issue.",
        "He thinks the deal is good. She wants to run. They plan to leave. We hope it works.",
        "Reportedly, the talks failed. The officer allegedly took bribes.",
        "By Todd Bensman",
        "The company added 500 jobs. The reported cases rose.",
    ],
)
def test_non_attributions(text):
    assert recs(text) == ()


def test_pronoun_resolves_to_nearest_person():
    t = "Mayor Ana Ruiz said the city was ready. “We are ready,” she said."
    r = recs(t)[1]
    assert r["source"]["resolved"] == "Mayor Ana Ruiz"
    assert (r["source"]["kind"], r["source"]["named"]) == ("person", True)


def test_definite_anaphora_resolves():
    t = "A senior official said the talks stalled. The official said more funds were needed."
    rs = recs(t)
    assert rs[1]["source"]["resolved"] == "A senior official"


def test_generality_health_and_sports():
    t = (
        "Health experts warned that the virus could spread. "
        "The study found that vaccines cut deaths by half. "
        "Coach Mike Smith insisted his team was ready. “We have prepared well,” said Smith."
    )
    rs = recs(t)
    assert [(r["cue"]["text"], r["source"]["text"], r["source"]["kind"]) for r in rs] == [
        ("warned", "Health experts", "unnamed"),
        ("found", "The study", "document"),
        ("insisted", "Coach Mike Smith", "person"),
        ("said", "Smith", "person"),
    ]
    assert rs[3]["source"]["resolved"] == "Coach Mike Smith"


def test_metrics_and_evidence_derived_and_in_text():
    t = "“We are ready,” the senator said. Critics say the bill is dead. Two sources told Reuters it failed."
    res = run_on(t)
    v = res.values
    assert v["attribution__count"] == 3.0
    assert v["attribution__vague_share"] == pytest.approx(1 / 3)
    assert v["attribution__anonymous_share"] == pytest.approx(1.0)
    assert v["attribution__direct_share"] == pytest.approx(1 / 3)
    assert v["attribution__cue_neutral"] == 3.0
    assert v["attribution__quoted_word_share"] == pytest.approx(
        3 / len(parse(Article("t", "o", "t", t)).words)
    )
    for e in res.evidence:
        assert 0 <= e.span.start < e.span.end <= len(t)
    assert {e.kind for e in res.evidence} >= {
        "cue_neutral",
        "source_vague",
        "source_confidential",
        "quotation",
    }
    assert set(v) == set(EXTRACTOR.metric_names)
    summ = res.records["attribution_summary"][0]
    assert summ["first_source"] == "the senator" and summ["last_source"] == "Two sources"


def test_empty_text_gives_zeros():
    res = run_on("")
    assert all(x == 0.0 for x in res.values.values())
    assert res.records["attributions"] == ()


def test_record_fields_exact():
    r = one("Bondi said the county broke the law.")
    assert set(r) == {"sentence", "cue", "source", "content", "quote", "nested", "anonymity_reason"}
    assert set(r["cue"]) == {"start", "end", "text", "lemma", "category"}
    assert set(r["source"]) == {"start", "end", "text", "kind", "named", "resolved", "role"}


def test_find_attributions_is_pure_function():
    p = parse(Article("t", "o", "t", "Officials say the road is closed."))
    assert find_attributions(p) == find_attributions(p)
    assert find_attributions(p)[0].anonymous


def test_lexicons_every_row_explained_and_large():
    cues = load_lexicon("attribution_cues")
    assert len(cues.entries) >= 300
    assert {e.category for e in cues.entries} == {
        "neutral",
        "distancing",
        "conceding",
        "factive",
        "speculative",
        "emphatic",
        "warning",
        "disputing",
        "evaluative",
        "charged",
    }
    assert all(e.explanation and e.extra["lemma"] for e in cues.entries)
    nouns = load_lexicon("source_nouns")
    assert all(e.extra["role"] for e in nouns.entries)


def test_every_spec_documented():
    for s in EXTRACTOR.specs:
        assert s.name.startswith("attribution__") and s.label and s.description and s.higher_means


def test_generality_politics_title_person_and_confidential_reason():
    t = (
        "Senate Majority Leader Tom Hale blasted the proposal, calling it “a disgrace.” "
        "A spokeswoman for the governor declined to comment. Officials familiar with the talks, who asked "
        "not to be named because the talks are private, said a deal was close."
    )
    rs = recs(t)
    assert [(r["cue"]["text"], r["cue"]["category"]) for r in rs] == [
        ("blasted", "charged"),
        ("calling", "evaluative"),
        ("said", "neutral"),
    ]
    assert (rs[0]["source"]["kind"], rs[0]["source"]["named"]) == ("person", True)
    assert trip(rs[0]["source"]) == trip(sp(t, "Senate Majority Leader Tom Hale"))
    assert trip(rs[2]["source"]) == trip(sp(t, "Officials familiar with the talks"))
    assert rs[2]["source"]["kind"] == "confidential"
    assert trip(rs[2]["anonymity_reason"]) == trip(sp(t, "because the talks are private"))
