"""A user's chip catalog in the window."""

from __future__ import annotations

from explorer.model import evaluate
from support.catalogs import user_catalog


def test_a_user_catalog_adds_chips_and_a_bad_one_changes_nothing(window, tmp_path, dialogs):
    assert window.catalogs.set_path(str(user_catalog(tmp_path)))
    assert "X9" in window.catalog and window.settings.user_catalog().endswith("chips.csv")
    window.panel.mix.fill_add_menu()
    assert any(a.text().startswith("X9") for a in window.panel.mix.add_menu.actions())
    bad = tmp_path / "bad.csv"
    bad.write_text("id,tdp_w\nH100,lots\n")
    assert not window.catalogs.set_path(str(bad))
    assert "row 2" in dialogs.errors[-1][1] and "'tdp_w'" in dialogs.errors[-1][1]
    assert "X9" in window.catalog  # the previous catalog stays


def test_switching_back_clears_undo_steps_that_name_missing_chips(window, tmp_path, dialogs):
    assert window.catalogs.set_path(str(user_catalog(tmp_path)))
    window.document.edit({"chip_mix": {"GB200": 0.5, "X9": 0.5}})
    assert not window.catalogs.use_builtin()  # the open scenario needs X9
    assert "uses a chip of your catalog" in dialogs.errors[-1][1]
    window.document.edit({"chip_mix": {"GB200": 1.0}})
    assert window.catalogs.use_builtin()
    assert not window.document.undo_stack.canUndo() and window.settings.user_catalog() == ""
    window.flush()
    assert window.projection.summary() == evaluate(window.document.scenario).summary()


def test_a_new_catalog_compares_with_the_saved_scenario_at_its_own_prices(window, tmp_path):
    card = window.kpis.cards["cost_total_usd"]
    before = card.value.text()
    assert window.catalogs.set_path(str(user_catalog(tmp_path, chip="GB200")))  # GB200 at other prices
    window.flush()
    assert window.catalog["GB200"].rent_usd_per_gpu_hour == 2.0
    assert card.value.text() != before  # the figure moved with the catalog...
    assert card.delta.text().startswith("= as ")  # ...and so did what it is compared with
    assert window.catalog_label.text().startswith("Chips: built-in + chips.csv")
