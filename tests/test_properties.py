"""Property-based tests: the extractor holds on arbitrary Unicode text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteframe.quotemarks import MARKS, find_quote_spans
from quoteframe.quotes import QuoteExtractor, canonicalise
from quoteframe.records import Document

EXTRACTOR = QuoteExtractor()

news_chars = st.sampled_from(list(MARKS) + list("“”‘’«» \n\n.,:;—-") + ["\u200b", "\u202e", "\u200f", "Д", "ж", "中"])
words = st.sampled_from(["Tokayev", "said", "he", "the", "president", "told", "reporters", "protesters",
                         "according", "to", "Interior", "Ministry", "called", "them", "bandits", "It", "They"])
text_strategy = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(words, news_chars), max_size=120).map(" ".join),
    st.lists(st.one_of(words, news_chars), max_size=120).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_extractor_never_raises_and_offsets_hold(text: str) -> None:
    result = EXTRACTOR.extract(Document("d", text))
    rows = canonicalise(result.quotes)
    assert [(q.start, q.end) for q in rows] == sorted((q.start, q.end) for q in rows)
    for q in rows:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in {"direct", "partial", "scare"}
        if q.mention_start is not None:
            assert text[q.mention_start:q.mention_end] == q.speaker_mention
    # no two quotations overlap
    for a, b in zip(rows, rows[1:]):
        assert a.end <= b.start
    # deterministic
    assert [q.row() for q in canonicalise(EXTRACTOR.extract(Document("d", text)).quotes)] == [q.row() for q in rows]


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_idempotent_on_its_own_quoted_output(text: str) -> None:
    """A quotation found, quoted again on its own, is found again whole."""
    spans, _ = find_quote_spans(text)
    for s in spans:
        inner = text[s.start:s.end]
        if any(ch in MARKS for ch in inner) or "\n" in inner:
            continue
        again, _ = find_quote_spans(f"“{inner}”")
        assert [(a.start, a.end) for a in again] == [(1, 1 + len(inner))]
