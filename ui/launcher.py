"""The ``scenario-explorer`` entry point.

- ``scenario-explorer summary|export|presets ...`` runs the headless command line (imports no Qt);
- ``scenario-explorer render|report ...`` draws charts with no display (Qt offscreen);
- ``scenario-explorer`` opens the window on the announced deal (or the scenario open at the last exit);
- ``scenario-explorer FILE`` opens that scenario file (or preset) in the window;
- ``scenario-explorer --smoke-test`` checks the app end to end and exits 0 (used on the frozen bundle).
"""

from __future__ import annotations

import sys
from typing import Sequence

from explorer import cli


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--band-worker"]:  # the window's helper process (ui/band_worker.py); no Qt
        from .band_worker import worker_main

        return worker_main()
    if argv and argv[0] in cli.HEADLESS_COMMANDS:
        return cli.run(argv)
    if argv and argv[0] in ("render", "report", "-h", "--help", "--version"):
        from .render.headless import run  # Qt, but no display

        return run(argv)
    if argv == ["--smoke-test"]:
        from .app import setup_logging
        from .smoke import run_smoke_test

        setup_logging()
        return run_smoke_test()
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        sys.stderr.write(f"{cli.PROG}: error: unexpected arguments {' '.join(argv)}\n"
                         f"usage: {cli.PROG} [FILE] | {cli.PROG} COMMAND ... (see {cli.PROG} --help)\n")
        return cli.EXIT_BAD_INPUT
    from .app import run_gui  # Qt is imported only now

    return run_gui(argv[0] if argv else None)


if __name__ == "__main__":
    sys.exit(main())
