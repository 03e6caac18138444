"""nltk's Punkt sentence splitter, making the same decisions with less work per candidate break.

Attribution splits every paragraph that holds a quotation, so Punkt runs thousands of times per corpus.
Punkt decides each candidate break (``.``, ``?``, ``!``) from a short context: the word before it and
the token after it. nltk builds annotated token objects for every context and finds the start of each
word with a character-by-character Python loop. ``FastPunkt`` overrides just those two steps:

* ``text_contains_sentbreak`` applies Punkt's first and second annotation passes (type-based, then
  collocation, orthographic, sentence-starter, initial and number heuristics) to plain strings;
* ``_get_last_whitespace_index`` finds the last whitespace character with ``str.rfind``.

``FastPunkt`` searches a paragraph for candidate breaks with ``re`` (nltk's period-context pattern, its
white space spelled as the ``regex`` module reads it) instead of nltk's ``regex`` pattern behind a
timeout wrapper. ``FastPunkt.spans`` also redoes nltk's candidate contexts, slicing and realignment in one plain loop
(nltk chains three generators and routes every regex call through a timeout wrapper), and decides the
commonest candidates, ``word.`` and ``?``/``!``, without tokenising their context at all. The spans are
the same as ``PunktSentenceTokenizer(params).span_tokenize``'s; scripts/check_punkt.py compares them on
every line of a corpus.
"""

from __future__ import annotations

import functools
import re
import string
from typing import Any

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
# "word." followed by whitespace and a token that does not start with a period, or by one of Punkt's
# non-word characters: Punkt's first token of such a context is "word." and nothing else can keep it
# from ending a sentence unless "word" is an abbreviation (see ``FastPunkt._breaks``)
_PLAIN_END_RE = re.compile(r"([A-Za-z]{2,})\.(?:\s+[^\s.]|[)\";}\]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!])")
# first characters that ``re_boundary_realignment`` can match at all
_REALIGN_FIRST = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")


@functools.cache
def _whitespace_class(negated: bool) -> str:
    """A character class of exactly the characters the ``regex`` module's ``\\s`` matches (Unicode
    White_Space, none of which is above U+3000): ``re``'s ``\\s`` matches four more (the separators U+001C
    to U+001F), so it cannot stand in."""
    import regex  # nltk's engine (nltk depends on it)

    space = regex.compile(r"\s")
    chars = "".join(f"\\u{ord(ch):04x}" for ch in map(chr, range(0x3000 + 1)) if space.match(ch))
    return ("[^" if negated else "[") + chars + "]"


def _period_context(lang_vars: Any) -> Any:
    """nltk's period-context pattern (a candidate break and the token after it) compiled by ``re``, when it
    is the pattern this module knows, with ``\\s``/``\\S`` spelled as the ``regex`` module reads them;
    otherwise nltk's own. nltk compiles it with the ``regex`` module behind a timeout wrapper, which costs
    more than the search on the short paragraph it runs over; the pattern is linear (each candidate's
    lookahead reads one run of white space and one token), so it needs no timeout."""
    wrapped = lang_vars.period_context_re()
    raw = _unwrapped(wrapped)
    pattern = raw.pattern
    if pattern.count("\\s") != 1 or pattern.count("\\S") != 1 or "\\" + "w" in pattern or "\\W" in pattern:
        return wrapped
    pattern = pattern.replace("\\s", _whitespace_class(False)).replace("\\S", _whitespace_class(True))
    return re.compile(pattern, re.VERBOSE)


def _unwrapped(pattern: Any) -> Any:
    """The compiled pattern inside nltk's timeout wrapper (same engine, same semantics, no per-call wrapper),
    for patterns applied to a short, bounded string only."""
    return getattr(pattern, "_rx", pattern)


