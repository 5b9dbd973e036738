"""Crash recovery: unsaved work survives a kill, is offered back (never silently restored or
dropped), and what the user discarded stays discarded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from explorer import formatting as fmt
from explorer.portfolio import evaluate_portfolio, resolve_portfolio
from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario, save_scenario
from support.dialogs import ScriptedDialogs
from support.qt import spin_box, type_into
from ui.app import initial_document, offer_recovery, start_window
from ui.controllers.recovery import orphans
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from tests.support.qt import spin_box, type_into  # (run from the repository root)
    from ui.app import make_app, start_window

    app = make_app()
    window = start_window(sys.argv[1] if len(sys.argv) > 1 else None)
    window.show()
    window.recovery.written.connect(lambda path: print("written", path, flush=True))

    def edit():  # what a user does: click into the box, type a number, press Enter
        type_into(spin_box(window, "GPU count value"), "123456")
        print("edited", window.document.scenario.gpu_count, flush=True)

    QTimer.singleShot(0, edit)
    app.exec()
""")


def _env(home: Path) -> dict:
    return dict(os.environ, HOME=str(home), XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
                SCENARIO_EXPLORER_SETTINGS=str(home / "settings.ini"), SCENARIO_EXPLORER_AUTOSAVE_MS="200",
                QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def _line(proc, seconds: float = 120.0) -> str:
    """The child's next line of output; '' when none comes in ``seconds`` (then the test fails, not
    hangs). Lines are read on a thread of their own (two lines may arrive in one read)."""
    import queue
    import threading

    lines = proc.__dict__.get("_lines")
    if lines is None:
        lines = proc._lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    try:
        return lines.get(timeout=seconds)
    except queue.Empty:
        return ""


def _edit_and_kill(home: Path, *args: str) -> None:
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL is POSIX")
    """A real app process: an edit typed into the GPU count box, the recovery file written, then kill -9."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=_env(home), text=True, cwd=ROOT)
    try:
        assert _line(proc).split() == ["edited", "123456"]
        assert _line(proc).startswith("written ")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()


def _restart(home: Path, monkeypatch, answers: list[str]):
    for key, value in _env(home).items():
        monkeypatch.setenv(key, value)
    dialogs = ScriptedDialogs()
    dialogs.recover_answers = list(answers)
    window = start_window(None, settings=Settings(home / "settings.ini"), dialogs=dialogs)
    return window, dialogs, offer_recovery(window)


def test_after_a_kill_the_next_start_offers_exactly_that_edit(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    mine = tmp_path / "my.json"
    save_scenario(Scenario(), mine)
    _edit_and_kill(home, str(mine))
    window, dialogs, taken = _restart(home, monkeypatch, ["recover"])
    qtbot.addWidget(window)
    (question, has_file), = dialogs.recover_questions
    assert question.startswith("Recover unsaved changes to my.json (edited ") and has_file
    assert taken == "recover"
    assert window.document.scenario == Scenario(gpu_count=123456)  # exactly that edit, nothing else
    assert window.document.path == mine.resolve() and window.document.modified
    assert window.document.baseline == Scenario()  # the changes are against the file as saved
    assert load_scenario(mine) == Scenario()  # the file itself untouched until the user saves
    assert window.document.undo_stack.undoText() == "Recover unsaved changes"
    window.document.undo_stack.undo()  # back to the file as saved
    assert window.document.scenario == Scenario() and not window.document.modified
    window.document.undo_stack.redo()
    assert [p.name for p in window.recovery.folder.glob("*.json")] == [window.recovery.file.name]
    dialogs.answers = ["discard"]
    window.close()
    assert not list(window.recovery.folder.glob("*.json"))  # a normal close leaves nothing to recover


def test_discard_means_discarded(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    _edit_and_kill(home)
    window, dialogs, taken = _restart(home, monkeypatch, ["discard"])
    qtbot.addWidget(window)
    (question, has_file), = dialogs.recover_questions
    assert question.startswith(f"Recover unsaved changes to {Scenario().name}") and not has_file
    assert taken == "" and window.document.scenario == Scenario() and not window.document.modified
    assert not orphans(window.recovery.folder)
    window.close()
    again, dialogs, _ = _restart(home, monkeypatch, [])
    qtbot.addWidget(again)
    assert dialogs.recover_questions == []  # never offered again
    again.close()


def test_open_the_saved_file_instead(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    mine = tmp_path / "my.json"
    save_scenario(Scenario(gpu_count=777), mine)
    _edit_and_kill(home, str(mine))
    window, dialogs, taken = _restart(home, monkeypatch, ["saved"])
    qtbot.addWidget(window)
    assert taken == "saved" and window.document.scenario == Scenario(gpu_count=777)
    assert not window.document.modified and not orphans(window.recovery.folder)
    window.close()


def test_closing_the_question_keeps_the_work_for_later(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    _edit_and_kill(home)
    window, dialogs, taken = _restart(home, monkeypatch, ["later"])
    qtbot.addWidget(window)
    assert taken == "" and window.document.scenario == Scenario()
    window.close()
    again, dialogs, taken = _restart(home, monkeypatch, ["recover"])
    qtbot.addWidget(again)
    assert taken == "recover" and again.document.scenario.gpu_count == 123456
    dialogs.answers = ["discard"]
    again.close()


def test_a_live_window_keeps_its_recovery_file_to_itself(qtbot, window, tmp_path):
    type_into(spin_box(window, "GPU count value"), "4321")
    window.recovery.save_now()
    assert window.recovery.file.exists()
    assert orphans(window.recovery.folder) == []  # locked by a live window: not another start's to offer
    window.files.save_to(tmp_path / "saved.json")
    assert not window.recovery.file.exists()  # saved: nothing left to recover


def test_autosave_is_debounced_and_off_the_slider_path(qtbot, window):
    box = spin_box(window, "GPU count value")
    writes = []
    window.recovery.written.connect(writes.append)
    with qtbot.waitSignal(window.recovery.written, timeout=10_000):
        type_into(box, "5000")
        type_into(box, "6000")  # restarts the timer: one write for the pause after both
    assert len(writes) == 1
    assert Scenario().replace(gpu_count=6000) == load_recovered(window)


def test_edits_that_never_pause_are_still_saved(qtbot, window, monkeypatch):
    import ui.controllers.recovery as recovery

    monkeypatch.setattr(recovery, "MAX_WAIT_S", 0.0)  # (10 s in the app)
    writes = []
    window.recovery.written.connect(writes.append)
    for value in ("5000", "6000", "7000"):  # each while the timer runs: past the longest wait
        type_into(spin_box(window, "GPU count value"), value)
    assert writes  # written without the pause the timer waits for
    assert load_recovered(window).gpu_count in (5000, 6000, 7000)


def load_recovered(window):
    import json

    from explorer.scenario_file import scenario_from_json

    return scenario_from_json(json.loads(window.recovery.file.read_text())["scenario"])


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_keeps_the_last_recovery_file_and_the_work(qtbot, window, monkeypatch):
    import explorer.files as files

    type_into(spin_box(window, "GPU count value"), "4321")
    assert window.recovery.save_now()
    real = files._new_temporary

    def full(path):  # every write of the recovery file fails with ENOSPC
        tmp = real(path)
        tmp.unlink()
        tmp.symlink_to("/dev/full")
        return tmp

    monkeypatch.setattr(files, "_new_temporary", full)
    type_into(spin_box(window, "GPU count value"), "8765")
    assert not window.recovery.save_now()  # said in the log; the window goes on
    assert load_recovered(window) == Scenario(gpu_count=4321)  # the last good one, whole
    assert [p.name for p in window.recovery.folder.iterdir() if p.suffix == ".tmp" or p.name.endswith(".tmp")] == []
    assert window.document.scenario.gpu_count == 8765
    monkeypatch.setattr(files, "_new_temporary", real)
    assert window.recovery.save_now() and load_recovered(window) == Scenario(gpu_count=8765)


def test_a_language_switch_never_leaves_the_work_without_a_recovery_file(qtbot, settings, dialogs):
    """The window is rebuilt around the same document: the old window's file went at once and the
    new one's came 2 s later (a touch), so a kill in between lost the unsaved work."""
    from ui.language import install_language
    from ui.main_window import MainWindow

    old = MainWindow(settings, dialogs=dialogs)
    qtbot.addWidget(old)
    old.show()
    type_into(spin_box(old, "GPU count value"), "4321")
    assert old.recovery.save_now()
    try:
        new = old.set_language("ja")
        qtbot.addWidget(new)
        assert [p.name for p in new.recovery.folder.glob("*.json")] == [new.recovery.file.name]  # at once
        assert load_recovered(new) == Scenario(gpu_count=4321)
        dialogs.answers = ["discard"]
        new.close()
        assert not list(new.recovery.folder.glob("*.json"))
    finally:
        install_language("en")


def test_quit_with_discard_does_not_bring_the_edits_back(qtbot, window, settings, dialogs, tmp_path):
    mine = tmp_path / "mine.json"
    save_scenario(Scenario(gpu_count=1000), mine)
    assert window.files.open_path(mine)
    type_into(spin_box(window, "GPU count value"), "2000")
    dialogs.answers = ["discard"]
    window.close()
    scenario, path, modified_from, _ = initial_document(Settings(settings.path), window.catalog, None)
    assert scenario.gpu_count == 1000 and path == mine.resolve() and modified_from is None


def test_the_comparison_and_the_catalog_come_back_with_the_work(qtbot, window, tmp_path, dialogs):
    import shutil

    from support.catalogs import user_catalog

    assert window.catalogs.set_path(str(user_catalog(tmp_path, "XPU1")))
    assert window.compare.add_preset("agent-heavy")
    window.document.edit({"chip_mix": {"XPU1": 1.0}})
    window.recovery.save_now()
    left = window.recovery.folder / "12345-abcdef.json"  # as a window that was killed would leave it
    shutil.copy(window.recovery.file, left)
    settings = Settings(tmp_path / "other.ini")  # a start on the built-in catalog
    fresh_dialogs = ScriptedDialogs()
    fresh_dialogs.recover_answers = ["recover"]
    again = start_window(None, settings=settings, dialogs=fresh_dialogs, recovery_folder=window.recovery.folder)
    qtbot.addWidget(again)
    assert offer_recovery(again) == "recover"
    assert "XPU1" in again.catalog and dict(again.document.scenario.chip_mix) == {"XPU1": 1.0}
    assert again.comparison_state.labels == window.comparison_state.labels
    assert not left.exists()
    dialogs.answers = fresh_dialogs.answers = ["discard"] * 3
    again.close()


def _dead_lock(path: Path) -> None:
    """A lock file held by a process that was then killed."""
    script = ("import sys; from PySide6.QtCore import QLockFile; l = QLockFile(sys.argv[1]); "
              "assert l.tryLock(0); print('locked', flush=True); sys.stdin.read()")
    proc = subprocess.Popen([sys.executable, "-c", script, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "locked"
    proc.kill()
    proc.wait(timeout=30)
    proc.stdin.close()
    proc.stdout.close()
    assert path.exists()


def test_odd_files_in_the_recovery_folder_never_stop_the_start(qtbot, window, tmp_path):
    import json

    folder = window.recovery.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "1-aaaaaa.json").symlink_to(tmp_path / "gone.json")  # dangling
    (folder / "2-bbbbbb.json").write_text("[]")  # not a recovery file
    (folder / "3-cccccc.json").write_text(json.dumps({"recovery_version": 99, "scenario": "?"}))  # a newer app's
    _dead_lock(folder / "4-dddddd.lock")  # a lock of a window killed with nothing to recover
    set_aside = []
    assert orphans(folder, set_aside=set_aside) == []
    assert [p.name for p in set_aside] == ["2-bbbbbb.damaged"]
    assert (folder / "3-cccccc.json").exists()  # left for the version that wrote it
    assert not (folder / "4-dddddd.lock").exists()


def test_work_made_with_the_built_in_catalog_comes_back_with_it(qtbot, window, tmp_path):
    import shutil

    from support.catalogs import user_catalog

    window.document.edit({"gpu_count": 4242})
    window.recovery.save_now()  # made with the built-in catalog
    left = window.recovery.folder / "12345-abcdef.json"
    shutil.copy(window.recovery.file, left)
    settings = Settings(tmp_path / "other.ini")
    settings.set_user_catalog(str(user_catalog(tmp_path, "XPU1")))
    dialogs = ScriptedDialogs()
    dialogs.recover_answers = ["recover"]
    again = start_window(None, settings=settings, dialogs=dialogs, recovery_folder=window.recovery.folder)
    qtbot.addWidget(again)
    again.document.load(Scenario(chip_mix={"XPU1": 1.0}), None)  # the open scenario uses the user's chip
    assert offer_recovery(again) == "recover"
    assert again.document.scenario.gpu_count == 4242
    assert "XPU1" not in again.catalog and again.catalogs.path == "" and settings.user_catalog() == ""
    assert dialogs.errors == []
    dialogs.answers = ["discard"] * 3
    again.close()


def test_escape_on_the_question_means_ask_me_later(qtbot, qapp):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.dialogs import Dialogs

    def press_escape():
        box = QApplication.activeModalWidget()
        assert box is not None
        QTest.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, press_escape)
    assert Dialogs(None).ask_recover("Recover unsaved changes to my.json (edited 14:32)?", True) == "later"


# ------------------------------------------------------------------------------------ the portfolio
SHIPPED_PORTFOLIO = ROOT / "assets" / "portfolios" / "openai-2025.json"
PORTFOLIO_NAME = "OpenAI compute commitments (announced, 2025)"

PORTFOLIO_CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from ui.app import make_app, start_window

    app = make_app()
    window = start_window(None)
    window.show()
    window.recovery.written.connect(lambda path: print("written", path, flush=True))

    def edit():  # the portfolio opened, Oracle switched off and nothing saved
        pw = window.open_portfolio(sys.argv[1])
        pw.toggle("Oracle", False)
        print("edited", pw.portfolio.member("Oracle").enabled, flush=True)

    QTimer.singleShot(0, edit)
    app.exec()
""")


def _toggle_and_kill(home: Path, portfolio: Path) -> None:
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL is POSIX")
    proc = subprocess.Popen([sys.executable, "-c", PORTFOLIO_CHILD, str(portfolio)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=_env(home), text=True, cwd=ROOT)
    try:
        assert _line(proc).split() == ["edited", "False"]
        assert _line(proc).startswith("written ")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()


def test_after_a_kill_the_portfolios_unsaved_changes_are_offered_back(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    _toggle_and_kill(home, SHIPPED_PORTFOLIO)
    window, dialogs, taken = _restart(home, monkeypatch, ["recover"])
    qtbot.addWidget(window)
    (question, has_file), = dialogs.recover_questions
    assert question.startswith(f"Recover unsaved changes to the portfolio '{PORTFOLIO_NAME}' (edited ") and has_file
    assert taken == "recover"
    pw = window.portfolio_window
    assert pw is not None and pw.isVisible() and pw.path == SHIPPED_PORTFOLIO.resolve()
    assert not pw.portfolio.member("Oracle").enabled and pw.portfolio.member("AWS").enabled
    assert pw.modified and pw.isWindowModified()  # unsaved against the file, which is untouched
    assert json.loads(SHIPPED_PORTFOLIO.read_text())["members"][1]["label"] == "Oracle"
    expected = evaluate_portfolio(resolve_portfolio("openai-2025").toggled("Oracle", False))
    assert pw.cards["cost_total_usd"].value.text() == fmt.money(expected.totals["cost_total_usd"])  # without Oracle
    assert not window.document.modified  # (the scenario had no unsaved changes)
    assert window.status.text == f"Recovered the unsaved changes to {PORTFOLIO_NAME}."
    assert [p.name for p in window.recovery.folder.glob("*.json")] == [window.recovery.file.name]
    assert "portfolio" in json.loads(window.recovery.file.read_text())  # this window keeps it from now on
    dialogs.answers = ["discard"] * 3
    window.close()
    assert not list(window.recovery.folder.glob("*.json"))


def test_open_the_saved_portfolio_instead(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    _toggle_and_kill(home, SHIPPED_PORTFOLIO)
    window, dialogs, taken = _restart(home, monkeypatch, ["saved"])
    qtbot.addWidget(window)
    pw = window.portfolio_window
    assert taken == "saved" and pw is not None and pw.portfolio.member("Oracle").enabled and not pw.modified
    assert not orphans(window.recovery.folder)
    window.close()


def test_the_recovery_file_follows_the_portfolios_changes(qtbot, window, tmp_path):
    pw = window.open_portfolio(str(SHIPPED_PORTFOLIO))
    with qtbot.waitSignal(window.recovery.written, timeout=10_000):
        pw.toggle("Oracle", False)  # (written once the changes pause, as for the scenario's)
    state = json.loads(window.recovery.file.read_text())["portfolio"]
    assert state["path"] == str(SHIPPED_PORTFOLIO.resolve())
    assert [m["enabled"] for m in json.loads(state["portfolio"])["members"]][1] is False
    assert [m["enabled"] for m in json.loads(state["saved"])["members"]][1] is True
    pw.undo_stack.undo()  # nothing unsaved any more: nothing to recover
    window.recovery.save_now()
    assert not window.recovery.file.exists()
    pw.toggle("AWS", False)
    window.recovery.save_now()
    assert window.recovery.file.exists()
    assert pw.save_to(tmp_path / "mine.json")  # saved: the file goes at once
    assert not window.recovery.file.exists()
    pw.toggle("AWS", True)
    window.recovery.save_now()
    assert window.recovery.file.exists()
    assert json.loads(window.recovery.file.read_text())["recovery_version"] == 2  # (an older app leaves it alone)
    pw.discard_changes()  # let go: the file goes too
    assert not window.recovery.file.exists()


def _orphaned(window) -> Path:
    """This window's recovery file as a dead window's would be (copied under another name, unlocked)."""
    window.recovery.save_now()
    orphan = window.recovery.folder / "99999-dead.json"
    orphan.write_bytes(window.recovery.file.read_bytes())
    return orphan


def _with_a_file_member(window, tmp_path):
    """(the member's file, the portfolio window) of 'Mine': a member read from deal.json beside it, and AWS."""
    member = tmp_path / "deal.json"
    save_scenario(Scenario(gpu_count=1000, name="Deal"), member)
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"schema_version": 1, "name": "Mine", "members": [
        {"label": "Deal", "provider": "AWS", "file": "deal.json"},
        {"label": "AWS", "provider": "AWS", "preset": "openai-aws-deal"}]}), encoding="utf-8")
    return member, window.open_portfolio(str(mine))


