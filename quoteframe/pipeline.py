"""Run a per-document function over a corpus, in one process or several, and account for every document.

Documents stream through; only the per-document results are kept. With ``jobs > 1`` documents are
handed to local worker processes in batches and their results taken back in input order, so the result
sequence — and therefore every table — is identical to a single-process run.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TypeVar

from quoteframe.aliases import Aliases
from quoteframe.corpus import Item, Warning_
from quoteframe.errors import QuoteframeError
from quoteframe.lexicon import load_lexicons
from quoteframe.quotes import QuoteExtractor
from quoteframe.records import DocResult, Document, Skip
from quoteframe.workerpool import ignore_sigint, sigint_held, stop_now

Message = Callable[[str], None]
T = TypeVar("T")


@dataclass
class RunReport:
    """How many documents were read and skipped, and why; the CLI prints it last."""

    read: int = 0
    skipped: int = 0
    warnings: int = 0
    skip_reasons: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"read {self.read} document{'s' if self.read != 1 else ''}, skipped {self.skipped}"


@dataclass(frozen=True)
class Analysis:
    """What to compute per document (so the work can be rebuilt inside a worker process)."""

    lexicon_dir: str | None = None
    frames: bool = False
    frame_lexicons: tuple[str, ...] = ()
    replace_frames: bool = False
    frame_sets: tuple[str, ...] = ("unrest",)  # shipped framing lexicon sets (lexicons/frames[-NAME].csv)
    discover: bool = False  # count every term by voice (frames --discover) instead of the lexicon's
    stop_words: tuple[str, ...] = ()  # stop-word files added to lexicons/stopwords.csv for --discover
    keep_quotes: bool = True  # False: results carry counts and framing hits only (the frames table)
    # the researcher's speaker corrections: not used per document, but by every table built from the
    # results (QuoteTable, canonicalise, hit_rows, speaker_rows), so they travel with the options
    aliases: Aliases = Aliases()


class DocumentAnalyser:
    """The per-document function: quotations (and framing hits when asked) of one document."""

    def __init__(self, analysis: Analysis) -> None:
        from pathlib import Path

        lex = load_lexicons(Path(analysis.lexicon_dir) if analysis.lexicon_dir else None)
        self.keep_quotes = analysis.keep_quotes
        self.extractor = QuoteExtractor(lex)
        self.frames = None
        if analysis.frames:
            from quoteframe.frames import FrameScorer

            self.frames = FrameScorer.from_files(analysis.frame_lexicons, analysis.replace_frames, analysis.frame_sets)
        self.terms = None
        if analysis.discover:
            from quoteframe.discover import TermCounter, load_stop_words

            self.terms = TermCounter(load_stop_words(analysis.stop_words))

    def __call__(self, doc: Document) -> DocResult:
        result = self.extractor.extract(doc)
        if self.frames is not None:
            self.frames.annotate(doc, result)
        if self.terms is not None:
            self.terms.annotate(doc, result)
        if not self.keep_quotes:
            result.quotes = []  # not needed by the caller: less to send back from a worker process
        return result


def analyse_or_skip(analyser: DocumentAnalyser, doc: Document) -> DocResult | Skip:
    """The document's result, or a Skip that names the document and the error if the analyser raised.

    An exception here is a bug of quoteframe's (bad input is caught by the reader), but one document
    that trips it must not cost the rows of all the others in a long run: it is reported and counted
    like a document that could not be read, never dropped silently, and ``--strict`` fails the run.
    """
    try:
        return analyser(doc)
    except Exception as exc:  # noqa: BLE001 - any bug, reported with where it happened
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Skip(doc.source or doc.doc_id,
                    f"internal error ({type(exc).__name__}: {exc}, in {where.name} at "
                    f"{os.path.basename(where.filename)}:{where.lineno}); please report it with this document")


def count_result(result: DocResult | Skip, report: RunReport, message: Message) -> DocResult | None:
    """Account for one analysed document: its warnings, or its failure (it was counted as read when it
    was read, and is now counted as skipped instead). The result, or None for a failure."""
    if isinstance(result, Skip):
        report.read -= 1
        report.skipped += 1
        report.skip_reasons.append(f"{result.source}: {result.reason}")
        message(f"skipped {result.source}: {result.reason}")
        return None
    for w in result.warnings:
        report.warnings += 1
        message(f"warning: {result.doc_id}: {w}")
    return result


class WorkerDied(QuoteframeError):
    """A worker process ended without returning its documents' results (killed, out of memory, a crash in
    C code). The run stops: a pool that restarted the worker would meet the same document again."""


_WORKER: dict[str, DocumentAnalyser] = {}  # one analyser per worker process, set by its initializer


def _init_worker(analyser: DocumentAnalyser | Analysis) -> None:
    ignore_sigint()  # the main process stops the pool on Ctrl-C
    # forked workers inherit the analyser the main process built (and so checked); elsewhere it is rebuilt
    # from the same, already checked, description
    _WORKER["analyser"] = analyser if isinstance(analyser, DocumentAnalyser) else DocumentAnalyser(analyser)


def _run_batch(docs: list[Document]) -> list[DocResult | Skip]:
    analyser = _WORKER["analyser"]
    return [analyse_or_skip(analyser, doc) for doc in docs]


BATCH_DOCS = 8  # documents per task: fewer round trips, and still fine-grained enough to balance workers


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items in order, the last one shorter (``itertools.batched`` needs Python 3.12)."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def analyse_corpus(items: Iterable[Item], analysis: Analysis, report: RunReport, message: Message,
                   jobs: int = 1) -> Iterator[DocResult]:
    """Yield one DocResult per readable document, in input order; record and report the rest."""

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Skip):
                report.skipped += 1
                report.skip_reasons.append(f"{item.source}: {item.reason}")
                message(f"skipped {item.source}: {item.reason}")
            elif isinstance(item, Warning_):
                report.warnings += 1
                message(f"warning: {item.source}: {item.message}")
            else:
                report.read += 1
                yield item

    def with_warnings(results: Iterator[DocResult | Skip]) -> Iterator[DocResult]:
        for res in results:
            counted = count_result(res, report, message)
            if counted is not None:
                yield counted

    # everything a worker needs (lexicons, frame lists) is loaded and checked here, before any worker starts:
    # a bad file is one error in the main process, never a worker that fails at start-up again and again
    analyser = DocumentAnalyser(analysis)
    if jobs <= 1:
        yield from with_warnings(analyse_or_skip(analyser, doc) for doc in documents())
        return
    forked = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork") if forked else mp.get_context()
    # a ProcessPoolExecutor, not a multiprocessing.Pool: a Pool replaces a worker that dies and waits for its
    # lost task for ever, while the executor marks itself broken and every pending result raises
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                               initargs=(analyser if forked else analysis,))
    try:
        yield from with_warnings(_in_order(pool, batched(documents(), BATCH_DOCS), window=4 * jobs))
    except BaseException as exc:
        stop_now(pool, exc)
        raise
    pool.shutdown(wait=True)


def _in_order(pool: ProcessPoolExecutor, batches: Iterator[list[Document]],
              window: int) -> Iterator[DocResult | Skip]:
    """Results of every batch in input order, with at most ``window`` batches handed out and not yet
    passed on. The input is read here, in the caller's thread (``Pool.imap`` reads it in a thread of its
    own, which Ctrl-C cannot stop while it waits on stdin), and no further ahead than the window."""
    pending: deque[tuple[Future[list[DocResult | Skip]], str]] = deque()

    def take() -> list[DocResult | Skip]:
        future, first = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise WorkerDied(f"a worker process died while analysing documents (the batch from {first} or one "
                             "near it); the run stops. Run again with --jobs 1 to see which document") from exc

    for batch in batches:
        with sigint_held():  # submit may start a worker
            future = pool.submit(_run_batch, batch)
        pending.append((future, batch[0].source or batch[0].doc_id))
        while len(pending) >= window:
            yield from take()
    while pending:
        yield from take()
