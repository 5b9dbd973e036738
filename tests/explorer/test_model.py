"""The capacity-and-cost model: hand-computed months for each output, then properties (hypothesis)."""

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.catalog import REFERENCE_ENERGY_PRICE_USD_PER_KWH, REFERENCE_FULL_USE_POWER_FRACTION, REFERENCE_PUE
from explorer.catalog import builtin_catalog
from explorer.errors import ScenarioError
from explorer.fields import FIELDS
from explorer.model import Params, evaluate
from explorer.months import month_index, month_text
from explorer.scenario import Scenario

CAT = builtin_catalog()

# One H100 fleet, everything from the first month (January: 744 hours), round numbers.
SIMPLE = Scenario(
    gpu_count=1000, chip_mix={"H100": 1}, start="2025-01", ramp_end="2025-01", term_months=12,
    energy_price_usd_per_kwh=0.10, pue=1.5, design_pue=1.3, utilization=0.5, mfu=0.4, idle_power_fraction=0.2,
    full_use_power_fraction=0.8, server_overhead_scale=1.0, cluster_power_scale=1.0, chip_price_scale=1.0,
    agent_cpu_ratio=10, cpu_power_w_per_vcpu=3.0, cpu_usd_per_vcpu_hour=0.02, other_cost_fraction=0.1,
    rent_price_overrides={"H100": 2.0}, vcpus_per_agent_session=2, serving_model="llama-3.3-70b",
    token_precision="fp8", contract_value_usd=1e8, energy_passthrough=True, serving_share=0.5,
)
H = 744.0
# H100: DGX H100 10.2 kW / 8 = 1,275 W per GPU; 11% more beyond the servers.
PER_GPU_IT_W = 1275 * 1.11
IT_MW = (1000 * PER_GPU_IT_W + 10_000 * 3) / 1e6  # 1.44525 MW provisioned IT


def first_month(p, attr):
    return float(getattr(p, attr)[0, 0])


def test_provisioned_power_is_nameplate_systems_plus_the_cluster_plus_agent_cpus():
    p = evaluate(SIMPLE)
    assert first_month(p, "accel_mw") == pytest.approx(1000 * 700 / 1e6)
    assert first_month(p, "overhead_mw") == pytest.approx(1000 * 575 / 1e6)  # 1,275 − 700 W
    assert first_month(p, "cluster_mw") == pytest.approx(1000 * 1275 * 0.11 / 1e6)
    assert first_month(p, "cpu_mw") == pytest.approx(10_000 * 3 / 1e6)
    assert first_month(p, "it_mw") == pytest.approx(IT_MW)
    assert first_month(p, "facility_mw") == pytest.approx(IT_MW * 1.3)  # × design PUE


def test_average_draw_follows_utilisation_and_sets_the_energy():
    p = evaluate(SIMPLE)
    load = 0.2 + 0.6 * 0.5  # idle + (busy − idle) × utilisation = 0.5
    assert first_month(p, "it_avg_mw") == pytest.approx(IT_MW * load)
    assert first_month(p, "facility_avg_mw") == pytest.approx(IT_MW * load * 1.5)  # × average PUE
    assert first_month(p, "energy_mwh") == pytest.approx(IT_MW * load * 1.5 * H)
    s = p.summary()
    assert s["it_power_average_mw"] == pytest.approx(IT_MW * load)
    assert s["facility_power_average_mw"] == pytest.approx(IT_MW * load * 1.5)
    assert s["it_power_peak_mw"] == pytest.approx(IT_MW)
    assert s["facility_power_peak_mw"] == pytest.approx(IT_MW * 1.3)
    assert s["gpus_per_gw"] == pytest.approx(1000 / (IT_MW * 1.3 / 1e3))


