"""A Hypothesis strategy for scenarios anywhere in what the fields allow (the edges included)."""

from __future__ import annotations

from hypothesis import assume
from hypothesis import strategies as st

from explorer.errors import ScenarioError
from explorer.fields import FIELDS
from explorer.months import FIRST_YEAR, LAST_YEAR, month_index, month_text
from explorer.scenario import Scenario


@st.composite
def scenarios(draw):
    """Scenarios anywhere in what the fields allow: start and term at the edges too."""
    first, last = month_index(f"{FIRST_YEAR}-01"), month_index(f"{LAST_YEAR}-12")
    start = draw(st.integers(first, last))
    term = draw(st.integers(int(FIELDS["term_months"].lo), int(FIELDS["term_months"].hi)))
    ramp = draw(st.integers(start, min(start + term - 1, last)))
    changes = {"start": month_text(start), "term_months": term, "ramp_end": month_text(ramp)}
    for name in ("gpu_count", "energy_price_usd_per_kwh", "agent_cpu_ratio", "pue", "utilization", "mfu",
                 "contract_value_usd"):
        spec = FIELDS[name]
        value = draw(st.floats(spec.lo, spec.hi, allow_nan=False, allow_infinity=False))
        changes[name] = int(value) if spec.kind == "int" else value
    try:
        return Scenario().replace(**changes)
    except ScenarioError:
        assume(False)
