"""Model evaluation time: one scenario, and a batch of 10,000 scenarios x 84 months x the whole catalog.

    python3 dev.py bench            (all benchmarks)
    .venv/bin/python benchmarks/bench_model.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import measure, report  # noqa: E402

from explorer.catalog import builtin_catalog  # noqa: E402
from explorer.model import Params, evaluate  # noqa: E402
from explorer.scenario import Scenario  # noqa: E402


def batch_params(n: int, seed: int = 0) -> Params:
    """n varied scenarios over the whole catalog (every chip has a share), built as arrays."""
    cat = builtin_catalog()
    rng = np.random.default_rng(seed)
    base = Params.from_scenarios(Scenario(chip_mix={cid: 1.0 for cid in cat.ids}), cat).repeat(n)
    shares = rng.random((n, len(cat)))
    return base.replace(
        gpu_count=rng.uniform(1e3, 5e6, n),
        shares=shares / shares.sum(axis=1, keepdims=True),
        energy_price_usd_per_kwh=rng.uniform(0.03, 0.3, n),
        agent_cpu_ratio=rng.uniform(0, 200, n),
        utilization=rng.uniform(0.3, 1.0, n),
        ramp_months=rng.uniform(0, 24, n),
        own=rng.random(n) < 0.5,
    )


def main() -> None:
    cat = builtin_catalog()
    scenario = Scenario()
    print(f"Model evaluation (catalog of {len(cat)} chips, 84 months)")
    report("one scenario: evaluate(Scenario) incl. conversion", measure(lambda: evaluate(scenario), 2000))
    report("one scenario: evaluate + summary()", measure(lambda: evaluate(scenario).summary(), 2000))
    params = Params.from_scenarios(scenario)
    report("one scenario: evaluate(prepared Params)", measure(lambda: evaluate(params), 2000))
    big = batch_params(10_000)
    report("10,000 scenarios x 84 months x 13 chips: evaluate(Params)", measure(lambda: evaluate(big), 30))
    report("10,000 scenarios: evaluate + all KPIs", measure(lambda: evaluate(big).kpis, 30))
    report("10,000 scenarios: evaluate + KPIs + cost/power series",
           measure(lambda: (lambda p: (p.kpis, p.cost_cumulative, p.facility_mw))(evaluate(big)), 10))
    scenarios = [scenario.replace(gpu_count=1000 + i) for i in range(10_000)]
    report("10,000 Scenario objects -> Params (conversion only)",
           measure(lambda: Params.from_scenarios(scenarios, cat), 5, warmup=1))


if __name__ == "__main__":
    main()
