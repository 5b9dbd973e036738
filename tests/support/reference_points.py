"""Public figures the model is checked against: racks, servers, clusters, campuses and deals in MW and
GW, accelerators per GW, capital cost per GW, deal prices (docs/model.md, Reference points).

Each point states its source, what it measures, how the model's figure is obtained, and the
tolerance it is held to (wider where the public figure is second-hand or its scope unclear). Points
the model misses are kept with the reason, so a reader sees the model's figure beside every public
one. ``markdown_rows`` renders the table in docs/model.md; a test checks the page shows it as the
model computes it today.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from explorer.catalog import builtin_catalog
from explorer.model import evaluate
from explorer.presets import find_preset
from explorer.scenario import Scenario

CAT = builtin_catalog()


def _fleet(chip: str, **changes) -> dict:
    """KPIs of a fleet of one chip with no agent CPUs (racks and campuses quote accelerators only)."""
    base = Scenario(chip_mix={chip: 1.0}, agent_cpu_ratio=0.0, ramp_end="2025-11", term_months=12, start="2025-11")
    return evaluate(base.replace(**changes)).summary()


def _system_kw(chip: str, count: int) -> float:
    """Nameplate power of the accelerator systems alone (the rack or server), kW."""
    return CAT[chip].system_w_per_accel * count / 1e3


def _preset(key: str) -> dict:
    return evaluate(find_preset(key).load(CAT), CAT).summary()


def _owned_capex_per_gw(chip: str) -> float:
    return _fleet(chip, pricing="own", gpu_count=100_000)["capex_usd_per_gw"] / 1e9


def _rack_capex_musd(chip: str) -> float:
    k = _fleet(chip, gpu_count=72, pricing="own")
    return k["capex_usd"] / 1e6


@dataclass(frozen=True)
class Reference:
    id: str
    what: str
    public: str  # the public figure as quoted
    low: float  # the public figure (or range) in the unit of `model`
    high: float
    unit: str
    model: Callable[[], float]
    tolerance: float  # relative, beyond the public range
    source: str
    checked: bool = True  # False: listed with its reason, not held to the tolerance
    note: str = ""

    def model_value(self) -> float:
        return float(self.model())

    def delta(self) -> float:
        """Relative distance of the model's figure from the public range (0 inside it)."""
        v = self.model_value()
        if v < self.low:
            return v / self.low - 1
        if v > self.high:
            return v / self.high - 1
        return 0.0


