"""Fault injection on the app: full disks under the report and the chart set, damaged remembered
state (layout, settings file, catalog), two instances on one settings file, hostile text in message
boxes, and every output of any scenario the app can hold."""

from __future__ import annotations

import dataclasses
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings as hsettings
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMessageBox

import explorer.files as files
from explorer.errors import OutputError
from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from support.scenarios import scenarios
from support.faults import disk_full
from ui.app import start_window
from ui.dialogs import MESSAGE_LIMIT, Dialogs
from ui.main_window import MINIMUM_SIZE, MainWindow, _fits
from ui.render.headless import ensure_app
from ui.render.images import ImageOptions, export_all
from ui.render.report import write_report
from ui.settings import Settings
from ui.state.chart_input import ChartInput

ROOT = Path(__file__).resolve().parents[2]
DEAL = "openai-aws-deal"


def _inp(scenario=None):
    from explorer.model import evaluate

    scenario = scenario or Scenario()
    return ChartInput(scenario=scenario, projection=evaluate(scenario))


def _full_disk_on(monkeypatch, nth: int = 1):
    """The ``nth`` write through explorer.files and later ones fail like a full disk."""
    real = files._write_fully
    count = []

    def write(tmp, data):
        count.append(tmp)
        if len(count) >= nth:
            with open(tmp, "wb") as fh:
                fh.write(data[:100])  # a truncated file, as a full disk leaves it
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(tmp, data)

    monkeypatch.setattr(files, "_write_fully", write)


# ------------------------------------------------------------------------------------------ writes

def test_a_report_on_a_full_disk_keeps_the_old_pdf_and_says_so(qapp, tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    write_report(target, _inp())
    good = target.read_bytes()
    _full_disk_on(monkeypatch)
    with pytest.raises(OutputError, match="cannot write .*report.pdf: No space left on device"):
        write_report(target, _inp(Scenario(gpu_count=5000)))
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_the_report_command_on_a_full_disk_exits_2_and_keeps_the_old_file(tmp_path):
    """A real process whose files may not grow past 20 kB (what a full disk does to a write)."""
    resource = pytest.importorskip("resource")  # (POSIX)
    target = tmp_path / "report.pdf"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "ui.launcher", "report", DEAL, "--out", str(target)]
    assert subprocess.run(command, env=env, capture_output=True, timeout=120).returncode == 0
    good = target.read_bytes()

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, preexec_fn=small_files)
    assert proc.returncode == 2
    assert "cannot write" in proc.stderr and "report.pdf" in proc.stderr and "Traceback" not in proc.stderr
    assert "wrote" not in proc.stdout
    assert target.read_bytes() == good


def test_export_all_charts_is_all_or_nothing(qapp, tmp_path, monkeypatch):
    options = ImageOptions(width=480, height=270)
    first = export_all(tmp_path, _inp(), options, stem="deal")
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert len(first) == len(old) >= 5
    _full_disk_on(monkeypatch, nth=3)  # the third chart fails
    with pytest.raises(OutputError, match="No space left on device"):
        export_all(tmp_path, _inp(Scenario(gpu_count=5000)), options, stem="deal")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old  # not one new chart among old ones


def _writers():
    """Every kind of file the app writes, as (name, write(scenario, folder))."""
    from explorer.model import evaluate
    from explorer.portfolio import load_portfolio, save_portfolio
    from explorer.tables import write_csv, write_xlsx
    from ui.render.images import export_chart
    from ui.render.slides import write_slides

    small = ImageOptions(width=320, height=200)
    portfolio = load_portfolio(ROOT / "assets" / "portfolios" / "openai-2025.json")
    return {
        "scenario": lambda s, d: save_scenario(s, d / "s.json"),
        "portfolio": lambda s, d: save_portfolio(dataclasses.replace(portfolio, name=s.name), d / "p.json"),
        "csv pair": lambda s, d: write_csv(evaluate(s), s, d / "s.csv"),
        "xlsx": lambda s, d: write_xlsx(evaluate(s), s, d / "s.xlsx"),
        "png": lambda s, d: export_chart(d / "c.png", "capacity", _inp(s), small),
        "svg": lambda s, d: export_chart(d / "c.svg", "capacity", _inp(s), small),
        "pdf chart": lambda s, d: export_chart(d / "c.pdf", "capacity", _inp(s), small),
        "all charts": lambda s, d: export_all(d, _inp(s), small, stem="all"),
        "report": lambda s, d: write_report(d / "r.pdf", _inp(s)),
        "slides": lambda s, d: write_slides(d / "d.pptx", _inp(s)),
    }


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("kind", ["scenario", "portfolio", "csv pair", "xlsx", "png", "svg", "pdf chart",
                                  "all charts", "report", "slides"])
