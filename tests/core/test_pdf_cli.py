"""``cchc pdf``, run as a user runs it: a real process on a real database."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.demo import create_demo_report
from cchc_desktop.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def cchc(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def pdf_text(path: Path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_final_copy_of_a_clean_report_is_the_same_every_time(db: Path, tmp_path: Path) -> None:
    with Store.open(db, load_catalogue(), keep_backups=0) as store:
        report = str(create_demo_report(store))
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    done = cchc(db, "pdf", report, "-o", str(first), "--final")
    assert done.returncode == 0, done.stderr
    assert str(first) in done.stdout
    assert cchc(db, "pdf", report, "--output", str(second), "--final").returncode == 0
    assert first.read_bytes() == second.read_bytes()  # another process, the same bytes
    assert sorted(p.name for p in tmp_path.glob("*.pdf*")) == ["a.pdf", "b.pdf"]  # no temp left


def test_final_refused_with_the_errors_listed(db: Path, tmp_path: Path) -> None:
    report = cchc(db, "new", "--unit", "11074", "--period", "2026-Q1").stdout.strip()
    for indicator, value in [
        ("tthc.ho_so.tiep_nhan", "1.730"),
        ("tthc.ho_so.da_giai_quyet", "1.553"),
        ("tthc.ho_so.dang_giai_quyet", "176"),
    ]:
        assert cchc(db, "set", report, indicator, value).returncode == 0
    out = tmp_path / "bao-cao.pdf"
    refused = cchc(db, "pdf", report, "-o", str(out), "--final")
    assert refused.returncode == 1
    assert "Chưa in được bản chính thức" in refused.stderr
    assert "(1.553) + đang giải quyết (176) = 1.729" in refused.stderr
    assert not out.exists()
    draft = cchc(db, "pdf", report, "-o", str(out), "--draft", "--findings")
    assert draft.returncode == 0, draft.stderr
    findings_page = pdf_text(out).split("CÁC VẤN ĐỀ CÒN LẠI TRONG SỐ LIỆU")[1]
    assert "Lỗi" in findings_page and "1.729" in findings_page


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["-o", "{missing}/x.pdf"], "thư mục không tồn tại"),
        (["-o", "{tmp}/x.pdf", "--draft", "--final"], "không dùng cùng"),
        (["-o", "{tmp}/x.pdf", "--final", "--findings"], "chỉ dùng với bản dự thảo"),
        (["-o", "{tmp}"], "là một thư mục"),
        ([], "thiếu tham số"),
    ],
)
def test_bad_input_exits_2(db: Path, tmp_path: Path, args: list[str], words: str) -> None:
    report = cchc(db, "new", "--unit", "11074", "--period", "2026-Q1").stdout.strip()
    filled = [a.format(missing=tmp_path / "khong-co", tmp=tmp_path) for a in args]
    result = cchc(db, "pdf", report, *filled)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_report_exits_2(db: Path, tmp_path: Path) -> None:
    result = cchc(db, "pdf", "42", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "42" in result.stderr


def test_the_final_copy_marks_the_report_final_until_it_is_edited(db: Path, tmp_path: Path) -> None:
    with Store.open(db, load_catalogue(), keep_backups=0) as store:
        report = str(create_demo_report(store))
    assert "\tBản nháp\t" in cchc(db, "list").stdout
    draft = cchc(db, "pdf", report, "-o", str(tmp_path / "nhap.pdf"))
    assert (
        draft.returncode == 0 and "Bản nháp" in cchc(db, "list").stdout
    )  # a draft changes nothing
    done = cchc(db, "pdf", report, "-o", str(tmp_path / "a.pdf"), "--final")
    assert done.returncode == 0, done.stderr
    assert "«Chính thức»" in done.stdout
    assert "\tChính thức\t" in cchc(db, "list").stdout
    assert "Trạng thái: Chính thức" in cchc(db, "show", report).stdout
    assert '"status": "final"' in cchc(db, "show", report, "--json").stdout

    assert cchc(db, "set", report, "tthc.ho_so.tiep_nhan", "1.000").returncode == 0
    assert "\tBản nháp\t" in cchc(db, "list").stdout  # the signed paper no longer matches
    with Store.open(db, load_catalogue(), keep_backups=0) as store:
        store.undo(int(report))
    assert "\tChính thức\t" in cchc(db, "list").stdout


def test_header_gaps_are_missing_in_check_and_block_the_final_copy(
    db: Path, tmp_path: Path
) -> None:
    with Store.open(db, load_catalogue(), keep_backups=0) as store:
        report = str(create_demo_report(store))
    clean = cchc(db, "check", report)
    assert clean.returncode == 0, clean.stdout
    assert clean.stdout.splitlines()[-1].startswith("0 lỗi, 0 cảnh báo, 0 mục còn thiếu")
    signer = '{"authority": "TM", "title": "CHỦ TỊCH", "name": ""}'
    for field, text in (
        ("header.signer", signer),
        ("header.recipients", ""),
        ("header.preamble", ""),
    ):
        assert cchc(db, "text", report, field, text).returncode == 0
    checked = cchc(db, "check", report)
    assert checked.returncode == 1
    assert "CÒN THIẾU [header] Cần nhập họ và tên người ký" in checked.stdout
    assert checked.stdout.splitlines()[-1].startswith("0 lỗi, 0 cảnh báo, 3 mục còn thiếu")
    out = tmp_path / "x.pdf"
    refused = cchc(db, "pdf", report, "-o", str(out), "--final")
    assert refused.returncode == 1
    assert "Chưa in được bản chính thức: báo cáo còn 3 mục còn thiếu" in refused.stderr
    assert "CÒN THIẾU [header]" in refused.stderr
    assert not out.exists()
    assert "\tBản nháp\t" in cchc(db, "list").stdout


def test_check_says_missing_figures_apart_from_errors(db: Path) -> None:
    report = cchc(db, "new", "--unit", "11074", "--period", "2026-Q1").stdout.strip()
    assert cchc(db, "set", report, "tthc.ho_so.tiep_nhan", "1.730").returncode == 0
    assert cchc(db, "set", report, "tthc.ho_so.da_giai_quyet", "1.553").returncode == 0
    assert cchc(db, "set", report, "tthc.ho_so.dang_giai_quyet", "176").returncode == 0
    lines = cchc(db, "check", report).stdout.splitlines()
    assert any(line.startswith("LỖI [tthc] Tổng số hồ sơ tiếp nhận") for line in lines)
    assert any(line.startswith("CÒN THIẾU [") and "Cần nhập" in line for line in lines)
    assert not any(line.startswith("LỖI") and "Cần nhập" in line for line in lines)
    errors = sum(line.startswith("LỖI ") for line in lines)
    missing = sum(line.startswith("CÒN THIẾU ") for line in lines)
    assert lines[-1].startswith(f"{errors} lỗi, ")
    assert f", {missing} mục còn thiếu" in lines[-1]
