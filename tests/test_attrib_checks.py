"""The small text tests of bias/features/attrib_checks.py, with exact answers."""

from __future__ import annotations

from bias.features.attrib_checks import comma_before, first_word, name_elsewhere


def test_first_word() -> None:
    assert first_word("  -- Ana said", 0) == 5
    assert first_word("said", 2) == 2
    assert first_word("... !!", 1) == 1  # no letter: the offset itself


def test_comma_before() -> None:
    assert comma_before("Ana, \t said", 7) is True
    assert comma_before("Ana said", 4) is False
    assert comma_before("said", 0) is False


def test_name_elsewhere() -> None:
    text = "Rose said no. Later, Rose agreed. A rose bloomed."
    assert name_elsewhere(text, "Rose", 0) is True  # "Rose" also stands inside a sentence
    assert name_elsewhere("Rose said no. The end.", "Rose", 0) is False  # only at a sentence start


def _sources(text: str) -> list[tuple[str, str, bool, bool]]:
    from bias.corpus.segment import parse
    from bias.features.attrib_find import find_attribution_records
    from bias.model import Article

    found = find_attribution_records(parse(Article(id="x", outlet="o", title="t", text=text)))
    return [(text[a.source.start : a.source.end], a.kind, a.named, a.anonymous) for a in found if a.source]


def test_police_is_the_force_speaking_as_itself() -> None:
    # "police" is an institution, as "the court" or "the government": not an anonymous source.
    assert _sources("Police say the man fled on foot.") == [("Police", "organization", False, False)]
    assert _sources("The man fled, police said.") == [("police", "organization", False, False)]
    assert _sources("The police said the man fled.") == [("The police", "organization", False, False)]
    # an officer is a person identified only by role
    assert _sources("A police officer said the man fled.") == [("A police officer", "unnamed", False, True)]
    assert _sources("Police officers said the man fled.") == [("Police officers", "unnamed", False, True)]
    # a capital at the start of the sentence does not make a lone common noun a name
    assert _sources("Government said the plan would pass.") == [("Government", "organization", False, False)]


def test_a_cue_followed_only_by_a_time_reports_nothing() -> None:
    assert _sources("Investors will watch for signs of weakness when Hartley reports next week.") == []
    assert _sources("She will testify later this month.") == []
    # content before the source, or a quotation, still makes an attribution
    org = ("organization", False, False)
    vague = ("officials", "vague", False, True)
    assert _sources("The bridge collapsed, officials said on Thursday.") == [vague]
    assert _sources("“We will appeal,” the firm said on Monday.") == [("the firm", *org)]
    assert _sources("The firm said on Monday it would appeal.") == [("The firm", *org)]


def test_describe_needs_a_quotation_or_an_object() -> None:
    neighbors = [("Neighbors", "vague", False, True)]
    assert _sources("Neighbors described a quiet man who kept to himself.") == neighbors
    assert _sources("The smuggling described in the case began in 2022.") == []
