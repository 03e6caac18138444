"""Worker processes and how a run stops them: on Ctrl-C, on an error, promptly and without noise.

Ctrl-C reaches every process of the terminal's process group. The main process stops the run and says
so in one line; a worker must neither print its own traceback nor die of it (a dead worker breaks the
pool, and the user's Ctrl-C would come out as a worker error).
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


@contextmanager
def sigint_held() -> Iterator[None]:
    """Hold SIGINT back while a pool may start workers: blocked, not ignored, so a Ctrl-C meanwhile is
    delivered to this process when the block ends. A worker starts with its parent's signal mask, so it
    cannot be interrupted before its initializer has called ``ignore_sigint``. Threads a pool starts here
    keep SIGINT blocked too, so the kernel hands a Ctrl-C to the main thread, which stops waiting at once."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def ignore_sigint() -> None:
    """In a worker process: ignore Ctrl-C from now on, and drop one that came while it was held back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


STOP_GRACE = 10.0  # seconds a worker may take to finish the batch in its hands when a run stops


def stop_now(pool: ProcessPoolExecutor, error: BaseException, grace: float = STOP_GRACE) -> None:
    """Stop the workers after an error or Ctrl-C, without waiting for the batches not yet started.

    Each worker first finishes the batch in its hands (a worker ended while it writes its results back
    leaves half a message in the pipe, on which the executor's own thread then waits for ever); one that is
    still busy after ``grace`` seconds is stuck and is ended. ``error`` is what stopped the run, and stays
    what the caller reports: a failure while stopping only adds a note to it."""
    try:
        _stop(pool, grace)
    except Exception as cleanup:  # noqa: BLE001 - the error that stopped the run is the one to report
        error.add_note(f"(stopping the worker processes afterwards failed too: {cleanup!r})")


def _stop(pool: ProcessPoolExecutor, grace: float) -> None:
    # the executor has no public list of its workers (nor terminate_workers before Python 3.14)
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + grace
    for proc in procs:
        proc.join(max(0.0, deadline - time.monotonic()))
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    pool.shutdown(wait=True)
