"""Accuracy on the hand-annotated seeds, measured through the real evaluate command."""

from __future__ import annotations

from quoteframe.evaluate import GoldQuote, score_seeds
from quoteframe.polnear import Attribution, match_document, parse_ann
from quoteframe.records import Quote
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
    assert float(s["speaker of gold partial"]["recall"]) >= 0.96  # the seeds target: 96% of partial speakers
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


def test_speaker_head_asks_for_the_head_of_the_annotated_source() -> None:
    text = '"It is over," Tom Reyes, a Mason delegate from Oregon, said.'
    source = (text.index("Tom"), text.index(", said"))
    gold = [Attribution(((1, 11),), source, True)]

    def counts(mention: str):  # type: ignore[no-untyped-def]
        start = text.index(mention)
        quote = Quote("d", "", "q1", "direct", "x", mention, start, start + len(mention), "said", 1, 11, "It is over,")
        return match_document([quote], gold, text)

    head, inside = counts("Tom Reyes"), counts("Oregon")
    assert (head.correct, head.head) == (1, 1)
    assert (inside.correct, inside.head) == (1, 0)  # PolNeAR's overlap counts it; the head measure does not
    assert counts("Mason delegate").head == 0  # inside the appositive
    text2 = "Republican presidential candidate Donald Trump said"
    gold2 = [Attribution(((0, 1),), (0, text2.index(" said")), True)]
    quote = Quote("d", "", "q1", "direct", "x", "", text2.index("candidate"), text2.index(" said"), "", 0, 1, "R")
    assert match_document([quote], gold2, text2).head == 1  # modifiers before the mention are no break


def _mtref_file(tmp_path, rows: list[tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    """An MTRef-format file of our own sentences: id, a, N/A, b, N/A, 1, 1, sure links, possible links."""
    path = tmp_path / "mtref-dev.tsv"
    path.write_text("".join(f"{k}:{k}\t{a}\tN/A\t{b}\tN/A\t1\t1\t{sure}\t\t\n" for k, (a, b, sure) in enumerate(rows)),
                    encoding="utf-8")
    return path


def test_mtref_judged_pairs_join_the_gold_and_bad_rows_name_their_line(tmp_path) -> None:
    import pytest

    from quoteframe.errors import InputError
    from quoteframe.mtref import load_judgements, score_mtref

    path = _mtref_file(tmp_path, [
        ("the minister said prices would fall next year .", "prices will drop next year , the minister said .", "0-6 3-0 5-2 6-3"),
        ("the minister stated that prices are set to fall next year .", "next year prices will go down , said the minister .", "1-8"),
        ("heavy rain flooded the northern province on monday .", "on monday , heavy rains flooded the province in the north .", "0-3"),
    ])
    judged = tmp_path / "judged.csv"
    judged.write_text("# comment\nrow_a,side_a,row_b,side_b,judgement,annotators\n0,a,1,a,same,X\n0,a,2,a,different,X\n",
                      encoding="utf-8")
    plain, with_judged = [s for s in score_mtref(path, wordnet=WordNet(enabled=False), judgements=judged)
                          if s.measure.startswith("linking")]
    assert plain.gold == 3 and with_judged.gold == 7  # rows 0 and 1 become one remark of four renderings
    assert with_judged.correct >= plain.correct
    judged.write_text("row_a,side_a,row_b,side_b,judgement\n0,c,1,a,same\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"judged.csv: line 2"):
        load_judgements(judged)


def test_archive_marks_are_a_measure_of_their_own() -> None:
    doc = "''We won,'' she said. He said \"no.\""
    ann = ("T1\tContent 2 9\tWe won,\nT2\tSource 12 15\tshe\nE1\tAttribution:T9 Content:T1 Source:T2\n"
           "T3\tContent 30 35\t\"no.\"\nT4\tSource 22 24\tHe\nE2\tAttribution:T9 Content:T3 Source:T4\n")
    attrs = parse_ann(ann, doc, "x.ann")
    assert [(a.direct, a.archive) for a in attrs] == [(False, True), (True, False)]
