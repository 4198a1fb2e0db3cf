"""Entry point of the desktop app (``cchc-desktop``)."""

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

from cchc_desktop import __version__
from cchc_desktop.catalogue import CatalogueError, load_catalogue
from cchc_desktop.paths import default_db_path
from cchc_desktop.resources import resource_path
from cchc_desktop.store import ReportNotFound, Store, StoreError


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cchc-desktop", description="CCHC Desktop")
    parser.add_argument(
        "--db", type=Path, help="tệp dữ liệu (mặc định: thư mục dữ liệu người dùng)"
    )
    parser.add_argument("--report", type=int, metavar="SỐ", help="mở ngay báo cáo số này")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="khởi động không màn hình, mở dữ liệu, hiện cửa sổ chính rồi thoát (kiểm thử)",
    )
    parser.add_argument(
        "--screenshots",
        type=Path,
        metavar="THƯ_MỤC",
        help="chụp màn hình bắt đầu và từng trang của báo cáo (--report, mặc định báo cáo "
        "mẫu trong tệp dữ liệu tạm) thành ảnh PNG 1366×768 trong thư mục này, rồi thoát",
    )
    return parser.parse_args(argv)


def run(argv: Sequence[str] | None = None) -> int:
    """Start the app and return its exit code.

    ``--smoke`` shows the main window once offscreen and exits 0; ``--screenshots``
    writes the PNGs (``ui.screenshots``) and exits. A database, catalogue or report
    that cannot be opened gives exit code 1 and a message.
    """
    args = _arguments(argv)
    if args.screenshots:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.qt import QApplication, QIcon, QMessageBox

    _drop_pyside_import_hook()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CCHC Desktop")
    app.setApplicationVersion(__version__)
    QApplication.setWindowIcon(QIcon(str(resource_path("icons", "cchc-desktop.png"))))
    quiet = args.smoke or bool(args.screenshots)
    try:
        with ExitStack() as stack:
            store = stack.enter_context(_open_store(args, stack))
            if args.screenshots:
                return _screenshots(store, args)
            return _show(store, args)
    except (CatalogueError, StoreError, OSError, ValueError, ReportNotFound, RuntimeError) as error:
        if not quiet:
            QMessageBox.critical(None, "CCHC Desktop", f"Không mở được chương trình:\n{error}")
        print(f"Lỗi: {error}", file=sys.stderr)
        return 1


def _drop_pyside_import_hook() -> None:
    """Import the modules loaded after Qt the ordinary way (PySide6 left a hook in place).

    For its ``__feature__`` switches (``from __feature__ import snake_case``, which this
    app does not use) PySide6 replaces ``builtins.__import__`` with a hook that reads the
    whole source of every module imported after it, to see whether it names PySide6,
    and keeps it in ``linecache``. For what loads after Qt here (the report model with
    pydantic, the wizard) that is about 7 MiB and 10 ms at the first report opened.
    PySide6 keeps Python's own import as ``builtins.__orig_import__``.
    """
    import builtins

    hook = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if original is not None and builtins.__import__ is hook:
        builtins.__import__ = original


def _open_store(args: argparse.Namespace, stack: ExitStack) -> Store:
    """The database to use. Screenshots work on a temporary copy of it (or on an empty
    temporary one when neither --db nor --report is given): showing the wizard saves the
    page and field reached, and the demo report is added when no report is named, and
    neither may change the user's own database."""
    path = args.db or default_db_path()
    if not args.screenshots:
        return Store.open(path, load_catalogue())
    import tempfile

    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cchc-shots-")))
    copy = folder / "screenshots.sqlite3"
    if (args.db is not None or args.report is not None) and path.exists():
        _copy_database(path, copy)
    return Store.open(copy, load_catalogue(), keep_backups=0)


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file, made through SQLite itself (WAL included)."""
    import sqlite3
    from contextlib import closing

    with (
        closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as reader,
        closing(sqlite3.connect(target)) as writer,
    ):
        reader.backup(writer)


def _screenshots(store: Store, args: argparse.Namespace) -> int:
    from cchc_desktop.demo import demo_report
    from ui.screenshots import write_screenshots

    report_id = args.report if args.report is not None else demo_report(store)
    store.load(report_id)  # ReportNotFound before any window shows
    for path in write_screenshots(store, report_id, args.screenshots):
        print(path)
    return 0


def _show(store: Store, args: argparse.Namespace) -> int:
    from ui.first_paint import watch
    from ui.main_window import MainWindow
    from ui.qt import QApplication, QMessageBox

    window = MainWindow(store)
    if args.report is not None:
        window.open_report(args.report)  # an unknown one is said on the start screen
    watch(window)
    window.show()
    for notice in store.notices:
        if args.smoke:
            print(notice, file=sys.stderr)
        else:
            QMessageBox.information(window, "CCHC Desktop", notice)
    if args.smoke:
        QApplication.processEvents()
        print(f"Khởi động thử thành công: {store.path}")
        return 0
    return QApplication.exec()


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
