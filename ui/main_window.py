"""The main window: for now the list of reports in the database (the wizard comes later)."""

from cchc_desktop.store import Store
from ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

STATUS_WORDS = {"draft": "Bản nháp", "ready": "Sẵn sàng", "final": "Chính thức"}
COLUMNS = ["Đơn vị", "Kỳ báo cáo", "Trạng thái", "Sửa lần cuối"]


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle("CCHC Desktop — Báo cáo cải cách hành chính")
        self.resize(1100, 680)
        self.reports = QTableWidget(0, len(COLUMNS))
        self.reports.setHorizontalHeaderLabels(COLUMNS)
        self.reports.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reports.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reports.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty_hint = QLabel("Chưa có báo cáo nào trong tệp dữ liệu.")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(f"Tệp dữ liệu: {store.path}"))
        layout.addWidget(self.reports)
        layout.addWidget(self.empty_hint)
        self.setCentralWidget(body)
        self.reload()

    def reload(self) -> None:
        """Show the reports as the store has them now."""
        summaries = self.store.list_reports()
        self.reports.setRowCount(len(summaries))
        for row, summary in enumerate(summaries):
            cells = [
                summary.unit_name,
                summary.period_title,
                STATUS_WORDS.get(str(summary.status), str(summary.status)),
                f"{summary.updated_at:%d/%m/%Y %H:%M}",
            ]
            for column, text in enumerate(cells):
                self.reports.setItem(row, column, QTableWidgetItem(text))
        self.empty_hint.setVisible(not summaries)
