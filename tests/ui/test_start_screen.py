"""The start screen: the list with status and checks, delete and restore, the next period."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.checks import FindingKind, Kinds, check_report
from cchc_desktop.model import Unit
from cchc_desktop.store import Store
from cchc_desktop.units import commune
from ui.new_report_dialog import NextPeriodDialog, next_period
from ui.qt import Qt, QTableWidget
from ui.start_screen import COUNTING, LIST_COLUMNS, StartScreen

TU_KY = Unit.from_official(commune("11074"))
ERRORS = LIST_COLUMNS.index("Lỗi")
WARNINGS = LIST_COLUMNS.index("Cảnh báo")
STATUS = LIST_COLUMNS.index("Trạng thái")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cchc.sqlite3", load_catalogue(), keep_backups=0) as opened:
        yield opened


def make_screen(qtbot, store: Store) -> StartScreen:
    screen = StartScreen(store)
    qtbot.addWidget(screen)
    screen.show()
    wait_for_counts(qtbot, screen)
    return screen


def wait_for_counts(qtbot, screen: StartScreen) -> None:
    """The counts are filled in just after the list is shown (checking is the slow part)."""
    table = screen.table

    def counted() -> None:
        for row in range(table.rowCount()):
            assert table.item(row, ERRORS).text() != COUNTING

    qtbot.waitUntil(counted)


class Answers:
    """Stands in for the confirmation box: records the questions, gives set answers."""

    def __init__(self, *answers: bool) -> None:
        self.answers = list(answers)
        self.questions: list[str] = []

    def __call__(self, question: str) -> bool:
        self.questions.append(question)
        return self.answers.pop(0)


def row_of(table: QTableWidget, report_id: int) -> int:
    for row in range(table.rowCount()):
        if table.item(row, 0).data(Qt.ItemDataRole.UserRole) == report_id:
            return row
    raise AssertionError(f"report {report_id} not listed")


def click_row(qtbot, table: QTableWidget, row: int, *, double: bool = False) -> None:
    centre = table.visualItemRect(table.item(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_empty_database_shows_a_hint(qtbot, store: Store) -> None:
    screen = make_screen(qtbot, store)
    assert screen.empty_hint.isVisible() and not screen.table.isVisible()
    assert "Tạo báo cáo mới" in screen.empty_hint.text()
    assert screen.new_button.isEnabled()
    assert not screen.open_button.isEnabled() and not screen.delete_button.isEnabled()
    assert screen.trash_button.text().replace("&", "") == "Thùng rác (0)"


def test_lists_status_and_the_checkers_counts(qtbot, store: Store) -> None:
    q1 = store.create_report(TU_KY, "2026-Q1")
    store.set_value(q1, "tthc.ho_so.dang_giai_quyet", 10)
    store.set_status(q1, "final")
    q2 = store.duplicate(q1, "2026-Q2")
    store.set_value(q2, "tthc.ho_so.ky_truoc", 3)  # last quarter ended with 10 in progress
    screen = make_screen(qtbot, store)
    table = screen.table
    assert table.rowCount() == 2
    first, second = row_of(table, q1), row_of(table, q2)
    assert table.item(first, STATUS).text() == "Chính thức"
    assert table.item(second, STATUS).text() == "Bản nháp"
    assert table.item(second, 2).text() == "15/03/2026 – 14/06/2026"
    for report_id, row in ((q1, first), (q2, second)):
        errors, warnings = wizard_counts(store, report_id, store.previous_report(report_id))
        assert table.item(row, ERRORS).text() == str(errors)
        assert table.item(row, WARNINGS).text() == str(warnings)
    assert table.item(first, ERRORS).text() == "0"  # required figures missing are not errors
    assert "Cần nhập" in table.item(first, ERRORS).toolTip()  # but they are listed
    assert table.item(first, WARNINGS).text() == "0"
    assert table.item(second, WARNINGS).text() == "1"  # the cross-period rule, via the previous
    assert "kỳ trước" in table.item(second, WARNINGS).toolTip()


def test_counts_of_the_demo_report_are_those_of_a_full_check(qtbot, store: Store) -> None:
    # The list reads figures and narratives without building report models
    # (Store.check_inputs); what it counts must be what the wizard's full check finds.
    from cchc_desktop.demo import demo_report

    report_id = demo_report(store)
    store.set_value(report_id, "tthc.ho_so.tiep_nhan", 5)  # no longer the sum of its parts
    errors, warnings = wizard_counts(store, report_id, None)
    screen = make_screen(qtbot, store)
    row = row_of(screen.table, report_id)
    assert errors > 0
    assert screen.table.item(row, ERRORS).text() == str(errors)
    assert screen.table.item(row, WARNINGS).text() == str(warnings)


def wizard_counts(store: Store, report_id: int, previous) -> tuple[int, int]:
    """Errors and warnings of a full check, classified as the wizard classifies them."""
    kinds = Kinds(store.catalogue)
    found = [kinds(f) for f in check_report(store.catalogue, store.load(report_id), previous)]
    return found.count(FindingKind.ERROR), found.count(FindingKind.WARNING)


def test_delete_asks_first_then_restore_from_the_trash(qtbot, store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    screen = make_screen(qtbot, store)
    screen.confirm = Answers(False, True)  # type: ignore[method-assign]
    click_row(qtbot, screen.table, 0)

    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    assert "Xóa báo cáo quý I năm 2026 của Xã Tứ Kỳ?" in screen.confirm.questions[0]
    assert [s.id for s in store.list_reports()] == [report_id]  # said no: nothing happened

    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    assert store.list_reports() == []
    assert [s.id for s in store.list_reports(deleted=True)] == [report_id]
    assert screen.empty_hint.isVisible()
    assert "vào thùng rác" in screen.message.text()
    assert screen.trash_button.text().replace("&", "") == "Thùng rác (1)"

    qtbot.mouseClick(screen.trash_button, Qt.MouseButton.LeftButton)
    assert screen.in_trash and screen.restore_button.isVisible()
    assert not screen.new_button.isVisible()
    assert screen.table.rowCount() == 1 and screen.selected_id() == report_id
    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in store.list_reports()] == [report_id]
    assert not screen.in_trash and screen.selected_id() == report_id
    assert "Đã khôi phục" in screen.message.text()


def test_restore_refused_when_the_period_has_a_new_report(qtbot, store: Store) -> None:
    old = store.create_report(TU_KY, "2026-Q1")
    store.delete(old)
    store.create_report(TU_KY, "2026-Q1")
    screen = make_screen(qtbot, store)
    qtbot.mouseClick(screen.trash_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert screen.in_trash
    assert "Không khôi phục được: Đã có báo cáo quý I năm 2026" in screen.message.text()
    assert [s.id for s in store.list_reports(deleted=True)] == [old]


def test_purge_from_the_trash_asks_first(qtbot, store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.delete(report_id)
    screen = make_screen(qtbot, store)
    screen.confirm = Answers(True)  # type: ignore[method-assign]
    qtbot.mouseClick(screen.trash_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.purge_button, Qt.MouseButton.LeftButton)
    assert "KHÔNG khôi phục được" in screen.confirm.questions[0]
    assert store.list_reports(deleted=True) == []
    assert screen.empty_hint.text().startswith("Thùng rác trống")


def test_keyboard_enter_opens_and_delete_deletes(qtbot, store: Store) -> None:
    first = store.create_report(TU_KY, "2026-Q1")
    second = store.create_report(TU_KY, "2026-Q2")
    screen = make_screen(qtbot, store)
    screen.confirm = Answers(True)  # type: ignore[method-assign]
    screen.table.setFocus()
    assert screen.selected_id() == first
    qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    assert screen.selected_id() == second
    with qtbot.waitSignal(screen.open_requested) as opened:
        qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert opened.args == [second]
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert [s.id for s in store.list_reports()] == [first]


def test_double_click_and_the_open_button_open(qtbot, store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    screen = make_screen(qtbot, store)
    with qtbot.waitSignal(screen.open_requested) as opened:
        click_row(qtbot, screen.table, 0, double=True)
    assert opened.args == [report_id]
    with qtbot.waitSignal(screen.open_requested) as opened:
        qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [report_id]


def test_next_period_copies_into_the_next_quarter(qtbot, store: Store) -> None:
    q1 = store.create_report(TU_KY, "2026-Q1")
    store.set_value(q1, "tthc.ho_so.dang_giai_quyet", 10)
    screen = make_screen(qtbot, store)
    click_row(qtbot, screen.table, 0)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, NextPeriodDialog) and dialog.isVisible()
    assert dialog.period_picker.kind() == "Q2" and dialog.period_picker.year() == 2026
    with qtbot.waitSignal(screen.open_requested) as opened:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    new = store.load(opened.args[0])
    assert new.period == "2026-Q2" and new.unit.code == "11074"
    assert new.values["tthc.ho_so.ky_truoc"] == 10  # carried from the quarter before
    assert screen.table.rowCount() == 2 and screen.selected_id() == new.id


def test_next_period_can_be_changed_and_refusals_are_shown(qtbot, store: Store) -> None:
    q1 = store.create_report(TU_KY, "2026-Q1")
    store.create_report(TU_KY, "2026-Q2")
    screen = make_screen(qtbot, store)
    screen.select_report(q1)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, NextPeriodDialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "Đã có báo cáo quý II năm 2026 của Xã Tứ Kỳ" in dialog.error_label.text()
    picker = dialog.period_picker
    picker.kind_combo.setCurrentIndex(picker.kind_combo.findData("H1"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert {s.period for s in store.list_reports()} == {"2026-Q1", "2026-Q2", "2026-H1"}


@pytest.mark.parametrize(
    ("code", "proposed"),
    [
        ("2026-Q1", ("Q2", 2026)),
        ("2026-Q3", ("Q4", 2026)),
        ("2026-Q4", ("Q1", 2027)),
        ("2026-H1", ("H1", 2027)),
        ("2026-9M", ("9M", 2027)),
        ("2026-Y", ("Y", 2027)),
        ("2026-AH2", ("AH", 2026)),
    ],
)
def test_next_period_proposal(code: str, proposed: tuple[str, int]) -> None:
    assert next_period(code) == proposed


def test_the_list_shows_before_its_counts_then_fills_them(qtbot, store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.set_value(report_id, "tthc.ho_so.tiep_nhan", 5)
    screen = StartScreen(store)
    qtbot.addWidget(screen)
    row = row_of(screen.table, report_id)
    assert screen.table.item(row, ERRORS).text() == COUNTING
    screen.show()
    wait_for_counts(qtbot, screen)
    assert screen.table.item(row, WARNINGS).text().isdigit()


def test_counts_are_those_the_wizard_shows(qtbot, store: Store) -> None:
    from tests.ui.wizard_helpers import open_wizard
    from ui.wizard.marks import FindingKind as Shown

    report_id = store.create_report(TU_KY, "2026-Q1")  # required figures empty: "còn thiếu"
    store.set_value(report_id, "tthc.ho_so.tiep_nhan", 1730)
    store.set_value(report_id, "tthc.ho_so.da_giai_quyet", 1553)
    store.set_value(report_id, "tthc.ho_so.dang_giai_quyet", 176)
    screen = make_screen(qtbot, store)
    row = row_of(screen.table, report_id)
    wizard = open_wizard(qtbot, store, report_id)
    shown = [entry.kind for _, group in wizard._entries() for entry in group]
    assert shown.count(Shown.MISSING) > 0
    assert screen.table.item(row, ERRORS).text() == str(shown.count(Shown.ERROR)) != "0"
    assert screen.table.item(row, WARNINGS).text() == str(shown.count(Shown.WARNING))
