"""Starting the window: the QApplication, settings, the first scenario, and error reporting."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")  # superqt/qtpy: use the one binding we ship
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import SIGNAL, QEvent, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from explorer import __version__  # noqa: E402
from explorer.catalog import builtin_catalog, load_catalog  # noqa: E402
from explorer.errors import ExplorerError  # noqa: E402
from explorer.i18n import tr  # noqa: E402
from explorer.paths import assets_dir  # noqa: E402
from explorer import formatting as fmt  # noqa: E402
from explorer.presets import localized, resolve_scenario  # noqa: E402
from explorer.scenario import Scenario  # noqa: E402
from explorer.scenario_file import load_scenario, scenario_from_json  # noqa: E402

from .band_worker import shared_band_worker  # noqa: E402
from .main_window import APP_NAME, MainWindow  # noqa: E402
from .language import chosen_language, currency_from_settings, install_language  # noqa: E402
from .settings import Settings  # noqa: E402

log = logging.getLogger("scenario_explorer")
LOG_NAME = "compute-scenario-explorer.log"


def log_dir() -> Path:
    """The platform's usual place for an app's logs: ~/Library/Logs/<app> on macOS,
    %LOCALAPPDATA%/<app>/logs on Windows, $XDG_STATE_HOME/<app> (~/.local/state) on Linux."""
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / APP_NAME
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_NAME / "logs"
    return Path(os.environ.get("XDG_STATE_HOME") or home / ".local" / "state") / "compute-scenario-explorer"


def setup_logging() -> Path | None:
    """Warnings and errors go to a log file (a windowed app has no console to print them on); also
    to stderr when there is one. Returns the log file, or None if it cannot be written."""
    root = logging.getLogger("scenario_explorer")
    if getattr(root, "_configured", False):
        return getattr(root, "_log_path", None)
    root.setLevel(logging.INFO)
    root._configured = True
    path = None
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        root.addHandler(handler)
    except OSError:
        path = None  # no writable log folder: keep going without a file
    if sys.stderr is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)
    root._log_path = path
    return path


class ExplorerApp(QApplication):
    """The application object. On macOS, a scenario file opened from the Finder (double-click, Open
    With, a drop on the Dock icon) arrives as a FileOpen event for the application, not as an
    argument: it is passed on as ``fileOpenRequested`` (kept in ``pending_files`` until the window
    connects, since the first one can come before the window exists)."""

    fileOpenRequested = Signal(str)

    def __init__(self, argv):
        super().__init__(argv)
        self.pending_files: list[str] = []

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.FileOpen and event.file():
            if self.receivers(SIGNAL("fileOpenRequested(QString)")) > 0:
                self.fileOpenRequested.emit(event.file())
            else:
                self.pending_files.append(event.file())
            return True
        return super().event(event)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or ExplorerApp(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("ComputeScenarioExplorer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("compute-scenario-explorer")
    icon = assets_dir() / "icons" / "app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def is_portfolio_arg(file_arg: str) -> bool:
    """A FILE argument that names a portfolio, by the command line's rule (names_portfolio: a
    portfolio file, or a shipped portfolio's name that is no preset's)."""
    from explorer.portfolio import names_portfolio

    return names_portfolio(file_arg)


def initial_document(settings: Settings, catalog, file_arg: str | None):
    """(scenario, path, modified_from, problem): what the window opens on.

    A FILE argument (a file or preset name) wins; otherwise the scenario open at the last exit; on a
    first run, the announced deal. A problem (a bad FILE) is reported once the window is up."""
    if file_arg:
        try:
            path = Path(file_arg)
            if path.exists():
                return load_scenario(path, catalog), path.resolve(), None, None
            return resolve_scenario(file_arg, catalog), None, None, None
        except ExplorerError as exc:
            return Scenario(), None, None, str(exc)
    last_path, last_json = settings.last_scenario()
    if not last_json:
        return Scenario(), None, None, None
    try:
        scenario = scenario_from_json(last_json, catalog)
    except ExplorerError:
        return Scenario(), None, None, None  # the remembered scenario no longer fits; start fresh
    if last_path and Path(last_path).exists():
        try:  # the file as it is now (it may have changed since: another instance, a sync)
            return load_scenario(last_path, catalog), Path(last_path), None, None
        except ExplorerError:
            pass
    return scenario, None, (None if scenario == Scenario() else Scenario()), None


def user_catalog(settings: Settings):
    """(catalog, problem): the remembered user catalog merged over the built-in one; a remembered
    catalog that is gone or cannot be read never stops the app from starting: the built-in catalog
    is used and ``problem`` says why (shown once the window is up)."""
    path = settings.user_catalog()
    if not path:
        return builtin_catalog(), ""
    try:
        return load_catalog(path), ""
    except ExplorerError as exc:
        problem = str(exc)
    except Exception as exc:  # noqa: BLE001  (whatever a damaged file does, the app starts)
        problem = f"{type(exc).__name__}: {exc}"
    log.warning("ignoring the remembered catalog %s: %s", path, problem)
    return builtin_catalog(), tr("The chip catalog used last time, {file}, could not be loaded ({problem}); the "
                                 "built-in catalog is in use.").format(file=Path(path).name, problem=problem)


def start_window(file_arg: str | None = None, settings: Settings | None = None, dialogs=None,
                 recovery_folder: Path | None = None) -> MainWindow:
    """The window as the app opens it (settings, catalog, first scenario), not yet shown. Problems
    on the way (a bad FILE, a remembered catalog that failed) are reported once it is up."""
    settings = settings or Settings()
    install_language(chosen_language(settings))  # the system's on the first start, then the one chosen
    fmt.set_currency(currency_from_settings(settings))
    catalog, catalog_problem = user_catalog(settings)
    portfolio_arg = file_arg if file_arg and is_portfolio_arg(file_arg) else None
    if portfolio_arg:  # the main window opens as it would with no argument, the portfolio beside it
        file_arg = None
    scenario, path, modified_from, problem = initial_document(settings, catalog, file_arg)
    if path is None and modified_from is None:
        scenario = localized(scenario)  # the announced deal, named in the language shown
    window = MainWindow(settings, catalog, dialogs=dialogs, scenario=scenario, path=path,
                        modified_from=modified_from, recovery_folder=recovery_folder)
    notes = [n for n in (settings.problem, catalog_problem) if n]
    if notes:
        QTimer.singleShot(0, lambda: window.status.show(" ".join(notes), error=True))
    if portfolio_arg:
        QTimer.singleShot(0, lambda: window.open_portfolio(portfolio_arg))
    if problem:
        QTimer.singleShot(0, lambda: window.dialogs.error(
            tr("Cannot open scenario"), tr("{problem}\n\nThe announced deal is open instead.").format(problem=problem)))
    return window


def offer_recovery(window: MainWindow, folder: Path | None = None) -> str:
    """After an abnormal exit: offer the unsaved work it left, newest first, until one is taken
    (recovered, or its saved file opened); each answer is carried out, nothing is dropped unasked.
    Returns the answer taken ('' when there was nothing to offer)."""
    from .controllers.recovery import orphans

    set_aside: list = []
    found = orphans(folder or window.recovery.folder, set_aside=set_aside)
    if set_aside:
        window.status.show(tr("A recovery file could not be read and was set aside: {file}").format(file=set_aside[0]),
                           error=True)
    taken = ""
    for item in found:
        if taken:
            item.release()  # offered at the next start
            continue
        answer = window.dialogs.ask_recover(item.question(), item.saved_files)
        if answer == "recover":
            if recover_into(window, item):
                taken = answer
        elif answer == "saved":
            if _open_saved(window, item):
                taken = answer
        elif answer == "discard":
            item.remove()
        else:
            _keep(window, item)
    return taken


def _names(item) -> str:
    return tr(", ", "list separator").join(item.names)


def _keep(window: MainWindow, item) -> None:
    item.release()
    window.status.show(tr("The unsaved changes to {name} are kept: you will be asked again at the next "
                          "start.").format(name=_names(item)))


def _open_saved(window: MainWindow, item) -> bool:
    """The answer 'open the saved file instead': the file of each changed part (the scenario's, the
    portfolio's). The unsaved changes go only when every one of them opened; else they are kept."""
    ok = True
    if item.scenario_part:
        ok = item.path is not None and item.path.exists() and window.files.open_path(item.path)
    if item.portfolio:
        path = item.portfolio_path
        ok = path is not None and path.exists() and window.open_portfolio(path) is not None and ok
    if not ok:
        _keep(window, item)
        return False
    item.remove()
    window.status.show(tr("Opened {name} as saved; the unsaved changes were discarded.").format(name=_names(item)))
    return True


def recover_into(window: MainWindow, item) -> bool:
    """Put a recovered working state into the window: its catalog, scenario and comparison, and its
    portfolio in the portfolio window. The catalog it was made with is loaded and checked first, and
    the portfolio read (with its members' files); if that fails the work is kept for later."""
    from explorer.scenario import check_chips

    from .portfolio.window import open_recovered, read_recovered

    portfolio = problem = None
    try:
        catalog = load_catalog(item.catalog) if item.catalog else builtin_catalog()
        for s in (item.scenario, item.baseline, *(s for _, s in item.comparison)):
            check_chips(s, catalog)
        if item.portfolio:
            try:
                portfolio = read_recovered(item.portfolio, catalog)
            except (ExplorerError, OSError) as exc:  # (the scenario's changes are recovered still)
                if not item.scenario_changed:
                    raise
                problem = exc
    except (ExplorerError, OSError) as exc:
        window.dialogs.error(tr("Cannot recover the unsaved changes"),
                             tr("{problem}\n\nThe changes are kept: they are offered again at the next start.")
                             .format(problem=exc))
        item.release()
        return False

    def load() -> None:
        # the file as saved, then the recovered changes as one undo step (Undo shows the saved values)
        doc = window.document
        doc.load(item.baseline, item.path)
        changed = item.scenario.changed_fields(item.baseline)
        try:
            doc.edit({name: getattr(item.scenario, name) for name in changed}, text=tr("Recover unsaved changes"))
        except ExplorerError:
            pass
        if doc.scenario != item.scenario:  # (cannot be one step: no undo, but the work itself)
            doc.load(item.scenario, item.path, modified_from=item.baseline)
        window.comparison_state.clear()
        for label, s in item.comparison:
            window.comparison_state.add(label, s)

    if item.catalog != window.catalogs.path or catalog is not window.catalog:
        window.catalogs.replace_with(catalog, item.catalog, load)
    else:
        load()
    window.display.refresh()
    if portfolio is not None and open_recovered(window, *portfolio) is None:
        # (a portfolio window open with unsaved changes of its own, kept when asked: the recovered
        # portfolio's changes wait in the old file)
        problem = ExplorerError(tr("the portfolio window open now keeps its own unsaved changes"))
    if not window.recovery.save_now():
        item.release()  # (ours could not be written: the old one stays, offered again next time)
    elif problem is not None:  # the scenario's changes are ours now; the portfolio's wait in the old file
        item.keep_portfolio_only()
    else:  # this window's own recovery file holds the work from now on
        item.remove()
    if problem is not None:
        if item.scenario_changed:
            text = tr("The changes to {name} are recovered, not those to the portfolio '{portfolio}': {problem}\n\n"
                      "The portfolio's changes are kept: they are offered again at the next start.")
        else:
            text = tr("The changes to the portfolio '{portfolio}' cannot be recovered: {problem}\n\nThey are kept: "
                      "they are offered again at the next start.")
        window.dialogs.error(tr("Cannot recover the unsaved changes"), text.format(
            name=item.display_name, portfolio=item.portfolio_name, problem=problem))
        if not item.scenario_changed:
            return False
    window.status.show(tr("Recovered the unsaved changes to {name}.").format(
        name=item.display_name if problem is not None else _names(item)))
    return True


def install_error_hook(window_getter) -> None:
    """Unexpected errors in a slot are logged and shown; the app keeps running."""

    def hook(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", text)  # to the log file, and to stderr when there is one
        path = getattr(logging.getLogger("scenario_explorer"), "_log_path", None)
        window = window_getter()
        if QApplication.instance() is not None:
            from .dialogs import plain_message

            text = (tr("Something went wrong: {error}\n\nYour scenario is unchanged. Details were written to "
                       "{file}.").format(error=value, file=path) if path else
                    tr("Something went wrong: {error}\n\nYour scenario is unchanged.").format(error=value))
            box = QMessageBox(QMessageBox.Icon.Critical, tr("Unexpected error"), plain_message(text),
                              QMessageBox.StandardButton.Ok, window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()

    sys.excepthook = hook


def run_gui(file_arg: str | None = None) -> int:
    setup_logging()
    current: list = [None]  # the window (a language switch replaces it)
    install_error_hook(lambda: current[0])  # errors while starting are reported too
    app = make_app()
    window = current[0] = start_window(file_arg)

    def replaced(new) -> None:
        current[0] = new
        new.replaced.connect(replaced)

    window.replaced.connect(replaced)
    window.show()
    QTimer.singleShot(0, lambda: offer_recovery(window))
    QTimer.singleShot(0, shared_band_worker().start)  # the bands' process starts after the first paint
    connect_file_open(app, lambda: current[0])
    if os.environ.get("SCENARIO_EXPLORER_STARTUP_PROBE"):
        _probe_first_paint(window, app)
    code = app.exec()
    dispose(current[0])
    return code


def connect_file_open(app, window) -> None:
    """Scenario files the system asks the app to open (macOS Finder) open in the window (``window``
    may be a function giving the current one); one that arrived before the window existed opens now."""
    if not isinstance(app, ExplorerApp):
        return
    get = window if callable(window) and not isinstance(window, MainWindow) else (lambda: window)
    app.fileOpenRequested.connect(lambda name: get().files.open_path(Path(name)))
    pending, app.pending_files = app.pending_files, []
    if pending:
        QTimer.singleShot(0, lambda: get().files.open_path(Path(pending[-1])))


def _probe_first_paint(window, app) -> None:
    """For benchmarks/bench_startup.py: print when the window has painted for the first time, then quit."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
                self.done = True
                QTimer.singleShot(0, lambda: (print("first-paint", flush=True), app.quit()))
            return False

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)


def dispose(window) -> None:
    """Delete the window while Python is still whole. Left to interpreter shutdown, Qt can deliver
    events (e.g. after full screen) to half-finalised Python overrides, and crash."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    window.display.runner.stop()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
