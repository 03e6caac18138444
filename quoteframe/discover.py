"""Which words and phrases set each outlet apart, by voice: framing beyond a fixed list.

``quoteframe frames --discover`` counts every term of the corpus (words, and two- and three-word phrases,
lower-cased; stop words and numbers left out) separately in the outlet's own voice, inside quotations and
inside the outlet's scare quotes, and ranks each outlet's terms by the Fightin' Words log-odds z against
all other outlets in the same voice (``stats.fightin_words_z``, Monroe, Colaresi and Quinn 2008). A state
agency that says "special military operation" in its own voice while others only quote it shows up as
an own-voice term of the agency, not as a term of everyone.

Memory. Terms are counted per document (in the worker processes) and merged in the main process into
one counter per (outlet, voice). A vocabulary of phrases grows with the corpus, and a minimum count is an
absolute threshold, so no term can be dropped safely part-way (one seen once so far may still reach it):
when the counter passes ``spill_at`` entries it is sorted and written to a temporary file, and at the end
the sorted runs are merged (``heapq.merge``) term by term. Each term's corpus count is then known, terms
below ``min_count`` are pruned, z is computed for the outlets that reach ``min_count`` and only the top
``top`` per (outlet, voice) are kept. Counts are exact, the input is read once (it may be stdin), memory
is bounded by ``spill_at`` and disk use is about the size of the distinct (outlet, voice, term) triples.
"""

from __future__ import annotations

import heapq
import pickle
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from quoteframe.frames import VOICES, WORD_RE
from quoteframe.lexicon import lexicon_dir, read_rows
from quoteframe.records import DocResult, Document, Quote
from quoteframe.stats import fightin_words_z

DISCOVER_COLUMNS = ["outlet", "term", "voice", "count", "rate", "z"]
PERIOD_SEP = "\x1f"  # between period and outlet in an outlet key of TermCounts with periods (no outlet holds it)
SPILL_AT = 250_000  # (outlet, voice, term) entries held before a sorted run goes to disk (~40 MB)
# a word (with its inner hyphens and apostrophes), or what ends a phrase: punctuation, a paragraph break
TOKEN_OR_BREAK_RE = re.compile(r"[^\W_][\w'-]*|[^\w\s]+|\n\s*\n")
NUMBER_RE = re.compile(r"[\d.,]*\d[\d.,]*(?:st|nd|rd|th|s|m|bn|k|%)?")


def load_stop_words(extra: Sequence[str] = ()) -> frozenset[str]:
    """The stop words of ``lexicons/stopwords.csv`` and of the ``extra`` files (a ``word`` column: an
    outlet's own name, a dateline, a photo agency), lower case, ’ read as '."""
    words: set[str] = set()
    for path in [lexicon_dir() / "stopwords.csv", *map(Path, extra)]:
        words.update(row["word"].lower().replace("’", "'") for _, row in read_rows(path, ["word"]) if row["word"])
    return frozenset(words)


