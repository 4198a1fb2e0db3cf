"""Exporting bundles: revisions, atomic writes onto a stick that may fail, and the CLI."""

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cchc_desktop import atomic_file
from cchc_desktop.bundle import (
    BundleError,
    ExportError,
    export_bundle,
    prepare_bundle,
    read_bundle,
    write_bundle_file,
)
from cchc_desktop.bundle import export as export_module
from cchc_desktop.bundle.schema import schema_path
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.cli import run
from cchc_desktop.demo import create_demo_report
from cchc_desktop.model import Unit
from cchc_desktop.store import Store


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cchc.sqlite3"


@pytest.fixture
def store(db: Path, catalogue: Catalogue):
    with Store.open(db, catalogue, keep_backups=0) as opened:
        yield opened


@pytest.fixture
def report_id(store: Store) -> int:
    return create_demo_report(store)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "USB"
    folder.mkdir()
    return folder


def assert_valid_file(path: Path, catalogue: Catalogue) -> None:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(path.read_bytes()), schema)
    read_bundle(path, catalogue)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".cchc.json"))


def test_the_revision_grows_only_after_a_change(store, report_id, stick, catalogue):
    first = export_bundle(store, report_id, stick)
    assert first.name == "11074_Xa-Tu-Ky_2026-Q1_r001.cchc.json"
    assert_valid_file(first, catalogue)
    data = first.read_bytes()
    again = export_bundle(store, report_id, stick)
    assert again == first and again.read_bytes() == data  # byte for byte the same
    assert store.export_state(report_id).revision == 1
    assert store.list_reports()[0].revision == 1

    store.set_value(report_id, "tthc.ho_so.tiep_nhan", "1.731")
    second = export_bundle(store, report_id, stick)
    assert second.name.endswith("_r002.cchc.json")
    assert read_bundle(second, catalogue).values["tthc.ho_so.tiep_nhan"] == 1731
    assert first.read_bytes() == data  # the older revision stays as it was
    store.set_status(report_id, "ready")
    assert export_bundle(store, report_id, stick).name.endswith("_r003.cchc.json")
    store.set_text(report_id, "tthc.ket_qua", "Khác.")
    store.undo(report_id)  # back to what revision 3 said: no new revision
    assert export_bundle(store, report_id, stick).name.endswith("_r003.cchc.json")
    assert leftovers(stick) == []


def test_a_revision_is_reused_only_for_the_same_bytes(store, report_id, stick, monkeypatch):
    """After an app update the bundle says another version (and perhaps other findings):
    the same revision with other bytes would be a conflict at the province, so it is a
    new revision, which the province simply takes as the newer."""
    from cchc_desktop.bundle import building

    first = export_bundle(store, report_id, stick)
    monkeypatch.setattr(building, "__version__", "99.0")
    prepared = prepare_bundle(store, report_id)
    assert prepared.changed and prepared.bundle.revision == 2
    monkeypatch.setattr(export_module, "check_report", lambda *args: [])
    assert prepare_bundle(store, report_id).bundle.revision == 2
    assert first.name.endswith("_r001.cchc.json")


def test_a_report_typed_again_after_deletion_sends_a_higher_revision(store, report_id, stick):
    export_bundle(store, report_id, stick)
    store.set_value(report_id, "tthc.ho_so.tiep_nhan", "1.731")
    export_bundle(store, report_id, stick)
    store.delete(report_id)
    again = create_demo_report(store)
    assert export_bundle(store, again, stick).name.endswith("_r003.cchc.json")


def test_a_report_purged_for_good_still_counts_its_revisions(store, report_id, stick):
    """Purging must not reset the send number: r001 again would overwrite the stick's r001."""
    export_bundle(store, report_id, stick)
    store.set_value(report_id, "tthc.ho_so.tiep_nhan", "1.731")
    export_bundle(store, report_id, stick)
    store.delete(report_id)
    store.purge(report_id)
    again = create_demo_report(store)
    assert export_bundle(store, again, stick).name.endswith("_r003.cchc.json")
    assert store.export_state(again).unit_period_revision == 3


def test_findings_are_those_at_export_time_against_the_previous_period(
    store, report_id, stick, catalogue
):
    next_id = store.duplicate(report_id, "2026-Q2")
    bundle = read_bundle(export_bundle(store, next_id, stick), catalogue)
    rules = {f.rule_id for f in bundle.finding_list()}
    assert "tthc.ho_so.ky_truoc_khop_bao_cao_truoc" not in {
        f.rule_id for f in bundle.finding_list() if f.status == "pending"
    }
    assert rules  # a copied report still misses its flows: the checker says so


