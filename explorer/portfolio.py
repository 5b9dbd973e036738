"""Portfolios: several deals added into one fleet, with yearly commitments and concentration.

A portfolio file is small readable JSON (docs/portfolio.md)::

    {"schema_version": 1, "name": "...", "notes": "...", "sources": ["..."],
     "members": [{"label": "AWS", "provider": "AWS", "enabled": true, "preset": "openai-aws-deal"},
                 {"label": "Mine", "provider": "own build", "file": "mine.json"},
                 {"label": "Inline", "provider": "other", "scenario": {"schema_version": 3, ...}}]}

Each member is exactly one of a shipped preset (``preset``), a scenario file (``file``, relative to
the portfolio file; never a portfolio: portfolios do not nest, so no chain can come back) or an
embedded scenario object in the scenario file format (``scenario``). Loading is as careful as a
scenario file's: every message names the file, the member and the key.

Evaluation (:func:`evaluate_portfolio`) evaluates each enabled member with explorer.model.evaluate,
puts the members on one calendar month axis (they start in different months) and stacks their
monthly series as (members × months) arrays; the totals are their sums. A :class:`PortfolioCache`
keeps each member's evaluation by scenario and catalog, so when one member changes (a slider moves)
only that member is evaluated again.

Concentration is measured on the **total cost** over the members' terms (what is committed): the
largest provider's share, the Herfindahl–Hirschman index over providers, and the shares of the chip
families (NVIDIA, custom silicon, other merchant). The chip families are also given by accelerators
installed in the month the portfolio's accelerators peak.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import json
import os
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from .catalog import Catalog, Chip, builtin_catalog
from .errors import ExplorerError, ScenarioError, bad_character, clip
from .fields import show, type_name
from .files import atomic_write_text, read_text, shown_path
from .i18n import QT_TR_NOOP, tr
from .model import Projection, evaluate
from .months import fiscal_year, month_index, month_text
from .paths import portfolios_dir
from .presets import find_preset, list_presets
from .scenario import Scenario
from .scenario_file import FILE_KEYS as SCENARIO_FILE_KEYS
from .scenario_file import _no_duplicate_keys, _reject_constant, checked_version, scenario_from_dict

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000  # a portfolio of embedded scenarios is a few kB each
MAX_MEMBERS = 100
TEXT_LIMITS = {"name": 200, "notes": 20000, "label": 100, "source": 2000}
MAX_SOURCES = 200
FILE_KEYS = ("schema_version", "name", "notes", "sources", "members")
MEMBER_KEYS = ("label", "provider", "enabled", "preset", "file", "scenario")
SOURCE_KINDS = ("preset", "file", "scenario")  # where a member's scenario comes from (one per member)
DEFAULT_NAME = QT_TR_NOOP("Untitled portfolio")

# The providers a member may name: the file's value -> the label shown. Company names are never
# translated (docs/i18n.md); the two generic entries are.
PROVIDERS: Mapping[str, str] = {
    "AWS": "AWS", "Microsoft": "Microsoft", "Oracle": "Oracle", "CoreWeave": "CoreWeave", "Google": "Google",
    "NVIDIA": "NVIDIA", "AMD": "AMD", "Broadcom": "Broadcom",
    "own build": QT_TR_NOOP("Own build"), "other": QT_TR_NOOP("Other"),
}


def provider_label(provider: str) -> str:
    """The provider as the interface shows it ('Own build', '自社構築')."""
    return tr(PROVIDERS.get(provider, provider))


# Chip families, from the catalog's vendor column: NVIDIA's own accelerators; custom silicon (chips
# designed by or for their buyer: AWS Trainium and Inferentia, Google TPU, the Broadcom-class XPU);
# other merchant chips, sold to all comers (AMD's MI-series, and any other vendor a user catalog adds).
CHIP_FAMILIES = ("nvidia", "custom_silicon", "other_merchant")
CHIP_FAMILY_LABELS: Mapping[str, str] = {
    "nvidia": "NVIDIA", "custom_silicon": QT_TR_NOOP("Custom silicon"), "other_merchant": QT_TR_NOOP("Other merchant"),
}
CUSTOM_SILICON_VENDORS = frozenset({"aws", "amazon", "google", "broadcom", "microsoft", "meta", "openai", "marvell"})


def chip_family(chip: Chip) -> str:
    """'nvidia', 'custom_silicon' or 'other_merchant' for a catalog chip (by its vendor)."""
    vendor = chip.vendor.strip().lower()
    if vendor == "nvidia":
        return "nvidia"
    if vendor in CUSTOM_SILICON_VENDORS or chip.id == "XPU":
        return "custom_silicon"
    return "other_merchant"


def _family_matrix(catalog: Catalog) -> np.ndarray:
    """(C, 3): one-hot chip family of each catalog chip."""
    out = np.zeros((len(catalog), len(CHIP_FAMILIES)))
    for i, chip in enumerate(catalog.chips):
        out[i, CHIP_FAMILIES.index(chip_family(chip))] = 1.0
    return out


# ------------------------------------------------------------------------------------------ values
@dataclass(frozen=True)
class Member:
    """One deal of a portfolio. ``source_kind`` says where its scenario came from: 'preset'
    (``reference`` is the preset id), 'file' (``reference`` is the path as the portfolio file writes
    it, relative to the portfolio's folder) or 'scenario' (embedded; ``reference`` is '')."""

    label: str
    provider: str
    enabled: bool = True
    source_kind: str = "scenario"
    reference: str = ""
    scenario: Scenario = field(default_factory=Scenario)

    __hash__ = None  # type: ignore[assignment]  # holds a Scenario; compare with ==

    def __post_init__(self):
        _check_text("label", self.label)
        if not self.label.strip():
            raise ScenarioError(tr("'label' is empty: give the member a name"))
        if not isinstance(self.provider, str) or self.provider not in PROVIDERS:
            raise ScenarioError(_unknown_provider(self.provider))
        if not isinstance(self.enabled, bool):
            raise ScenarioError(tr("'enabled' must be true or false, got {value}").format(value=show(self.enabled)))
        if self.source_kind not in SOURCE_KINDS:
            raise ScenarioError(tr("a member's source is one of {kinds}, got {value}").format(
                kinds=", ".join(SOURCE_KINDS), value=show(self.source_kind)))
        if not isinstance(self.reference, str) or (self.source_kind != "scenario" and not self.reference.strip()):
            raise ScenarioError(tr("'{key}' is empty: name the member's {key}").format(key=self.source_kind))
        if not isinstance(self.scenario, Scenario):
            raise ScenarioError(tr("a member holds a scenario, got {type}").format(type=type_name(self.scenario)))

    def replace(self, **changes) -> "Member":
        return dataclasses.replace(self, **changes)

    def with_scenario(self, scenario: Scenario) -> "Member":
        """This member with another scenario. A changed scenario no longer is the preset or file it
        came from, so it becomes embedded (saved inside the portfolio file); the same one keeps its
        source."""
        if scenario == self.scenario:
            return self if scenario is self.scenario else dataclasses.replace(self, scenario=scenario)
        return dataclasses.replace(self, scenario=scenario, source_kind="scenario", reference="")


@dataclass(frozen=True)
class Portfolio:
    """A named list of members. Immutable: every change returns a new Portfolio (the window's undo
    keeps them). ``folder`` is where 'file' members' paths are relative to (not part of the value)."""

    name: str = DEFAULT_NAME
    notes: str = ""
    sources: tuple[str, ...] = ()
    members: tuple[Member, ...] = ()
    folder: Path | None = field(default=None, compare=False, repr=False)

    __hash__ = None  # type: ignore[assignment]

    def __post_init__(self):
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "members", tuple(self.members))
        _check_text("name", self.name)
        _check_text("notes", self.notes, multiline=True)
        for text in self.sources:
            _check_text("source", text, multiline=True)
        seen: set[str] = set()
        for member in self.members:
            if not isinstance(member, Member):
                raise ScenarioError(tr("a portfolio's members are Member values, got {type}").format(
                    type=type_name(member)))
            if member.label in seen:
                raise ScenarioError(tr("two members are labelled '{label}': labels must be unique").format(
                    label=clip(member.label)))
            seen.add(member.label)

    # ---------------------------------------------------------------- reading
    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(m.label for m in self.members)

    @property
    def enabled_members(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.enabled)

    def member(self, label: str) -> Member:
        for m in self.members:
            if m.label == label:
                return m
        raise KeyError(label)

    def _index(self, label: str) -> int:
        for i, m in enumerate(self.members):
            if m.label == label:
                return i
        raise KeyError(label)

    # ---------------------------------------------------------------- changes (new values)
    def replace(self, **changes) -> "Portfolio":
        return dataclasses.replace(self, **changes)

    def with_member(self, label: str, member: Member) -> "Portfolio":
        """The member labelled ``label`` replaced by ``member`` (which may carry a new label)."""
        members = list(self.members)
        members[self._index(label)] = member
        if isinstance(member, Member) and member.label == label:
            # Same labels, same texts: nothing to check again (a slider step on a member comes here
            # once per step, and the checks of every text took a millisecond of it).
            changed = copy.copy(self)
            object.__setattr__(changed, "members", tuple(members))
            return changed
        return dataclasses.replace(self, members=tuple(members))

    def toggled(self, label: str, enabled: bool | None = None) -> "Portfolio":
        """The member switched on or off (``enabled`` None: the other way from now)."""
        m = self.member(label)
        return self.with_member(label, m.replace(enabled=not m.enabled if enabled is None else bool(enabled)))

    def with_scenario(self, label: str, scenario: Scenario) -> "Portfolio":
        """The member's scenario replaced (see Member.with_scenario)."""
        return self.with_member(label, self.member(label).with_scenario(scenario))

    def added(self, member: Member, index: int | None = None) -> "Portfolio":
        members = list(self.members)
        members.insert(len(members) if index is None else index, member)
        return dataclasses.replace(self, members=tuple(members))

    def removed(self, label: str) -> "Portfolio":
        i = self._index(label)
        return dataclasses.replace(self, members=self.members[:i] + self.members[i + 1:])

    def relocated(self, folder: str | os.PathLike) -> "Portfolio":
        """The same portfolio saved in ``folder``: 'file' members' paths rewritten to point at the
        same files from there."""
        folder = Path(folder)
        members = []
        for m in self.members:
            if m.source_kind == "file":
                target = _resolve(self.folder, m.reference)
                m = m.replace(reference=_relative(target, folder))
            members.append(m)
        return dataclasses.replace(self, members=tuple(members), folder=folder)