@dataclass(slots=True)
class DocTerms:
    """One document's term counts by voice, and how many terms of each length each voice had (before any
    pruning: the denominators of the statistics). Sent back from a worker in place of the text."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)  # voice -> term -> count
    totals: dict[tuple[str, int], int] = field(default_factory=dict)  # (voice, words in term) -> count


def voice_segments(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int, str]]:
    """(start, end, voice) pieces covering ``text``: own narration between quotations, ``quoted`` inside
    direct and partial quotations, ``scare`` inside scare quotes (an overlapping quotation is clipped)."""
    segments: list[tuple[int, int, str]] = []
    pos = 0
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        start = max(q.start, pos)
        if q.end <= start:
            continue
        if start > pos:
            segments.append((pos, start, "own"))
        segments.append((start, q.end, "scare" if q.kind == "scare" else "quoted"))
        pos = q.end
    if pos < len(text):
        segments.append((pos, len(text), "own"))
    return segments


class TermCounter:
    """The per-document function of ``--discover``: term counts by voice from a document and its quotations."""

    CACHE = 100_000  # word classes remembered (a worker's vocabulary), cleared when full

    def __init__(self, stop_words: frozenset[str] | None = None) -> None:
        self.stop = load_stop_words() if stop_words is None else stop_words
        self._classes: dict[str, tuple[str, int]] = {}

    def _word(self, raw: str) -> tuple[str, int]:
        """A lower-cased token as counted and its class: 0 content word, 1 stop word (allowed inside a
        phrase only), 2 number (never part of a term), 3 punctuation or a paragraph break (ends phrases)."""
        if not raw[0].isalnum():
            found = (raw, 3)
        else:
            word = raw.rstrip("'-")
            found = (word, 1 if word in self.stop else 2 if NUMBER_RE.fullmatch(word) else 0)
        if len(self._classes) >= self.CACHE:
            self._classes.clear()
        self._classes[raw] = found
        return found

    def count(self, text: str, quotes: Sequence[Quote]) -> tuple[DocTerms, dict[str, int]]:
        """The document's DocTerms, and its words (``WORD_RE``, as the frames table counts them) by voice.

        Terms are the content words, the two-word phrases of two content words, and the three-word
        phrases with content words at both ends and no number inside (stop words allowed inside: "state
        of emergency"); no phrase runs across punctuation, a paragraph break or a quotation mark. Each
        voice segment is one token list, and the phrases are built from it with comprehensions and
        counted by ``Counter`` in C: this runs once per word of the corpus.
        """
        grams: dict[str, list[list[str]]] = {v: [[], [], []] for v in VOICES}
        words = dict.fromkeys(VOICES, 0)
        known, word_of = self._classes.get, self._word
        for start, end, voice in voice_segments(text, quotes):
            piece = text[start:end]
            words[voice] += len(WORD_RE.findall(piece))
            pairs = [known(t) or word_of(t) for t in TOKEN_OR_BREAK_RE.findall(piece.lower().replace("’", "'"))]
            if not pairs:
                continue
            ws = [w for w, _ in pairs]
            ks = [k for _, k in pairs]
            uni, bi, tri = grams[voice]
            uni += [w for w, k in pairs if not k]
            bi += [f"{a} {b}" for a, b, ka, kb in zip(ws, ws[1:], ks, ks[1:]) if not ka and not kb]
            tri += [f"{a} {b} {c}" for a, b, c, ka, kb, kc in zip(ws, ws[1:], ws[2:], ks, ks[1:], ks[2:])
                    if not ka and not kc and kb < 2]
        terms = DocTerms()
        for voice, lists in grams.items():
            if lists[0]:
                counts: Counter[str] = Counter()
                for n, found in enumerate(lists, 1):
                    if found:
                        counts.update(found)
                        terms.totals[(voice, n)] = len(found)
                terms.counts[voice] = counts
        return terms, words

    def annotate(self, doc: Document, result: DocResult) -> None:
        terms, words = self.count(doc.text, result.quotes)
        result.terms = terms
        result.n_words = sum(words.values())
        result.own_words, result.quoted_words, result.scare_words = words["own"], words["quoted"], words["scare"]

Record = tuple[str, str, str, int]  # (voice, term, outlet, count): the sort order of a run


class _Run:
    """A sorted run of records in a temporary file, written and read in pickled blocks (a merge holds one
    block of each run in memory)."""

    BLOCK = 2_000

    def __init__(self, records: Iterable[Record]) -> None:
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="quoteframe-terms-")
        block: list[Record] = []
        for rec in records:
            block.append(rec)
            if len(block) >= self.BLOCK:
                pickle.dump(block, self.file, protocol=pickle.HIGHEST_PROTOCOL)
                block = []
        if block:
            pickle.dump(block, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Record]:
        self.file.seek(0)
        while True:
            try:
                block: list[Record] = pickle.load(self.file)
            except EOFError:
                return
            yield from block

    def close(self) -> None:
        self.file.close()


def merge_runs(streams: Sequence[Iterable[Record]]) -> Iterator[Record]:
    """The records of sorted streams in one sorted stream, the counts of a repeated (voice, term, outlet) summed."""
    last: Record | None = None
    for rec in heapq.merge(*streams):
        if last is not None and rec[:3] == last[:3]:
            last = (last[0], last[1], last[2], last[3] + rec[3])
            continue
        if last is not None:
            yield last
        last = rec
    if last is not None:
        yield last


@dataclass
class TermCounts:
    """Running term counts of a corpus by (outlet, voice), spilled to sorted runs on disk past ``spill_at``
    entries; past ``max_runs`` runs, the runs are merged into one, so a merge never holds more than
    ``max_runs`` blocks however long the corpus.

    With ``unit`` (day, week, month: ``--by-date``) an outlet's counts are kept per period, under the key
    ``period + PERIOD_SEP + outlet``, and each period is compared as if its documents were the corpus."""

    spill_at: int = SPILL_AT
    max_runs: int = 32
    unit: str | None = None
    counts: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    totals: Counter[tuple[str, str, int]] = field(default_factory=Counter)  # (outlet, voice, n) -> terms
    words: Counter[tuple[str, str]] = field(default_factory=Counter)  # (outlet, voice) -> words
    runs: list[_Run] = field(default_factory=list)
    _held: int = 0  # entries added since the last exact size (an upper bound of growth)

    def add(self, res: DocResult) -> None:
        outlet = res.outlet
        if self.unit is not None:
            from quoteframe.timeline import period_of  # not at the top: workers import this module, not timeline's

            outlet = period_of(res.date, self.unit) + PERIOD_SEP + res.outlet
        self.words[(outlet, "own")] += res.own_words
        self.words[(outlet, "quoted")] += res.quoted_words
        self.words[(outlet, "scare")] += res.scare_words
        terms = res.terms
        if not isinstance(terms, DocTerms):
            return
        for (voice, n), total in terms.totals.items():
            self.totals[(outlet, voice, n)] += total
        for voice, found in terms.counts.items():
            key = (outlet, voice)
            if key not in self.counts:
                self.counts[key] = Counter()
            self.counts[key].update(found)
            self._held += len(found)
        if self._held > self.spill_at:
            self._held = sum(len(c) for c in self.counts.values())
            if self._held > self.spill_at:
                self.spill()

    def _drain(self) -> Iterator[Record]:
        """The held counts as sorted records, one voice at a time, each voice's counters let go once
        sorted (the peak is the counters plus one voice's list, not twice everything)."""
        for voice in sorted({v for _, v in self.counts}):
            keys = [k for k in self.counts if k[1] == voice]
            records = sorted((voice, term, outlet, n) for outlet, _ in keys for term, n in self.counts[(outlet, voice)].items())
            for k in keys:
                del self.counts[k]
            yield from records
            del records

    def spill(self) -> None:
        """Write the held counts as one sorted run and start afresh; merge the runs when there are too many."""
        if self.counts:
            self.runs.append(_Run(self._drain()))
        self.counts = {}
        self._held = 0
        if len(self.runs) >= self.max_runs:
            merged = _Run(merge_runs(self.runs))
            for run in self.runs:
                run.close()
            self.runs = [merged]

    def merged(self) -> Iterator[tuple[str, str, list[tuple[str, int]]]]:
        """(voice, term, [(outlet, count), ...]) for every term, in (voice, term) order, runs summed."""
        current: tuple[str, str] | None = None
        outlets: list[tuple[str, int]] = []
        for voice, term, outlet, n in merge_runs([*self.runs, self._drain()]):
            if (voice, term) != current:
                if current is not None:
                    yield current[0], current[1], outlets
                current, outlets = (voice, term), []
            outlets.append((outlet, n))
        if current is not None:
            yield current[0], current[1], outlets

    def close(self) -> None:
        for run in self.runs:
            run.close()
        self.runs = []

    def rows(self, top: int = 20, min_count: int = 3, prior: float = 1000.0) -> list[dict[str, object]]:
        """The top ``top`` terms by z of each (outlet, voice), among terms the outlet used at least
        ``min_count`` times in that voice (phrases at least twice in the corpus, whatever ``min_count``).

        z is the term's Fightin' Words z for the outlet against all other outlets in the same voice; a
        term of n words is one of the voice's n-word terms (n_i: the outlet's n-word terms in that voice,
        counted before pruning, so pruning never changes a kept term's z). rate is per 10,000 words of
        the voice (quoted words for quoted terms, the outlet's own words for own and scare terms: the
        frames table's denominators). Rows sorted by outlet, voice, z descending, term. With ``unit``, all
        of this holds within each period (the other outlets are those of the same period), and rows have a
        ``period`` column and are sorted by outlet, period, voice, z descending, term.
        """
        if self.runs:
            self.spill()  # the rest to disk too: the merge then holds one block per run, not the counters
        corpus_totals: Counter[tuple[str, str, int]] = Counter()  # (period, voice, n) -> terms
        for (outlet, voice, n), total in self.totals.items():
            corpus_totals[(_period(outlet), voice, n)] += total
        best: dict[tuple[str, str], list[tuple[float, str, int]]] = {}
        for voice, term, outlets in self.merged():
            size = term.count(" ") + 1
            by_period: dict[str, list[tuple[str, int]]] = {}
            for outlet, y_i in outlets:
                by_period.setdefault(_period(outlet), []).append((outlet, y_i))
            for period, group in by_period.items():
                corpus = sum(n for _, n in group)
                if corpus < min_count or (size > 1 and corpus < 2):
                    continue  # pruned before any statistic
                n_total = corpus_totals[(period, voice, size)]
                a_w = prior * corpus / n_total
                for outlet, y_i in group:
                    if y_i < min_count:
                        continue
                    n_i = self.totals[(outlet, voice, size)]
                    z = fightin_words_z(y_i, corpus - y_i, n_i, n_total - n_i, a_w, prior)
                    kept = best.setdefault((outlet, voice), [])
                    kept.append((-z, term, y_i))
                    if len(kept) >= 8 * top:
                        kept.sort()
                        del kept[4 * top:]
        rows: list[dict[str, object]] = []
        order = sorted(best.items(), key=lambda kv: (_outlet(kv[0][0]), _period(kv[0][0]), VOICES.index(kv[0][1])))
        for (outlet, voice), kept in order:
            kept.sort()
            words = self.words[(outlet, "quoted" if voice == "quoted" else "own")]
            for neg_z, term, y_i in compact(kept, top):
                row: dict[str, object] = {"outlet": _outlet(outlet), "term": term, "voice": voice, "count": y_i,
                                          "rate": y_i * 10000.0 / words if words else 0.0, "z": -neg_z + 0.0}
                if self.unit is not None:
                    row["period"] = _period(outlet)
                rows.append(row)
        return rows


def _period(key: str) -> str:
    """The period of a ``TermCounts`` outlet key ("" without periods)."""
    period, sep, _ = key.partition(PERIOD_SEP)
    return period if sep else ""


def _outlet(key: str) -> str:
    """The outlet of a ``TermCounts`` outlet key."""
    return key.partition(PERIOD_SEP)[2] if PERIOD_SEP in key else key


def compact(kept: list[tuple[float, str, int]], top: int) -> list[tuple[float, str, int]]:
    """The first ``top`` candidates (in z order) without the terms that occur only inside a longer
    phrase that is listed too: a word or phrase with the same count as a listed phrase containing it
    ("kill", "without warning" beside "kill without warning", three times each) says nothing the phrase
    does not, and would fill the list. A term is dropped only for a phrase that stays in the list."""
    dropped: set[str] = set()
    while True:
        listed = [c for c in kept if c[1] not in dropped][:top]
        phrases = [(f" {t} ", n) for _, t, n in listed if " " in t]
        inside = {t for _, t, n in listed if any(n == pn and f" {t} " in p and p != f" {t} " for p, pn in phrases)}
        if not inside:
            return listed
        dropped |= inside


def discover_table(results: Iterable[DocResult], top: int = 20, min_count: int = 3, prior: float = 1000.0,
                   spill_at: int = SPILL_AT, unit: str | None = None) -> list[dict[str, object]]:
    """The ``frames --discover`` table of a stream of document results (see ``TermCounts.rows``); with
    ``unit`` (day, week, month), per period."""
    counts = TermCounts(spill_at=spill_at, unit=unit)
    try:
        for res in results:
            counts.add(res)
        return counts.rows(top, min_count, prior)
    finally:
        counts.close()


def lexicon_rows(rows: Iterable[dict[str, object]]) -> list[dict[str, object]]:
    """The discovered terms as a frames lexicon (``term,category``, category ``discovered``), once each."""
    return [{"term": t, "category": "discovered"} for t in sorted({str(r["term"]) for r in rows})]

