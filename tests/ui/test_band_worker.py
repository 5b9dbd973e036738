"""The analyses' worker process: the same results as computing in place, errors come back, and a
dead, hung or missing worker falls back to computing on the calling thread."""

from __future__ import annotations

import io
import os
import pickle
import signal

import numpy as np
import pytest

from explorer.catalog import builtin_catalog
from explorer.scenario import Scenario
from ui.band_worker import BandWorker, _read, _write, serve
from ui.state.analysis import AnalysisRequest, run_analyses

SCENARIO = Scenario(gpu_count=150_000, energy_price_usd_per_kwh=0.11)
CAT = builtin_catalog()


def request(samples=300, precision="bf16", effective=False):
    return AnalysisRequest(SCENARIO, CAT, samples, precision, effective)


def same(a, b) -> bool:
    """Two Analyses with equal bands and tornados."""
    x, y = a.bands, b.bands
    return x.samples == y.samples and x.series.keys() == y.series.keys() and all(
        np.array_equal(x.series[k], y.series[k]) for k in x.series) and all(
        np.array_equal(x.kpis[k], y.kpis[k]) for k in x.kpis) and a.tornados == b.tornados


def test_scenarios_pickle_to_an_equal_scenario():
    s = Scenario(name="x", ranges={"pue": (1.1, 1.3)}, rent_price_overrides={"GB200": 2.5})
    back = pickle.loads(pickle.dumps(s))
    assert back == s and dict(back.ranges) == dict(s.ranges)
    assert back.rent_price_overrides["GB200"] == 2.5


def test_the_worker_loop_answers_each_request_and_reports_errors():
    requests = io.BytesIO()
    _write(requests, request())
    _write(requests, request(precision="no-such-precision"))
    requests.seek(0)
    replies = io.BytesIO()
    assert serve(requests, replies) == 0  # ends when the requests end
    replies.seek(0)
    status, found = _read(replies)
    assert status == "ok" and same(found, run_analyses(request()))
    status, error = _read(replies)
    assert status == "error" and isinstance(error, ValueError)
    with pytest.raises(EOFError):
        _read(replies)


def test_analyses_from_the_worker_process_equal_analyses_computed_here():
    worker = BandWorker()
    try:
        found = worker.compute(request(500, "fp8", True))
        assert worker.in_process
        assert same(found, run_analyses(request(500, "fp8", True)))
        with pytest.raises(ValueError):  # an error in the worker is raised here, and the worker lives on
            worker.compute(request(500, "no-such-precision"))
        assert worker.in_process
    finally:
        worker.shutdown()


def test_a_dead_worker_falls_back_to_computing_here():
    worker = BandWorker()
    try:
        worker.start()
        worker._proc.kill()
        worker._proc.wait()
        found = worker.compute(request())
        assert not worker.in_process
        assert same(found, run_analyses(request()))
    finally:
        worker.shutdown()


def test_a_worker_that_cannot_start_falls_back(monkeypatch):
    monkeypatch.setattr("ui.band_worker.worker_command", lambda: ["/nonexistent/scenario-explorer", "--band-worker"])
    worker = BandWorker()
    found = worker.compute(request())
    assert not worker.in_process
    assert same(found, run_analyses(request()))


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_a_hung_worker_is_killed_and_the_analyses_computed_here():
    worker = BandWorker()
    worker.TIMEOUT_S = 0.5
    try:
        worker.start()
        os.kill(worker._proc.pid, signal.SIGSTOP)  # alive but never answers
        found = worker.compute(request())
        assert not worker.in_process
        assert same(found, run_analyses(request()))
    finally:
        worker.shutdown()


def test_shutdown_does_not_wait_for_a_stopped_worker():
    worker = BandWorker()
    worker.start()
    proc = worker._proc
    if hasattr(signal, "SIGSTOP"):
        os.kill(proc.pid, signal.SIGSTOP)
    worker.shutdown()
    assert proc.poll() is not None  # gone
    assert not worker.in_process
