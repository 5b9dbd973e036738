"""The bands' worker process: same results as computing in place, errors come back, and a dead
worker falls back to computing on the calling thread."""

from __future__ import annotations

import io
import os
import pickle
import signal

import numpy as np
import pytest

from explorer.catalog import builtin_catalog
from explorer.scenario import Scenario
from explorer.uncertainty import compute_bands
from ui.band_worker import BandWorker, _read, _write, serve

SCENARIO = Scenario(gpu_count=150_000, energy_price_usd_per_kwh=0.11)


def same_bands(a, b) -> bool:
    return a.samples == b.samples and a.series.keys() == b.series.keys() and all(
        np.array_equal(a.series[k], b.series[k]) for k in a.series) and all(
        np.array_equal(a.kpis[k], b.kpis[k]) for k in a.kpis)


def test_scenarios_pickle_to_an_equal_scenario():
    s = Scenario(name="x", ranges={"pue": (1.1, 1.3)}, rent_price_overrides={"GB200": 2.5})
    back = pickle.loads(pickle.dumps(s))
    assert back == s and dict(back.ranges) == dict(s.ranges)
    assert back.rent_price_overrides["GB200"] == 2.5


def test_the_worker_loop_answers_each_request_and_reports_errors():
    requests = io.BytesIO()
    _write(requests, (SCENARIO, builtin_catalog(), 300, "bf16", False))
    _write(requests, (SCENARIO, builtin_catalog(), 300, "no-such-precision", False))
    requests.seek(0)
    replies = io.BytesIO()
    assert serve(requests, replies) == 0  # ends when the requests end
    replies.seek(0)
    status, bands = _read(replies)
    assert status == "ok" and same_bands(bands, compute_bands(SCENARIO, samples=300))
    status, error = _read(replies)
    assert status == "error" and isinstance(error, ValueError)
    with pytest.raises(EOFError):
        _read(replies)


def test_bands_from_the_worker_process_equal_bands_computed_here():
    worker = BandWorker()
    try:
        bands = worker.compute(SCENARIO, builtin_catalog(), 500, "fp8", True)
        assert worker.in_process
        assert same_bands(bands, compute_bands(SCENARIO, samples=500, precision="fp8", effective=True))
        with pytest.raises(ValueError):  # an error in the worker is raised here, and the worker lives on
            worker.compute(SCENARIO, builtin_catalog(), 500, "no-such-precision", False)
        assert worker.in_process
    finally:
        worker.shutdown()


def test_a_dead_worker_falls_back_to_computing_here():
    worker = BandWorker()
    try:
        worker.start()
        worker._proc.kill()
        worker._proc.wait()
        bands = worker.compute(SCENARIO, builtin_catalog(), 300, "bf16", False)
        assert not worker.in_process
        assert same_bands(bands, compute_bands(SCENARIO, samples=300))
    finally:
        worker.shutdown()


def test_a_worker_that_cannot_start_falls_back(monkeypatch):
    monkeypatch.setattr("ui.band_worker.worker_command", lambda: ["/nonexistent/scenario-explorer", "--band-worker"])
    worker = BandWorker()
    bands = worker.compute(SCENARIO, builtin_catalog(), 300, "bf16", False)
    assert not worker.in_process
    assert same_bands(bands, compute_bands(SCENARIO, samples=300))


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_a_hung_worker_is_killed_and_the_bands_computed_here():
    worker = BandWorker()
    worker.TIMEOUT_S = 0.5
    try:
        worker.start()
        os.kill(worker._proc.pid, signal.SIGSTOP)  # alive but never answers
        bands = worker.compute(SCENARIO, builtin_catalog(), 300, "bf16", False)
        assert not worker.in_process
        assert same_bands(bands, compute_bands(SCENARIO, samples=300))
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