def test_hand_computed_first_month_rented_with_power_passed_through():
    p = evaluate(SIMPLE)
    assert p.hours[0] == H and p.hours[1] == 28 * 24
    assert first_month(p, "gpus") == 1000
    assert p.cost["compute"][0, 0] == pytest.approx(1000 * 2.0 * H)                 # 1,488,000
    assert p.cost["cpu"][0, 0] == pytest.approx(10_000 * 0.02 * H)                  # 148,800
    energy = IT_MW * 0.5 * 1.5 * H * 1000 * 0.10
    assert p.cost["energy"][0, 0] == pytest.approx(energy)
    assert p.cost["other"][0, 0] == pytest.approx(0.1 * (1_488_000 + 148_800))
    total = 1_488_000 + 148_800 + energy + 163_680
    assert p.cost_total[0, 0] == pytest.approx(total)
    assert p.peak_flops("bf16")[0, 0] == pytest.approx(1000 * 989e12)
    assert p.peak_flops("fp4")[0, 0] == pytest.approx(1000 * 1979e12)  # no FP4 on H100: runs at FP8
    assert p.effective_flops("bf16")[0, 0] == pytest.approx(1000 * 989e12 * 0.5 * 0.4)
    tps = float(p.tokens_per_second_by_chip[0, CAT.index("H100")])
    assert tps > 0
    served = tps * 1000 * 0.5 * 0.5  # GPUs × utilisation × serving share
    assert p.tokens[0, 0] == pytest.approx(served * H * 3600)
    assert p.cost_per_million_tokens[0, 0] == pytest.approx(total * 0.5 / (served * H * 3600) * 1e6)
    assert p.cost_per_effective_gpu_hour[0, 0] == pytest.approx(total / (1000 * H * 0.5))
    assert p.vcpus[0, 0] == 10_000 and p.agent_sessions[0, 0] == 5_000


def test_all_inclusive_rent_embeds_energy_at_full_use_draw():
    p = evaluate(SIMPLE.replace(energy_passthrough=False))
    assert p.cost["energy"][0, 0] == pytest.approx(IT_MW * 1e3 * 0.8 * 1.5 * 0.10 * H)
    assert p.cost["compute"][0, 0] == pytest.approx(1000 * 2.0 * H)
    assert p.summary()["energy_embedded_in_rent"] is True
    assert p.energy_mwh[0, 0] == pytest.approx(IT_MW * 0.5 * 1.5 * H)  # metered energy is still the draw


def test_rent_is_not_charged_again_for_the_cluster_network():
    """Renting, the GPU-hour price includes the network: only 'other' (support, storage services) is
    added, and no network-and-storage capex share enters the cost."""
    base = evaluate(SIMPLE)
    more_network = evaluate(SIMPLE.replace(network_storage_fraction=1.5))
    assert more_network.kpis["cost_total_usd"][0] == pytest.approx(base.kpis["cost_total_usd"][0])
    assert base.cost["other"][0, 0] == pytest.approx(0.1 * (base.cost["compute"][0, 0] + base.cost["cpu"][0, 0]))


def test_owned_hardware_depreciates_to_its_residual_value_with_a_capital_charge():
    s = SIMPLE.replace(pricing="own", depreciation_years=1, capital_cost_rate=0.12, residual_value_fraction=0.1,
                       purchase_price_overrides={"H100": 27_500}, network_storage_fraction=0.2,
                       facility_usd_per_kw_month=150, cpu_purchase_usd_per_vcpu=60, term_months=24,
                       hardware_refresh=False)
    p = evaluate(s)
    price = 27_500 * 1000 * 1.2  # with the cluster network and storage
    dep = price * 0.9 / 12
    interest = price * (1 - 0.9 / 12) * 0.01  # on the book value left after month 0
    facility = 150 * 1000 * PER_GPU_IT_W / 1000
    assert p.cost["compute"][0, 0] == pytest.approx(dep + interest + facility)
    # after its 12-month life the unit is held at 10% of its price: only its capital charge remains
    assert p.cost["compute"][0, 12] == pytest.approx(price * 0.1 * 0.01 + facility)
    cpu_price = 60 * 10_000
    assert p.cost["cpu"][0, 0] == pytest.approx(cpu_price * 0.9 / 12 + cpu_price * (1 - 0.9 / 12) * 0.01 + 150 * 30)
    assert p.cost["energy"][0, 0] == pytest.approx(IT_MW * 0.5 * 1.5 * H * 100)  # metered when owned
    dep_only = evaluate(s.replace(capital_cost_rate=0, facility_usd_per_kw_month=0, agent_cpu_ratio=0))
    assert dep_only.cost["compute"].sum() == pytest.approx(price * 0.9)  # down to the residual value
    assert dep_only.summary()["residual_book_value_usd"] == pytest.approx(price * 0.1)


