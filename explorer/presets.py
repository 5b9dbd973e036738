"""The scenarios shipped in ``assets/presets/``, their groups, and resolving "a file or a preset name".

``assets/presets/index.json`` lists the presets in menu order by group ("Announced deals",
"What-ifs"); a preset file that the index does not name is listed under "Other" (a test keeps the
index complete).
"""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ScenarioError
from .files import shown_path
from .i18n import QT_TR_NOOP, tr
from .paths import presets_dir
from .scenario import Scenario
from .scenario_file import load_scenario

DEFAULT_PRESET = "openai-aws-deal"
OTHER_GROUP = QT_TR_NOOP("Other")  # (shown through tr, like the index's group names)


@dataclass(frozen=True)
class Preset:
    key: str  # the file name without .json; what the command line accepts
    path: Path
    group: str = OTHER_GROUP

    def load(self, catalog=None) -> Scenario:
        """The preset, named and described in the language shown (see ``localized``)."""
        return localized(load_scenario(self.path, catalog))

    @property
    def title(self) -> str:
        return _title(self.path)


def localized(scenario: Scenario) -> Scenario:
    """A shipped scenario (a preset, the default) with its name and description in the current
    language, where they are shipped strings with a translation; anything else as it is."""
    name, description = tr(scenario.name), tr(scenario.description) if scenario.description else ""
    if name == scenario.name and description == scenario.description:
        return scenario
    return scenario.replace(name=name[:200], description=description)


@lru_cache(maxsize=64)
def _title(path: Path) -> str:
    try:
        return load_scenario(path).name
    except ScenarioError:
        return path.stem


def _index() -> list[tuple[str, list[str]]]:
    path = presets_dir() / "index.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [(str(g["name"]), [str(k) for k in g["presets"]]) for g in data["groups"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def list_presets() -> list[Preset]:
    """Shipped presets in menu order: by the index's groups (the announced deal first), then any
    preset the index does not name, by key."""
    files = {p.stem: p for p in sorted(presets_dir().glob("*.json")) if p.name != "index.json"}
    out: list[Preset] = []
    for group, keys in _index():
        out += [Preset(k, files.pop(k), group) for k in keys if k in files]
    out += [Preset(k, path) for k, path in sorted(files.items())]
    return out


def preset_groups() -> list[tuple[str, list[Preset]]]:
    groups: dict[str, list[Preset]] = {}
    for preset in list_presets():
        groups.setdefault(preset.group, []).append(preset)
    return list(groups.items())


def find_preset(key: str) -> Preset | None:
    return next((p for p in list_presets() if p.key == key), None)


def load_preset(key: str, catalog=None) -> Scenario:
    """A shipped preset by key; a ScenarioError names an unknown key and lists the known ones."""
    preset = find_preset(key)
    if preset is None:
        raise ScenarioError(tr("no preset '{key}'; presets: {presets}").format(
            key=key, presets=", ".join(p.key for p in list_presets())))
    return preset.load(catalog)


def resolve_scenario(file_or_preset: str, catalog=None) -> Scenario:
    """Load a scenario file, or a shipped preset by name when no such file exists."""
    if file_or_preset.strip() in ("", "-"):
        raise ScenarioError(tr("'{name}' is not a scenario: give a scenario file (.json) or a preset name "
                               "(reading from standard input is not supported)").format(name=file_or_preset))
    path = Path(file_or_preset)
    try:
        there = path.exists() or os.path.lexists(path)  # (a broken or looping link: say so when read)
    except OSError as exc:  # e.g. a name too long for the file system
        raise ScenarioError(f"{shown_path(path)}: {exc.strerror or exc}") from None
    if there:
        return load_scenario(path, catalog)
    preset = find_preset(file_or_preset) or find_preset(path.stem if path.suffix == ".json" else "")
    if preset is not None and (preset.key == file_or_preset or path.parent == Path(".")):
        return preset.load(catalog)
    keys = [p.key for p in list_presets()]
    near = difflib.get_close_matches(file_or_preset, keys, n=1, cutoff=0.5) if len(file_or_preset) < 100 else []
    hint = tr(" Did you mean the preset '{name}'?").format(name=near[0]) if near else ""
    raise ScenarioError(tr("{name}: no such file or preset.{hint} Presets: {presets}").format(
        name=shown_path(file_or_preset), hint=hint, presets=", ".join(keys)))
