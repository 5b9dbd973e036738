"""Presentation slides: the scenario on screen, this session's files (broken ones skipped), the presets."""

import pytest

from explorer.catalog import builtin_catalog
from explorer.presets import list_presets
from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from ui.state.presentation import Presentation, collect_slides

CAT = builtin_catalog()


def test_slides_and_stepping(tmp_path):
    mine, broken = tmp_path / "mine.json", tmp_path / "broken.json"
    save_scenario(Scenario(name="Mine", gpu_count=1234), mine)
    broken.write_text("{")
    current = Scenario(agent_cpu_ratio=50)
    slides = collect_slides("Untitled", current, None, [mine, broken], CAT)
    assert [s.title for s in slides[:2]] == ["Untitled", "mine.json"]
    assert len(slides) == 2 + len(list_presets())
    again = collect_slides("mine.json", current, mine, [mine], CAT)  # the open file is not twice
    assert len(again) == 1 + len(list_presets())
    p = Presentation(slides)
    assert p.shown is None and p.origin is current and p.counter == f"‹ 1 / {len(slides)} ›"
    assert p.step(+1).scenario.gpu_count == 1234 and p.shown.name == "Mine"
    p.step(-2)
    assert p.index == len(slides) - 1  # wraps around
    with pytest.raises(ValueError):
        Presentation([])
