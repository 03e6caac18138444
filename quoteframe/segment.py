"""Clean and segment: paragraphs, sentences and word tokens, all as offsets into the original text.

Nothing here rewrites the document. Sentence splitting uses nltk's Punkt with preset parameters (no
model data is needed) over a copy in which curly quotes are replaced by straight ones of the same length,
so that Punkt sees ``shortly.”`` as a sentence end exactly as it sees ``shortly."``.
Work is done per paragraph and only where a caller asks, never over a whole article.
"""

from __future__ import annotations

import re

from nltk.tokenize.punkt import PunktParameters

from quoteframe.punkt import FastPunkt

ABBREVIATIONS = (
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt maj adm cmdr st jr sr hon inc ltd co corp dept est "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun "
    "u.s u.k u.n e.u a.m p.m no vs etc approx fig ft mt pres sec "
    # AP state abbreviations of party-state labels (Sen. X, R-Ky., said), those that are no English word
    "ala ariz ark calif colo conn fla ga kan ky md mich minn mont neb nev okla tenn vt wis wyo"
).split()

QUOTE_NORMALISE = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                                 "‘": "'", "’": "'", "‚": "'", "‹": "'", "›": "'"})
QUOTE_PAIRS = [(chr(mark), plain) for mark, plain in QUOTE_NORMALISE.items()]

TITLE_ABBREVIATIONS = "mr mrs ms dr prof sen rep gov gen col lt sgt capt maj adm cmdr st jr sr rev fr atty supt insp hon".split()
# The title alternative is tried at every token, and its case-insensitive branches are slow to fail, so
# it is guarded by a lookahead it implies: every character a case-insensitive letter of these
# abbreviations matches is a word character (ſ, ı and İ included), so a match is a run of as many word
# characters as the abbreviation has letters, then a period and whitespace or a comma (Ann Lee Jr., the
# founder). The guard fails fast on
# ordinary words and changes no match.
_TITLE_GUARD = (r"(?=\w{" + str(min(map(len, TITLE_ABBREVIATIONS))) + "," + str(max(map(len, TITLE_ABBREVIATIONS)))
                + r"}\.[\s,])")
# A period inside a word joins it (3.5, U.S, example.com) unless a capital and a small letter follow it: a
# missing space after a full stop in scraped text (said Macron.To help …) splits there.
# abbreviations, initials and party-state labels keep their period (Mr. Clarke, Donald J. Trump, U.S.,
# R-Ky.), so a period token always ends a sentence
#
# The four alternatives before the plain word all end their first word-like part with a period within
# seven characters (R-Ky., D-N.Y., U.S., Mr., J.): a run of at most seven word characters or hyphens, then
# a period. The guard ``_PERIOD_GUARD`` says so (possessively: the run cannot hold the period, so giving
# characters back cannot help), and ordinary words, and the white space between tokens, fail it at once
# instead of failing four alternatives one after the other; it changes no match (the alternatives are
# tried in the same order), and makes tokenising about a third faster.
_PERIOD_GUARD = r"(?=[\w-]{1,7}+\.)"
# a company's abbreviated suffix before a comma, a lower-case word or another suffix (an analyst at Cowen & Co.,
# said; a spokeswoman for Acme Inc. said; Samsung Electronics Co. Ltd.): no sentence ends there
COMPANY_ABBREVIATIONS = "co inc ltd corp plc llc bros".split()
TOKEN_RE = re.compile(_PERIOD_GUARD + r"(?:\b[RDI]-(?:(?:[A-Z]\.){2,}|[A-Z][a-z]{1,4}\.)(?=[,)])|"
                      r"(?:[A-Za-z]\.){2,}|" + _TITLE_GUARD + r"(?i:\b(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\.)(?=[\s,])"
                      r"|(?=\w{2,4}\.(?:,|\s+[a-z]|\s+(?:Ltd|Inc|Corp|LLC|Plc)\b))(?i:\b(?:" + "|".join(COMPANY_ABBREVIATIONS) + r")\.)"
                      r"|\b[A-Z]\.(?=\s+[A-Z]))|\w+(?:[’'\-&]\w+|\.(?![A-Z][a-z])\w+|(?<=\d),\d{3}(?!\d))*|[^\w\s]")


POSSESSIVE_LAST = ("s", "’", "'")  # the last character of every possessive ending


class Token:
    """A word or punctuation mark with its offsets; ``quote`` >= 0 marks a placeholder for a quotation.

    A plain slotted class: tokens are made by the thousand, and ``lower`` is read on every rule.
    """

    __slots__ = ("text", "start", "end", "quote", "lower")

    def __init__(self, text: str, start: int, end: int, quote: int = -1) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.quote = quote
        self.lower = text.lower()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.quote})"

    @property
    def is_cap(self) -> bool:
        return self.quote < 0 and self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.quote < 0 and self.text[:1].isalnum()

    @property
    def bare(self) -> str:
        """The word without a possessive ending (Kazakhstan’s -> Kazakhstan)."""
        if self.text[-1:] not in POSSESSIVE_LAST:  # most words: no ending to strip
            return self.text
        for suffix in ("’s", "'s", "’", "'"):
            if self.text.endswith(suffix) and len(self.text) > len(suffix):
                return self.text[: -len(suffix)]
        return self.text

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("’s", "'s")) and len(self.text) > 2


class Segmenter:
    """Sentence splitter with preset Punkt parameters (holds no corpus state)."""

    def __init__(self) -> None:
        params = PunktParameters()
        params.abbrev_types = set(ABBREVIATIONS)
        self._punkt = FastPunkt(params)

    def sentences(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence spans of ``text[start:end]`` as absolute offsets."""
        chunk = text[start:end]
        if not chunk.isascii():  # str.translate is slow; one replace per curly mark present is not
            for mark, plain in QUOTE_PAIRS:
                if mark in chunk:
                    chunk = chunk.replace(mark, plain)
        out: list[tuple[int, int]] = []
        for s, e in self._punkt.spans(chunk):
            if out and (chunk[s:s + 1] in NO_SENTENCE_START
                        or chunk[s:s + 1].islower() and chunk[:s].rstrip()[-1:] in {".", ")"}):
                # (D-Ill.), said / (D-N.Y.) reacted: no sentence opens with a closing bracket or in lower case
                out[-1] = (out[-1][0], start + e)
            else:
                out.append((start + s, start + e))
        return out


NO_SENTENCE_START = {")", "]", ",", ";"}


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line (paragraph) that contains ``pos``: scraped news puts one paragraph on a line."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end == -1 else end)


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int, int]] | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``; each quotation (qstart, qend, index) becomes one placeholder token.

    ``qstart``/``qend`` include the quotation marks, so nothing of a quotation leaks into the tokens.
    """
    tokens: list[Token] = []
    pos = start
    for qs, qe, idx in sorted(quotes or []):
        if qe <= start or qs >= end:
            continue
        tokens.extend(_plain(text, pos, max(pos, qs)))
        tokens.append(Token(text[qs:qe], qs, qe, idx))
        pos = max(pos, qe)
    tokens.extend(_plain(text, pos, end))
    return tokens


def _plain(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]
