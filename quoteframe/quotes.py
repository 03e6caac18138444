"""Extract quotations from documents and give their speakers one canonical name across a corpus.

``extract_quotes`` works on one document and keeps no state between documents, so it can run in any
process; ``canonicalise`` is the one step that needs every row, and runs over the final table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from quoteframe.attribution import DocumentAttributor
from quoteframe.lexicon import Lexicons, load_lexicons
from quoteframe.names import PERSON_TYPES, canonical_names
from quoteframe.quotemarks import find_quote_spans
from quoteframe.records import DocResult, Document, Quote
from quoteframe.segment import Segmenter
from quoteframe.spill import DocSpill

QUOTE_COLUMNS = ["doc_id", "outlet", "quote_id", "kind", "speaker", "speaker_mention", "mention_start",
                 "mention_end", "cue", "start", "end", "text"]


class QuoteExtractor:
    """Holds the lexicons and sentence splitter; ``extract`` is a pure function of one document."""

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self.lex = lexicons or load_lexicons()
        self.seg = Segmenter()

    def extract(self, doc: Document) -> DocResult:
        spans, warnings = find_quote_spans(doc.text)
        result = DocResult(doc.doc_id, doc.outlet, warnings=warnings)
        if not spans:
            return result
        attributor = DocumentAttributor(doc.text, [(s.start, s.end) for s in spans], self.lex, self.seg)
        for i, span in enumerate(spans):
            att = attributor.attribute(i)
            sp = att.speaker
            result.quotes.append(Quote(
                doc_id=doc.doc_id, outlet=doc.outlet, quote_id=f"{doc.doc_id}:q{i + 1:03d}", kind=att.kind,
                speaker=sp.name if sp else "", speaker_mention=sp.mention.text if sp else "",
                mention_start=sp.mention.start if sp else None, mention_end=sp.mention.end if sp else None,
                cue=att.cue, start=span.start, end=span.end, text=doc.text[span.start:span.end],
                speaker_type=sp.etype if sp else "", date=doc.date))
        return result


def extract_quotes(doc: Document, extractor: QuoteExtractor | None = None) -> list[Quote]:
    """The quotations of one document, in text order (speaker names not yet canonical across documents)."""
    return (extractor or QuoteExtractor()).extract(doc).quotes


def person_speakers(quotes: Iterable[Quote]) -> Iterator[str]:
    """Speaker names that vote in ``canonical_names``: people's (and names of unknown type), one per quotation."""
    return (q.speaker for q in quotes if q.speaker and q.speaker_type in PERSON_TYPES)


def titled_speakers(quotes: Iterable[Quote]) -> Iterator[str]:
    """One-word names written after a title or honorific as a speaker's mention (Mr Xi, President Xi) and
    naming that speaker, alone or as the first word of the speaker's name (Xi, Xi Jinping): the family
    names written first that ``canonical_names`` may join, in other documents, to a full name they open."""
    for q in quotes:
        words = q.speaker_mention.split()
        if len(words) >= 2 and q.speaker_type in PERSON_TYPES:
            word = words[-1]
            if q.speaker == word or q.speaker.startswith(word + " "):
                yield word


class QuoteTable:
    """The quotations of a run in table order (doc_id, start, end) with canonical speaker names, built
    from a stream of document results without holding the rows: they wait in a ``DocSpill`` while the
    speaker names are counted, and are read back one document at a time. Rows and order are those of
    ``canonicalise``; use as a context manager (the temporary file is removed on exit)."""

    def __init__(self, results: Iterable[DocResult]) -> None:
        self._spill: DocSpill[Quote] = DocSpill()
        votes: Counter[str] = Counter()
        titled: set[str] = set()
        for res in results:
            votes.update(person_speakers(res.quotes))
            titled.update(titled_speakers(res.quotes))
            self._spill.add(res.doc_id, res.quotes)
        self.mapping = canonical_names(votes.elements(), titled)

    def __iter__(self) -> Iterator[Quote]:
        for quotes in self._spill.by_doc_id():
            quotes.sort(key=lambda q: (q.start, q.end))
            for q in quotes:
                q.speaker = self.mapping.get(q.speaker, q.speaker)
                yield q

    def __enter__(self) -> QuoteTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self._spill.close()


def canonicalise(quotes: Iterable[Quote]) -> list[Quote]:
    """Give every person one canonical name across the corpus and sort rows by (doc_id, start)."""
    rows = list(quotes)
    mapping = canonical_names(person_speakers(rows), titled_speakers(rows))
    for q in rows:
        if q.speaker in mapping:
            q.speaker = mapping[q.speaker]
    rows.sort(key=lambda q: (q.doc_id, q.start, q.end))
    return rows
