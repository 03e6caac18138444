"""Tables built from a stream of documents, holding neither the documents nor the rows, come out as the
in-memory versions do: same rows, same order, same canonical speakers."""

from __future__ import annotations

from pathlib import Path

from quoteframe.frames import hit_rows
from quoteframe.pipeline import Analysis, DocumentAnalyser
from quoteframe.quotes import QuoteTable, canonicalise
from quoteframe.records import DocResult, Document
from tests.conftest import run_cli


def _results(seed_texts: dict[str, str], ids: tuple[str, ...] = ("z", "b", "m", "b", "a")) -> list[DocResult]:
    """The seeds under ids that do not sort in input order (by default one id given to two documents),
    the outlets' spellings of Tokayev spread over documents (so names are canonical only across them)."""
    analyser = DocumentAnalyser(Analysis(frames=True))
    docs = [Document(doc_id, text, f"outlet{i % 3}") for i, (doc_id, text) in enumerate(zip(ids, seed_texts.values()))]
    return [analyser(d) for d in reversed(docs)]


def test_quote_table_equals_canonicalise(seed_texts: dict[str, str]) -> None:
    results = _results(seed_texts)
    expected = [q.row() for q in canonicalise(q for r in _results(seed_texts) for q in r.quotes)]
    with QuoteTable(iter(results)) as table:
        got = [q.row() for q in table]
    assert got == expected
    assert len({r["speaker"] for r in got if "okayev" in str(r["speaker"]) or "oqaev" in str(r["speaker"])}) == 1
    assert [r["doc_id"] for r in got] == sorted(r["doc_id"] for r in got)


def test_hit_rows_equal_hits_with_canonical_quote_speakers(seed_texts: dict[str, str]) -> None:
    ids = ("z", "b", "m", "c", "a")  # unique, as in a run: quote ids are keys below
    results = _results(seed_texts, ids)
    canonical = {q.quote_id: q.speaker for q in canonicalise(q for r in _results(seed_texts, ids) for q in r.quotes)}
    hits = sorted((h for r in results for h in r.frame_hits), key=lambda h: (h.doc_id, h.start))
    expected = [dict(h.row(), speaker=canonical.get(h.quote_id, h.speaker)) for h in hits]
    got = list(hit_rows(iter(results)))
    assert got == expected and any(r["voice"] == "quoted" and r["speaker"] for r in got)


def test_output_file_untouched_when_the_corpus_cannot_be_read(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("kept\n", encoding="utf-8")
    code, _, err = run_cli("quotes", str(tmp_path / "absent"), "-o", str(out), "--jobs", "1")
    assert code == 1 and "no such file or directory" in err
    assert out.read_text(encoding="utf-8") == "kept\n"
