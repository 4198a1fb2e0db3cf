"""Going to a field (a finding clicked on "Kiểm tra và xuất", undo, reopening) shows all of it."""

import pytest

from tests.ui.wizard_helpers import TTHC, focused, new_store, open_wizard, section_page
from ui.qt import QScrollArea, QVBoxLayout, QWidget
from ui.wizard import ReportWizard
from ui.wizard.page import put_page, reveal, scroll_area


@pytest.fixture
def report(tmp_path):
    store, report_id = new_store(tmp_path)
    yield store, report_id
    store.close()


def _in_view(wizard: ReportWizard, index: int, widget: QWidget) -> tuple[int, int, int]:
    """The widget's top and bottom in its page's view, and the view's height."""
    viewport = wizard.scrolls[index].viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft()).y()
    return top, top + widget.height(), viewport.height()


def _shows_all_of(wizard: ReportWizard, index: int, widget: QWidget) -> bool:
    top, bottom, height = _in_view(wizard, index, widget)
    return top >= 0 and bottom <= height


@pytest.mark.parametrize("key", ["tthc.ket_qua", "tthc.han_che"])
def test_a_narrative_box_is_shown_whole_not_just_its_first_line(qtbot, report, key):
    wizard = open_wizard(qtbot, *report)
    index, page = section_page(wizard, TTHC)
    wizard.go_to_page(0)
    wizard.focus_field(key)
    editor = page.fields[key]
    assert focused() is editor
    qtbot.waitUntil(lambda: _shows_all_of(wizard, index, editor))
    assert wizard.scrolls[index].verticalScrollBar().value() > 0  # it is far down the page


def test_the_whole_box_shows_coming_from_further_down_or_up(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    index, page = section_page(wizard, TTHC)
    for key in ("tthc.han_che", "tthc.ket_qua", "tthc.ho_so.tiep_nhan", "tthc.ket_qua"):
        wizard.focus_field(key)
        assert focused() is page.fields[key]
        assert _shows_all_of(wizard, index, page.fields[key]), key


def test_a_page_not_built_yet_scrolls_to_the_whole_box(qtbot, report):
    wizard = open_wizard(qtbot, *report)  # on the header page: the sections are not built
    wizard.focus_field("tthc.ket_qua")
    index = wizard.current_page_index()
    editor = wizard.pages[index].fields["tthc.ket_qua"]
    assert focused() is editor
    assert _shows_all_of(wizard, index, editor)


def _tall_page(qtbot, box_height: int) -> tuple[QScrollArea, QWidget]:
    """A 400-pixel view on a page with a box of ``box_height`` far down."""
    scroll = scroll_area(None)
    qtbot.addWidget(scroll)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addSpacing(2000)
    box = QWidget(page)
    box.setFixedHeight(box_height)
    layout.addWidget(box)
    layout.addSpacing(2000)
    put_page(scroll, page)
    scroll.resize(600, 400)
    scroll.show()
    qtbot.waitExposed(scroll)
    return scroll, box


def _in_scroll(scroll: QScrollArea, widget: QWidget) -> tuple[int, int]:
    top = widget.mapTo(scroll.viewport(), widget.rect().topLeft()).y()
    return top, top + widget.height()


def test_a_box_taller_than_the_view_shows_from_its_top(qtbot):
    scroll, box = _tall_page(qtbot, 1000)
    reveal(scroll, box)
    assert _in_scroll(scroll, box)[0] == 0  # its top at the top of the view, the rest below
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    reveal(scroll, box)
    assert _in_scroll(scroll, box)[0] == 0


def test_a_box_that_fits_shows_whole_with_what_room_is_left_around_it(qtbot):
    scroll, box = _tall_page(qtbot, 360)  # 40 pixels to spare in a 400-pixel view
    height = scroll.viewport().height()
    reveal(scroll, box)  # from above
    top, bottom = _in_scroll(scroll, box)
    assert 0 <= top <= 50 and bottom <= height
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    reveal(scroll, box)  # from below
    top, bottom = _in_scroll(scroll, box)
    assert 0 <= top <= 50 and bottom <= height
    before = scroll.verticalScrollBar().value()
    reveal(scroll, box)  # already in view: nothing moves
    assert scroll.verticalScrollBar().value() == before


def test_a_figure_keeps_some_room_above_it(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    index, page = section_page(wizard, TTHC)
    wizard.focus_field("tthc.han_che")
    field = page.fields["tthc.ho_so.tiep_nhan"]
    wizard.focus_field("tthc.ho_so.tiep_nhan")
    top, bottom, height = _in_view(wizard, index, field)
    assert top >= 40 and bottom <= height  # its group's title and the figure above show too
