"""Reading and writing the app's files. Reads name the file and what went wrong in every error;
writes lose nothing on a failure (a temporary file beside the target, renamed over it in one step)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from .errors import ExplorerError, OutputError


def read_text(path: str | os.PathLike, what: str, limit: int, error: type[ExplorerError],
              hint: str = "UTF-8 text") -> str:
    """A small UTF-8 text file's contents. Every problem raises ``error`` with a message that names
    the file: missing, a folder, unreadable, too large (over ``limit`` bytes), not UTF-8 text."""
    path = Path(path)
    try:
        if path.is_dir():
            raise error(f"{path}: is a folder, not a {what}")
        if path.exists() and not path.is_file():
            raise error(f"{path}: is not a regular file")
        size = path.stat().st_size
        if size > limit:
            raise error(f"{path.name}: too large for a {what} ({size:,} bytes)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except PermissionError:
        raise error(f"{path}: permission denied") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{path.name}: not a text file (a {what} is {hint})") from None


def slug(name: str) -> str:
    """A file-name stem from a scenario's name: 'OpenAI–AWS (2025)' -> 'openai-aws-2025'."""
    keep = "".join(ch if ch.isalnum() else "-" for ch in name.lower())
    return "-".join(filter(None, keep.split("-")))[:60] or "scenario"


def check_writable_target(path: str | os.PathLike) -> Path:
    """The real file a write to ``path`` should replace (a symlink is followed), or an OutputError if
    it is empty, a folder, a device or pipe, or in a folder that does not exist."""
    if not str(path).strip():
        raise OutputError("no output file given")
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    if path.exists() and not path.is_file():
        raise OutputError(f"cannot write {path}: it is not a regular file")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    return path


def atomic_write(path: str | os.PathLike, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp_path)`` then move the result onto ``path``; on any failure the target is
    untouched, the temporary file removed, and an OutputError names the path and the reason."""
    path = check_writable_target(path)
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except PermissionError:
        raise OutputError(f"cannot write {path}: no permission to write in {folder}") from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # mkstemp makes the file private (0600); give it the mode a normally created file would have
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except OutputError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())

    atomic_write(path, write)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    atomic_write(path, write)