def test_a_portfolio_whose_member_file_is_gone_is_kept_for_later_with_the_reason(qtbot, window, dialogs, tmp_path):
    member, pw = _with_a_file_member(window, tmp_path)
    pw.toggle("AWS", False)
    orphan = _orphaned(window)
    pw.discard_changes()
    member.unlink()  # the member's file went meanwhile
    dialogs.recover_answers = ["recover"]
    assert offer_recovery(window) == ""
    (question, has_file), = dialogs.recover_questions
    assert question.startswith("Recover unsaved changes to the portfolio 'Mine' (edited ") and has_file
    (title, message), = dialogs.errors
    assert title == "Cannot recover the unsaved changes" and "Deal" in message and "deal.json" in message
    assert "offered again at the next start" in message
    assert orphan.exists()  # kept for later
    assert not window.portfolio_window.modified  # and the window as it was
    orphan.unlink()


def test_a_member_being_edited_comes_back_in_both_windows(qtbot, window, dialogs):
    pw = window.open_portfolio(str(SHIPPED_PORTFOLIO))
    assert pw.edit_member("AWS")
    type_into(spin_box(window, "GPU count value"), "300000")  # typed in the main window: the portfolio follows
    pw.flush()
    assert pw.portfolio.member("AWS").scenario.gpu_count == 300000
    orphan = _orphaned(window)
    pw.discard_changes()
    window.document.load(Scenario(), None)  # (this window moves on; the dead one's work is the orphan)
    dialogs.recover_answers = ["recover"]
    assert offer_recovery(window) == "recover"
    (question, _), = dialogs.recover_questions
    assert question.startswith(f"Recover unsaved changes to OpenAI–AWS deal as announced (USD 38B, 7 years) and to "
                               f"the portfolio '{PORTFOLIO_NAME}' (edited ")
    assert window.document.scenario.gpu_count == 300000 and window.document.modified
    recovered = window.portfolio_window
    assert recovered is not pw and recovered.portfolio.member("AWS").scenario.gpu_count == 300000
    assert recovered.modified and not orphan.exists()
    assert window.status.text == f"Recovered the unsaved changes to OpenAI–AWS deal as announced (USD 38B, 7 years), " \
                                 f"{PORTFOLIO_NAME}."



