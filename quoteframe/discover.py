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
MAX_N = 3  # unigrams to trigrams
SPILL_AT = 400_000  # (outlet, voice, term) entries held before a sorted run goes to disk (~60 MB)
# a run of words with nothing but spaces (and at most one line break) between them: phrases never cross
# punctuation, a paragraph break or a quotation mark
RUN_RE = re.compile(r"[^\W_][\w'’-]*(?:(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)[^\W_][\w'’-]*)*")
NUMBER_RE = re.compile(r"[\d.,]*\d[\d.,]*(?:st|nd|rd|th|s|m|bn|k|%)?")


def load_stop_words(path: Path | None = None) -> frozenset[str]:
    """The stop words of ``lexicons/stopwords.csv`` (or ``path``), lower case, ’ read as '."""
    path = path or lexicon_dir() / "stopwords.csv"
    return frozenset(row["word"].lower().replace("’", "'") for _, row in read_rows(path, ["word"]) if row["word"])


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

    def __init__(self, stop_words: frozenset[str] | None = None, max_n: int = MAX_N) -> None:
        self.stop = load_stop_words() if stop_words is None else stop_words
        self.max_n = max_n

    def _word(self, raw: str) -> tuple[str, int]:
        """The word as counted and its class: 0 content, 1 stop word (inside a phrase only), 2 number (never)."""
        word = raw.lower().replace("’", "'").rstrip("'-")
        if word in self.stop:
            return word, 1
        if NUMBER_RE.fullmatch(word):
            return word, 2
        return word, 0

    def count(self, text: str, quotes: Sequence[Quote]) -> tuple[DocTerms, dict[str, int]]:
        """The document's DocTerms, and its words (``WORD_RE``, as the frames table counts them) by voice."""
        terms = DocTerms({v: Counter() for v in VOICES}, {(v, n): 0 for v in VOICES for n in range(1, self.max_n + 1)})
        words = dict.fromkeys(VOICES, 0)
        word_of = self._word
        for start, end, voice in voice_segments(text, quotes):
            words[voice] += len(WORD_RE.findall(text, start, end))
            found = terms.counts[voice]
            for run in RUN_RE.findall(text, start, end):
                toks = [word_of(w) for w in run.split()]
                for i, (w, kind) in enumerate(toks):
                    if kind:
                        continue
                    found[w] += 1
                    terms.totals[(voice, 1)] += 1
                    for n in range(2, self.max_n + 1):  # phrases from here: content words at both ends,
                        j = i + n - 1  # stop words allowed inside (state of emergency), numbers nowhere
                        if j >= len(toks) or toks[j][1] == 2:
                            break
                        if toks[j][1] == 0:
                            found[" ".join(t for t, _ in toks[i:j + 1])] += 1
                            terms.totals[(voice, n)] += 1
        terms.counts = {v: c for v, c in terms.counts.items() if c}
        terms.totals = {k: n for k, n in terms.totals.items() if n}
        return terms, words

    def annotate(self, doc: Document, result: DocResult) -> None:
        terms, words = self.count(doc.text, result.quotes)
        result.terms = terms
        result.n_words = sum(words.values())
        result.own_words, result.quoted_words, result.scare_words = words["own"], words["quoted"], words["scare"]


Record = tuple[str, str, str, int]  # (voice, term, outlet, count): the sort order of a run


class _Run:
    """A sorted run of records in a temporary file, written and read in pickled blocks."""

    BLOCK = 20_000

    def __init__(self, records: list[Record]) -> None:
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="quoteframe-terms-")
        for k in range(0, len(records), self.BLOCK):
            pickle.dump(records[k:k + self.BLOCK], self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Record]:
        self.file.seek(0)
        while True:
            try:
                block: list[Record] = pickle.load(self.file)
            except EOFError:
                return
            yield from block


