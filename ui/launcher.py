"""The ``scenario-explorer`` entry point.

- ``scenario-explorer summary|export|presets ...`` runs the headless command line (no Qt imported);
- ``scenario-explorer`` or ``scenario-explorer FILE`` opens the window.
"""

from __future__ import annotations

import sys
from typing import Sequence

from explorer import cli


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in cli.HEADLESS_COMMANDS or argv[0] in ("-h", "--help", "--version")):
        return cli.run(argv)
    # Until the window exists: print the scenario's summary.
    return cli.run(["summary", argv[0] if argv else "openai-aws-deal"])


if __name__ == "__main__":
    sys.exit(main())
