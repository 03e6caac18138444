"""Measure variant linking and drift alignment on MultiMWA-MTRef (read from the user's copy).

MTRef pairs two independent English translations of the same Chinese news sentence, with word
alignments (``sure`` and ``possible`` links). Every sentence becomes its own one-quotation document by
one speaker, so the linker must find each sentence's partner among all of them: pairwise precision,
recall and F1. The drift aligner is scored by F1 of its word links against the sure links. Only the
train and dev files are read; nothing of MTRef is shipped with quoteframe.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from quoteframe.align import WordAligner
from quoteframe.errors import InputError
from quoteframe.evaluate import Score
from quoteframe.records import Quote
from quoteframe.variants import LinkParams, Normaliser, Rendering, _keys, find_variants
from quoteframe.wordnet import WordNet


@dataclass(frozen=True)
class Pair:
    """Two translations (tokenised) and their sure word links (i in a, j in b)."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    sure: frozenset[tuple[int, int]]


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc


def load_pairs(path: Path) -> list[Pair]:
    """Read an mtref-{train,dev}.tsv file; a malformed line is an error naming file and line."""
    pairs = []
    for lineno, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        try:
            sure = frozenset(tuple(int(x) for x in link.split("-")) for link in cols[7].split())
            pairs.append(Pair(tuple(cols[1].split()), tuple(cols[3].split()), sure))  # type: ignore[arg-type]
        except (IndexError, ValueError) as exc:
            raise InputError(f"{path}: line {lineno}: not an MTRef row ({exc})") from exc
    return pairs


@dataclass(frozen=True)
class Judgement:
    """A blind judgement of two sentences from different MTRef rows: same source sentence or not."""

    a: tuple[int, str]  # (row, side)
    b: tuple[int, str]
    same: bool


def load_judgements(path: Path) -> list[Judgement]:
    """Read pooled judgements (``row_a,side_a,row_b,side_b,judgement``; ``#`` lines are comments)."""
    out = []
    body = [(n, ln) for n, ln in enumerate(_lines(path), 1) if ln.strip() and not ln.startswith("#")]
    for lineno, line in body[1:]:
        cols = next(csv.reader([line]))
        try:
            ra, sa, rb, sb, verdict = int(cols[0]), cols[1], int(cols[2]), cols[3], cols[4]
        except (IndexError, ValueError) as exc:
            raise InputError(f"{path}: line {lineno}: not a judgement row ({exc})") from exc
        if sa not in "ab" or sb not in "ab" or verdict not in ("same", "different"):
            raise InputError(f"{path}: line {lineno}: side must be a/b and judgement same/different")
        out.append(Judgement((ra, sa), (rb, sb), verdict == "same"))
    return out


def _rendering(tokens: tuple[str, ...], norm: Normaliser) -> Rendering:
    r = Rendering("d", "o", "q", "s", 0, 0, " ".join(tokens))
    r.words = [t.lower() for t in tokens]
    r.stems = [norm.stem(w) for w in r.words]
    return r


def score_mtref(path: Path, params: LinkParams | None = None, wordnet: WordNet | None = None,
                split: str = "", judgements: Path | None = None) -> list[Score]:
    """Linking pairwise P/R/F1 over all sentences as one corpus, and alignment F1 on sure links.

    MTRef gives only the pair in each row, but several rows can hold other translations of one source
    sentence; with ``judgements`` (blind same/different verdicts on pooled cross-row pairs) those join
    the gold too and a second linking row is scored against it."""
    pairs = load_pairs(path)
    wn = wordnet if wordnet is not None else WordNet()
    norm = Normaliser(wn)
    quotes = []
    for k, p in enumerate(pairs):
        for side, toks in (("a", p.a), ("b", p.b)):
            text = " ".join(toks)
            quotes.append(Quote(f"{k:05d}{side}", "o", f"{k}{side}", "direct", "S", "", None, None, "", 0, len(text), text))
    groups = find_variants(quotes, params, wn)
    # MTRef repeats source sentences across rows: rows that share a sentence render the same remark.
    # Gold remarks are the connected components of "same row" and "identical text"; pairs are counted
    # over distinct texts, since identical texts are one rendering.
    text_id: dict[str, int] = {}
    for q in quotes:
        text_id.setdefault(q.text, len(text_id))
    parent = list(range(len(text_id)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def gold_pairs() -> set[tuple[int, int]]:
        members: dict[int, list[int]] = {}
        for t in range(len(text_id)):
            members.setdefault(find(t), []).append(t)
        return {(x, y) for m in members.values() for i, x in enumerate(m) for y in m[i + 1:]}

    for p in pairs:
        parent[find(text_id[" ".join(p.a)])] = find(text_id[" ".join(p.b)])
    gold = gold_pairs()
    doc_text = {q.doc_id: text_id[q.text] for q in quotes}
    pred: set[tuple[int, int]] = set()
    for g in groups:
        ids = sorted({doc_text[m.doc_id] for m in g.members})
        pred.update((x, y) for i, x in enumerate(ids) for y in ids[i + 1:])
    name = f"mtref-{split}" if split else "mtref"
    scores = [Score(name, "linking pairs (row partners)", len(gold), len(pred), len(pred & gold))]
    if judgements is not None:
        def text_of(row: int, side: str) -> int:
            if not 0 <= row < len(pairs):
                raise InputError(f"{judgements}: row {row} is not in {path}")
            return text_id[" ".join(pairs[row].a if side == "a" else pairs[row].b)]

        for j in load_judgements(judgements):
            if j.same:
                parent[find(text_of(*j.a))] = find(text_of(*j.b))
        gold = gold_pairs()
        scores.append(Score(name, "linking pairs (+ judged)", len(gold), len(pred), len(pred & gold)))
    g_links = p_links = c_links = 0
    aligner = WordAligner(partial(_keys, norm=norm))
    for p in pairs:
        links = aligner.links(_rendering(p.a, norm), _rendering(p.b, norm))
        g_links += len(p.sure)
        p_links += len(links)
        c_links += len(links & p.sure)
    scores.append(Score(name, "drift alignment (sure links)", g_links, p_links, c_links))
    return scores
