"""Word tokens: what the token pattern keeps whole, and that its guard changes no token."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteframe.segment import _TITLE_GUARD, TITLE_ABBREVIATIONS, TOKEN_RE, tokenize

# the token pattern without the lookahead that lets ordinary words skip its four period alternatives
PLAIN = re.compile(r"\b[RDI]-(?:(?:[A-Z]\.){2,}|[A-Z][a-z]{1,4}\.)(?=[,)])|(?:[A-Za-z]\.){2,}|" + _TITLE_GUARD
                   + r"(?i:\b(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\.)(?=[\s,])|\b[A-Z]\.(?=\s+[A-Z])"
                   r"|\w+(?:[’'\-&]\w+|\.(?![A-Z][a-z])\w+|(?<=\d),\d{3}(?!\d))*|[^\w\s]")

pieces = st.sampled_from(["Mr.", "mr.", "MRS.", "Sen.", "St.", "Jr.,", "Dr", "No.", "R-Ky.", "D-N.Y.", "I-Vt.",
                          "R-", "U.S.", "a.m.", "e.g.", "A.B", "J.", "1.5", "16", ",000", "1,2", "3,4567",
                          "Smith", "Ab", ".To", "said", "x", "é.", "İ", "ſ", "ı",
                          "ﬁ.", "_", "-", "&", "’", "'", ".", "..", ",", ")", "(", " ", "  ", "\n"])


@settings(max_examples=600, deadline=None)
@given(st.lists(pieces, max_size=14).map("".join), st.data())
def test_token_pattern_gives_the_tokens_of_the_plain_alternation(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [m.span() for m in TOKEN_RE.finditer(text, start, end)] == [m.span() for m in PLAIN.finditer(text, start, end)]


def test_titles_initials_and_party_labels_keep_their_period() -> None:
    text = "Sen. Ann Lee (R-Ky.), said U.S. officials met Donald J. Trump and Mr. Clarke at 5 p.m. Monday."
    assert [t.text for t in tokenize(text, 0, len(text))] == [
        "Sen.", "Ann", "Lee", "(", "R-Ky.", ")", ",", "said", "U.S.", "officials", "met", "Donald", "J.", "Trump", "and",
        "Mr.", "Clarke", "at", "5", "p.m.", "Monday", "."]


def test_thousands_separators_keep_a_number_whole() -> None:
    text = "It has 16,000 staff, 1,2 and 3,456,789 shares, and 3,4567 rows."
    assert [t.text for t in tokenize(text, 0, len(text))] == [
        "It", "has", "16,000", "staff", ",", "1", ",", "2", "and", "3,456,789", "shares", ",", "and", "3", ",", "4567",
        "rows", "."]
