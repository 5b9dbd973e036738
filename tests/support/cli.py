"""Running the headless command line in-process, for tests."""

from __future__ import annotations

import io

from explorer.cli import run


def run_cli(*argv) -> tuple[int, str, str]:
    """(exit code, what it printed, what it printed on stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()
