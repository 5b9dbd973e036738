"""The ``scenario-explorer`` entry point.

- ``scenario-explorer summary|export|presets ...`` runs the headless command line (imports no Qt);
- ``scenario-explorer render|report|slides ...`` draws charts with no display (Qt offscreen; slides
  writes PowerPoint's own charts);
- ``scenario-explorer`` opens the window on the announced deal (or the scenario open at the last exit);
- ``scenario-explorer FILE`` opens that scenario file (or preset) in the window;
- ``scenario-explorer --smoke-test`` checks the app end to end and exits 0 (used on the frozen bundle).
"""

from __future__ import annotations

import sys
from typing import Sequence

from explorer import cli
from explorer.i18n import set_language, system_language, tr


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--band-worker"]:  # the window's helper process (ui/band_worker.py); no Qt
        from .band_worker import worker_main

        return worker_main()
    cli.safe_streams()
    set_language(system_language())  # the command line speaks the system's language (LANG=ja_JP.UTF-8)
    if argv and argv[0] in cli.HEADLESS_COMMANDS:
        return cli.run(argv)
    if argv and argv[0] in ("render", "report", "slides", "-h", "--help", "--version"):
        from .render.headless import run  # Qt, but no display

        return run(argv)
    if argv == ["--smoke-test"]:
        from .app import setup_logging
        from .smoke import run_smoke_test

        setup_logging()
        return run_smoke_test()
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        sys.stderr.write(tr("{prog}: error: unexpected arguments {arguments}").format(prog=cli.PROG,
                                                                                      arguments=' '.join(argv))
                         + "\n" + _usage() + "\n")
        return cli.EXIT_BAD_INPUT
    if argv and not _file_or_preset(argv[0]):
        return _unknown(argv[0])
    if _no_display():
        sys.stderr.write(tr("{prog}: error: no display to open the window on. Without a screen, use summary, "
                            "render, report or export (see {prog} --help).").format(prog=cli.PROG) + "\n")
        return cli.EXIT_BAD_INPUT
    from .app import run_gui  # Qt is imported only now

    return run_gui(argv[0] if argv else None)


def _file_or_preset(word: str) -> bool:
    from pathlib import Path

    from explorer.portfolio import find_portfolio
    from explorer.presets import find_preset

    path = Path(word)
    return path.exists() or find_preset(word) is not None or (path.suffix == ".json" and find_preset(path.stem)) \
        or find_portfolio(word) is not None


def _unknown(word: str) -> int:
    """An unknown single word: not a command, a file or a preset (with the nearest names)."""
    import difflib

    from explorer.presets import list_presets

    names = list(cli.HEADLESS_COMMANDS) + ["render", "report", "slides"] + [p.key for p in list_presets()]
    near = difflib.get_close_matches(word, names, n=2, cutoff=0.5)
    message = tr("{prog}: error: '{word}' is not a command, a scenario file or a preset.").format(prog=cli.PROG,
                                                                                                 word=word)
    if len(near) == 1:
        message += tr(" Did you mean {name}?").format(name=repr(near[0]))
    elif near:
        message += tr(" Did you mean {first} or {second}?").format(first=repr(near[0]), second=repr(near[1]))
    sys.stderr.write(message + "\n" + _usage() + "\n")
    return cli.EXIT_BAD_INPUT


def _usage() -> str:
    return tr("usage: {prog} [FILE] | {prog} COMMAND ... (see {prog} --help)").format(prog=cli.PROG)


def _no_display() -> bool:
    """True on Linux (and other X11/Wayland systems) with no display and no platform chosen."""
    import os

    if sys.platform in ("darwin", "win32") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


if __name__ == "__main__":
    sys.exit(main())