def test_owned_hardware_is_replaced_at_the_end_of_its_life_when_refresh_is_on():
    s = SIMPLE.replace(pricing="own", depreciation_years=1, capital_cost_rate=0, residual_value_fraction=0.1,
                       purchase_price_overrides={"H100": 10_000}, network_storage_fraction=0.0,
                       facility_usd_per_kw_month=0, agent_cpu_ratio=0, term_months=30, hardware_refresh=True)
    p = evaluate(s)
    monthly = 10_000 * 1000 * 0.9 / 12
    assert np.allclose(p.cost["compute"][0], monthly)  # never free: a new unit depreciates each month
    kept = evaluate(s.replace(hardware_refresh=False)).cost["compute"][0]
    assert np.allclose(kept[:12], monthly) and np.allclose(kept[12:], 0.0)
    # what is on the books when the term ends (6 months into the third life) is the owner's
    assert p.summary()["residual_book_value_usd"] == pytest.approx(10_000 * 1000 * (1 - 0.9 * 6 / 12))


def test_capex_counts_systems_network_cpus_and_the_facility_build():
    s = SIMPLE.replace(purchase_price_overrides={"H100": 30_000}, network_storage_fraction=0.25,
                       cpu_purchase_usd_per_vcpu=60, facility_capex_usd_per_w=12)
    k = evaluate(s).summary()
    capex = 1000 * 30_000 * 1.25 + 10_000 * 60 + 12 * IT_MW * 1e6
    assert k["capex_usd"] == pytest.approx(capex)
    assert k["capex_usd_per_gw"] == pytest.approx(capex / (IT_MW * 1.3 / 1e3))


def test_implied_price_and_the_gpus_a_contract_buys():
    k = evaluate(SIMPLE).summary()
    assert k["implied_usd_per_gpu_hour"] == pytest.approx(1e8 / (1000 * 8760))
    assert k["contract_gpus"] == pytest.approx(1e8 / (k["cost_total_usd"] / 1000))
    assert evaluate(SIMPLE.replace(contract_value_usd=0)).summary()["implied_usd_per_gpu_hour"] is None


def test_sizing_by_power_derives_the_accelerators_from_the_mix_and_the_power_per_accelerator():
    p = evaluate(SIMPLE.replace(facility_power_mw=13.0))
    per_gpu_facility_w = (PER_GPU_IT_W + 30) * 1.3
    assert p.summary()["gpus_peak"] == pytest.approx(13e6 / per_gpu_facility_w)
    assert p.summary()["facility_power_peak_mw"] == pytest.approx(13.0)
    assert p.summary()["sized_by_power"] is True


def test_ramp_is_linear_to_full_deployment_at_ramp_end():
    p = evaluate(SIMPLE.replace(ramp_end="2025-04"))
    assert np.allclose(p.gpus[0, :6], [250, 500, 750, 1000, 1000, 1000])
    assert np.allclose(p.gpus_by_chip()[0, :2, CAT.index("H100")], [250, 500])


def test_published_rent_including_power_is_converted_to_ex_power():
    h100 = CAT["H100"]
    embedded = 1.275 * 1.11 * REFERENCE_FULL_USE_POWER_FRACTION * REFERENCE_PUE * REFERENCE_ENERGY_PRICE_USD_PER_KWH
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
    for key in ("gpus_peak", "vcpus_peak", "it_power_peak_mw", "facility_power_peak_mw", "it_power_average_mw",
                "facility_power_average_mw", "gpus_per_gw", "energy_total_gwh", "compute_peak_eflops_bf16",
                "cost_total_usd", "cost_breakdown_usd", "capex_usd", "capex_usd_per_gw", "implied_usd_per_gpu_hour",
                "cost_per_million_tokens_usd", "tokens_per_second_per_gpu", "fleet_tokens_per_second", "term_months"):
        assert key in s
    assert "revenue_usd" not in s  # only with a price
    assert set(s["cost_breakdown_usd"]) == {"compute", "energy", "cpu", "other"}
    assert s["gpus_peak"] == 200_000 and s["term_months"] == 84
    assert s["compute_peak_eflops_bf16"] == pytest.approx(200_000 * 2500e12 / 1e18)


def test_the_default_deal_is_not_fitted_to_its_contract():
    """The announced deal states its terms and takes sourced prices: the modelled cost is what
    200,000 GPUs cost at the catalog's rents, not the contract value by construction."""
    s = evaluate(Scenario()).summary()
    assert Scenario().chip_price_scale == 1.0
    assert 0.8 < s["cost_vs_contract"] < 1.5
    assert 2.0 < s["implied_usd_per_gpu_hour"] < 5.0
    assert s["contract_gpus"] == pytest.approx(200_000 / s["cost_vs_contract"])


def test_batch_needs_one_time_axis():
    with pytest.raises(ScenarioError, match="share 'start' and 'term_months'"):
        evaluate([Scenario(), Scenario(term_months=60)])


