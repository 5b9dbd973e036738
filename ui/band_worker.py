"""The background analyses (uncertainty bands and the tornado) computed in a separate process.

The bands of 2,000 samples take about 9 ms of NumPy and Python, the tornado 1.5 ms. On a thread of the window's process
that work holds Python's GIL for much of the time, and the window's thread, which is painting the
next slider step, waits for it: measured, about 2 ms more per drag step and worse spikes. A process
has its own interpreter, so the window never waits for it. ``ui.analyses`` hands it requests from
a pool thread.

The process is this same program started with ``--band-worker`` (so it works the same from source
and in the frozen bundle, with none of multiprocessing's re-import of the main script). Requests
(``ui.state.analysis.AnalysisRequest``) and results (``Analyses``) are pickled frames on its stdin
and stdout. It exits when its stdin closes (the app quit or
died). If it cannot be started or dies, the analyses are computed on the calling thread instead, and the
reason is logged once.
"""

from __future__ import annotations

import logging
import os
import pickle
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import BinaryIO

from .state.analysis import Analyses, AnalysisRequest, run_analyses

log = logging.getLogger(__name__)
WORKER_FLAG = "--band-worker"
_HEADER = struct.Struct("<Q")


def _write(stream: BinaryIO, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read(stream: BinaryIO):
    """The next frame, or raise EOFError when the other side has gone."""
    def exactly(n: int) -> bytes:
        chunks, left = [], n
        while left:
            chunk = stream.read(left)
            if not chunk:
                raise EOFError("the other side closed the pipe")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    (size,) = _HEADER.unpack(exactly(_HEADER.size))
    return pickle.loads(exactly(size))


def serve(requests: BinaryIO, replies: BinaryIO) -> int:
    """The worker's loop: one reply per request until the requests end. Errors are sent back."""
    import explorer.sensitivity  # noqa: F401  (imports before the first request, not during it)
    import explorer.uncertainty  # noqa: F401

    while True:
        try:
            request = _read(requests)
        except EOFError:
            return 0
        try:
            reply = ("ok", run_analyses(request))
        except Exception as exc:  # the window reports it
            try:
                pickle.dumps(exc)
                reply = ("error", exc)
            except Exception:
                reply = ("error", RuntimeError(f"{type(exc).__name__}: {exc}"))
        _write(replies, reply)


def worker_main() -> int:
    """Entry of ``scenario-explorer --band-worker`` (started by BandWorker, not by people).

    Reads and writes file descriptors 0 and 1 themselves: a windowed frozen app may have replaced
    sys.stdin / sys.stdout. If they are not open, it exits at once and the window computes bands
    itself."""
    try:
        requests = os.fdopen(0, "rb", closefd=False)
        replies = os.fdopen(1, "wb", closefd=False)
    except OSError:
        return 1
    sys.stdout = sys.stderr  # nothing else may write to the reply pipe
    return serve(requests, replies)


def worker_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    # -P: the current folder is not put on sys.path (a folder with its own 'ui' package would win)
    return [sys.executable, "-P", "-m", "ui.launcher", WORKER_FLAG]


class WorkerDied(RuntimeError):
    pass


class BandWorker:
    """``compute(request)`` blocks the calling thread until the analyses are ready: call it from a worker
    thread, never from the window's thread. A worker that has not answered after TIMEOUT_S (20,000
    samples take about 0.1 s here) is killed, and that request and later ones are computed in place."""

    TIMEOUT_S = 10.0

    def __init__(self, use_process: bool = True):
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._failed = not use_process

    @property
    def in_process(self) -> bool:
        """True while a worker process is in use (False: bands are computed on the calling thread)."""
        return self._proc is not None and not self._failed

    def start(self) -> None:
        """Start the process (it imports the model meanwhile; the window does not wait)."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._proc is not None or self._failed:
            return
        env = dict(os.environ)
        if not getattr(sys, "frozen", False):  # the same code as this process, wherever it is installed
            root = str(Path(__file__).resolve().parents[1])
            env["PYTHONPATH"] = os.pathsep.join([root] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        try:
            self._proc = subprocess.Popen(
                worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None, env=env,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except OSError as exc:  # no processes here (a sandbox, a broken install): use threads
            self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        self._failed = True
        log.warning("Band worker process unavailable (%s); computing bands on a thread instead", exc)
        self._stop_locked()

    def _stop_locked(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            _close(proc, proc.stdout, wait_s=2)

    def compute(self, request: AnalysisRequest) -> Analyses:
        with self._lock:
            self._start_locked()
            proc = self._proc
            if proc is not None and not self._failed:
                watchdog = threading.Timer(self.TIMEOUT_S, proc.kill)  # a hung worker: EOF below
                watchdog.daemon = True
                watchdog.start()
                try:
                    _write(proc.stdin, request)
                    status, value = _read(proc.stdout)
                except (OSError, ValueError, EOFError, pickle.UnpicklingError) as exc:
                    self._fail(WorkerDied(f"the worker process stopped: {exc}"))
                else:
                    if status == "error":
                        raise value
                    return value
                finally:
                    watchdog.cancel()
        return run_analyses(request)

    def shutdown(self) -> None:
        """Stop the process. Does not wait for a request in progress (its thread gets EOF and
        computes in place), so quitting never hangs on the worker."""
        self._failed = True
        proc = self._proc
        if proc is None:
            return
        _close(proc, wait_s=1)  # the worker exits when its requests end
        with self._lock:  # free now: the reader got EOF
            self._stop_locked()


def _close(proc: subprocess.Popen, *more, wait_s: float) -> None:
    """Close the worker's stdin (and ``more`` of its pipes), give it ``wait_s`` seconds to exit, then kill it."""
    for stream in (proc.stdin, *more):
        try:
            stream.close()
        except (OSError, ValueError):
            pass
    try:
        proc.wait(timeout=wait_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


_SHARED: BandWorker | None = None


def shared_band_worker() -> BandWorker:
    """The app's one band worker (one process however many windows)."""
    global _SHARED
    if _SHARED is None:
        import atexit

        _SHARED = BandWorker()
        atexit.register(_SHARED.shutdown)
    return _SHARED
