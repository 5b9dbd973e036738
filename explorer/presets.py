"""The scenarios shipped in ``assets/presets/``, and resolving "a file or a preset name"."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .errors import ScenarioError
from .paths import presets_dir
from .scenario import Scenario, load_scenario

DEFAULT_PRESET = "openai-aws-deal"


@dataclass(frozen=True)
class Preset:
    key: str  # the file name without .json; what the command line accepts
    path: Path

    def load(self, catalog=None) -> Scenario:
        return load_scenario(self.path, catalog)


def list_presets() -> list[Preset]:
    """Shipped presets, the announced deal first, then by name."""
    found = [Preset(p.stem, p) for p in sorted(presets_dir().glob("*.json"))]
    return sorted(found, key=lambda p: (p.key != DEFAULT_PRESET, p.key))


def find_preset(key: str) -> Preset | None:
    return next((p for p in list_presets() if p.key == key), None)


def resolve_scenario(file_or_preset: str, catalog=None) -> Scenario:
    """Load a scenario file, or a shipped preset by name when no such file exists."""
    path = Path(file_or_preset)
    if path.exists():
        return load_scenario(path, catalog)
    preset = find_preset(file_or_preset) or find_preset(path.stem if path.suffix == ".json" else "")
    if preset is not None and (preset.key == file_or_preset or path.parent == Path(".")):
        return preset.load(catalog)
    keys = [p.key for p in list_presets()]
    near = difflib.get_close_matches(file_or_preset, keys, n=1, cutoff=0.5)
    hint = f" Did you mean the preset '{near[0]}'?" if near else ""
    raise ScenarioError(f"{file_or_preset}: no such file or preset.{hint} Presets: {', '.join(keys)}")
