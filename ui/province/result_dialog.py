"""After an import: what became of every file, rejected and conflicts first, with reasons."""

from cchc_desktop.province import ImportResult, Outcome
from cchc_desktop.province.importer import OUTCOME_WORDS
from ui.qt import (
    QApplication,
    QBrush,
    QColor,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

TITLE = "Kết quả nhập gói dữ liệu"
ORDER = (Outcome.REJECTED, Outcome.CONFLICT, Outcome.SKIPPED, Outcome.IMPORTED)
COLOURS = {
    Outcome.REJECTED: QColor("#b00020"),
    Outcome.CONFLICT: QColor("#8a5a00"),
    Outcome.SKIPPED: QColor("#5f6368"),
    Outcome.IMPORTED: QColor("#1e6b2e"),
}


def result_lines(result: ImportResult) -> list[tuple[Outcome, str]]:
    """``(outcome, "Từ chối — Tệp «x»: …")``, rejected first, then conflicts, skipped, imported."""
    return [
        (outcome, f"{OUTCOME_WORDS[outcome]} — {file.message}")
        for outcome in ORDER
        for file in result.files
        if file.outcome == outcome
    ]


class ImportResultDialog(QDialog):
    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.resize(860, 480)
        self.import_result = result
        self.counts = QLabel(result.counts_text())
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        advice = []
        if result.rejected:
            advice.append(
                "Tệp bị từ chối không được nhập và không làm thay đổi dữ liệu; hãy xin xã gửi lại."
            )
        if result.conflicts:
            advice.append("Xung đột: chọn bản đúng bằng nút «Xung đột…» trên màn hình tổng hợp.")
        self.advice = QLabel("\n".join(advice))
        self.advice.setWordWrap(True)
        self.listing = QListWidget()
        self.listing.setWordWrap(True)
        for outcome, text in result_lines(result):
            item = QListWidgetItem(text)
            item.setForeground(QBrush(COLOURS[outcome]))
            self.listing.addItem(item)
        if not result.files:
            self.listing.addItem("Không tìm thấy tệp gói dữ liệu nào (*.json).")
        buttons = QDialogButtonBox()
        close = buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.accept)
        copy = QPushButton("Sao chép danh sách")
        copy.clicked.connect(self.on_copy_clicked)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        if advice:
            layout.addWidget(self.advice)
        layout.addWidget(self.listing, 1)
        layout.addWidget(buttons)

    def on_copy_clicked(self) -> None:
        lines = [
            self.import_result.counts_text(),
            *(text for _, text in result_lines(self.import_result)),
        ]
        QApplication.clipboard().setText("\n".join(lines))
