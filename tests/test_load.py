"""Loading inputs: formats, manifests, bad inputs, and the seed corpus (bias/corpus/load.py)."""

from __future__ import annotations

import codecs
import json
import shutil
import socket
from pathlib import Path

import pytest

from bias.corpus.load import DEFAULT_MAX_BYTES, iter_inputs
from bias.errors import InputError
from bias.model import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
BODY = "The council met on Monday and approved the budget after a long debate about road repairs."


def load(*paths: str | Path, **kw: int) -> tuple[list[Article], list[InputError]]:
    items = list(iter_inputs([str(p) for p in paths], **kw))
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, InputError)]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    articles, errors = load(SEEDS)
    assert errors == []
    return {a.id: a for a in articles}


def test_seeds_load_as_seven_articles(seeds: dict[str, Article]) -> None:
    assert [(a.id, a.outlet, a.author) for a in seeds.values()] == [
        ("seed-000", "Unnamed blog (000)", None),
        ("seed-001", "Unnamed blog (001)", None),
        ("seed-002", "Los Angeles Times", "Sebastian Rotella"),
        ("seed-003a", "New York Post", "Todd Bensman"),
        ("seed-003b", "The Bureau", None),
        ("seed-003c", "MxM News", None),
        ("seed-004", "Breitbart Texas", "Robert Arce"),
    ]
    for a in seeds.values():
        assert a.text.split("\n", 1)[0] == a.title
        assert a.date is None and a.url is None


def test_seed_titles_and_notes(seeds: dict[str, Article]) -> None:
    assert seeds["seed-003a"].title == (
        "Biden/Harris made empty promises to stop migrants in Panama — but the flood continues"
    )
    assert seeds["seed-003c"].title == "Los Angeles declares a state of emergency over ICE deportations"
    assert "The page does not name its outlet or its author." in seeds["seed-000"].notes
    assert any("gaymexico.net" in n for n in seeds["seed-001"].notes)
    assert any("Opinion piece" in n for n in seeds["seed-003a"].notes)


@pytest.mark.parametrize(
    ("chrome", "article_ids"),
    [
        ("Connect with us", ["seed-003a"]),
        ("[the_ad", ["seed-003a"]),
        ("Continue Reading", ["seed-003b", "seed-003c"]),
        ("Leave a Reply", ["seed-001"]),
        ("Trending", ["seed-003c"]),
        ("COMMENTS", ["seed-004"]),
    ],
)
def test_chrome_is_removed_and_recorded(
    seeds: dict[str, Article], chrome: str, article_ids: list[str]
) -> None:
    for a in seeds.values():
        assert chrome not in a.text
        recorded = any(chrome in r.text for r in a.removed)
        assert recorded == (a.id in article_ids), a.id


EXPECTED_REMOVALS = {
    "seed-000": [(22, "list of sources"), (23, "list of sources"), (24, "list of sources")],
    "seed-001": [(15, "comment box"), (17, "comment box"), (19, "comment box"), (21, "comment box")],
    "seed-002": [(65, "author note")],
    "seed-003a": [
        (1, "site navigation"),
        (2, "ad shortcode"),
        (4, "section label"),
        (8, "publication date line"),
        (10, "reading time"),
        (12, "photo caption or credit"),
        (14, "byline"),
        (16, "byline"),
    ]
    + [
        (n, "photo caption or credit")
        for n in (38, 39, 40, 41, 42, 43, 61, 62, 63, 64, 72, 73, 74, 75, 83, 84)
    ]
    + [(94, "author note")],
    "seed-003b": [
        (98, "section label"),
        (102, "publication date line"),
        (140, "subscription prompt"),
        (142, "subscription prompt"),
        (144, "site navigation"),
    ],
    "seed-003c": [
        (146, "section label"),
        (150, "publication date line"),
        (152, "photo caption or credit"),
        (168, "photo caption or credit"),
        (170, "site navigation"),
        (172, "site navigation"),
        (174, "site navigation"),
    ],
    "seed-004": [
        (3, "photo caption or credit"),
        (4, "photo caption or credit"),
        (22, "author note"),
        (24, "comment box"),
        (26, "comment box"),
    ],
}


def test_exact_removals_and_nothing_else_lost(seeds: dict[str, Article]) -> None:
    for a in seeds.values():
        assert [(r.line, r.reason) for r in a.removed] == EXPECTED_REMOVALS[a.id], a.id
        source = Path(a.source_path or "").read_text(encoding="utf-8").split("\n")
        for r in a.removed:
            assert source[r.line - 1].strip() == r.text
            assert r.text not in a.text.split("\n")
    # every non-blank source line is in some article's text or in its removals
    by_file: dict[str, set[str]] = {}
    for a in seeds.values():
        kept = by_file.setdefault(a.source_path or "", set())
        kept.update(a.text.split("\n"))
        kept.update(r.text for r in a.removed)
    for path, kept in by_file.items():
        for line in Path(path).read_text(encoding="utf-8").split("\n"):
            assert not line.strip() or line.strip() in kept, line


