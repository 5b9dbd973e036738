"""Uncertainty bands, the tornado, comparison and fit-to-budget."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.cli import run
from explorer.compare import comparison_rows
from explorer.kpis import COMPARED
from explorer.errors import ScenarioError
from explorer.fit import FitError, fit_to_budget
from explorer.model import evaluate
from explorer.presets import list_presets
from explorer.fields import UNCERTAIN_FIELDS
from explorer.scenario import Scenario
from explorer.scenario_file import scenario_from_json
from explorer.sensitivity import TORNADO_KPIS, tornado
from explorer.uncertainty import compute_bands, kpi_percentiles, sample_params, triangular_ppf

DEAL = Scenario()


def test_default_scenario_carries_sourced_ranges_around_its_values():
    assert set(DEAL.ranges) == set(UNCERTAIN_FIELDS)
    assert DEAL.ranges["energy_price_usd_per_kwh"] == (0.0604, 0.1729)
    for field, (low, high) in DEAL.ranges.items():
        value = getattr(DEAL, field)
        assert low <= value <= high, field


def test_files_without_ranges_still_open_and_get_default_ranges_around_their_values():
    s = scenario_from_json('{"schema_version": 1, "energy_price_usd_per_kwh": 0.2}')
    low, high = s.ranges["energy_price_usd_per_kwh"]
    assert low < 0.2 < high
    assert scenario_from_json('{"schema_version": 1, "ranges": {}}').ranges == {}


@pytest.mark.parametrize("ranges, expect", [
    ({"gpu_count": [1, 2]}, "cannot carry a range"),
    ({"pue": [1.3, 1.1]}, "above high"),
    ({"pue": [1.2, 1.3]}, "must contain the value 1.15"),
    ({"pue": [0.5, 1.3]}, "out of range"),
    ({"ramp_end": ["2026-10", "2026-11"]}, "must contain the value '2026-12'"),
    ({"ramp_end": ["2025-01", "2027-01"]}, "within the term"),
    ({"mfu": "wide"}, "[low, high]"),
    ({"utilisation": [0.5, 0.9]}, "Did you mean 'utilization'"),
])
def test_bad_ranges_name_the_problem(ranges, expect):
    with pytest.raises(ScenarioError) as info:
        scenario_from_json(json.dumps({"schema_version": 1, "ranges": ranges}))
    assert expect in str(info.value) and "ranges" in str(info.value)


def test_moving_a_value_moves_its_range_along():
    s = DEAL.replace(energy_price_usd_per_kwh=0.1612)  # twice the value
    assert s.ranges["energy_price_usd_per_kwh"] == pytest.approx((0.1208, 0.3458))
    s = DEAL.replace(ramp_end="2027-03")
    assert s.ranges["ramp_end"] == ("2027-02", "2027-09")
    s = DEAL.replace(pue=3.0)
    assert s.ranges["pue"][1] == 3.0  # clipped to the allowed maximum, still containing the value


def test_triangular_draws_respect_low_mode_high():
    u = np.linspace(0, 1, 10001)
    x = triangular_ppf(u, 1.0, 2.0, 5.0)
    assert x.min() == pytest.approx(1.0) and x.max() == pytest.approx(5.0)
    assert np.median(x) == pytest.approx(5 - np.sqrt(0.5 * 4 * 3), rel=1e-3)  # analytic median
    assert np.all(triangular_ppf(u, 2.0, 2.0, 2.0) == 2.0)


def test_bands_are_ordered():
    bands = compute_bands(DEAL)
    for name, series in {**bands.series, **{k: v[:, None] for k, v in bands.kpis.items()}}.items():
        assert np.all(np.diff(series, axis=0) >= -1e-9 * np.abs(series).max()), name
    p10, p90 = bands.kpis["cost_total_usd"][[0, 4]]
    assert p10 < evaluate(DEAL).kpis["cost_total_usd"][0] < p90


def test_bands_collapse_to_the_base_line_when_every_range_is_zero():
    flat = DEAL.replace(ranges={f: (getattr(DEAL, f),) * 2 for f in DEAL.ranges})
    bands = compute_bands(flat, samples=300)
    base = evaluate(flat)
    for q in range(5):
        assert np.allclose(bands.series["cost_cumulative"][q], base.cost_cumulative[0], rtol=1e-12)
        assert np.allclose(bands.series["facility_mw"][q], base.facility_mw[0], rtol=1e-12)
    assert np.allclose(bands.kpis["cost_total_usd"], base.kpis["cost_total_usd"][0], rtol=1e-12)


def test_same_seed_same_bands_and_another_seed_differs():
    a = compute_bands(DEAL, samples=500)
    b = compute_bands(DEAL, samples=500)
    c = compute_bands(DEAL.replace(uncertainty_seed=2), samples=500)
    assert np.array_equal(a.series["cost_cumulative"], b.series["cost_cumulative"])
    assert not np.array_equal(a.series["cost_cumulative"], c.series["cost_cumulative"])


def test_samples_stay_inside_their_ranges():
    params = sample_params(DEAL, samples=3000)
    low, high = DEAL.ranges["utilization"]
    assert params.utilization.min() >= low and params.utilization.max() <= high
    assert params.utilization.std() > 0
    ramp_low, ramp_high = 12.0, 19.0  # 2026-11 and 2027-06 from 2025-11
    assert params.ramp_months.min() >= ramp_low and params.ramp_months.max() <= ramp_high
    # the chip price range scales the catalog prices, not the overrides
    s = DEAL.replace(rent_price_overrides={"GB200": 2.0})
    p = sample_params(s, samples=200)
    assert np.all(p.rent_usd_per_gpu_hour[:, 3] == 2.0) and p.rent_usd_per_gpu_hour[:, 4].std() > 0


@pytest.mark.parametrize("kpi", list(TORNADO_KPIS))
def test_tornado_bars_equal_one_at_a_time_evaluations(kpi):
    t = tornado(DEAL, kpi)
    assert t.base == pytest.approx(evaluate(DEAL).kpis[kpi][0], rel=1e-12)
    assert [b.swing for b in t.bars] == sorted((b.swing for b in t.bars), reverse=True)
    for bar in t.bars:
        low = evaluate(DEAL.replace(**{bar.field: bar.low_input})).kpis[kpi][0]
        high = evaluate(DEAL.replace(**{bar.field: bar.high_input})).kpis[kpi][0]
        assert bar.at_low == pytest.approx(low, rel=1e-9), bar.field
        assert bar.at_high == pytest.approx(high, rel=1e-9), bar.field


def test_tornado_ranks_chip_prices_above_cpu_prices_for_the_deal():
    order = [b.field for b in tornado(DEAL).bars]
    assert order.index("chip_price_scale") < order.index("cpu_usd_per_vcpu_hour")


def test_comparison_deltas_equal_the_difference_of_two_summaries():
    a = evaluate(DEAL).summary()
    b = evaluate(DEAL.replace(agent_cpu_ratio=100)).summary()
    rows = comparison_rows([a, b])
    assert [r.key for r in rows] == list(COMPARED)
    for row in rows:
        assert row.deltas[0] == 0
        assert row.deltas[1] == pytest.approx(b[row.key] - a[row.key])
        if a[row.key]:
            assert row.percents[1] == pytest.approx((b[row.key] - a[row.key]) / a[row.key])


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([p.key for p in list_presets()]), st.floats(0.3, 3.0), st.sampled_from(["gpu_count", "price"]))
def test_fit_reproduces_the_budget_within_a_tenth_of_a_percent(key, factor, solve_for):
    scenario = next(p for p in list_presets() if p.key == key).load()
    budget = evaluate(scenario).kpis["cost_total_usd"][0] * factor
    try:
        result = fit_to_budget(scenario, budget, solve_for)
    except FitError as exc:
        assert solve_for == "price" and ("already reach" in str(exc) or "allows" in str(exc))
        return
    achieved = evaluate(result.scenario).kpis["cost_total_usd"][0]
    assert achieved == pytest.approx(budget, rel=1e-3)
    assert result.cost_total_usd == pytest.approx(achieved)


def test_infeasible_budgets_say_why():
    with pytest.raises(FitError, match="already reach"):
        fit_to_budget(DEAL, 1e9, "price")
    with pytest.raises(FitError, match="does not pay for one accelerator"):
        fit_to_budget(DEAL, 10.0, "gpu_count")
    with pytest.raises(FitError, match="allows up to 50,000,000"):
        fit_to_budget(DEAL, 1e14, "gpu_count")
    with pytest.raises(FitError, match="positive"):
        fit_to_budget(DEAL, -5, "gpu_count")


def _cli(*argv):
    import io
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def test_summary_json_has_percentiles_when_the_scenario_has_ranges(tmp_path):
    code, out, _ = _cli("summary", "openai-aws-deal", "--json")
    u = json.loads(out)["uncertainty"]
    assert u["samples"] == 2000 and u["distribution"] == "triangular"
    cost = u["kpis"]["cost_total_usd"]
    assert cost["p10"] <= cost["p50"] <= cost["p90"]
    assert kpi_percentiles(DEAL)["kpis"]["cost_total_usd"] == pytest.approx(cost)
    path = tmp_path / "flat.json"
    path.write_text('{"schema_version": 1, "ranges": {}}')
    code, out, _ = _cli("summary", str(path), "--json")
    assert "uncertainty" not in json.loads(out)


def test_fit_command_json_and_infeasible_exit(tmp_path):
    code, out, err = _cli("fit", "openai-aws-deal", "--budget", "38e9", "--solve", "gpu_count", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["solved_for"] == "gpu_count" and data["cost_total_usd"] == pytest.approx(38e9, rel=1e-3)
    assert data["value"] == int(data["value"])
    code, out, err = _cli("fit", "openai-aws-deal", "--budget", "45B", "--solve", "price", "--json",
                          "--out", str(tmp_path / "fitted.json"))
    assert code == 0 and json.loads(out)["solved_for"] == "price"
    assert evaluate(scenario_from_json((tmp_path / "fitted.json").read_text())).kpis["cost_total_usd"][0] == \
        pytest.approx(45e9, rel=1e-3)
    code, out, err = _cli("fit", "openai-aws-deal", "--budget", "1B", "--solve", "price")
    assert code == 2 and "already reach" in err
    code, out, err = _cli("fit", "openai-aws-deal", "--budget", "lots")
    assert code == 2 and "not an amount in USD" in err


def test_busy_power_ranges_stay_above_the_idle_draw():
    with pytest.raises(ScenarioError, match="cannot draw less than an idle one"):
        scenario_from_json(json.dumps({"schema_version": 1, "idle_power_fraction": 0.5,
                                       "full_use_power_fraction": 0.6,
                                       "ranges": {"full_use_power_fraction": [0.2, 0.7]}}))
    s = Scenario(idle_power_fraction=0.74)
    assert s.ranges["full_use_power_fraction"][0] >= 0.74
    params = sample_params(s, samples=2000)
    assert np.all(params.full_use_power_fraction >= params.idle_power_fraction)


def test_fit_without_a_contract_value_asks_for_a_budget(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"schema_version": 1, "contract_value_usd": 0}')
    code, out, err = _cli("fit", str(path))
    assert code == 2 and "--budget" in err


def test_a_fleet_sized_by_power_has_bands_a_tornado_an_export_and_a_fit(tmp_path):
    from explorer.tables import write_xlsx
    from explorer.fit import fit_to_budget
    from explorer.model import evaluate
    from explorer.sensitivity import tornado

    s = Scenario(facility_power_mw=1000.0)
    bands = compute_bands(s, samples=300)
    gpus = bands.kpis["gpus_peak"]
    assert gpus[0] < gpus[4]  # a higher design PUE or a wider cluster: fewer GPUs in the same power
    assert np.allclose(bands.kpis["facility_power_peak_mw"], 1000.0)  # the power is what was given
    t = tornado(s, "gpus_peak")
    assert {b.field for b in t.bars} >= {"design_pue", "cluster_power_scale"}
    written = write_xlsx(evaluate(s), s, tmp_path / "power.xlsx")
    assert written[0].stat().st_size > 1000
    fitted = fit_to_budget(s, 20e9, "facility_power_mw")
    assert fitted.scenario.sized_by_power and fitted.cost_total_usd == pytest.approx(20e9, rel=1e-3)
