"""Accuracy on the hand-annotated seeds, measured through the real evaluate command."""

from __future__ import annotations

from quoteframe.evaluate import GoldQuote, score_seeds
from quoteframe.polnear import parse_ann
from quoteframe.wordnet import WordNet
from tests.conftest import GOLD, SEEDS, parse_csv, run_cli


def _scores(*extra: str) -> dict[str, dict[str, str]]:
    code, out, err = run_cli("evaluate", str(SEEDS), "--gold", str(GOLD / "quotes.csv"), "--jobs", "1",
                             "--format", "csv", *extra)
    assert code == 0, err
    return {r["measure"]: r for r in parse_csv(out)}


def test_seed_targets_hold() -> None:
    s = _scores("--gold-variants", str(GOLD / "variants.csv"))
    assert float(s["span"]["f1"]) == 1.0  # every quoted span found, no false ones
    assert float(s["span+kind scare"]["recall"]) == 1.0  # scare quotes recognised
    assert float(s["speaker of gold partial"]["recall"]) >= 0.90
    assert float(s["speaker of gold direct"]["recall"]) == 1.0  # every direct quotation
    assert float(s["remark pairs"]["precision"]) >= 0.95
    # WordNet links synonyms (annihilated / destroyed); without it linking uses stems only
    assert float(s["remark pairs"]["f1"]) >= (0.95 if WordNet().available else 0.93)


def test_scoring_counts_are_plain() -> None:
    from quoteframe.records import Quote

    gold = [GoldQuote("d", 0, 5, "partial", "A", "x"), GoldQuote("d", 10, 20, "direct", "B", "z")]
    pred = [Quote("d", "o", "q1", "partial", "A", "", None, None, "", 0, 5, "x"),
            Quote("d", "o", "q2", "partial", "C", "", None, None, "", 30, 40, "y")]
    by = {s.measure: s for s in score_seeds(pred, gold)}
    assert (by["span"].gold, by["span"].predicted, by["span"].correct) == (2, 2, 1)
    assert by["span+speaker"].correct == 1 and by["span+speaker"].precision == 0.5


def test_brat_discontinuous_spans_and_direct_detection() -> None:
    doc = '"We won," she said. "It was close." He disagreed that it was "fair" at all.'
    ann = ("T1\tContent 0 9;20 35\t\"We won,\" \"It was close.\"\nT2\tSource 10 13\tshe\nT3\tCue 14 18\tsaid\n"
           "E1\tAttribution:T9 Content:T1 Cue:T3 Source:T2\n"
           "T4\tContent 49 74\tthat it was \"fair\" at all\nT5\tSource 36 38\tHe\nE2\tAttribution:T9 Content:T4 Source:T5\n")
    attrs = parse_ann(ann, doc, "x.ann")
    assert [a.direct for a in attrs] == [True, False]
    assert attrs[0].content == ((0, 9), (20, 35)) and attrs[0].source == (10, 13)
