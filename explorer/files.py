"""Reading and writing the app's files. Reads name the file and what went wrong in every error;
writes lose nothing on a failure (a temporary file beside the target, renamed over it in one step)."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path
from typing import Callable, Sequence

from .errors import ExplorerError, OutputError, WriteFailed
from .i18n import tr


def read_text(path: str | os.PathLike, what: str, limit: int, error: type[ExplorerError],
              hint: str = "UTF-8 text") -> str:
    """A small UTF-8 text file's contents. Every problem raises ``error`` with a message that names
    the file: missing, a folder, a device or pipe (never opened: reading one could block forever),
    unreadable, a symlink loop, too large (over ``limit`` bytes), not UTF-8 text. ``what`` and
    ``hint`` are English marked with QT_TR_NOOP where written (they are translated here)."""
    path = Path(path)
    shown = shown_path(path)
    what, hint = tr(what), tr(hint)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise error(tr("{path}: is a folder, not a {what}").format(path=shown, what=what))
        if not stat.S_ISREG(st.st_mode):
            raise error(tr("{path}: is not a regular file (a device or a pipe), not a {what}").format(
                path=shown, what=what))
        if st.st_size > limit:
            raise error(tr("{name}: too large for a {what} ({size} bytes; at most {limit})").format(
                name=path.name, what=what, size=f"{st.st_size:,}", limit=f"{limit:,}"))
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)  # the size may have changed since stat()
        if len(raw) > limit:
            raise error(tr("{name}: too large for a {what} (over {limit} bytes)").format(
                name=path.name, what=what, limit=f"{limit:,}"))
    except FileNotFoundError:
        raise error(tr("{path}: no such file").format(path=shown)) from None
    except PermissionError:
        raise error(tr("{path}: permission denied").format(path=shown)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise error(tr("{path}: a symbolic link that loops").format(path=shown)) from None
        raise error(tr("{path}: cannot be read ({reason})").format(path=shown, reason=_reason(exc))) from None
    except MemoryError:
        raise error(tr("{name}: too large to read").format(name=path.name)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(tr("{name}: not a text file (a {what} is {hint})").format(name=path.name, what=what,
                                                                               hint=hint)) from None


def slug(name: str) -> str:
    """A file-name stem from a scenario's name: 'OpenAI–AWS (2025)' -> 'openai-aws-2025'."""
    keep = "".join(ch if ch.isalnum() else "-" for ch in name.lower())
    return "-".join(filter(None, keep.split("-")))[:60] or "scenario"


def shown_path(path: str | os.PathLike, limit: int = 120) -> str:
    """A path as messages print it: whole when short, else its start and end around '…'."""
    text = str(path)
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return text[:keep] + "…" + text[-keep:]


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def cannot_write(shown: str, reason: str) -> str:
    """'cannot write PATH: REASON' (the reason as the system gives it)."""
    return tr("cannot write {path}: {reason}").format(path=shown, reason=reason)


def check_writable_target(path: str | os.PathLike) -> Path:
    """The real file a write to ``path`` should replace (a symlink is followed), or an OutputError if
    it is empty, a folder, a device or pipe, read-only, a symlink loop, or in a folder that does not
    exist."""
    if not str(path).strip():
        raise OutputError(tr("no output file given"))
    path = Path(path)
    shown = shown_path(path)
    try:
        if path.is_symlink():
            try:
                path = path.resolve(strict=False)
            except RuntimeError:  # Python < 3.13 reports a loop this way
                raise WriteFailed(tr("cannot write {path}: it is a symbolic link that loops").format(
                    path=shown)) from None
        st = path.stat() if path.exists() else None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise WriteFailed(tr("cannot write {path}: it is a symbolic link that loops").format(
                path=shown)) from None
        raise WriteFailed(cannot_write(shown, _reason(exc))) from None
    if path.is_dir():
        raise WriteFailed(tr("cannot write {path}: it is a folder").format(path=shown))
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise WriteFailed(tr("cannot write {path}: it is not a regular file").format(path=shown))
    if st is not None and (not st.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)):
        raise WriteFailed(tr("cannot write {path}: the file is read-only (make it writable, or choose "
                             "another name)").format(path=shown))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise WriteFailed(tr("cannot write {path}: the folder {folder} does not exist").format(
            path=shown, folder=shown_path(folder)))
    return path