def test_every_writer_on_a_full_disk_keeps_the_old_file_and_says_so(qapp, tmp_path, monkeypatch, kind):
    """The temporary files are /dev/full: every write the system is asked to do fails with ENOSPC,
    whatever library writes it (pandas, openpyxl, python-pptx, Qt)."""
    write = _writers()[kind]
    write(Scenario(), tmp_path)
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    disk_full(monkeypatch)  # every write fails with ENOSPC
    with pytest.raises(OutputError, match="cannot write .*: No space left on device"):
        write(Scenario(gpu_count=5000, name="Changed"), tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old  # nothing replaced, nothing left


@pytest.mark.parametrize("argv", [
    ["export", DEAL, "--xlsx", "{out}/x.xlsx"],  # (openpyxl's own temporary sheets: a traceback, exit 1)
    pytest.param(["export", DEAL, "--csv", "{out}/x.csv"], marks=pytest.mark.slow),
    pytest.param(["render", DEAL, "--chart", "all", "--format", "svg", "--out", "{out}"], marks=pytest.mark.slow),
    pytest.param(["slides", DEAL, "--out", "{out}/d.pptx"], marks=pytest.mark.slow),
])
def test_a_command_on_a_full_disk_exits_2_and_keeps_the_old_files(tmp_path, argv):
    """A real process whose files may not grow past 5 kB (what a full disk does to every write,
    the libraries' own temporary files too)."""
    resource = pytest.importorskip("resource")  # (POSIX)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "ui.launcher", *(a.format(out=tmp_path) for a in argv)]
    assert subprocess.run(command, env=env, capture_output=True, timeout=120).returncode == 0
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (5_000, 5_000))

    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, preexec_fn=small_files)
    assert proc.returncode == 2, proc.stderr
    assert "cannot write" in proc.stderr and "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old


# --------------------------------------------------------------------------------- remembered state

