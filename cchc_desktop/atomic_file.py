"""Writing a file so that a crash or a pulled stick never leaves half of it.

A temporary file beside the target, flushed and fsynced, renamed over the target,
then the folder fsynced: the target's name only ever holds the previous file or
the complete new one. The temporary file is created as any new file is (mode
0o666 less the umask), not 0o600 as ``tempfile.mkstemp`` would: the rename keeps
the mode, and what is written here (a bundle, a PDF, a CSV) is meant to be read
by someone else — another user, the province office's PC.
"""

import contextlib
import errno
import os
import secrets
from pathlib import Path


def write_atomically(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; no temporary file is left behind.

    An ``OSError`` names ``path`` (the file asked for), never the temporary file,
    so that messages name what the user chose.
    """
    path = Path(path)
    partial: str | None = None
    try:
        handle, partial = _create_partial(path)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
        partial = None
        _fsync_folder(path.parent)
    except OSError as error:
        if error.errno is None or error.filename == str(path):
            raise
        raise OSError(error.errno, error.strerror, str(path)) from error
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)


def _create_partial(target: Path) -> tuple[int, str]:
    """A new empty file beside ``target``, open for writing; its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(partial, flags, 0o666), str(partial)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder, and needs not."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems (FAT on a stick, network shares) refuse; the data is synced
    finally:
        os.close(handle)