def _resolve(folder: Path | None, reference: str) -> Path:
    path = Path(reference)
    return path if path.is_absolute() or folder is None else folder / path


def _relative(target: Path, folder: Path) -> str:
    try:
        text = os.path.relpath(os.path.abspath(target), os.path.abspath(folder))
    except ValueError:  # another drive (Windows): keep the whole path
        text = os.path.abspath(target)
    return text.replace(os.sep, "/")


def _check_text(key: str, value, multiline: bool = False) -> None:
    if not isinstance(value, str):
        raise ScenarioError(tr("'{key}' must be text, got {type}").format(key=key, type=type_name(value)))
    limit = TEXT_LIMITS[key]
    if len(value) > limit:
        raise ScenarioError(tr("'{key}' is too long ({count} characters; at most {limit})").format(
            key=key, count=f"{len(value):,}", limit=f"{limit:,}"))
    problem = bad_character(value, multiline=multiline)
    if problem:
        raise ScenarioError(tr("'{key}' holds {problem}; remove it").format(key=key, problem=problem))


def _unknown_provider(value) -> str:
    near = difflib.get_close_matches(str(value).lower(), [p.lower() for p in PROVIDERS], n=1, cutoff=0.5) \
        if isinstance(value, str) and len(value) < 100 else []
    hint = ""
    if near:
        hint = tr(" Did you mean '{name}'?").format(name=next(p for p in PROVIDERS if p.lower() == near[0]))
    return tr("'provider' = {value} is not a known provider.{hint} Providers: {providers}").format(
        value=show(value), hint=hint, providers=", ".join(PROVIDERS))


# ------------------------------------------------------------------------------------------- files
def _member_problem(label, problem) -> ScenarioError:
    """'member 'AWS': PROBLEM' (or 'member 3: …' before the label is known)."""
    if isinstance(label, int):
        return ScenarioError(tr("member {number}: {problem}").format(number=label, problem=problem))
    return ScenarioError(tr("member '{label}': {problem}").format(label=clip(label), problem=problem))


