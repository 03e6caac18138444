"""Score variant linking on coverage corpora annotated like ``../shared/devcoverage``.

Each event folder holds ``docs/NNN.txt``, ``manifest.csv`` (file, outlet, ...) and ``quotes.jsonl``, where
every quoted span of the leader's speech carries ``remark`` (the label of the speech sentence it renders,
``R1``...; several joined with ``+``; ``other`` for words from another occasion) and ``partial_of_remark``
(a fragment of that sentence rather than the whole). Nothing of such a corpus is shipped.

What is measured, per event and over all events:

- *full-rendering pairs*: pairs of gold quotations that render the whole of one remark sentence (labels
  that share a sentence). A predicted pair is two gold quotations whose renderings ``variants`` puts in
  one remark; a full rendering linked with a quotation of another sentence, of no remark, or with a
  span that is no gold quotation is a wrong pair. Pairs with fragments are left to the next measure.
- *fragments of three words or more linked*: a gold fragment (``partial_of_remark``) of three words or
  more, of a sentence that has another rendering in the corpus, is linked right when its remark holds a
  rendering of that sentence; linked at all (precision's denominator) when it is in any remark with
  another gold quotation.
- *leader renderings without a speaker*: full renderings and fragments of three words or more (of a
  sentence rendered elsewhere too) whose quotation the quotes table finds but gives no speaker (or takes
  for the outlet's own scare quote); recall is the share still linked to their remark (the target is all
  of them).

Predicted renderings (sentences and clauses of quotations) are placed on the gold quotation they overlap
most, by at least half of the shorter, as in ``evaluate.score_variant_links``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from quoteframe.devcoverage import event_folders
from quoteframe.evaluate import Score
from quoteframe.records import Document, Quote

LABEL_RE = re.compile(r"^R\d+(?:\+R\d+)*$")
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True)
class RemarkQuote:
    """A gold quoted span of a coverage corpus, placed in its document, with its remark labels."""

    doc_id: str
    start: int
    end: int
    kind: str
    speaker: str
    labels: frozenset[str]  # the speech sentences it renders; empty when it renders none
    partial: bool  # partial_of_remark
    text: str

    @property
    def words(self) -> int:
        return len(WORD_RE.findall(self.text))


def load_remark_event(folder: Path) -> tuple[list[Document], list[RemarkQuote]]:
    """The documents of one event folder and its gold spans placed at their offsets (a repeated text has one
    line per occurrence, in document order, so each is searched for from the previous one on)."""
    from quoteframe.devcoverage import read_event

    docs, rows = read_event(folder, _find_quoted)
    gold: list[RemarkQuote] = []
    for doc, start, obj in rows:
        remark = obj.get("remark") or ""
        labels = frozenset(remark.split("+")) if LABEL_RE.match(remark) else frozenset()
        gold.append(RemarkQuote(doc.doc_id, start, start + len(obj["text"]), obj.get("kind", ""),
                                obj.get("speaker") or "", labels, bool(obj.get("partial_of_remark")), obj["text"]))
    return docs, gold


QUOTE_MARKS = frozenset("\"'“”‘’«»„‚‹›")


def _find_quoted(text: str, span: str, start: int) -> int:
    """Where ``span`` occurs from ``start`` on, preferring an occurrence between quotation marks: the gold
    gives only the text between the marks, and a short fragment ("military operation") is often also
    printed unquoted earlier in the article (a headline, a paraphrase), where no quotation is."""
    first = pos = text.find(span, start)
    while pos >= 0:
        before = text[pos - 1] if pos > 0 else ""
        end = pos + len(span)
        after = text[end] if end < len(text) else ""
        if before in QUOTE_MARKS or after in QUOTE_MARKS:
            return pos
        pos = text.find(span, pos + 1)
    return first


def _place(rows: Sequence[Mapping[str, object]], gold: Sequence[RemarkQuote]) -> dict[str, list[int | None]]:
    """Each remark's renderings, as indices of the gold quotation each overlaps most (None: none)."""
    by_doc: dict[str, list[int]] = {}
    for k, g in enumerate(gold):
        by_doc.setdefault(g.doc_id, []).append(k)

    def best(doc_id: str, start: int, end: int) -> int | None:
        cands = []
        for k in by_doc.get(doc_id, []):
            g = gold[k]
            inter = min(end, g.end) - max(start, g.start)
            if inter > 0 and inter >= 0.5 * min(end - start, g.end - g.start):
                cands.append((inter, -k))
        return -max(cands)[1] if cands else None

    groups: dict[str, list[int | None]] = {}
    for row in rows:
        groups.setdefault(str(row["variant_id"]), []).append(
            best(str(row["doc_id"]), int(str(row["start"])), int(str(row["end"]))))
    return groups


