"""A failed file or database operation in Vietnamese words: never the system's English,
never the temporary file written first."""

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop import atomic_file
from cchc_desktop.atomic_file import write_atomically
from cchc_desktop.bundle import bundle_bytes, bundle_file_name
from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.cli import text_lint
from cchc_desktop.cli.common import UsageError
from cchc_desktop.os_words import (
    os_error_words,
    storage_error_words,
    write_failed_words,
)
from cchc_desktop.province import ImportFailed, ProvinceDatabase, import_paths
from cchc_desktop.province import importer as importer_module
from cchc_desktop.province.sample import sample_bundle
from cchc_desktop.units import communes


@pytest.mark.parametrize("writing", [False, True])
@pytest.mark.parametrize("code", [errno.EAGAIN, errno.EFBIG, errno.ENXIO])
def test_a_code_without_words_is_said_by_number_not_in_english(code, writing):
    said = os_error_words(
        OSError(code, os.strerror(code), "/x/.y.pdf.1a2b3c4d.tmp"), writing=writing
    )
    assert said == f"lỗi hệ thống số {code} khi {'ghi' if writing else 'đọc'} tệp."
    assert os.strerror(code) not in said and ".tmp" not in said


def test_reading_and_writing_have_their_own_words():
    assert os_error_words(OSError(errno.EIO, "Input/output error")).startswith("lỗi thiết bị")
    assert os_error_words(PermissionError(errno.EACCES, "Permission denied")) == (
        "không có quyền đọc tệp."
    )
    assert os_error_words(PermissionError(errno.EACCES, "x"), writing=True) == (
        "không có quyền ghi vào thư mục này."
    )
    assert os_error_words(OSError("no code")) == "lỗi khi đọc tệp."


def test_a_failed_atomic_write_names_the_file_asked_for(tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.pdf"

    def full_disk(partial, path):  # the system names the temporary file it was writing
        raise OSError(errno.ENOSPC, "No space left on device", partial)

    monkeypatch.setattr(atomic_file.os, "replace", full_disk)
    with pytest.raises(OSError) as raised:
        write_atomically(target, b"%PDF")
    assert raised.value.filename == str(target)
    assert write_failed_words(raised.value.filename, raised.value) == (
        f"Không ghi được tệp «{target}»: ổ đĩa đã đầy, không đủ chỗ ghi tệp."
    )
    assert list(tmp_path.iterdir()) == []  # no temporary left


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (sqlite3.OperationalError("database is locked"), "tệp dữ liệu đang bận"),
        (sqlite3.OperationalError("database table is locked"), "tệp dữ liệu đang bận"),
        (sqlite3.OperationalError("database or disk is full"), "ổ đĩa đã đầy"),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            "tệp dữ liệu chỉ cho đọc",
        ),
        (sqlite3.OperationalError("disk I/O error"), "lỗi thiết bị"),
        (OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đã đầy"),
        (sqlite3.OperationalError("no such table: reports"), ""),
        (sqlite3.IntegrityError("UNIQUE constraint failed"), ""),
        (LookupError("report 3"), ""),
    ],
)
def test_storage_errors_in_words_or_nothing(error, words):
    said = storage_error_words(error)
    assert said.startswith(words) if words else said == ""
    assert str(error) not in said or not str(error)


def test_lint_text_says_an_unreadable_file_in_words(tmp_path, monkeypatch):
    path = tmp_path / "bao-cao.txt"
    path.write_text("x")

    def broken(self: Path) -> bytes:
        raise OSError(errno.EIO, "Input/output error", str(self))

    monkeypatch.setattr(Path, "read_bytes", broken)
    with pytest.raises(UsageError) as raised:
        text_lint.read_text(str(path))
    said = str(raised.value)
    assert said == f"không đọc được tệp {path}: lỗi thiết bị (USB bị rút hoặc hỏng?)."
    assert "Input/output" not in said


def _database_failure(tmp_path: Path, monkeypatch, error: Exception) -> str:
    catalogue = load_catalogue()
    db = ProvinceDatabase.open(tmp_path / "tinh.sqlite3")
    bundle = sample_bundle(next(iter(communes("04"))), "2026-Q1", catalogue)
    path = tmp_path / bundle_file_name(bundle)
    path.write_bytes(bundle_bytes(bundle))

    def refuse(*args: Any) -> Any:
        raise error

    monkeypatch.setattr(importer_module, "_one", refuse)
    try:
        with pytest.raises(ImportFailed) as raised:
            import_paths(db, [path], catalogue)
    finally:
        db.close()
    return str(raised.value)


def test_a_locked_province_database_is_said_in_words(tmp_path, monkeypatch):
    said = _database_failure(tmp_path, monkeypatch, sqlite3.OperationalError("database is locked"))
    assert "tệp dữ liệu đang bận" in said and said.endswith(". Chưa nhập tệp nào.")
    assert "database is locked" not in said


def test_another_database_error_leaves_the_detail_out(tmp_path, monkeypatch):
    said = _database_failure(tmp_path, monkeypatch, sqlite3.IntegrityError("CHECK failed"))
    assert said == (
        f"Không ghi được vào tệp dữ liệu tổng hợp {tmp_path / 'tinh.sqlite3'}. Chưa nhập tệp nào."
    )