def test_a_portfolio_that_cannot_be_read_leaves_the_scenarios_changes_recovered_and_itself_for_later(
        qtbot, window, dialogs, tmp_path):
    member, pw = _with_a_file_member(window, tmp_path)
    pw.toggle("AWS", False)
    type_into(spin_box(window, "GPU count value"), "4321")  # the scenario changed too
    orphan = _orphaned(window)
    pw.discard_changes()
    window.document.load(Scenario(), None)
    member.unlink()
    dialogs.recover_answers = ["recover"]
    assert offer_recovery(window) == "recover"
    assert window.document.scenario.gpu_count == 4321 and window.document.modified  # recovered
    (title, message), = dialogs.errors
    assert title == "Cannot recover the unsaved changes" and "not those to the portfolio 'Mine'" in message
    assert "deal.json" in message and "offered again at the next start" in message
    kept = json.loads(orphan.read_text())  # the portfolio's changes alone, for the next start
    assert kept["scenario"] == kept["baseline"] and "portfolio" in kept
    dialogs.recover_answers, dialogs.recover_questions = ["discard"], []
    offer_recovery(window)
    (question, _), = dialogs.recover_questions
    assert question.startswith("Recover unsaved changes to the portfolio 'Mine' (edited ")
    assert not orphan.exists()  # discarded when asked, not before


