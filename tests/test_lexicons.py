"""Lexicon validation (every packaged lexicon), the matcher, and user lexicon errors."""

from __future__ import annotations

import pytest

from bias.errors import LexiconError
from bias.lexicons import Entry, load_lexicon, packaged_lexicon_ids
from bias.lexicons.matcher import Matcher, surface_forms
from bias.lexicons.user import FRAME_IDS, LOADED_CATEGORIES, load_user_lexicon

OURS = ("loaded", "hedges", "referents", "frames")


@pytest.mark.parametrize("lexicon_id", OURS)
def test_packaged_lexicon_is_explained_and_sourced(lexicon_id):
    lex = load_lexicon(lexicon_id)
    assert lexicon_id in packaged_lexicon_ids()
    assert lex.sources, "sources declared"
    for e in lex.entries:
        assert e.explanation.strip(), e.term
        assert e.source in lex.sources, f"{e.term}: source {e.source!r} not declared"
        assert e.term == e.term.strip().lower() or lexicon_id == "frames", e.term


def test_categories_are_declared():
    assert {e.category for e in load_lexicon("loaded").entries} | {
        e.category for e in load_lexicon("hedges").entries} == set(LOADED_CATEGORIES)
    referents = {r["id"] for r in load_lexicon("referents").meta["referents"]}
    assert {e.category for e in load_lexicon("referents").entries} == referents
    frames = [f["id"] for f in load_lexicon("frames").meta["frames"]]
    assert tuple(frames) == FRAME_IDS
    assert {e.category for e in load_lexicon("frames").entries} == set(FRAME_IDS) - {"other"}


def test_no_duplicate_terms_and_enough_entries():
    loaded_terms = [e.term for lid in ("loaded", "hedges") for e in load_lexicon(lid).entries]
    assert len(loaded_terms) == len(set(loaded_terms))
    ref_terms = [e.term for e in load_lexicon("referents").entries]
    assert len(ref_terms) == len(set(ref_terms))
    assert sum(len(load_lexicon(i).entries) for i in OURS) >= 600
    assert len({e.extra["variants"] for e in load_lexicon("loaded").entries}) > 1  # column present


def test_surface_forms():
    def e(term, pos="", variants=""):
        return Entry(term, "x", 1, "why", extra={"pos": pos, "variants": variants})
    assert surface_forms(e("flood", "nv")) == ("flood", "flooded", "flooding", "floods")
    assert surface_forms(e("illegal alien", "n")) == ("illegal alien", "illegal aliens")
    assert surface_forms(e("pour in", "v")) == ("pour in", "poured in", "pouring in", "pours in")
    assert "slammed" in surface_forms(e("slam", "v")) and "crises" not in surface_forms(e("crisis"))


def test_matcher_word_boundaries_gaps_and_context():
    m = Matcher([load_lexicon("loaded")])
    text = "Floodlights shone. A flood-like surge of cash flow; the worst year ever."
    assert [(h.span.start, h.span.end, h.span.of(text)) for h in m.find(text)] == [
        (21, 26, "flood"), (32, 37, "surge"), (56, 71, "worst year ever")]


def test_user_lexicon_errors_name_file_and_line(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("# kind = loaded\nterm\tcategory\tweight\texplanation\nthug\tinsult\t2\tRude.\n",
                 encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.tsv:3: category 'insult' is not one of"):
        load_user_lexicon(f)
    f.write_text("term\tcategory\tweight\texplanation\nthug\tpejorative\t2\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.tsv:2: term 'thug' has no explanation"):
        load_user_lexicon(f)
    f.write_text("# kind = slurs\nterm\tcategory\tweight\texplanation\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.tsv: kind 'slurs'"):
        load_user_lexicon(f)
    with pytest.raises(LexiconError, match="file not found"):
        load_user_lexicon(tmp_path / "missing.tsv")


def test_user_loaded_lexicon_feeds_the_extractor(tmp_path):
    from bias.corpus.segment import parse
    from bias.features import loaded
    from bias.model import Article

    f = tmp_path / "class.tsv"
    f.write_text("# id = class\n# source k = Klein (2020).\n"
                 "term\tcategory\tweight\texplanation\talternative\tsource\n"
                 "jackboot\tpejorative\t2\tMilitary insult.\tofficer\tk\n", encoding="utf-8")
    lex = load_user_lexicon(f)
    assert lex.stamp == "class@user"
    article = Article(id="a", outlet="o", title="", text="The jackboot came.")
    r = loaded.make_extractor([lex]).run(parse(article))
    assert [(x["start"], x["end"], x["text"], x["lexicon"]) for x in r.records["loaded_terms"]] == [
        (4, 12, "jackboot", "class@user")]