# Temporary files are named .NAME.<pid>-<random>.tmp beside their target, so a later write can tell
# the leftovers of a process that died (killed mid-write, a power cut) from a write in progress.
_TMP_RE = re.compile(r"^\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[A-Za-z0-9_]+\.tmp$")
STALE_TMP_AGE_S = 600  # a leftover whose writer cannot be identified is stale after 10 minutes
DEAD_WRITER_AGE_S = 60  # one whose writer no longer runs, after a minute


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # (os.kill would end the process there) unknown: trust the age rule
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def clean_stale_temporaries(target: Path) -> int:
    """Remove the temporary files that interrupted writes of ``target`` left beside it: those of a
    process that no longer runs, or (old names, other systems) older than STALE_TMP_AGE_S. Returns
    how many were removed. Never raises."""
    removed = 0
    try:
        entries = list(os.scandir(target.parent if str(target.parent) else "."))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        m = _TMP_RE.match(entry.name)
        if not m or m.group("name") != target.name:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            pid = m.group("pid")
            age = now - entry.stat(follow_symlinks=False).st_mtime
            # a writer that no longer runs (and a minute gone: a pid of another pid namespace, a
            # sandbox or a shared folder, may look dead), or one of no known writer, 10 minutes gone
            stale = (age > DEAD_WRITER_AGE_S and not _alive(int(pid))) if pid else False
            if not stale:
                stale = age > STALE_TMP_AGE_S
            if stale:
                os.unlink(entry.path)
                removed += 1
        except (OSError, ValueError):
            continue
    return removed


def _new_temporary(path: Path) -> Path:
    """An empty new file beside ``path`` with the mode a new file gets (the umask applies)."""
    folder = path.parent if str(path.parent) else Path(".")
    for _ in range(20):
        tmp = folder / f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        except PermissionError:
            raise WriteFailed(tr("cannot write {path}: no permission to write in {folder}").format(
                path=shown_path(path), folder=shown_path(folder))) from None
        except OSError as exc:
            raise WriteFailed(cannot_write(shown_path(path), _reason(exc))) from None
        os.close(fd)
        return tmp
    raise WriteFailed(tr("cannot write {path}: no free temporary name in {folder}").format(
        path=shown_path(path), folder=shown_path(folder)))


def atomic_write(path: str | os.PathLike, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp_path)`` then move the result onto ``path``; on any failure the target is
    untouched, the temporary file removed, and an OutputError names the path and the reason."""
    atomic_write_all([(path, write)])


def atomic_write_all(items: Sequence[tuple[str | os.PathLike, Callable[[Path], None]]]) -> list[Path]:
    """Write several files all or nothing: every target is checked and every temporary file written
    before the first is renamed over its target (a failure on the way leaves every target as it
    was). Returns the targets written."""
    targets = [check_writable_target(path) for path, _ in items]
    temps: list[Path] = []
    try:
        for target, (_, write) in zip(targets, items):
            clean_stale_temporaries(target)
            tmp = _new_temporary(target)
            temps.append(tmp)
            try:
                write(tmp)
                if target.exists():  # keep the mode of the file it replaces
                    os.chmod(tmp, target.stat().st_mode & 0o7777)
            except OSError as exc:
                raise WriteFailed(cannot_write(shown_path(target), _reason(exc))) from None
        if len(targets) == 1:
            try:
                os.replace(temps[0], targets[0])  # one file: the rename itself is atomic
            except OSError as exc:
                raise WriteFailed(cannot_write(shown_path(targets[0]), _reason(exc))) from None
        else:
            _replace_all(targets, temps)
    finally:
        for tmp in temps:
            try:
                tmp.unlink()
            except OSError:
                pass  # (renamed: gone already)
    return targets


def _replace_all(targets: list[Path], temps: list[Path]) -> None:
    """Rename every temporary file onto its target, all or none: the old files are moved aside
    first (a file another program holds open fails here, before anything changed) and put back if a
    later rename fails. The moved-aside copies (.NAME.<pid>-<random>.old) are removed at the end;
    only a crash in between leaves one, and it is never cleaned away automatically."""
    aside: list[tuple[Path, Path]] = []
    done: list[Path] = []

    def undo() -> None:
        for target in done:
            try:
                target.unlink()
            except OSError:
                pass
        for target, old in reversed(aside):
            try:
                os.replace(old, target)
            except OSError:
                pass

    try:
        for target in targets:
            if target.exists():
                old = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.old")
                os.replace(target, old)
                aside.append((target, old))
        for target, tmp in zip(targets, temps):
            os.replace(tmp, target)
            done.append(target)
    except OSError as exc:
        failed = next((t for t in targets if t not in done), targets[-1])
        undo()
        raise WriteFailed(tr("cannot write {path}: {reason} (none of the {count} files was changed)").format(
            path=shown_path(failed), reason=_reason(exc), count=len(targets))) from None
    for _, old in aside:
        try:
            old.unlink()
        except OSError:
            pass


def _write_fully(tmp: Path, data: bytes) -> None:
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def text_bytes(text: str, path: str | os.PathLike = "") -> bytes:
    """UTF-8 bytes of ``text``; a character UTF-8 cannot hold (a lone surrogate) is an OutputError."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start:exc.end]
        raise WriteFailed(tr("cannot write {path}: the text holds a character that cannot be saved "
                             "(U+{code})").format(path=shown_path(path), code=f"{ord(bad[0]):04X}")) from None


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    data = text_bytes(text, path)
    atomic_write(path, lambda tmp: _write_fully(tmp, data))


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    atomic_write(path, lambda tmp: _write_fully(tmp, data))


def bytes_writer(data: bytes) -> Callable[[Path], None]:
    """A ``write`` for atomic_write_all that writes ``data``."""
    return lambda tmp: _write_fully(tmp, data)
