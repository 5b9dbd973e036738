"""The serving roofline: hand-computed cases in each regime, properties, and the calibration."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import serving
from explorer.model import evaluate
from explorer.scenario import Scenario

from support.calibration_points import CALIBRATION, REFERENCE_ONLY, model_tokens_per_second

GB = 1e9


def one_group(n, *, flops, bandwidth, hbm, params, kv, output, u, inputs, step_tokens=1.0, bytes_per_param=1.0,
              domain=8):
    """The roofline for one group of n accelerators, written out by hand (seconds and bytes)."""
    weights = params * bytes_per_param
    if weights / n > serving.WEIGHT_SHARE_LIMIT * hbm:
        return 0.0  # the weights do not fit this group
    overhead = (serving.STEP_OVERHEAD_S + serving.GROUP_OVERHEAD_S * math.log2(n)
                + serving.SCALE_OUT_OVERHEAD_S * max(math.log2(n / domain), 0.0))
    fixed = overhead + weights / n / (bandwidth * serving.WEIGHT_BANDWIDTH_EFFICIENCY)
    mean_context = inputs + output / 2
    per_user = (mean_context * kv / (bandwidth * serving.KV_BANDWIDTH_EFFICIENCY)
                + step_tokens * 2 * params * (1 + inputs / output) / (flops * serving.COMPUTE_EFFICIENCY_DENSE))
    capacity = (serving.HBM_USABLE_SHARE * hbm - weights / n) / (mean_context * kv)
    speed = max(u, step_tokens / (fixed + per_user * capacity))  # a capped batch is served faster
    users = min((step_tokens / speed - fixed) / per_user, capacity)
    return max(users, 0.0) * speed


def roofline(*, flops, bandwidth, hbm, params, kv, output, u, inputs, step_tokens=1.0, bytes_per_param=1.0,
             domain=8):
    return float(serving.tokens_per_second(
        flops, bandwidth, hbm, domain, total_params=params, active_params=params, kv_bytes_per_token=kv,
        tokens_per_step=step_tokens, input_tokens=inputs, output_tokens=output, tokens_per_user=u,
        weight_bytes_per_param=bytes_per_param))


def test_memory_bound_case_by_hand():
    """A long context at high interactivity: the KV cache reads fill the step."""
    case = dict(flops=2000e12, bandwidth=3.35e12, hbm=80 * GB, params=8e9, kv=64 * 1024, output=1000, u=100.0,
                inputs=32_000)
    best = max(one_group(n, **case) for n in serving.GROUP_SIZES)
    assert roofline(**case) == pytest.approx(best, rel=1e-12)
    compute_only, memory_only = serving.bounds(2000e12, 3.35e12, 80 * GB, total_params=8e9, active_params=8e9,
                                               kv_bytes_per_token=64 * 1024, tokens_per_step=1.0, input_tokens=32_000,
                                               output_tokens=1000, tokens_per_user=100.0, weight_bytes_per_param=1.0)
    assert memory_only < compute_only  # memory binds here
    assert roofline(**case) <= min(compute_only, memory_only)


def test_compute_bound_case_by_hand():
    """A short context at a relaxed interactivity: the arithmetic fills the step."""
    case = dict(flops=1000e12, bandwidth=8e12, hbm=180 * GB, params=70e9, kv=160 * 1024, output=300, u=5.0,
                inputs=300)
    best = max(one_group(n, **case) for n in serving.GROUP_SIZES)
    assert roofline(**case) == pytest.approx(best, rel=1e-12)
    compute_only, memory_only = serving.bounds(1000e12, 8e12, 180 * GB, total_params=70e9, active_params=70e9,
                                               kv_bytes_per_token=160 * 1024, tokens_per_step=1.0, input_tokens=300,
                                               output_tokens=300, tokens_per_user=5.0, weight_bytes_per_param=1.0)
    assert compute_only < memory_only  # compute binds here
    assert roofline(**case) <= compute_only
    assert roofline(**case) > 0.8 * compute_only  # and the roofline approaches it


def test_a_model_too_large_for_any_group_serves_nothing():
    assert roofline(flops=1e15, bandwidth=3e12, hbm=80 * GB, params=100e12, kv=1e5, output=100, u=10.0,
                    inputs=100) == 0.0


def test_an_h200_serves_faster_than_an_h100_and_costs_less_per_token_at_the_default_workload():
    base = Scenario(chip_mix={"H100": 0.5, "H200": 0.5}, serving_model="llama-3.3-70b")
    p = evaluate(base)
    h100, h200 = (float(p.tokens_per_second_by_chip[0, p.catalog.index(c)]) for c in ("H100", "H200"))
    assert h200 > h100
    cost = {chip: evaluate(base.replace(chip_mix={chip: 1.0})).summary()["cost_per_million_tokens_usd"]
            for chip in ("H100", "H200")}
    assert cost["H200"] < cost["H100"]


@pytest.mark.parametrize("point", CALIBRATION, ids=lambda p: p.id)
def test_the_roofline_meets_each_calibration_point_within_25_percent(point):
    model = model_tokens_per_second(point)
    assert model == pytest.approx(point.measured, rel=0.25), (point.id, model, point.measured, point.source)


def test_the_calibration_is_wide_and_h200_beats_h100_in_it():
    assert len({p.chip for p in CALIBRATION}) >= 6 and {p.model for p in CALIBRATION} >= {"llama-3.3-70b",
                                                                                           "deepseek-r1"}
    by_id = {p.id: model_tokens_per_second(p) for p in CALIBRATION}
    assert by_id["M-H200-off"] > by_id["M-H100-off"] and by_id["M-H200-srv"] > by_id["M-H100-srv"]


def test_reference_only_points_are_documented_with_their_reason():
    text = (__import__("pathlib").Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text("utf-8")
    for point in REFERENCE_ONLY + CALIBRATION:
        assert point.id in text, point.id


# ------------------------------------------------------------------------------ properties

@st.composite
def serving_scenarios(draw):
    chip = draw(st.sampled_from(["H100", "H200", "B200", "GB200", "GB300", "MI300X", "MI355X", "TPU7x",
                                 "Trainium2", "VR200", "MI450"]))
    return Scenario(chip_mix={chip: 1.0},
                    serving_model=draw(st.sampled_from(["deepseek-r1", "llama-3.3-70b", "llama-3.1-8b",
                                                        "frontier-moe"])),
                    context_tokens=draw(st.integers(1, 100_000)), output_tokens_per_request=draw(st.integers(1, 8000)),
                    tokens_per_second_per_user=draw(st.floats(1.0, 300.0)),
                    token_precision=draw(st.sampled_from(["bf16", "fp8", "fp4"])),
                    serving_share=draw(st.floats(0.01, 1.0)))


PROPS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(serving_scenarios(), st.floats(1.0, 3.0))
def test_more_bandwidth_never_lowers_tokens(s, factor):
    p = evaluate(s)
    u = p.params.tokens_per_second_per_user[:, None]
    base = p.serving_tokens_per_second(u)
    from explorer.catalog import Catalog
    import dataclasses
    chips = tuple(dataclasses.replace(c, hbm_tbps=c.hbm_tbps * factor) for c in p.catalog.chips)
    faster = evaluate(s, Catalog(chips)).serving_tokens_per_second(u)
    assert np.all(faster >= base * (1 - 1e-12))


@PROPS
@given(serving_scenarios(), st.floats(1.0, 3.0))
def test_higher_interactivity_never_lowers_the_cost_per_token(s, factor):
    a = evaluate(s).summary()["cost_per_million_tokens_usd"]
    b = evaluate(s.replace(tokens_per_second_per_user=min(2000.0, s.tokens_per_second_per_user * factor))).summary()[
        "cost_per_million_tokens_usd"]
    if a is None:
        assert b is None  # nothing served at the slower speed: nothing at the faster one either
    elif b is not None:
        assert b >= a * (1 - 1e-9)


@PROPS
@given(serving_scenarios())
def test_no_serving_share_gives_no_tokens_and_no_cost_per_token(s):
    k = evaluate(s.replace(serving_share=0.0)).summary()
    assert k["tokens_total"] == 0 and k["cost_per_million_tokens_usd"] is None
