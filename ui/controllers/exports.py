"""Exports: chart pictures (the dialog, copy to the clipboard), the one-page report, the slides (an
editable PowerPoint deck), and the monthly data as CSV or Excel. Each export draws what the window
shows (the display's snapshot: the shown scenario with its bands, tornado and compared scenarios); a
failure is shown and nothing else changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from explorer.errors import ExplorerError
from explorer.files import slug
from explorer.i18n import tr

from ..document import ScenarioDocument
from .display import Display
from .folders import Folders
from .status import Status


class ExportsController(QObject):
    def __init__(self, display: Display, document: ScenarioDocument, dialogs, status: Status,
                 chart_titles: dict[str, str], folders: Folders, parent=None):
        super().__init__(parent)
        self.display, self.document, self.dialogs, self.status = display, document, dialogs, status
        self.chart_titles, self.folders = chart_titles, folders

    def _stem(self) -> str:
        """The file's stem, else the shown scenario's name (a presentation's slide)."""
        return self.document.path.stem if self.document.path else slug(self.display.shown_scenario().name)

    def export_chart_dialog(self, name: str | None = None) -> bool:
        request = self.dialogs.export_request(self.chart_titles, name or "all", self.folders.get("export"), self._stem())
        if request is None:
            return False
        self.folders.remember("export", request.path)
        return self.export_charts(request)

    def export_charts(self, request) -> bool:
        """Write the chart(s) of an ExportRequest."""
        from ..render.images import export_all, export_chart

        inp = self.display.snapshot()
        try:
            if inp is None:
                raise ExplorerError(tr("the scenario could not be evaluated"))
            if request.chart == "all":
                written = export_all(request.path, inp, request.options, request.fmt, stem=self._stem())
            else:
                written = [export_chart(request.path, request.chart, inp, request.options)]
        except ExplorerError as exc:
            self.dialogs.error(tr("Export failed"), str(exc))
            self.status.show(tr("Not exported: {problem}").format(problem=exc), error=True)
            return False
        self.status.show(tr("Wrote {count} charts to {folder}").format(count=len(written), folder=written[0].parent)
                         if len(written) > 1 else tr("Wrote {file}").format(file=written[0]))
        return True

    def copy_chart(self, name: str) -> None:
        from ..render.images import ImageOptions, copy_to_clipboard

        inp = self.display.snapshot()
        if inp is None:
            return
        copy_to_clipboard(name, inp, ImageOptions(width=1920, height=1080))
        self.status.show(tr("Copied the {chart} chart (1920 × 1080) to the clipboard")
                         .format(chart=_in_sentence(tr(self.chart_titles[name]))))

    def export_report_dialog(self) -> bool:
        path = self.dialogs.save_path(tr("Export one-page report"),
                                      str(self.folders.get("report") / f"{self._stem()}-report.pdf"),
                                      tr("PDF files (*.pdf)"))
        if not path:
            return False
        self.folders.remember("report", path)
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.export_report(Path(path))

    def export_report(self, path: Path) -> bool:
        from ..render.report import write_report

        inp = self.display.snapshot()
        try:
            if inp is None:
                raise ExplorerError(tr("the scenario could not be evaluated"))
            write_report(path, inp)
        except ExplorerError as exc:
            self.dialogs.error(tr("Report failed"), str(exc))
            self.status.show(tr("No report written: {problem}").format(problem=exc), error=True)
            return False
        self.status.show(tr("Wrote {file}").format(file=path))
        return True

    def export_slides_dialog(self) -> bool:
        path = self.dialogs.save_path(tr("Export slides (PowerPoint)"),
                                      str(self.folders.get("slides") / f"{self._stem()}-slides.pptx"),
                                      tr("PowerPoint presentations (*.pptx)"))
        if not path:
            return False
        self.folders.remember("slides", path)
        if not path.lower().endswith(".pptx"):
            path += ".pptx"
        return self.export_slides(Path(path))

    def export_slides(self, path: Path, plain: bool = False) -> bool:
        """The deck of what the window shows (``plain``: the charts in the deck theme's colours)."""
        from ..render.slides import write_slides

        inp = self.display.snapshot()
        try:
            if inp is None:
                raise ExplorerError(tr("the scenario could not be evaluated"))
            write_slides(path, inp, plain=plain)
        except ExplorerError as exc:
            self.dialogs.error(tr("Slides failed"), str(exc))
            self.status.show(tr("No slides written: {problem}").format(problem=exc), error=True)
            return False
        self.status.show(tr("Wrote {file}").format(file=path))
        return True

    def export_data(self, kind: str) -> bool:
        """The monthly projection of the document's scenario as CSV (two files) or an Excel workbook."""
        from explorer.model import evaluate
        from explorer.tables import write_csv, write_xlsx

        filters = tr("CSV files (*.csv)") if kind == "csv" else tr("Excel workbooks (*.xlsx)")
        path = self.dialogs.save_path(tr("Export monthly projection"),
                                      str(self.folders.get("data") / f"{self.document.stem}.{kind}"), filters)
        if not path:
            return False
        self.folders.remember("data", path)
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            self.display.flush()  # the analyses of what is shown, complete
            scenario = self.display.named(self.document.scenario)
            projection = evaluate(self.document.scenario, self.display.catalog)
            if kind == "csv":
                written = write_csv(projection, scenario, path)
            else:
                analyses = self.display.analyses
                bands = analyses.bands if analyses.belongs_to(self.document.scenario) else None
                compared = []
                for label, other in self.display.comparison.entries:
                    try:
                        compared.append((label, self.display.comparison.projection(other, self.display.catalog)))
                    except ExplorerError:
                        continue
                written = write_xlsx(projection, scenario, path, bands=bands, compared=compared,
                                     fiscal_years=self.display.view.fiscal_years)  # (the Yearly sheet)
        except ExplorerError as exc:
            self.dialogs.error(tr("Export failed"), str(exc))
            self.status.show(tr("Not exported: {problem}").format(problem=exc), error=True)
            return False
        self.status.show(tr("Wrote {file}").format(file=tr(", ", "list separator").join(p.name for p in written)))
        return True


def _in_sentence(title: str) -> str:
    """A chart's title inside a sentence: 'Capacity by chip' -> 'capacity by chip' (an acronym, and a
    script without cases, stay as written)."""
    return title if title[:2].isupper() else title[:1].lower() + title[1:]