def test_a_damaged_window_size_falls_back_to_one_that_fits(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    big = MainWindow(settings)
    qtbot.addWidget(big)
    big.setMaximumSize(40_000, 40_000)
    big.resize(32_767, 32_767)  # what one flipped byte in the saved geometry asked for
    settings.save_layout(big.saveGeometry(), big.saveState(), QByteArray(b"\x00\xff garbage"))
    big.close()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    screen = window.screen().availableVirtualGeometry()
    assert window.width() <= max(screen.width(), MINIMUM_SIZE[0]) * 1.1
    assert window.height() <= max(screen.height(), MINIMUM_SIZE[1]) * 1.1
    assert all(size < 32_767 for size in window.splitter.sizes())
    window.close()


def test_a_restored_window_must_be_on_a_screen():
    from PySide6.QtCore import QRect

    screen = QRect(0, 0, 1920, 1080)
    assert _fits(QRect(100, 100, 1600, 1000), screen)
    assert not _fits(QRect(0, 0, 32_767, 32_767), screen)
    assert not _fits(QRect(5000, 5000, 1600, 1000), screen)  # a screen that has gone


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_settings_file_that_links_to_a_device_is_left_alone(qtbot, tmp_path):
    link = tmp_path / "settings.ini"
    link.symlink_to("/dev/zero")  # reading it would never end; writing it would be written to a device
    settings = Settings(link)
    assert "not a regular file" in settings.problem
    settings.set_theme("dark")
    settings.sync()
    assert link.is_symlink() and os.path.realpath(link) == "/dev/zero"
    window = start_window(None, settings=settings)
    qtbot.addWidget(window)
    window.close()


def test_two_instances_keep_each_others_recent_files(tmp_path):
    path = tmp_path / "settings.ini"
    a, b = Settings(path), Settings(path)
    for k in range(3):
        a.add_recent(str(tmp_path / f"a{k}.json"))
        b.add_recent(str(tmp_path / f"b{k}.json"))
    a.sync()
    b.sync()
    names = [Path(p).name for p in Settings(path).recent_files()]
    assert sorted(names) == ["a0.json", "a1.json", "a2.json", "b0.json", "b1.json", "b2.json"]
    assert names[0] == "b2.json"


def test_a_remembered_catalog_that_fails_does_not_stop_the_start(qtbot, tmp_path):
    bad = tmp_path / "chips.csv"
    bad.write_text("id," + "x" * 140_000 + "\n")  # the csv module's own error, before the fix uncaught
    settings = Settings(tmp_path / "settings.ini")
    settings.set_user_catalog(str(bad))
    window = start_window(None, settings=settings)
    qtbot.addWidget(window)
    from ui.app import user_catalog

    catalog, problem = user_catalog(settings)
    assert len(catalog) == len(window.catalog) and "chips.csv" in problem and "built-in catalog is in use" in problem
    window.close()


# ------------------------------------------------------------------------------------ text as text

def test_message_boxes_show_file_text_as_text_and_cut_it(qapp, monkeypatch):
    shown = []

    def exec_(box):
        shown.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    hostile = "unknown key '<b style=\"font-size:300pt\">big</b><img src=\"/etc/x.png\">" + "k" * 500_000
    Dialogs(None).error("Cannot open scenario", hostile)
    Dialogs(None).ask_save_changes("<h1>name</h1>.json")
    (fmt, text), (fmt2, _) = shown
    assert fmt == Qt.TextFormat.PlainText and fmt2 == Qt.TextFormat.PlainText
    assert len(text) <= MESSAGE_LIMIT and text.startswith("unknown key '<b")


def test_a_scenario_name_with_markup_is_shown_as_text_in_tooltips(window, tmp_path):
    from ui.widgets.tooltips import plain_tip

    tip = plain_tip("<img src='x.png'> & <b>bold</b>")
    assert "<img" not in tip and "&lt;img" in tip and "&amp;" in tip


def test_the_status_line_shows_file_text_as_text_and_cut(qtbot, tmp_path):
    """A remembered catalog whose header is markup: its error went to the status line as rich text
    (300-point letters, a local image loaded), and a whole long message widened the line."""
    bad = tmp_path / "<b>chips.csv"
    bad.write_text("id,<b style='font-size:300pt'>big</b><img src='/etc/x.png'>" + "k" * 5000 + "\nH100\n")
    settings = Settings(tmp_path / "settings.ini")
    settings.set_user_catalog(str(bad))
    window = start_window(None, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.status.text != "")
    label = window.status_label
    assert "font-size:300pt" in label.text() and label.textFormat() == Qt.TextFormat.PlainText
    assert len(label.text()) <= 300 and label.sizeHint().height() < 100
    assert "&lt;b style" in label.toolTip() and "<b style" not in label.toolTip()
    window.close()


def test_labels_from_a_portfolio_file_are_text_in_its_tooltips(qtbot, tmp_path):
    import dataclasses as dc

    from explorer.portfolio import load_portfolio
    from ui.portfolio.window import PortfolioWindow

    portfolio = load_portfolio(ROOT / "assets" / "portfolios" / "openai-2025.json")
    first = dc.replace(portfolio.members[0], label="<img src='/etc/x.png'><b>AWS</b>")
    window = PortfolioWindow(dc.replace(portfolio, members=(first, *portfolio.members[1:])))
    qtbot.addWidget(window)
    tip = window.table.item(0, 0).toolTip()
    assert "&lt;img" in tip and "<img" not in tip
    window.close()


# ------------------------------------------------------------------- every output of any scenario

@hsettings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.filter_too_much])
@given(scenarios())
@example(Scenario(gpu_count=1, term_months=1, start="2000-01", ramp_end="2000-01",
                  contract_value_usd=5e-324))  # found by CI: the chart's "% of contract" overflowed
def test_every_output_takes_any_scenario_the_app_can_hold(qapp, tmp_path_factory, s):
    import warnings

    from ui.render.headless import run

    folder = tmp_path_factory.mktemp("out")
    path = folder / "s.json"
    save_scenario(s, path)
    ensure_app()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        for argv in (["summary", str(path)], ["summary", str(path), "--json"],
                     ["export", str(path), "--xlsx", str(folder / "s.xlsx")],
                     ["export", str(path), "--csv", str(folder / "s.csv")],
                     ["report", str(path), "--out", str(folder / "s.pdf")],
                     ["slides", str(path), "--out", str(folder / "s.pptx")],
                     ["render", str(path), "--chart", "all", "--out", str(folder), "--size", "640x360"]):
            assert run(argv) == 0, argv
        code = run(["fit", str(path), "--budget", "1e9"])
        assert code in (0, 2)  # a budget too small for one accelerator is refused, not a crash


def test_a_file_changed_since_the_last_run_opens_as_it_is_now(tmp_path):
    from explorer.scenario_file import scenario_to_json
    from ui.app import initial_document

    mine = tmp_path / "mine.json"
    save_scenario(Scenario(gpu_count=1000), mine)
    settings = Settings(tmp_path / "settings.ini")
    settings.set_last_scenario(str(mine), scenario_to_json(Scenario(gpu_count=1000)))
    save_scenario(Scenario(gpu_count=2000), mine)  # another instance, a sync, a git pull
    scenario, path, modified_from, _ = initial_document(settings, None, None)
    assert scenario.gpu_count == 2000 and path == mine and modified_from is None  # not "unsaved changes"
