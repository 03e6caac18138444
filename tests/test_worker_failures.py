"""A bad lexicon or a dying worker ends the run once, with one line: never a pool that restarts its workers
for ever (issue 17). Run through the real command in a subprocess, with a time limit, so a hang fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The installed command in a process of its own; a run that does not end within ``timeout`` fails."""
    return subprocess.run([sys.executable, "-m", "quoteframe", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr[:2000]
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_headerless_tab_lexicon_fails_once_before_work_starts(tmp_path: Path, jobs: str) -> None:
    terms = tmp_path / "terms.tsv"
    terms.write_text("terrorists\tlabel\nbandits\tlabel\n", encoding="utf-8")
    proc = _run("frames", str(SEEDS), "--lexicon", str(terms), "--jobs", jobs, timeout=30)
    assert proc.returncode == 1
    line = _one_error_line(proc.stderr)
    assert "terms.tsv" in line and "line 1" in line
    assert proc.stdout == ""


def test_empty_lexicon_folder_fails_once_with_workers(tmp_path: Path) -> None:
    empty = tmp_path / "lexicons"
    empty.mkdir()
    proc = _run("quotes", str(SEEDS), "--lexicons", str(empty), "--jobs", "2", timeout=30)
    assert proc.returncode == 1
    line = _one_error_line(proc.stderr)
    assert str(empty) in line and "cues.csv" in line


def test_bad_lexicon_fails_on_the_dask_driver(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    terms = tmp_path / "terms.tsv"
    terms.write_text("terrorists\tlabel\n", encoding="utf-8")
    proc = _run("frames", str(SEEDS), "--lexicon", str(terms), "--engine", "dask", "--jobs", "2", timeout=60)
    assert proc.returncode == 1
    assert "terms.tsv" in _one_error_line(proc.stderr)


def test_a_worker_that_dies_stops_the_run_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed in the middle of a document (here it exits on the third seed, as an out-of-memory kill
    would end it): the run stops with one line naming the batch and exit 1, instead of waiting for ever."""
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("the patched analyser reaches the workers only through fork")
    from quoteframe import pipeline

    original = pipeline.DocumentAnalyser.__call__

    def dies_on_one(self: pipeline.DocumentAnalyser, doc: pipeline.Document) -> pipeline.DocResult:
        if doc.doc_id.startswith("002"):
            os._exit(9)
        return original(self, doc)

    monkeypatch.setattr(pipeline.DocumentAnalyser, "__call__", dies_on_one)
    monkeypatch.setattr(pipeline, "BATCH_DOCS", 1)
    code, out, err = run_cli("quotes", str(SEEDS), "--jobs", "2")
    assert code == 1
    line = _one_error_line(err)
    assert "worker process died" in line and "--jobs 1" in line


def _slow_start(started: str) -> None:
    """A worker initializer that takes its time before it ignores Ctrl-C, as a worker on a busy machine
    may; it says when it has begun, so the test interrupts it inside that window."""
    import time

    from quoteframe.workerpool import ignore_sigint

    Path(started).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(1.0)
    ignore_sigint()


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="no signal masks here")
def test_a_worker_interrupted_before_its_initializer_ends_survives(tmp_path: Path) -> None:
    """Ctrl-C reaches the workers too. One that gets it while it is still starting must not die of it
    (that breaks the pool, and the user's Ctrl-C comes out as "a worker process died"): workers start with
    SIGINT held back, and the initializer drops it."""
    import multiprocessing as mp
    import signal
    import time
    from concurrent.futures import ProcessPoolExecutor

    from quoteframe.workerpool import sigint_held

    started = tmp_path / "started"
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ProcessPoolExecutor(1, mp_context=ctx, initializer=_slow_start, initargs=(str(started),)) as pool:
        with sigint_held():
            future = pool.submit(abs, -7)
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05)
        os.kill(int(started.read_text(encoding="utf-8")), signal.SIGINT)
        assert future.result(timeout=30) == 7


def test_ctrl_c_outside_a_command_is_one_line_and_status_130(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A Ctrl-C while click is still parsing the command line (or after the command has returned) is not
    "Aborted!" and status 1, as click has it, but the same line and status as one during the run."""
    from quoteframe import cli

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.cli, "make_context", interrupted)
    monkeypatch.setattr(sys, "argv", ["quoteframe", "quotes", str(SEEDS)])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 130
    assert capsys.readouterr().err.strip().splitlines() == ["quoteframe: interrupted"]
