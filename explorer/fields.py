"""Every scenario field, described once: its type, default, allowed range, unit, label, group and
public source (``FIELDS``), and the check of one value against its description (``check_value``).

Validation, the file format, the window's Assumptions panel, the exports' assumptions sheet and
docs/model.md all read this table, so they cannot disagree. Cross-field rules live in
``explorer.scenario``; uncertainty ranges in ``explorer.ranges``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from .errors import ScenarioError, bad_character
from .i18n import tr
from .months import is_month
from .serving import model_ids

@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # int | float | optional_float | text | month | choice | bool | mix | chips | price_map | ranges
    default: Any
    label: str
    group: str
    unit: str = ""
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] = ()
    source: str = ""
    estimate: bool = False
    help: str = ""
    # Uncertainty: the default range as (low, high) multiples of the value (months for ramp_end),
    # and where that spread comes from. None: the field carries no range.
    spread: tuple[float, float] | None = None
    spread_source: str = ""

    @property
    def is_share(self) -> bool:
        """A share of something, shown in percent."""
        return self.unit.startswith("share") or self.name == "capital_cost_rate"

    def shown(self, value) -> str:
        """The value as the window shows it: '80%', 'Dec 2026', '1.35', '84 months'."""
        from .formatting import trimmed
        from .months import month_index, month_label

        if value is None:
            return tr("not set")
        if self.kind == "month":
            return month_label(month_index(value))
        if self.is_share:
            return f"{trimmed(value * 100, 3)}%"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            unit = tr(self.unit) if self.unit and len(self.unit) <= 12 else ""
            return trimmed(value, 4) + (f" {unit}" if unit else "")
        return str(value)

    def range_text(self) -> str:
        if self.kind == "choice":
            return tr(" or ", "between the choices of a value").join(f"'{c}'" for c in self.choices)
        if self.kind == "month":
            return tr("a month written YYYY-MM")
        if self.kind == "bool":
            return tr("true or false")
        if self.lo is not None and self.hi is not None:
            return tr("{low} to {high}").format(low=_fmt(self.lo), high=_fmt(self.hi))
        return ""


def _fmt(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:g}"


GROUPS = ("Scenario", "Main levers", "Contract", "Facility & power", "Prices", "Agents", "Serving", "Uncertainty")

# The announced deal (seed article; OpenAI and AWS press releases, 3 November 2025): USD 38B over
# 7 years from November 2025, NVIDIA GB200 and GB300 on EC2 UltraServers, all capacity deployed by
# the end of 2026. The GPU count was not published ("hundreds of thousands").
_FIELD_LIST = (
    FieldSpec("name", "text", "OpenAI–AWS deal as announced (USD 38B, 7 years)", "Name", "Scenario",
              help="Shown in the title bar, on exported charts and in reports."),
    FieldSpec("description", "text",
              "Announced (OpenAI and AWS, 3 November 2025): USD 38B over 7 years from November 2025; NVIDIA "
              "GB200 and GB300 on EC2 UltraServers; 'hundreds of thousands' of GPUs; all capacity deployed "
              "before the end of 2026. Sourced estimates: catalog rents (SemiAnalysis 3-year rental tier), "
              "power per GPU, PUE. Your levers: the GPU count (not disclosed; 200,000 here) and the 50/50 "
              "chip split (not disclosed). The KPIs show the price per GPU-hour the contract implies and "
              "how many GPUs it buys at catalog prices.",
              "Description", "Scenario"),
    FieldSpec("notes", "text", "", "Notes", "Scenario",
              help="Your notes on the scenario; the report, slides and data exports carry them."),
    FieldSpec("gpu_count", "int", 200_000, "GPU count", "Main levers", "accelerators", 1, 50_000_000,
              source="Estimate: the deal announcement says 'hundreds of thousands' of GB200/GB300 GPUs "
                     "(OpenAI/AWS, 2025-11-03) without a number; 200,000 is the low end of that phrase. "
                     "The contract's implied price per GPU-hour follows from it.",
              estimate=True,
              help="Accelerators installed at full deployment (not used when the fleet is sized by power)."),
    FieldSpec("facility_power_mw", "optional_float", None, "Facility power (provisioned)", "Main levers", "MW",
              0.01, 200_000.0,
              source="Sizing by power, as the 2025 deals were announced (NVIDIA 10 GW, AMD 6 GW, Broadcom "
                     "10 GW, Oracle 4.5 GW): the accelerator count follows from the chip mix and the "
                     "provisioned power per accelerator (docs/model.md §1).",
              help="Provisioned facility (grid) power at full deployment. When set, the GPU count is "
                   "derived from it; a scenario file gives this or 'gpu_count', not both."),
    FieldSpec("chip_mix", "mix", MappingProxyType({"GB200": 0.5, "GB300": 0.5}), "Chip mix", "Main levers",
              "share of accelerators",
              source="Estimate: the announcement names GB200 and GB300 without a split; 50/50 assumed.",
              estimate=True, help="Share of the fleet by chip id; normalised to sum to 1."),
    FieldSpec("locked_chips", "chips", (), "Locked chips", "Main levers",
              help="Chips whose share stays fixed while another chip's share moves (the chip mix's locks)."),
    FieldSpec("energy_price_usd_per_kwh", "float", 0.0806, "Energy price", "Main levers", "USD/kWh", 0.0, 1.0,
              source="EIA, average US industrial electricity price 2023: 8.06 ¢/kWh.",
              help="Price of electricity delivered to the facility.",
              spread=(0.7494, 2.1452),
              spread_source='EIA Electric Power Monthly table 5.6.A, April 2025: industrial prices from 6.04 ¢/kWh (Iowa) to 17.29 ¢/kWh (New England) around the 8.06 ¢ US average.'),
    FieldSpec("agent_cpu_ratio", "float", 10.0, "Agent CPU ratio", "Main levers", "vCPUs per accelerator",
              0.0, 1000.0,
              source="Estimate: the deal allows scaling to 'tens of millions of CPUs' for agentic work; "
                     "10 vCPUs per GPU (2 million vCPUs at 200,000 GPUs) is a base load, the "
                     "agent-heavy preset takes 100.",
              estimate=True,
              help="vCPUs provisioned per accelerator for agentic workloads (tool use, sandboxes), on top "
                   "of the host CPUs inside each accelerator server."),
    FieldSpec("term_months", "int", 84, "Term", "Contract", "months", 1, 240,
              source="Deal announcement (2025-11-03): 7 years."),
    FieldSpec("start", "month", "2025-11", "Start", "Contract",
              source="Deal announcement (2025-11-03): capacity use starts immediately."),
    FieldSpec("ramp_end", "month", "2026-12", "Full deployment by", "Contract",
              source="Deal announcement (2025-11-03): all capacity deployed before the end of 2026.",
              help="Installed capacity grows linearly from the start month to this month; equal to the "
                   "start means all capacity from the first month.",
              spread=(-1, 6),
              spread_source='Estimate: large deployments rarely arrive early and often slip; one month early to six months late.'),
    FieldSpec("contract_value_usd", "float", 38e9, "Contract value", "Contract", "USD", 0.0, 1e13,
              source="Deal announcement (2025-11-03): USD 38 billion."),
    FieldSpec("pricing", "choice", "rent", "Pricing", "Contract", choices=("rent", "own"),
              help="rent: capacity billed per installed GPU-hour (the cluster network is in the price); "
                   "own: hardware bought and depreciated, plus facility and energy costs."),
    FieldSpec("energy_passthrough", "bool", False, "Energy passed through", "Contract",
              source="EC2 instance prices and the SemiAnalysis rental tiers include electricity, so a cloud "
                     "deal is all-inclusive (false). Power pass-through (true) is the usual term in "
                     "wholesale colocation.",
              help="Rent only. false: all-inclusive rent; the electricity embedded in the provider's price "
                   "(at full-use draw) is shown as the energy component. true: rent excludes electricity, "
                   "which is billed as metered at the scenario's energy price."),
    FieldSpec("pue", "float", 1.15, "PUE (annual average)", "Facility & power", "facility ÷ IT energy",
              1.0, 3.0,
              source="Amazon Sustainability: global average PUE 1.15 in 2024 and 1.14 in 2025 (new designs "
                     "1.08). Google 1.09 (2025), Meta 1.08, Microsoft 1.12 newest / 1.18 fleet; US "
                     "specialised AI data centres 1.14 in 2023 (LBNL, Shehabi et al. 2024).",
              help="The year's facility energy divided by its IT energy: cooling and power conversion "
                   "on an average day. It sets the energy bill; the campus is sized with the design PUE.",
              spread=(0.9391, 1.1305),
              spread_source='AWS: new designs reach about 1.08; hyperscale designs target below 1.3.'),
    FieldSpec("design_pue", "float", 1.35, "Design PUE (peak)", "Facility & power", "facility ÷ IT power",
              1.0, 3.0,
              source="Crusoe's Abilene campus for Microsoft: 900 MW in all for 2 × 336 MW of critical IT "
                     "(1.34; Reuters, March 2026); Epoch AI (December 2025): cooling, lighting and power "
                     "conversion add 1.4× at peak operation; SemiAnalysis's open power model uses 1.3 for air "
                     "and 1.1 for liquid cooling.",
              help="Provisioned facility (grid) power divided by provisioned IT power: a campus is sized for "
                   "its hottest day at full load, so this is above the annual average PUE.",
              spread=(0.9259, 1.037),
              spread_source="From 1.25 (a liquid-cooled design; SemiAnalysis's power model uses 1.1 for liquid and 1.3 "
                            "for air cooling) to Epoch AI's 1.4 at peak operation."),
    FieldSpec("utilization", "float", 0.80, "Utilisation", "Facility & power", "share of GPU-hours busy",
              0.01, 1.0,
              source="Estimate: reserved frontier-lab fleets are kept busy; 80% of installed GPU-hours "
                     "allows for maintenance, failures and scheduling gaps.",
              estimate=True,
              spread=(0.8125, 1.125),
              spread_source='Estimate: 65% to 90% of installed GPU-hours busy.'),
    FieldSpec("mfu", "float", 0.40, "MFU", "Facility & power", "share of peak FLOP/s achieved", 0.01, 1.0,
              source="Meta, The Llama 3 Herd of Models (2024): 38–43% BF16 MFU on 16k H100s; 30–50% is "
                     "a common planning range.",
              help="Model FLOP utilisation while busy: effective compute = peak × utilisation × MFU.",
              spread=(0.75, 1.25),
              spread_source='Common planning range of 30% to 50% MFU (Llama 3 reached 38–43%).'),
    FieldSpec("full_use_power_fraction", "float", 0.76, "Power draw when busy", "Facility & power",
              "share of provisioned power", 0.05, 1.0,
              source="Newkirk et al., 'Empirically-Calibrated H100 Node Power Models' (arXiv:2506.14551, "
                     "2025): intensive workloads average 76% of an 8×H100 node's 10.2 kW rating; Latif et "
                     "al. (IEEE Access 13, 2025) measured a peak of about 82%.",
              help="Average draw of a fully busy system as a share of its provisioned (nameplate) power.",
              spread=(0.921, 1.079),
              spread_source='Measured 8×H100 node: about 70% to its 82% peak under heavy work (Newkirk et al. 2025; Latif et al. 2025).'),
    FieldSpec("idle_power_fraction", "float", 0.25, "Power draw when idle", "Facility & power",
              "share of provisioned power", 0.0, 1.0,
              source="Estimate: an idle H100 draws roughly 60–100 W of its 700 W (9–14%), but host CPUs, "
                     "memory, NICs and fans keep a floor of 1.5–2 kW in an 8-GPU server; about a quarter "
                     "of the rated system power.",
              estimate=True),
    FieldSpec("server_overhead_scale", "float", 1.0, "Server overhead scale", "Facility & power", "×",
              0.0, 3.0,
              source="Multiplier on each chip's catalog overhead (system power per accelerator minus "
                     "its TDP, from vendor system specifications); 1 = as published.",
              help="Scales the power of host CPUs, memory, NICs, switches and fans beyond the "
                   "accelerator TDP.",
              spread=(0.85, 1.15),
              spread_source='Estimate: GB300 NVL72 racks are reported at 120–140 kW (±8%); system designs differ.'),
    FieldSpec("cluster_power_scale", "float", 1.0, "Beyond-the-rack power scale", "Facility & power", "×",
              0.0, 5.0,
              source="Multiplier on each chip's catalog share of power beyond its racks or servers "
                     "(scale-out network, storage, management, distribution losses): 11% for 8-GPU "
                     "servers (SemiAnalysis, 100,000 H100 clusters: about 10% of the total), 25% for "
                     "NVL72-class racks (NVIDIA DGX SuperPOD GB200 reference architecture: 1.2 MW per 8 "
                     "racks of 120 kW), 14% otherwise (Epoch AI: IT is 1.14× server power); 1 = as "
                     "published.",
              help="Scales the power the cluster needs outside its accelerator racks or servers.",
              spread=(0.6, 1.3),
              spread_source="Sources put the share beyond the racks at 10% (SemiAnalysis) to 25% (NVIDIA "
                            "GB200 SuperPOD) of rack power."),
    FieldSpec("chip_price_scale", "float", 1.0, "Chip price scale", "Prices", "× catalog price", 0.05, 5.0,
              source="Catalog prices as published (1 = the SemiAnalysis 3-year rental tier for rent). "
                     "SemiAnalysis's hyperscaler-owner cost tier is 0.67 × that tier for GB200; a large "
                     "commitment may earn a discount between the two.",
              help="Multiplier on every chip's rent and purchase price (per-chip overrides are used as "
                   "entered).",
              spread=(0.67, 1.1),
              spread_source='SemiAnalysis tiers: from the hyperscaler-owner cost (0.67 × the 3-year rental price for GB200) to 10% above the 3-year rental price.'),
    FieldSpec("rent_price_overrides", "price_map", MappingProxyType({}), "Rent price (ex power)", "Prices",
              "USD per GPU-hour", 0.0, 1000.0,
              source="Catalog default: published rent with embedded electricity removed "
                     "(docs/model.md).",
              help="Per-chip rent excluding electricity, overriding the catalog."),
    FieldSpec("purchase_price_overrides", "price_map", MappingProxyType({}), "Purchase price", "Prices",
              "USD per accelerator", 0.0, 1e8,
              source="Catalog default (per-chip sources in the catalog).",
              help="Per-chip purchase price of the accelerator's system (its share of the rack or server), "
                   "overriding the catalog (pricing 'own')."),
    FieldSpec("network_storage_fraction", "float", 0.25, "Network and storage (owned)", "Prices",
              "share of accelerator system capex", 0.0, 2.0,
              source="Bernstein (via Investing.com, October 2025): networking is about 13% and storage "
                     "1–1.5% of AI data-centre spend, against about USD 3.4M of compute hardware in a USD "
                     "5.9M GB200 NVL72 rack (58%): about 25% of the compute hardware.",
              help="Pricing 'own': scale-out network (switches, optics, cabling) and storage bought with "
                   "the accelerators, as a share of their system price. Renting, they are in the GPU-hour "
                   "price.",
              spread=(0.6, 1.4),
              spread_source="Bernstein: networking about 13% of AI data-centre spend; 15% to 35% of compute "
                            "hardware across public breakdowns."),
    FieldSpec("depreciation_years", "float", 5.0, "Economic life", "Prices", "years", 1.0, 15.0,
              source="Amazon: a subset of servers back to 5 years from January 2025 (The Register, "
                     "2025-02-07); Microsoft, Alphabet and CoreWeave 6, Meta 5.5, Nebius 4 (company "
                     "filings as reported); Bernstein finds 5–6 years reasonable.",
              help="Pricing 'own': straight-line life of the hardware, from its price to its residual "
                   "value."),
    FieldSpec("residual_value_fraction", "float", 0.10, "Residual value", "Prices",
              "share of purchase price at end of life", 0.0, 0.9,
              source="Estimate: used H100s (about 2-3 years old) trade at USD 15,000–28,000 against about "
                     "USD 30,000 new (ComputeForecast, citing Silicon Data, 2026) and values fall fastest "
                     "after about two years; 10% left after a 5-year life is assumed.",
              estimate=True,
              help="Pricing 'own': what a unit is sold for when it is retired at the end of its economic "
                   "life."),
    FieldSpec("hardware_refresh", "bool", True, "Replace at end of life", "Prices",
              source="IBM's CEO (December 2025): 'you've got to use it all in five years because at that "
                     "point, you've got to throw it away and refill it'.",
              help="Pricing 'own', a term longer than the economic life. true: a unit is replaced at the "
                   "end of its life at the same price (its capital cost continues); false: it keeps "
                   "running fully depreciated, at no capital cost."),
    FieldSpec("capital_cost_rate", "float", 0.08, "Cost of capital (owned)", "Prices", "per year", 0.0, 0.5,
              source="Estimate: analysts put large US technology companies' weighted average cost of capital "
                     "at about 7–9%; 8% assumed.",
              estimate=True,
              help="Pricing 'own': yearly charge on the hardware's undepreciated value (financing).",
              spread=(0.875, 1.125),
              spread_source='Estimate: 7% to 9% weighted average cost of capital.'),
    FieldSpec("facility_usd_per_kw_month", "float", 150.0, "Facility cost (owned)", "Prices",
              "USD per kW of IT capacity per month", 0.0, 2000.0,
              source="Estimate: CBRE North America Data Center Trends H2 2024: USD 184.06 per kW per "
                     "month asked for 250–500 kW in primary markets (power excluded); deployments of "
                     "many MW price lower, so 150 is assumed. A build at USD 12/W recovered over 20 years "
                     "at 8% is about USD 100 per kW-month before operations.",
              estimate=True,
              help="Pricing 'own': the facility's cost per month per kW of provisioned IT power (a lease, "
                   "or the built equivalent: the build recovered over its life, plus operations), "
                   "excluding the electricity itself.",
              spread=(0.8, 1.267),
              spread_source='CBRE 2024–25: about USD 120 (large deals) to 190 per kW-month.'),
    FieldSpec("facility_capex_usd_per_w", "float", 15.0, "Facility build cost", "Prices",
              "USD per W of provisioned IT power", 0.0, 100.0,
              source="Estimate between construction alone and all physical infrastructure: Cushman & Wakefield "
                     "Data Center Development Cost Guide 2025, USD 11.7M per MW of critical load on average over "
                     "19 US markets (USD 9.3M-15.0M; excludes owner-furnished equipment, land and soft costs); "
                     "Bernstein (October 2025), USD 2.5M of physical infrastructure per GB200 NVL72 rack, about "
                     "USD 17 per W of its provisioned IT; Turner & Townsend 2025-26: AI data centres cost 7-10% "
                     "more than traditional ones.",
              estimate=True,
              help="The capital cost of building the facility (shell, power and cooling) per W of IT it "
                   "can host; counted in the capital cost figures (capex per GW), not in the monthly cost.",
              spread=(0.78, 1.27),
              spread_source="Cushman & Wakefield 2025 construction (USD 11.7M per MW) to about USD 19 per W, "
                            "above Bernstein's physical infrastructure per GB200 rack."),
    FieldSpec("other_cost_fraction", "float", 0.05, "Support, storage services, other", "Prices",
              "share of capacity cost", 0.0, 2.0,
              source="Estimate: AWS Enterprise Support costs 3% of monthly spend above USD 1M (AWS Support "
                     "pricing); shared storage services (FSx, S3) and other services not in the "
                     "GPU-hour or the hardware price add about 2%.",
              estimate=True,
              help="Share added to the accelerator and CPU capacity cost for services bought with it. "
                   "The cluster network is in the GPU-hour price when renting, and in 'Network and storage "
                   "(owned)' when owning: it is not counted here.",
              spread=(0.4, 2.0),
              spread_source='Estimate: 2% to 10% of capacity cost.'),
    FieldSpec("cpu_usd_per_vcpu_hour", "float", 0.02, "CPU rent (ex power)", "Prices", "USD per vCPU-hour",
              0.0, 1.0,
              source="Estimate: AWS c8g (Graviton4) on demand is about USD 0.040 per vCPU-hour in "
                     "us-east-1 (c8g.large USD 0.0798/h); 3-year Savings Plans take up to 66% off; half "
                     "off assumed.",
              estimate=True,
              spread=(0.68, 2.0),
              spread_source='AWS c8g: USD 0.040 on demand down to about USD 0.0136 with a 3-year Savings Plan (66% off).'),
    FieldSpec("cpu_purchase_usd_per_vcpu", "float", 60.0, "CPU purchase", "Prices", "USD per vCPU", 0.0,
              10_000.0,
              source="Estimate: a two-socket AMD EPYC 9965 server (2 × 192 cores, 768 threads) at about "
                     "USD 45,000 is about USD 60 per vCPU.",
              estimate=True, help="Pricing 'own'."),
    FieldSpec("cpu_power_w_per_vcpu", "float", 3.0, "CPU power", "Agents", "W per vCPU", 0.0, 100.0,
              source="Estimate: AMD EPYC 9965, about 500 W for 384 threads (1.3 W per vCPU), doubled "
                     "for memory, storage, NICs and fans of the server.",
              estimate=True, help="Rated server power per vCPU."),
    FieldSpec("vcpus_per_agent_session", "float", 2.0, "vCPUs per agent session", "Agents",
              "vCPUs", 0.01, 1000.0,
              source="Estimate: E2B sandboxes (Firecracker microVMs) default to 2 vCPUs and 512 MB (E2B "
                     "documentation, 2025); treated as an estimate for agent sessions in general.",
              estimate=True),
    FieldSpec("serving_model", "choice", "deepseek-r1", "Served model", "Serving",
              choices=(*model_ids(), "custom"),
              source="Model presets with their published shapes and sources: assets/serving/models.json "
                     "(docs/model.md, Serving). DeepSeek-R1 is the reasoning model that MLPerf Inference "
                     "v5.1 and SemiAnalysis InferenceX benchmark on every chip.",
              help="A preset's parameters, KV cache and multi-token prediction set the roofline; "
                   "'custom' uses the parameter counts given here. A file gives this or the explicit "
                   "parameter counts, not both."),
    FieldSpec("model_total_params_billion", "float", 671.0, "Total parameters", "Serving",
              "billion parameters", 0.1, 100_000.0,
              source="The served model preset's published count (DeepSeek-V3/R1: 671B).",
              help="All weights held in memory (every expert of a mixture of experts). Used when the "
                   "served model is 'custom'; a preset sets it."),
    FieldSpec("model_active_params_billion", "float", 37.0, "Active parameters", "Serving",
              "billion parameters per token", 0.1, 100_000.0,
              source="The served model preset's published count (DeepSeek-V3/R1: 37B activated per token).",
              help="Parameters each token passes through (for a mixture of experts, the active ones). "
                   "Used when the served model is 'custom'; a preset sets it."),
    FieldSpec("context_tokens", "int", 8192, "Prompt (context) per request", "Serving", "tokens", 1, 2_000_000,
              source="SemiAnalysis InferenceX's long-prompt shape (8k in, 1k out), the shape of its "
                     "DeepSeek-R1 reasoning benchmarks; agentic requests carry long contexts.",
              help="Input tokens each request brings (its context: instructions, history, tool "
                   "results). They are read from the KV cache at every step and computed once (prefill)."),
    FieldSpec("output_tokens_per_request", "int", 1024, "Output per request", "Serving", "tokens", 1, 1_000_000,
              source="SemiAnalysis InferenceX's long-prompt shape (8k in, 1k out).",
              help="Output tokens each request generates."),
    FieldSpec("tokens_per_second_per_user", "float", 50.0, "Interactivity", "Serving",
              "output tokens/s each user sees", 1.0, 2000.0,
              source="NVIDIA's InferenceMAX comparison point (DeepSeek-R1 at 50 tokens/s per user, October "
                     "2025); MLPerf Inference's interactive Llama 2 70B scenario asks for 25 (40 ms per "
                     "token), its DeepSeek-R1 interactive one (v6.0) about 67.",
              help="The speed each user sees. Faster answers mean smaller batches, so fewer tokens per "
                   "accelerator and a higher cost per token.",
              spread=(0.6, 1.6),
              spread_source="Interactive serving targets range from 30 (chat) to 80 tokens/s per user (MLPerf "
                            "interactive scenarios 25-67; InferenceX points 23-184)."),
    FieldSpec("token_precision", "choice", "fp4", "Serving precision", "Serving",
              choices=("bf16", "fp8", "fp4"),
              source="MLPerf Inference v5.1 Blackwell results are NVFP4 (NVIDIA, 2025-09-09), the precision "
                     "the roofline is calibrated on for Blackwell; chips without FP4 (H100, H200, MI300X) "
                     "serve at FP8, as in their MLPerf results.",
              help="Weights at this precision (a chip without it uses its next wider one); the KV cache "
                   "is FP8 at FP8 and FP4, 16-bit at BF16."),
    FieldSpec("serving_share", "float", 0.5, "Serving share", "Serving", "share of busy accelerator-hours",
              0.0, 1.0,
              source="Estimate: the deal is for training and inference (OpenAI and AWS, 2025-11-03) without a "
                     "split; half of the busy hours serving is assumed.",
              estimate=True,
              help="Busy hours spent serving tokens; the rest trains. Tokens, and the cost per token (the "
                   "fleet's cost times this share, over the tokens), count only these hours.",
              spread=(0.6, 1.4),
              spread_source="Estimate: 30% to 70% of busy hours serving."),
    FieldSpec("serving_efficiency_scale", "float", 1.0, "Serving efficiency scale", "Serving",
              "× calibrated efficiency", 0.05, 5.0,
              source="Multiplier on the roofline's calibrated efficiencies (docs/model.md, Serving "
                     "calibration); 1 = as calibrated on MLPerf Inference and InferenceX results, which "
                     "the roofline meets within ±25%.",
              help="Better or worse serving software than the calibration's (speculative decoding, "
                   "disaggregated prefill, kernel quality).",
              spread=(0.75, 1.25),
              spread_source="The calibration's ±25% band around MLPerf Inference and InferenceX results."),
    FieldSpec("price_usd_per_million_tokens", "optional_float", None, "Price per million output tokens",
              "Serving", "USD", 0.0, 10_000.0,
              source="Set it to compare with a price: e.g. DeepSeek's API charged USD 2.19 per million "
                     "output tokens for R1 until September 2025, USD 1.68 after (DeepSeek API pricing page).",
              help="When set: revenue, gross margin and the break-even utilisation of the serving hours."),
)

_FIELD_LIST += (
    FieldSpec("ranges", "ranges", None, "Uncertainty ranges", "Uncertainty",
              source="Each field's default range and its source are in docs/model.md (Uncertainty).",
              help="Low and high values around the scenario's value, per uncertain input; each is drawn from "
                   "a triangular distribution peaked at the value. Left out of a file: the default ranges "
                   "around the file's values. {} turns uncertainty off."),
    FieldSpec("uncertainty_samples", "int", 2000, "Samples", "Uncertainty", "scenarios", 100, 20_000,
              source="2,000 samples put the P10 and P90 within about 1% of their converged values."),
    FieldSpec("uncertainty_seed", "int", 1, "Random seed", "Uncertainty", "", 0, 2**31 - 1,
              source="Fixed, so the same scenario always draws the same bands."),
)


FIELDS: Mapping[str, FieldSpec] = MappingProxyType({f.name: f for f in _FIELD_LIST})
UNCERTAIN_FIELDS = tuple(f.name for f in _FIELD_LIST if f.spread is not None)
TEXT_LIMITS = {"name": 200, "description": 5000, "notes": 20000}
MAX_CHIPS_IN_A_MAP = 64


# ---------------------------------------------------------------------------------------- checks

def type_name(value) -> str:
    return {bool: tr("true/false"), str: tr("text"), dict: tr("an object"), list: tr("a list"),
            type(None): "null"}.get(type(value), type(value).__name__)


def show(value) -> str:
    """A value as an error message quotes it (long text cut)."""
    if isinstance(value, str):
        return repr(value) if len(value) < 60 else repr(value[:57] + "...")
    if isinstance(value, float):
        return f"{value:g}"
    return json.dumps(value) if isinstance(value, (bool, type(None))) else repr(value)


def check_number(spec: FieldSpec, value, key: str | None = None) -> float:
    key = key or spec.name
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError(tr("'{key}' must be a number ({allowed}), got {value} ({type})").format(
            key=key, allowed=spec.range_text(), value=show(value), type=type_name(value)))
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float
        number = math.inf
    if not math.isfinite(number) or not (spec.lo <= number <= spec.hi):
        unit = f" {tr(spec.unit)}" if spec.unit and len(spec.unit) < 20 else ""
        shown = spec.shown(number) if math.isfinite(number) else show(value)
        raise ScenarioError(tr("'{key}' = {value} is out of range: allowed {allowed}{unit}").format(
                                key=key, value=show(value), allowed=spec.range_text(), unit=unit),
                            user=tr("{label}: {value} is outside what is allowed, {low} to {high}").format(
                                label=tr(spec.label), value=shown, low=spec.shown(spec.lo),
                                high=spec.shown(spec.hi)))
    return number + 0.0  # never -0.0


def check_value(spec: FieldSpec, value):
    """The value in its canonical form (ints, floats, read-only mappings), or a ScenarioError naming
    the field, the value and what is allowed. Ranges are checked by explorer.ranges."""
    kind = spec.kind
    if kind == "int":
        number = check_number(spec, value)
        if not number.is_integer():
            raise ScenarioError(tr("'{key}' must be a whole number ({allowed}), got {value}").format(
                key=spec.name, allowed=spec.range_text(), value=show(value)))
        return int(number)
    if kind == "float":
        return check_number(spec, value)
    if kind == "optional_float":
        return None if value is None else check_number(spec, value)
    if kind == "text":
        if not isinstance(value, str):
            raise ScenarioError(tr("'{key}' must be text, got {value} ({type})").format(
                key=spec.name, value=show(value), type=type_name(value)))
        if len(value) > TEXT_LIMITS[spec.name]:
            raise ScenarioError(tr("'{key}' is too long: {count} characters, allowed up to {limit}").format(
                key=spec.name, count=f"{len(value):,}", limit=f"{TEXT_LIMITS[spec.name]:,}"))
        problem = bad_character(value, multiline=spec.name != "name")
        if problem:
            raise ScenarioError(tr("'{key}' holds {problem}; remove it").format(key=spec.name, problem=problem),
                                user=tr("{label} holds {problem}; remove it").format(label=tr(spec.label),
                                                                                     problem=problem))
        return value
    if kind == "month":
        if not is_month(value):
            raise ScenarioError(tr("'{key}' must be a month written YYYY-MM between 2000-01 and 2100-12, "
                                   "got {value}").format(key=spec.name, value=show(value)))
        return value
    if kind == "choice":
        if value not in spec.choices:
            raise ScenarioError(tr("'{key}' must be {choices}, got {value}").format(
                key=spec.name, choices=spec.range_text(), value=show(value)))
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ScenarioError(tr("'{key}' must be true or false, got {value} ({type})").format(
                key=spec.name, value=show(value), type=type_name(value)))
        return value
    if kind in ("mix", "price_map"):
        return _check_chip_map(spec, value)
    if kind == "chips":
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)) or \
                not all(isinstance(c, str) and c for c in value):
            raise ScenarioError(tr("'{key}' must be a list of chip ids, got {value}").format(
                key=spec.name, value=show(value)))
        if len(value) > MAX_CHIPS_IN_A_MAP:
            raise ScenarioError(_too_many_chips(spec.name, len(value)))
        return tuple(dict.fromkeys(value))  # in order, once each
    raise AssertionError(kind)


def _too_many_chips(key: str, count: int) -> str:
    return tr("'{key}' has {count} chips; at most {limit} are allowed").format(key=key, count=count,
                                                                              limit=MAX_CHIPS_IN_A_MAP)


def _check_chip_map(spec: FieldSpec, value) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise ScenarioError(tr("'{key}' must be an object of chip id to number, got {value} ({type})").format(
            key=spec.name, value=show(value), type=type_name(value)))
    if len(value) > MAX_CHIPS_IN_A_MAP:
        raise ScenarioError(_too_many_chips(spec.name, len(value)))
    out = {}
    for chip, share in value.items():
        if not isinstance(chip, str) or not chip:
            raise ScenarioError(tr("'{key}' has a key that is not a chip id: {value}").format(
                key=spec.name, value=show(chip)))
        if spec.kind == "mix":
            try:
                number = float(share) if not isinstance(share, bool) and isinstance(share, (int, float)) else None
            except OverflowError:
                number = math.inf
            if number is None or not math.isfinite(number) or not 0 <= number <= 1e6:
                raise ScenarioError(tr("'{key}' must be a share from 0 to 1,000,000 (shares are normalised "
                                       "to sum to 1), got {value}").format(key=f"{spec.name}.{chip}",
                                                                           value=show(share)))
            out[chip] = number + 0.0
        else:
            out[chip] = check_number(spec, share, key=f"{spec.name}.{chip}")
    if spec.kind == "mix":
        total = sum(out.values())
        if not out or total <= 0:
            raise ScenarioError(tr("'{key}' needs at least one chip with a share above 0, got {value}").format(
                key=spec.name, value=show(dict(value))))
        out = {chip: share / total + 0.0 for chip, share in out.items()}
    return MappingProxyType(out)
