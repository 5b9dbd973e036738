"""Every shipped preset loads and evaluates; the announced deal is the default scenario."""

import numpy as np
import pytest

from explorer.model import evaluate
from explorer.presets import list_presets, resolve_scenario
from explorer.scenario import Scenario
from explorer.scenario_file import scenario_to_json

PRESETS = list_presets()


@pytest.mark.parametrize("preset", PRESETS, ids=[p.key for p in PRESETS])
def test_every_preset_loads_and_evaluates(preset):
    scenario = preset.load()
    projection = evaluate(scenario)
    summary = projection.summary()
    assert summary["cost_total_usd"] > 0 and np.isfinite(summary["cost_per_million_tokens_usd"])
    assert scenario.description, "every preset explains itself"
    # presets are written in the canonical form, so a save does not reorder or change them
    assert preset.path.read_text(encoding="utf-8") == scenario_to_json(scenario)


def test_the_deal_preset_is_the_default_scenario():
    assert resolve_scenario("openai-aws-deal") == Scenario()


def test_presets_show_the_levers():
    keys = {p.key for p in PRESETS}
    assert {"openai-aws-deal", "custom-silicon-heavy", "agent-heavy", "expensive-energy"} <= keys
    deal = evaluate(Scenario()).summary()
    agents = evaluate(resolve_scenario("agent-heavy")).summary()
    energy = evaluate(resolve_scenario("expensive-energy")).summary()
    assert agents["vcpus_peak"] >= 10_000_000  # "tens of millions of CPUs"
    assert energy["energy_share_of_cost"] > 2 * deal["energy_share_of_cost"]


def test_the_index_groups_every_preset_the_announced_deal_first():
    from explorer.presets import preset_groups

    groups = dict(preset_groups())
    assert list(groups) == ["Announced deals", "What-ifs"]  # nothing left under "Other"
    assert groups["Announced deals"][0].key == "openai-aws-deal"
    assert {p.key for p in groups["Announced deals"]} >= {
        "openai-aws-deal", "openai-oracle", "openai-nvidia", "openai-amd", "openai-broadcom", "openai-coreweave",
        "openai-microsoft", "anthropic-google"}


@pytest.mark.parametrize("key, sized_by_power", [("openai-oracle", 4500), ("openai-nvidia", 10000),
                                                 ("openai-amd", 6000), ("openai-broadcom", 10000)])
def test_deals_announced_in_gigawatts_are_sized_by_power(key, sized_by_power):
    s = resolve_scenario(key)
    assert s.facility_power_mw == sized_by_power
    assert evaluate(s).summary()["facility_power_peak_mw"] == pytest.approx(sized_by_power)


@pytest.mark.parametrize("key, budget", [("openai-coreweave", 22.4e9), ("openai-microsoft", 250e9),
                                         ("custom-silicon-heavy", 38e9)])
def test_deals_announced_in_dollars_buy_their_gpu_count_at_catalog_prices(key, budget):
    """The GPU count of a deal sized by money is derived, not chosen: it stays what the contract buys
    at today's catalog (update the preset if the catalog's prices change)."""
    from explorer.fit import fit_to_budget

    s = resolve_scenario(key)
    assert s.gpu_count == pytest.approx(fit_to_budget(s, budget, "gpu_count").value, rel=0.01)


def test_deals_without_a_published_value_set_none():
    for key in ("openai-nvidia", "openai-amd", "openai-broadcom", "anthropic-google"):
        s = resolve_scenario(key)
        said = s.description.lower()
        assert s.contract_value_usd == 0
        assert any(w in said for w in ("no contract value", "none was announced", "not disclosed", "no value"))
