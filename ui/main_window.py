"""The main window: the start screen, and the report wizard when a report is open.

The wizard (``ui.wizard.ReportWizard``) is looked up when a report is opened, so
the window works, and its tests run, in a build that does not have it yet. The
last report opened is remembered in the database (setting ``last_report``) and
selected in the list at the next start.
"""

import importlib
import importlib.util
from typing import Any

from cchc_desktop.store import ReportNotFound, Store
from ui.qt import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)
from ui.start_screen import StartScreen

LAST_REPORT = "last_report"
TITLE = "CCHC Desktop — Báo cáo cải cách hành chính"


def wizard_class() -> Any | None:
    """``ReportWizard`` if this build has the wizard package, else ``None``.

    Only a missing package counts as "not there": an error inside the wizard's
    own code is raised, not hidden.
    """
    if importlib.util.find_spec("ui.wizard") is None:
        return None
    return getattr(importlib.import_module("ui.wizard"), "ReportWizard", None)


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.wizard: Any = None
        self.province_view: Any = None
        self.setWindowTitle(TITLE)
        self.setMinimumSize(800, 560)
        self.resize(1200, 680)
        self.start_screen = StartScreen(store, select=self._last_report())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_screen)
        self.setCentralWidget(self.stack)
        self._build_menu()
        self.start_screen.open_requested.connect(self.open_report)
        self.start_screen.table.setFocus()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&Tệp")
        self.new_action = QAction("Tạo báo cáo &mới…", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.start_screen.on_new_clicked)
        self.list_action = QAction("&Danh sách báo cáo", self)
        self.list_action.triggered.connect(self.on_back_to_list)
        quit_action = QAction("T&hoát", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.province_action = QAction("Tổng hợp (cấp &tỉnh)…", self)
        self.province_action.triggered.connect(self.show_province_view)
        menu.addAction(self.new_action)
        menu.addAction(self.list_action)
        menu.addAction(self.province_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        self.about_action = QAction("&Về chương trình", self)
        self.about_action.setShortcut(QKeySequence("F1"))
        self.about_action.triggered.connect(self.on_about_triggered)
        help_menu.addAction(self.about_action)
        self._sync_actions()

    def _last_report(self) -> int | None:
        text = self.store.setting(LAST_REPORT)
        return int(text) if text and text.isdigit() else None

    def _sync_actions(self) -> None:
        on_start = self.stack.currentWidget() is self.start_screen
        self.new_action.setEnabled(on_start)
        self.list_action.setEnabled(not on_start)
        self.province_action.setEnabled(on_start)

    def on_about_triggered(self) -> None:
        from ui.about_dialog import AboutDialog

        AboutDialog(self.store, self).exec()

    # -- switching screens -----------------------------------------------------------

    def open_report(self, report_id: int) -> None:
        """Show the wizard on this report (and remember it as the last one opened)."""
        try:
            self.store.load(report_id)
        except ReportNotFound as error:
            self.start_screen.say(str(error), error=True)
            self.start_screen.reload()
            return
        self.store.set_setting(LAST_REPORT, str(report_id))
        wizard = wizard_class()
        if wizard is None:
            self.statusBar().showMessage(
                "Phiên bản này chưa có phần soạn báo cáo; báo cáo đã được lưu trong danh sách.",
                8000,
            )
            return
        self._drop_wizard()
        self.wizard = wizard(self.store, report_id, self)
        self.wizard.close_requested.connect(self.show_start_screen)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        report = self.store.load(report_id)
        self.setWindowTitle(f"{report.unit.name} — {report.period_title} — CCHC Desktop")
        self._sync_actions()

    def show_province_view(self) -> None:
        """The province office's screen, on ``province.sqlite3`` beside the clerk's database."""
        from cchc_desktop.province import ProvinceDatabaseError, default_province_db_path
        from ui.province import ProvinceView

        if self.province_view is None:
            try:
                self.province_view = ProvinceView(
                    self.store.catalogue, default_province_db_path(self.store.path)
                )
            except ProvinceDatabaseError as error:
                QMessageBox.critical(self, TITLE, str(error))
                return
            self.province_view.close_requested.connect(self.show_start_screen)
            self.stack.addWidget(self.province_view)
        self.stack.setCurrentWidget(self.province_view)
        self.setWindowTitle(f"Tổng hợp (cấp tỉnh) — {TITLE}")
        self._sync_actions()

    def on_back_to_list(self) -> None:
        """Close the wizard the way its own button does (it saves what is pending first)."""
        if self.wizard is not None and hasattr(self.wizard, "request_close"):
            self.wizard.request_close()
        else:
            self.show_start_screen()

    def show_start_screen(self) -> None:
        """Back to the list, reloaded, with the report just closed selected."""
        self._drop_wizard()
        self.setWindowTitle(TITLE)
        self.stack.setCurrentWidget(self.start_screen)
        self.start_screen.reload(select=self._last_report())
        self.start_screen.table.setFocus()
        self._sync_actions()

    def _drop_wizard(self) -> None:
        if self.wizard is not None:
            if hasattr(self.wizard, "save_pending"):
                self.wizard.save_pending()
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quitting with a report open: save the text still waiting for a pause in the typing."""
        if self.wizard is not None and hasattr(self.wizard, "save_pending"):
            self.wizard.save_pending()
        if self.province_view is not None:
            self.province_view.close_database()
        super().closeEvent(event)