def score_remark_links(rows: Sequence[Mapping[str, object]], gold: Sequence[RemarkQuote],
                       speaker_of: Mapping[tuple[str, int, int], str | None], dataset: str) -> list[Score]:
    """The three measures of the module docstring for one event (or several, ids kept apart).

    ``speaker_of`` maps a gold span (doc_id, start, end) to the speaker the quotes table gave the
    quotation that covers it ('' when none; None, or absent, when no quotation was found there: such a
    rendering is missed by the quotes table, not for want of a speaker)."""
    groups = _place(rows, gold)
    full = [k for k, g in enumerate(gold) if g.labels and not g.partial]
    full_set = set(full)
    gold_pairs = {(a, b) for i, a in enumerate(full) for b in full[i + 1:] if gold[a].labels & gold[b].labels}
    pred_pairs: set[tuple[int, int]] = set()
    wrong = 0
    together: dict[int, set[int]] = {}  # gold quotation -> gold quotations in a remark with it
    for members in groups.values():
        placed = sorted({m for m in members if m is not None})
        unplaced = sum(1 for m in members if m is None)
        for a in placed:
            together.setdefault(a, set()).update(b for b in placed if b != a)
        for i, a in enumerate(placed):
            if a in full_set:
                wrong += unplaced
            for b in placed[i + 1:]:
                if a in full_set and b in full_set:
                    pred_pairs.add((a, b))
                elif (a in full_set and not gold[b].labels) or (b in full_set and not gold[a].labels):
                    wrong += 1
    correct = len(pred_pairs & gold_pairs)
    scores = [Score(dataset, "full-rendering pairs", len(gold_pairs), len(pred_pairs) + wrong, correct)]

    rendered: dict[str, int] = {}
    for g in gold:
        for label in g.labels:
            rendered[label] = rendered.get(label, 0) + 1

    def linkable(k: int) -> bool:  # another gold quotation renders one of its sentences
        return any(rendered[label] > 1 for label in gold[k].labels)

    def right(k: int) -> bool:
        return any(gold[o].labels & gold[k].labels for o in together.get(k, ()))

    frags = [k for k, g in enumerate(gold) if g.labels and g.partial and g.words >= 3 and linkable(k)]
    linked = [k for k in frags if together.get(k)]
    scores.append(Score(dataset, "fragments (3+ words) linked", len(frags), len(linked),
                        sum(1 for k in linked if right(k)), correct_recall=sum(1 for k in frags if right(k))))
    leader = [k for k, g in enumerate(gold) if g.labels and (not g.partial or g.words >= 3) and linkable(k)
              and speaker_of.get((g.doc_id, g.start, g.end)) == ""]
    in_remark = [k for k in leader if together.get(k)]
    scores.append(Score(dataset, "leader renderings, no speaker: linked", len(leader), len(in_remark),
                        sum(1 for k in in_remark if right(k)), correct_recall=sum(1 for k in leader if right(k))))
    return scores


def gold_speakers(quotes: Sequence[Quote], gold: Sequence[RemarkQuote]) -> dict[tuple[str, int, int], str | None]:
    """The predicted speaker of each gold span: that of the predicted quotation overlapping it most ('' for
    none, or for a quotation taken for a scare quote; None when no quotation overlaps it)."""
    by_doc: dict[str, list[Quote]] = {}
    for q in quotes:
        by_doc.setdefault(q.doc_id, []).append(q)
    out: dict[tuple[str, int, int], str | None] = {}
    for g in gold:
        best = max(((min(q.end, g.end) - max(q.start, g.start), q.speaker if q.kind != "scare" else "")
                    for q in by_doc.get(g.doc_id, []) if min(q.end, g.end) > max(q.start, g.start)), default=None)
        out[(g.doc_id, g.start, g.end)] = None if best is None else best[1]
    return out


def score_variant_coverage(root: Path, analysis: object, wordnet: object = None,
                           message: Callable[[str], None] = lambda m: None) -> list[Score]:
    """Variant linking on every event under ``root``: per event, then all events pooled.

    Each event is its own corpus (as a researcher would run ``variants`` on one event's coverage)."""
    from quoteframe.pipeline import DocumentAnalyser
    from quoteframe.quotes import canonicalise
    from quoteframe.variants import find_variants, variant_rows
    from quoteframe.wordnet import WordNet

    analyser = DocumentAnalyser(analysis)  # type: ignore[arg-type]
    wn = wordnet if isinstance(wordnet, WordNet) else WordNet()
    scores: list[Score] = []
    totals: dict[str, list[int]] = {}
    for folder in event_folders(root):
        docs, gold = load_remark_event(folder)
        quotes = canonicalise(q for d in docs for q in analyser(d).quotes)
        rows = variant_rows(find_variants(quotes, wordnet=wn, jobs=1))
        event = score_remark_links(rows, gold, gold_speakers(quotes, gold), f"devcoverage-{folder.name}")
        scores.extend(event)
        for s in event:
            t = totals.setdefault(s.measure, [0, 0, 0, 0])
            t[0] += s.gold
            t[1] += s.predicted
            t[2] += s.correct
            t[3] += s.correct if s.correct_recall is None else s.correct_recall
        message(f"devcoverage {folder.name}: {len(docs)} documents")
    scores.extend(Score("devcoverage", m, g, p, c, correct_recall=cr) for m, (g, p, c, cr) in totals.items())
    return scores
