"""Questions before hard-to-undo steps default to No, so Enter never destroys."""

from ui import ask
from ui.ask import ask_yes_no
from ui.qt import QMessageBox, QWidget


def test_no_is_the_default_and_only_yes_says_yes(qtbot, monkeypatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[tuple[str, object]] = []
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])

    def question(parent, title, text, buttons, default):
        asked.append((text, default))
        return next(answers)

    monkeypatch.setattr(ask.QMessageBox, "question", question)
    assert ask_yes_no(parent, "Xóa báo cáo?") is True
    assert ask_yes_no(parent, "Xóa báo cáo?") is False
    assert asked == [("Xóa báo cáo?", QMessageBox.StandardButton.No)] * 2
