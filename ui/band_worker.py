"""The background analyses (uncertainty bands and the tornado) computed in a separate process.

The bands of 2,000 samples take about 9 ms of NumPy and Python, the tornado 1.5 ms. On a thread of the window's process
that work holds Python's GIL for much of the time, and the window's thread, which is painting the
next slider step, waits for it: measured, about 2 ms more per drag step and worse spikes. A process
has its own interpreter, so the window never waits for it. ``ui.analyses`` hands it requests from
a pool thread.

The process is this same program started with ``--band-worker`` (so it works the same from source
and in the frozen bundle, with none of multiprocessing's re-import of the main script). Requests
(``ui.state.analysis.AnalysisRequest``) and results (``Analyses``) are pickled frames on its stdin
and stdout. It exits when its stdin closes (the app quit or died); on Linux the kernel also kills it
when the app dies (PR_SET_PDEATHSIG), so a stopped worker, which never reads that EOF, does not stay.

Each process has a thread that started it and waits for it, so a dead worker is reaped at once. The
request it was answering is computed on the calling thread, and the next request starts a new process;
after MAX_DEATHS deaths with no reply between them, or if no process can be started at all, the
analyses are computed on the calling thread for good, and the reason is logged once. ``abort()`` kills
the process of the request in flight: a closing window (``AnalysisRunner.stop()``) does not wait for a
stopped or hung worker.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import BinaryIO

from .state.analysis import Analyses, AnalysisRequest, run_analyses

log = logging.getLogger(__name__)
WORKER_FLAG = "--band-worker"
PARENT_ENV = "SCENARIO_EXPLORER_BAND_PARENT"  # the app's pid, given to the worker it starts
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
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
    if not _exit_with_parent():
        return 0  # the app is gone already
    try:
        requests = os.fdopen(0, "rb", closefd=False)
        replies = os.fdopen(1, "wb", closefd=False)
    except OSError:
        return 1
    sys.stdout = sys.stderr  # nothing else may write to the reply pipe
    return serve(requests, replies)


def _exit_with_parent() -> bool:
    """On Linux, have the kernel SIGKILL this worker when the app dies, even while the worker is stopped
    (SIGSTOP, a debugger: it would never read the EOF of its stdin and stay for ever). The app may have
    died before that request: False when the parent is no longer the app that started this worker.

    Elsewhere (macOS, Windows) there is no such request: a worker still exits when its stdin closes
    (the app quit or died), but a stopped one stays until it is continued or killed."""
    if not sys.platform.startswith("linux"):
        return True
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl.argtypes = [ctypes.c_int] + [ctypes.c_ulong] * 4
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (ImportError, OSError, AttributeError):  # no ctypes or no prctl: EOF on stdin only
        pass
    parent = os.environ.get(PARENT_ENV, "")
    return not parent.isdigit() or os.getppid() == int(parent)


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
    samples take about 0.1 s here) is killed and that request computed in place; a worker that dies
    (killed, crashed, hung) is reaped at once by its own thread and the next request starts a new one.
    After MAX_DEATHS deaths in a row with no reply between them, or if no process can be started at
    all, the analyses are computed in place for good. ``abort()`` kills the process of the request in
    flight (a closing window's runner does not wait for a stopped worker)."""

    TIMEOUT_S = 10.0
    MAX_DEATHS = 3

    def __init__(self, use_process: bool = True):
        self._proc: subprocess.Popen | None = None
        self._reaper: threading.Thread | None = None  # waits for _proc to exit (no zombie remains)
        self._lock = threading.Lock()  # held by the request in flight
        self._failed = not use_process
        self._deaths = 0  # in a row, with no reply between them
        self._busy: subprocess.Popen | None = None  # the process of the request in flight
        self._aborts = 0  # abort() calls that killed a process

    @property
    def in_process(self) -> bool:
        """True while a worker process is in use (False: bands are computed on the calling thread)."""
        proc = self._proc
        return proc is not None and proc.returncode is None and not self._failed

    def start(self) -> None:
        """Start the process (it imports the model meanwhile; the window does not wait)."""
        with self._lock:
            self._ready_locked()

    def _ready_locked(self) -> subprocess.Popen | None:
        """The live process to ask, started if need be; None: compute in place."""
        proc = self._proc
        if proc is not None and proc.returncode is not None:  # died between requests (its reaper saw it)
            self._died_locked(f"it exited with status {proc.returncode}")
        if self._proc is None and not self._failed:
            self._start_locked()
        return None if self._failed else self._proc

    def _start_locked(self) -> None:
        env = dict(os.environ)
        env[PARENT_ENV] = str(os.getpid())  # the worker exits at once if this process is gone already
        if not getattr(sys, "frozen", False):  # the same code as this process, wherever it is installed
            root = str(Path(__file__).resolve().parents[1])
            env["PYTHONPATH"] = os.pathsep.join([root] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        try:
            self._proc, self._reaper = _spawn(worker_command(), env)
        except (OSError, RuntimeError) as exc:  # no processes (or threads) here: a sandbox, a broken install
            self._fail(exc)

    def _died_locked(self, reason: str) -> None:
        """The process died (not by abort() or shutdown()): the next request starts a new one, unless
        it keeps dying."""
        self._discard_locked()
        self._deaths += 1
        if self._deaths >= self.MAX_DEATHS:
            self._fail(WorkerDied(f"the worker process died {self._deaths} times in a row; last: {reason}"))
        else:
            log.warning("Band worker process died (%s); the next request starts a new one", reason)

    def _fail(self, exc: BaseException) -> None:
        """Compute in place from now on (said once)."""
        if not self._failed:
            self._failed = True
            log.warning("Band worker process unavailable (%s); computing bands on a thread instead", exc)
        self._discard_locked()

    def _discard_locked(self) -> None:
        """Drop the process: killed if it still runs, its pipes closed; its reaper waits for it."""
        proc, self._proc, self._reaper = self._proc, None, None
        if proc is not None:
            proc.kill()  # (nothing if it has exited)
            _close_pipes(proc.stdin, proc.stdout)

    def compute(self, request: AnalysisRequest) -> Analyses:
        aborts = self._aborts
        with self._lock:
            # a window that closed while this waited killed the worker: compute here, start none now
            proc = self._ready_locked() if aborts == self._aborts else None
            if proc is not None:
                self._busy = proc
                watchdog = threading.Timer(self.TIMEOUT_S, proc.kill)  # a hung worker: EOF below
                watchdog.daemon = True
                watchdog.start()
                try:
                    _write(proc.stdin, request)
                    status, value = _read(proc.stdout)
                except (OSError, ValueError, EOFError, pickle.UnpicklingError) as exc:
                    if self._failed or aborts != self._aborts:  # shutdown(), or abort() (a window closing)
                        self._discard_locked()
                    else:
                        self._died_locked(f"the worker process stopped: {exc}")
                else:
                    self._deaths = 0
                    if status == "error":
                        raise value
                    return value
                finally:
                    self._busy = None
                    watchdog.cancel()
        return run_analyses(request)

    def abort(self) -> None:
        """Kill the process of the request in flight, if there is one (it may be stopped and never
        answer): that request, and those waiting for it, are computed in place; the next one after
        them starts a new process. Does not wait (the request in flight holds the lock)."""
        proc = self._busy
        if proc is not None:
            self._aborts += 1
            proc.kill()

    def shutdown(self) -> None:
        """Stop the process. Does not wait for a request in progress (its thread gets EOF and
        computes in place), so quitting never hangs on the worker."""
        self._failed = True
        proc = self._proc
        if proc is None:
            return
        _close(proc, wait_s=1)  # the worker exits when its requests end
        with self._lock:  # free now: the reader got EOF
            self._discard_locked()


def _spawn(command: list[str], env: dict) -> tuple[subprocess.Popen, threading.Thread]:
    """Start the worker from a thread of its own, which then waits for it to exit (it is reaped at
    once, whenever it dies). Its own thread, not the caller's: PR_SET_PDEATHSIG signals the worker when
    the *thread* that started it ends, and the caller may be a pool thread that expires when idle."""
    started: list = []
    ready = threading.Event()

    def run() -> None:
        try:
            proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None, env=env,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except BaseException as exc:  # raised on the caller's thread
            started.append(exc)
            ready.set()
            return
        started.append(proc)
        ready.set()
        proc.wait()

    reaper = threading.Thread(target=run, name="band-worker-reaper", daemon=True)
    reaper.start()
    ready.wait()
    if isinstance(started[0], BaseException):
        raise started[0]
    return started[0], reaper


def _close_pipes(*streams) -> None:
    for stream in streams:
        try:
            stream.close()
        except (OSError, ValueError):
            pass


def _close(proc: subprocess.Popen, *more, wait_s: float) -> None:
    """Close the worker's stdin (and ``more`` of its pipes), give it ``wait_s`` seconds to exit, then kill it."""
    _close_pipes(proc.stdin, *more)
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
