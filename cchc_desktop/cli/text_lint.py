"""``cchc lint-text``: the narrative checker on any text file, outside a report."""

import argparse
import sys
from pathlib import Path
from typing import Any

from cchc_desktop.cli.common import EXIT_ERRORS, UsageError
from cchc_desktop.narrative_numbers import check_text
from cchc_desktop.os_words import os_error_words


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``lint-text FILE`` (``-`` for standard input)."""
    lint = commands.add_parser(
        "lint-text",
        help="tìm số liệu không khớp trong văn bản (tổng và thành phần, tỷ lệ); mã thoát 1 nếu có",
    )
    lint.add_argument(
        "file", metavar="TỆP", help="tệp văn bản UTF-8, hoặc - để đọc từ đầu vào chuẩn"
    )
    lint.set_defaults(alone=_lint_text)


def _lint_text(args: argparse.Namespace) -> int:
    text = read_text(args.file)
    findings = check_text(text)
    for finding in findings:
        print(f"{finding.line}: {finding.message}")
    return EXIT_ERRORS if findings else 0


def read_text(name: str) -> str:
    """The file's text (``-``: standard input); ``UsageError`` in Vietnamese if unreadable."""
    where = "đầu vào chuẩn" if name == "-" else f"tệp {name}"
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise UsageError(f"không đọc được {where}: {os_error_words(error)}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{where} không phải văn bản UTF-8 (byte lạ ở vị trí {error.start}); "
            "hãy lưu lại tệp ở dạng Unicode (UTF-8)"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
