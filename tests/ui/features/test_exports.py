"""Exports from the window draw what it shows: the dialog's request, the clipboard, the report and
the monthly data; a failure names the problem and changes nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtGui import QGuiApplication
from pypdf import PdfReader

from support.qt import slider
from ui.dialogs.export_dialog import ExportRequest
from ui.render.images import ImageOptions


def test_the_export_dialogs_request_is_written_and_a_failure_reported(window, dialogs, tmp_path):
    target = tmp_path / "cap.svg"
    dialogs.requests = [ExportRequest("capacity", "svg", target, ImageOptions(width=1280, height=720))]
    assert window.exports.export_chart_dialog("capacity")
    assert ET.fromstring(target.read_bytes()) is not None and "Wrote" in window.status.text
    dialogs.requests = [ExportRequest("all", "png", tmp_path / "no-such-folder", ImageOptions())]
    assert not window.exports.export_chart_dialog(None)
    assert "not an existing folder" in dialogs.errors[-1][1] and window.status.error


def test_an_export_carries_the_bands_the_view_and_the_comparison(window, dialogs, tmp_path):
    window.compare.pin()
    window.display.set_view(precision="fp8")
    slider(window, "Agent CPU ratio").setValue(60.0)  # not yet drawn: the export draws it anyway
    cumulative, capacity = tmp_path / "cum.svg", tmp_path / "cap.svg"
    dialogs.requests = [ExportRequest("cumulative", "svg", cumulative, ImageOptions(width=1280, height=720)),
                        ExportRequest("capacity", "svg", capacity, ImageOptions(width=1280, height=720))]
    assert window.exports.export_chart_dialog("cumulative") and window.exports.export_chart_dialog("capacity")
    assert "P10–P90".encode() in cumulative.read_bytes()  # the band legend is in the picture
    assert b"FP8 peak" in capacity.read_bytes()


def test_copy_puts_a_full_hd_image_on_the_clipboard(window):
    window.charts["cumulative"].export_menu.actions()[1].trigger()
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (1920, 1080)
    assert "clipboard" in window.status.text


def test_the_report_and_the_monthly_data(window, dialogs, tmp_path):
    dialogs.paths = [str(tmp_path / "report")]
    window.actions["report"].trigger()
    assert len(PdfReader(tmp_path / "report.pdf").pages) >= 2
    dialogs.paths = [str(tmp_path / "deal")]
    window.actions["export_xlsx"].trigger()
    assert (tmp_path / "deal.xlsx").stat().st_size > 1000
    dialogs.paths = [str(tmp_path / "nope" / "deal.csv")]
    assert not window.exports.export_data("csv")
    assert "does not exist" in dialogs.errors[-1][1]