def test_a_failed_rename_leaves_the_previous_file_and_no_temp(store, report_id, stick, monkeypatch):
    first = export_bundle(store, report_id, stick)
    data = first.read_bytes()
    store.set_value(report_id, "tthc.ho_so.tiep_nhan", "1.731")
    prepared = prepare_bundle(store, report_id)
    same_name = prepared.bundle.model_copy(update={"revision": 1})  # overwrite r001

    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", full)
    with pytest.raises(ExportError) as raised:
        write_bundle_file(same_name, stick)
    assert "đã đầy" in str(raised.value)
    assert first.read_bytes() == data
    assert leftovers(stick) == []
    assert store.export_state(report_id).revision == 1  # nothing recorded


def test_a_write_cut_half_way_leaves_the_previous_file_and_no_temp(
    store, report_id, stick, monkeypatch, catalogue
):
    first = export_bundle(store, report_id, stick)
    data = first.read_bytes()
    real_fdopen = os.fdopen

    class PulledStick:
        def __init__(self, stream: Any) -> None:
            self._stream = stream

        def __enter__(self) -> "PulledStick":
            return self

        def __exit__(self, *exc: object) -> None:
            self._stream.close()

        def write(self, chunk: bytes) -> int:
            self._stream.write(chunk[: len(chunk) // 2])
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic_file.os, "fdopen", lambda *a, **k: PulledStick(real_fdopen(*a, **k)))
    prepared = prepare_bundle(store, report_id)
    with pytest.raises(ExportError, match="USB bị rút hoặc hỏng"):
        write_bundle_file(prepared.bundle, stick)
    assert first.read_bytes() == data
    assert leftovers(stick) == []
    read_bundle(first, catalogue)


def test_a_file_that_does_not_read_back_is_removed(store, report_id, stick, monkeypatch):
    prepared = prepare_bundle(store, report_id)
    monkeypatch.setattr(Path, "read_bytes", lambda self: b"{ broken")
    with pytest.raises(ExportError, match="bị hỏng khi đọc lại"):
        write_bundle_file(prepared.bundle, stick)
    assert list(stick.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "không có quyền ghi vào thư mục này. Hãy chọn thư mục khác."),
        (errno.EROFS, "chỉ cho đọc"),
        (errno.ENOSPC, "đã đầy"),
        (errno.ENAMETOOLONG, "Không ghi được gói dữ liệu"),
        (errno.EFBIG, f"Không ghi được gói dữ liệu vào «{{}}»: lỗi hệ thống số {errno.EFBIG}"),
    ],
)
def test_os_errors_are_explained(store, report_id, stick, monkeypatch, code, words):
    prepared = prepare_bundle(store, report_id)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic_file, "_create_partial", refuse)
    with pytest.raises(ExportError) as raised:
        write_bundle_file(prepared.bundle, stick)
    reason = raised.value.reason
    assert words.format(stick) in reason and str(stick) in reason
    assert os.strerror(code) not in reason  # never the system's English


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_the_file_has_the_permissions_of_any_new_file(store, report_id, stick, umask, mode):
    """Not tempfile's 0o600: another user, or the province office's PC, must read it."""
    previous = os.umask(umask)
    try:
        path = export_bundle(store, report_id, stick)
        store.set_value(report_id, "tthc.ho_so.tiep_nhan", "1.731")
        again = export_bundle(store, report_id, stick)  # a new revision, another file
        rewritten = export_bundle(store, report_id, stick)  # the same file, replaced
    finally:
        os.umask(previous)
    assert again == rewritten != path
    for written in (path, again):
        assert stat.S_IMODE(written.stat().st_mode) == mode
    assert leftovers(stick) == []


def test_a_taken_temporary_name_is_passed_over(store, report_id, stick, monkeypatch):
    prepared = prepare_bundle(store, report_id)
    names = iter(["aaaa", "aaaa", "bbbb"])
    monkeypatch.setattr(atomic_file.secrets, "token_hex", lambda n: next(names))
    (stick / f".{prepared.file_name}.aaaa.tmp").write_bytes(b"someone else's")
    path = write_bundle_file(prepared.bundle, stick)
    assert path.read_bytes() and (stick / f".{prepared.file_name}.aaaa.tmp").exists()
    assert not (stick / f".{prepared.file_name}.bbbb.tmp").exists()


