"""nltk's Punkt sentence splitter, making the same decisions with less work per candidate break.

Attribution splits every paragraph that holds a quotation, so Punkt runs thousands of times per corpus.
Punkt decides each candidate break (``.``, ``?``, ``!``) from a short context: the word before it and
the token after it. nltk builds annotated token objects for every context and finds the start of each
word with a character-by-character Python loop. ``FastPunkt`` overrides just those two steps:

* ``text_contains_sentbreak`` applies Punkt's first and second annotation passes (type-based, then
  collocation, orthographic, sentence-starter, initial and number heuristics) to plain strings;
* ``_get_last_whitespace_index`` finds the last whitespace character with ``str.rfind``.

Everything else (candidate contexts, slicing, realignment) is nltk's own code, so the spans are the
same as ``PunktSentenceTokenizer(params).span_tokenize``'s.
"""

from __future__ import annotations

import string

from nltk.tokenize.punkt import (
    _ORTHO_BEG_LC,
    _ORTHO_LC,
    _ORTHO_MID_UC,
    _ORTHO_UC,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

_WHITESPACE = tuple(string.whitespace)
_NUMBER = "##number##"


class FastPunkt(PunktSentenceTokenizer):
    """A ``PunktSentenceTokenizer`` over fixed parameters whose break decisions skip token objects."""

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        self._end_chars = tuple(self._lang_vars.sent_end_chars)
        self._punctuation = tuple(self.PUNCTUATION)

    def _get_last_whitespace_index(self, text: str) -> int:
        return max(0, max(text.rfind(ch) for ch in _WHITESPACE))

    def text_contains_sentbreak(self, text: str) -> bool:
        """True if a token other than the last ends a sentence (nltk's definition)."""
        tokenize = self._lang_vars.word_tokenize
        toks: list[str] = []
        for line in text.split("\n"):
            if line.strip():
                toks.extend(tokenize(line))
        if len(toks) < 2:
            return False
        first = [self._first_pass(tok) for tok in toks]
        for k in range(len(toks) - 1):
            if self._second_pass(toks[k], first[k], toks[k + 1], first[k + 1]):
                return True
        return False

    def _first_pass(self, tok: str) -> tuple[bool, bool, bool]:
        """(sentbreak, abbreviation, ellipsis) from the token alone: PunktBaseClass._first_pass_annotation."""
        if tok in self._end_chars:
            return True, False, False
        if PunktToken._RE_ELLIPSIS.match(tok):
            return False, False, True
        if tok.endswith(".") and not tok.endswith(".."):
            low = tok[:-1].lower()
            abbrevs = self._params.abbrev_types
            if low in abbrevs or low.split("-")[-1] in abbrevs:
                return False, True, False
            return True, False, False
        return False, False, False

    @staticmethod
    def _type(tok: str) -> str:
        return PunktToken._RE_NUMERIC.sub(_NUMBER, tok.lower())

    def _ortho(self, tok: str, typ: str) -> bool | str:
        """PunktSentenceTokenizer._ortho_heuristic: is ``tok`` (of type ``typ``) a sentence starter?"""
        if tok in self._punctuation:
            return False
        context = self._params.ortho_context.get(typ, 0)
        if tok[0].isupper() and (context & _ORTHO_LC) and not (context & _ORTHO_MID_UC):
            return True
        if tok[0].islower() and ((context & _ORTHO_UC) or not (context & _ORTHO_BEG_LC)):
            return False
        return "unknown"

    def _second_pass(self, tok: str, ann: tuple[bool, bool, bool], nxt: str, nxt_ann: tuple[bool, bool, bool]) -> bool:
        """Whether ``tok`` ends a sentence after PunktSentenceTokenizer._second_pass_annotation."""
        sentbreak, abbr, ellipsis = ann
        if not tok.endswith("."):
            return sentbreak
        typ = self._type(tok)
        if len(typ) > 1 and typ[-1] == ".":
            typ = typ[:-1]
        next_typ = self._type(nxt)
        if nxt_ann[0] and len(next_typ) > 1 and next_typ[-1] == ".":
            next_typ = next_typ[:-1]
        initial = PunktToken._RE_INITIAL.match(tok)
        params = self._params
        if (typ, next_typ) in params.collocations:
            return False
        if (abbr or ellipsis) and not initial:
            starter = self._ortho(nxt, next_typ)
            if starter is True:
                return True
            if nxt[0].isupper() and next_typ in params.sent_starters:
                return True
        if initial or typ == _NUMBER:
            starter = self._ortho(nxt, next_typ)
            if starter is False:
                return False
            if starter == "unknown" and initial and nxt[0].isupper() \
                    and not (params.ortho_context.get(next_typ, 0) & _ORTHO_LC):
                return False
        return sentbreak
