"""Measure extraction against gold annotations: precision, recall and F1 for spans, kinds and speakers.

Two gold sources: the project's own annotation of the seeds (``tests/gold/quotes.csv``) and PolNeAR
(brat standoff, read from a path the user gives; nothing of it is shipped). Scores are plain counts so
anyone can recompute them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from quoteframe.errors import InputError
from quoteframe.records import Quote

T = TypeVar("T")
EVAL_COLUMNS = ["dataset", "measure", "gold", "predicted", "correct", "precision", "recall", "f1", "note"]


@dataclass(frozen=True)
class Score:
    """Counts behind one precision/recall/F1 figure."""

    dataset: str
    measure: str
    gold: int
    predicted: int
    correct: int
    correct_recall: int | None = None  # when recall counts matches differently from precision

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        hits = self.correct if self.correct_recall is None else self.correct_recall
        return hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, object]:
        return {"dataset": self.dataset, "measure": self.measure, "gold": self.gold, "predicted": self.predicted,
                "correct": self.correct, "precision": self.precision, "recall": self.recall, "f1": self.f1, "note": ""}


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quotation of the seeds."""

    doc_id: str
    start: int
    end: int
    kind: str
    speaker: str
    text: str


def _read_gold(path: Path, make: Callable[[dict[str, str]], T]) -> list[T]:
    """Rows of a commented gold CSV turned into records; a bad row is an error naming file and line."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    out: list[T] = []
    with handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in reader:
            try:
                out.append(make(row))
            except (KeyError, ValueError, TypeError) as exc:
                raise InputError(f"{path}: line {reader.line_num}: bad gold row ({exc})") from exc
    return out


def load_gold(path: Path) -> list[GoldQuote]:
    """Read a gold CSV (doc_id,start,end,kind,speaker,...,text)."""
    return _read_gold(path, lambda r: GoldQuote(r["doc_id"], int(r["start"]), int(r["end"]), r["kind"], r["speaker"], r["text"]))


def score_seeds(predicted: Sequence[Quote], gold: Sequence[GoldQuote], dataset: str = "seeds") -> list[Score]:
    """Spans (exact offsets), kinds and speakers of the predicted quotations against the gold ones."""
    pred = {(q.doc_id, q.start, q.end): q for q in predicted}
    gold_by = {(g.doc_id, g.start, g.end): g for g in gold}
    matched = [(pred[k], g) for k, g in gold_by.items() if k in pred]
    scores = [Score(dataset, "span", len(gold_by), len(pred), len(matched))]
    for kind in ("direct", "partial", "scare"):
        g_k = [g for g in gold if g.kind == kind]
        p_k = [q for q in predicted if q.kind == kind]
        c_k = sum(1 for q, g in matched if q.kind == g.kind == kind)
        scores.append(Score(dataset, f"span+kind {kind}", len(g_k), len(p_k), c_k))
    # speaker: over quotations that have a speaker in gold (or in the prediction)
    g_sp = [g for g in gold if g.speaker]
    p_sp = [q for q in predicted if q.speaker]
    c_sp = sum(1 for q, g in matched if g.speaker and q.speaker == g.speaker)
    scores.append(Score(dataset, "span+speaker", len(g_sp), len(p_sp), c_sp))
    for kind in ("direct", "partial"):
        g_k = [g for g in gold if g.speaker and g.kind == kind]
        c_k = sum(1 for q, g in matched if g.kind == kind and g.speaker and q.speaker == g.speaker)
        p_k = [q for q, g in matched if g.kind == kind and q.speaker]
        scores.append(Score(dataset, f"speaker of gold {kind}", len(g_k), len(p_k), c_k))
    return scores


def write_scores(scores: Iterable[Score]) -> list[dict[str, object]]:
    return [s.row() for s in scores]


@dataclass(frozen=True)
class GoldRendering:
    """One rendering of a remark in the gold remark groups."""

    group: str
    doc_id: str
    start: int
    end: int


def load_gold_variants(path: Path) -> list[GoldRendering]:
    """Read ``tests/gold/variants.csv`` (group,doc_id,start,end,...)."""
    return _read_gold(path, lambda r: GoldRendering(r["group"], r["doc_id"], int(r["start"]), int(r["end"])))


def score_variant_links(predicted: Sequence[Mapping[str, object]], gold: Sequence[GoldRendering],
                        partial_keys: set[tuple[str, int, int]] | None = None, dataset: str = "seeds") -> list[Score]:
    """Pairwise precision/recall/F1 of remark linking, and the share of partial quotations linked.

    Each predicted rendering (variant_id, doc_id, start, end) is mapped to the gold rendering it overlaps
    most (at least half of the shorter one); a predicted pair whose members map to no gold rendering, or
    to renderings of different remarks, is wrong.
    """
    def best(doc_id: str, start: int, end: int) -> int | None:
        cands = [(min(end, g.end) - max(start, g.start), k) for k, g in enumerate(gold)
                 if g.doc_id == doc_id and min(end, g.end) - max(start, g.start) >= 0.5 * min(end - start, g.end - g.start)]
        return max(cands)[1] if cands else None

    groups: dict[str, list[int | None]] = {}
    for row in predicted:
        groups.setdefault(str(row["variant_id"]), []).append(
            best(str(row["doc_id"]), int(str(row["start"])), int(str(row["end"]))))
    pred_pairs: set[tuple[int, int]] = set()
    wrong = 0
    for members in groups.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                x, y = members[a], members[b]
                if x is None or y is None:
                    wrong += 1
                elif x != y:
                    pred_pairs.add((min(x, y), max(x, y)))
    gold_pairs = {(a, b) for a in range(len(gold)) for b in range(a + 1, len(gold)) if gold[a].group == gold[b].group}
    correct = len(pred_pairs & gold_pairs)
    scores = [Score(dataset, "remark pairs", len(gold_pairs), len(pred_pairs) + wrong, correct)]
    if partial_keys is not None:
        linked = {k for pair in pred_pairs & gold_pairs for k in pair}
        partial = [k for k, g in enumerate(gold) if (g.doc_id, g.start, g.end) in partial_keys]
        scores.append(Score(dataset, "partial quotations linked", len(partial), len(partial),
                            sum(1 for k in partial if k in linked)))
    return scores
