"""Score quotations, kinds and speakers on coverage corpora annotated like ``../shared/devcoverage``.

An event folder holds ``docs/NNN.txt`` (one article each), ``manifest.csv`` (file, outlet, ...) and
``quotes.jsonl``: one object per quoted span in document order, with ``file``, ``text`` (the characters
between the marks), ``kind``, ``speaker`` (one canonical name per person across the folder, empty when no
one identifiable said it) and ``remark`` (a label for the leader's words of the speech, else null). Nothing
of such a corpus is shipped: it is read from the path the user gives.

How predictions meet the gold:

- *Spans.* Each gold text is placed in its document by searching for it from the previous gold span's
  start (a repeated text has one line per occurrence, in order), preferring an occurrence right after an
  opening mark (so "order" is not found inside "border"). A predicted quotation matches the gold
  one with the same offsets; failing that, one of the same file that overlaps it and has the same text
  once surrounding spaces and punctuation are stripped (a mark glued to a word or a stray comma inside the
  marks is no different quotation). Each gold span is matched at most once.
- *Speakers.* Canonical names are compared as a reader would: honorifics (Mr, Mrs, Ms, Dr) dropped and
  names folded (``names.fold``: transliteration and spelling variants), the predicted name is right when
  its words are all words of the gold name (``Xi`` and ``Mr Xi`` for Xi Jinping) or its last word is the
  gold name's last word (``President Putin``). ``Under Xi`` or ``Kremlin`` for Putin are wrong.
- *The leader* of an event is the speaker of most of its remark-labelled quotations. ``leader names``
  counts the distinct predicted canonical names, on the quotations that are the leader's in the gold, that
  share a folded word with the leader's name (``Xi``, ``Mr Xi``, ``Under Xi``, ``Xi Jinping``: four); a name
  with no word of his (``Kremlin``) is a wrong speaker, counted by the speaker measures instead.
- *Non-person speakers*: predicted speaker names that are, as a whole, a date word, a number word, a
  place or a demonym in the shipped closed-class lexicons (``Gazetteer.classify``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quoteframe.errors import InputError
from quoteframe.evaluate import Score
from quoteframe.lexicon import Gazetteer
from quoteframe.names import fold
from quoteframe.records import Document, Quote

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."}
STRIP = " \t\n,.;:!?—–-'\"“”‘’…()"


@dataclass(frozen=True)
class CoverageQuote:
    """One gold quoted span of a coverage corpus, placed in its document."""

    doc_id: str
    start: int
    end: int
    kind: str
    speaker: str
    remark: str | None
    text: str


@dataclass(frozen=True)
class Note:
    """A count that is no precision/recall figure (how many names, which speakers), with its detail."""

    dataset: str
    measure: str
    count: int
    detail: str

    def row(self) -> dict[str, object]:
        return {"dataset": self.dataset, "measure": self.measure, "gold": "", "predicted": self.count,
                "correct": "", "precision": "", "recall": "", "f1": "", "note": self.detail}


def event_folders(root: Path) -> list[Path]:
    """The event folders under ``root``: itself when it holds ``quotes.jsonl``, else its subfolders that do."""
    if (root / "quotes.jsonl").is_file():
        return [root]
    found = sorted(p for p in root.iterdir() if p.is_dir() and (p / "quotes.jsonl").is_file()) if root.is_dir() else []
    if not found:
        raise InputError(f"{root}: no quotes.jsonl here or in its subfolders (give a devcoverage folder or one event)")
    return found


def load_event(folder: Path) -> tuple[list[Document], list[CoverageQuote]]:
    """The documents of one event folder and its gold spans placed at their offsets."""
    docs, rows = read_event(folder, _place)
    gold = [CoverageQuote(doc.doc_id, start, start + len(obj["text"]), obj.get("kind", ""), obj.get("speaker") or "",
                          obj.get("remark") or None, obj["text"]) for doc, start, obj in rows]
    return docs, gold


def read_event(folder: Path, place: Callable[[str, str, int], int]) -> tuple[list[Document], list[tuple[Document, int, dict[str, Any]]]]:
    """The documents of one event folder (outlet and date from its manifest) and each gold row of its
    quotes.jsonl with the document and offset it is placed at. A repeated text has one row per occurrence,
    in document order, so each is searched for with ``place(doc_text, text, cursor)`` from the previous one on;
    ``place`` says which occurrence counts (the two measures of the corpus prefer different ones)."""
    from quoteframe.corpus import load_manifest

    manifest = load_manifest(folder)  # file -> (outlet, date), paths relative to the event folder
    docs: dict[str, Document] = {}
    for path in sorted((folder / "docs").glob("*.txt")):
        text = path.read_bytes().decode("utf-8-sig")
        outlet, date = manifest.get(path.name, manifest.get(f"docs/{path.name}", (path.stem, "")))
        docs[path.name] = Document(path.stem, text, outlet or path.stem, date, str(path))
    found: list[tuple[Document, int, dict[str, Any]]] = []
    cursor: dict[str, int] = {}
    qpath = folder / "quotes.jsonl"
    with qpath.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                file, text = obj["file"], obj["text"]
                doc = docs[file]
            except (ValueError, KeyError) as exc:
                raise InputError(f"{qpath}: line {lineno}: bad gold row ({exc})") from exc
            start = place(doc.text, text, cursor.get(file, 0))
            if start < 0:
                start = place(doc.text, text, 0)
            if start < 0:
                raise InputError(f"{qpath}: line {lineno}: text not found in {file}")
            cursor[file] = start + 1
            found.append((doc, start, obj))
    return list(docs.values()), found


OPEN_MARKS = "\"'“‘«„‚‹`"


def _place(doc: str, text: str, cursor: int) -> int:
    """Where a gold text starts at or after ``cursor``: the first occurrence right after an opening
    quotation mark ("order" in “order”, not in "border"), else the first occurrence, else -1."""
    first = pos = doc.find(text, cursor)
    while pos >= 0:
        if pos > 0 and doc[pos - 1] in OPEN_MARKS:
            return pos
        pos = doc.find(text, pos + 1)
    return first


def _name_words(name: str) -> list[str]:
    return [w for w in fold(name).split() if w not in HONORIFICS]


def same_person(predicted: str, gold: str) -> bool:
    """Whether a predicted canonical name names the gold speaker (see the module docstring)."""
    p, g = _name_words(predicted), _name_words(gold)
    if not p or not g:
        return False
    return set(p) <= set(g) or p[-1] == g[-1]


def match_spans(predicted: Sequence[Quote], gold: Sequence[CoverageQuote]) -> list[tuple[Quote, CoverageQuote]]:
    """Pairs of (prediction, gold) that are the same quoted span (see the module docstring)."""
    by_offsets = {(g.doc_id, g.start, g.end): g for g in gold}
    used: set[int] = set()
    pairs: list[tuple[Quote, CoverageQuote]] = []
    rest = []
    for q in predicted:
        g = by_offsets.get((q.doc_id, q.start, q.end))
        if g is not None and id(g) not in used:
            used.add(id(g))
            pairs.append((q, g))
        else:
            rest.append(q)
    by_doc: dict[str, list[CoverageQuote]] = {}
    for g in gold:
        by_doc.setdefault(g.doc_id, []).append(g)
    for q in rest:
        for g in by_doc.get(q.doc_id, []):
            if id(g) in used or min(q.end, g.end) <= max(q.start, g.start):
                continue
            if q.text.strip(STRIP) == g.text.strip(STRIP) and q.text.strip(STRIP):
                used.add(id(g))
                pairs.append((q, g))
                break
    return pairs


def leader_of(gold: Sequence[CoverageQuote]) -> str:
    """The speaker of most remark-labelled gold quotations."""
    votes = Counter(g.speaker for g in gold if g.remark and g.speaker)
    return votes.most_common(1)[0][0] if votes else ""


def score_event(name: str, predicted: Sequence[Quote], gold: Sequence[CoverageQuote],
                places: Gazetteer) -> list[Score | Note]:
    """Every devcoverage measure of one event (see the module docstring)."""
    dataset = f"devcoverage-{name}"
    pairs = match_spans(predicted, gold)
    out: list[Score | Note] = [Score(dataset, "span", len(gold), len(predicted), len(pairs)),
                               Score(dataset, "kind accuracy (matched spans)", len(pairs), len(pairs),
                                     sum(1 for q, g in pairs if q.kind == g.kind))]
    for kind in ("direct", "partial", "scare"):
        out.append(Score(dataset, f"span+kind {kind}", sum(1 for g in gold if g.kind == kind),
                         sum(1 for q in predicted if q.kind == kind),
                         sum(1 for q, g in pairs if q.kind == g.kind == kind)))
    for kind in ("direct", "partial"):
        g_k = [g for g in gold if g.kind == kind and g.speaker]
        given = [(q, g) for q, g in pairs if g.kind == kind and g.speaker and q.speaker]
        out.append(Score(dataset, f"speaker of gold {kind}", len(g_k), len(given),
                         sum(1 for q, g in given if same_person(q.speaker, g.speaker))))
    leader = leader_of(gold)
    if leader:
        words = set(_name_words(leader))
        names = Counter(q.speaker for q, g in pairs if g.speaker == leader and q.speaker and words & set(_name_words(q.speaker)))
        detail = "; ".join(f"{n} ({c})" for n, c in sorted(names.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(Note(dataset, f"leader names ({leader})", len(names), detail))
    bad = Counter(q.speaker for q in predicted if q.speaker and places.classify(q.speaker))
    detail = "; ".join(f"{n} ({c})" for n, c in sorted(bad.items(), key=lambda kv: (-kv[1], kv[0])))
    out.append(Note(dataset, "speakers that are dates, places or demonyms", sum(bad.values()), detail))
    return out


def score_devcoverage(root: Path, analysis: object, message: Callable[[str], None] = lambda m: None) -> list[Score | Note]:
    """Scores of every event under ``root`` (a devcoverage folder or one event folder).

    Each event is one corpus, as a user would run it: quotations extracted per document, speaker names
    made canonical across the event.
    """
    from quoteframe.pipeline import DocumentAnalyser
    from quoteframe.quotes import canonicalise

    analyser = DocumentAnalyser(analysis)  # type: ignore[arg-type]
    out: list[Score | Note] = []
    for folder in event_folders(root):
        docs, gold = load_event(folder)
        rows = canonicalise(q for doc in docs for q in analyser(doc).quotes)
        message(f"devcoverage {folder.name}: {len(docs)} documents, {len(gold)} gold quotations")
        out += score_event(folder.name, rows, gold, analyser.extractor.lex.places)
    return out
