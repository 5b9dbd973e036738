"""The headless commands (render, report) in a subprocess, as a user runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from pypdf import PdfReader

from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from ui.charts import CHART_NAMES

ROOT = Path(__file__).resolve().parents[3]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, capture_output=True, text=True)


def test_render_command_writes_one_chart_at_the_requested_size(tmp_path):
    out = tmp_path / "power.png"
    result = _cli("render", "openai-aws-deal", "--chart", "power", "--out", str(out), "--size", "800x600")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)


def test_render_all_list_and_bad_input(tmp_path):
    result = _cli("render", "--list")
    assert result.returncode == 0 and all(name in result.stdout for name in CHART_NAMES)
    folder = tmp_path / "charts"
    result = _cli("render", "expensive-energy", "--chart", "all", "--out", str(folder), "--format", "svg",
                  "--size", "1280x720")
    assert result.returncode == 0, result.stderr
    assert len(list(folder.glob("*.svg"))) == len(CHART_NAMES)
    for args, expect in ((("--chart", "pie", "--out", str(tmp_path / "x.png")), "unknown chart 'pie'"),
                         (("--chart", "cost", "--out", str(tmp_path / "x.png"), "--size", "big"), "--size"),
                         (("--chart", "cost", "--out", str(tmp_path / "nope" / "x.png")), "does not exist")):
        result = _cli("render", "openai-aws-deal", *args)
        assert result.returncode == 2 and expect in result.stderr and "Traceback" not in result.stderr


def test_report_command(tmp_path):
    scenario_file = tmp_path / "s.json"
    save_scenario(Scenario(name="Report test", gpu_count=50_000), scenario_file)
    result = _cli("report", str(scenario_file), "--out", str(tmp_path / "r.pdf"))
    assert result.returncode == 0, result.stderr
    assert "Reporttest" in squash(PdfReader(tmp_path / "r.pdf").pages[0].extract_text())
    result = _cli("report", str(scenario_file), "--out", str(tmp_path / "r.png"))
    assert result.returncode == 2 and "a report is a PDF file" in result.stderr


def test_render_all_refuses_a_file_name_and_leaves_no_folder(tmp_path):
    result = _cli("render", "openai-aws-deal", "--chart", "all", "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "is a folder, not a file" in result.stderr
    assert not (tmp_path / "x.png").exists()


def _launch(*args, display=False):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=60)


def test_without_a_display_the_window_says_what_to_use_instead():
    result = _launch()
    assert result.returncode == 2
    assert "no display to open the window on" in result.stderr and "summary, render, report or export" in result.stderr
    assert "xcb" not in result.stderr  # not Qt's advice to reinstall libraries


def test_an_unknown_word_is_not_a_window_on_the_default():
    result = _launch("summry")
    assert result.returncode == 2 and "'summry' is not a command, a scenario file or a preset" in result.stderr
    assert "Did you mean 'summary'" in result.stderr
    result = _launch("openai-aws-dea")
    assert result.returncode == 2 and "'openai-aws-deal'" in result.stderr


def test_a_subcommands_error_prints_that_subcommands_usage():
    result = _cli("summary", "no-such-scenario")
    assert result.returncode == 2 and "usage: scenario-explorer summary" in result.stderr
    result = _cli("render", "openai-aws-deal", "--chart", "pie", "--out", "x.png")
    assert result.returncode == 2 and "usage: scenario-explorer render" in result.stderr
