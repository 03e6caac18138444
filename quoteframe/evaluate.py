"""Measure extraction against gold annotations: precision, recall and F1 for spans, kinds and speakers.

Two gold sources: the project's own annotation of the seeds (``tests/gold/quotes.csv``) and PolNeAR
(brat standoff, read from a path the user gives; nothing of it is shipped). Scores are plain counts so
anyone can recompute them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quoteframe.errors import InputError
from quoteframe.records import Quote

EVAL_COLUMNS = ["dataset", "measure", "gold", "predicted", "correct", "precision", "recall", "f1"]


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
                "correct": self.correct, "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quotation of the seeds."""

    doc_id: str
    start: int
    end: int
    kind: str
    speaker: str
    text: str


def load_gold(path: Path) -> list[GoldQuote]:
    """Read a gold CSV (doc_id,start,end,kind,speaker,...,text); errors name the file and line."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    gold: list[GoldQuote] = []
    with handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in reader:
            try:
                gold.append(GoldQuote(row["doc_id"], int(row["start"]), int(row["end"]), row["kind"],
                                      row["speaker"], row["text"]))
            except (KeyError, ValueError, TypeError) as exc:
                raise InputError(f"{path}: line {reader.line_num}: bad gold row ({exc})") from exc
    return gold


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
