"""Loaded language, hedges, boosters and scare quotes: exact spans, voices and the seeds ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from bias.corpus.segment import parse
from bias.features import loaded
from bias.features.voice import find_scare_quotes
from bias.model import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _parse(text: str, name: str = "t"):
    return parse(Article(id=name, outlet="o", title="", text=text))


def _hits(text: str) -> list[tuple[int, int, str, str, str]]:
    r = loaded.EXTRACTOR.run(_parse(text))
    return [(x["start"], x["end"], x["text"], x["category"], x["voice"]) for x in r.records["loaded_terms"]]


def _seed(name: str, start: str | None = None, stop: str | None = None) -> Article:
    text = (SEEDS / name).read_text(encoding="utf-8")
    if start:
        text = text[text.index(start):]
    if stop:
        text = text[: text.index(stop)]
    return Article(id=name, outlet="o", title="", text=text)


def test_every_category_with_exact_spans():
    text = ("Critics called him a thug. The plan was an unprecedented, massive failure. "
            "Migrants flooded the town. It was a political stunt. Officials offered a paltry sum. "
            "This is the worst border crisis in US history. The claim is allegedly true and clearly false. "
            "The border has been “solved” already. It is a terrifying prospect.")
    assert _hits(text) == [
        (21, 25, "thug", "pejorative", "narration"),
        (43, 56, "unprecedented", "intensifier", "narration"),
        (58, 65, "massive", "intensifier", "narration"),
        (84, 91, "flooded", "metaphor", "narration"),
        (121, 126, "stunt", "evaluative", "narration"),
        (148, 154, "paltry", "evaluative", "narration"),
        (172, 205, "worst border crisis in US history", "intensifier", "narration"),
        (220, 229, "allegedly", "hedge", "narration"),
        (239, 246, "clearly", "booster", "narration"),
        (274, 282, "“solved”", "scare_quote", "narration"),
        (300, 310, "terrifying", "fear", "narration"),
    ]


def test_inflections_and_multi_word_terms():
    text = "Migrants floods in. Migrants are flooding in. Migrants flooded in. A flood of people."
    assert [h[:3] for h in _hits(text)] == [(9, 15, "floods"), (33, 41, "flooding"), (55, 62, "flooded"),
                                             (69, 74, "flood")]
    assert [h[:3] for h in _hits("They pledged empty promises and an illegal-alien crackdown.")] == [
        (13, 27, "empty promises"), (35, 48, "illegal-alien")]


def test_context_rules_cancel_literal_uses():
    text = ("Heavy rain flooded the river valley. The company reported strong cash flow. "
            "Prices surged 5 percent.")
    assert _hits(text) == []
    # "may" counts only in lower case, so the month is not a hedge
    assert _hits("In May the council may vote.") == [(19, 22, "may", "hedge", "narration")]


def test_narration_versus_quotation():
    text = ("The mayor attacked the “radical agenda” of rivals. “They are a mob of thugs,” said Smith. "
            "The mob left.")
    assert _hits(text) == [
        (23, 39, "“radical agenda”", "scare_quote", "narration"),
        (24, 31, "radical", "pejorative", "narration"),
        (63, 66, "mob", "pejorative", "quote"),
        (70, 75, "thugs", "pejorative", "quote"),
        (94, 97, "mob", "pejorative", "narration"),
    ]
    r = loaded.EXTRACTOR.run(_parse(text))
    notes = [e.note for e in r.evidence]
    assert notes[2].startswith("[quote] ") and notes[4].startswith("[narration] ")
    assert r.evidence[0].kind == "loaded_scare_quote" and r.evidence[1].kind == "loaded_pejorative"


def test_scare_quote_rule_needs_no_speaker_and_few_words():
    p = _parse("The official said it is probably “political” now. The US pledged a “removal flights program” "
               "soon. The border has been “solved” just enough. “We need support”")
    assert [q.span.of(p.text) for q in find_scare_quotes(p)] == ["“solved”"]


def test_sentence_scores_and_threshold():
    p = _parse("The plan is a thug tactic. The plan passed on Tuesday. It could pass.")
    scores = loaded.loaded_sentence_scores(p)
    assert scores == (0.75, 0.0, 0.0)
    r = loaded.EXTRACTOR.run(p)
    assert r.sentence_fields["loaded"] == (True, False, False)
    assert r.values["loaded__loaded_sentence_share"] == pytest.approx(1 / 3)


def test_empty_text_scores_zero():
    r = loaded.EXTRACTOR.run(_parse(""))
    assert set(r.values) == set(loaded.EXTRACTOR.metric_names)
    assert all(v == 0.0 for v in r.values.values())


def test_new_york_post_is_more_loaded_than_la_times_in_own_voice():
    nyp = loaded.EXTRACTOR.run(parse(_seed("003_55d7e2e41ba4ed46.txt", "Biden/Harris made empty promises",
                                           "CBSA Bust Uncovers")))
    lat = loaded.EXTRACTOR.run(parse(_seed("002_f150141c11270ef6.txt")))
    a, b = nyp.values["loaded__narration_per_1000"], lat.values["loaded__narration_per_1000"]
    assert a > 2.5 * b > 0
    own = {x["text"].lower() for x in nyp.records["loaded_terms"] if x["voice"] == "narration"}
    assert {"empty promises", "flood", "notorious", "paltry", "inexplicable", "absolutely", "“solved”",
            "worst mass migration crisis in us history"} <= own


def test_a_quoted_nickname_inside_a_name_is_not_a_scare_quote() -> None:
    from bias.corpus.segment import parse
    from bias.features.voice import find_scare_quotes
    from bias.model import Article

    text = ("Police arrested Jose Guillermo “La Barbie” Duarte Astorga on Friday. "
            "The mayor said the city was “safe” now.")
    parsed = parse(Article(id="n", outlet="o", title="", text=text))
    found = [(q.span.start, q.span.end, q.span.of(text)) for q in find_scare_quotes(parsed)]
    assert found == []  # "safe" sits in a sentence with a speech verb, so it is no scare quote either
    text2 = "Officials call it “temporary” and the nickname of Michael “Big Mike” Smith stuck."
    parsed2 = parse(Article(id="n", outlet="o", title="", text=text2))
    assert [q.span.of(text2) for q in find_scare_quotes(parsed2)] == ["“temporary”"]


def test_labour_dispute_terms_with_plural_and_multiword() -> None:
    from bias.analysis import analyze_article
    from bias.model import Article

    text = "Union bosses brought the port to a grinding halt."
    terms = analyze_article(Article(id="x", outlet="o", title="", text=text)).records["loaded_terms"]
    assert [(t["start"], t["end"], t["text"], t["category"]) for t in terms] == [
        (0, 12, "Union bosses", "pejorative"), (35, 48, "grinding halt", "intensifier")]
