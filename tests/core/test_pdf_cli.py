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
