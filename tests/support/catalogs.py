"""A user's chip catalog file for tests (one extra chip, valid in every column that is required)."""

from __future__ import annotations

from pathlib import Path

HEADER = "id,name,bf16_tflops,tdp_w,system_w_per_accel,rent_usd_per_gpu_hour,purchase_usd\n"


def user_catalog(folder: Path, chip: str = "X9", name: str = "chips.csv") -> Path:
    path = Path(folder) / name
    path.write_text(HEADER + f"{chip},Example {chip},3000,900,1200,2.0,30000\n", encoding="utf-8")
    return path
