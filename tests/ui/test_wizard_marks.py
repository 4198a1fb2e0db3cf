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


def test_typing_a_figure_leaves_the_marks_to_the_findings(qtbot, demo, monkeypatch):
    """A keystroke saves and says so; the marks wait for the check 250 ms later."""
    wizard = open_wizard(qtbot, *demo)
    index, _ = section_page(wizard, TTHC)
    updates: list[int] = []
    real = wizard._update_marks
    monkeypatch.setattr(wizard, "_update_marks", lambda: updates.append(1) or real())
    type_figure(qtbot, wizard, "tthc.ho_so.moi", "")
    assert updates == [] and wizard.live.pending()
    assert wizard.saved_label.text().startswith("Đã lưu tự động lúc")
    qtbot.waitUntil(lambda: wizard.side.mark(index) == Mark.IN_PROGRESS)
    assert updates == [1]  # once, for the findings


def test_a_header_edit_updates_the_header_mark_at_once(qtbot, demo):
    """No rule reads the header: its edits start no check, the marks follow them at once."""
    store, report_id = demo
    wizard = open_wizard(qtbot, store, report_id)
    assert wizard.side.mark(0) == Mark.COMPLETE
    wizard.session.set_header_field("signer", {})
    assert not wizard.live.pending()
    assert wizard.side.mark(0) != Mark.COMPLETE
    wizard.go_to_page(wizard.page_count() - 1)
    assert any(row.key.startswith("header.signer") for row in wizard.findings_page.rows)
