"""Editing a chip mix so that shares always sum to 1 (pure functions; the window's chip sliders use them)."""

from __future__ import annotations

from typing import Iterable, Mapping

from .i18n import tr


def set_share(mix: Mapping[str, float], chip: str, share: float, locked: Iterable[str] = ()) -> dict[str, float]:
    """Set one chip's share and rescale the unlocked others in proportion, keeping the sum at 1.

    The share is clamped to what the locked chips leave. If every other unlocked chip is at 0, the
    remainder is split equally among them; with no unlocked other chip, the share cannot move.
    """
    mix = dict(mix)
    if chip not in mix:
        raise KeyError(chip)
    locked = {c for c in locked if c in mix and c != chip}
    free = [c for c in mix if c != chip and c not in locked]
    locked_sum = sum(mix[c] for c in locked)
    if not free:
        return _normalised(mix)
    share = min(max(float(share), 0.0), max(1.0 - locked_sum, 0.0))
    rest = max(1.0 - locked_sum - share, 0.0)
    free_sum = sum(mix[c] for c in free)
    for c in free:
        mix[c] = rest * (mix[c] / free_sum if free_sum > 0 else 1.0 / len(free))
    mix[chip] = share
    return _normalised(mix)


def add_chip(mix: Mapping[str, float], chip: str) -> dict[str, float]:
    """Add a chip with an equal share (1 / n), scaling the others down in proportion."""
    if chip in mix:
        return dict(mix)
    n = len(mix) + 1
    out = {c: s * (n - 1) / n for c, s in mix.items()}
    out[chip] = 1.0 / n
    return _normalised(out)


def remove_chip(mix: Mapping[str, float], chip: str) -> dict[str, float]:
    """Remove a chip; the others keep their proportions. The last chip cannot be removed."""
    out = {c: s for c, s in mix.items() if c != chip}
    if not out:
        raise ValueError(tr("a chip mix needs at least one chip"))
    if sum(out.values()) <= 0:
        out = {c: 1.0 for c in out}
    return _normalised(out)


def _normalised(mix: dict[str, float]) -> dict[str, float]:
    total = sum(mix.values())
    return {c: s / total + 0.0 for c, s in mix.items()} if total > 0 else mix  # (+ 0.0: never -0.0)
