"""Helpers added to make the attribution extractor faster give exactly the answers of the plain scans."""

from __future__ import annotations

from bias.features.attrib_lexicon import cue_at, default_tables, is_outlet


def _scan(tables, low, i):
    """The original scan: the first form of ``low[i]`` (longest first) whose words follow."""
    for form in tables.cues_by_first.get(low[i], ()):
        if tuple(low[i : i + len(form.words)]) == form.words:
            return form
    return None


def test_cue_at_examples() -> None:
    t = default_tables()
    text = "in a statement , the minister said in the end as reported by x according to"
    low = text.split(" ")
    assert cue_at(t, low, 0).words == ("in", "a", "statement")  # type: ignore[union-attr]
    assert cue_at(t, low, 6).words == ("said",)  # type: ignore[union-attr]
    assert cue_at(t, low, 7) is None  # "in the": no cue
    assert cue_at(t, low, 10).words == ("as", "reported", "by")  # type: ignore[union-attr]
    assert cue_at(t, low, 14).words == ("according", "to")  # type: ignore[union-attr]
    assert cue_at(t, ["according"], 0) is None  # a two-word form cut off by the end
    assert cue_at(t, ["said"], 0).words == ("said",)  # type: ignore[union-attr]


def test_cue_at_equals_scan_for_every_form() -> None:
    t = default_tables()
    forms = [f for fs in t.cues_by_first.values() for f in fs]
    for f in forms:
        for tail in ((), ("x",), ("the", "x")):
            low = [*f.words, *tail]
            assert cue_at(t, low, 0) is _scan(t, low, 0)
            short = list(f.words[:-1])
            if short:
                assert cue_at(t, short, 0) is _scan(t, short, 0)


def test_outlet_ends_and_is_outlet() -> None:
    t = default_tables()
    assert t.outlet_ends == frozenset(o.split(" ")[-1] for o in t.outlets)
    assert "reuters" in t.outlet_ends
    assert is_outlet(t, ["Reuters"], ["Reuters"])
    assert not is_outlet(t, ["Michael", "Bloomberg"], ["Michael", "Bloomberg"])
    assert not is_outlet(t, ["the", "minister"], ["the", "minister"])
    assert not is_outlet(t, [], [])


def test_paragraph_index() -> None:
    from bias.features.attrib_resolve import paragraph_index
    from bias.model import Span

    paras = (Span(0, 10), Span(12, 20), Span(25, 30))
    starts = [p.start for p in paras]
    assert paragraph_index(paras, starts, Span(0, 3)) == 0
    assert paragraph_index(paras, starts, Span(12, 20)) == 1
    assert paragraph_index(paras, starts, Span(26, 28)) == 2
    assert paragraph_index(paras, starts, Span(9, 13)) is None  # across two paragraphs
    assert paragraph_index(paras, starts, Span(21, 22)) is None  # between paragraphs
    assert paragraph_index((), [], Span(0, 1)) is None


def test_abbrev_before_long_words_and_abbreviations() -> None:
    from bias.features.attrib_window import abbrev_before

    def at(text: str, lo: int = 0) -> bool:
        return abbrev_before(text, lo, text.index(". "))

    assert not at("He left Washington. The board met.")  # a long word: decided by the fast path
    assert not at("It fell sharply. Then")
    assert at("Speaking to Sen. Hall")  # a title
    assert at("Antoinette T. Bacon")  # an initial
    assert not at("made in the U.S. The board")  # may end a sentence, and "The" opens one
    assert at("made in the U.S. market")
    assert at("Nov. 5 was")
    assert not at("in Nov. The")
    assert at("Corp. sales")
    # the run of letters is read from ``lo`` on: "n" alone is an initial, "on" is no abbreviation
    assert at("Washington. The", lo=9)
    assert not at("Washington. The", lo=8)
    assert not at("Washington. The", lo=5)  # "ngton": longer than any abbreviation


def test_capital_run_and_acronyms_are_capitalized() -> None:
    from bias.features.attrib_lexicon import _capital_run, is_acronym

    for w in ("CBP", "NGOs", "U.S.", "CBP’s", "cbp", "s", "’s", "", "Us", "x.Y."):
        assert not is_acronym(w) or w[:1].isupper()
    assert _capital_run(["the", "El", "Paso", "Times"]) == ["El", "Paso", "Times"]
    assert _capital_run(["Maria", "de", "la", "Cruz"]) == ["Maria", "de", "la", "Cruz"]
    assert _capital_run(("de", "Cruz")) == ["de", "Cruz"]
    assert _capital_run(["la"]) == []  # a particle alone does not start a run
    assert _capital_run(["CBP"]) == ["CBP"]
    assert _capital_run(["officials"]) == []
    assert _capital_run([]) == []


def test_noun_roles_table_and_role_of():
    """The per-word role table (built once with the tables) and the roles it gives phrases."""
    from bias.features.attrib_lexicon import default_tables, role_of

    t = default_tables()
    assert t.noun_roles["spokesperson"] == frozenset({"official"})
    assert t.noun_roles["prosecutors"] == frozenset({"prosecution_court"})
    assert t.noun_roles["attorney"] == frozenset({"defense"})
    assert "the" not in t.noun_roles
    assert role_of(t, ("the", "attorney", "general")) == "official"  # the two-word term wins
    assert role_of(t, ("defense", "attorney", "Jane")) == "defense"
    assert role_of(t, ("immigration", "advocates")) == "advocate_ngo"
    assert role_of(t, ("the", "man")) == "unknown"
    assert role_of(t, ()) == "unknown"


def test_word_before_a_cue_from_the_parse():
    """The word before a cue, read from the parse, or None where the text must be read as written."""
    from bias.corpus.segment import parse
    from bias.features.attrib_find import _Finder
    from bias.features.attrib_lexicon import default_tables
    from bias.model import Article

    text = "The Report said. Smith, said. 'Jones said. X-ray said."
    parsed = parse(Article(id="t", outlet="o", title="t", text=text))
    f = _Finder(parsed, default_tables())
    said = [i for i, w in enumerate(parsed.word_lower) if w == "said"]
    assert [f.word_before(i, 0) for i in said] == ["report", None, None, None]
    assert f.word_before(said[0], 5) is None  # "Report" starts before the floor
    assert f.word_before(0, 0) is None  # no word before the first
