"""The side list's marks on a filled report: a report with no earlier one to compare with
is not "còn thiếu số liệu" for that (the rules across periods wait for nothing it can type)."""

import pytest

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.demo import create_demo_report
from cchc_desktop.store import Store
from tests.ui.wizard_helpers import TTHC, open_wizard, section_page, type_figure
from ui.wizard.marks import Mark


@pytest.fixture
def demo(tmp_path):
    store = Store.open(tmp_path / "demo.sqlite3", load_catalogue())
    yield store, create_demo_report(store)
    store.close()


def test_every_page_of_the_demo_report_is_complete(qtbot, demo):
    wizard = open_wizard(qtbot, *demo)
    marks = {title: wizard.side.mark(n) for n, title in enumerate(wizard.page_titles())}
    assert marks[TTHC] == Mark.COMPLETE  # though no report of the last quarter exists
    assert set(marks.values()) == {Mark.COMPLETE}, marks
    wizard.go_to_page(wizard.page_count() - 1)  # "Kiểm tra và xuất" lists nothing
    assert wizard.findings_page.rows == []
    assert wizard.findings_page.summary.text().startswith("Không phát hiện lỗi hay thiếu sót")


def test_a_figure_really_missing_still_shows_as_in_progress(qtbot, demo):
    wizard = open_wizard(qtbot, *demo)
    index, _ = section_page(wizard, TTHC)
    type_figure(qtbot, wizard, "tthc.ho_so.moi", "")  # the new dossiers, emptied
    wizard.focus_field("tthc.ho_so.tiep_nhan")  # leaving the field checks it
    qtbot.waitUntil(lambda: wizard.side.mark(index) == Mark.IN_PROGRESS)