def test_revenue_margin_and_breakeven_utilisation_with_a_price():
    s = SIMPLE.replace(price_usd_per_million_tokens=10.0)
    k = evaluate(s).summary()
    assert k["revenue_usd"] == pytest.approx(10.0 * k["tokens_total"] / 1e6)
    assert k["gross_margin_usd"] == pytest.approx(k["revenue_usd"] - 0.5 * k["cost_total_usd"])
    u = k["breakeven_utilization"]
    assert 0 < u < 1
    at = evaluate(s.replace(utilization=u)).summary()  # the energy bill follows utilisation too
    assert at["gross_margin_usd"] == pytest.approx(0.0, abs=1e-9 * at["revenue_usd"])
    # a price the fleet cannot earn back even at full use: break-even above 100%
    assert evaluate(s.replace(price_usd_per_million_tokens=1.0)).summary()["breakeven_utilization"] > 1


def test_no_serving_gives_no_tokens_and_no_cost_per_token():
    k = evaluate(SIMPLE.replace(serving_share=0.0)).summary()
    assert k["tokens_total"] == 0 and k["fleet_tokens_per_second"] == 0
    assert k["cost_per_million_tokens_usd"] is None
    json.dumps(k, allow_nan=False)


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
        pue=num("pue"), design_pue=num("design_pue"), utilization=num("utilization"), mfu=num("mfu"),
        full_use_power_fraction=(full := num("full_use_power_fraction")),
        idle_power_fraction=draw(st.floats(0.0, full)),
        server_overhead_scale=num("server_overhead_scale"), cluster_power_scale=num("cluster_power_scale"),
        chip_price_scale=num("chip_price_scale"), network_storage_fraction=num("network_storage_fraction"),
        depreciation_years=num("depreciation_years"), residual_value_fraction=num("residual_value_fraction"),
        hardware_refresh=draw(st.booleans()), capital_cost_rate=num("capital_cost_rate"),
        facility_usd_per_kw_month=num("facility_usd_per_kw_month"), other_cost_fraction=num("other_cost_fraction"),
        cpu_usd_per_vcpu_hour=num("cpu_usd_per_vcpu_hour"), cpu_power_w_per_vcpu=num("cpu_power_w_per_vcpu"),
        vcpus_per_agent_session=num("vcpus_per_agent_session"),
        serving_model=draw(st.sampled_from(["deepseek-r1", "llama-3.3-70b", "llama-3.1-8b", "frontier-moe"])),
        context_tokens=draw(st.integers(1, 200_000)), output_tokens_per_request=draw(st.integers(1, 20_000)),
        tokens_per_second_per_user=num("tokens_per_second_per_user"), serving_share=num("serving_share"),
        serving_efficiency_scale=num("serving_efficiency_scale"),
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
def test_provisioned_power_is_never_below_the_average_draw(s):
    k = evaluate(s).summary()
    assert k["it_power_peak_mw"] >= k["it_power_average_mw"] * (1 - 1e-12)
    # facility: design PUE may sit below the average PUE in a hand-made scenario; IT never does
    if s.design_pue >= s.pue:
        assert k["facility_power_peak_mw"] >= k["facility_power_average_mw"] * (1 - 1e-12)


@PROPS
@given(scenarios())
def test_sizing_by_power_and_by_gpus_describe_the_same_fleet_both_ways_round(s):
    by_gpus = evaluate(s).summary()
    mw = by_gpus["facility_power_peak_mw"]
    if not FIELDS["facility_power_mw"].lo <= mw <= FIELDS["facility_power_mw"].hi:
        return
    by_power = evaluate(s.replace(facility_power_mw=mw)).summary()
    assert by_power["gpus_peak"] == pytest.approx(s.gpu_count, rel=1e-9)
    assert by_power["cost_total_usd"] == pytest.approx(by_gpus["cost_total_usd"], rel=1e-9)
    back = s.replace(gpu_count=max(1, round(by_power["gpus_peak"])))
    assert evaluate(back).summary()["facility_power_peak_mw"] == pytest.approx(mw, rel=1e-9)