POINTS = (
    Reference("R1", "GB200 NVL72 rack (72 GPUs), nameplate", "about 120 kW (123.6 kW)", 120, 123.6, "kW",
              lambda: _system_kw("GB200", 72), 0.05,
              "NVIDIA at GTC 2024 via ServeTheHome/TechRadar (120 kW); SemiAnalysis GB200 BOM via BOCI notes, "
              "July 2024 (123.6 kW)"),
    Reference("R2", "GB300 NVL72 rack (72 GPUs), nameplate", "132–140 kW (Microsoft about 136 kW)", 132, 140, "kW",
              lambda: _system_kw("GB300", 72), 0.05, "Supermicro Blackwell brochure, as reported"),
    Reference("R3", "DGX H100 server (8 GPUs)", "10.2 kW maximum", 10.2, 10.2, "kW",
              lambda: _system_kw("H100", 8), 0.02, "NVIDIA DGX H100/H200 user guide"),
    Reference("R4", "DGX B200 server (8 GPUs)", "14.3 kW maximum", 14.3, 14.3, "kW",
              lambda: _system_kw("B200", 8), 0.02, "NVIDIA DGX B200 user guide"),
    Reference("R5", "GB200 SuperPOD scalable unit (576 GPUs), IT incl. network, storage, management",
              "1.2 MW", 1.2, 1.2, "MW", lambda: _fleet("GB200", gpu_count=576)["it_power_peak_mw"], 0.05,
              "NVIDIA DGX SuperPOD GB200 reference architecture"),
    Reference("R6", "100,000 H100 cluster, critical IT", ">150 MW", 150, 150, "MW",
              lambda: _fleet("H100", gpu_count=100_000)["it_power_peak_mw"], 0.10,
              "SemiAnalysis, '100,000 H100 Clusters' (2024): '>150MW in datacenter capacity'"),
    Reference("R7", "Stargate Abilene: about 400,000 GB200, campus (grid)", "1.2 GW", 1.2, 1.2, "GW",
              lambda: _fleet("GB200", gpu_count=400_000)["facility_power_peak_mw"] / 1e3, 0.15,
              "Crusoe/Oracle/OpenAI (1.2 GW); Bloomberg and DCD (about 400,000 GB200)"),
    Reference("R8", "GB200 per GW of provisioned facility power", "330,000–500,000", 330e3, 500e3, "accelerators",
              lambda: _fleet("GB200", gpu_count=100_000)["gpus_per_gw"], 0.0,
              "Abilene 400,000 per 1.2 GW (333k); Jensen Huang: 'a gigawatt, that's 400,000, 500,000 GPUs'"),
    Reference("R9", "OpenAI–NVIDIA: GPUs in 10 GW (Vera Rubin, counted as NVIDIA counts)", "4–5 million",
              4e6, 5e6, "accelerators", lambda: _preset("openai-nvidia")["gpus_peak"], 0.0,
              "Jensen Huang on CNBC, 22 September 2025"),
    Reference("R10", "Anthropic–Google: 1,000,000 TPUs (Ironwood)", "'well over a gigawatt'", 1.0, 2.5, "GW",
              lambda: _preset("anthropic-google")["facility_power_peak_mw"] / 1e3, 0.0,
              "Anthropic and Google, 23 October 2025"),
    Reference("R11", "Amazon Project Rainier: about 500,000 Trainium2 in 7 of 30 buildings of a 2.2 GW campus",
              "about 0.51 GW (7/30 of 2.2 GW, derived)", 0.51, 0.51, "GW",
              lambda: _fleet("Trainium2", gpu_count=500_000)["facility_power_peak_mw"] / 1e3, 0.15,
              "AWS (October 2025), as reported by The AI Post; the share of the campus is derived"),
    Reference("R12", "xAI Colossus 1: 100,000 H100", "150 MW (grid allocation)", 150, 150, "MW",
              lambda: _fleet("H100", gpu_count=100_000)["facility_power_peak_mw"], 0.30,
              "Tom's Hardware (2024)",
              note="Colossus first ran on a 150 MW grid allocation topped up by gas turbines; the model's design "
                   "PUE sizes the campus for its hottest day."),
    Reference("R13", "xAI Colossus 2: 110,000 GB200, installed cooling (IT heat)", "about 200 MW", 200, 200, "MW",
              lambda: _fleet("GB200", gpu_count=110_000)["it_power_peak_mw"], 0.20,
              "SemiAnalysis via The Decoder (September 2025)"),
    Reference("R14", "xAI Colossus 2 phase 1: 110,000 GB200", "170 MW needed (second-hand)", 170, 170, "MW",
              lambda: _fleet("GB200", gpu_count=110_000)["facility_power_peak_mw"], 0.25,
              "xAI statement via the Daily Memphian and 512 Pixels (July 2025)", checked=False,
              note="Second-hand and without its scope: the model's 110,000 GB200 need more than the 170 MW "
                   "even as IT alone (R13's 200 MW of cooling agrees with the model)."),
    Reference("R15", "Nscale Texas for Microsoft: 104,000 GB300 on a 240 MW campus (taken as IT)", "240 MW",
              240, 240, "MW", lambda: _fleet("GB300", gpu_count=104_000)["it_power_peak_mw"], 0.10,
              "Nscale (15 October 2025) via Benzinga; whether 240 MW is IT or grid is not stated"),
    Reference("R16", "Design PUE of a new AI campus (Crusoe Abilene for Microsoft)", "900 MW / 672 MW IT = 1.34",
              1.34, 1.34, "×", lambda: Scenario().design_pue, 0.02,
              "Reuters (March 2026): 900 MW campus, 2 × 336 MW critical IT"),
    Reference("R17", "Capital cost per GW, GB200 (Bernstein)", "about USD 35B per GW", 35, 35, "USD B per GW",
              lambda: _owned_capex_per_gw("GB200"), 0.20, "Bernstein via Investing.com (October 2025)"),
    Reference("R18", "Capital cost per GW incl. GPUs (Morgan Stanley)", "USD 30–34M per MW", 30, 34, "USD B per GW",
              lambda: _owned_capex_per_gw("GB200"), 0.10, "Morgan Stanley (2024 note), as reported"),
    Reference("R19", "GB200 NVL72 rack, all-in (compute and physical infrastructure)", "about USD 5.9M", 5.9, 5.9,
              "USD M", lambda: _rack_capex_musd("GB200"), 0.15, "Bernstein via Investing.com (October 2025)"),
    Reference("R20", "Capital cost per GW, next generation (Jensen Huang)", "USD 50–60B per GW", 50, 60,
              "USD B per GW", lambda: _preset("openai-nvidia")["capex_usd_per_gw"] / 1e9, 0.30,
              "NVIDIA Q2 FY2026 call, as reported (land, power, shell, compute and networking)",
              note="Huang's figure includes land, power supply and NVIDIA's 2026 prices; the model's Vera Rubin "
                   "price is an estimate."),
    Reference("R21", "OpenAI–AWS: GPUs USD 38B buys over 7 years at SemiAnalysis 3-year rental rents",
              "'hundreds of thousands'", 100e3, 900e3, "accelerators",
              lambda: _preset("openai-aws-deal")["contract_gpus"], 0.0, "OpenAI and AWS, 3 November 2025"),
    Reference("R22", "OpenAI–Oracle: USD 300B over about 5 years for 4.5 GW", "USD 300B (reported)", 300, 300,
              "USD B", lambda: _preset("openai-oracle")["cost_total_usd"] / 1e9, 0.30,
              "Wall Street Journal via AsianFin (September 2025); 4.5 GW: OpenAI (22 July 2025)",
              note="At catalog rents the 4.5 GW cost about a quarter less than the reported USD 300B: the "
                   "implied price per GPU-hour is above SemiAnalysis's 3-year rental tier."),
    Reference("R23", "OpenAI–Oracle: chips in 4.5 GW (from 'over 2 million chips' in over 5 GW)",
              "about 1.8 million (derived)", 1.8e6, 2.0e6, "accelerators",
              lambda: _preset("openai-oracle")["gpus_peak"], 0.20, "OpenAI (22 July 2025), as reported"),
)


def _fmt(value: float, unit: str) -> str:
    if unit == "accelerators":
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def markdown_rows() -> list[str]:
    """The table of docs/model.md: id, figure, public value, the model's, the difference, source."""
    rows = []
    for r in POINTS:
        d = r.delta()
        diff = "within" if abs(d) < 0.005 else f"{d * 100:+.0f}%"
        status = "" if r.checked else " (not held to a tolerance)"
        rows.append(f"| {r.id} | {r.what} | {r.public} | {_fmt(r.model_value(), r.unit)} {r.unit} | {diff}"
                    f"{status} | {r.source}{'. ' + r.note if r.note else ''} |")
    return rows
