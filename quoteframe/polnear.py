"""Score direct-quotation attribution on PolNeAR (Newell, Margolin and Ruths 2018), read from the user's copy.

PolNeAR annotates every attribution of 1,008 US political news articles in brat standoff: ``Source``,
``Cue`` and ``Content`` spans linked by an ``E`` line; spans may be discontinuous (``Content 256 377;463
616``). Some articles were annotated by several annotators (``<article>_<annotator>.ann``): the
alphabetically first file is used, so scores are reproducible. Only the train and dev splits are read;
nothing of PolNeAR is shipped with quoteframe.

A gold item is a *direct* quotation: an attribution whose every content piece is wholly inside quotation
marks. PolNeAR's New York Times articles mark quotations with two straight single marks (''…''): the
historic measures leave those quotations out on both sides (gold and predictions), and the measure
``… '' marks too`` counts them as well. A prediction is a quotation quoteframe calls direct and attributes to a mention. A prediction is
correct when it overlaps a gold item's content and its mention overlaps that item's source; for the
stricter ``speaker head`` measure the mention must also be the source's head, with only modifiers before
it in the source, so that a noun inside an attached phrase or an appositive (``California`` in "Paul
Huntley, a delegate from California") does not count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quoteframe.errors import InputError
from quoteframe.evaluate import Score
from quoteframe.records import Document, Quote

ANN_ID = re.compile(r"^[TEARN#*]\d*\t")
OPENERS = '"“'
CLOSERS = '"”'
ARCHIVE_DOUBLE = "''"  # two straight single marks typed for a double one (the archive copy of some outlets)


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: content pieces and source span (or None)."""

    content: tuple[tuple[int, int], ...]
    source: tuple[int, int] | None
    direct: bool
    archive: bool = False  # direct only when two straight single marks count as a double one


def _spans(text: str) -> tuple[tuple[int, int], ...]:
    pieces = []
    for piece in text.split(";"):
        a, b = piece.split()
        pieces.append((int(a), int(b)))
    return tuple(pieces)


def _is_quoted(doc: str, start: int, end: int, archive: bool = False) -> bool:
    """True when a content piece lies inside quotation marks.

    PolNeAR cuts the content of a long quotation at sentence ends, so a piece need not start or end
    with a mark: it is inside a quotation when it starts with an opening mark, or when its paragraph
    has an unclosed opening mark before it, and it contains no mark that closes and reopens.
    """
    piece = doc[start:end].strip()
    para_start = doc.rfind("\n", 0, start) + 1
    before = doc[para_start:start]
    if archive:
        piece, before = piece.replace(ARCHIVE_DOUBLE, '"'), before.replace(ARCHIVE_DOUBLE, '"')
    if len(piece) < 2:
        return False
    straight = before.count('"')
    open_before = before.count("“") > before.count("”") or straight % 2 == 1
    starts_open = piece[0] in OPENERS
    if not (starts_open or open_before):
        return False
    inner = piece[1:] if starts_open else piece
    for i, ch in enumerate(inner):
        if ch in CLOSERS and inner[i + 1:].strip(" ,.;:!?—-"):
            return False  # the quotation closes and the reporter's words go on
    return True