@PROPS
@given(scenarios())
def test_cost_components_sum_to_the_total_and_nothing_is_nan_or_infinite(s):
    p = evaluate(s)
    parts = sum(p.cost.values())
    assert np.allclose(parts, p.cost_total, rtol=1e-12, atol=0)
    summary = p.summary()
    json.dumps(summary, allow_nan=False)
    for arr in (p.gpus, p.it_mw, p.facility_mw, p.it_avg_mw, p.facility_avg_mw, p.energy_mwh, p.cost_total,
                p.cost_cumulative, p.tokens, p.cost_per_effective_gpu_hour, p.vcpus, p.agent_sessions,
                p.peak_flops("fp4"), p.effective_flops("fp8")):
        assert np.all(np.isfinite(arr))
    assert all(np.all(v >= 0) for v in p.cost.values())
    assert not np.any(np.isinf(p.cost_per_million_tokens))  # a figure, or NaN where nothing is served


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
    assert np.allclose(k["facility_power_average_mw"], p.facility_avg_mw.max(axis=1), rtol=1e-12)
    assert np.allclose(k["compute_peak_eflops_bf16"], p.peak_flops("bf16").max(axis=1) / 1e18, rtol=1e-12)
    assert np.allclose(k["cost_per_effective_gpu_hour_usd"],
                       p.cost_total.sum(axis=1) / p.effective_gpu_hours.sum(axis=1), rtol=1e-9)


@settings(max_examples=80, deadline=None)
@given(scenarios(pricing="own"))
def test_owned_depreciation_never_exceeds_what_was_bought_less_its_residual(s):
    """Depreciation alone (capital cost rate 0, no facility, no other): what was bought, less the
    residual value and what is still on the books at the end of the term."""
    s = s.replace(capital_cost_rate=0.0, facility_usd_per_kw_month=0.0, other_cost_fraction=0.0)
    p = evaluate(s)
    charged = p.kpis["cost_compute_usd"][0] + p.kpis["cost_cpu_usd"][0]
    assert charged == pytest.approx(p.cost["compute"].sum() + p.cost["cpu"].sum(), rel=1e-9)
    assert charged >= 0
    if not s.hardware_refresh:
        price = float(p._purchase_full[0] + p._cpu_purchase_full[0])
        book = p.summary()["residual_book_value_usd"]
        assert charged + book == pytest.approx(price, rel=1e-9, abs=1e-6)


def test_fractional_depreciation_lives_do_not_overcharge():
    for years in (4.1, 1.01, 2.95):
        s = SIMPLE.replace(pricing="own", depreciation_years=years, capital_cost_rate=0, facility_usd_per_kw_month=0,
                           agent_cpu_ratio=0, purchase_price_overrides={"H100": 10_000}, term_months=120,
                           residual_value_fraction=0.0, network_storage_fraction=0.0, hardware_refresh=False)
        assert evaluate(s).cost["compute"].sum() == pytest.approx(10_000 * 1000, rel=1e-12), years


def test_a_zero_cost_scenario_has_no_nan_in_its_summary():
    s = SIMPLE.replace(rent_price_overrides={"H100": 0.0}, energy_price_usd_per_kwh=0.0, cpu_usd_per_vcpu_hour=0.0)
    summary = evaluate(s).summary()
    assert summary["cost_total_usd"] == 0 and summary["energy_share_of_cost"] == 0
    json.dumps(summary, allow_nan=False)  # raises on NaN or infinity


def test_owned_capital_totals_in_closed_form_equal_the_monthly_schedule_for_fractional_ramps():
    s = SIMPLE.replace(pricing="own", term_months=60, depreciation_years=1.5)
    params = Params.from_scenarios([s, s.replace(hardware_refresh=False), s.replace(residual_value_fraction=0.3)])
    for ramp in (0.0, 0.4, 2.5, 13.7, 40.0):
        p = evaluate(params.replace(ramp_months=np.full(3, ramp)))
        assert np.allclose(p.kpis["cost_compute_usd"], p.cost["compute"].sum(axis=1), rtol=1e-12), ramp
        _, book = p._capital_schedule(np.arange(60.0))
        assert np.allclose(p._book_end, book[:, -1], rtol=1e-12, atol=1e-15), ramp


@PROPS
@given(scenarios())
def test_the_chips_costs_add_up_to_the_total(s):
    p = evaluate(s)
    assert p.cost_by_chip[0].sum() == pytest.approx(p.kpis["cost_total_usd"][0], rel=1e-9, abs=1e-6)
    used = p.gpus_full_by_chip[0] > 0
    assert np.all(np.isfinite(p.cost_per_busy_gpu_hour_by_chip[0][used]))


def test_a_one_chip_fleets_cost_per_busy_hour_is_the_fleets():
    p = evaluate(SIMPLE)
    i = CAT.index("H100")
    assert p.cost_per_busy_gpu_hour_by_chip[0, i] == pytest.approx(p.kpis["cost_per_effective_gpu_hour_usd"][0])
