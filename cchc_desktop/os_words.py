"""A failed file or database operation in Vietnamese words, for the whole application.

The system's own text (``strerror``, SQLite's message) is English and often names a
temporary file the officer never chose: it is never shown. A code without words of
its own is said by number (``lỗi hệ thống số 5``), which a helper can look up.
"""

import errno
import sqlite3
from pathlib import Path

_FULL = "ổ đĩa đã đầy, không đủ chỗ ghi tệp."
_DEVICE = "lỗi thiết bị (USB bị rút hoặc hỏng?)."

_WRITE_WORDS = {
    errno.ENOENT: "không tìm thấy thư mục chứa tệp (có thể USB đã bị rút).",
    errno.ENOTDIR: "đường dẫn có một phần là tệp, không phải thư mục.",
    errno.EACCES: "không có quyền ghi vào thư mục này.",
    errno.EPERM: "không có quyền ghi vào thư mục này.",
    errno.EROFS: "ổ đĩa chỉ cho đọc (USB đang bị khóa ghi?).",
    errno.ENOSPC: _FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): _FULL,
    errno.EIO: _DEVICE,
    errno.EISDIR: "đã có một thư mục trùng tên tệp.",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài.",
}

_READ_WORDS = {
    errno.ENOENT: "không tìm thấy tệp (có thể USB đã bị rút).",
    errno.ENOTDIR: "đường dẫn có một phần là tệp, không phải thư mục.",
    errno.EACCES: "không có quyền đọc tệp.",
    errno.EPERM: "không có quyền đọc tệp.",
    errno.EISDIR: "đây là một thư mục, không phải tệp.",
    errno.EIO: _DEVICE,
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài.",
}


def os_error_words(error: OSError, *, writing: bool = False) -> str:
    """A failed file read (or, with ``writing``, write) in Vietnamese words, ending in a
    full stop: a missing file or folder, no permission, a full or read-only disk.

    Never the system's English ``strerror``; the caller names the file.
    """
    if isinstance(error, FileNotFoundError) and not writing:
        return _READ_WORDS[errno.ENOENT]
    if isinstance(error, IsADirectoryError) and not writing:
        return _READ_WORDS[errno.EISDIR]
    if isinstance(error, PermissionError) and not writing:
        return _READ_WORDS[errno.EACCES]
    words = (_WRITE_WORDS if writing else _READ_WORDS).get(error.errno or 0)
    if words is not None:
        return words
    doing = "ghi" if writing else "đọc"
    if isinstance(error.errno, int) and error.errno:
        return f"lỗi hệ thống số {error.errno} khi {doing} tệp."
    return f"lỗi khi {doing} tệp."


def write_failed_words(path: Path | str, error: BaseException) -> str:
    """``Không ghi được tệp «…/tong-hop.pdf»: ổ đĩa đã đầy, …``: the file the officer
    chose and, for a system error, what went wrong."""
    if isinstance(error, OSError):
        return f"Không ghi được tệp «{path}»: {os_error_words(error, writing=True)}"
    return f"Không ghi được tệp «{path}»: {error}"


def storage_error_words(error: BaseException) -> str:
    """What went wrong writing the database (or a file), in Vietnamese words ending in a
    full stop; ``""`` when there is nothing to say but that it failed.

    A locked or busy database, a full disk, a read-only file, a device error; never
    SQLite's English message.
    """
    if isinstance(error, OSError):
        return os_error_words(error, writing=True)
    if not isinstance(error, sqlite3.OperationalError):
        return ""
    name = (getattr(error, "sqlite_errorname", "") or "").upper()
    text = str(error).lower()
    if "LOCKED" in name or "BUSY" in name or "locked" in text or "busy" in text:
        return (
            "tệp dữ liệu đang bận (có thể đang mở ở một cửa sổ hoặc chương trình khác); "
            "hãy đợi một lát."
        )
    if "FULL" in name or "full" in text:
        return _FULL
    if "READONLY" in name or "readonly" in text or "read-only" in text:
        return "tệp dữ liệu chỉ cho đọc (không có quyền ghi, hoặc USB đang bị khóa ghi?)."
    if "IOERR" in name or "i/o error" in text:
        return _DEVICE
    return ""