def test_no_removal_is_an_article_sentence(seeds: dict[str, Article]) -> None:
    # Sentences next to removed chrome that must stay.
    assert "A map of the 70-mile route" in seeds["seed-003a"].text
    assert "‘We need support’" in seeds["seed-003a"].text
    assert seeds["seed-003b"].text.endswith("a spike in U.S. northern-border encounters.")
    assert seeds["seed-004"].text.endswith("smuggle drugs into a Sonoran state prison.")
    assert seeds["seed-001"].text.endswith("increasingly controlled by Mexican cartels.")
    assert "Key Takeaways" in seeds["seed-000"].text


def test_embedded_post_in_seed_000(seeds: dict[str, Article]) -> None:
    a = seeds["seed-000"]
    (post,) = a.embedded
    covered = post.span.of(a.text)
    assert covered.startswith("Daily #Border Links: September 6, 2024\n")
    assert covered.endswith("— Adam Isacson (@adam_wola) September 6, 2024")
    assert (post.kind, post.author) == ("social_post", "Adam Isacson (@adam_wola)")
    assert "Perez was detained" not in covered


def test_page_split_automatically_without_manifest(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "003_55d7e2e41ba4ed46.txt", tmp_path / "page.txt")
    articles, errors = load(tmp_path)
    assert errors == []
    assert [(a.id, a.outlet, a.title[:30]) for a in articles] == [
        ("page-1", "New York Post", "Biden/Harris made empty promis"),
        ("page-2", "Unknown outlet (page-2)", "CBSA Bust Uncovers Mexican Car"),
        ("page-3", "Unknown outlet (page-3)", "Los Angeles declares a state o"),
    ]
    assert articles[0].author == "Todd Bensman"
    assert articles[0].metadata["part"] == "1 of 3"


def test_single_seed_file_uses_folder_manifest() -> None:
    articles, errors = load(SEEDS / "002_f150141c11270ef6.txt")
    assert errors == [] and [a.id for a in articles] == ["seed-002"]


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        (
            codecs.BOM_UTF8 + "Caf\u00e9 budget\nText “here”.".encode(),
            "Caf\u00e9 budget\nText “here”.",
            "utf-8-sig",
        ),
        (
            codecs.BOM_UTF16_LE + "Caf\u00e9 budget\r\nText.".encode("utf-16-le"),
            "Caf\u00e9 budget\nText.",
            "utf-16",
        ),
        (b"Budget \x93passes\x94\r\nThe vote was close.", "Budget “passes”\nThe vote was close.", "cp1252"),
        ("Cafe\u0301 budget\r\rText.".encode(), "Caf\u00e9 budget\n\nText.", "utf-8"),
    ],
)
def test_encodings_and_normalisation(tmp_path: Path, data: bytes, expected: str, encoding: str) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    (article,), errors = load(tmp_path / "a.txt")
    assert errors == []
    assert article.text == expected
    assert article.metadata["encoding"] == encoding
    assert article.title == expected.split("\n")[0]


