"""Find quotation spans by pairing quotation marks, paragraph by paragraph.

Only the quotation-mark characters are visited (one regex scan), so the cost is linear in the text and
independent of how the rest of it would tokenise. Rules follow English news typography:

* double marks (straight, curly, low-9, guillemets) and single curly/straight marks used as quote marks
  (headlines: ‘Shoot-To-Kill’) pair within a paragraph (a line); a mismatched pair (“… ") still pairs;
* an apostrophe (Kazakhstan’s, o’clock, ’90s, protesters’) is never a quote mark;
* a paragraph that ends inside a quotation continues it when the next paragraph reopens it (the
  convention for multi-paragraph quotations): each paragraph's part is its own span, the later ones
  continuing the first's speaker; when the next paragraph instead closes it before opening anything
  (a break typed inside the quotation), it is one quotation across the break; otherwise a double mark
  left open is reported and its quotation runs to the end of its paragraph (the close was dropped, or
  the excerpt cut), so it spoils at most its own paragraph;
* only outermost quotations are returned: a quotation inside a quotation is part of its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from quoteframe.records import QuoteSpan

DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
BACKTICK = "`"  # some publishing systems turn every single mark into a backtick (Japan`s, `colonialism`)
MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE + BACKTICK
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE
MARK_RE = re.compile("[" + re.escape(MARKS) + "]")
# the marks worth classifying: a single mark between two letters or digits is an apostrophe (Kazakhstan’s)
# whatever its context, so the scan skips it in C instead of classifying it in Python
_DOUBLES = "[" + re.escape(DOUBLE_MARKS) + "]"
CANDIDATE_RE = re.compile("[" + re.escape(MARKS) + "](?:(?<=" + _DOUBLES + ")|(?<![^\\W_].)|(?![^\\W_]))")
NONBLANK_RE = re.compile(r"\S")
OPENING_CONTEXT = set(" \t\u00a0([{<–—-/\u200b\u200e\u200f\u2028\u2029\ufeff") | set(DOUBLE_OPEN + SINGLE_OPEN)
CLOSING_PUNCT = set(".,;:!?)]}…–—-/")

OPEN, CLOSE, EITHER, SKIP = "open", "close", "either", "skip"


@dataclass
class _Open:
    family: str  # "d" or "s"
    pos: int
    mark: str
    line: int
    crossed: bool = False  # already runs on over one paragraph break with no mark reopening it


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _left_opens(left: str) -> bool:
    return left == "" or left.isspace() or left in OPENING_CONTEXT


def _right_closes(right: str) -> bool:
    return right == "" or right.isspace() or right in CLOSING_PUNCT or right in DOUBLE_CLOSE + SINGLE_CLOSE + '"\''


def classify(mark: str, left: str, right: str, family_open: bool) -> tuple[str, str]:
    """Return (family, role) of one mark from its neighbours and whether its family is open."""
    if mark in DOUBLE_OPEN:
        # a curly opener typed where a closer belongs (word“ followed by space) closes
        if family_open and not _left_opens(left) and _right_closes(right):
            return "d", CLOSE
        return "d", OPEN
    if mark in DOUBLE_CLOSE:
        if not family_open and _left_opens(left) and _is_word(right):
            return "d", OPEN
        return "d", CLOSE
    if mark == STRAIGHT_DOUBLE:
        opens, closes = _left_opens(left) and not right.isspace() and right != "", _right_closes(right) and not (left == "" or left.isspace())
        if opens and not closes:
            return "d", OPEN
        if closes and not opens:
            return "d", CLOSE
        return "d", EITHER
    # single marks: apostrophes first
    if _is_word(left) and _is_word(right):
        return "s", SKIP  # Kazakhstan’s, o’clock, rock'n'roll
    if mark in SINGLE_OPEN:
        if _left_opens(left) and right and not right.isspace():
            return "s", OPEN
        return "s", SKIP
    # ’ or ' : an elided year or word start ('90s, ’em) is an apostrophe
    if _left_opens(left) and right[:1].isdigit():
        return "s", SKIP
    if mark in (STRAIGHT_SINGLE, BACKTICK) and _left_opens(left) and _is_word(right):
        return "s", OPEN if not family_open else SKIP
    if family_open and left and not left.isspace() and _right_closes(right):
        return "s", CLOSE
    return "s", SKIP  # protesters’ (plural possessive) when no single quotation is open


def _runs_on(text: str, opened: _Open) -> bool:
    """Whether a quotation left open when its paragraph (or the excerpt) ends runs to that end: a double
    mark, or a curly single one opening a sentence (‘No company will be …¶ in British style, cut short),
    which no apostrophe can be."""
    if opened.family == "d":
        return True
    start = opened.pos - len(opened.mark) + 1
    before = text[:start].rstrip(" \t")
    return opened.mark == "‘" and (before == "" or before[-1] in ".!?:\n")


def _slipped_close(text: str, i: int, opened: _Open) -> bool:
    """Whether a straight double mark glued to the next word closes the open quotation after all: a
    spacing slip of scraped and machine-translated text. Either the mark follows a sentence's punctuation
    and a space (… and overseas, "said the head of state) or the open quotation's own mark stood apart from
    its first word (called for " union "against): the text spaces its marks, not the words they enclose;
    and the marks left in the paragraph would leave it open as an opener."""
    before = text[i - 2:i]
    if not (len(before) == 2 and before[1] == " " and before[0] in ",.!?;:" or text[opened.pos + 1:opened.pos + 2] == " "):
        return False
    # and as an opener it would stay open: no mark later in its paragraph closes it (… he added, "this is
    # how …." reopens after a close was dropped)
    end = text.find("\n", i)
    return text.count(STRAIGHT_DOUBLE, i + 1, len(text) if end == -1 else end) % 2 == 0


def find_quote_spans(text: str) -> tuple[list[QuoteSpan], list[str]]:
    """Return the outermost quotation spans of ``text`` and warnings (with line numbers)."""
    spans: list[QuoteSpan] = []
    warnings: list[str] = []
    stack: list[_Open] = []
    skip_pos = -1
    line_no = 0
    pos = 0
    n = len(text)
    while pos <= n:
        if not stack:
            # nothing is open, so lines without a candidate mark change nothing: jump to the next one
            nxt_mark = CANDIDATE_RE.search(text, pos)
            if nxt_mark is None:
                break
            line_start = text.rfind("\n", pos, nxt_mark.start()) + 1
            if line_start > 0:
                line_no += text.count("\n", pos, line_start)
                pos = line_start
        line_no += 1
        nl = text.find("\n", pos)
        line_end = n if nl == -1 else nl
        for i, mark, left, right, width in _marks(text, pos, line_end):
            if i == skip_pos:
                continue
            fam_guess = "d" if mark in DOUBLE_MARKS else "s"
            family_open = any(o.family == fam_guess for o in stack)
            family, role = classify(mark, left, right, family_open)
            if role == SKIP:
                continue
            if role == EITHER:
                role = CLOSE if family_open else OPEN
            if role == OPEN and mark == STRAIGHT_DOUBLE and stack and stack[-1].family == "d" and _slipped_close(text, i, stack[-1]):
                role = CLOSE
            if role == OPEN:
                if stack and stack[-1].family == family:
                    warnings.append(f"line {stack[-1].line}: unbalanced {stack[-1].mark} (reopened before it closed)")
                    opened = stack.pop()
                    if family == "d" and not stack and text[opened.pos + 1:i].rstrip().endswith((".", "!", "?", "…")):
                        # “… of 1917... “As a result …: excerpts run together, the close of the first dropped
                        # before the next opens; what the first mark opened is a quotation up to the new one
                        spans.append(QuoteSpan(opened.pos + 1, i, opened.mark, ""))
                stack.append(_Open(family, i + width - 1, text[i:i + width], line_no))  # the content starts after it
                continue
            # closing
            idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family == family), None)
            if idx is None:
                if family == "d":
                    warnings.append(f"line {line_no}: closing {mark} with no opening mark")
                continue
            opened = stack[idx]
            for dropped in stack[idx + 1:]:
                if dropped.family == "d":
                    warnings.append(f"line {dropped.line}: unbalanced {dropped.mark} inside a quotation")
            del stack[idx:]
            if not stack and text[opened.pos + 1:i].strip():
                spans.append(QuoteSpan(opened.pos + 1, i, opened.mark, text[i:i + width]))
        if nl == -1:
            if stack and _runs_on(text, stack[0]) and text[stack[0].pos + 1:].strip():
                spans.append(QuoteSpan(stack[0].pos + 1, len(text.rstrip()), stack[0].mark, ""))  # as at a paragraph's end
            break
        pos = nl + 1
        if stack:
            nxt = _next_paragraph_start(text, pos)
            outer = stack[0]
            if nxt is not None and _reopens(text, nxt, outer.family):
                # multi-paragraph quotation: each paragraph's part is a quotation of its own (what the
                # marks enclose: the convention leaves the mark off where a paragraph ends inside it), and
                # the reopened part continues it; only the outer one is kept open across the break
                for dropped in stack[1:]:
                    if dropped.family == "d":
                        warnings.append(f"line {dropped.line}: unbalanced {dropped.mark} (paragraph ended)")
                end = len(text[:line_end].rstrip())
                if text[outer.pos + 1:end].strip():
                    spans.append(QuoteSpan(outer.pos + 1, end, outer.mark, ""))
                skip_pos = nxt
                line_no += text.count("\n", pos, nxt)
                width = 2 if text.startswith(STRAIGHT_SINGLE * 2, nxt) else 1
                stack[:] = [_Open(outer.family, nxt + width - 1, text[nxt:nxt + width], line_no + 1)]
                pos = text.rfind("\n", 0, nxt) + 1
            elif outer.family == "d" and not outer.crossed and nxt is not None and _closes_first(text, nxt):
                # “… aggression.¶¶ Ukraine will defend itself.” — the paragraph break fell inside the
                # quotation and the next paragraph closes it before opening anything: one quotation
                for dropped in stack[1:]:
                    if dropped.family == "d":
                        warnings.append(f"line {dropped.line}: unbalanced {dropped.mark} (paragraph ended)")
                del stack[1:]
                outer.crossed = True
                line_no += text.count("\n", pos, nxt)
                pos = text.rfind("\n", 0, nxt) + 1
            else:
                for dropped in stack:
                    if dropped.family == "d":
                        warnings.append(f"line {dropped.line}: unbalanced {dropped.mark} (no closing mark in its paragraph)")
                end = len(text[:line_end].rstrip())
                if _runs_on(text, outer) and text[outer.pos + 1:end].strip():
                    # a double mark left open when its paragraph ends: the writer (or the excerpt) dropped
                    # the close, and what follows the mark to the paragraph's end is the quotation
                    spans.append(QuoteSpan(outer.pos + 1, end, outer.mark, ""))
                stack.clear()
    for dropped in stack:
        if dropped.family == "d":
            warnings.append(f"line {dropped.line}: unbalanced {dropped.mark} (text ended)")
    return spans, warnings


def _marks(text: str, pos: int, end: int) -> Iterator[tuple[int, str, str, str, int]]:
    """The candidate marks of ``text[pos:end]`` as (offset, mark, left, right, width). Two straight single
    marks typed for a double one (archives and wire copy: two apostrophes, Yes, two apostrophes, he said)
    are one double mark of width 2; a run of three is that and a nested single mark, the single inside:
    it opens double then single when it opens, and closes single then double when it closes."""
    skip_to = -1
    for m in CANDIDATE_RE.finditer(text, pos, end):
        i = m.start()
        if i < skip_to:
            continue
        mark = m.group()
        left = text[i - 1] if i > pos else ""
        if mark == STRAIGHT_SINGLE and text.startswith(STRAIGHT_SINGLE * 2, i) and left != STRAIGHT_SINGLE:
            run = 2
            while i + run < end and text[i + run] == STRAIGHT_SINGLE:
                run += 1
            after = text[i + run] if i + run < end else ""
            skip_to = i + run
            if run == 2:
                yield i, STRAIGHT_DOUBLE, left, after, 2
            elif _left_opens(left):
                yield i, STRAIGHT_DOUBLE, left, STRAIGHT_SINGLE, 2
                yield i + 2, STRAIGHT_SINGLE, " ", after, 1
            else:
                yield i, STRAIGHT_SINGLE, left, " ", 1
                yield i + 1, STRAIGHT_DOUBLE, STRAIGHT_SINGLE, after, 2
            continue
        yield i, mark, left, text[i + 1] if i + 1 < end else "", 1


def _next_paragraph_start(text: str, pos: int) -> int | None:
    """Offset of the first non-blank character at or after ``pos`` (blank lines skipped)."""
    m = NONBLANK_RE.search(text, pos)
    return m.start() if m else None


def _closes_first(text: str, start: int) -> bool:
    """Whether the first double mark of the paragraph at ``start`` can only close (``now.”`` or ``now."``
    followed by a space), before any other mark of that family: the quotation left open runs on."""
    nl = text.find("\n", start)
    end = len(text) if nl == -1 else nl
    for m in CANDIDATE_RE.finditer(text, start, end):
        i = m.start()
        mark = m.group()
        if mark not in DOUBLE_MARKS:
            continue
        left = text[i - 1] if i > start else ""
        right = text[i + 1] if i + 1 < end else ""
        return classify(mark, left, right, True) == ("d", CLOSE) and not _left_opens(left)
    return False


def _reopens(text: str, i: int, family: str) -> bool:
    ch = text[i]
    if family == "d":
        return ch in DOUBLE_OPEN or ch == STRAIGHT_DOUBLE or text.startswith(STRAIGHT_SINGLE * 2, i)
    return ch in SINGLE_OPEN
