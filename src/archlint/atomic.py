"""Writing files so that a failure never leaves half of one behind, and a write never
changes what the path is.

A symbolic link is written through to the file it leads to. A regular file is replaced
by a new one written next to it (an anonymous file where the system has them, so that
even a process killed with SIGKILL leaves nothing behind) and renamed over it, with the
original's mode and owner; where the temporary file needs a name, the name says which
process wrote it, and the next write to the same file removes one that a killed process
left behind. A file with other hard links, or whose owner cannot be kept,
is rewritten in place instead, and restored if that fails. A FIFO, a device, a socket or
a folder is refused. Every error is an OSError that names the path given, never a
temporary file.
"""

from __future__ import annotations

import os
import signal
import stat
from pathlib import Path

from archlint.paths import not_regular, real

_CRITICAL = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (UTF-8, no newline translation). On failure the
    original is untouched and an OSError naming ``path`` is raised."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    try:
        try:
            status: os.stat_result | None = os.stat(path)  # what the path leads to
        except FileNotFoundError:
            status = None
        target = real(path)
        if status is not None:
            why = not_regular(status.st_mode)
            if why:
                raise OSError(0, why)
        if status is not None and (status.st_nlink > 1 or not _can_own_as(status)):
            _rewrite_in_place(target, data)
        else:
            _replace(target, data, status)
    except OSError as error:
        raise OSError(error.errno, error.strerror or str(error), str(path)) from None


def _can_own_as(status: os.stat_result) -> bool:
    """Can a new file get this file's owner and group?"""
    return os.geteuid() == 0 or (status.st_uid, status.st_gid) == (os.geteuid(), os.getegid())


_ANONYMOUS: dict[int, bool] = {}  # by device: can a file be made without a name there?


def anonymous_files(folder: Path) -> bool:
    """Can a file be made in ``folder`` without a name and be given one later (Linux's
    O_TMPFILE, and a link from /proc/self/fd)? Asked once per device."""
    try:
        device = os.stat(folder).st_dev
    except OSError:
        return False
    if device not in _ANONYMOUS:
        try:
            fd = _anonymous(folder)
        except OSError:
            _ANONYMOUS[device] = False
        else:
            import tempfile  # here: a run that writes nothing does not load it

            probe = tempfile.mktemp(prefix=".archlint-probe.", dir=folder)
            try:
                os.link(f"/proc/self/fd/{fd}", probe, follow_symlinks=True)
                os.unlink(probe)
                _ANONYMOUS[device] = True
            except OSError:
                _ANONYMOUS[device] = False
            finally:
                os.close(fd)
    return _ANONYMOUS[device]


def _anonymous(folder: Path) -> int:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        raise OSError(0, "no anonymous files here")
    return os.open(folder, flag | os.O_WRONLY | os.O_CLOEXEC, 0o666)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _prefix(target: Path, pid: int | None = None) -> str:
    """How the temporary files for ``target`` written by process ``pid`` are named."""
    return f".{target.name}.archlint-{os.getpid() if pid is None else pid}."


def _remove_left_behind(target: Path) -> None:
    """Remove the temporary files for ``target`` that a process killed while writing
    (SIGKILL cannot be caught) left behind: those named for a process that is gone."""
    start = f".{target.name}.archlint-"
    try:
        names = [name for name in os.listdir(target.parent)
                 if name.startswith(start) and name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(start):].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(target.parent / name)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _replace(target: Path, data: bytes, status: os.stat_result | None) -> None:
    import tempfile  # here: a run that writes nothing does not load it

    folder = target.parent
    named: str | None = None
    _remove_left_behind(target)
    if anonymous_files(folder):
        fd = _anonymous(folder)
    else:
        fd, named = tempfile.mkstemp(prefix=_prefix(target), suffix=".tmp", dir=folder)
    try:
        _write_all(fd, data)
        if status is not None:
            os.fchmod(fd, stat.S_IMODE(status.st_mode))
            if (status.st_uid, status.st_gid) != (os.geteuid(), os.getegid()):
                os.fchown(fd, status.st_uid, status.st_gid)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        os.fsync(fd)
        # from here to the rename, a signal would leave a named temporary file behind
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _CRITICAL)
        try:
            if named is None:
                named = tempfile.mktemp(prefix=_prefix(target), suffix=".tmp", dir=folder)
                os.link(f"/proc/self/fd/{fd}", named, follow_symlinks=True)
            os.replace(named, target)
            named = None
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    finally:
        os.close(fd)
        if named is not None:
            Path(named).unlink(missing_ok=True)


def _rewrite_in_place(target: Path, data: bytes) -> None:
    """Overwrite the file itself (its inode, so its hard links, owner and mode stay);
    if that fails, put the original bytes back before raising."""
    fd = os.open(target, os.O_RDWR | os.O_CLOEXEC)
    try:
        original = b""
        while chunk := os.pread(fd, 1 << 20, len(original)):
            original += chunk
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _CRITICAL)
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            _write_all(fd, data)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except OSError:
            written = 0
            while written < len(original):  # the original's own blocks: no new space
                written += os.pwrite(fd, original[written:], written)
            os.ftruncate(fd, len(original))
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    finally:
        os.close(fd)