def test_a_damaged_portfolio_entry_still_offers_the_scenario_and_sets_the_file_aside(qtbot, window, dialogs):
    type_into(spin_box(window, "GPU count value"), "4321")
    orphan = _orphaned(window)
    data = json.loads(orphan.read_text())
    data.update(portfolio={"portfolio": 1}, recovery_version=2)
    orphan.write_text(json.dumps(data))
    window.document.load(Scenario(), None)
    dialogs.recover_answers = ["recover"]
    assert offer_recovery(window) == "recover" and window.document.scenario.gpu_count == 4321
    assert orphan.with_suffix(".damaged").exists()  # the whole file, as it was, beside the others
    orphan.with_suffix(".damaged").unlink()


def test_open_the_saved_files_keeps_the_changes_when_one_of_them_does_not_open(qtbot, window, dialogs, tmp_path):
    mine = tmp_path / "my.json"
    save_scenario(Scenario(gpu_count=777), mine)
    assert window.files.open_path(mine)
    type_into(spin_box(window, "GPU count value"), "4321")
    pw = window.open_portfolio(str(SHIPPED_PORTFOLIO))
    pw.toggle("Oracle", False)
    orphan = _orphaned(window)
    pw.discard_changes()
    window.document.load(Scenario(), None)
    mine.write_text("{ not json")  # the scenario's saved file is damaged meanwhile
    dialogs.recover_answers = ["saved"]
    assert offer_recovery(window) == ""
    assert dialogs.recover_questions[0][1]  # (both parts have a file: the choice is offered)
    assert orphan.exists() and "are kept" in window.status.text  # nothing of the unsaved work dropped
    orphan.unlink()


