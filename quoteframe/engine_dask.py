"""Run the same per-document function on a Dask cluster (``pip install quoteframe[dask]``).

The driver plans the run exactly as a local run does (directories walked in order with their manifests,
named files, and globs or URLs such as ``s3://bucket/cc-news/*.jsonl.gz`` expanded through fsspec); workers
fetch each file's bytes through fsspec and read them with the local reader's own code, so bad input gives
the same skips and warnings with file and line (a run of fewer files than worker threads is read by the
driver, with the same code, and its documents go to the workers in batches). Only per-document results come back, in plan order, and
repeated doc ids are renamed on the driver as a local run renames them: tables are identical.
"""

from __future__ import annotations

import glob
import logging
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from quoteframe.corpus import (
    READ_ERRORS,
    CorpusFile,
    CorpusPlan,
    ReadOptions,
    UniqueIds,
    Warning_,
    file_items,
    named_file,
    unreadable,
)
from quoteframe.errors import InputError, QuoteframeError, ResourceMissing
from quoteframe.pipeline import (
    Analysis,
    DocumentAnalyser,
    Message,
    RunReport,
    WorkerDied,
    analyse_or_skip,
    batched,
    count_result,
)
from quoteframe.records import DocResult, Document, Skip

HINT = "the dask engine needs the optional extra: pip install 'quoteframe[dask]'"
BATCH_FILES = 32  # files per task: one analyser per task, and no task per small .txt file
BATCH_DOCS = 32  # documents per task when the driver reads the files


def _analyse_files(files: list[CorpusFile], opts: ReadOptions, analysis: Analysis) -> list[object]:
    """Worker side: fetch and read each file, analyse its documents; (source, doc_id, DocResult or Skip) per document."""
    import fsspec

    analyser = DocumentAnalyser(analysis)
    out: list[object] = []
    for file in files:
        try:
            with fsspec.open(file.location, "rb", compression="infer") as fh:
                for item in file_items(file, fh, opts):
                    out.append((item.source, item.doc_id, analyse_or_skip(analyser, item))
                               if isinstance(item, Document) else item)
        except READ_ERRORS as exc:  # opening failed (reading part-way is reported by file_items)
            out.append(unreadable(file, exc))
    return out


def _analyse_documents(docs: list[Document], analysis: Analysis) -> list[object]:
    """Worker side, for documents the driver read: (source, doc_id, DocResult or Skip) per document."""
    analyser = DocumentAnalyser(analysis)
    return [(doc.source, doc.doc_id, analyse_or_skip(analyser, doc)) for doc in docs]


def plan(patterns: Sequence[str], opts: ReadOptions) -> list[CorpusFile | Skip | Warning_]:
    """Every file of the run in order: local paths as a local run reads them, globs and URLs through fsspec;
    the manifest notes of the plan come first, as in a local run."""
    import fsspec

    corpus_plan = CorpusPlan(opts)
    entries: list[CorpusFile | Skip | Warning_] = []
    for pattern in patterns:
        if pattern == "-":
            raise InputError("-: the dask engine reads files and URLs, not stdin (use --engine local)")
        if "://" not in pattern and not glob.has_magic(pattern):
            entries.extend(corpus_plan.files(pattern))
            continue
        _, _, paths = fsspec.get_fs_token_paths(pattern)
        if not paths:
            raise InputError(f"{pattern}: no such file")
        protocol = pattern.split("://", 1)[0] if "://" in pattern else ""
        for path in sorted(paths):
            if not protocol:  # a local glob: what matches is read as if named on the command line
                entries.extend(corpus_plan.files(path))
            else:
                entries.append(named_file(f"{protocol}://{path}", path.rsplit("/", 1)[-1], opts))
    return [*corpus_plan.finish(), *entries]


Unit = Skip | Warning_ | list[CorpusFile] | list[Document]


def _units(entries: list[CorpusFile | Skip | Warning_], opts: ReadOptions, read_here: bool = False) -> Iterator[Unit]:
    """Plan-time skips and batches of up to BATCH_FILES files, in plan order.

    With ``read_here`` the driver reads the files itself and yields their documents in batches of
    BATCH_DOCS, with the reader's skips and warnings between them: a run of fewer files than the cluster
    has worker threads (a month's news as one dump) then still spreads over every worker. Reading is
    lazy, a batch at a time as the caller asks, and costs about a tenth of the analysis it feeds.
    """
    files: list[CorpusFile] = []  # the run of files since the last skip
    for entry in entries:
        if isinstance(entry, (Skip, Warning_)):
            yield from batched(files, BATCH_FILES)
            files = []
            yield entry
        elif read_here:
            yield from _read_here(entry, opts)
        else:
            files.append(entry)
    yield from batched(files, BATCH_FILES)


