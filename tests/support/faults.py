"""Faults the file system can give, for tests."""

from __future__ import annotations

from explorer import files


def disk_full(monkeypatch) -> None:
    """From now on every write through explorer.files fails with ENOSPC (its temporary file is
    /dev/full), as on a full disk."""
    real = files._new_temporary

    def full(path):
        tmp = real(path)
        tmp.unlink()
        tmp.symlink_to("/dev/full")
        return tmp

    monkeypatch.setattr(files, "_new_temporary", full)
