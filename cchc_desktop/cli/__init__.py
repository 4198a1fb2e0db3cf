"""The ``cchc`` command line: create, fill, inspect and check reports without the UI.

Exit codes: 0 done; 1 the check found errors; 2 bad usage or bad input. Every
message is Vietnamese and no traceback reaches the user.

Each module of this package adds its commands in ``register``: a command that
works on the clerk's reports sets ``with_store`` (called with the open store),
any other sets ``alone`` (called with the parsed arguments only).
"""

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from cchc_desktop import __version__
from cchc_desktop.catalogue import CatalogueError, load_catalogue
from cchc_desktop.cli import bundles, province, reports, text_lint
from cchc_desktop.cli.common import EXIT_USAGE, UsageError
from cchc_desktop.paths import default_db_path
from cchc_desktop.store import ReportNotFound, Store

_COMMAND_MODULES = (reports, bundles, province, text_lint)

_ARGPARSE_WORDS = [
    (r"the following arguments are required: (.*)", r"thiếu tham số: \1"),
    (r"unrecognized arguments: (.*)", r"không hiểu tham số: \1"),
    (r"argument (\S+): invalid choice: '([^']*)'.*", r"tham số \1: không có lựa chọn «\2»"),
    (r"argument (\S+): invalid int value: '([^']*)'", r"tham số \1: «\2» không phải số nguyên"),
    (r"argument (\S+): expected one argument", r"tham số \1 cần một giá trị"),
    (r"argument (\S+): not allowed with argument (\S+)", r"tham số \1 không dùng cùng \2"),
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        for pattern, words in _ARGPARSE_WORDS:
            message = re.sub(pattern, words, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cchc", description="Báo cáo cải cách hành chính cấp xã (CCHC Desktop)")
    parser.add_argument("--version", action="version", version=f"cchc {__version__}")
    parser.add_argument(
        "--db", type=Path, help="tệp dữ liệu (mặc định: thư mục dữ liệu người dùng)"
    )
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", required=True)
    for module in _COMMAND_MODULES:
        module.register(commands)
    return parser


def _run_with_store(args: argparse.Namespace) -> int:
    with Store.open(args.db or default_db_path(), load_catalogue()) as store:
        for notice in store.notices:
            print(notice, file=sys.stderr)
        result: int = args.with_store(store, args)
        return result


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if hasattr(args, "alone"):
            result: int = args.alone(args)
            return result
        return _run_with_store(args)
    except (UsageError, ValueError, KeyError, ReportNotFound, CatalogueError) as error:
        message = error.args[0] if error.args else str(error)
        print(f"Lỗi: {message}", file=sys.stderr)
        return EXIT_USAGE


def main() -> None:
    sys.exit(run())
