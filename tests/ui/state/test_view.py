"""View options: validated, replaced, remembered between runs (bad remembered values fall back)."""

import pytest

from ui.state.view import ViewOptions


def test_defaults_and_validation():
    view = ViewOptions()
    assert (view.show_bands, view.precision, view.measure, view.economics_chart) == (True, "bf16", "Peak", "serving")
    with pytest.raises(ValueError, match="precision"):
        view.replace(precision="fp2")
    with pytest.raises(ValueError, match="tornado KPI"):
        view.replace(tornado_kpi="revenue_usd")
    assert view.replace(economics_view="Over time").economics_chart == "unit-economics"


def test_which_changes_need_new_analyses():
    view = ViewOptions()
    assert view.replace(precision="fp8").changes_analyses(view)
    assert view.replace(show_bands=False).changes_analyses(view)
    assert not view.replace(tornado_kpi="energy_total_gwh").changes_analyses(view)  # all tornados are computed
    assert not view.replace(economics_view="Over time").changes_analyses(view)


def test_round_trip_and_bad_remembered_values():
    view = ViewOptions(show_bands=False, precision="fp4", measure="Effective", tornado_kpi="gpus_peak")
    assert ViewOptions.from_dict(view.to_dict()) == view
    assert ViewOptions.from_dict({"precision": "fp9", "measure": "Effective", "junk": 1}) == \
        ViewOptions(measure="Effective")
    assert ViewOptions.from_dict("not a dict") == ViewOptions()
    assert ViewOptions.from_dict({"show_bands": "false"}).show_bands is False  # INI files store text
