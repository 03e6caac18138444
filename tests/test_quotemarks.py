"""Quotation-mark pairing on the typography of real news text."""

import pytest

from quoteframe.quotemarks import find_quote_spans


def texts(doc: str) -> list[str]:
    spans, _ = find_quote_spans(doc)
    return [doc[s.start:s.end] for s in spans]


def test_curly_and_straight_double_quotes() -> None:
    doc = '“I gave the order,” he said. Officials said "armed criminals" were "liquidated."'
    assert texts(doc) == ["I gave the order,", "armed criminals", "liquidated."]


def test_mismatched_pair_straight_open_curly_close() -> None:
    doc = 'asked the CSTO to help "stabilize” the situation, which he blamed on foreign-trained "terrorists."'
    assert texts(doc) == ["stabilize", "terrorists."]


def test_curly_open_straight_close() -> None:
    doc = '“Democracy is not permissiveness, to unlawful actions." Next sentence.'
    assert texts(doc) == ["Democracy is not permissiveness, to unlawful actions."]


def test_single_curly_headline_quotes_and_apostrophes() -> None:
    doc = "Kazakh President Gives Stark ‘Shoot-To-Kill’ Order as Kazakhstan’s rulers recall the ’90s and o’clock"
    assert texts(doc) == ["Shoot-To-Kill"]


def test_plural_possessive_is_not_a_closing_mark() -> None:
    doc = "The protesters’ demands grew, and the ‘peacekeepers’ arrived."
    assert texts(doc) == ["peacekeepers"]


def test_multi_paragraph_quotation_is_one_span_per_paragraph() -> None:
    doc = "He said: “The first paragraph of the statement.\n\n“The second paragraph ends it.”\n\nAfter."
    spans, warnings = find_quote_spans(doc)
    assert not warnings  # the open mark at the first paragraph's end is the convention, not an error
    assert [doc[s.start:s.end] for s in spans] == ["The first paragraph of the statement.", "The second paragraph ends it."]


def test_a_continued_paragraph_keeps_its_speaker(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from quoteframe.quotes import extract_quotes
    from quoteframe.records import Document

    doc = ("The minister said: “We will open the border crossings next week.\n\n"
           "“Trade will follow, and the ports will reopen too.”\n")
    quotes = extract_quotes(Document("d", doc))
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "minister"), ("direct", "minister")]


def test_unbalanced_mark_spoils_only_its_paragraph() -> None:
    # the close was dropped: the quotation runs to its paragraph's end, and the next ones are untouched
    doc = "He said “this never closes.\n\nShe called them “bandits” later.\nThey said “criminals.”"
    spans, warnings = find_quote_spans(doc)
    assert [doc[s.start:s.end] for s in spans] == ["this never closes.", "bandits", "criminals."]
    assert len(warnings) == 1 and warnings[0].startswith("line 1:")


def test_an_unclosed_quotation_ends_with_the_text() -> None:
    doc = "The mayor said: “We rebuild the bridge first, and then the school."
    assert texts(doc) == ["We rebuild the bridge first, and then the school."]


def test_a_break_inside_a_quotation_that_the_next_paragraph_closes() -> None:
    # no mark reopens the second paragraph, and its first mark can only close: one quotation
    for close in ("”", '"'):
        doc = f"“The harbour stays shut.\n\nThe ferries will wait.{close} Officials met later.\n"
        assert texts(doc) == ["The harbour stays shut.\n\nThe ferries will wait."]
    # a paragraph whose first mark opens a quotation of its own does not continue the open one
    doc = "He said “the harbour stays shut.\n\nShe replied “no” at once.\n"
    assert texts(doc) == ["the harbour stays shut.", "no"]


def test_nested_quotation_is_part_of_the_outer_one() -> None:
    doc = "“He called them ‘terrorists’ on air,” she said."
    assert texts(doc) == ["He called them ‘terrorists’ on air,"]


def test_guillemets_and_low_quotes() -> None:
    assert texts("Il a dit «non merci» et „ja”.") == ["non merci", "ja"]


def test_two_straight_single_marks_are_a_double_one() -> None:
    # archive copy types ''…'' for “…”; a third mark is a nested single quotation, inside the double one
    doc = "''We stay,'' she said. ''He told me, 'Not yet,''' she added. It's the farmers' land."
    assert texts(doc) == ["We stay,", "He told me, 'Not yet,'"]
    doc = "''We stay.\n\n''We fight,'' she said."
    assert texts(doc) == ["We stay.", "We fight,"]


def test_backticks_typed_for_single_marks() -> None:
    # some publishing systems turn every single mark into a backtick: quotation marks and apostrophes alike
    doc = "He hit out at western nations` record of `colonialism` and Japan`s `plunder`.\n\n`We stay,` he said."
    assert texts(doc) == ["colonialism", "plunder", "We stay,"]


@pytest.mark.parametrize("text, expected", [
    # a closing mark glued to the next word after a comma and a space: the quotation closes there
    ('The new unit "will help the regions, "said the minister.', ["will help the regions, "]),
    # marks set apart from the words they enclose, the closing one glued to the next word
    ('He called for " union "against the virus.', [" union "]),
    # a close dropped and a new quotation opened after the attribution: a later mark closes the new one
    ('"Absent a force on the ground, he added, "this is how it ends."', ['this is how it ends.']),
])
def test_a_straight_mark_glued_to_a_word_may_close(text: str, expected: list[str]) -> None:
    spans, _ = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans][:len(expected)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Vance has promised help. ‘No company, whatever its size, will be left", ["No company, whatever its size, will be left"]),
    ("He said: ‘It is over.\n\nThe next paragraph.", ["It is over."]),
    ("The team’s ‘special plan was odd.", []),  # a single mark inside a sentence, never closed: nothing
])
def test_a_curly_single_mark_opening_a_sentence_runs_to_its_paragraphs_end(text: str, expected: list[str]) -> None:
    spans, _ = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == expected


def test_excerpts_run_together_with_the_first_close_dropped() -> None:
    # "… 1917... "As a result …": a sentence-final stop and a new opener; the first excerpt is kept, with a warning
    doc = '"The border was drawn in 1920... "Since then, nothing has changed. It is ours."\n'
    spans, warnings = find_quote_spans(doc)
    assert [doc[s.start:s.end] for s in spans] == ["The border was drawn in 1920... ",
                                                    "Since then, nothing has changed. It is ours."]
    assert len(warnings) == 1 and "reopened" in warnings[0]
    # with no stop before the new opener the writer did not end a sentence: the first mark is not kept
    doc = 'He said "we are "ready to talk" now.\n'
    assert texts(doc) == ["ready to talk"]
