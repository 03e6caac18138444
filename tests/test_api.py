"""The notebook functions of ``quoteframe``: the same rows as the commands, as dataclasses, with .to_pandas()."""

from __future__ import annotations

import io
import sys
from dataclasses import is_dataclass
from pathlib import Path

import pytest

import quoteframe
from quoteframe.api import Rows
from quoteframe.errors import InputError, ResourceMissing
from quoteframe.report import ReportDirError
from quoteframe.tables import Table, write_table
from tests.conftest import FIXTURES, GOLD, SEEDS, run_cli

API = ["read_quotes", "quote_sources", "link_variants", "frame_counts", "frame_hits", "make_report", "measure_accuracy"]


def as_csv(rows: Rows) -> str:
    buf = io.StringIO()
    write_table(Table(rows.columns, rows.dicts()), buf, "csv")
    return buf.getvalue()


def cli_csv(*args: str) -> str:
    code, out, _ = run_cli(*args, "--jobs", "1", "--quiet")
    assert code == 0
    return out


@pytest.fixture(scope="module")
def quotes() -> Rows:
    return quoteframe.read_quotes(SEEDS)


def test_one_documented_function_per_command_and_no_name_is_a_module() -> None:
    package = Path(quoteframe.__file__).parent
    for name in API:
        fn = getattr(quoteframe, name)
        assert fn.__doc__ and len(fn.__doc__) > 60, name
        assert not (package / f"{name}.py").exists(), f"{name} is also a module"
        assert name in quoteframe.__all__


def test_read_quotes_gives_the_quotes_command_rows(quotes) -> None:
    assert all(is_dataclass(q) for q in quotes)
    assert as_csv(quotes) == cli_csv("quotes", str(SEEDS))
    assert quotes.run.read == 5 and quotes.run.skipped == 0


def test_quote_sources_from_paths_or_from_quotes(quotes) -> None:
    from_rows = quoteframe.quote_sources(quotes)
    from_paths = quoteframe.quote_sources(str(SEEDS))
    assert from_rows == from_paths
    assert as_csv(from_rows) == cli_csv("quotes", str(SEEDS), "--summary")
    tokayev = [r for r in from_rows if r.speaker == "Kassym-Jomart Tokayev"]
    assert len(tokayev) == 5 and all(r.quotations >= 5 for r in tokayev)


def test_link_variants_views_are_the_variants_command(quotes) -> None:
    assert as_csv(quoteframe.link_variants(quotes)) == cli_csv("variants", str(SEEDS))
    summary = quoteframe.link_variants(quotes, view="summary")
    assert as_csv(summary) == cli_csv("variants", str(SEEDS), "--summary")
    assert is_dataclass(summary[0]) and summary[0].renderings >= 2
    assert as_csv(quoteframe.link_variants(quotes, view="drift")) == cli_csv("variants", str(SEEDS), "--drift")
    with pytest.raises(ValueError, match="view must be one of"):
        quoteframe.link_variants(quotes, view="pairs")


def test_frame_counts_and_hits_are_the_frames_command() -> None:
    assert as_csv(quoteframe.frame_counts(SEEDS)) == cli_csv("frames", str(SEEDS))
    by_category = quoteframe.frame_counts([SEEDS], by="category")
    assert as_csv(by_category) == cli_csv("frames", str(SEEDS), "--by", "category")
    hits = quoteframe.frame_hits(SEEDS)
    assert as_csv(hits) == cli_csv("frames", str(SEEDS), "--hits")
    jurist = [h for h in hits if h.outlet == "JURIST" and h.term == "terrorist"]
    assert {h.voice for h in jurist} == {"quoted"}


def test_to_pandas_keeps_the_columns_in_order(quotes) -> None:
    pd = pytest.importorskip("pandas")
    frame = quoteframe.quote_sources(quotes).to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["outlet", "speaker", "quotations", "direct", "partial", "words", "share"]
    assert frame["quotations"].sum() == len(quotes)
    assert list(quotes.to_pandas().columns) == quotes.columns


def test_to_pandas_without_pandas_says_how_to_install(quotes, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ResourceMissing, match=r"quoteframe\[pandas\]"):
        quotes.to_pandas()


def test_skips_are_kept_not_printed_and_strict_raises(capsys) -> None:
    rows = quoteframe.read_quotes(FIXTURES / "bad")
    assert rows.run.skipped == 6 and rows.run.read == 6
    assert any("not JSON" in m for m in rows.messages)
    assert capsys.readouterr() == ("", "")  # the library never prints
    with pytest.raises(InputError, match="6 document"):
        quoteframe.read_quotes(FIXTURES / "bad", strict=True)


def test_input_options_are_keywords(tmp_path: Path) -> None:
    records = tmp_path / "news.jsonl"
    records.write_text('{"body": "“We will rebuild the bridge,” said Mayor Ana Ruiz.", "site": "Daily", "uid": "n1"}\n',
                       encoding="utf-8")
    rows = quoteframe.read_quotes(records, text_field="body", outlet_field="site", id_field="uid")
    assert [(q.doc_id, q.outlet, q.speaker) for q in rows] == [("n1", "Daily", "Ana Ruiz")]
    with pytest.raises(TypeError, match="unknown option"):
        quoteframe.read_quotes(records, text_feild="body")


def test_make_report_writes_the_report(tmp_path: Path) -> None:
    tables = quoteframe.make_report(FIXTURES / "injection", tmp_path / "r")
    names = {p.relative_to(tmp_path / "r").as_posix() for p in tables.files}
    assert {"sources.csv", "remarks.csv", "report.html", "report.md", "figures/sources.png"} <= names
    assert [r.speaker for r in tables.sources] == ["Jane Okafor", "Jane Okafor"]
    with pytest.raises(ReportDirError):
        quoteframe.make_report(FIXTURES / "injection", tmp_path / "r")


def test_measure_accuracy_is_the_evaluate_command() -> None:
    scores = quoteframe.measure_accuracy(SEEDS, gold=GOLD / "quotes.csv", gold_variants=GOLD / "variants.csv")
    assert all(is_dataclass(s) for s in scores)
    assert as_csv(scores) == cli_csv("evaluate", str(SEEDS), "--gold", str(GOLD / "quotes.csv"),
                                     "--gold-variants", str(GOLD / "variants.csv"), "--format", "csv")
    span = next(s for s in scores.dicts() if s["measure"] == "span")
    assert span["f1"] == 1.0
    with pytest.raises(ValueError, match="give gold"):
        quoteframe.measure_accuracy(SEEDS)


def test_aliases_and_manifest_are_keywords_too(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,canonical\nauthorities,Kazakh authorities\n", encoding="utf-8")
    sources = quoteframe.quote_sources(SEEDS, aliases=aliases)
    assert "Kazakh authorities" in {r.speaker for r in sources}
    assert "authorities" not in {r.speaker for r in sources}
