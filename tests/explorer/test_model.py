"""The capacity-and-cost model: hand-computed months for each output, then properties (hypothesis)."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.catalog import builtin_catalog, REFERENCE_ENERGY_PRICE_USD_PER_KWH, REFERENCE_PUE
from explorer.errors import ScenarioError
from explorer.model import Params, evaluate
from explorer.scenario import FIELDS, Scenario, month_index, month_text

CAT = builtin_catalog()

# One H100 fleet, everything from the first month (January: 744 hours), round numbers.
SIMPLE = Scenario(
    gpu_count=1000, chip_mix={"H100": 1}, start="2025-01", ramp_end="2025-01", term_months=12,
    energy_price_usd_per_kwh=0.10, pue=1.5, utilization=0.5, mfu=0.4, idle_power_fraction=0.2,
    full_use_power_fraction=0.8, server_overhead_scale=1.0, chip_price_scale=1.0, agent_cpu_ratio=10,
    cpu_power_w_per_vcpu=3.0, cpu_usd_per_vcpu_hour=0.02, other_cost_fraction=0.1,
    rent_price_overrides={"H100": 2.0}, vcpus_per_agent_session=2, model_active_params_billion=70,
    flops_per_param_per_token=2, serving_flop_efficiency=0.2, token_precision="fp8", contract_value_usd=1e8,
)
H = 744.0


def first_month(p, attr):
    return float(getattr(p, attr)[0, 0])


def test_hand_computed_first_month_rented_with_power_passed_through():
    p = evaluate(SIMPLE)
    assert p.hours[0] == H and p.hours[1] == 28 * 24
    assert first_month(p, "gpus") == 1000
    # load = idle + (busy - idle) * utilisation = 0.2 + 0.6 * 0.5 = 0.5
    assert first_month(p, "accel_mw") == pytest.approx(1000 * 700 * 0.5 / 1e6)      # 0.35 MW
    assert first_month(p, "overhead_mw") == pytest.approx(1000 * 575 * 0.5 / 1e6)   # (1275 - 700) W
    assert first_month(p, "cpu_mw") == pytest.approx(10 * 1000 * 3 * 0.5 / 1e6)     # 0.015 MW
    assert first_month(p, "it_mw") == pytest.approx(0.6525)
    assert first_month(p, "facility_mw") == pytest.approx(0.6525 * 1.5)
    assert first_month(p, "energy_mwh") == pytest.approx(0.97875 * H)
    assert p.cost["compute"][0, 0] == pytest.approx(1000 * 2.0 * H)                 # 1,488,000
    assert p.cost["cpu"][0, 0] == pytest.approx(10_000 * 0.02 * H)                  # 148,800
    assert p.cost["energy"][0, 0] == pytest.approx(0.97875 * H * 1000 * 0.10)       # 72,819
    assert p.cost["other"][0, 0] == pytest.approx(0.1 * (1_488_000 + 148_800))
    total = 1_488_000 + 148_800 + 72_819 + 163_680
    assert p.cost_total[0, 0] == pytest.approx(total)
    assert p.peak_flops("bf16")[0, 0] == pytest.approx(1000 * 989e12)
    assert p.peak_flops("fp4")[0, 0] == pytest.approx(1000 * 1979e12)  # no FP4 on H100: runs at FP8
    assert p.effective_flops("bf16")[0, 0] == pytest.approx(1000 * 989e12 * 0.5 * 0.4)
    tokens_per_s = 1979e12 * 0.5 * 0.2 / (2 * 70e9)  # 1,413.6 tokens/s per GPU
    assert p.tokens[0, 0] == pytest.approx(tokens_per_s * 1000 * H * 3600)
    assert p.cost_per_million_tokens[0, 0] == pytest.approx(total / (tokens_per_s * 1000 * H * 3600) * 1e6)
    assert p.cost_per_effective_gpu_hour[0, 0] == pytest.approx(total / (1000 * H * 0.5))
    assert p.vcpus[0, 0] == 10_000 and p.agent_sessions[0, 0] == 5_000


def test_all_inclusive_rent_embeds_energy_at_full_use_draw():
    p = evaluate(SIMPLE.replace(energy_passthrough=False))
    rated_kw = 1000 * 1.275 + 10_000 * 0.003
    assert p.cost["energy"][0, 0] == pytest.approx(rated_kw * 0.8 * 1.5 * 0.10 * H)
    assert p.cost["compute"][0, 0] == pytest.approx(1000 * 2.0 * H)
    assert p.summary()["energy_embedded_in_rent"] is True
    # metered energy is still what the fleet draws
    assert p.energy_mwh[0, 0] == pytest.approx(0.97875 * H)


def test_owned_hardware_depreciates_straight_line_with_a_capital_charge():
    s = SIMPLE.replace(pricing="own", depreciation_years=1, capital_cost_rate=0.12,
                       purchase_price_overrides={"H100": 27_500}, facility_usd_per_kw_month=150,
                       cpu_purchase_usd_per_vcpu=60, term_months=24)
    p = evaluate(s)
    dep = 27_500 * 1000 / 12
    interest = 27_500 * 1000 * (11 / 12) * 0.01  # on the book value left after month 0
    facility = 150 * 1000 * 1.275
    assert p.cost["compute"][0, 0] == pytest.approx(dep + interest + facility)
    # month 11 is the last of the 12-month life; month 12 onwards only the facility remains
    assert p.cost["compute"][0, 11] == pytest.approx(dep + facility)
    assert p.cost["compute"][0, 12] == pytest.approx(facility)
    cpu_dep = 60 * 10_000 / 12
    assert p.cost["cpu"][0, 0] == pytest.approx(cpu_dep + 60 * 10_000 * 11 / 12 * 0.01 + 150 * 30)
    assert p.cost["cpu"][0, 12] == pytest.approx(150 * 30)
    # energy is metered in own mode, whatever energy_passthrough says
    assert p.cost["energy"][0, 0] == pytest.approx(0.97875 * H * 100)
    # total depreciation equals the purchase price
    dep_only = evaluate(s.replace(capital_cost_rate=0, facility_usd_per_kw_month=0, agent_cpu_ratio=0))
    assert dep_only.cost["compute"].sum() == pytest.approx(27_500 * 1000)


def test_ramp_is_linear_to_full_deployment_at_ramp_end():
    p = evaluate(SIMPLE.replace(ramp_end="2025-04"))
    assert np.allclose(p.gpus[0, :6], [250, 500, 750, 1000, 1000, 1000])
    assert np.allclose(p.gpus_by_chip()[0, :2, CAT.index("H100")], [250, 500])


def test_published_rent_including_power_is_converted_to_ex_power():
    h100 = CAT["H100"]
    embedded = 1.275 * 0.76 * REFERENCE_PUE * REFERENCE_ENERGY_PRICE_USD_PER_KWH
    assert h100.rent_ex_power_usd_per_gpu_hour == pytest.approx(1.30 - embedded)
    # With the default PUE, energy price and draw, the all-inclusive rent equals the published price.
    s = Scenario(chip_mix={"H100": 1}, chip_price_scale=1.0, energy_passthrough=False, agent_cpu_ratio=0,
                 other_cost_fraction=0, start="2025-01", ramp_end="2025-01", term_months=1, gpu_count=1)
    p = evaluate(s)
    assert (p.cost["compute"][0, 0] + p.cost["energy"][0, 0]) / H == pytest.approx(1.30)


def test_chip_price_scale_applies_to_catalog_prices_not_to_overrides():
    base = SIMPLE.replace(rent_price_overrides={}, chip_mix={"H100": 0.5, "B200": 0.5})
    scaled = evaluate(base.replace(chip_price_scale=0.5)).cost["compute"][0, 0]
    assert scaled == pytest.approx(0.5 * evaluate(base).cost["compute"][0, 0])
    o = base.replace(chip_price_scale=0.5, rent_price_overrides={"H100": 2.0})
    expected = 500 * 2.0 * H + 500 * CAT["B200"].rent_ex_power_usd_per_gpu_hour * 0.5 * H
    assert evaluate(o).cost["compute"][0, 0] == pytest.approx(expected)


def test_energy_by_year_splits_calendar_years():
    p = evaluate(Scenario())
    years, gwh = p.energy_by_year()
    assert list(years) == list(range(2025, 2033))
    assert gwh[0].sum() == pytest.approx(p.energy_mwh[0].sum() / 1e3)
    assert gwh[0, 0] == pytest.approx(p.energy_mwh[0, :2].sum() / 1e3)  # Nov + Dec 2025


def test_summary_has_the_documented_keys():
    s = evaluate(Scenario()).summary()
    for key in ("gpus_peak", "vcpus_peak", "it_power_peak_mw", "facility_power_peak_mw", "energy_total_gwh",
                "compute_peak_eflops_bf16", "cost_total_usd", "cost_breakdown_usd",
                "cost_per_million_tokens_usd", "term_months"):
        assert key in s
    assert set(s["cost_breakdown_usd"]) == {"compute", "energy", "cpu", "other"}
    assert s["gpus_peak"] == 200_000 and s["term_months"] == 84
    assert s["compute_peak_eflops_bf16"] == pytest.approx(200_000 * 2500e12 / 1e18)


def test_default_deal_lands_near_its_contract_value():
    s = evaluate(Scenario()).summary()
    assert 0.9 < s["cost_vs_contract"] < 1.1


def test_batch_needs_one_time_axis():
    with pytest.raises(ScenarioError, match="share 'start' and 'term_months'"):
        evaluate([Scenario(), Scenario(term_months=60)])


# ------------------------------------------------------------------------------------ properties

@st.composite
def scenarios(draw, pricing=None):
    ids = draw(st.lists(st.sampled_from(CAT.ids), min_size=1, max_size=5, unique=True))
    shares = draw(st.lists(st.floats(0.0, 10.0), min_size=len(ids), max_size=len(ids)))
    if sum(shares) <= 0:
        shares[0] = 1.0
    term = draw(st.integers(1, 240))
    start = draw(st.integers(month_index("2020-01"), month_index("2040-12")))
    ramp = draw(st.integers(0, term - 1))

    def num(name):
        spec = FIELDS[name]
        return draw(st.floats(spec.lo, spec.hi, allow_nan=False))

    return Scenario(
        gpu_count=draw(st.integers(1, 5_000_000)), chip_mix=dict(zip(ids, shares)),
        energy_price_usd_per_kwh=num("energy_price_usd_per_kwh"), agent_cpu_ratio=num("agent_cpu_ratio"),
        term_months=term, start=month_text(start), ramp_end=month_text(start + ramp),
        pricing=pricing or draw(st.sampled_from(["rent", "own"])), energy_passthrough=draw(st.booleans()),
        pue=num("pue"), utilization=num("utilization"), mfu=num("mfu"),
        full_use_power_fraction=(full := num("full_use_power_fraction")),
        idle_power_fraction=draw(st.floats(0.0, full)),
        server_overhead_scale=num("server_overhead_scale"), chip_price_scale=num("chip_price_scale"),
        depreciation_years=num("depreciation_years"), capital_cost_rate=num("capital_cost_rate"),
        facility_usd_per_kw_month=num("facility_usd_per_kw_month"), other_cost_fraction=num("other_cost_fraction"),
        cpu_usd_per_vcpu_hour=num("cpu_usd_per_vcpu_hour"), cpu_power_w_per_vcpu=num("cpu_power_w_per_vcpu"),
        vcpus_per_agent_session=num("vcpus_per_agent_session"),
        model_active_params_billion=num("model_active_params_billion"),
        serving_flop_efficiency=num("serving_flop_efficiency"),
        token_precision=draw(st.sampled_from(["bf16", "fp8", "fp4"])),
    )


PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(scenarios(), st.floats(1.0, 4.0))
def test_more_gpus_never_give_less_capacity_or_cost(s, factor):
    more = s.replace(gpu_count=min(5_000_000, int(s.gpu_count * factor) + 1))
    a, b = evaluate(s), evaluate(more)
    assert np.all(b.peak_flops("bf16") >= a.peak_flops("bf16"))
    assert np.all(b.cost_cumulative >= a.cost_cumulative * (1 - 1e-12))
    assert b.kpis["cost_total_usd"][0] >= a.kpis["cost_total_usd"][0] * (1 - 1e-12)


@PROPS
@given(scenarios(), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_a_higher_energy_price_never_lowers_cost_and_always_raises_it(s, p1, p2):
    lo, hi = sorted((p1, p2))
    a = evaluate(s.replace(energy_price_usd_per_kwh=lo)).kpis["cost_total_usd"][0]
    b = evaluate(s.replace(energy_price_usd_per_kwh=hi)).kpis["cost_total_usd"][0]
    assert b >= a * (1 - 1e-12)
    if hi - lo > 0.01:
        assert b > a  # the energy price moves the cost in every pricing mode


@PROPS
@given(scenarios())
def test_cost_components_sum_to_the_total_and_nothing_is_nan_or_infinite(s):
    p = evaluate(s)
    parts = sum(p.cost.values())
    assert np.allclose(parts, p.cost_total, rtol=1e-12, atol=0)
    for name, value in p.summary().items():
        if isinstance(value, float):
            assert np.isfinite(value), name
    for arr in (p.gpus, p.it_mw, p.facility_mw, p.energy_mwh, p.cost_total, p.cost_cumulative, p.tokens,
                p.cost_per_million_tokens, p.cost_per_effective_gpu_hour, p.vcpus, p.agent_sessions,
                p.peak_flops("fp4"), p.effective_flops("fp8")):
        assert np.all(np.isfinite(arr))
    assert all(np.all(v >= 0) for v in p.cost.values())


@settings(max_examples=40, deadline=None)
@given(st.lists(scenarios(), min_size=2, max_size=6))
def test_batch_evaluation_equals_one_by_one(items):
    base = items[0]
    items = [s.replace(start=base.start, term_months=base.term_months,
                       ramp_end=month_text(min(month_index(s.ramp_end) - month_index(s.start),
                                               base.term_months - 1) + month_index(base.start)))
             for s in items]
    batch = evaluate(items)
    for i, s in enumerate(items):
        one = evaluate(s)
        for attr in ("gpus", "it_mw", "facility_mw", "energy_mwh", "cost_total", "tokens", "vcpus"):
            assert np.allclose(getattr(batch, attr)[i], getattr(one, attr)[0], rtol=1e-12), attr
        for part in one.cost:
            assert np.allclose(batch.cost[part][i], one.cost[part][0], rtol=1e-12), part
        assert np.allclose(batch.gpus_by_chip()[i], one.gpus_by_chip()[0])
        assert batch.summary(i)["cost_total_usd"] == pytest.approx(one.summary(0)["cost_total_usd"], rel=1e-12)


def test_params_repeat_makes_identical_rows():
    params = Params.from_scenarios(Scenario()).repeat(5)
    p = evaluate(params)
    assert p.size == 5
    assert np.allclose(p.cost_total, p.cost_total[:1])


@PROPS
@given(st.lists(scenarios(), min_size=1, max_size=4))
def test_whole_term_kpis_equal_the_sums_and_peaks_of_the_monthly_series(items):
    base = items[0]
    items = [s.replace(start=base.start, term_months=base.term_months, ramp_end=base.ramp_end) for s in items]
    p = evaluate(items)
    k = p.kpis
    assert np.allclose(k["cost_total_usd"], p.cost_total.sum(axis=1), rtol=1e-9)
    for part in p.cost:
        assert np.allclose(k[f"cost_{part}_usd"], p.cost[part].sum(axis=1), rtol=1e-9, atol=1e-6)
    assert np.allclose(k["energy_total_gwh"], p.energy_mwh.sum(axis=1) / 1e3, rtol=1e-9)
    assert np.allclose(k["tokens_total"], p.tokens.sum(axis=1), rtol=1e-9)
    assert np.allclose(k["gpus_peak"], p.gpus.max(axis=1), rtol=1e-12)
    assert np.allclose(k["facility_power_peak_mw"], p.facility_mw.max(axis=1), rtol=1e-12)
    assert np.allclose(k["compute_peak_eflops_bf16"], p.peak_flops("bf16").max(axis=1) / 1e18, rtol=1e-12)
    assert np.allclose(k["cost_per_effective_gpu_hour_usd"],
                       p.cost_total.sum(axis=1) / p.effective_gpu_hours.sum(axis=1), rtol=1e-9)


@settings(max_examples=80, deadline=None)
@given(scenarios(pricing="own"))
def test_owned_capital_charges_the_whole_purchase_price_within_the_term(s):
    """Depreciation (capital cost rate 0, no facility) sums to the purchase price for any life and ramp:
    whole months, and a write-off at the end of the term for what is still on the books."""
    s = s.replace(capital_cost_rate=0.0, facility_usd_per_kw_month=0.0, other_cost_fraction=0.0)
    p = evaluate(s)
    purchase = float((p.gpus_full_by_chip[0] * p.params.purchase_usd[0]).sum())
    assert p.cost["compute"].sum() == pytest.approx(purchase, rel=1e-9)
    assert p.kpis["cost_compute_usd"][0] == pytest.approx(purchase, rel=1e-9)


def test_fractional_depreciation_lives_do_not_overcharge():
    for years in (4.1, 1.01, 2.95):
        s = SIMPLE.replace(pricing="own", depreciation_years=years, capital_cost_rate=0, facility_usd_per_kw_month=0,
                           agent_cpu_ratio=0, purchase_price_overrides={"H100": 10_000}, term_months=120)
        assert evaluate(s).cost["compute"].sum() == pytest.approx(10_000 * 1000, rel=1e-12), years


def test_a_zero_cost_scenario_has_no_nan_in_its_summary():
    import json
    s = SIMPLE.replace(rent_price_overrides={"H100": 0.0}, energy_price_usd_per_kwh=0.0, cpu_usd_per_vcpu_hour=0.0)
    summary = evaluate(s).summary()
    assert summary["cost_total_usd"] == 0 and summary["energy_share_of_cost"] == 0
    json.dumps(summary, allow_nan=False)  # raises on NaN or infinity