@dataclass
class TermCounts:
    """Running term counts of a corpus by (outlet, voice), spilled to sorted runs on disk past ``spill_at``."""

    spill_at: int = SPILL_AT
    counts: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    totals: Counter[tuple[str, str, int]] = field(default_factory=Counter)  # (outlet, voice, n) -> terms
    words: Counter[tuple[str, str]] = field(default_factory=Counter)  # (outlet, voice) -> words
    runs: list[_Run] = field(default_factory=list)
    _held: int = 0  # entries added since the last exact size (an upper bound of growth)

    def add(self, res: DocResult) -> None:
        self.words[(res.outlet, "own")] += res.own_words
        self.words[(res.outlet, "quoted")] += res.quoted_words
        self.words[(res.outlet, "scare")] += res.scare_words
        terms = res.terms
        if not isinstance(terms, DocTerms):
            return
        for (voice, n), total in terms.totals.items():
            self.totals[(res.outlet, voice, n)] += total
        for voice, found in terms.counts.items():
            key = (res.outlet, voice)
            if key not in self.counts:
                self.counts[key] = Counter()
            self.counts[key].update(found)
            self._held += len(found)
        if self._held > self.spill_at:
            self._held = sum(len(c) for c in self.counts.values())
            if self._held > self.spill_at:
                self.spill()

    def _sorted(self) -> list[Record]:
        return sorted((voice, term, outlet, n) for (outlet, voice), c in self.counts.items() for term, n in c.items())

    def spill(self) -> None:
        """Write the held counts as one sorted run and start afresh."""
        if self.counts:
            self.runs.append(_Run(self._sorted()))
        self.counts = {}
        self._held = 0

    def merged(self) -> Iterator[tuple[str, str, list[tuple[str, int]]]]:
        """(voice, term, [(outlet, count), ...]) for every term, in (voice, term) order, runs summed."""
        streams: list[Iterable[Record]] = [iter(r) for r in self.runs] + [self._sorted()]
        current: tuple[str, str] | None = None
        outlets: list[tuple[str, int]] = []
        for voice, term, outlet, n in heapq.merge(*streams):
            if (voice, term) != current:
                if current is not None:
                    yield current[0], current[1], outlets
                current, outlets = (voice, term), []
            if outlets and outlets[-1][0] == outlet:
                outlets[-1] = (outlet, outlets[-1][1] + n)
            else:
                outlets.append((outlet, n))
        if current is not None:
            yield current[0], current[1], outlets

    def close(self) -> None:
        for run in self.runs:
            run.file.close()
        self.runs = []

    def rows(self, top: int = 20, min_count: int = 3, prior: float = 1000.0) -> list[dict[str, object]]:
        """The top ``top`` terms by z of each (outlet, voice), among terms the outlet used at least
        ``min_count`` times in that voice (phrases at least twice in the corpus, whatever ``min_count``).

        z is the term's Fightin' Words z for the outlet against all other outlets in the same voice; a
        term of n words is one of the voice's n-word terms (n_i: the outlet's n-word terms in that voice,
        counted before pruning, so pruning never changes a kept term's z). rate is per 10,000 words of
        the voice (quoted words for quoted terms, the outlet's own words for own and scare terms: the
        frames table's denominators). Rows sorted by outlet, voice, z descending, term.
        """
        corpus_totals: Counter[tuple[str, int]] = Counter()
        for (_, voice, n), total in self.totals.items():
            corpus_totals[(voice, n)] += total
        best: dict[tuple[str, str], list[tuple[float, str, int]]] = {}
        for voice, term, outlets in self.merged():
            corpus = sum(n for _, n in outlets)
            size = term.count(" ") + 1
            if corpus < min_count or (size > 1 and corpus < 2):
                continue  # pruned before any statistic
            n_total = corpus_totals[(voice, size)]
            a_w = prior * corpus / n_total
            for outlet, y_i in outlets:
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
        for (outlet, voice), kept in sorted(best.items(), key=lambda kv: (kv[0][0], VOICES.index(kv[0][1]))):
            kept.sort()
            words = self.words[(outlet, "quoted" if voice == "quoted" else "own")]
            for neg_z, term, y_i in compact(kept, top):
                rows.append({"outlet": outlet, "term": term, "voice": voice, "count": y_i,
                             "rate": y_i * 10000.0 / words if words else 0.0, "z": -neg_z + 0.0})
        return rows


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
                   spill_at: int = SPILL_AT) -> list[dict[str, object]]:
    """The ``frames --discover`` table of a stream of document results (see ``TermCounts.rows``)."""
    counts = TermCounts(spill_at=spill_at)
    try:
        for res in results:
            counts.add(res)
        return counts.rows(top, min_count, prior)
    finally:
        counts.close()


def lexicon_rows(rows: Iterable[dict[str, object]]) -> list[dict[str, object]]:
    """The discovered terms as a frames lexicon (``term,category``, category ``discovered``), once each."""
    return [{"term": t, "category": "discovered"} for t in sorted({str(r["term"]) for r in rows})]