def _parse_json(text: str, what: str):
    """JSON text as Python values, with the scenario file's rules (no NaN, no duplicate keys)."""
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise ScenarioError(tr("not valid JSON: {problem} (line {line}, column {column})").format(
            problem=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise ScenarioError(tr("not a {what}: nested too deeply").format(what=tr(what))) from None
    except ValueError as exc:
        raise ScenarioError(tr("not a valid {what}: {problem}").format(what=tr(what), problem=exc)) from None


def _unknown_key(key: str, known: Sequence[str]) -> str:
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.4) if len(key) < 100 else []
    hint = tr(" Did you mean '{name}'?").format(name=near[0]) if near else ""
    return tr("unknown key '{key}'.{hint} Valid keys: {keys}").format(key=clip(key), hint=hint, keys=", ".join(known))


def _same_file(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _refers_back(path: Path, target: Path, seen: set[Path], depth: int = 0) -> bool:
    """Whether the portfolio file ``path`` reaches ``target`` through its 'file' members."""
    if depth > 16:
        return False
    try:
        key = path.resolve()
    except OSError:
        return False
    if key in seen:
        return False
    seen.add(key)
    try:
        data = _parse_json(read_text(path, QT_TR_NOOP("portfolio file"), MAX_FILE_BYTES, ScenarioError,
                                     QT_TR_NOOP("UTF-8 JSON")), QT_TR_NOOP("portfolio file"))
    except ScenarioError:
        return False
    members = data.get("members") if isinstance(data, dict) else None
    for member in members if isinstance(members, list) else []:
        ref = member.get("file") if isinstance(member, dict) else None
        if isinstance(ref, str) and ref.strip():
            sub = _resolve(path.parent, ref)
            if _same_file(sub, target) or (_is_portfolio_data_at(sub) and _refers_back(sub, target, seen, depth + 1)):
                return True
    return False


def _is_portfolio_data(data) -> bool:
    return isinstance(data, dict) and "members" in data


def _is_portfolio_data_at(path: Path) -> bool:
    try:
        return _is_portfolio_data(_parse_json(read_text(path, QT_TR_NOOP("portfolio file"), MAX_FILE_BYTES,
                                                        ScenarioError, QT_TR_NOOP("UTF-8 JSON")),
                                              QT_TR_NOOP("portfolio file")))
    except ScenarioError:
        return False


def _load_member_file(reference: str, folder: Path | None, own_path: Path | None, catalog,
                      notices: list | None) -> Scenario:
    path = _resolve(folder, reference)
    if own_path is not None and _same_file(path, own_path):
        raise ScenarioError(tr("'file' = {value} is this portfolio itself: a portfolio cannot be its own "
                               "member (a cycle)").format(value=show(reference)))
    try:
        there = path.exists() or os.path.lexists(path)
    except OSError:
        there = True  # (read_text says what is wrong)
    if not there:
        raise ScenarioError(tr("'file' = {value}: no such scenario file (looked for {path})").format(
            value=show(reference), path=shown_path(path)))
    text = read_text(path, QT_TR_NOOP("scenario file"), MAX_FILE_BYTES, ScenarioError, QT_TR_NOOP("UTF-8 JSON"))
    try:
        data = _parse_json(text, QT_TR_NOOP("scenario file"))
    except ScenarioError as exc:
        raise ScenarioError(f"{path.name}: {exc}") from None
    if _is_portfolio_data(data):
        if own_path is not None and _refers_back(path, own_path, set()):
            raise ScenarioError(tr("'file' = {value} is a portfolio that refers back to this one (a cycle): "
                                   "a member must be a scenario").format(value=show(reference)))
        raise ScenarioError(tr("'file' = {value} is a portfolio, not a scenario: portfolios do not nest "
                               "(a member must be a scenario file)").format(value=show(reference)))
    try:
        return scenario_from_dict(data, catalog, notices)
    except ScenarioError as exc:
        raise ScenarioError(f"{path.name}: {exc}") from None


def _member_from_dict(number: int, data, seen: set[str], folder: Path | None, own_path: Path | None,
                      catalog, notices: list | None) -> Member:
    if not isinstance(data, dict):
        raise _member_problem(number, tr("a member is a JSON object, got {type}").format(type=type_name(data)))
    label = data.get("label")
    if "label" not in data:
        raise _member_problem(number, tr("'label' is missing: give each member a unique label"))
    if not isinstance(label, str):
        raise _member_problem(number, tr("'label' must be text, got {type}").format(type=type_name(label)))
    try:
        _check_text("label", label)
    except ScenarioError as exc:
        raise _member_problem(number, str(exc)) from None
    if not label.strip():
        raise _member_problem(number, tr("'label' is empty: give the member a name"))
    if label in seen:
        raise _member_problem(label, tr("the label appears twice: labels must be unique"))
    try:
        for key in data:
            if key not in MEMBER_KEYS:
                raise ScenarioError(_unknown_key(key, MEMBER_KEYS))
        if "provider" not in data:
            raise ScenarioError(tr("'provider' is missing (one of {providers})").format(providers=", ".join(PROVIDERS)))
        provider = data["provider"]
        if not isinstance(provider, str) or provider not in PROVIDERS:
            raise ScenarioError(_unknown_provider(provider))
        enabled = data.get("enabled", True)
        if not isinstance(enabled, bool):
            raise ScenarioError(tr("'enabled' must be true or false, got {value}").format(value=show(enabled)))
        given = [k for k in SOURCE_KINDS if k in data]
        if len(given) != 1:
            problem = tr("give exactly one of 'preset', 'file' or 'scenario', got {given}").format(
                given=", ".join(f"'{k}'" for k in given)) if given else \
                tr("give one of 'preset' (a shipped preset), 'file' (a scenario file) or 'scenario' (an embedded "
                   "scenario)")
            raise ScenarioError(problem)
        kind = given[0]
        value = data[kind]
        if kind == "preset":
            if not isinstance(value, str):
                raise ScenarioError(tr("'preset' must be a preset name, got {type}").format(type=type_name(value)))
            preset = find_preset(value)
            if preset is None:
                keys = [p.key for p in list_presets()]
                near = difflib.get_close_matches(value, keys, n=1, cutoff=0.5) if len(value) < 100 else []
                hint = tr(" Did you mean '{name}'?").format(name=near[0]) if near else ""
                raise ScenarioError(tr("'preset' = {value} is not a shipped preset.{hint} Presets: {presets}").format(
                    value=show(value), hint=hint, presets=", ".join(keys)))
            scenario, reference = preset.load(catalog), value
        elif kind == "file":
            if not isinstance(value, str) or not value.strip():
                raise ScenarioError(tr("'file' must be the path of a scenario file, got {value}").format(
                    value=show(value)))
            scenario, reference = _load_member_file(value, folder, own_path, catalog, notices), value
        else:
            if not isinstance(value, dict):
                raise ScenarioError(tr("'scenario' must be a scenario object (the scenario file format), got "
                                       "{type}").format(type=type_name(value)))
            try:
                scenario = scenario_from_dict(value, catalog, notices)
            except ScenarioError as exc:
                raise ScenarioError(tr("'scenario': {problem}").format(problem=exc)) from None
            reference = ""
        return Member(label, provider, enabled, kind, reference, scenario)
    except ExplorerError as exc:
        raise _member_problem(label, str(exc)) from None


def portfolio_from_dict(data, folder: str | os.PathLike | None = None, catalog=None,
                        notices: list | None = None, own_path: str | os.PathLike | None = None) -> Portfolio:
    """A Portfolio from the parsed file form; a ScenarioError names the member and the key.
    ``folder``: where 'file' members are relative to; ``own_path``: the portfolio file itself (to
    refuse a member that is it); ``catalog``: chips are checked against it when given."""
    folder = Path(folder) if folder is not None else None
    own = Path(own_path) if own_path is not None else None
    if not isinstance(data, dict):
        raise ScenarioError(tr("a portfolio file holds one JSON object, got {type}").format(type=type_name(data)))
    scenario_keys = [k for k in data if k in SCENARIO_FILE_KEYS and k not in FILE_KEYS]
    if "members" not in data and scenario_keys:
        raise ScenarioError(tr("not a portfolio file: it has no 'members' and looks like a scenario file (it has "
                               "'{key}')").format(key=scenario_keys[0]))
    if "schema_version" not in data:
        raise ScenarioError(tr("not a portfolio file: 'schema_version' is missing (add \"schema_version\": "
                               "{version})").format(version=SCHEMA_VERSION))
    checked_version(data["schema_version"], SCHEMA_VERSION)
    for key in data:
        if key not in FILE_KEYS:
            raise ScenarioError(_unknown_key(key, FILE_KEYS))
    if "members" not in data:
        raise ScenarioError(tr("not a portfolio file: 'members' is missing (a list of members)"))
    name = data.get("name", DEFAULT_NAME if own is None else own.stem)
    notes = data.get("notes", "")
    for key, value in (("name", name), ("notes", notes)):
        if not isinstance(value, str):
            raise ScenarioError(tr("'{key}' must be text, got {type}").format(key=key, type=type_name(value)))
        _check_text(key, value, multiline=key == "notes")
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise ScenarioError(tr("'sources' must be a list of texts, got {value}").format(
            value=type_name(sources) if not isinstance(sources, list) else
            type_name(next(s for s in sources if not isinstance(s, str)))))
    if len(sources) > MAX_SOURCES:
        raise ScenarioError(tr("'sources' lists {count} entries; at most {limit}").format(
            count=f"{len(sources):,}", limit=MAX_SOURCES))
    for text in sources:
        _check_text("source", text, multiline=True)
    members = data["members"]
    if not isinstance(members, list):
        raise ScenarioError(tr("'members' must be a list of members, got {type}").format(type=type_name(members)))
    if not members:
        raise ScenarioError(tr("'members' is empty: list at least one member"))
    if len(members) > MAX_MEMBERS:
        raise ScenarioError(tr("'members' lists {count} members; at most {limit}").format(
            count=f"{len(members):,}", limit=MAX_MEMBERS))
    out: list[Member] = []
    seen: set[str] = set()
    for number, item in enumerate(members, start=1):
        found: list[str] = []
        member = _member_from_dict(number, item, seen, folder, own, catalog, found)
        if notices is not None:
            notices += [tr("Member '{label}': {notice}").format(label=member.label, notice=n) for n in found]
        seen.add(member.label)
        out.append(member)
    return Portfolio(name=name, notes=notes, sources=tuple(sources), members=tuple(out), folder=folder)


def portfolio_from_json(text: str, folder: str | os.PathLike | None = None, catalog=None,
                        notices: list | None = None, own_path: str | os.PathLike | None = None) -> Portfolio:
    return portfolio_from_dict(_parse_json(text, QT_TR_NOOP("portfolio file")), folder, catalog, notices, own_path)


def load_portfolio(path: str | os.PathLike, catalog=None, notices: list | None = None) -> Portfolio:
    """Read a portfolio file; every message starts with the file's name, then the member and the key
    ('openai.json: member 'AWS': 'provider' = 'Amazon' is not a known provider…')."""
    path = Path(path)
    text = read_text(path, QT_TR_NOOP("portfolio file"), MAX_FILE_BYTES, ScenarioError, QT_TR_NOOP("UTF-8 JSON"))
    try:
        return portfolio_from_json(text, path.parent, catalog, notices, own_path=path)
    except ScenarioError as exc:
        raise ScenarioError(f"{path.name}: {exc}") from None


def is_portfolio_file(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a readable JSON file with a 'members' list (a portfolio, not a scenario):
    how the window and the command line tell the two apart."""
    return _is_portfolio_data_at(Path(path))


def portfolio_to_dict(portfolio: Portfolio) -> dict:
    out: dict = {"schema_version": SCHEMA_VERSION, "name": portfolio.name, "notes": portfolio.notes,
                 "sources": list(portfolio.sources), "members": []}
    for m in portfolio.members:
        item: dict = {"label": m.label, "provider": m.provider, "enabled": m.enabled}
        if m.source_kind == "scenario":
            item["scenario"] = m.scenario.to_dict()
        else:
            item[m.source_kind] = m.reference
        out["members"].append(item)
    return out


# [low, high] pairs of an embedded scenario's ranges on one line (numbers or months only)
_PAIR_RE = re.compile(r"\[\n\s+(-?[\d.eE+-]+|\"\d{4}-\d{2}\"),\n\s+(-?[\d.eE+-]+|\"\d{4}-\d{2}\")\n\s+\]")


def portfolio_to_json(portfolio: Portfolio) -> str:
    text = json.dumps(portfolio_to_dict(portfolio), indent=2, ensure_ascii=False, allow_nan=False)
    return _PAIR_RE.sub(r"[\1, \2]", text) + "\n"


def save_portfolio(portfolio: Portfolio, path: str | os.PathLike) -> Portfolio:
    """Write the portfolio atomically (nothing is lost on a failure). 'file' members' paths are
    rewritten relative to the new file's folder; the portfolio as saved is returned."""
    path = Path(path)
    saved = portfolio.relocated(path.parent if str(path.parent) else Path("."))
    atomic_write_text(path, portfolio_to_json(saved))
    return saved


# ------------------------------------------------------------------------------------ shipped ones
@dataclass(frozen=True)
class ShippedPortfolio:
    key: str  # the file name without .json; what the command line accepts
    path: Path

    def load(self, catalog=None) -> Portfolio:
        return load_portfolio(self.path, catalog)

    @property
    def title(self) -> str:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return str(data.get("name") or self.key)
        except (OSError, ValueError, AttributeError):
            return self.key


def list_portfolios() -> list[ShippedPortfolio]:
    """The portfolios shipped in assets/portfolios/, by key."""
    folder = portfolios_dir()
    return [ShippedPortfolio(p.stem, p) for p in sorted(folder.glob("*.json"))] if folder.is_dir() else []


def find_portfolio(key: str) -> ShippedPortfolio | None:
    return next((p for p in list_portfolios() if p.key == key), None)


def names_portfolio(file_or_id: str) -> bool:
    """Whether a command's FILE (a scenario or a portfolio) means a portfolio. An existing file is a
    portfolio when it holds a 'members' list (``is_portfolio_file``), else a scenario. A name that is
    no file is a scenario preset's id first and a shipped portfolio's second: presets came first, so a
    name keeps what it meant (tests/explorer/test_portfolio.py checks that no shipped name is both)."""
    path = Path(file_or_id)
    try:
        there = path.exists() or os.path.lexists(path)
    except OSError:
        return False  # (the scenario loader says what is wrong with the name)
    if there:
        return is_portfolio_file(path)
    bare = path.stem if path.suffix == ".json" and path.parent == Path(".") else None
    if find_preset(file_or_id) is not None or (bare and find_preset(bare) is not None):
        return False
    return find_portfolio(file_or_id) is not None or bool(bare and find_portfolio(bare) is not None)


def resolve_portfolio(file_or_id: str, catalog=None, notices: list | None = None) -> Portfolio:
    """Load a portfolio file, or a shipped portfolio by key when no such file exists."""
    if file_or_id.strip() in ("", "-"):
        raise ScenarioError(tr("'{name}' is not a portfolio: give a portfolio file (.json) or a shipped "
                               "portfolio's name").format(name=file_or_id))
    path = Path(file_or_id)
    try:
        there = path.exists() or os.path.lexists(path)
    except OSError as exc:
        raise ScenarioError(f"{shown_path(path)}: {exc.strerror or exc}") from None
    if there:
        return load_portfolio(path, catalog, notices)
    shipped = _shipped_by_name(file_or_id)
    if shipped is not None:
        return load_portfolio(shipped.path, catalog, notices)
    keys = [p.key for p in list_portfolios()]
    near = difflib.get_close_matches(file_or_id, keys, n=1, cutoff=0.5) if len(file_or_id) < 100 else []
    hint = tr(" Did you mean '{name}'?").format(name=near[0]) if near else ""
    raise ScenarioError(tr("{name}: no such portfolio file or shipped portfolio.{hint} Shipped portfolios: "
                           "{portfolios}").format(name=shown_path(file_or_id), hint=hint,
                                                  portfolios=", ".join(keys) or "–"))


def _shipped_by_name(name: str) -> ShippedPortfolio | None:
    """The shipped portfolio a name that is no file means: its key, or 'KEY.json' (no folder)."""
    path = Path(name)
    return find_portfolio(name) or (find_portfolio(path.stem) if path.suffix == ".json" and path.parent == Path(".")
                                    else None)


def resolve_scenario_or_portfolio(name: str, catalog=None) -> Scenario | Portfolio:
    """What ``render``, ``report``, ``export`` and ``slides`` take as FILE: a scenario or a portfolio
    (``names_portfolio`` tells which). In this order:

    1. an existing file: a portfolio when it holds a 'members' list (is_portfolio_file), else a scenario;
    2. a shipped preset's name: that scenario (a name that is both a preset and a shipped portfolio
       means the preset, as it always has; give the portfolio's path for the portfolio);
    3. a shipped portfolio's name (``openai-2025``): that portfolio.

    Anything else is a ScenarioError that lists the presets and the shipped portfolios."""
    from .presets import resolve_scenario

    if name.strip() in ("", "-"):
        return resolve_scenario(name, catalog)  # (its message: reading standard input is not supported)
    if names_portfolio(name):  # (the one rule, shared with render and report)
        return resolve_portfolio(name, catalog)
    path = Path(name)
    try:
        there = path.exists() or os.path.lexists(path)
    except OSError as exc:
        raise ScenarioError(f"{shown_path(path)}: {exc.strerror or exc}") from None
    preset = find_preset(name) or find_preset(path.stem if path.suffix == ".json" else "")
    if there or (preset is not None and (preset.key == name or path.parent == Path("."))):
        return resolve_scenario(name, catalog)
    presets = [p.key for p in list_presets()]
    portfolios = [p.key for p in list_portfolios()]
    near = difflib.get_close_matches(name, presets + portfolios, n=1, cutoff=0.5) if len(name) < 100 else []
    hint = ""
    if near:
        hint = (tr(" Did you mean the preset '{name}'?") if near[0] in presets else
                tr(" Did you mean the portfolio '{name}'?")).format(name=near[0])
    raise ScenarioError(tr("{name}: no such file, preset or shipped portfolio.{hint} Presets: {presets}; shipped "
                           "portfolios: {portfolios}").format(name=shown_path(name), hint=hint,
                                                              presets=", ".join(presets),
                                                              portfolios=", ".join(portfolios) or "–"))


# -------------------------------------------------------------------------------------- evaluation
_NOT_MODEL = frozenset({"name", "description", "notes", "ranges", "locked_chips", "uncertainty_samples",
                        "uncertainty_seed"})  # fields explorer.model.evaluate does not read


def _frozen(value):
    if value is None or type(value) in (int, float, str, bool):  # most fields (an ABC check costs a microsecond)
        return value
    if isinstance(value, Mapping):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


def scenario_key(scenario: Scenario) -> tuple:
    """A hashable key of everything in ``scenario`` that the model reads (its name, notes and
    ranges left out: renaming a member does not evaluate it again)."""
    return tuple(_frozen(getattr(scenario, f.name)) for f in dataclasses.fields(Scenario) if f.name not in _NOT_MODEL)


SERIES = ("gpus", "facility_mw", "facility_avg_mw", "cost", "cost_cumulative")
# which whole-term chip-family weights split each series by family
_FAMILY_BASIS = {"gpus": "gpus", "facility_mw": "power", "facility_avg_mw": "power", "cost": "cost",
                 "cost_cumulative": "cost"}


@dataclass(frozen=True, eq=False)
class MemberResult:
    """One member's evaluation (a scenario on a catalog), as the portfolio uses it: its monthly series
    over its own term (T_m,), its whole-term figures and its chip-family weights (3,)."""

    projection: Projection
    start_index: int  # the first month, as explorer.months.month_index
    term_months: int
    gpus: np.ndarray
    facility_mw: np.ndarray
    facility_avg_mw: np.ndarray
    cost: np.ndarray
    cost_total_usd: float
    contract_value_usd: float
    gpus_peak: float
    facility_power_peak_mw: float
    family_weights: Mapping[str, np.ndarray]  # 'gpus', 'power', 'cost' -> (3,) shares summing to 1

    @classmethod
    def of(cls, projection: Projection) -> "MemberResult":
        p = projection
        k = p.kpis
        families = _family_matrix(p.catalog)  # (C, 3)
        count = p.gpus_full_by_chip[0]  # (C,)
        count_share = count / count.sum() if count.sum() > 0 else np.full(count.shape, 1.0 / count.size)
        accel_w = p._accel_w_by_chip[0]  # provisioned IT power of each chip's fleet
        it_w = float(p._it_mw_full[0]) * 1e6
        power = accel_w + max(it_w - float(accel_w.sum()), 0.0) * count_share  # agent CPUs split by count
        cost = p.cost_by_chip[0]
        weights = {}
        for name, per_chip in (("gpus", count_share), ("power", power), ("cost", cost)):
            by_family = per_chip @ families
            total = by_family.sum()
            by_family = by_family / total if total > 0 else count_share @ families
            by_family.setflags(write=False)
            weights[name] = by_family
        series = {}
        for name, values in (("gpus", p.gpus), ("facility_mw", p.facility_mw), ("facility_avg_mw", p.facility_avg_mw),
                             ("cost", p.cost_total)):
            row = np.array(values[0], dtype=float)
            row.setflags(write=False)
            series[name] = row
        return cls(projection=p, start_index=month_index(p.params.start), term_months=int(p.params.term_months),
                   cost_total_usd=float(k["cost_total_usd"][0]), contract_value_usd=float(k["contract_value_usd"][0]),
                   gpus_peak=float(k["gpus_peak"][0]), facility_power_peak_mw=float(k["facility_power_peak_mw"][0]),
                   family_weights=weights, **series)

    @property
    def start(self) -> str:
        return month_text(self.start_index)


class PortfolioCache:
    """Members' evaluations by (scenario, catalog): evaluating a portfolio again after one member
    changed evaluates only that member. Keeps the ``limit`` most recently used; ``evaluations``
    counts the model runs (for tests and benchmarks)."""

    def __init__(self, limit: int = 64):
        self.limit = max(int(limit), 1)
        self._entries: OrderedDict = OrderedDict()
        self._keys: OrderedDict = OrderedDict()  # id(scenario) -> (scenario, scenario_key(scenario))
        self.evaluations = 0

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()
        self._keys.clear()

    def _model_key(self, scenario: Scenario) -> tuple:
        # A scenario is immutable: its key is computed once per scenario object (the object kept with
        # its key, so its id is not reused while remembered); a portfolio evaluated again after one
        # member changed hashes only that member's scenario.
        known = self._keys.get(id(scenario))
        if known is not None and known[0] is scenario:
            return known[1]
        model_key = scenario_key(scenario)
        self._keys[id(scenario)] = (scenario, model_key)
        while len(self._keys) > 4 * self.limit:
            self._keys.popitem(last=False)
        return model_key

    def member(self, scenario: Scenario, catalog: Catalog) -> MemberResult:
        key = (self._model_key(scenario), id(catalog))
        entry = self._entries.get(key)
        if entry is not None and entry[0] is catalog:
            self._entries.move_to_end(key)
            return entry[1]
        result = MemberResult.of(evaluate(scenario, catalog))
        self.evaluations += 1
        self._put(key, catalog, result)
        return result

    def remember(self, scenario: Scenario, catalog: Catalog, projection: Projection) -> None:
        """Keep ``projection``, an evaluation of ``scenario`` on ``catalog`` made elsewhere (the main
        window evaluates the member being edited on every slider step), as that member's result: the
        portfolio's next evaluation does not evaluate it again."""
        if projection.params.size != 1:
            raise ValueError("remember() takes the projection of one scenario, not of a batch")
        key = (self._model_key(scenario), id(catalog))
        if key not in self._entries:
            self._put(key, catalog, MemberResult.of(projection))

    def _put(self, key: tuple, catalog: Catalog, result: MemberResult) -> None:
        self._entries[key] = (catalog, result)  # (the catalog kept: its id is not reused while cached)
        while len(self._entries) > self.limit:
            self._entries.popitem(last=False)


# The figures, each with its label and a one-line explanation (the window's KPI cards, the table).
@dataclass(frozen=True)
class Figure:
    label: str
    explanation: str


FIGURES: Mapping[str, Figure] = {
    "facility_power_peak_mw": Figure(
        QT_TR_NOOP("Provisioned power at the peak"),
        QT_TR_NOOP("The members' provisioned facility power added month by month: the highest month of the sum.")),
    "gpus_peak": Figure(
        QT_TR_NOOP("Accelerators at the peak"),
        QT_TR_NOOP("Accelerators installed across the members in the month their sum is highest.")),
    "cost_total_usd": Figure(
        QT_TR_NOOP("Total commitments"),
        QT_TR_NOOP("The members' modelled cost over their whole terms, added: what the portfolio commits to.")),
    "contract_value_usd": Figure(
        QT_TR_NOOP("Contract values"),
        QT_TR_NOOP("The announced contract values added, for the members that have one.")),
    "peak_year_cost_usd": Figure(
        QT_TR_NOOP("Spend in the peak year"),
        QT_TR_NOOP("The members' cost per month summed by calendar year: the highest year.")),
    "largest_provider_share": Figure(
        QT_TR_NOOP("Share of the largest provider"),
        QT_TR_NOOP("The provider with the most of the total cost, and its share of it.")),
    "hhi": Figure(
        QT_TR_NOOP("Herfindahl–Hirschman index (HHI)"),
        QT_TR_NOOP("The providers' shares of total cost in percent, squared and added: 10,000 is a single "
                   "provider; above 1,800 US merger guidelines call a market highly concentrated.")),
    "nvidia_share": Figure(
        QT_TR_NOOP("NVIDIA chips"),
        QT_TR_NOOP("Share of total cost spent on NVIDIA accelerators, whoever provides them.")),
    "custom_silicon_share": Figure(
        QT_TR_NOOP("Custom silicon"),
        QT_TR_NOOP("Share of total cost on accelerators designed for their buyer: Trainium, Inferentia, TPU, "
                   "Broadcom-class XPUs.")),
    "other_merchant_share": Figure(
        QT_TR_NOOP("Other merchant chips"),
        QT_TR_NOOP("Share of total cost on accelerators sold to all comers other than NVIDIA's: AMD's MI-series.")),
}


class PortfolioProjection:
    """The enabled members of a portfolio evaluated on one calendar month axis. Read-only.

    ``months`` (T,) runs from the earliest member's first month to the latest member's last; each
    series is a (M, T) array over the M enabled members, 0 outside a member's term (its cumulative
    cost stays at its total after its term). ``total(name)`` is a series summed over the members."""

    def __init__(self, members: Sequence[Member], results: Sequence[MemberResult]):
        self.members = tuple(members)
        self.results = tuple(results)
        self.labels = tuple(m.label for m in self.members)
        self.providers = tuple(m.provider for m in self.members)
        n = len(self.results)
        starts = np.array([r.start_index for r in self.results], dtype=int)
        terms = np.array([r.term_months for r in self.results], dtype=int)
        self.first_index = int(starts.min()) if n else 0
        length = int((starts + terms).max() - self.first_index) if n else 0
        self.month_indices = self.first_index + np.arange(length)
        self.months = (np.datetime64(month_text(self.first_index), "M") + np.arange(length)) if n else \
            np.array([], dtype="datetime64[M]")
        # Every member's months laid into one (M, T) array by fancy indexing: no loop over months.
        rows = np.repeat(np.arange(n), terms)
        cols = (np.repeat(starts - self.first_index, terms)
                + np.arange(int(terms.sum())) - np.repeat(np.cumsum(terms) - terms, terms)) if n else rows
        self._series: dict[str, np.ndarray] = {}
        for name in ("gpus", "facility_mw", "facility_avg_mw", "cost"):
            stack = np.zeros((n, length))
            if n:
                stack[rows, cols] = np.concatenate([getattr(r, name) for r in self.results])
            stack.setflags(write=False)
            self._series[name] = stack
        cumulative = np.cumsum(self._series["cost"], axis=1)
        cumulative.setflags(write=False)
        self._series["cost_cumulative"] = cumulative
        self.active = np.zeros((n, length), dtype=bool)
        if n:
            self.active[rows, cols] = True
        self.active.setflags(write=False)
        self.cost_total_usd = np.array([r.cost_total_usd for r in self.results], dtype=float)  # (M,)
        self.contract_value_usd = np.array([r.contract_value_usd for r in self.results], dtype=float)
        self.family_weights = {basis: np.array([r.family_weights[basis] for r in self.results]).reshape(n, 3)
                               for basis in ("gpus", "power", "cost")}  # (M, 3)

    @property
    def size(self) -> int:
        return len(self.results)

    # ---------------------------------------------------------------- series
    def series(self, name: str) -> np.ndarray:
        """(M, T) of one of SERIES: 'gpus' (installed accelerators), 'facility_mw' (provisioned facility
        power), 'facility_avg_mw' (average facility power), 'cost' (USD per month), 'cost_cumulative'."""
        return self._series[name]

    def total(self, name: str) -> np.ndarray:
        """(T,): the series summed over the members."""
        return self._series[name].sum(axis=0)

    def grouped(self, name: str, by: str = "member") -> tuple[tuple[str, ...], np.ndarray]:
        """A series stacked by 'member', 'provider' (in first-appearance order) or 'family' (the chip
        families of CHIP_FAMILIES; each member split by its whole-term shares: accelerators, provisioned
        power or cost, as the series is): (keys, (G, T))."""
        values = self._series[name]
        if by == "member":
            return self.labels, values
        if by == "provider":
            keys = tuple(dict.fromkeys(self.providers))
            onehot = np.array([[p == k for k in keys] for p in self.providers], dtype=float).reshape(self.size,
                                                                                                     len(keys))
            return keys, onehot.T @ values
        if by == "family":
            return CHIP_FAMILIES, self.family_weights[_FAMILY_BASIS[name]].T @ values
        raise ValueError(f"group by 'member', 'provider' or 'family', not {by!r}")

    def by_year(self, values: np.ndarray, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """A (M, T) or (T,) monthly series summed by calendar year (or Japanese fiscal year, April to
        March, with ``fiscal``): years (Y,) and sums (M, Y) or (Y,)."""
        years = fiscal_year(self.month_indices) if fiscal else self.month_indices // 12
        if years.size == 0:
            return years.astype(int), np.zeros(values.shape[:-1] + (0,))
        starts = np.flatnonzero(np.r_[True, years[1:] != years[:-1]])
        return years[starts].astype(int), np.add.reduceat(values, starts, axis=-1)

    def yearly_commitments(self, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """USD per year by member: years (Y,) and (M, Y), each member's cost per month summed by year."""
        return self.by_year(self._series["cost"], fiscal)

    # ---------------------------------------------------------------- figures
    def _peak(self, name: str) -> tuple[float, str | None]:
        total = self.total(name)
        if total.size == 0:
            return 0.0, None
        i = int(np.argmax(total))
        return float(total[i]), month_text(int(self.month_indices[i]))

    @property
    def totals(self) -> dict:
        """The portfolio's figures as plain JSON-ready values (stable English keys)."""
        power, power_month = self._peak("facility_mw")
        gpus, gpus_month = self._peak("gpus")
        years, yearly = self.yearly_commitments()
        yearly_total = yearly.sum(axis=0)
        peak_year = int(years[int(np.argmax(yearly_total))]) if years.size else None
        contracted = self.contract_value_usd > 0
        return {
            "members_enabled": self.size,
            "first_month": month_text(self.first_index) if self.size else None,
            "last_month": month_text(int(self.month_indices[-1])) if self.size else None,
            "facility_power_peak_mw": power,
            "facility_power_peak_month": power_month,
            "gpus_peak": gpus,
            "gpus_peak_month": gpus_month,
            "cost_total_usd": float(self.cost_total_usd.sum()),
            "contract_value_usd": float(self.contract_value_usd[contracted].sum()),
            "contract_members": int(contracted.sum()),
            "cost_total_of_contracted_usd": float(self.cost_total_usd[contracted].sum()),
            "peak_year": peak_year,
            "peak_year_cost_usd": float(yearly_total.max()) if years.size else 0.0,
        }

    @property
    def concentration(self) -> dict:
        """Shares of total cost: by provider (the largest, and the HHI on a 0–10,000 scale), and by chip
        family; the families also by accelerators installed in the month the portfolio's accelerators
        peak. Shares are None when nothing costs anything."""
        total = float(self.cost_total_usd.sum())
        keys = tuple(dict.fromkeys(self.providers))
        providers = np.array(self.providers, dtype=object)
        by_provider = np.array([self.cost_total_usd[providers == k].sum() for k in keys])
        out: dict = {"basis": "cost_total_usd"}
        if total > 0 and keys:
            shares = by_provider / total
            top = int(np.argmax(shares))
            out.update(largest_provider=keys[top], largest_provider_share=float(shares[top]),
                       hhi=float(np.sum((shares * 100.0) ** 2)),
                       provider_shares={k: float(s) for k, s in zip(keys, shares)})
            family = (self.cost_total_usd @ self.family_weights["cost"]) / total
        else:
            out.update(largest_provider=None, largest_provider_share=None, hhi=None, provider_shares={})
            family = [None] * 3
        for name, share in zip(CHIP_FAMILIES, family):
            out[f"{name}_share"] = None if share is None else float(share)
        gpus = self.total("gpus")
        by_accel: dict = {}
        if gpus.size and gpus.max() > 0:
            at = int(np.argmax(gpus))
            installed = self._series["gpus"][:, at] @ self.family_weights["gpus"]
            installed = installed / installed.sum()
            by_accel = {f"{name}_share": float(s) for name, s in zip(CHIP_FAMILIES, installed)}
            by_accel["month"] = month_text(int(self.month_indices[at]))
        else:
            by_accel = {f"{name}_share": None for name in CHIP_FAMILIES} | {"month": None}
        out["by_accelerators"] = by_accel
        return out


def evaluate_portfolio(portfolio: Portfolio, catalog: Catalog | None = None,
                       cache: PortfolioCache | None = None) -> PortfolioProjection:
    """Evaluate the enabled members (each through ``cache``: only a member whose scenario is new is
    evaluated) and put them on one month axis. A member's error names it."""
    catalog = catalog or builtin_catalog()
    cache = cache if cache is not None else PortfolioCache()
    members = portfolio.enabled_members
    return PortfolioProjection(members, [member_result(m, catalog, cache) for m in members])


def member_result(member: Member, catalog: Catalog, cache: PortfolioCache) -> MemberResult:
    """One member's evaluation (through ``cache``), switched off or on; its error names the member."""
    try:
        return cache.member(member.scenario, catalog)
    except ExplorerError as exc:
        raise _member_problem(member.label, str(exc)) from None


def portfolio_summary(portfolio: Portfolio, catalog: Catalog | None = None, cache: PortfolioCache | None = None,
                      projection: PortfolioProjection | None = None) -> dict:
    """Everything the command line's ``portfolio --json`` prints, JSON-ready, stable English keys:
    name, notes, sources, members (each with its own figures, switched-off ones too), totals,
    yearly_commitments_usd {year: {label: usd}} and yearly_total_usd, concentration."""
    catalog = catalog or builtin_catalog()
    cache = cache if cache is not None else PortfolioCache()
    projection = projection or evaluate_portfolio(portfolio, catalog, cache)
    members = []
    for m in portfolio.members:
        r = member_result(m, catalog, cache)
        members.append({
            "label": m.label, "provider": m.provider, "enabled": m.enabled, "source": m.source_kind,
            "reference": m.reference or None, "total_cost_usd": r.cost_total_usd,
            "contract_value_usd": r.contract_value_usd if r.contract_value_usd > 0 else None,
            "gpus_peak": r.gpus_peak, "facility_power_peak_mw": r.facility_power_peak_mw,
            "start": r.start, "term_months": r.term_months,
            "chip_mix": dict(m.scenario.chip_mix),
        })
    years, yearly = projection.yearly_commitments()
    return {
        "name": portfolio.name,
        "notes": portfolio.notes,
        "sources": list(portfolio.sources),
        "members": members,
        "totals": projection.totals,
        "yearly_commitments_usd": {str(int(y)): {label: float(v) for label, v in zip(projection.labels, yearly[:, j])}
                                   for j, y in enumerate(years)},
        "yearly_total_usd": {str(int(y)): float(v) for y, v in zip(years, yearly.sum(axis=0))},
        "concentration": projection.concentration,
    }
