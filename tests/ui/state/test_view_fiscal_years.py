"""The fiscal-year view option: off by default, remembered with the view options, and an old saved
dict (from before the option) still loads."""

import json

from ui.state.view import ViewOptions


def test_fiscal_years_is_off_by_default_and_does_not_change_the_analyses():
    view = ViewOptions()
    assert view.fiscal_years is False
    assert not view.replace(fiscal_years=True).changes_analyses(view)  # only the grouping of yearly figures


def test_fiscal_years_is_remembered_and_old_saved_options_still_load():
    view = ViewOptions(fiscal_years=True, measure="Effective")
    saved = json.dumps(view.to_dict())  # as the window stores them
    assert json.loads(saved)["fiscal_years"] is True
    assert ViewOptions.from_dict(json.loads(saved)) == view
    old = {"show_bands": False, "precision": "fp8", "measure": "Peak", "tornado_kpi": "cost_total_usd",
           "economics_view": "vs speed"}  # saved before the option existed
    assert ViewOptions.from_dict(old) == ViewOptions(show_bands=False, precision="fp8")
    assert ViewOptions.from_dict(old).fiscal_years is False
    assert ViewOptions.from_dict({"fiscal_years": "true"}).fiscal_years is True  # INI files store text
    assert ViewOptions.from_dict({"fiscal_years": "false"}).fiscal_years is False
