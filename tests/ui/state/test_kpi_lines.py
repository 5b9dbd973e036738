"""The lines under the KPI cards."""

from explorer.catalog import builtin_catalog
from explorer.model import evaluate
from explorer.scenario import Scenario
from explorer.uncertainty import compute_bands
from ui.state.kpi_lines import card_extras

CAT = builtin_catalog()


def test_the_cards_explain_their_figures_and_give_ranges():
    s = Scenario()
    summary = evaluate(s, CAT).summary()
    plain = card_extras(summary, s)
    assert "of the contract; it implies USD" in plain["cost_total_usd"]
    assert plain["facility_power_peak_mw"].startswith("average draw ")
    assert "the contract buys" in plain["gpus_peak"]
    assert plain["cost_per_million_tokens_usd"].startswith("DeepSeek-R1, FP4, 50 tok/s per user")
    ranged = card_extras(summary, s, compute_bands(s, CAT, samples=500))
    assert "\nP10–P90 USD" not in ranged["cost_total_usd"] and "\nP10–P90 " in ranged["cost_total_usd"]
    assert " MW – " in ranged["facility_power_peak_mw"]  # power ranges carry their unit


def test_a_price_adds_the_margin_and_no_serving_says_so():
    s = Scenario(price_usd_per_million_tokens=2.0)
    line = card_extras(evaluate(s, CAT).summary(), s)["cost_per_million_tokens_usd"]
    assert "margin USD" in line and "break-even" in line
    idle = Scenario(serving_share=0.0)
    assert card_extras(evaluate(idle, CAT).summary(), idle)["cost_per_million_tokens_usd"].startswith("no serving")
