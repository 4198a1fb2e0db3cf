"""Text pasted from old Word files typed in TCVN3 (ABC) or VNI: offer Unicode instead.

``cchc_desktop.legacy_text.suggest`` recognises such text; until that module is
installed every paste is taken as it is.
"""

from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def suggest(text: str) -> tuple[str, str] | None:
    """(encoding named for people, the text in Unicode), or ``None`` if ``text`` looks fine."""
    try:
        from cchc_desktop.legacy_text import suggest as recognise
    except ImportError:
        return None
    try:
        return recognise(text)
    except Exception:  # a recogniser bug must never lose the clerk's paste
        return None


class ConversionDialog(QDialog):
    """Shows the converted text; "Chuyển sang Unicode" accepts, "Giữ nguyên" rejects."""

    def __init__(self, encoding: str, converted: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Văn bản gõ bằng bảng mã cũ")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Đoạn văn bản vừa dán có vẻ được gõ bằng bảng mã cũ {encoding} nên chữ "
            "tiếng Việt hiển thị sai. Sau khi chuyển sang Unicode, đoạn văn bản sẽ là:"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        preview = QPlainTextEdit(converted)
        preview.setReadOnly(True)
        layout.addWidget(preview)
        buttons = QDialogButtonBox()
        convert = QPushButton("Chuyển sang Unicode")
        keep = QPushButton("Giữ nguyên")
        buttons.addButton(convert, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.RejectRole)
        convert.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.sizeHint().height())


def ask_conversion(parent: QWidget, encoding: str, converted: str) -> bool:
    """Ask the clerk; ``True`` to paste the Unicode text."""
    dialog = ConversionDialog(encoding, converted, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
