"""--jobs and --engine dask give the same bytes as a single local process."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli


def _jsonl_corpus(tmp_path: Path) -> Path:
    docs = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "domain": p.stem[:3]} for p in sorted(SEEDS.glob("*.txt"))]
    with gzip.open(tmp_path / "part-0.jsonl.gz", "wt", encoding="utf-8") as fh:
        for d in docs[:3]:
            fh.write(json.dumps(d) + "\n")
        fh.write("{not json\n")
    with gzip.open(tmp_path / "part-1.jsonl.gz", "wt", encoding="utf-8") as fh:
        for d in docs[3:]:
            fh.write(json.dumps(d) + "\n")
    return tmp_path


def test_jobs_do_not_change_output() -> None:
    outs = {j: run_cli("frames", str(SEEDS), "--jobs", str(j))[1] for j in (1, 2, 3)}
    assert outs[1] == outs[2] == outs[3] and outs[1].count("\n") > 20


def test_dask_local_cluster_matches_local_run(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    corpus = _jsonl_corpus(tmp_path)
    code, dask_out, dask_err = run_cli("quotes", str(corpus / "*.jsonl.gz"), "--engine", "dask", "--jobs", "2")
    assert code == 0, dask_err
    _, local_out, local_err = run_cli("quotes", str(corpus), "--jobs", "1")
    assert dask_out == local_out and dask_out.count("\n") > 50
    for err in (dask_err, local_err):
        assert "part-0.jsonl.gz:4: not JSON" in err
        assert err.strip().splitlines()[-1] == "quoteframe: read 5 documents, skipped 1"