def test_the_choice_to_open_the_saved_file_is_offered_only_when_each_changed_part_has_one(qtbot, window, dialogs,
                                                                                         tmp_path):
    mine = tmp_path / "my.json"
    save_scenario(Scenario(gpu_count=777), mine)
    assert window.files.open_path(mine)  # the scenario as saved: unchanged
    pw = window.open_portfolio("openai-2025")  # by its name: no file of its own
    pw.toggle("Oracle", False)
    orphan = _orphaned(window)
    pw.discard_changes()
    dialogs.recover_answers = ["later"]
    offer_recovery(window)
    (question, has_file), = dialogs.recover_questions
    assert question.startswith("Recover unsaved changes to the portfolio ") and not has_file
    assert window.status.text == f"The unsaved changes to {PORTFOLIO_NAME} are kept: you will be asked again at " \
                                 "the next start."
    orphan.unlink()


def test_a_portfolio_opened_by_a_relative_path_is_saved_and_recovered_where_it_is(qtbot, window, tmp_path,
                                                                                  monkeypatch):
    (tmp_path / "p").mkdir()
    mine = tmp_path / "p" / "mine.json"
    mine.write_text(SHIPPED_PORTFOLIO.read_text(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    pw = window.open_portfolio("p/mine.json")
    assert pw.path == mine.resolve()
    pw.toggle("Oracle", False)
    window.recovery.save_now()
    assert json.loads(window.recovery.file.read_text())["portfolio"]["path"] == str(mine.resolve())
    pw.discard_changes()


def test_a_followed_edit_reaches_the_recovery_file_after_a_forced_write(qtbot, window, monkeypatch):
    import ui.controllers.recovery as recovery

    pw = window.open_portfolio(str(SHIPPED_PORTFOLIO))
    assert pw.edit_member("AWS")
    box = spin_box(window, "GPU count value")
    type_into(box, "111111")
    pw.flush()
    monkeypatch.setattr(recovery, "MAX_WAIT_S", 0.0)  # the next edit is written at once, before the portfolio follows
    type_into(box, "222222")
    with qtbot.waitSignal(window.recovery.written, timeout=10_000):
        pw.flush()  # the follow: the file is written again with it
    state = json.loads(window.recovery.file.read_text())
    members = json.loads(state["portfolio"]["portfolio"])["members"]
    assert json.loads(state["scenario"])["gpu_count"] == 222222
    assert next(m for m in members if m["label"] == "AWS")["scenario"]["gpu_count"] == 222222
    pw.discard_changes()


def test_a_portfolio_window_that_keeps_its_own_changes_leaves_the_recovered_portfolio_for_later(qtbot, window,
                                                                                              dialogs):
    pw = window.open_portfolio(str(SHIPPED_PORTFOLIO))
    pw.toggle("Oracle", False)
    orphan = _orphaned(window)
    pw.undo_stack.undo()
    pw.toggle("AWS", False)  # the window open now has changes of its own
    dialogs.answers = ["cancel"]  # asked about them: kept
    dialogs.recover_answers = ["recover"]
    offer_recovery(window)
    assert window.portfolio_window is pw and not pw.portfolio.member("AWS").enabled  # its own changes kept
    (title, message), = dialogs.errors
    assert message.startswith(f"The changes to the portfolio '{PORTFOLIO_NAME}' cannot be recovered: the portfolio "
                              "window open now keeps its own unsaved changes")
    assert "offered again at the next start" in message
    assert "portfolio" in json.loads(orphan.read_text())  # the recovered portfolio's changes, for later
    orphan.unlink()
    pw.discard_changes()
