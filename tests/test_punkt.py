"""FastPunkt.spans gives nltk Punkt's spans, on tricky candidates and on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from quoteframe.punkt import FastPunkt
from quoteframe.segment import ABBREVIATIONS

PARAMS = PunktParameters()
PARAMS.abbrev_types = set(ABBREVIATIONS)
REFERENCE = PunktSentenceTokenizer(PARAMS)
FAST = FastPunkt(PARAMS)

TRICKY = [
    "", " ", "Hello.", "Very bad acting!!! I promise.", "He said. The end.", 'He said." Then he left.',
    "The U.S. Senate voted. Mr. Smith and Dr. Jones agreed.", "Donald J. Trump spoke. J. 5 was next.",
    "In 2016. The year. It was 3.5 percent. 4. Then", "Wait... what? No! Yes.", "said. . . . And", "said. .x",
    "(He said.) Then she said.", "“Stop.” ‘No.’ «Yes.» (Fine.) [Ok.] {x.} Then.", "a.\nb. C.\n\nD. e.",
    "word.--Next", "end.) Next", "Sept. 5 was the day. Gen. Smith came. Inc. Corp. ltd. X", "ex-Gov. Smith",
    "e.g. this. i.e. that.", "one.\ttwo.\u00a0three. four", "it.?! Then", "no. 5 and vs. them.", "A. B. C. D.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_spans_match_punkt(text: str) -> None:
    assert FAST.spans(text) == list(REFERENCE.span_tokenize(text))


pieces = st.sampled_from(["said", "Mr", "U.S", "J", "2016", "3.5", "ex-Gov", "the", "The", "a", "I", "no", "Inc",
                          ".", "..", "...", "?", "!", ",", ";", ":", "-", "--", '"', "'", "“", "”", "’", "(", ")",
                          " ", " ", "  ", "\n", "\t", "\u00a0", "é", "Д"])


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=40).map("".join))
def test_spans_match_punkt_on_arbitrary_text(text: str) -> None:
    assert FAST.spans(text) == list(REFERENCE.span_tokenize(text))
