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


def test_dask_reads_a_directory_as_a_local_run_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder of articles with its manifest, a JSONL part that repeats a doc id and holds a bad line, and
    files that are no articles: the cluster run says and writes exactly what the local run does. One file
    per task, so there are more tasks than the driver keeps in flight and results come back out of order."""
    pytest.importorskip("dask.distributed")
    from quoteframe import engine_dask

    monkeypatch.setattr(engine_dask, "BATCH_FILES", 1)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(SEEDS.iterdir()):
        (corpus / p.name).write_bytes(p.read_bytes())
    first = sorted(SEEDS.glob("*.txt"))[0]
    parts = corpus / "more"
    parts.mkdir()
    with gzip.open(parts / "part-0.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": first.stem, "text": first.read_text(encoding="utf-8"), "domain": "copy"}) + "\n")
        fh.write("[1, 2]\n")
    (parts / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (parts / "blank.txt").write_text("  \n", encoding="utf-8")
    (parts / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    for command in (["quotes"], ["frames", "--hits"]):
        code, dask_out, dask_err = run_cli(*command, str(corpus), "--engine", "dask", "--jobs", "2")
        assert code == 0, dask_err
        _, local_out, local_err = run_cli(*command, str(corpus), "--jobs", "1")
        assert dask_out == local_out
        assert f"{first.stem}#2:q0" in dask_out and "JURIST" in dask_out  # the copy keeps its quote ids
        for err in (dask_err, local_err):
            assert f"duplicate doc_id '{first.stem}'; renamed '{first.stem}#2'" in err
            assert "part-0.jsonl.gz:2: a JSON value that is not an object" in err
            assert "scan.pdf: not a corpus file" in err and "blank.txt: empty document" in err
            assert err.strip().splitlines()[-1] == "quoteframe: read 6 documents, skipped 4"
        assert sorted(dask_err.splitlines()) == sorted(local_err.splitlines())


def test_dask_engine_refuses_stdin_with_a_message() -> None:
    pytest.importorskip("dask.distributed")
    code, out, err = run_cli("quotes", "-", "--engine", "dask")
    assert code != 0 and out == ""
    assert "not stdin" in err and "Traceback" not in err


def test_dask_runs_on_a_cluster_given_by_address(tmp_path: Path) -> None:
    """--scheduler ADDRESS: the run goes to a cluster that was already up (here a local one started by the
    test, as a cluster's scheduler would be), and leaves it running."""
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    corpus = _jsonl_corpus(tmp_path)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code, dask_out, dask_err = run_cli("quotes", str(corpus / "*.jsonl.gz"), "--engine", "dask",
                                           "--scheduler", cluster.scheduler_address)
        assert code == 0, dask_err
        with Client(cluster.scheduler_address) as client:
            assert len(client.scheduler_info()["workers"]) == 1  # still up after the run
    _, local_out, _ = run_cli("quotes", str(corpus), "--jobs", "1")
    assert dask_out == local_out


def test_ctrl_c_ends_with_one_line_and_status_130(tmp_path: Path) -> None:
    """SIGINT to the whole process group (what Ctrl-C sends) while workers are busy and more input is due:
    one line, exit status 130, no traceback from the main process or any worker, no output file."""
    import os
    import signal
    import subprocess
    import sys
    import time

    record = json.dumps({"text": (SEEDS / "000_ba02b8b38f666224.txt").read_text(encoding="utf-8")}) + "\n"
    out = tmp_path / "out.csv"
    proc = subprocess.Popen([sys.executable, "-m", "quoteframe", "quotes", "-", "--input-format", "jsonl", "--jobs", "2",
                             "-o", str(out)], stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    assert proc.stdin is not None
    stdin = proc.stdin

    def feed() -> None:  # keeps the workers busy until the run is interrupted; stdin stays open
        try:
            while proc.poll() is None:
                stdin.write(record * 20)
                stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass

    import threading

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:  # the workers are up: imports are over
        if not children.exists() or children.read_text().split():
            break
        time.sleep(0.1)
    time.sleep(1)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # a hang fails the test; do not leave the processes behind
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err[-3000:]
    assert err.strip().splitlines() == ["quoteframe: interrupted"]  # nothing from the workers
    assert not out.exists()


def test_dask_spreads_one_big_file_over_the_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer files than worker threads (here one dump for two workers): the driver reads the file with the
    local reader and sends its documents in batches, and output and messages are a local run's, in order."""
    pytest.importorskip("dask.distributed")
    from quoteframe import engine_dask

    monkeypatch.setattr(engine_dask, "BATCH_DOCS", 4)
    read_here = []
    real = engine_dask._read_here
    monkeypatch.setattr(engine_dask, "_read_here", lambda file, opts: (read_here.append(file.rel), real(file, opts))[1])
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with gzip.open(tmp_path / "month.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i in range(23):
            fh.write(json.dumps({"id": f"d{i % 20}", "text": texts[i % len(texts)], "domain": f"o{i % 3}"}) + "\n")
            if i == 9:
                fh.write("{broken\n")
    code, dask_out, dask_err = run_cli("quotes", str(tmp_path / "month.jsonl.gz"), "--engine", "dask", "--jobs", "2")
    assert code == 0, dask_err
    assert read_here == ["month.jsonl.gz"]
    _, local_out, local_err = run_cli("quotes", str(tmp_path / "month.jsonl.gz"), "--jobs", "1")
    assert dask_out == local_out and "d2#2:q001" in dask_out
    assert dask_err == local_err
    assert "month.jsonl.gz:11: not JSON" in dask_err
    assert dask_err.strip().splitlines()[-1] == "quoteframe: read 23 documents, skipped 1"