def _read_here(file: CorpusFile, opts: ReadOptions) -> Iterator[Skip | Warning_ | list[Document]]:
    """One file read on the driver, with the local reader's code: batches of documents, and its skips
    and warnings in their places."""
    import fsspec

    batch: list[Document] = []
    try:
        with fsspec.open(file.location, "rb", compression="infer") as fh:
            for item in file_items(file, fh, opts):
                if isinstance(item, Document):
                    batch.append(item)
                    if len(batch) == BATCH_DOCS:
                        yield batch
                        batch = []
                    continue
                if batch:
                    yield batch
                    batch = []
                yield item
    except READ_ERRORS as exc:  # opening failed (reading part-way is reported by file_items)
        if batch:
            yield batch
            batch = []
        yield unreadable(file, exc)
    if batch:
        yield batch


def _result(future: Any) -> Any:
    """A task's results; a task the cluster gave up on (its worker died on every try, distributed's
    KilledWorker) or that raised stops the run with one line instead of a traceback."""
    try:
        return future.result()
    except QuoteframeError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever the cluster reports, said in one line
        raise WorkerDied(f"a dask task failed ({type(exc).__name__}: {exc}); the run stops. "
                         "Run again with --engine local --jobs 1 to see which document") from exc


def analyse_corpus_dask(patterns: Sequence[str], opts: ReadOptions, analysis: Analysis, report: RunReport,
                        message: Message, scheduler: str | None = None, workers: int = 2) -> Iterator[DocResult]:
    """Analyse a corpus on a Dask cluster (a local one when ``scheduler`` is None); yield in input order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ResourceMissing(HINT) from exc
    # lexicons and frame lists are loaded and checked on the driver before the cluster starts: a bad file is
    # one error here, not a task that fails on every worker
    DocumentAnalyser(analysis)
    entries = plan(patterns, opts)
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        # Ctrl-C reaches every process of the terminal's group: the local cluster's processes start with it
        # ignored (they inherit that), and the driver alone stops the run and closes the cluster
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        finally:
            signal.signal(signal.SIGINT, previous)
        client = Client(cluster)
    try:
        slots = sum(client.nthreads().values()) or workers
        window = max(4, 2 * slots)  # tasks in flight: enough to keep every worker busy, few enough that
        # results wait on the cluster only until the driver reaches them, not until the run ends
        n_files = sum(isinstance(e, CorpusFile) for e in entries)
        units = _units(entries, opts, read_here=n_files < slots)
        pending: deque[object] = deque()

        def submit_next() -> None:
            unit = next(units, None)
            if unit is None:
                return
            if isinstance(unit, (Skip, Warning_)):
                pending.append(unit)
            elif unit and isinstance(unit[0], Document):
                pending.append(client.submit(_analyse_documents, unit, analysis, pure=False))
            else:
                pending.append(client.submit(_analyse_files, unit, opts, analysis, pure=False))

        for _ in range(window):
            submit_next()
        ids = UniqueIds()
        while pending:
            unit = pending.popleft()
            items = [unit] if isinstance(unit, (Skip, Warning_)) else _result(unit)
            del unit  # the future: its result is released on the cluster
            submit_next()
            for item in items:
                if isinstance(item, Skip):
                    report.skipped += 1
                    message(f"skipped {item.source}: {item.reason}")
                elif isinstance(item, Warning_):
                    report.warnings += 1
                    message(f"warning: {item.source}: {item.message}")
                else:
                    source, doc_id, result = item
                    new_id = ids.claim(doc_id)  # a document that failed in analysis holds its id too, as in a local run
                    if new_id is not None:
                        warning = ids.warning(source, doc_id, new_id)
                        report.warnings += 1
                        message(f"warning: {warning.source}: {warning.message}")
                        if isinstance(result, DocResult):
                            result = result.renamed(new_id)
                    report.read += 1
                    counted = count_result(result, report, message)
                    if counted is not None:
                        yield counted
    finally:
        # closing while tasks still run (an error or Ctrl-C) makes distributed log each cancelled task
        # at WARNING; the run has already said why it stopped
        log = logging.getLogger("distributed")
        level = log.level
        log.setLevel(logging.ERROR)
        try:
            client.close()
            if cluster is not None:
                cluster.close()
        finally:
            log.setLevel(level)
