"""Presentation mode: full screen, large type, high contrast; the arrow keys step through the slides
(the scenario on screen, the files opened this session, the presets). The window changes its chrome
when told by the ``started`` and ``ended`` signals."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from explorer.catalog import Catalog

from ..document import ScenarioDocument
from ..state.presentation import Presentation, Slide, collect_slides
from .display import Display


class PresentationController(QObject):
    started = Signal()
    ended = Signal()
    slideShown = Signal(object, str)  # Slide, its counter ('‹ 2 / 13 ›')

    def __init__(self, display: Display, document: ScenarioDocument, catalog: Callable[[], Catalog],
                 session_files: Callable[[], list[Path]], parent=None):
        super().__init__(parent)
        self.display, self.document = display, document
        self._catalog, self._session_files = catalog, session_files
        self.presentation: Presentation | None = None

    @property
    def active(self) -> bool:
        return self.presentation is not None

    def slides(self) -> list[Slide]:
        return collect_slides(self.document.display_name, self.document.scenario, self.document.path,
                              self._session_files(), self._catalog())

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        self.presentation = Presentation(self.slides())
        self.started.emit()  # the window goes full screen first: the charts are laid out for it
        self._show()

    def step(self, delta: int) -> None:
        if self.active:
            self.presentation.step(delta)
            self._show()

    def leave(self) -> None:
        if not self.active:
            return
        self.presentation = None
        self.ended.emit()
        self.display.set_presentation(None)

    def _show(self) -> None:
        self.display.set_presentation(self.presentation)
        self.slideShown.emit(self.presentation.slide, self.presentation.counter)
