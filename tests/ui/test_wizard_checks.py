"""Findings follow the typing: next to the fields, in the side list, on the last page."""

from tests.ui.wizard_helpers import TTHC, focused, open_wizard, section_page, type_figure
from ui.qt import Qt
from ui.wizard.marks import FindingKind, Mark

TOTAL_MESSAGE = (
    "Tổng số hồ sơ tiếp nhận (1.730) phải bằng đã giải quyết (1.553) "
    "+ đang giải quyết (176) = 1.729"
)


def type_the_sum_slip(qtbot, wizard):
    """1.730 received, 1.553 resolved, 176 in progress: one short, as TOTAL_MESSAGE says."""
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "1730")
    type_figure(qtbot, wizard, "tthc.ho_so.da_giai_quyet", "1553")
    type_figure(qtbot, wizard, "tthc.ho_so.dang_giai_quyet", "176")


def _shown(page, key):
    return page.findings_at(key).messages()


def _all(page):
    return [m for key in [*page.numbers, *page.texts] for m in _shown(page, key)]


def test_an_error_appears_beside_the_fields_and_goes_when_fixed(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    _, page = section_page(wizard, TTHC)
    type_the_sum_slip(qtbot, wizard)
    # under the last figure typed of the rule, in words, with the numbers
    qtbot.waitUntil(lambda: TOTAL_MESSAGE in _shown(page, "tthc.ho_so.dang_giai_quyet"))
    labels = page.findings_at("tthc.ho_so.dang_giai_quyet").labels()
    error = next(label for label in labels if label.message == TOTAL_MESSAGE)
    assert error.kind == FindingKind.ERROR
    assert error.text.text().startswith("<b>Lỗi:</b>")
    assert page.numbers["tthc.ho_so.tiep_nhan"].styleSheet() != ""  # framed in red
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(focused(), "7")
    qtbot.waitUntil(lambda: TOTAL_MESSAGE not in _shown(page, "tthc.ho_so.dang_giai_quyet"))
    assert all("1.729" not in m for key in page.numbers for m in _shown(page, key))
    assert page.numbers["tthc.ho_so.tiep_nhan"].styleSheet() == ""


def test_a_pending_rule_says_what_is_missing(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    _, page = section_page(wizard, TTHC)
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "1730")
    # under the first missing field, greyed
    qtbot.waitUntil(
        lambda: any(
            "còn thiếu «Số hồ sơ kỳ trước chuyển sang»" in m
            for m in _shown(page, "tthc.ho_so.ky_truoc")
        )
    )
    [label] = [
        label
        for label in page.findings_at("tthc.ho_so.ky_truoc").labels()
        if "Tổng số hồ sơ tiếp nhận" in label.message
    ]
    assert label.kind == FindingKind.PENDING
    # a rule waiting for a figure of a page not started says nothing yet there or here
    assert not any("Hồ sơ nộp trực tuyến toàn trình" in m for m in _all(page))


def test_a_derived_percentage_follows_its_counts_at_once(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    _, page = section_page(wizard, TTHC)
    rate = page.numbers["tthc.ho_so.ty_le_dung_han"]
    assert rate.isReadOnly() and rate.text() == ""
    type_figure(qtbot, wizard, "tthc.ho_so.da_giai_quyet", "1553")
    type_figure(qtbot, wizard, "tthc.ho_so.dung_han", "1551")
    assert rate.text() == "99,87"
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(focused(), "3")
    assert rate.text() == "100"


def test_side_list_marks_follow_the_pages(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    index, _ = section_page(wizard, TTHC)
    last_section = wizard.page_count() - 2  # "Kiến nghị, đề xuất": a text, no rule
    assert wizard.side.mark(index) == Mark.NOT_STARTED
    assert wizard.side.mark(last_section) == Mark.NOT_STARTED
    type_the_sum_slip(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.side.mark(index) == Mark.ERRORS)
    tip = wizard.side.list.item(index).toolTip()
    assert tip.startswith("Có lỗi cần sửa") and "lỗi" in tip
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(focused(), "7")
    qtbot.waitUntil(lambda: wizard.side.mark(index) == Mark.IN_PROGRESS)  # more to fill in
    wizard.focus_field("kien_nghi.noi_dung")
    qtbot.keyClicks(focused(), "Khong")  # QTest types ASCII only
    qtbot.waitUntil(lambda: wizard.side.mark(last_section) == Mark.COMPLETE)


def test_clicking_a_finding_on_the_last_page_opens_its_field(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    index, page = section_page(wizard, TTHC)
    type_the_sum_slip(qtbot, wizard)
    wizard.save_pending()
    wizard.go_to_page(wizard.page_count() - 1)
    findings = wizard.findings_page
    row = next(r for r in findings.rows if r.message == TOTAL_MESSAGE)
    assert findings.summary.text().startswith("Báo cáo còn 1 lỗi")
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert wizard.current_page_index() == index
    assert focused() is page.numbers["tthc.ho_so.tiep_nhan"]
    wizard.go_to_page(wizard.page_count() - 1)  # with the keyboard too
    row = next(r for r in findings.rows if "người ký" in r.message)
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Return)
    assert wizard.current_page_index() == 0
    assert focused() is wizard.header_page.authority
