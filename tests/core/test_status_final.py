"""The final copy: writing it marks the report final; editing it afterwards makes it a draft
again, undoing back to the printed content makes it final again. And the header's gaps,
which the final copy cannot go without, are the checker's findings like any other."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.checks import (
    FindingKind,
    Kinds,
    Status,
    check_report,
    counts_text,
    header_findings,
    kind_label,
)
from cchc_desktop.checks.header import header_field_key
from cchc_desktop.demo import create_demo_report
from cchc_desktop.model import Header, Signer, Unit
from cchc_desktop.pdf import FinalCopyRefused, render_report_pdf
from cchc_desktop.status import ReportStatus, status_word
from cchc_desktop.store import Store
from cchc_desktop.units import commune

FINAL, DRAFT = ReportStatus.FINAL, ReportStatus.DRAFT


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def store(tmp_path: Path, catalogue: Catalogue):
    with Store.open(tmp_path / "t.sqlite3", catalogue, keep_backups=0) as opened:
        yield opened


def new_report(store: Store) -> int:
    return store.create_report(Unit.from_official(commune("11074")), "2026-Q1")


# -- the status follows the content ----------------------------------------------------


def test_an_edit_after_the_final_copy_returns_to_draft_and_undo_makes_it_final_again(store):
    report = new_report(store)
    store.set_value(report, "tthc.ho_so.tiep_nhan", 10)
    assert store.mark_final(report) == FINAL
    assert store.status(report) == FINAL
    assert store.load(report).status == FINAL
    assert [s.status for s in store.list_reports()] == [FINAL]

    store.set_value(report, "tthc.ho_so.tiep_nhan", 11)  # the signed paper says 10
    assert store.status(report) == DRAFT
    store.undo(report)
    assert store.status(report) == FINAL  # the content is the printed one again
    store.redo(report)
    assert store.status(report) == DRAFT
    store.undo(report)
    store.undo(report)  # before the printed content: not what was signed either
    assert store.status(report) == DRAFT
    store.redo(report)
    assert store.status(report) == FINAL


@pytest.mark.parametrize(
    "edit",
    [
        lambda store, report: store.set_text(report, "tthc.ket_qua", "Đã làm."),
        lambda store, report: store.set_header_field(report, "number", "12/BC-UBND"),
        lambda store, report: store.set_header_field(report, "signer", {"name": "Trần Thị B"}),
    ],
)
def test_texts_and_the_header_are_content_too(store, edit):
    report = new_report(store)
    store.mark_final(report)
    edit(store, report)
    assert store.status(report) == DRAFT


def test_the_window_is_content_too(store):
    report = new_report(store)
    store.mark_final(report)
    window = store.load(report)
    assert window.window_from is not None and window.window_to is not None
    store.set_window(report, window.window_from.replace(day=1), window.window_to)
    assert store.status(report) == DRAFT
    store.undo(report)
    assert store.status(report) == FINAL


def test_a_new_edit_after_undoing_past_the_print_never_comes_back_to_final(store):
    report = new_report(store)
    store.set_value(report, "tthc.ho_so.tiep_nhan", 10)
    store.mark_final(report)
    store.undo(report)  # before the print
    store.set_value(report, "tthc.ho_so.tiep_nhan", 12)  # the printed edit can't be redone
    assert store.status(report) == DRAFT
    store.undo(report)
    assert store.status(report) == DRAFT
    assert store.redo(report) is not None
    assert store.status(report) == DRAFT


def test_what_is_not_content_leaves_the_status(store):
    report = new_report(store)
    store.mark_final(report)
    store.set_position(report, {"page": 3, "field": None})
    store.set_value(report, "tthc.ho_so.tiep_nhan", None)
    assert store.status(report) == FINAL  # clearing an empty figure is no edit


def test_edited_while_printing_stays_a_draft_until_undone_back(store):
    report = new_report(store)
    printed_at = store.edit_point(report)
    store.set_value(report, "tthc.ho_so.tiep_nhan", 10)  # typed while ReportLab worked
    assert store.mark_final(report, printed_at) == DRAFT
    store.undo(report)
    assert store.status(report) == FINAL


def test_status_set_by_hand_forgets_the_printed_content(store):
    report = new_report(store)
    store.mark_final(report)
    store.set_status(report, "draft")
    store.set_value(report, "tthc.ho_so.tiep_nhan", 10)
    store.undo(report)
    assert store.status(report) == DRAFT
    store.set_status(report, "final")  # by hand: final as it is now
    store.set_value(report, "tthc.ho_so.tiep_nhan", 10)
    assert store.status(report) == DRAFT
    with pytest.raises(ValueError, match="không hợp lệ"):
        store.set_status(report, "signed")


def test_a_report_already_final_before_the_upgrade_keeps_its_content(tmp_path, catalogue):
    path = tmp_path / "old.sqlite3"
    with Store.open(path, catalogue, keep_backups=0) as store:
        report = new_report(store)
        store.set_value(report, "tthc.ho_so.tiep_nhan", 10)
    conn = sqlite3.connect(path)  # as the previous version left it: final, no printed point
    with conn:
        conn.execute("UPDATE reports SET status = 'final'")
        conn.execute("ALTER TABLE reports DROP COLUMN final_edit")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_final_edit'")
    conn.close()
    with Store.open(path, catalogue, keep_backups=0) as store:
        assert store.status(report) == FINAL
        store.set_value(report, "tthc.ho_so.tiep_nhan", 11)
        assert store.status(report) == DRAFT
        store.undo(report)
        assert store.status(report) == FINAL


def test_status_words():
    assert [status_word(s) for s in ReportStatus] == ["Bản nháp", "Sẵn sàng", "Chính thức"]
    assert status_word("draft") == "Bản nháp"


# -- the header's gaps ----------------------------------------------------------------


def test_header_gaps_are_missing_entries_that_block_the_final_copy(store, catalogue):
    report = store.load(new_report(store))
    found = check_report(catalogue, report)
    header = [f for f in found if f.section == "header"]
    assert [f.rule_id for f in header] == ["header.preamble", "header.signer", "header.recipients"]
    assert found[: len(header)] == header  # the header page comes first
    assert all(f.blocking and f.status == Status.FAILED for f in header)
    kinds = Kinds(catalogue)
    assert {kinds(f) for f in header} == {FindingKind.MISSING}
    assert [header_field_key(f) for f in header] == [
        "header.preamble",
        "header.signer",
        "header.recipients",
    ]
    assert "họ và tên người ký" in header[1].message
    no_window = header_findings(Header(), None, None)
    assert header_field_key(no_window[0]) == "window"


def test_a_full_header_has_no_gaps():
    header = Header(preamble="Thực hiện", signer=Signer(name="A"), recipients=["Lưu: VT"])
    assert header_findings(header, dt.date(2026, 1, 1), dt.date(2026, 3, 14)) == []
    assert header_findings(header.model_copy(update={"signer": Signer(name=" ")}), None, None)


def test_final_copy_refused_without_a_signer_name(store, catalogue, tmp_path):
    report_id = create_demo_report(store)
    store.set_header_field(report_id, "signer", {"authority": "TM", "name": ""})
    out = tmp_path / "x.pdf"
    with pytest.raises(FinalCopyRefused, match="1 mục còn thiếu") as refused:
        render_report_pdf(store.load(report_id), catalogue, out, final=True)
    assert [f.rule_id for f in refused.value.errors] == ["header.signer"]
    assert not out.exists()
    render_report_pdf(store.load(report_id), catalogue, out, final=False)  # a draft prints
    assert out.exists()


def test_kinds_words_and_counts(catalogue):
    assert [kind_label(k) for k in FindingKind] == ["LỖI", "CẢNH BÁO", "CÒN THIẾU", "CHỜ SỐ LIỆU"]
    kinds = [FindingKind.MISSING, FindingKind.ERROR, FindingKind.MISSING, FindingKind.PENDING]
    assert counts_text(kinds) == "1 lỗi, 2 mục còn thiếu, 1 quy tắc chưa kiểm tra được"
    assert counts_text([], zero=True) == "0 lỗi, 0 cảnh báo, 0 mục còn thiếu"
