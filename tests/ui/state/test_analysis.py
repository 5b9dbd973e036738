"""When the analyses run, which results deserve the screen, and what they hold."""

import numpy as np

from explorer.catalog import builtin_catalog
from explorer.scenario import Scenario
from explorer.sensitivity import tornado
from explorer.uncertainty import compute_bands
from ui.state.analysis import DRAG_SAMPLES, NONE, AnalysisRequest, Generations, plan, run_analyses
from ui.state.view import ViewOptions

CAT = builtin_catalog()
DEAL = Scenario()


def test_a_drag_follows_in_the_background_with_capped_samples():
    big = DEAL.replace(uncertainty_samples=10_000)
    how = plan(big, dragging=True, control_edit=True, analyses_on_screen=True, worker_in_process=True)
    assert how.background and how.samples == DRAG_SAMPLES and not how.followers  # a preview
    how = plan(big, dragging=False, control_edit=False, analyses_on_screen=True, worker_in_process=False)
    assert how.background and how.samples == 10_000  # many samples: never on the window's thread


def test_edits_compute_at_once_unless_the_worker_can_follow():
    assert plan(DEAL, False, True, True, True).background  # a key press: the analyses follow
    assert not plan(DEAL, False, True, False, True).background  # the window's first analyses: at once
    assert not plan(DEAL, False, True, True, False).background  # no worker process
    assert not plan(DEAL, False, False, True, True).background  # undo, a file: what is shown is stale


def test_generations_keep_the_newest_and_follow_a_drag():
    g = Generations()
    first, second = g.next(), g.next()
    assert not g.accept(first, follow=False, ok=True)  # superseded, not a drag: dropped
    assert g.accept(second, follow=False, ok=True)
    third, fourth = g.next(), g.next()
    assert g.accept(third, follow=True, ok=True)  # during a drag: newer than what is shown, so shown
    assert not g.accept(third - 1, follow=True, ok=True)  # older than what is shown
    assert not g.accept(fourth - 1, follow=True, ok=False) and g.accept(fourth, follow=True, ok=False)
    now = g.now()
    assert not g.accept(fourth, follow=True, ok=True) and g.shown == now  # computed at once: the rest is stale


def test_run_analyses_gives_bands_and_every_tornado():
    found = run_analyses(AnalysisRequest.for_view(DEAL, CAT, ViewOptions(precision="fp8"), 400))
    expected = compute_bands(DEAL, CAT, samples=400, precision="fp8")
    assert np.array_equal(found.bands.series["capacity"], expected.series["capacity"])
    assert found.tornados["energy_total_gwh"] == tornado(DEAL, "energy_total_gwh", CAT)
    assert found.fits(DEAL.term_months) and not found.fits(DEAL.term_months + 1)
    hidden = run_analyses(AnalysisRequest.for_view(DEAL, CAT, ViewOptions(show_bands=False), 400))
    assert hidden.bands is None and hidden.tornados  # the tornado does not depend on the bands toggle
    assert run_analyses(AnalysisRequest(DEAL.replace(ranges={}), CAT, 400)) is NONE


def test_a_request_carries_only_the_chips_in_the_mix():
    """It is pickled to the band worker on every request: a 100,000-chip catalog made each one
    17.8 MB and 0.8 s (the whole catalog was sent)."""
    import pickle

    from explorer.catalog import parse_catalog

    rows = "".join(f"x{i},chip {i},989,700,1400,2.5,30000\n" for i in range(20_000))
    big = CAT.merged(parse_catalog("id,name,bf16_tflops,tdp_w,system_w_per_accel,rent_usd_per_gpu_hour,"
                                   "purchase_usd\n" + rows, "big.csv", base=CAT))
    request = AnalysisRequest.for_view(DEAL, big, ViewOptions(), 400)
    assert set(request.catalog.ids) == set(DEAL.chip_mix)
    assert len(pickle.dumps(request)) < len(pickle.dumps(AnalysisRequest(DEAL, big, 400))) / 100
    found, whole = run_analyses(request), run_analyses(AnalysisRequest(DEAL, big, 400))
    assert np.array_equal(found.bands.series["capacity"], whole.bands.series["capacity"])
    assert found.tornados == whole.tornados
