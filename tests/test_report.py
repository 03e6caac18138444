"""quotes --summary and quoteframe report through the real CLI: the report's tables are the commands' tables."""

from __future__ import annotations

import csv
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quoteframe.quotes import SOURCE_COLUMNS
from quoteframe.report import CORPUS_COLUMNS
from tests.conftest import FIXTURES, SEEDS, parse_csv, run_cli

INJECTION = FIXTURES / "injection"
SECTIONS = ["corpus", "sources", "remarks", "frames", "method"]
REPORT_CSVS = ["quotes.csv", "sources.csv", "variants.csv", "remarks.csv", "drift.csv", "frames.csv",
               "frames_by_category.csv", "corpus.csv"]


class PageParser(HTMLParser):
    """Elements, their attributes and the page's text, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "out"
    code, _, err = run_cli("report", str(SEEDS), "-o", str(out), "--jobs", "1")
    assert code == 0, err
    assert "read 5 documents, skipped 0" in err
    return out


def test_summary_adds_up_to_the_quotes_table(seed_rows) -> None:
    code, out, _ = run_cli("quotes", str(SEEDS), "--summary", "--jobs", "1")
    assert code == 0
    rows = parse_csv(out)
    assert list(rows[0].keys()) == SOURCE_COLUMNS
    for outlet in {r["outlet"] for r in seed_rows}:
        quotes = [q for q in seed_rows if q["outlet"] == outlet]
        mine = [r for r in rows if r["outlet"] == outlet]
        assert sum(int(r["quotations"]) for r in mine) == len(quotes)
        assert sum(int(r["direct"]) for r in mine) == sum(q["kind"] == "direct" for q in quotes)
        assert sum(int(r["partial"]) for r in mine) == sum(q["kind"] == "partial" for q in quotes)
        speakers = [r["speaker"] for r in mine]
        assert len(speakers) == len(set(speakers)), "one row per (outlet, speaker)"
        assert speakers.count("") == (1 if any(q["speaker"] == "" for q in quotes) else 0)
        named = [r for r in mine if r["speaker"]]
        assert abs(sum(float(r["share"]) for r in named) - 1.0) < 1e-3
        assert all(r["share"] == "" for r in mine if not r["speaker"])
        for r in named:
            assert int(r["quotations"]) == sum(q["speaker"] == r["speaker"] for q in quotes)
    keys = [(r["outlet"], -int(r["quotations"])) for r in rows]
    assert keys == sorted(keys)


def test_summary_counts_words_and_kinds_of_invented_text() -> None:
    text = ("“We are not leaving, not today and not tomorrow,” said Maria Lopez, a nurse.\n\n"
            "Lopez called the offer “an insult to every nurse” and left.\n\n"
            "The so-called “reforms” were announced on Friday.\n")
    code, out, _ = run_cli("quotes", "-", "--summary", "--jobs", "1", input=text)
    assert code == 0
    rows = {r["speaker"]: r for r in parse_csv(out)}
    lopez = rows["Maria Lopez"]
    assert (lopez["quotations"], lopez["direct"], lopez["partial"]) == ("2", "1", "1")
    assert lopez["words"] == str(9 + 5)
    assert lopez["share"] == "1.0000"
    assert rows[""]["quotations"] == "1" and rows[""]["words"] == "1"


def test_sources_csv_has_one_tokayev_row_in_each_outlet(seed_report: Path) -> None:
    rows = parse_csv((seed_report / "sources.csv").read_text(encoding="utf-8"))
    tokayev = [r["outlet"] for r in rows if r["speaker"] == "Kassym-Jomart Tokayev"]
    assert sorted(tokayev) == sorted({r["outlet"] for r in rows}) and len(tokayev) == 5


def test_report_tables_are_the_commands_tables(seed_report: Path) -> None:
    """Every CSV of the report is byte for byte what its own command writes."""
    same = {
        "quotes.csv": ["quotes"], "sources.csv": ["quotes", "--summary"], "variants.csv": ["variants"],
        "remarks.csv": ["variants", "--summary"], "drift.csv": ["variants", "--drift"], "frames.csv": ["frames"],
        "frames_by_category.csv": ["frames", "--by", "category"],
    }
    for name, command in same.items():
        code, out, _ = run_cli(*command, str(SEEDS), "--jobs", "1", "--quiet")
        assert code == 0
        assert (seed_report / name).read_text(encoding="utf-8") == out, name


def test_report_writes_every_file_and_a_page_with_five_sections(seed_report: Path) -> None:
    for name in [*REPORT_CSVS, "report.md", "report.html"]:
        assert (seed_report / name).stat().st_size > 0, name
    for fig in ("sources", "frames"):
        png = (seed_report / "figures" / f"{fig}.png").read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
        assert b"<svg" in (seed_report / "figures" / f"{fig}.svg").read_bytes()[:2000]
    page = parse_page(seed_report / "report.html")
    ids = [a.get("id") for t, a in page.tags if t == "section"]
    assert ids == SECTIONS
    assert not [t for t, _ in page.tags if t in ("script", "link", "iframe", "object", "embed")]
    images = [a["src"] for t, a in page.tags if t == "img"]
    assert sorted(images) == ["figures/frames.png", "figures/sources.png"]
    for _, a in page.tags:  # nothing from the network
        for attr in ("src", "href"):
            value = a.get(attr) or ""
            assert not value.startswith(("http:", "https:", "//")), value
    corpus = parse_csv((seed_report / "corpus.csv").read_text(encoding="utf-8"))
    assert list(corpus[0].keys()) == CORPUS_COLUMNS
    assert sum(int(r["documents"]) for r in corpus) == 5
    assert {r["date"] for r in corpus} == {"2022-01-07"}
    md = (seed_report / "report.md").read_text(encoding="utf-8")
    assert "![Who gets quoted](figures/sources.png)" in md and "| Kassym-Jomart Tokayev" in md.replace("|  ", "| ")


def test_page_tables_show_the_csv_rows(seed_report: Path) -> None:
    """The page's corpus and sources tables hold the CSV's cells, row for row (no second computation)."""
    page = parse_page(seed_report / "report.html")
    by_header = {tuple(t[0]): t[1:] for t in page.tables if t}
    for name, columns in (("corpus.csv", CORPUS_COLUMNS), ("sources.csv", SOURCE_COLUMNS)):
        with open(seed_report / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == columns
        assert by_header[tuple(columns)] == rows[1:], name


def test_same_input_same_report(seed_report: Path, tmp_path: Path) -> None:
    code, _, _ = run_cli("report", str(SEEDS), "-o", str(tmp_path / "again"), "--jobs", "1", "--quiet")
    assert code == 0
    for path in sorted(seed_report.rglob("*")):
        if path.is_file():
            other = tmp_path / "again" / path.relative_to(seed_report)
            assert other.read_bytes() == path.read_bytes(), path.name


def test_a_folder_with_files_is_refused_unless_force(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes\n", encoding="utf-8")
    code, _, err = run_cli("report", str(INJECTION), "-o", str(out), "--jobs", "1")
    assert code == 1
    assert "not empty" in err and "--force" in err and "read " not in err  # refused before reading
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    code, _, err = run_cli("report", str(INJECTION), "-o", str(out), "--jobs", "1", "--force")
    assert code == 0, err
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes\n"
    assert (out / "report.html").exists()
    code, _, err = run_cli("report", str(INJECTION), "-o", str(out / "notes.txt"), "--jobs", "1")
    assert code != 0


def test_corpus_markup_stays_text(tmp_path: Path) -> None:
    out = tmp_path / "inj"
    code, _, err = run_cli("report", str(INJECTION), "-o", str(out), "--jobs", "1")
    assert code == 0, err
    html = (out / "report.html").read_text(encoding="utf-8")
    page = parse_page(out / "report.html")
    assert not [t for t, _ in page.tags if t in ("script", "b", "i")]
    assert [a["src"] for t, a in page.tags if t == "img"] == ["figures/sources.png", "figures/frames.png"]
    assert not [name for _, a in page.tags for name in a if name.startswith("on")]
    text = "".join(page.text)
    assert "<script>document.title='pwned'</script>" in text  # shown as text, in the remark's renderings
    assert "<img src=x onerror=document.title='img-pwned'>" in text
    assert "<b>Bold</b> Daily" in text and 'Evening "Herald" & <i>Co</i>' in text
    assert "&lt;script&gt;" in html
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "Bold" in md


def test_report_help_and_progress_messages() -> None:
    code, out, _ = run_cli("report", "--help")
    assert code == 0 and "Example: quoteframe report" in out


def test_stdout_is_untouched_and_files_are_counted(tmp_path: Path) -> None:
    code, out, err = run_cli("report", str(INJECTION), "-o", str(tmp_path / "r"), "--jobs", "1")
    assert code == 0 and out == ""
    written = [p for p in (tmp_path / "r").rglob("*") if p.is_file()]
    assert f"wrote {len(written)} files to" in err
    assert err.rstrip().endswith("read 2 documents, skipped 0")


def test_html_table_escapes_and_formats_like_csv() -> None:
    from quoteframe.page import _md_table, highlight, html_table, parse_drift

    assert _md_table(["a"], [{"a": "left | right\nnext"}]).splitlines()[2] == "| left \\| right next |"

    table = html_table(["a", "b"], [{"a": "<x>", "b": 0.5}])
    assert "<td>&lt;x&gt;</td>" in table and '<td class="num">0.5000</td>' in table
    assert parse_drift("shoot and → open fire to; ∅ → thus") == [("shoot and", "open fire to"), ("", "thus")]
    assert highlight("They <b>shoot and</b> kill", ["shoot and"]) == "They &lt;b&gt;<mark>shoot and</mark>&lt;/b&gt; kill"
    assert highlight("to go to them", ["to them"]) == "to go <mark>to them</mark>"  # the words in order, not each "to"


def test_without_matplotlib_the_report_has_everything_but_figures(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    monkeypatch.setitem(sys.modules, "quoteframe.figures", None)
    out = tmp_path / "nofig"
    code, _, err = run_cli("report", str(INJECTION), "-o", str(out), "--jobs", "1")
    assert code == 0, err
    assert "matplotlib not installed" in err and "quoteframe[report]" in err
    assert not (out / "figures").exists()
    for name in [*REPORT_CSVS, "report.md", "report.html"]:
        assert (out / name).exists(), name
    page = parse_page(out / "report.html")
    assert not [t for t, _ in page.tags if t == "img"]
    assert "No figures: matplotlib is not installed" in "".join(page.text)


def test_remarks_side_by_side_mark_the_words_that_differ(tmp_path: Path) -> None:
    out = tmp_path / "r"
    code, _, err = run_cli("report", str(INJECTION), "-o", str(out), "--jobs", "1", "--no-wordnet")
    assert code == 0, err
    variants = parse_csv((out / "variants.csv").read_text(encoding="utf-8"))
    assert len({v["variant_id"] for v in variants}) == 1 and len(variants) == 2
    central = next(v for v in variants if not v["drift"])
    other = next(v for v in variants if v["drift"])
    pairs = [p.split(" → ") for p in other["drift"].split("; ")]
    html = (out / "report.html").read_text(encoding="utf-8")
    remarks = html[html.index('<section id="remarks">'):html.index('<section id="frames">')]
    blocks = {b.split("</blockquote>")[0] for b in remarks.split("<blockquote")[1:]}
    central_block = next(b for b in blocks if "central rendering" in b)
    other_block = next(b for b in blocks if "central rendering" not in b)
    for a, b in pairs:
        assert f"<mark>{a}</mark>" in central_block
        assert f"<mark>{b}</mark>" in other_block
    assert remarks.count("<mark>") == 2 * len(pairs)  # nothing else is marked
    assert central["outlet"] in "".join(parse_page(out / "report.html").text)


def test_aliases_correct_speakers_in_every_table_of_the_report(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,canonical\nauthorities,Kazakh authorities\nAlmaty authorities,Kazakh authorities\n",
                       encoding="utf-8")
    out = tmp_path / "r"
    code, _, err = run_cli("report", str(SEEDS), "-o", str(out), "--jobs", "1", "--aliases", str(aliases))
    assert code == 0, err
    sources = (out / "sources.csv").read_text(encoding="utf-8")
    code, summary, _ = run_cli("quotes", str(SEEDS), "--summary", "--jobs", "1", "--quiet", "--aliases", str(aliases))
    assert sources == summary
    speakers = {r["speaker"] for r in parse_csv(sources)}
    assert "Kazakh authorities" in speakers and "authorities" not in speakers and "Almaty authorities" not in speakers
    quotes = parse_csv((out / "quotes.csv").read_text(encoding="utf-8"))
    assert sum(q["speaker"] == "Kazakh authorities" for q in quotes) == 4
