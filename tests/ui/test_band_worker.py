"""The analyses' worker process: the same results as computing in place, errors come back, and a
dead, hung or missing worker falls back to computing on the calling thread."""

from __future__ import annotations

import io
import logging
import os
import pickle
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from explorer.catalog import builtin_catalog
from explorer.scenario import Scenario
from ui.band_worker import PARENT_ENV, BandWorker, _read, _write, serve, worker_command
from ui.state.analysis import AnalysisRequest, run_analyses

SCENARIO = Scenario(gpu_count=150_000, energy_price_usd_per_kwh=0.11)
CAT = builtin_catalog()
ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(os, "pidfd_open"),
                                reason="PR_SET_PDEATHSIG and pidfds are Linux's")


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


def _zombie(pid: int) -> bool:
    """True if ``pid`` exists and has exited but nobody has reaped it (Linux's /proc; False elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] == "Z"
    except OSError:
        return False


def test_a_dead_worker_is_reaped_at_once_and_the_next_request_starts_a_new_one():
    worker = BandWorker()
    try:
        worker.start()
        dead, reaper = worker._proc, worker._reaper
        dead.kill()  # kill -9
        reaper.join(timeout=10)  # the worker's own reaper, not this test, waits for it: no zombie remains
        assert not reaper.is_alive() and dead.returncode == -signal.SIGKILL and not _zombie(dead.pid)
        found = worker.compute(request())  # answered by a new process
        assert worker.in_process and worker._proc.pid != dead.pid
        assert same(found, run_analyses(request()))
    finally:
        worker.shutdown()


def test_a_worker_that_keeps_dying_is_given_up_after_three_deaths(monkeypatch, caplog):
    started = []

    def dies_at_once():
        started.append(1)
        return [sys.executable, "-c", "pass"]

    monkeypatch.setattr("ui.band_worker.worker_command", dies_at_once)
    worker = BandWorker()
    try:
        with caplog.at_level(logging.WARNING, logger="ui.band_worker"):
            for _ in range(5):
                assert same(worker.compute(request()), run_analyses(request()))  # computed here meanwhile
        assert len(started) == 3 and not worker.in_process  # no more attempts after the third death
        assert sum("computing bands on a thread" in r.getMessage() for r in caplog.records) == 1  # said once
    finally:
        worker.shutdown()


def test_a_worker_that_cannot_start_falls_back(monkeypatch):
    started = []
    monkeypatch.setattr("ui.band_worker.worker_command",
                        lambda: started.append(1) or ["/nonexistent/scenario-explorer", "--band-worker"])
    worker = BandWorker()
    found = worker.compute(request())
    assert not worker.in_process
    assert same(found, run_analyses(request()))
    worker.compute(request())
    assert started == [1]  # for good: no processes here


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
def test_a_hung_worker_is_killed_and_the_analyses_computed_here():
    worker = BandWorker()
    worker.TIMEOUT_S = 0.5
    try:
        worker.start()
        os.kill(worker._proc.pid, signal.SIGSTOP)  # alive but never answers
        hung = worker._proc
        found = worker.compute(request())
        assert not worker.in_process
        assert same(found, run_analyses(request()))
        worker.compute(request())  # the next request starts a new process
        assert worker.in_process and worker._proc.pid != hung.pid
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


@linux_only
def test_a_worker_started_on_a_thread_that_ends_lives_on():
    """PR_SET_PDEATHSIG fires when the *thread* that started the worker ends (a pool thread expires
    after 30 idle seconds): the worker must not be started on the thread that asks."""
    worker = BandWorker()
    try:
        asker = threading.Thread(target=worker.compute, args=(request(),))
        asker.start()
        asker.join()
        proc = worker._proc
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=0.5)  # not killed with the thread
        worker.compute(request())
        assert worker.in_process and worker._proc is proc
    finally:
        worker.shutdown()


ORPHAN_PARENT = """
import sys
from explorer.catalog import builtin_catalog
from explorer.scenario import Scenario
from ui.band_worker import BandWorker
from ui.state.analysis import AnalysisRequest

worker = BandWorker()
worker.compute(AnalysisRequest(Scenario(), builtin_catalog(), 100))  # started and serving
assert worker.in_process
print(worker._proc.pid, flush=True)
sys.stdin.read()  # until killed
"""


@linux_only
def test_a_stopped_worker_exits_when_the_app_dies():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    parent = subprocess.Popen([sys.executable, "-P", "-c", ORPHAN_PARENT], cwd=ROOT, env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    pidfd = None
    try:
        pid = int(parent.stdout.readline())
        pidfd = os.pidfd_open(pid)  # readable once the worker has exited (reaped or not)
        os.kill(pid, signal.SIGSTOP)  # a stopped worker never reads the EOF of its stdin
        parent.kill()
        parent.wait()
        exited, _, _ = select.select([pidfd], [], [], 10)
        assert exited, "the stopped worker outlived the app"
    finally:
        if pidfd is not None:
            try:
                signal.pidfd_send_signal(pidfd, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.close(pidfd)
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        parent.stdin.close()
        parent.stdout.close()


@linux_only
def test_a_worker_whose_parent_is_already_gone_exits_at_once():
    """The race PR_SET_PDEATHSIG leaves: the parent died before the worker asked for the signal."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{PARENT_ENV: str(os.getpid() + 1)})  # not its parent
    proc = subprocess.Popen(worker_command(), cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert proc.wait(timeout=10) == 0  # exits with its stdin still open
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdin.close()
        proc.stdout.close()
