"""Memory over a long session: resident memory (RSS) every 1,000 edits over 10,000 edits, with the undo
history full, and its growth. The target is under 20 MB over the 10,000 edits.

The edits are a mix: a drag of 50 steps (one undo step), then 50 single edits (one undo step each),
over and over, each a new value. The history is filled to its limit (ui.document.UNDO_LIMIT) before
the first reading, so the growth is what the session keeps beyond a full history. Run twice, each in
a process of its own:

* on a ScenarioDocument alone (the undo history and nothing else);
* through a real window (offscreen unless DISPLAY is set; a throw-away settings file): the edits go
  in as the panel's controls send them (its edited and dragFinished signals), the panel follows each
  one, and the window refreshes (evaluates and redraws, without waiting for the uncertainty bands)
  after each drag and every 10 edits.

The garbage collector runs before each reading, so the figures are what stays alive, not what is
waiting to be collected. RSS is VmRSS from /proc/self/status on Linux, else the peak RSS
(resource.getrusage), which can only grow.

    python3 dev.py bench soak
    .venv/bin/python benchmarks/bench_soak.py [--document | --window]   (one soak; both by default)
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

EDITS = 10_000
EVERY = 1_000
DRAG_STEPS = 50
TARGET_MB = 20.0


def rss_mb() -> float:
    """Resident memory now, in MB (the peak where /proc is not there)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, else kB


def edits(n: int, start: int = 0):
    """n edits as (changes, dragging, ends_a_drag): a 50-step drag, then 50 single edits, repeated.
    Every edit is a new GPU count (a drag sweeps up, the single edits step down)."""
    block = 2 * DRAG_STEPS
    for i in range(start, start + n):
        k, j = divmod(i, block)
        base = 100_000 + 37 * (k % 500)
        if j < DRAG_STEPS:
            yield {"gpu_count": base + 1_000 * (j + 1)}, True, j == DRAG_STEPS - 1
        else:
            yield {"gpu_count": base - 100 * (j - DRAG_STEPS + 1)}, False, False


def soak(title: str, edit: Callable[[dict, bool], None], end_drag: Callable[[], None],
         history: Callable[[], int], settle: Callable[[int], None] = lambda i: None) -> float:
    from ui.document import UNDO_LIMIT

    for changes, _, _ in edits(UNDO_LIMIT, start=2 * DRAG_STEPS * 1000 + DRAG_STEPS):  # fill the history
        edit(changes, False)
    settle(-1)
    gc.collect()
    start = rss_mb()
    print(f"{title}: {EDITS:,} edits (drags of {DRAG_STEPS} steps and single edits), history full "
          f"({history()} steps, limit {UNDO_LIMIT})")
    print(f"  {0:>6,} edits   RSS {start:8.1f} MB", flush=True)
    for i, (changes, dragging, ends) in enumerate(edits(EDITS), start=1):
        edit(changes, dragging)
        if ends:
            end_drag()
        settle(i)
        if i % EVERY == 0:
            gc.collect()
            now = rss_mb()
            print(f"  {i:>6,} edits   RSS {now:8.1f} MB   growth {now - start:+7.1f} MB   "
                  f"history {history()} steps", flush=True)
    gc.collect()
    growth = rss_mb() - start
    verdict = "within" if growth < TARGET_MB else "OVER"
    print(f"{title}: RSS growth over {EDITS:,} edits {growth:+.1f} MB ({growth * 1024 / EDITS:+.2f} kB per edit; "
          f"{verdict} the {TARGET_MB:g} MB target)", flush=True)
    return growth


def document_soak() -> float:
    from ui.app import make_app
    from ui.document import ScenarioDocument

    _app = make_app()  # noqa: F841 (the window's soak needs the same QApplication)
    doc = ScenarioDocument()
    return soak("ScenarioDocument", lambda c, d: doc.edit(c, dragging=d), doc.end_drag, doc.undo_stack.count)


def window_soak() -> float:
    from ui.app import make_app
    from ui.main_window import MainWindow
    from ui.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        app = make_app()
        window = MainWindow(Settings(Path(tmp) / "settings.ini"))  # never the user's settings
        window.resize(1600, 1000)
        window.show()
        for _ in range(5):
            app.processEvents()

        def edit(changes: dict, dragging: bool) -> None:
            window.panel.edited.emit(changes, dragging)  # as a control sends it

        def settle(i: int) -> None:  # the event loop's pass: the throttled refresh, then the paint
            if i < 0 or i % 10 == 0:
                window.display.run_pending()
                app.processEvents()

        def end_drag() -> None:
            window.panel.dragFinished.emit()
            settle(0)

        try:
            return soak("MainWindow", edit, end_drag, window.document.undo_stack.count, settle)
        finally:
            window.document.load(window.document.baseline, None)
            window.close()
            app.processEvents()


def main() -> None:
    if "--document" in sys.argv:
        return document_soak()
    if "--window" in sys.argv:
        return window_soak()
    import subprocess  # each soak in its own process: memory one frees, the other would reuse

    for phase in ("--document", "--window"):
        subprocess.run([sys.executable, __file__, phase], check=False)
        print(flush=True)


if __name__ == "__main__":
    main()
