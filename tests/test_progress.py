"""The progress line: on a terminal a long run shows its count and rate; messages and output stay clean."""

from __future__ import annotations

import io
from collections.abc import Iterator

from quoteframe.cli import Progress
from quoteframe.pipeline import RunReport
from quoteframe.records import DocResult
from tests.conftest import SEEDS, run_cli


def _stream(report: RunReport, n: int) -> Iterator[DocResult]:
    for i in range(n):
        report.read += 1
        yield DocResult(f"d{i}", "o")


def test_progress_line_counts_redraws_and_clears() -> None:
    report, out = RunReport(), io.StringIO()
    ticks = iter(float(t) for t in range(100))  # one second per look at the clock
    progress = Progress(report, out, enabled=True, every=2.0, clock=lambda: next(ticks))
    got = [r.doc_id for r in progress.wrap(_stream(report, 5))]
    assert got == ["d0", "d1", "d2", "d3", "d4"]
    text = out.getvalue()
    draws = [part for part in text.split("\r") if part.strip()]
    assert draws == ["quoteframe: 2 documents read, 0 skipped (1/s)", "quoteframe: 4 documents read, 0 skipped (1/s)"]
    assert text.endswith("\r" + " " * len(draws[-1]) + "\r")  # the line is gone when the run ends


def test_progress_is_off_unless_enabled_and_cli_output_has_no_progress() -> None:
    report, out = RunReport(), io.StringIO()
    progress = Progress(report, out, enabled=False, every=0.0)
    assert len(list(progress.wrap(_stream(report, 3)))) == 3 and out.getvalue() == ""
    code, stdout, stderr = run_cli("quotes", str(SEEDS), "--jobs", "1")  # stderr is not a terminal here
    assert code == 0 and "\r" not in stdout + stderr
    assert stderr.strip().splitlines() == ["quoteframe: read 5 documents, skipped 0"]
