"""PyInstaller entry script for the Compute Scenario Explorer bundle (see build.spec).

The same as the installed ``scenario-explorer`` command: no arguments (or a FILE) opens the window,
``summary`` / ``export`` / ``presets`` run headless.
"""

import os
import sys

# A windowed build has no console on Windows and macOS: sys.stdout / sys.stderr are None there, and the
# headless commands write to them. Point them at the null device instead of crashing.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))

from ui.launcher import main  # noqa: E402

sys.exit(main())
