"""Nothing typed is lost: every edit saved, undo and redo, the place kept across sessions."""

import pytest

from tests.ui.wizard_helpers import TTHC, focused, open_wizard, section_page, type_figure
from ui.qt import QApplication, QMimeData, Qt
from ui.wizard import ReportWizard

CTRL = Qt.KeyboardModifier.ControlModifier


def test_undo_and_redo_with_the_keyboard_while_a_field_has_focus(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    _, page = section_page(wizard, TTHC)
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "1730")
    type_figure(qtbot, wizard, "tthc.ho_so.da_giai_quyet", "1553")
    field = focused()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # the whole figure, not one keystroke
    assert "tthc.ho_so.da_giai_quyet" not in store.load(report_id).values
    assert page.numbers["tthc.ho_so.da_giai_quyet"].text() == ""
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert "tthc.ho_so.tiep_nhan" not in store.load(report_id).values
    assert focused() is page.numbers["tthc.ho_so.tiep_nhan"]  # it jumps to the field
    assert "Tổng số hồ sơ tiếp nhận" in wizard.message.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Y, CTRL)
    assert store.load(report_id).values["tthc.ho_so.tiep_nhan"] == 1730
    assert page.numbers["tthc.ho_so.tiep_nhan"].text() == "1.730"
    qtbot.keyClick(focused(), Qt.Key.Key_Y, CTRL)
    assert store.load(report_id).values["tthc.ho_so.da_giai_quyet"] == 1553
    assert focused() is page.numbers["tthc.ho_so.da_giai_quyet"]


def test_undo_goes_to_a_field_on_another_page(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    wizard.focus_field("header.addressee")
    qtbot.keyClicks(focused(), "So Noi vu")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # leaving the line saves it
    assert store.load(report_id).header.addressee == "So Noi vu"
    wizard.go_to_page(5)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert wizard.current_page_index() == 0
    assert focused() is wizard.header_page.addressee
    assert wizard.header_page.addressee.text() == ""
    assert store.load(report_id).header.addressee == ""


def test_reopening_returns_to_the_same_page_and_field(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    index, _ = section_page(wizard, TTHC)
    wizard.focus_field("tthc.ho_so.moi")
    wizard.close()
    again = ReportWizard(store, report_id)
    qtbot.addWidget(again)
    assert again.current_page_index() == index
    assert again.current_field() == "tthc.ho_so.moi"
    again.show()
    again.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is again)
    qtbot.waitUntil(lambda: getattr(focused(), "key", None) == "tthc.ho_so.moi")


def test_a_narrative_is_saved_after_a_pause_on_leaving_and_on_closing(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    wizard.focus_field("tthc.ket_qua")
    qtbot.keyClicks(focused(), "Tiep nhan 1.730 ho so")
    qtbot.waitUntil(
        lambda: store.load(report_id).narratives.get("tthc.ket_qua") == "Tiep nhan 1.730 ho so"
    )
    qtbot.keyClicks(focused(), ".")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert store.load(report_id).narratives["tthc.ket_qua"] == "Tiep nhan 1.730 ho so."
    qtbot.keyClicks(focused(), "Khong")
    wizard.close()  # at once, before the pause is over
    assert store.load(report_id).narratives["tthc.han_che"] == "Khong"


def test_text_in_a_legacy_encoding_is_offered_in_unicode(qtbot, report):
    pytest.importorskip(
        "cchc_desktop.legacy_text", reason="the legacy-encoding recogniser is not installed yet"
    )
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    _, page = section_page(wizard, TTHC)
    editor = page.texts["tthc.ket_qua"]
    asked = []

    def answer(encoding, converted, accept=True):
        asked.append((encoding, converted))
        return accept

    editor.ask_conversion = answer
    wizard.focus_field("tthc.ket_qua")
    QApplication.clipboard().setText("C¸c c¬ quan")
    editor.paste()
    assert asked == [("TCVN3 (ABC)", "Các cơ quan")]
    assert editor.toPlainText() == "Các cơ quan"
    editor.ask_conversion = lambda encoding, converted: answer(encoding, converted, False)
    editor.clear()
    mime = QMimeData()
    mime.setText("C¸c c¬ quan")
    editor.insertFromMimeData(mime)  # "Giữ nguyên"
    assert editor.toPlainText() == "C¸c c¬ quan"
    asked.clear()
    mime.setText("Các cơ quan")
    editor.insertFromMimeData(mime)  # Unicode text: nothing to ask
    assert asked == []
