"""Word choice: competing terms per referent, with voice, on tiny texts and on the seeds."""

from __future__ import annotations

from pathlib import Path

from bias.corpus.segment import parse
from bias.features import wordchoice
from bias.lexicons.user import load_user_lexicon
from bias.model import Article, Embedded, Span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(name: str, start: str | None = None) -> Article:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return Article(id=name, outlet="o", title="", text=text[text.index(start):] if start else text)


def _uses(article: Article, ext=wordchoice.EXTRACTOR, skip=("migrant",)):
    p = parse(article)
    return [(e.span.start, e.span.end, e.span.of(p.text), e.kind.removeprefix("wordchoice_"),
             e.note[1 : e.note.index("]")]) for e in ext.run(p).evidence if e.label not in skip]


def test_mxm_illegal_aliens_quoted_and_paraphrased_illegal_immigrants_in_narration():
    a = _seed("003_55d7e2e41ba4ed46.txt", "Los Angeles declares a state of emergency")
    assert _uses(a) == [
        (822, 831, "immigrant", "people_on_the_move", "quote"),
        (995, 1009, "illegal aliens", "immigrants_without_status", "narration"),  # paraphrasing critics
        (1516, 1530, "illegal aliens", "immigrants_without_status", "quote"),  # ICE spokesperson
        (2855, 2873, "illegal immigrants", "immigrants_without_status", "narration"),
    ]
    r = wordchoice.EXTRACTOR.run(parse(a))
    assert r.values["wordchoice__immigrants_without_status__illegal_alien"] == 1.0
    rec = {x["term"]: x for x in r.records["word_choice"]}
    assert (rec["illegal alien"]["count"], rec["illegal alien"]["narration"], rec["illegal alien"]["quote"]) \
        == (2, 1, 1)


def test_la_times_terms():
    assert _uses(_seed("002_f150141c11270ef6.txt")) == [
        (2845, 2860, "border-crossers", "people_on_the_move", "narration"),
        (5565, 5581, "illegal migrants", "immigrants_without_status", "narration"),
        (6439, 6457, "illegal immigrants", "immigrants_without_status", "narration"),
        (6578, 6592, "assault rifles", "assault_weapons", "narration"),
    ]


def test_seed_000_migrants_and_undocumented_individual():
    uses = _uses(_seed("000_ef83bafef317db0d.txt"), skip=())
    assert uses[0] == (238, 246, "migrants", "people_on_the_move", "narration")
    assert (1907, 1930, "undocumented individual", "immigrants_without_status", "narration") in uses


def test_embedded_post_voice_and_longest_term_wins():
    text = "Undocumented immigrants and immigrants met. Post: the death tax is theft."
    post = Embedded(Span(44, 73), "social_post", "x")
    a = Article(id="e", outlet="o", title="", text=text, embedded=(post,))
    assert _uses(a) == [
        (0, 23, "Undocumented immigrants", "immigrants_without_status", "narration"),
        (28, 38, "immigrants", "people_on_the_move", "narration"),
        (54, 63, "death tax", "estate_tax", "embedded"),
    ]


def test_user_referent_group(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("# kind = referents\n# source me = My notes (2024).\n"
                 "term\tcategory\tweight\texplanation\tsource\tpos\n"
                 "guest worker\tworkers_from_abroad\t1\tEmployer-friendly term.\tme\tn\n", encoding="utf-8")
    ext = wordchoice.make_extractor([load_user_lexicon(f)])
    a = Article(id="u", outlet="o", title="", text="Guest workers arrived.")
    assert _uses(a, ext) == [(0, 13, "Guest workers", "workers_from_abroad", "narration")]
    assert "wordchoice__workers_from_abroad__guest_worker" in ext.metric_names
