"""Serving: output tokens per second per accelerator from a roofline, and the model presets it reads.

A serving group of ``n`` accelerators holds one copy of the model's weights (tensor or expert
parallel) and decodes for ``B`` users per accelerator; each user sees ``u`` output tokens per second
(``tokens_per_second_per_user``), so a decode step lasts ``s / u`` seconds when one step yields ``s``
tokens (multi-token prediction). In that time each accelerator

* reads its share of the weights once (``W / n`` bytes, at the weights' precision),
* reads each of its users' KV cache (``context × kv bytes per token``),
* does the arithmetic of its users' tokens, prefill included (``2 × active params × (1 + input/output)``
  FLOPs per output token),

and loses a fixed time per step to scheduling, sampling and communication (more in a wider group,
and more again when the group spans more than one scale-up domain). The number of users that fits
the step, capped by what the HBM left after the weights can hold, gives the tokens per second:
``tokens/s = B × u``. ``u`` is a floor: where the HBM caps the batch, users are served faster (the
capped batch fills a shorter step), so a higher target never serves more. The operator picks the
group size ``n`` that serves the most tokens per accelerator. Because memory traffic and arithmetic are added rather than overlapped, the result is
never above the smaller of the compute bound (arithmetic only) and the memory bound (memory traffic
only); docs/model.md gives the equations, the calibration and why the terms are added.

Everything is vectorised: inputs broadcast over a leading batch axis ``B``, the chip axis ``C`` and
(for the interactivity curve) an axis ``K`` of interactivity values; the group sizes are one more
axis that is reduced with a max.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .errors import ExplorerError
from .i18n import tr
from .paths import assets_dir

# ------------------------------------------------------------------------------- calibration
# Fitted to the calibration points of docs/model.md ("Serving calibration"; tests/explorer/
# test_serving_calibration.py): MLPerf Inference Llama 2 70B (v4.1, v5.1) and SemiAnalysis InferenceX
# DeepSeek-R1 points. Each is an estimate from that fit, not a published figure.
COMPUTE_EFFICIENCY_DENSE = 0.60  # achieved share of peak FLOP/s, dense models
COMPUTE_EFFICIENCY_MOE = 0.18  # mixture of experts: small, uneven expert GEMMs and all-to-all stalls
WEIGHT_BANDWIDTH_EFFICIENCY = 0.75  # achieved share of HBM bandwidth streaming weights
KV_BANDWIDTH_EFFICIENCY = 0.30  # achieved share of HBM bandwidth reading the KV cache (attention)
STEP_OVERHEAD_S = 0.0085  # fixed time per decode step (scheduling, sampling, kernel launches)
GROUP_OVERHEAD_S = 0.0005  # more per doubling of the group (collective latency)
SCALE_OUT_OVERHEAD_S = 0.013  # more per doubling beyond one scale-up domain (all-to-all over the network)
HBM_USABLE_SHARE = 0.90  # of HBM capacity for weights and KV cache (the rest: activations, runtime)
WEIGHT_SHARE_LIMIT = 0.55  # weights may take at most this share of each accelerator's HBM
GROUP_SIZES = (1, 2, 4, 8, 16, 32, 64, 72)
WEIGHT_BYTES = {"bf16": 2.0, "fp8": 1.0, "fp4": 0.5625}  # NVFP4: 4-bit values plus an FP8 scale per 16
KV_SCALE = {"bf16": 1.0, "fp8": 0.5, "fp4": 0.5}  # KV cache at 16 bits, or FP8 when serving FP8/FP4

CUSTOM = "custom"


@dataclass(frozen=True)
class ServingModel:
    id: str
    name: str
    total_params_billion: float
    active_params_billion: float
    kv_cache_kib_per_token: float  # at 16-bit precision
    tokens_per_step: float
    estimate: bool
    source: str

    @property
    def moe(self) -> bool:
        return is_moe(self.total_params_billion, self.active_params_billion)


def is_moe(total: float, active: float) -> bool:
    return total > active * 1.01


@lru_cache(maxsize=1)
def serving_models() -> dict[str, ServingModel]:
    path = assets_dir() / "serving" / "models.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        models = {}
        for row in data["models"]:
            model = ServingModel(
                id=str(row["id"]), name=str(row["name"]), total_params_billion=float(row["total_params_billion"]),
                active_params_billion=float(row["active_params_billion"]),
                kv_cache_kib_per_token=float(row["kv_cache_kib_per_token"]),
                tokens_per_step=float(row["tokens_per_step"]), estimate=bool(row["estimate"]),
                source=str(row["source"]))
            models[model.id] = model
    except (OSError, ValueError, KeyError, TypeError) as exc:  # a damaged installation, not user input
        raise ExplorerError(tr("the serving model presets ({path}) cannot be read: {problem}").format(
            path=path, problem=exc)) from None
    return models


def model_ids() -> tuple[str, ...]:
    return tuple(serving_models())


def custom_kv_kib_per_token(active_params_billion: float) -> float:
    """The KV cache per token (KiB at 16 bits) of a custom model: 320 KiB × (active / 70B)^0.4, a
    power law through the grouped-query-attention Llama 3 models (8B: 128 KiB, 70B: 320, 405B: 504)."""
    return 320.0 * (active_params_billion / 70.0) ** 0.4


def tokens_per_second(peak_flops, hbm_bytes_per_s, hbm_bytes, domain, *, total_params, active_params,
                      kv_bytes_per_token, tokens_per_step, input_tokens, output_tokens, tokens_per_user,
                      weight_bytes_per_param, efficiency_scale=1.0):
    """Output tokens per second per accelerator (broadcast shapes; no Python loop over chips or
    scenarios). Arrays broadcast against each other: e.g. chips as (1, C), scenarios as (B, 1),
    interactivity values as (B, C, K). Parameters are counts (not billions), bytes, FLOP/s, seconds."""
    xp = np
    moe = total_params > active_params * 1.01
    eff_c = xp.where(moe, COMPUTE_EFFICIENCY_MOE, COMPUTE_EFFICIENCY_DENSE) * efficiency_scale
    eff_w = WEIGHT_BANDWIDTH_EFFICIENCY * efficiency_scale
    eff_kv = KV_BANDWIDTH_EFFICIENCY * efficiency_scale
    weights = total_params * weight_bytes_per_param
    context = input_tokens + 0.5 * output_tokens  # mean tokens in the KV cache while decoding
    flops_per_token = 2.0 * active_params * (1.0 + input_tokens / output_tokens)
    step = tokens_per_step / tokens_per_user
    # seconds per user per step: its KV cache read plus its tokens' arithmetic
    per_user = (context * kv_bytes_per_token / (hbm_bytes_per_s * eff_kv)
                + tokens_per_step * flops_per_token / (peak_flops * eff_c))
    shape = np.broadcast_shapes(np.shape(step), np.shape(per_user), np.shape(weights / hbm_bytes),
                                np.shape(domain))
    best = np.zeros(shape)
    kv_context = context * kv_bytes_per_token
    for n in GROUP_SIZES:  # a handful of group sizes; everything else is array arithmetic
        shard = weights / n
        fits = shard <= WEIGHT_SHARE_LIMIT * hbm_bytes
        overhead = STEP_OVERHEAD_S + GROUP_OVERHEAD_S * math.log2(n) + SCALE_OUT_OVERHEAD_S * np.log2(
            np.maximum(n / domain, 1.0))
        fixed = overhead + shard / (hbm_bytes_per_s * eff_w)  # seconds per step before any user
        capacity = (HBM_USABLE_SHARE * hbm_bytes - shard) / kv_context  # users the HBM left can hold
        # Users see at least the target speed: while the HBM caps the batch, they are served faster
        # (the speed at which the capped batch fills the step), which serves more tokens.
        speed = np.maximum(tokens_per_user, tokens_per_step / (fixed + per_user * capacity))
        users = np.minimum((tokens_per_step / speed - fixed) / per_user, capacity)
        best = np.maximum(best, np.where(fits, np.maximum(users, 0.0) * speed, 0.0))
    return best


def bounds(peak_flops, hbm_bytes_per_s, hbm_bytes, *, total_params, active_params, kv_bytes_per_token,
           tokens_per_step, input_tokens, output_tokens, tokens_per_user, weight_bytes_per_param,
           efficiency_scale=1.0):
    """The two roofline bounds (tokens/s per accelerator) for docs and tests: arithmetic only, and
    memory traffic only, each for the smallest group that holds the weights."""
    moe = total_params > active_params * 1.01
    eff_c = np.where(moe, COMPUTE_EFFICIENCY_MOE, COMPUTE_EFFICIENCY_DENSE) * efficiency_scale
    flops_per_token = 2.0 * active_params * (1.0 + input_tokens / output_tokens)
    compute = peak_flops * eff_c / flops_per_token
    weights = total_params * weight_bytes_per_param
    n = np.maximum(1.0, np.ceil(weights / (WEIGHT_SHARE_LIMIT * hbm_bytes)))
    context = input_tokens + 0.5 * output_tokens
    step = tokens_per_step / tokens_per_user
    weight_time = weights / n / (hbm_bytes_per_s * WEIGHT_BANDWIDTH_EFFICIENCY * efficiency_scale)
    kv_time = context * kv_bytes_per_token / (hbm_bytes_per_s * KV_BANDWIDTH_EFFICIENCY * efficiency_scale)
    users = (step - weight_time) / kv_time
    users = np.minimum(users, (HBM_USABLE_SHARE * hbm_bytes - weights / n) / (context * kv_bytes_per_token))
    return compute, np.maximum(users, 0.0) * tokens_per_user
