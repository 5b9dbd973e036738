"""ChartInput: what tells a chart its own data is unchanged; the input of a chart drawn standalone."""

from explorer.catalog import builtin_catalog
from explorer.model import evaluate
from explorer.scenario import Scenario
from ui.state.chart_input import ChartInput, standalone_input
from ui.state.view import ViewOptions

CAT = builtin_catalog()


def test_same_data_looks_at_what_a_chart_draws():
    s = Scenario()
    p = evaluate(s, CAT)
    a = ChartInput(p, s)
    assert a.replace(bands=object()).same_data(a)  # new bands alone: redraw the bands only
    assert not ChartInput(evaluate(s, CAT), s).same_data(a)  # a new projection
    assert not a.replace(view=ViewOptions(precision="fp8")).same_data(a)
    assert not a.replace(dragging=True).same_data(a)
    t = a.replace(tornados={})
    assert t.same_data(a) and not t.same_data(a, projection=False, tornados=True)
    assert ChartInput(evaluate(s, CAT), s).same_data(a, projection=False)  # the tornado ignores the projection


def test_standalone_input_has_bands_and_tornados_only_with_ranges():
    inp = standalone_input(Scenario(), CAT, subtitle="Deal")
    assert inp.bands.samples == Scenario().uncertainty_samples and "cost_total_usd" in inp.tornados
    assert inp.subtitle == "Deal"
    bare = standalone_input(Scenario(ranges={}), CAT)
    assert bare.bands is None and bare.tornados is None
