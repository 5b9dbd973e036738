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
