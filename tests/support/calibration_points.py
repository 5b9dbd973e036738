"""Published serving measurements the roofline is calibrated on (docs/model.md, Serving calibration).

Output tokens per second per accelerator. MLPerf Inference counts output tokens; SemiAnalysis
InferenceX reports input plus output tokens per GPU, so its figures are divided by (input + output)
÷ output (9 for 8k/1k, 2 for 1k/1k) here. MLPerf Llama 2 70B prompts are taken as about 300 tokens
in and 290 out (the logs give 265-292 output tokens per sample; the input length is an estimate).
"Offline" means no latency bound: the best interactivity the fleet can choose.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.model import evaluate
from explorer.scenario import Scenario

MLPERF_IN, MLPERF_OUT = 300, 290


@dataclass(frozen=True)
class Point:
    id: str
    chip: str
    model: str
    precision: str
    tokens_per_user: float | None  # None: offline
    input_tokens: int
    output_tokens: int
    measured: float  # output tokens/s per accelerator
    source: str


MLPERF_V41 = "MLCommons inference_results_v4.1, closed division, NVIDIA/AMD results (August 2024)"
MLPERF_V51 = "MLCommons inference_results_v5.1 (September 2025; per-GPU = system ÷ GPUs)"
INFX = "SemiAnalysis InferenceX dashboard (inferencex.semianalysis.com), total tokens ÷ (in+out)/out"

CALIBRATION = (
    Point("M-H100-off", "H100", "llama-3.3-70b", "fp8", None, MLPERF_IN, MLPERF_OUT, 3066,
          MLPERF_V41 + ": DGX H100 8x H100 Llama 2 70B Offline 24,524.9 tokens/s"),
    Point("M-H100-srv", "H100", "llama-3.3-70b", "fp8", 7.3, MLPERF_IN, MLPERF_OUT, 2701,
          MLPERF_V41 + ": Server 21,605.8 tokens/s (about 7.3 tokens/s per user from the logged TPOT)"),
    Point("M-H200-off", "H200", "llama-3.3-70b", "fp8", None, MLPERF_IN, MLPERF_OUT, 3913,
          MLPERF_V41 + ": 8x H200-SXM-141GB Offline 31,302.7 tokens/s"),
    Point("M-H200-srv", "H200", "llama-3.3-70b", "fp8", 6.1, MLPERF_IN, MLPERF_OUT, 3654,
          MLPERF_V41 + ": Server 29,228.2 tokens/s"),
    Point("M-B200-off", "B200", "llama-3.3-70b", "fp4", None, MLPERF_IN, MLPERF_OUT, 12691,
          MLPERF_V51 + ": 8x B200 Llama 2 70B NVFP4 Offline 101,527 tokens/s"),
    Point("M-B200-srv", "B200", "llama-3.3-70b", "fp4", 6.7, MLPERF_IN, MLPERF_OUT, 12390,
          MLPERF_V51 + ": Server 99,123 tokens/s"),
    Point("M-B200-int", "B200", "llama-3.3-70b", "fp4", 27.7, MLPERF_IN, MLPERF_OUT, 7443,
          MLPERF_V51 + ": Interactive (40 ms TPOT; 27.7 tokens/s per user measured) 59,545 tokens/s"),
    Point("M-GB200-off", "GB200", "llama-3.3-70b", "fp4", None, MLPERF_IN, MLPERF_OUT, 12934,
          MLPERF_V51 + ": GB200 NVL72, 4 GPUs, Llama 2 70B Offline 51,736.9 tokens/s"),
    Point("M-GB200-int", "GB200", "llama-3.3-70b", "fp4", 27.7, MLPERF_IN, MLPERF_OUT, 7436,
          MLPERF_V51 + ": Interactive 29,745.6 tokens/s"),
    Point("M-MI300X-off", "MI300X", "llama-3.3-70b", "fp8", None, MLPERF_IN, MLPERF_OUT, 3475,
          MLPERF_V51 + ": AMD 8x MI300X Llama 2 70B Offline 27,803.9 tokens/s"),
    Point("M-MI355X-off", "MI355X", "llama-3.3-70b", "fp4", None, MLPERF_IN, MLPERF_OUT, 11631,
          MLPERF_V51 + ", open division: AMD 8x MI355X FP4 Offline 93,045.8 tokens/s"),
    Point("X-B200-8k-23", "B200", "deepseek-r1", "fp8", 23, 8192, 1024, 5857 / 9,
          INFX + ": DeepSeek-R1 FP8 8k/1k, B200 5,857 tokens/s/GPU at 23 tokens/s/user"),
    Point("X-B200-8k-42", "B200", "deepseek-r1", "fp8", 42, 8192, 1024, 5220 / 9,
          INFX + ": B200 5,220 at 42 tokens/s/user"),
    Point("X-GB200-8k-75", "GB200", "deepseek-r1", "fp8", 75, 8192, 1024, 5790 / 9,
          INFX + ": GB200 NVL72 5,790 at 75 tokens/s/user"),
    Point("X-B200-1k-42", "B200", "deepseek-r1", "fp8", 42, 1024, 1024, 4792 / 2,
          INFX + ": DeepSeek-R1 FP8 1k/1k, B200 4,792 at 42 tokens/s/user"),
    Point("X-H100-1k-42", "H100", "deepseek-r1", "fp8", 42, 1024, 1024, 266 / 2,
          INFX + ": DeepSeek-R1 FP8 1k/1k, H100 266 at 42 tokens/s/user (16 GPUs over two servers)"),
)

# Published points the roofline does not meet within ±25%, listed with the reason (docs/model.md).
REFERENCE_ONLY = (
    Point("X-B200-8k-75", "B200", "deepseek-r1", "fp8", 75, 8192, 1024, 2558 / 9,
          INFX + ": B200 2,558 at 75 tokens/s/user (the edge of what 8 GPUs can do; the roofline's cliff is "
                 "steeper)"),
    Point("X-MI355X-1k-66", "MI355X", "deepseek-r1", "fp4", 66, 1024, 1024, 1848 / 2,
          INFX + ": MI355X FP4 1,848 at 66 tokens/s/user (AMD's DeepSeek software lagged its hardware)"),
    Point("X-MI300X-8k-23", "MI300X", "deepseek-r1", "fp8", 23, 8192, 1024, 725 / 9,
          INFX + ": MI300X 725 at 23 tokens/s/user (as above)"),
    Point("M-DSR1-B200-srv", "B200", "deepseek-r1", "fp4", 12.5, 1000, 3500, 2324,
          MLPERF_V51 + ": 8x B200 DeepSeek-R1 Server 18,592 tokens/s (first-round software; 2.7x more by v6.0)"),
)


def model_tokens_per_second(point: Point) -> float:
    """The roofline's output tokens/s per accelerator under the point's conditions."""
    base = Scenario(chip_mix={point.chip: 1.0}, serving_model=point.model, token_precision=point.precision,
                    context_tokens=point.input_tokens, output_tokens_per_request=point.output_tokens,
                    tokens_per_second_per_user=point.tokens_per_user or 50.0)
    projection = evaluate(base)
    index = projection.catalog.index(point.chip)
    if point.tokens_per_user is not None:
        return float(projection.tokens_per_second_by_chip[0, index])
    grid = np.geomspace(1.0, 200.0, 160)[None, None, :]  # offline: the best interactivity
    return float(projection.serving_tokens_per_second(grid)[0, index].max())
