"""The records that flow between steps: documents in, quotations out."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar


class Row:
    """A record that pickles as its class and field values.

    Worker processes send every quotation and framing hit back to the main process; unpickling a slots
    dataclass runs its Python ``__setstate__`` (about 7 µs a record), rebuilding it from a tuple runs
    ``__init__`` (about 1 µs), and the main process is what limits how many workers help.
    """

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]]  # set by @dataclass: the fields, in __init__ order

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        cls = type(self)
        return cls, operator.attrgetter(*cls.__match_args__)(self)


@dataclass(frozen=True)
class Document:
    """One article as decoded; every offset elsewhere points into ``text``."""

    doc_id: str
    text: str
    outlet: str = ""
    date: str = ""
    source: str = ""  # file (and line) it came from, for messages


@dataclass(frozen=True)
class Skip:
    """A document that could not be read, with the reason shown to the user."""

    source: str
    reason: str


@dataclass(frozen=True)
class QuoteSpan:
    """Content between a pair of quotation marks (marks excluded) and the marks used."""

    start: int
    end: int
    open_mark: str
    close_mark: str


@dataclass(slots=True)
class Quote(Row):
    """A quotation with its kind and speaker; ``text == document.text[start:end]``."""

    doc_id: str
    outlet: str
    quote_id: str
    kind: str  # direct | partial | scare
    speaker: str
    speaker_mention: str
    mention_start: int | None
    mention_end: int | None
    cue: str
    start: int
    end: int
    text: str
    speaker_type: str = ""  # person | org | group | "" (not an output column)
    date: str = ""
    # the titles and modifier keys (``mentions.modifier_key``) the document gives a person speaker, for
    # roles that other documents leave unresolved (``roleholders``; not output columns)
    speaker_titles: tuple[str, ...] = ()
    speaker_modifiers: tuple[str, ...] = ()

    def row(self) -> dict[str, object]:
        """The output-contract columns of this quotation."""
        return {
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "quote_id": self.quote_id,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "mention_start": "" if self.mention_start is None else self.mention_start,
            "mention_end": "" if self.mention_end is None else self.mention_end,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "date": self.date,
        }


@dataclass
class DocResult:
    """Everything extraction learned from one document: its quotations and the problems it noticed."""

    doc_id: str
    outlet: str
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    n_words: int = 0  # all words (set by framing analysis)
    own_words: int = 0  # words outside quotations
    quoted_words: int = 0  # words inside direct and partial quotations (the quoted voice's denominator)
    scare_words: int = 0  # words inside the outlet's scare quotes
    terms: object = None  # quoteframe.discover.DocTerms, filled by --discover
    frame_hits: list = field(default_factory=list)  # list[FrameHit], filled by quoteframe.frames
    date: str = ""  # the document's, as read (manifest or --date-field): tables split by it (--by-date)

    def renamed(self, doc_id: str) -> DocResult:
        """This result under another doc_id (a repeated id made unique after analysis), quote ids with it."""
        old = f"{self.doc_id}:"

        def quote_id(qid: str) -> str:
            return f"{doc_id}:{qid[len(old):]}" if qid.startswith(old) else qid

        return replace(self, doc_id=doc_id,
                       quotes=[replace(q, doc_id=doc_id, quote_id=quote_id(q.quote_id)) for q in self.quotes],
                       frame_hits=[replace(h, doc_id=doc_id, quote_id=quote_id(h.quote_id)) for h in self.frame_hits])