def test_bad_inputs_yield_errors_and_loading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00\xff")
    (tmp_path / "c_undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 10)
    (tmp_path / "d_good.txt").write_text(f"Budget passes\n{BODY}", encoding="utf-8")
    with open(tmp_path / "e_huge.txt", "wb") as f:
        f.truncate(61_234_567)
    (tmp_path / "f_bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "g_pic.png").write_bytes(b"\x89PNG\r\n")
    articles, errors = load(tmp_path / "missing.txt", tmp_path)
    assert [a.id for a in articles] == ["d_good"]
    assert [(Path(e.path).name, e.problem) for e in errors] == [
        ("missing.txt", "path does not exist"),
        ("a_empty.txt", "file is empty"),
        ("b_binary.txt", "looks like a binary file, not text"),
        ("c_undecodable.txt", "could not decode the text (tried UTF-8, UTF-16, cp1252)"),
        ("e_huge.txt", "file is 61.2 MB, over the 20 MB limit (use --max-size)"),
        ("f_bad.csv", "CSV has no 'text' column (columns: a, b)"),
        (
            "g_pic.png",
            "unsupported file type '.png' (bias reads .txt, .md, .html, .htm, .jsonl and .csv files)",
        ),
    ]
    assert DEFAULT_MAX_BYTES == 20_000_000


def test_small_size_limit(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 3000, encoding="utf-8")
    articles, errors = load(tmp_path / "a.txt", max_bytes=1000)
    assert articles == []
    assert [e.problem for e in errors] == ["file is 3 KB, over the 1 KB limit (use --max-size)"]


def test_jsonl_with_a_malformed_line() -> None:
    articles, errors = load(INPUTS / "records.jsonl")
    assert [(a.id, a.outlet, a.title, a.author, a.date) for a in articles] == [
        ("r1", "Harbour Times", "Ferry fares rise", "Ana Lima", "2023-05-14"),
        ("r3", "Island Post", "Pier reopens", None, None),
    ]
    assert articles[0].metadata["section"] == "Local"
    assert articles[0].metadata["tags"] == '["ferry", "fares"]'
    assert articles[1].text.startswith("Pier reopens\n\nThe northern pier")
    (error,) = errors
    assert (Path(error.path).name, error.line) == ("records.jsonl", 2)
    assert error.problem.startswith("line 2 is not valid JSON: ")


def test_csv_with_newlines_in_quoted_fields_and_a_10_mb_field(tmp_path: Path) -> None:
    articles, errors = load(INPUTS / "records.csv")
    assert errors == []
    assert [(a.id, a.outlet, a.text) for a in articles] == [
        (
            "c1",
            "Valley Voice",
            "Bridge, again\n\nThe bridge closed again.\n"
            "Drivers were sent on a long detour through the hills.",
        ),
    ]
    big = "Word " * 2_000_000
    (tmp_path / "big.csv").write_text(f'id,text\nb1,"Long one\n{big}"\n', encoding="utf-8")
    articles, errors = load(tmp_path / "big.csv", max_chars=20_000_000)  # above the per-article limit
    assert errors == [] and [a.id for a in articles] == ["b1"]
    assert len(articles[0].text) == len("Long one\n") + len(big.strip())


def test_html_page_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura  # noqa: F401  (imported before sockets are blocked: its import needs the real class)

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    (article,), errors = load(INPUTS / "page.html")
    assert errors == []
    assert (article.outlet, article.title, article.author, article.date, article.url) == (
        "The Coastal Ledger",
        "Harbour board approves new ferry schedule",
        "Mara Quill",
        "2023-05-14",
        "https://ledger.example/ferry-schedule",
    )
    assert article.text.split("\n")[0] == article.title
    assert "The harbour board voted on Tuesday" in article.text
    for chrome in ("Most read", "Privacy policy", "All rights reserved", "Sport"):
        assert chrome not in article.text


def test_folder_order_hidden_files_and_manifest(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b.txt").write_text(f"Bee story\n{BODY}", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(f"Sub story\n{BODY}", encoding="utf-8")
    (tmp_path / "a.md").write_text(f"Aye story\n{BODY}", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(f"Hidden\n{BODY}", encoding="utf-8")
    (tmp_path / ".y.txt").write_text(f"Hidden\n{BODY}", encoding="utf-8")
    (tmp_path / "README.md").write_text("About this folder", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(
        'version = 1\n[defaults]\noutlet = "Default Daily"\n'
        '[[file]]\npath = "b.txt"\nid = "bee"\noutlet = "Bee News"\n'
        'date = 2024-01-02\nnotes = "From a printout."\n',
        encoding="utf-8",
    )
    articles, errors = load(tmp_path)
    assert errors == []
    assert [(a.id, a.outlet, a.date, a.notes, a.title) for a in articles] == [
        ("a", "Default Daily", None, (), "Aye story"),
        ("bee", "Bee News", "2024-01-02", ("From a printout.",), "Bee story"),
        ("sub/a", "Default Daily", None, (), "Sub story"),
    ]


def test_manifest_problems_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Story\n{BODY}", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text('[[file]]\npath = "a.txt"\nautor = "X"\n', encoding="utf-8")
    articles, errors = load(tmp_path)
    assert len(articles) == 1
    assert [e.problem for e in errors] == [
        "[[file]] entry 1 ('a.txt') has an unknown field 'autor' (known fields: author, date, id, notes, "
        "outlet, part, path, story, title, url)"
    ]
    (tmp_path / "manifest.toml").write_text(
        '[[file]]\npath = "a.txt"\n[[file.part]]\nstarts = "No such headline"\n[[file]]\npath = "gone.txt"\n',
        encoding="utf-8",
    )
    articles, errors = load(tmp_path)
    assert articles == []
    assert [(Path(e.path).name, e.problem) for e in errors] == [
        ("manifest.toml", "lists 'gone.txt', but there is no such file"),
        (
            "a.txt",
            "the manifest says article 1 starts with the line 'No such headline', but no line of the "
            "file after the previous article is exactly that",
        ),
    ]


def test_duplicate_ids(tmp_path: Path) -> None:
    rows = [{"id": "same", "text": BODY}, {"id": "same", "text": BODY}]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "s.txt").write_text(f"Story\n{BODY}", encoding="utf-8")
    articles, errors = load(tmp_path / "r.jsonl", tmp_path / "one" / "s.txt", tmp_path / "one" / "s.txt")
    assert [a.id for a in articles] == ["same", "s", "s-2"]
    assert [e.problem for e in errors] == [
        f"article id 'same' is already used by {tmp_path / 'r.jsonl'}; give it another id"
    ]