class FastPunkt(PunktSentenceTokenizer):
    """A ``PunktSentenceTokenizer`` over fixed parameters whose break decisions skip token objects."""

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        self._end_chars = tuple(self._lang_vars.sent_end_chars)
        self._punctuation = tuple(self.PUNCTUATION)
        # the unwrapped patterns below only ever see one token or the few words of one candidate's context;
        # the one run over a whole paragraph is ``_period_context``'s (see there)
        self._period_context = _period_context(self._lang_vars)
        self._realignment = self._lang_vars.re_boundary_realignment
        self._word_tokenizer = _unwrapped(self._lang_vars._word_tokenizer_re())
        self._ellipsis = _unwrapped(PunktToken._RE_ELLIPSIS)
        self._numeric = _unwrapped(PunktToken._RE_NUMERIC)
        self._initial = _unwrapped(PunktToken._RE_INITIAL)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Exactly ``list(self.span_tokenize(text))``: sentence spans of ``text``, realigned."""
        return self._realign(text, self._slices(text))

    def _slices(self, text: str) -> list[tuple[int, int]]:
        """nltk's ``_slices_from_text`` over ``_match_potential_end_contexts``, as one loop."""
        out: list[tuple[int, int]] = []
        last_break = 0
        prev_start = prev_stop = 0
        previous = None
        # whitespace other than spaces that the text holds at all (a paragraph usually has none)
        others = [ch for ch in _WHITESPACE if ch != " " and ch in text]
        for match in self._period_context.finditer(text):
            mstart = match.start()
            # the word before the candidate: after the last whitespace since the previous word
            found = text.rfind(" ", prev_stop, mstart)
            for ch in others:
                found = max(found, text.rfind(ch, prev_stop, mstart))
            word_start = found + 1 if found > prev_stop else prev_start
            # a candidate whose word overlaps the previous one's (acting!!!) replaces it
            if previous is not None and prev_stop <= word_start:
                last_break = self._take(text, previous, prev_start, prev_stop, last_break, out)
            previous, prev_start, prev_stop = match, word_start, mstart
        if previous is not None:
            last_break = self._take(text, previous, prev_start, prev_stop, last_break, out)
        out.append((last_break, len(text.rstrip())))
        return out

    def _take(self, text: str, match: Any, word_start: int, word_stop: int, last_break: int,
              out: list[tuple[int, int]]) -> int:
        """Append the sentence ending at ``match`` if it breaks there; return where the next one starts."""
        context = text[word_start:word_stop] + match.group() + match.group("after_tok")
        if not self._breaks(context, match.group()):
            return last_break
        out.append((last_break, match.end()))
        return match.start("next_tok") if match.group("next_tok") else match.end()

    def _breaks(self, context: str, mark: str) -> bool:
        """``text_contains_sentbreak(context)`` for the context of one candidate ending in ``mark``.

        ``?`` and ``!`` are tokens of their own that are never a context's last token (something always
        follows them in the context), and end a sentence by the first pass, which the second pass never
        changes for a token without a period. A plain word ending in a period is Punkt's first token, a
        sentence break by the first pass (it is no abbreviation), and the second pass keeps that for a
        token that is neither an initial nor a number.
        """
        if mark != ".":
            return True
        m = _PLAIN_END_RE.match(context)
        if m is not None and m.group(1).lower() not in self._params.abbrev_types:
            return True
        return self.text_contains_sentbreak(context)

    def _realign(self, text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """nltk's ``_realign_boundaries``: closing quotes and brackets after a break join the sentence before."""
        out: list[tuple[int, int]] = []
        realign = 0
        last = len(slices) - 1
        for k, (start, stop) in enumerate(slices):
            start += realign
            if k == last:
                if stop > start:
                    out.append((start, stop))
                break
            start2, stop2 = slices[k + 1]
            m = None
            if text[start2:start2 + 1] in _REALIGN_FIRST:
                m = self._realignment.match(text[start2:stop2])
            if m:
                out.append((start, start2 + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if stop > start:
                    out.append((start, stop))
        return out

    def _get_last_whitespace_index(self, text: str) -> int:
        return max(0, max(text.rfind(ch) for ch in _WHITESPACE))

    def text_contains_sentbreak(self, text: str) -> bool:
        """True if a token other than the last ends a sentence (nltk's definition)."""
        tokenize = self._word_tokenizer.findall  # PunktLanguageVars.word_tokenize, unwrapped
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
        if self._ellipsis.match(tok):
            return False, False, True
        if tok.endswith(".") and not tok.endswith(".."):
            low = tok[:-1].lower()
            abbrevs = self._params.abbrev_types
            if low in abbrevs or low.split("-")[-1] in abbrevs:
                return False, True, False
            return True, False, False
        return False, False, False

    def _type(self, tok: str) -> str:
        return self._numeric.sub(_NUMBER, tok.lower())

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
        initial = self._initial.match(tok)
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
