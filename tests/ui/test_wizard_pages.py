"""The wizard's pages: built from the catalogue, typed into with the keyboard, saved at once."""

from decimal import Decimal

import pytest

from cchc_desktop.catalogue import load_catalogue
from tests.ui.wizard_helpers import TTHC, focused, open_wizard, section_page, type_figure
from ui.qt import Qt
from ui.wizard.fields import live_format
from ui.wizard.page import FIELD_KEY


def test_one_page_per_section_between_the_header_and_the_checks(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    sections = [s.title for s in load_catalogue().sections]
    titles = wizard.page_titles()
    assert wizard.page_count() == len(sections) + 2
    assert titles[0] == "Thông tin chung của báo cáo"
    assert [t.removesuffix(" (không bắt buộc)") for t in titles[1:-1]] == sections
    assert titles[-1] == "Kiểm tra và xuất"


def test_figures_typed_on_several_pages_are_in_the_store(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    type_figure(qtbot, wizard, "chi_dao.ke_hoach.tong", "51")
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "1730")
    type_figure(qtbot, wizard, "to_chuc.cbcc.tong", "17")
    type_figure(qtbot, wizard, "tai_chinh.dau_tu.giai_ngan", "212901.285")
    values = store.load(report_id).values
    assert values["chi_dao.ke_hoach.tong"] == 51
    assert values["tthc.ho_so.tiep_nhan"] == 1730
    assert values["to_chuc.cbcc.tong"] == 17
    assert values["tai_chinh.dau_tu.giai_ngan"] == Decimal("212901.285")
    assert focused().text() == "212.901,285"  # the dot typed as decimal point became a comma


def test_figures_are_grouped_as_typed(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "1730")
    assert focused().text() == "1.730"
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "15780")
    assert focused().text() == "15.780"


@pytest.mark.parametrize(
    ("old", "new", "cursor", "expected"),
    [
        ("173", "1730", 4, ("1.730", 5)),
        ("1.730", "1.7305", 6, ("17.305", 6)),
        ("1.730", "1730", 1, ("730", 0)),  # Backspace on the dot takes the digit before it
        ("212.901", "212.901,", 8, ("212.901,", 8)),
        ("", "1.730", 5, ("1.730", 5)),  # pasted
        ("", "62.5", 4, ("62,5", 4)),  # pasted with a decimal point
        ("1", "1a", 2, ("1a", 2)),  # left for the check to name
    ],
)
def test_live_format(old, new, cursor, expected):
    assert live_format(old, new, cursor) == expected


def test_invalid_input_is_explained_and_not_saved(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    _, page = section_page(wizard, TTHC)
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "17")
    qtbot.keyClicks(focused(), "x")
    problem = page.problems["tthc.ho_so.tiep_nhan"]
    assert problem.isVisible()
    assert "Tổng số hồ sơ tiếp nhận" in problem.text() and "không phải là một số" in problem.text()
    assert store.load(report_id).values["tthc.ho_so.tiep_nhan"] == 17
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    assert not problem.isVisible()


def test_focus_lands_on_the_first_field_and_tab_follows_the_page(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    index, page = section_page(wizard, TTHC)
    wizard.go_to_page(index)
    order = list(page.fields)
    assert focused() is page.fields[order[0]]
    for key in order[1:]:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused().property(FIELD_KEY) == key
    assert order[-2:] == ["tthc.ket_qua", "tthc.han_che"]  # figures first, then the texts


def test_enter_moves_on_and_submits_nothing(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    closing = []
    wizard.close_requested.connect(lambda: closing.append(True))
    type_figure(qtbot, wizard, "tthc.ho_so.tiep_nhan", "5")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused().property(FIELD_KEY) == "tthc.ho_so.ky_truoc"
    assert wizard.isVisible() and not closing


def test_shortcuts_go_to_the_next_and_previous_page_from_any_field(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    index, _ = section_page(wizard, TTHC)
    wizard.go_to_page(index)
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_page_index() == index + 1
    assert focused() is wizard.pages[index + 1].first_field()
    qtbot.keyClick(focused(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert wizard.current_page_index() == index
    wizard.focus_field("tthc.ket_qua")  # a narrative editor does not keep them either
    qtbot.keyClick(focused(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert wizard.current_page_index() == index + 1
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_page_index() == index


def test_the_side_list_opens_any_page(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    last = wizard.page_count() - 1
    item = wizard.side.list.item(last)
    rect = wizard.side.list.visualItemRect(item)
    qtbot.mouseClick(wizard.side.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.current_page_index() == last
    wizard.side.list.setFocus()
    qtbot.keyClick(wizard.side.list, Qt.Key.Key_Up)  # arrows show pages, focus stays
    assert wizard.current_page_index() == last - 1
    assert focused() is wizard.side.list


def test_every_page_fits_1366_by_768_without_horizontal_scrolling(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    assert wizard.minimumSizeHint().width() <= 1366
    assert wizard.minimumSizeHint().height() <= 768
    for index, page in enumerate(wizard.pages):
        wizard.go_to_page(index)
        scroll = wizard.scrolls[index]
        qtbot.waitUntil(lambda s=scroll, p=page: p.width() <= s.viewport().width())
        assert page.minimumSizeHint().width() <= scroll.viewport().width(), page.title