def parse_ann(ann: str, doc: str, where: str) -> list[Attribution]:
    """Attributions of one brat standoff file; a malformed line is an error naming file and line."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[dict[str, str]] = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        if not line.strip() or not ANN_ID.match(line):
            continue  # a span's text can run over several lines: only ID-led lines are annotations
        parts = line.split("\t")
        try:
            if line.startswith("T"):
                label, _, offsets = parts[1].partition(" ")
                spans[parts[0]] = (label, _spans(offsets))
            elif line.startswith("E"):
                events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
        except (IndexError, ValueError) as exc:
            raise InputError(f"{where}: line {lineno}: not brat standoff ({exc})") from exc
    result = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        source = spans.get(ev.get("Source", ""))
        src = (min(s for s, _ in source[1]), max(e for _, e in source[1])) if source else None
        direct = all(_is_quoted(doc, s, e) for s, e in content[1])
        archive = not direct and ARCHIVE_DOUBLE in doc and all(_is_quoted(doc, s, e, archive=True) for s, e in content[1])
        result.append(Attribution(content[1], src, direct, archive))
    return result


def load_split(root: Path, split: str) -> list[tuple[Document, list[Attribution]]]:
    """Documents and gold attributions of one split (``train`` or ``dev``) of a PolNeAR copy."""
    if split not in {"train", "dev"}:
        raise InputError("only PolNeAR's train and dev splits are read")
    base = root / "data" if (root / "data").is_dir() else root
    text_dir, ann_dir = base / split / "text", base / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{root}: no {split}/text and {split}/attributions folders (give the PolNeAR checkout or its data/)")
    by_article: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        by_article.setdefault(article, ann)
    out = []
    for article, ann in sorted(by_article.items()):
        text_path = text_dir / f"{article}.txt"
        if not text_path.is_file():
            continue
        doc_text = text_path.read_bytes().decode("utf-8")
        attrs = parse_ann(ann.read_text(encoding="utf-8"), doc_text, str(ann))
        out.append((Document(article, doc_text, article.split("_", 1)[0], "", str(text_path)), attrs))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class Counts:
    """Matches on one split (or document): see ``match_document``."""

    gold: int = 0  # gold direct items
    predicted: int = 0  # quotations quoteframe calls direct and attributes to a mention
    correct: int = 0  # predictions on a gold item whose mention overlaps its source
    found: int = 0  # gold items found so
    spans: int = 0  # predictions on a gold item's content
    spans_found: int = 0  # gold items whose content was found
    head: int = 0  # correct predictions whose mention starts the source (give or take an article)
    head_found: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__))


LEAD_BREAKS = {"of", "for", "at", "from", "in", "with", "by", "on", "to", "who", "which", "that"}


def _starts_source(text: str, mention: tuple[int, int], source: tuple[int, int]) -> bool:
    """Whether the mention is the source's head: inside the source, with nothing before it but words that
    modify it (``candidate Donald Trump`` in "Republican presidential candidate Donald Trump"), not inside
    a phrase attached to the head (``the ministry`` in "a spokesman for the ministry") or an appositive
    (``California`` in "Paul Huntley, a delegate from California")."""
    lead = text[source[0]:mention[0]]
    return source[0] <= mention[0] < source[1] and "," not in lead and "(" not in lead and \
        LEAD_BREAKS.isdisjoint(lead.lower().split())


def match_document(quotes: list[Quote], gold: list[Attribution], text: str, archive: bool = False) -> Counts:
    """Counts of one document's predictions against its gold attributions. Overlap with the source is
    PolNeAR's measure; a source span holds the whole noun phrase with its appositives and attached
    phrases, so ``head`` also asks that the mention start it, which a noun inside the phrase does not.

    Without ``archive`` only quotations in typographic marks (" “ ”) count, on both sides, as this
    measure always has; with it, quotations between two straight single marks (''…'') count too."""
    g_items = [g for g in gold if g.direct or archive and g.archive]
    preds = [q for q in quotes if q.kind == "direct" and q.mention_start is not None
             and (archive or text[max(0, q.start - 2):q.start] != ARCHIVE_DOUBLE)]
    counts = Counts(gold=len(g_items), predicted=len(preds))
    found: set[int] = set()
    head_found: set[int] = set()
    span_found: set[int] = set()
    for q in preds:
        qspan = (q.start, q.end)
        hit_span = False
        for gi, g in enumerate(g_items):
            if not any(_overlap(qspan, piece) >= 0.5 * min(q.end - q.start, piece[1] - piece[0]) for piece in g.content):
                continue
            hit_span = True
            span_found.add(gi)
            assert q.mention_start is not None and q.mention_end is not None
            if g.source and _overlap((q.mention_start, q.mention_end), g.source) > 0:
                counts.correct += 1
                found.add(gi)
                if _starts_source(text, (q.mention_start, q.mention_end), g.source):
                    counts.head += 1
                    head_found.add(gi)
                break
        counts.spans += hit_span
    counts.found, counts.spans_found, counts.head_found = len(found), len(span_found), len(head_found)
    return counts


def score_polnear(root: Path, split: str, analysis: object, message: Callable[[str], None] = lambda m: None) -> list[Score]:
    """Direct-quotation attribution scores on a PolNeAR split (see the module docstring)."""
    from quoteframe.pipeline import DocumentAnalyser

    analyser = DocumentAnalyser(analysis)  # type: ignore[arg-type]
    totals, every = Counts(), Counts()
    data = load_split(root, split)
    for doc, gold in data:
        quotes = analyser(doc).quotes
        totals += match_document(quotes, gold, doc.text)
        every += match_document(quotes, gold, doc.text, archive=True)
    message(f"PolNeAR {split}: {len(data)} articles")
    name = f"polnear-{split}"
    return [Score(name, "direct quote span", totals.gold, totals.predicted, totals.spans, correct_recall=totals.spans_found),
            Score(name, "direct quote + speaker mention", totals.gold, totals.predicted, totals.correct,
                  correct_recall=totals.found),
            Score(name, "direct quote + speaker head", totals.gold, totals.predicted, totals.head,
                  correct_recall=totals.head_found),
            Score(name, "direct quote + speaker mention, '' marks too", every.gold, every.predicted, every.correct,
                  correct_recall=every.found)]
