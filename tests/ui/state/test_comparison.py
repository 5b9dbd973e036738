"""The comparison state: at most three beside the current one, a pinned baseline first, scenarios a
catalog cannot evaluate dropped with their names."""

import pytest

from explorer.catalog import builtin_catalog, load_catalog
from explorer.model import evaluate
from explorer.scenario import Scenario
from support.catalogs import user_catalog
from ui.state.comparison import COLOURS, Comparison, ComparisonFull

CAT = builtin_catalog()


def test_pin_replaces_an_earlier_pin_and_comes_first():
    c = Comparison()
    c.add("other", Scenario(agent_cpu_ratio=40))
    c.pin(Scenario())
    assert c.labels[0].startswith("Baseline: ") and len(c) == 2
    c.pin(Scenario(name="Second"))
    assert c.labels == ["Baseline: Second", "other"]


def test_a_full_comparison_refuses_with_a_message():
    c = Comparison()
    for k in range(3):
        c.add(f"s{k}", Scenario(agent_cpu_ratio=k))
    with pytest.raises(ComparisonFull, match="Up to 4"):
        c.add("one more", Scenario())
    with pytest.raises(ComparisonFull, match="Clear the comparison"):
        c.pin(Scenario())
    c.clear()
    assert not c


def test_overlays_are_offset_by_start_and_evaluated_once():
    c = Comparison()
    later = Scenario(start="2026-02", ramp_end="2027-03")
    c.add("a name far longer than any legend has room for, really", later)
    (overlay,) = c.overlays(Scenario(), CAT)
    assert overlay.offset == 3 and overlay.colour == COLOURS[0] and overlay.label.endswith("…")
    assert overlay.projection is c.overlays(Scenario(), CAT)[0].projection  # cached
    assert overlay.projection.summary() == evaluate(later, CAT).summary()


def test_scenarios_the_catalog_lacks_are_dropped(tmp_path):
    mine = load_catalog(user_catalog(tmp_path, "XPU1"))
    c = Comparison()
    c.add("xpu", Scenario(chip_mix={"XPU1": 1.0}))
    c.add("deal", Scenario())
    assert c.summaries(mine)[1] == [] and len(c) == 2
    rows, dropped = c.summaries(CAT)
    assert [label for label, _ in rows] == ["deal"] and dropped[0][0] == "xpu" and "XPU1" in dropped[0][1]
    c.add("xpu", Scenario(chip_mix={"XPU1": 1.0}))
    assert c.drop_unusable(CAT) == ["xpu"] and c.labels == ["deal"]
