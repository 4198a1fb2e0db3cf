"""The one yes-or-no question the app asks before a step that is hard to undo."""

from ui.qt import QMessageBox, QWidget


def ask_yes_no(parent: QWidget, question: str) -> bool:
    """Ask ``question`` (title «Xác nhận»); No is the default, so Enter never destroys."""
    answer = QMessageBox.question(
        parent,
        "Xác nhận",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
