"""Variant linking measured on coverage folders annotated like ../shared/devcoverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteframe.variant_coverage import RemarkQuote, load_remark_event, score_remark_links
from tests.conftest import ROOT, parse_csv, run_cli

DEVCOVERAGE = ROOT.parent / "shared" / "devcoverage"

# Invented coverage of an invented speech by an invented leader: three outlets, two remark sentences.
DOCS = {
    "001.txt": ('President Anna Berg said on Monday: "We will never surrender the northern valley to anyone." '
                'She called the rebels "common thieves and bandits".'),
    "002.txt": ('"We shall never give up the northern valley to anybody," Berg said. '
                'Berg also said "the harvest will be the best in a decade".'),
    "003.txt": 'The leader promised "the harvest will be the best in a decade".',
}
GOLD = [
    ("001.txt", "We will never surrender the northern valley to anyone.", "direct", "R1", False),
    ("001.txt", "common thieves and bandits", "partial", "R2", True),
    ("002.txt", "We shall never give up the northern valley to anybody,", "direct", "R1", False),
    ("002.txt", "the harvest will be the best in a decade", "partial", "R3", False),
    ("003.txt", "the harvest will be the best in a decade", "partial", "R3", False),
]


def _event(tmp_path: Path) -> Path:
    folder = tmp_path / "berg-speech"
    (folder / "docs").mkdir(parents=True)
    for name, text in DOCS.items():
        (folder / "docs" / name).write_text(text + "\n", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,outlet,date,url\n001.txt,Daily A,2030-01-01,x\n"
                                         "002.txt,Daily B,2030-01-01,y\n003.txt,Daily C,2030-01-02,z\n", encoding="utf-8")
    with (folder / "quotes.jsonl").open("w", encoding="utf-8") as fh:
        for file, text, kind, remark, partial in GOLD:
            fh.write(json.dumps({"file": file, "text": text, "kind": kind, "speaker": "Anna Berg", "remark": remark,
                                 "partial_of_remark": partial}) + "\n")
    return folder


def test_gold_spans_are_placed_and_labels_split(tmp_path: Path) -> None:
    docs, gold = load_remark_event(_event(tmp_path))
    texts = {d.doc_id: d.text for d in docs}
    assert [texts[g.doc_id][g.start:g.end] for g in gold] == [g[1] for g in GOLD]
    assert {d.outlet for d in docs} == {"Daily A", "Daily B", "Daily C"}
    assert gold[0].labels == {"R1"} and not gold[0].partial and gold[1].partial


def test_pairs_fragments_and_missing_speakers_are_counted_plainly() -> None:
    gold = [RemarkQuote("a", 0, 10, "direct", "L", frozenset({"R1"}), False, "one two three four"),
            RemarkQuote("b", 0, 10, "direct", "L", frozenset({"R1", "R2"}), False, "one two three four"),
            RemarkQuote("c", 0, 10, "direct", "L", frozenset({"R2"}), False, "five six seven"),
            RemarkQuote("c", 20, 30, "partial", "L", frozenset({"R1"}), True, "one two three"),
            RemarkQuote("d", 0, 10, "direct", "M", frozenset(), False, "else entirely here")]
    rows = [{"variant_id": "v1", "doc_id": "a", "start": 0, "end": 10},
            {"variant_id": "v1", "doc_id": "b", "start": 0, "end": 10},
            {"variant_id": "v1", "doc_id": "c", "start": 21, "end": 29},
            {"variant_id": "v2", "doc_id": "c", "start": 0, "end": 10},
            {"variant_id": "v2", "doc_id": "d", "start": 0, "end": 10}]
    speakers: dict[tuple[str, int, int], str | None] = {("a", 0, 10): "", ("b", 0, 10): "L", ("c", 0, 10): "", ("c", 20, 30): ""}
    pairs, frags, missing = score_remark_links(rows, gold, speakers, "t")
    # gold pairs: a-b (R1), b-c (R2); predicted a-b right, c with d (no remark) wrong
    assert (pairs.gold, pairs.predicted, pairs.correct) == (2, 2, 1)
    assert (frags.gold, frags.predicted, frags.correct) == (1, 1, 1)
    # a, c and the fragment have no speaker; a and the fragment are linked to their remark, c is not
    assert (missing.gold, missing.predicted, missing.recall) == (3, 3, 2 / 3)


def test_evaluate_devcoverage_runs_through_the_cli(tmp_path: Path) -> None:
    folder = _event(tmp_path)
    code, out, err = run_cli("evaluate", str(folder / "docs"), "--devcoverage", str(tmp_path), "--jobs", "1",
                             "--format", "csv")
    assert code == 0, err
    rows = {(r["dataset"], r["measure"]): r for r in parse_csv(out)}
    pairs = rows[("devcoverage-berg-speech", "full-rendering pairs")]
    assert int(pairs["gold"]) == 2  # R1 twice, R3 twice
    assert rows[("devcoverage", "full-rendering pairs")]["gold"] == "2"


@pytest.mark.skipif(not DEVCOVERAGE.is_dir(), reason="../shared/devcoverage is not beside the repository")
def test_devcoverage_variant_floors() -> None:
    code, out, err = run_cli("evaluate", str(DEVCOVERAGE), "--devcoverage", str(DEVCOVERAGE), "--jobs", "1",
                             "--format", "csv")
    assert code == 0, err
    rows = {(r["dataset"], r["measure"]): r for r in parse_csv(out)}
    # measured 0.929 and 0.867 with WordNet, 0.929 and 0.858 without (docs/accuracy.md, 2026-12-06, third
    # pass); floors guard regressions and hold without WordNet (CI has none)
    assert float(rows[("devcoverage", "full-rendering pairs")]["f1"]) >= 0.91
    assert float(rows[("devcoverage", "fragments (3+ words) linked")]["recall"]) >= 0.82
    assert float(rows[("devcoverage", "leader renderings, no speaker: linked")]["precision"]) == 1.0


def test_a_gold_fragment_is_placed_between_quotation_marks_not_at_an_unquoted_mention(tmp_path: Path) -> None:
    # The gold gives only the text between the marks; the same words printed unquoted earlier (a headline,
    # a paraphrase) are not the quotation, and placing the span there would score a right link as wrong.
    folder = tmp_path / "berg-valley"
    (folder / "docs").mkdir(parents=True)
    text = ('Berg orders border patrol in the northern valley\n\n'
            'Anna Berg announced a "border patrol" in the valley. "It starts tonight," she said.\n')
    (folder / "docs" / "001.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text("file,outlet,date,url\n001.txt,Daily A,2030-01-01,x\n", encoding="utf-8")
    rows = [("border patrol", "R1", True), ("It starts tonight,", "R2", False)]
    (folder / "quotes.jsonl").write_text("".join(
        json.dumps({"file": "001.txt", "text": t, "kind": "partial", "speaker": "Anna Berg", "remark": r,
                    "partial_of_remark": p}) + "\n" for t, r, p in rows), encoding="utf-8")
    docs, gold = load_remark_event(folder)
    assert gold[0].start == text.index('"border patrol"') + 1
    assert text[gold[1].start:gold[1].end] == "It starts tonight,"
