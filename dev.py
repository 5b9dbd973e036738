#!/usr/bin/env python3
"""Set up and run Compute Scenario Explorer from a fresh clone, with nothing installed by hand.

    python3 dev.py run [FILE]       set up .venv, then open the app (on the announced deal by default)
    python3 dev.py test [ARGS]      set up .venv with the test and build tools, then run the whole test
                                    suite (it builds the double-click app and runs its smoke test)
    python3 dev.py bench            set up, then print the benchmark figures
    python3 dev.py build            set up with PyInstaller, then build the double-click app in dist/
    python3 dev.py i18n [check]     bring assets/i18n/ja.ts up to date with the code (docs/i18n.md)

Setting up means: create ``.venv`` next to this file with the running Python (3.11 to 3.13), install
the pinned dependencies from ``constraints.txt`` and the project itself (editable). It is repeated
only when ``pyproject.toml`` or ``constraints.txt`` change. Uses only the standard library.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
EXTRAS = {"run": "", "test": "test,build", "bench": "test", "build": "build", "i18n": ""}


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _say(text: str) -> None:
    print(f"[dev.py] {text}", flush=True)


def _check_python() -> None:
    if not ((3, 11) <= sys.version_info[:2] <= (3, 13)):
        sys.exit(f"dev.py: Python 3.11 to 3.13 is needed (the pinned Qt 6.10 wheels); this is "
                 f"{sys.version.split()[0]}. Run it with e.g. 'python3.11 dev.py ...'.")


def _linux_system_libraries() -> None:
    """Qt's xcb platform needs a few X libraries that minimal Linux images lack. Install them with
    apt-get when we are root on Debian/Ubuntu (CI, containers); otherwise say what is missing."""
    if not sys.platform.startswith("linux") or not shutil.which("ldconfig"):
        return
    wanted = {  # library -> Debian package
        "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libxkbcommon.so.0": "libxkbcommon0",
        "libfontconfig.so.1": "libfontconfig1", "libdbus-1.so.3": "libdbus-1-3",
        "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb-cursor.so.0": "libxcb-cursor0",
        "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-keysyms.so.1": "libxcb-keysyms1",
        "libxcb-shape.so.0": "libxcb-shape0", "libxcb-image.so.0": "libxcb-image0",
        "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xinerama.so.0": "libxcb-xinerama0",
        "libxcb-randr.so.0": "libxcb-randr0", "libxcb-xkb.so.1": "libxcb-xkb1",
    }
    known = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    missing = sorted({pkg for lib, pkg in wanted.items() if lib not in known})
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        _say(f"installing Qt's system libraries: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True,
                       env=env, stdout=subprocess.DEVNULL)
    else:
        _say("Qt may need these system packages to open a window: " + " ".join(missing) +
             " (e.g. sudo apt-get install " + " ".join(missing) + ")")


def setup(extras: str) -> Path:
    _check_python()
    _linux_system_libraries()
    py = _venv_python()
    if not py.exists():
        _say(f"creating {VENV.relative_to(ROOT)} with Python {sys.version.split()[0]}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    digest.update(extras.encode())
    stamp = VENV / f".installed-{extras or 'app'}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return py
    _say("installing the pinned dependencies (first run takes a minute)")
    quiet = ["-q", "--disable-pip-version-check"]
    target = f".[{extras}]" if extras else "."
    subprocess.run([str(py), "-m", "pip", "install", *quiet, "-c", "constraints.txt", "-e", target],
                   check=True, cwd=ROOT)
    stamp.write_text(digest.hexdigest())
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    py = setup(EXTRAS[command])
    env = dict(os.environ, PYQTGRAPH_QT_LIB="PySide6")
    if command == "run":
        cmd = [str(py), "-m", "ui.launcher", *rest]
    elif command == "test":
        env["QT_QPA_PLATFORM"] = "offscreen"
        cmd = [str(py), "-m", "pytest", *rest]
    elif command == "i18n":
        cmd = [str(py), str(ROOT / "packaging" / "i18n.py"), *rest]
    elif command == "bench":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        cmd = [str(py), str(ROOT / "benchmarks" / "run_all.py"), *rest]
    else:
        cmd = [str(py), "-m", "PyInstaller", "--noconfirm", "--clean", str(ROOT / "build.spec"), *rest]
        code = subprocess.run(cmd, cwd=ROOT, env=env).returncode
        if code == 0:
            _say("built dist/ (see docs/packaging.md); checking it with packaging/smoke_test.py")
            code = subprocess.run([str(py), str(ROOT / "packaging" / "smoke_test.py")], cwd=ROOT,
                                  env=dict(env, QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"))).returncode
        return code
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
