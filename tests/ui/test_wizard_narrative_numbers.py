"""Numbers in a narrative: underlined as the clerk types, explained on hover, listed on the
last page (a click selects them), and compared with the section's own figures."""

import pytest

import cchc_desktop.narrative_numbers.check as check_module
import cchc_desktop.narrative_numbers.report as report_module
from tests.ui.wizard_helpers import TTHC, focused, new_store, open_wizard, section_page, type_figure
from ui.qt import QApplication, QEvent, QHelpEvent, Qt, QTextCharFormat, QTextCursor, QToolTip
from ui.wizard.fields import TextField
from ui.wizard.findings_page import FindingRow
from ui.wizard.marks import FindingKind

KEY = "tthc.ket_qua"
SLIP = "Tiếp nhận 1.730 hồ sơ, trong đó trực tuyến 1.500, trực tiếp 200."
MESSAGE = "Tổng 1.730 hồ sơ nhưng các thành phần cộng lại 1.700 hồ sơ (1.500 + 200)"


@pytest.fixture
def report(tmp_path):
    store, report_id = new_store(tmp_path)
    yield store, report_id
    store.close()


def write(wizard, key: str, text: str) -> TextField:
    """Put the cursor in the narrative and type ``text`` at its end."""
    wizard.focus_field(key)
    editor = focused()
    assert isinstance(editor, TextField) and editor.key == key
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText(text)  # keyClicks cannot type Vietnamese letters
    return editor


def underline_styles(editor: TextField) -> list[QTextCharFormat.UnderlineStyle]:
    return [s.format.underlineStyle() for s in editor.extraSelections()]


def test_a_slip_is_underlined_as_the_clerk_types_and_goes_when_fixed(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    _, page = section_page(wizard, TTHC)
    editor = write(wizard, KEY, SLIP)
    marks = page.number_marks[KEY]
    assert marks.pending()  # after a pause in the typing, not on every key
    qtbot.waitUntil(lambda: marks.underlined() == ["1.730", "1.500", "200"])
    assert underline_styles(editor) == [QTextCharFormat.UnderlineStyle.WaveUnderline] * 3
    assert [s.cursor.selectedText() for s in editor.extraSelections()] == ["1.730", "1.500", "200"]
    # the clerk corrects the part: the underline goes
    text = editor.toPlainText().replace("1.500", "1.530")
    editor.selectAll()
    editor.insertPlainText(text)
    qtbot.waitUntil(lambda: not editor.extraSelections())
    assert marks.findings == []


def test_hovering_an_underlined_number_shows_the_warning(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    _, page = section_page(wizard, TTHC)
    editor = write(wizard, KEY, SLIP)
    qtbot.waitUntil(lambda: bool(editor.extraSelections()))
    cursor = editor.textCursor()
    cursor.setPosition(SLIP.index("1.500") + 2)
    where = editor.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, where, editor.viewport().mapToGlobal(where))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.text() == MESSAGE)
    assert page.number_marks[KEY].message_at(SLIP.index("Tiếp")) is None  # not on a number
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    # past the end of a line that ends with a number: the field's help, not the warning
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.textCursor().deletePreviousChar()  # the full stop: the line ends with "200"
    qtbot.waitUntil(lambda: page.number_marks[KEY].underlined()[-1:] == ["200"])
    far = editor.cursorRect(editor.textCursor()).center()
    far.setX(editor.viewport().width() - 5)
    event = QHelpEvent(QEvent.Type.ToolTip, far, editor.viewport().mapToGlobal(far))
    QApplication.sendEvent(editor.viewport(), event)
    assert QToolTip.text() != MESSAGE
    QToolTip.hideText()


