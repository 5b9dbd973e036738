"""The one background runner: results in order of asking, stale ones dropped, join() delivers."""

from __future__ import annotations

import os
import signal
import threading

import pytest
from PySide6.QtCore import QCoreApplication

from explorer.catalog import builtin_catalog
from explorer.scenario import Scenario
from ui.analyses import AnalysisRunner
from ui.band_worker import BandWorker
from ui.state.analysis import AnalysisRequest

CAT = builtin_catalog()


def runner(qtbot, interval_s=0.0, worker=None):
    r = AnalysisRunner(worker or BandWorker(use_process=False), interval_s=interval_s)
    got = []
    r.arrived.connect(lambda generation, analyses: got.append((generation, analyses)))
    return r, got


def request(gpus=200_000, samples=300):
    return AnalysisRequest(Scenario(gpu_count=gpus), CAT, samples)


def test_a_submitted_request_arrives_after_join(qtbot):
    r, got = runner(qtbot)
    generation = r.submit(request())
    assert r.busy
    r.join()
    assert not r.busy and [g for g, _ in got] == [generation]
    assert got[0][1].bands.samples == 300 and got[0][1].tornados


def test_only_the_newest_of_a_burst_is_computed_and_shown(qtbot):
    r, got = runner(qtbot, interval_s=10.0)  # a long interval: the burst waits for the first one
    r.submit(request(100_000))
    r.submit(request(200_000))
    newest = r.submit(request(300_000))
    r.join()  # join does not wait for the interval
    assert got[-1][0] == newest
    assert got[-1][1].tornados["gpus_peak"].base == 300_000
    assert len(got) <= 2  # the middle request was never computed (the first may have been)


def test_a_result_computed_at_once_makes_one_on_its_way_stale(qtbot):
    r, got = runner(qtbot)
    r.submit(request(100_000))
    now = r.compute_now(request(250_000))
    r.join()
    assert got == [] and now.tornados["gpus_peak"].base == 250_000


def test_a_drag_keeps_results_that_a_newer_request_has_overtaken(qtbot):
    r, got = runner(qtbot, interval_s=10.0)
    with qtbot.waitSignal(r.arrived) as arrived:
        first = r.submit(request(100_000), follow=True)
        r.submit(request(200_000), follow=True)  # waits for the interval
    assert arrived.args[0] == first  # shown, although a newer one waits
    r.join()
    assert len(got) == 2


def test_an_error_becomes_the_results_problem(qtbot):
    r, got = runner(qtbot)
    r.submit(AnalysisRequest(Scenario(), CAT, 300, precision="no-such-precision"))
    r.join()
    (_, result), = got
    assert result.problem.startswith("ValueError") and result.bands is None


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_closing_does_not_wait_for_a_stopped_worker(qtbot):
    worker = BandWorker()
    worker.TIMEOUT_S = 60.0  # its watchdog is not what ends the wait
    rescued = []
    try:
        worker.compute(request())  # started and answering
        stopped = worker._proc
        os.kill(stopped.pid, signal.SIGSTOP)
        # this test's own rescue, so that the old behaviour fails instead of hanging
        rescue = threading.Timer(20.0, lambda: (rescued.append(True), stopped.kill()))
        rescue.daemon = True
        rescue.start()
        r, got = runner(qtbot, worker=worker)
        r.submit(request())
        r.stop()  # the window closes
        rescue.cancel()
        assert not rescued, "stop() waited for the stopped worker"
        assert stopped.wait(timeout=10) == -signal.SIGKILL  # killed, and reaped
        QCoreApplication.sendPostedEvents()
        assert got == []  # nothing arrives after the window is gone
        worker.compute(request())  # the shared worker lives on, in a new process
        assert worker.in_process and worker._proc.pid != stopped.pid
    finally:
        worker.shutdown()
