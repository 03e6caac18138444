"""Run the same per-document function on a Dask cluster (``pip install quoteframe[dask]``).

Records are read where they live through fsspec (``*.jsonl.gz`` on a shared disk, S3, HDFS...): each
file is a partition, decoded and analysed on a worker, and only the per-document results come back.
Bad lines come back as skips with their file and line, exactly as in a local run, and results are
returned in file and line order, so tables are identical to a local run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from quoteframe.corpus import ReadOptions, Warning_, _doc_id, _record
from quoteframe.errors import InputError, ResourceMissing
from quoteframe.pipeline import Analysis, DocumentAnalyser, Message, RunReport
from quoteframe.records import DocResult, Document, Skip

HINT = "the dask engine needs the optional extra: pip install 'quoteframe[dask]'"


def _analyse_file(path: str, opts: ReadOptions, analysis: Analysis) -> list[object]:
    """Worker side: read one JSONL(.gz) file through fsspec and analyse its documents."""
    import fsspec

    analyser = DocumentAnalyser(analysis)
    out: list[object] = []
    base = _doc_id(path.rsplit("/", 1)[-1])
    with fsspec.open(path, "rt", compression="infer", encoding="utf-8-sig", errors="strict") as fh:
        try:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    out.append(Skip(where, f"not JSON ({exc.msg} at column {exc.colno})"))
                    continue
                if not isinstance(rec, dict):
                    out.append(Skip(where, "a JSON value that is not an object"))
                    continue
                item = _record(rec, path, where, f"{base}:{lineno}", opts)
                out.append(analyser(item) if isinstance(item, Document) else item)
        except UnicodeDecodeError as exc:
            out.append(Skip(path, f"not UTF-8 ({exc.reason}); re-encode the file"))
    return out


def expand(patterns: Sequence[str]) -> list[str]:
    """Files matching each path or glob (``data/*.jsonl.gz``, ``s3://bucket/cc-news/*.jsonl.gz``), sorted."""
    import fsspec

    files: list[str] = []
    for pattern in patterns:
        fs, _, paths = fsspec.get_fs_token_paths(pattern)
        found = sorted(p if "://" not in pattern else f"{pattern.split('://', 1)[0]}://{p}" for p in paths)
        if not found:
            raise InputError(f"{pattern}: no such file")
        files.extend(found)
    return files


def analyse_corpus_dask(patterns: Sequence[str], opts: ReadOptions, analysis: Analysis, report: RunReport,
                        message: Message, scheduler: str | None = None, workers: int = 2) -> Iterator[DocResult]:
    """Analyse JSONL files on a Dask cluster (a local one when ``scheduler`` is None); yield in input order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ResourceMissing(HINT) from exc
    files = expand(patterns)
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(_analyse_file, f, opts, analysis, pure=False) for f in files]
        for fut in futures:  # in file order, whatever order they finish in
            for item in fut.result():
                if isinstance(item, Skip):
                    report.skipped += 1
                    message(f"skipped {item.source}: {item.reason}")
                elif isinstance(item, Warning_):
                    report.warnings += 1
                    message(f"warning: {item.source}: {item.message}")
                elif isinstance(item, DocResult):
                    report.read += 1
                    for w in item.warnings:
                        report.warnings += 1
                        message(f"warning: {item.doc_id}: {w}")
                    yield item
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