def test_the_warning_shows_under_the_narrative_and_on_the_last_page(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    index, page = section_page(wizard, TTHC)
    write(wizard, KEY, "Kết quả giải quyết TTHC:\n" + SLIP)
    expected = f"Kết quả đạt được, dòng 2: {MESSAGE}"
    qtbot.waitUntil(lambda: expected in page.findings_at(KEY).messages(), timeout=5000)
    [label] = [x for x in page.findings_at(KEY).labels() if x.message == expected]
    assert label.kind == FindingKind.WARNING
    wizard.go_to_page(wizard.page_count() - 1)
    rows = [r for r in wizard.findings_page.rows if r.message == expected]
    assert len(rows) == 1 and rows[0].kind == FindingKind.WARNING
    assert "1 cảnh báo" in wizard.findings_page.summary.text()
    # a click takes the clerk to the narrative with the total selected
    row: FindingRow = rows[0]
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    editor = focused()
    assert isinstance(editor, TextField) and editor.key == KEY
    assert wizard.current_page_index() == index
    assert editor.textCursor().selectedText() == "1.730"


def test_a_figure_the_narrative_contradicts_is_underlined_until_they_agree(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    _, page = section_page(wizard, TTHC)
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "900")
    editor = write(wizard, KEY, "Bộ phận Một cửa tiếp nhận 907 hồ sơ.")
    marks = page.number_marks[KEY]
    qtbot.waitUntil(lambda: marks.underlined() == ["907"])
    assert marks.findings[0].message == (
        "Số liệu «Tổng số hồ sơ tiếp nhận» là 900 hồ sơ nhưng văn bản ghi 907 hồ sơ"
    )
    assert marks.findings[0].indicators == ("tthc.ho_so.tiep_nhan",)
    # once saved, the figure is framed in the warning colour and the warning is listed
    editor.flush()
    expected = "Kết quả đạt được, dòng 1: " + marks.findings[0].message
    qtbot.waitUntil(lambda: expected in page.findings_at(KEY).messages(), timeout=5000)
    assert page.numbers["tthc.ho_so.tiep_nhan"].styleSheet() != ""
    # correcting the figure clears the underline, the warning and the frame
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "907")
    qtbot.waitUntil(lambda: not editor.extraSelections())
    qtbot.waitUntil(lambda: expected not in page.findings_at(KEY).messages(), timeout=5000)
    assert page.numbers["tthc.ho_so.tiep_nhan"].styleSheet() == ""


def test_a_consistent_narrative_gets_no_underline(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    _, page = section_page(wizard, TTHC)
    editor = write(
        wizard,
        KEY,
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026. Tiếp nhận 907 hồ sơ, trong đó "
        "trực tuyến 892 hồ sơ, trực tiếp 15 hồ sơ; đã giải quyết 907/907 hồ sơ, đạt 100%. "
        "Đường dây nóng 0918037364.",
    )
    marks = page.number_marks[KEY]
    qtbot.waitUntil(lambda: not marks.pending())
    assert marks.findings == []
    assert editor.extraSelections() == []


def test_a_saved_slip_is_underlined_when_the_page_opens(qtbot, report):
    store, report_id = report
    store.set_text(report_id, KEY, SLIP)
    wizard = open_wizard(qtbot, store, report_id)
    _, page = section_page(wizard, TTHC)
    assert page.number_marks[KEY].underlined() == ["1.730", "1.500", "200"]
    entries = [e for _, group in wizard._entries() for e in group]
    [entry] = [e for e in entries if e.key == KEY]
    assert entry.span == (SLIP.index("1.730"), SLIP.index("1.730") + 5)


def test_a_pause_in_the_typing_reads_the_narrative_once(qtbot, report, monkeypatch):
    """The underline, the checker's findings and the last page share one reading of the text,
    and a changed figure has its section's narratives read once again, not once per user."""
    report_module._checked.cache_clear()  # earlier tests read the same text
    read: list[str] = []
    prepare = check_module.prepare
    monkeypatch.setattr(check_module, "prepare", lambda text: read.append(text) or prepare(text))
    wizard = open_wizard(qtbot, *report)
    _, page = section_page(wizard, TTHC)
    editor = write(wizard, KEY, SLIP)
    marks = page.number_marks[KEY]
    qtbot.waitUntil(lambda: marks.underlined() == ["1.730", "1.500", "200"])
    editor.flush()  # saved: the checker looks at it too
    expected = f"Kết quả đạt được, dòng 1: {MESSAGE}"
    qtbot.waitUntil(lambda: expected in page.findings_at(KEY).messages(), timeout=5000)
    entries = [e for _, group in wizard._entries() for e in group if e.key == KEY]
    assert [e.span for e in entries] == [(SLIP.index("1.730"), SLIP.index("1.730") + 5)]
    assert read.count(SLIP) == 1
    read.clear()
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "900")
    qtbot.waitUntil(lambda: not marks.pending() and not wizard.live.pending())
    figure = "Số liệu «Tổng số hồ sơ tiếp nhận» là 900 hồ sơ nhưng văn bản ghi 1.730 hồ sơ"
    qtbot.waitUntil(
        lambda: f"Kết quả đạt được, dòng 1: {figure}" in page.findings_at(KEY).messages()
    )
    assert figure in [f.message for f in marks.findings]
    assert read.count(SLIP) == 1