def test_a_missing_folder_is_explained(store, report_id, tmp_path):
    with pytest.raises(ExportError, match=r"Không tìm thấy thư mục .*USB có thể đã bị rút"):
        export_bundle(store, report_id, tmp_path / "gone")
    assert store.export_state(report_id).revision == 0


def test_a_file_given_for_the_folder_is_called_a_file(store, report_id, tmp_path):
    existing = tmp_path / "bao-cao.pdf"
    existing.write_bytes(b"%PDF")
    with pytest.raises(ExportError) as raised:
        export_bundle(store, report_id, existing)
    assert f"«{existing}» là một tệp, không phải thư mục" in raised.value.reason
    assert "Không tìm thấy" not in raised.value.reason and "USB có thể" not in raised.value.reason
    assert existing.read_bytes() == b"%PDF"


def test_a_report_without_unit_code_is_not_exported(store, stick):
    report_id = store.create_report(Unit(name="Xã Cũ"), "2022-Q3")
    with pytest.raises(BundleError, match="không có mã đơn vị chính thức"):
        export_bundle(store, report_id, stick)
    assert list(stick.iterdir()) == []


# -- the command line -----------------------------------------------------------------


def test_cli_bundle_and_verify(db, report_id, store, stick, capsys, catalogue):
    store.close()
    assert run(["--db", str(db), "bundle", str(report_id), "-o", str(stick)]) == 0
    out, err = capsys.readouterr()
    path = Path(out.strip())
    assert path.parent == stick and path.name.endswith("_r001.cchc.json")
    assert "lần gửi 1" in err
    assert_valid_file(path, catalogue)

    assert run(["verify", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("Hợp lệ: 11074 Xã Tứ Kỳ — quý I năm 2026, lần gửi 1, bản nháp, ")
    assert out.count("\n") == 1

    cut = stick / "cut.cchc.json"
    cut.write_bytes(path.read_bytes()[:-10])
    assert run(["verify", str(cut)]) == 1
    _, err = capsys.readouterr()
    assert err.startswith("Không hợp lệ: Tệp «cut.cchc.json»: tệp bị cắt cụt")


def test_cli_bundle_errors(db, report_id, store, stick, tmp_path, capsys):
    old = store.create_report(Unit(name="Xã Cũ"), "2022-Q3")
    store.close()
    assert run(["--db", str(db), "bundle", str(old), "-o", str(stick)]) == 2
    assert "không có mã đơn vị chính thức" in capsys.readouterr().err
    assert run(["--db", str(db), "bundle", "999", "-o", str(stick)]) == 2
    assert "Không tìm thấy báo cáo số 999" in capsys.readouterr().err
    assert run(["--db", str(db), "bundle", str(old), "-o", str(tmp_path / "x")]) == 2
    capsys.readouterr()
    some_file = tmp_path / "some.pdf"
    some_file.write_text("x")
    assert run(["--db", str(db), "bundle", str(report_id), "-o", str(some_file)]) == 2
    assert "là một tệp, không phải thư mục" in capsys.readouterr().err
    assert run(["verify", str(tmp_path / "none.cchc.json")]) == 1
    assert "không tìm thấy tệp" in capsys.readouterr().err


def test_the_bundle_is_built_and_checked_once(store, report_id, catalogue, monkeypatch):
    """One build and one check per export; the result is the bundle built at the revision
    and time outright (the same bytes, the same checksum)."""
    import datetime as dt

    from cchc_desktop.bundle.building import build_bundle
    from cchc_desktop.checks import check_report

    builds: list[int] = []
    checks: list[int] = []

    def counted_build(*args: Any, **kwargs: Any) -> Any:
        builds.append(1)
        return build_bundle(*args, **kwargs)

    def counted_check(*args: Any) -> Any:
        checks.append(1)
        return check_report(*args)

    monkeypatch.setattr(export_module, "build_bundle", counted_build)
    monkeypatch.setattr(export_module, "check_report", counted_check)
    now = dt.datetime(2026, 4, 2, 9, 30, 15, 123456).astimezone()
    prepared = prepare_bundle(store, report_id, now=now)
    assert (len(builds), len(checks)) == (1, 1)
    report = store.load(report_id)
    findings = check_report(catalogue, report, store.previous_report(report_id))
    outright = build_bundle(report, catalogue, findings, revision=1, created_at=now)
    assert prepared.bundle == outright and prepared.bundle.sha256 == outright.sha256
    assert prepared.bundle.created_at.microsecond == 0
    builds.clear()
    checks.clear()
    again = prepare_bundle(store, report_id, now=now, report=report, findings=findings)
    assert (len(builds), len(checks), again.bundle) == (1, 0, outright)
