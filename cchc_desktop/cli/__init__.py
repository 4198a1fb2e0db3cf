"""The ``cchc`` command line: create, fill, inspect and check reports without the UI.

Exit codes: 0 done; 1 the check found errors; 2 bad usage or bad input. Every
message is Vietnamese and no traceback reaches the user.

Each module of this package adds its commands in ``register``: a command that
works on the clerk's reports sets ``with_store`` (called with the open store),
any other sets ``alone`` (called with the parsed arguments only).
"""

import argparse
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from cchc_desktop import __version__
from cchc_desktop.catalogue import CatalogueError, load_catalogue
from cchc_desktop.cli import bundles, province, reports, text_lint
from cchc_desktop.cli.common import EXIT_ERRORS, EXIT_USAGE, UsageError
from cchc_desktop.paths import default_db_path
from cchc_desktop.store import ReportNotFound, Store

_COMMAND_MODULES = (reports, bundles, province, text_lint)

_ARGPARSE_WORDS = [
    (r"the following arguments are required: (.*)", r"thiếu tham số: \1"),
    (r"one of the arguments (.*) is required", r"cần một trong các tham số: \1"),
    (r"unrecognized arguments: (.*)", r"không hiểu tham số: \1"),
    (r"argument (\S+): invalid choice: '([^']*)'.*", r"tham số \1: không có lựa chọn «\2»"),
    (r"argument (\S+): invalid int value: '([^']*)'", r"tham số \1: «\2» không phải số nguyên"),
    (r"argument (\S+): invalid \S+ value: '([^']*)'", r"tham số \1: giá trị «\2» không hợp lệ"),
    (r"argument (\S+): expected one argument", r"tham số \1 cần một giá trị"),
    (r"argument (\S+): expected at most one argument", r"tham số \1 chỉ nhận tối đa một giá trị"),
    (r"argument (\S+): expected at least one argument", r"tham số \1 cần ít nhất một giá trị"),
    (r"argument (\S+): ignored explicit argument '([^']*)'", r"tham số \1 không nhận giá trị «\2»"),
    (r"argument (\S+): not allowed with argument (\S+)", r"tham số \1 không dùng cùng \2"),
    (r"ambiguous option: (\S+) could match (.*)", r"tùy chọn \1 chưa rõ, có thể là: \2"),
]


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with its own words in Vietnamese ("Cách dùng:" for "usage:")."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks Vietnamese; subcommand parsers are made of it too."""

    argv: list[str] | None = None  # the command line, to explain a misplaced option

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="xem hướng dẫn này"
        )

    def error(self, message: str) -> NoReturn:
        misplaced = self._misplaced_option(message)
        for pattern, words in _ARGPARSE_WORDS:
            message = re.sub(pattern, words, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi: {misplaced or message}\n")

    def _misplaced_option(self, message: str) -> str | None:
        """Words for an option written before the command name (``cchc --x Y summary``)."""
        if self.argv is None:
            return None
        chosen = re.match(r"argument LỆNH: invalid choice: '([^']*)'", message)
        if chosen:
            value = chosen[1]
            index = self.argv.index(value) if value in self.argv else -1
            before = self.argv[index - 1] if index > 0 else ""
            if before.startswith("-"):
                return _after_command(before, value, self._command_in(self.argv[index + 1 :]))
            return f"tham số LỆNH: không có lựa chọn «{value}» (xem danh sách lệnh: cchc --help)"
        unknown = re.match(r"unrecognized arguments: (.*)", message)
        if unknown:
            command = self._command_in(self.argv)
            head = self.argv[: self.argv.index(command)] if command else []
            given = unknown[1].split()
            for index, option in enumerate(given):
                name = option.split("=")[0]
                if option.startswith("-") and name in head:
                    return _after_command(option, None, command)
                own = self._own_option(name)
                if command and own is not None:
                    value = given[index + 1] if index + 1 < len(given) else None
                    return _before_command(option, own, value, command)
        return None

    def _own_option(self, name: str) -> argparse.Action | None:
        """An option of ``cchc`` itself (``--db``, ``--version``), which goes before the command."""
        return next(
            (
                action
                for action in self._actions
                if name in action.option_strings and not isinstance(action, argparse._HelpAction)
            ),
            None,
        )

    def _command_in(self, argv: list[str]) -> str | None:
        names = set()
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                names |= set(action.choices)
        return next((arg for arg in argv if arg in names), None)


def _after_command(option: str, value: str | None, command: str | None) -> str:
    """Options of a command go after its name."""
    given = f"{option} {value}" if value is not None else option
    example = f"cchc {command or 'LỆNH'} {given} …"
    return (
        f"tùy chọn «{option.split('=')[0]}» phải đặt sau tên lệnh, ví dụ: {example} "
        "(chỉ --db và --version đặt trước tên lệnh)"
    )


def _before_command(option: str, action: argparse.Action, value: str | None, command: str) -> str:
    """``cchc list --db X``: the options of ``cchc`` itself go before the command name."""
    name = option.split("=")[0]
    if isinstance(action, argparse._VersionAction):
        return f"tùy chọn «{name}» đặt trước tên lệnh, không kèm lệnh: cchc {name}"
    given = option
    if action.nargs != 0 and "=" not in option:
        given = f"{option} {value if value and not value.startswith('-') else action.metavar}"
    return f"tùy chọn «{name}» phải đặt trước tên lệnh, ví dụ: cchc {given} {command} …"


def _parser() -> _Parser:
    parser = _Parser(prog="cchc", description="Báo cáo cải cách hành chính cấp xã (CCHC Desktop)")
    parser.add_argument(
        "--version", action="version", version=f"cchc {__version__}", help="xem số phiên bản"
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="TỆP",
        help="tệp dữ liệu (mặc định: thư mục dữ liệu người dùng); đặt trước tên lệnh",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="LỆNH", required=True, title="lệnh", parser_class=_Parser
    )
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
    parser = _parser()
    parser.argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(parser.argv)
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
    """The ``cchc`` program; a reader that stops early (``cchc catalogue | head``) is no error
    to show: the rest of the output goes nowhere and the exit code is 1."""
    try:
        code = run()
        sys.stdout.flush()
    except BrokenPipeError:
        # The recipe of the Python docs (signal.SIGPIPE): nothing more can reach the
        # reader, and the flush at exit must not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_ERRORS)
    sys.exit(code)
