"""The one background runner of the analyses (the uncertainty bands and the tornado).

``compute_now(request)`` computes on the window's thread (a file opened, undo, a view switch: what
is on screen belongs to another scenario or measure). ``submit(request, follow)`` hands the request
to a pool thread through superqt's worker, and the pool thread hands it to the worker process
(band_worker.py) and waits. One request at a time, the newest waiting one next, at most one every
INTERVAL_S while they come fast (a slider drag); ``arrived(generation, Analyses)`` reports each result
that still deserves the screen (the policy is ``ui.state.analysis.Generations``). ``join()`` waits for
everything asked for and delivers it: tests, exports and benchmarks call it instead of sleeping.
``stop()`` (the window closes) drops what waits and does not wait long for what runs: a worker
process that does not answer at once is killed (a new one starts with the next request).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from superqt.utils import create_worker

from .band_worker import BandWorker, shared_band_worker
from .state.analysis import INTERVAL_S, Analyses, AnalysisRequest, Generations, run_analyses


class AnalysisRunner(QObject):
    arrived = Signal(int, object)  # generation, Analyses: a result to show
    STOP_WAIT_MS = 250  # stop() waits this long for a request in flight (20,000 samples take about 0.1 s)

    def __init__(self, worker: BandWorker | None = None, interval_s: float = INTERVAL_S, parent=None):
        super().__init__(parent)
        self._worker = worker
        self.interval_s = interval_s
        self.generations = Generations()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._busy = False
        self._wanted: tuple[int, AnalysisRequest, bool] | None = None
        self._started = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)

    @property
    def worker(self) -> BandWorker:
        return self._worker or shared_band_worker()

    @property
    def in_process(self) -> bool:
        """True when the analyses run in the worker process (not on a thread of this one)."""
        return self.worker.in_process

    @property
    def busy(self) -> bool:
        return self._busy or self._wanted is not None

    def compute_now(self, request: AnalysisRequest) -> Analyses:
        """Compute on this thread; any result still on its way is stale from now on."""
        self.generations.now()
        self._wanted = None
        return run_analyses(request)

    def submit(self, request: AnalysisRequest, follow: bool = False) -> int:
        """Compute in the background; ``follow``: asked during a drag (see Generations). Returns the
        request's generation."""
        generation = self.generations.next()
        self._wanted = (generation, request, follow)
        if not self._busy:
            self._start()
        return generation

    def _start(self, wait: bool = True) -> None:
        if self._wanted is None or self._busy:
            return
        pause = self.interval_s - (time.perf_counter() - self._started)
        if wait and pause > 0:
            if not self._timer.isActive():
                self._timer.start(int(pause * 1000) + 1)  # the newest request when the interval is over
            return
        self._timer.stop()
        self._started = time.perf_counter()
        generation, request, follow = self._wanted
        self._wanted = None
        self._busy = True
        worker = create_worker(self._work, generation, request, follow, _start_thread=False)
        worker.returned.connect(self._done)
        self._job = worker  # alive until it is done
        self._pool.start(worker)

    def _work(self, generation: int, request: AnalysisRequest, follow: bool):
        try:
            return generation, follow, self.worker.compute(request)
        except Exception as exc:  # reported on the window's thread
            return generation, follow, Analyses(problem=f"{type(exc).__name__}: {exc}")

    def _done(self, outcome) -> None:
        generation, follow, result = outcome
        self._busy = False
        self._job = None
        if self.generations.accept(generation, follow, not result.problem):
            self.arrived.emit(generation, result)
        if self._wanted is not None:
            self._start()

    def join(self) -> None:
        """Wait for the running request and the one waiting (without the interval), and deliver
        their results now."""
        while self.busy:
            if not self._busy:
                self._start(wait=False)
            self._pool.waitForDone()
            QCoreApplication.sendPostedEvents(self)  # delivers the worker's result to this thread
            if self._busy and self._pool.activeThreadCount() == 0:
                QCoreApplication.sendPostedEvents()  # (queued to the worker's signal object)

    def stop(self) -> None:
        """Drop what waits, make what runs stale (no result may arrive after the window is gone) and wait
        for it, briefly: a worker process that has not answered within STOP_WAIT_MS (stopped, hung) is
        killed, so the pool thread gets EOF and finishes, and closing the window never waits for the
        worker's watchdog. The next request starts a new worker process."""
        self._wanted = None
        self._timer.stop()
        self.generations.now()
        while not self._pool.waitForDone(self.STOP_WAIT_MS):
            self.worker.abort()
