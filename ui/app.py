"""Entry point of the desktop app (``cchc-desktop``)."""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cchc_desktop.catalogue import CatalogueError, load_catalogue
from cchc_desktop.paths import default_db_path
from cchc_desktop.store import Store


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cchc-desktop", description="CCHC Desktop")
    parser.add_argument(
        "--db", type=Path, help="tệp dữ liệu (mặc định: thư mục dữ liệu người dùng)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="khởi động không màn hình, mở dữ liệu, hiện cửa sổ chính rồi thoát (kiểm thử)",
    )
    return parser.parse_args(argv)


def run(argv: Sequence[str] | None = None) -> int:
    """Start the app; with ``--smoke`` show the main window once offscreen and exit 0."""
    args = _arguments(argv)
    if args.smoke:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.main_window import MainWindow
    from ui.qt import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CCHC Desktop")
    try:
        store = Store.open(args.db or default_db_path(), load_catalogue())
    except (CatalogueError, OSError, ValueError) as error:
        if not args.smoke:
            QMessageBox.critical(None, "CCHC Desktop", f"Không mở được chương trình:\n{error}")
        print(f"Lỗi: {error}", file=sys.stderr)
        return 1
    with store:
        window = MainWindow(store)
        window.show()
        for notice in store.notices:
            if args.smoke:
                print(notice, file=sys.stderr)
            else:
                QMessageBox.information(window, "CCHC Desktop", notice)
        if args.smoke:
            app.processEvents()
            print(f"Khởi động thử thành công: {store.path}")
            return 0
        return app.exec()


def main() -> None:
    sys.exit(run())
