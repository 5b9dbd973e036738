"""Presentation mode's slides: the scenario on screen, the files opened this session, the presets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.catalog import Catalog
from explorer.errors import ExplorerError
from explorer.presets import list_presets
from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario


@dataclass(frozen=True)
class Slide:
    title: str
    scenario: Scenario


def collect_slides(title: str, current: Scenario, current_path: Path | None, session_files: list[Path],
                   catalog: Catalog) -> list[Slide]:
    """The scenario on screen first, then the files opened in this session (a file moved or broken
    since is skipped), then every preset."""
    slides = [Slide(title, current)]
    for path in session_files:
        if current_path is not None and path == current_path:
            continue
        try:
            slides.append(Slide(path.name, load_scenario(path, catalog)))
        except ExplorerError:
            continue
    for preset in list_presets():
        try:
            slides.append(Slide(preset.key, preset.load(catalog)))
        except ExplorerError:
            continue
    return slides


class Presentation:
    """The slides and the one shown; changes are measured against the first slide."""

    def __init__(self, slides: list[Slide]):
        if not slides:
            raise ValueError("a presentation needs a slide")
        self.slides = slides
        self.index = 0

    @property
    def origin(self) -> Scenario:
        return self.slides[0].scenario

    @property
    def slide(self) -> Slide:
        return self.slides[self.index]

    @property
    def shown(self) -> Scenario | None:
        """The slide's scenario, or None on the first slide (the document itself is shown)."""
        return None if self.index == 0 else self.slide.scenario

    def step(self, delta: int) -> Slide:
        self.index = (self.index + delta) % len(self.slides)
        return self.slide

    @property
    def counter(self) -> str:
        return f"‹ {self.index + 1} / {len(self.slides)} ›"
