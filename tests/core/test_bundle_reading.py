"""Reading bundles that arrive damaged, altered or hostile: only ``BundleError``, in Vietnamese."""

import datetime as dt
import json
import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_desktop.bundle import (
    MAX_BUNDLE_BYTES,
    Bundle,
    BundleError,
    build_bundle,
    bundle_bytes,
    parse_bundle,
    read_bundle,
    reading,
)
from cchc_desktop.bundle.format import checksum, encode
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.checks import check_report
from cchc_desktop.demo import create_demo_report
from cchc_desktop.model import ReportStatus
from cchc_desktop.store import Store

AT = dt.datetime(2026, 4, 2, 9, 30, tzinfo=dt.UTC)


@cache
def sample() -> tuple[Catalogue, Bundle, bytes]:
    """The demo report's bundle, built once (hypothesis tests take it from here, not
    from fixtures, so that a failing example does not print the whole catalogue)."""
    catalogue = load_catalogue()
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(Path(folder) / "cchc.sqlite3", catalogue, keep_backups=0) as store,
    ):
        report = store.load(create_demo_report(store))
    findings = check_report(catalogue, report)
    bundle = build_bundle(report, catalogue, findings, revision=2, created_at=AT)
    return catalogue, bundle, bundle_bytes(bundle)


@pytest.fixture
def catalogue() -> Catalogue:
    return sample()[0]


@pytest.fixture
def bundle() -> Bundle:
    return sample()[1]


@pytest.fixture
def data() -> bytes:
    return sample()[2]


def document_of(data: bytes) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(data, parse_float=Decimal)
    return loaded


def signed(document: dict[str, Any]) -> bytes:
    """The document with a correct checksum: what a buggy or hostile writer could produce."""
    body = {k: v for k, v in document.items() if k != "sha256"}
    return encode({**body, "sha256": checksum(body)}, indent=2).encode()


def reason_of(data: bytes, catalogue: Catalogue | None = None) -> BundleError:
    with pytest.raises(BundleError) as raised:
        parse_bundle(data, catalogue)
    return raised.value


def test_a_bundle_cut_at_every_byte_is_refused(data, catalogue):
    kinds = set()
    for end in range(len(data)):
        with pytest.raises(BundleError) as raised:
            parse_bundle(data[:end], catalogue)
        kinds.add(raised.value.kind)
    assert kinds == {"truncated"}
    assert "cắt cụt" in reason_of(data[: len(data) // 2]).reason


def test_every_changed_value_without_a_new_checksum_is_refused(bundle, catalogue):
    for indicator_id, value in bundle.values.items():
        altered = bundle.model_copy(update={"values": {**bundle.values, indicator_id: value + 1}})
        error = reason_of(bundle_bytes(altered), catalogue)
        assert error.kind == "checksum", indicator_id
        assert "đã bị sửa" in error.reason
    for key in bundle.narratives:
        texts = {**bundle.narratives, key: bundle.narratives[key] + "."}
        altered = bundle.model_copy(update={"narratives": texts})
        assert reason_of(bundle_bytes(altered)).kind == "checksum"
    for update in ({"revision": 3}, {"status": ReportStatus.FINAL}, {"unit_code": "11075"}):
        assert reason_of(bundle_bytes(bundle.model_copy(update=update))).kind == "checksum"


@pytest.mark.parametrize(
    ("data_", "kind", "words"),
    [
        (b"", "truncated", "tệp rỗng"),
        (b"   \n", "truncated", "tệp rỗng"),
        (b"PK\x03\x04\x14\x00\x08\x00\xb7\x8d", "encoding", "UTF-8"),
        (b"PK\x03\x04 a zip file", "not_json", "không phải JSON"),
        (b"<html>not json</html>", "not_json", "không phải JSON"),
        (b"[1, 2]", "format", "không phải gói dữ liệu"),
        (b'{"format": "other"}', "format", "không phải gói dữ liệu báo cáo CCHC"),
        (b'{"format": "cchc-bundle", "format_version": 7}', "version", "cập nhật phần mềm"),
        (b'{"format": "cchc-bundle", "format_version": "1"}', "version", "phiên bản"),
        (b'{"format": "cchc-bundle", "format_version": true}', "version", "phiên bản"),
        (b'{"format": "cchc-bundle", "format_version": 1}', "field", "mã kiểm tra"),
        (b'{"a": NaN}', "value", "không phải là một số"),
        (b'{"a": 1, "a": 2}', "value", "hai lần"),
        (b'{"a": ' + b"9" * 5000 + b"}", "value", "không hợp lệ"),
        (b"[" * 200_000 + b"]" * 200_000, "not_json", "lồng nhau quá sâu"),
        (b'{"a": "\xc3', "truncated", "cắt cụt"),
        (
            b'{"format": "cchc-bundle", "format_version": 1, "sha256": "", "a": "\\ud800"}',
            "encoding",
            "mã Unicode lẻ",
        ),
    ],
)
def test_damaged_files_are_explained(data_, kind, words):
    error = reason_of(data_)
    assert error.kind == kind
    assert words in error.reason
    assert str(error) == error.reason


def test_wrong_or_missing_fields_are_named_in_words(data):
    document = document_of(data)
    cases = [
        ("unit_code", None, "thiếu mã đơn vị"),
        ("unit_code", "1107", "mã đơn vị (unit_code): sai định dạng"),
        ("revision", "3", "số lần gửi (revision): phải là số nguyên"),
        ("revision", 0, "số lần gửi (revision): phải từ 1 trở lên"),
        ("period", "2026-Q5", "Kỳ báo cáo «2026-Q5» không hợp lệ"),
        ("created_at", "2026-04-02T09:30:00", "thời điểm tạo gói (created_at)"),
        ("values", [1, 2], "số liệu (values): phải là một bảng"),
        ("narratives", {"tthc.ket_qua": 5}, "nội dung «tthc.ket_qua»: phải là văn bản"),
        ("header", {"signer": {"authority": "XX"}}, "phần đầu báo cáo (header.signer"),
        ("findings", [{"rule_id": "x"}], "thiếu kết quả kiểm tra, mục 1"),
        ("extra", 1, "trường «extra» (extra): là trường lạ"),
    ]
    for field, value, words in cases:
        changed = dict(document)
        if value is None:
            del changed[field]
        else:
            changed[field] = value
        error = reason_of(signed(changed))
        assert words in error.reason, (field, error.reason)
    values = {**document["values"], "tthc.ho_so.tiep_nhan": "1730"}
    error = reason_of(signed({**document, "values": values}))
    assert error.kind == "value"
    assert "số liệu «tthc.ho_so.tiep_nhan»: phải là một số" in error.reason


def test_figures_are_checked_against_the_catalogue(data, catalogue):
    document = document_of(data)
    for value, words in [
        (Decimal("10.5"), "phải là số nguyên"),
        (-1, "số nằm ngoài khoảng cho phép"),
        (10**15, "số nằm ngoài khoảng cho phép"),
    ]:
        values = {**document["values"], "tthc.ho_so.tiep_nhan": value}
        error = reason_of(signed({**document, "values": values}), catalogue)
        assert error.kind == "value"
        assert words in error.reason, error.reason
        assert "Tổng số hồ sơ" in error.reason or "số liệu «" in error.reason
    values = {**document["values"], "khong.co.chi_tieu": 1}
    error = reason_of(signed({**document, "values": values}), catalogue)
    assert (error.kind, "khong.co.chi_tieu" in error.reason) == ("catalogue", True)
    error = reason_of(signed({**document, "catalogue_id": "cchc-huyen"}), catalogue)
    assert error.kind == "catalogue"
    assert "cchc-huyen" in error.reason and "cập nhật phần mềm" in error.reason
    # Without a catalogue the same bundles read fine (the province may hold an older one).
    assert parse_bundle(signed({**document, "catalogue_id": "cchc-huyen"})).catalogue_id


def test_a_file_above_the_cap_is_refused_without_reading_it(tmp_path, monkeypatch, catalogue):
    big = tmp_path / "big.cchc.json"
    with big.open("wb") as stream:
        stream.truncate(MAX_BUNDLE_BYTES + 1)  # sparse: no disk used
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(BundleError) as raised:
        read_bundle(big, catalogue)
    assert raised.value.kind == "too_large"
    assert raised.value.reason.startswith("Tệp «big.cchc.json»: tệp quá lớn")
    assert opened == []
    assert reason_of(b" " * (MAX_BUNDLE_BYTES + 1)).kind == "too_large"


def test_a_file_that_grows_past_the_cap_is_not_read_whole(tmp_path, monkeypatch, data):
    path = tmp_path / "x.cchc.json"
    path.write_bytes(data + b" " * 100)
    monkeypatch.setattr(reading, "MAX_BUNDLE_BYTES", len(data) + 10)
    small = type("Stat", (), {"st_size": 5, "st_mode": 0o100644})()
    monkeypatch.setattr(Path, "stat", lambda self, **kw: small)
    with pytest.raises(BundleError) as raised:
        read_bundle(path, None)
    assert raised.value.kind == "too_large"


def test_read_bundle_names_the_file(tmp_path, data, catalogue):
    good = tmp_path / "good.cchc.json"
    good.write_bytes(data)
    assert read_bundle(good, catalogue).revision == 2
    cut = tmp_path / "cut.cchc.json"
    cut.write_bytes(data[:100])
    with pytest.raises(BundleError, match=r"^Tệp «cut\.cchc\.json»: tệp bị cắt cụt"):
        read_bundle(cut, catalogue)
    with pytest.raises(BundleError, match=r"^Tệp «none\.cchc\.json»: không tìm thấy tệp"):
        read_bundle(tmp_path / "none.cchc.json", catalogue)
    with pytest.raises(BundleError, match="là một thư mục"):
        read_bundle(tmp_path, catalogue)


def test_a_byte_order_mark_is_tolerated(data):
    assert parse_bundle(b"\xef\xbb\xbf" + data).sha256


# -- hostile input, generated ----------------------------------------------------------

json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = sorted(Bundle.model_fields)
QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_only_bundle_error(data: bytes, catalogue: Catalogue | None) -> None:
    try:
        parse_bundle(data, catalogue)
    except BundleError as error:
        assert error.reason and error.kind


@QUICK
@given(field=st.sampled_from(FIELDS), value=json_values, resign=st.booleans())
def test_any_field_of_any_type_raises_only_bundle_error(field, value, resign):
    catalogue, _, data = sample()
    document = document_of(data)
    document[field] = value
    raw = signed(document) if resign else encode(document).encode()
    parse_only_bundle_error(raw, catalogue)


@QUICK
@given(missing=st.sets(st.sampled_from([f for f in FIELDS if f != "sha256"]), min_size=1))
def test_missing_keys_raise_only_bundle_error(missing):
    catalogue, _, data = sample()
    document = {k: v for k, v in document_of(data).items() if k not in missing}
    with pytest.raises(BundleError):
        parse_bundle(signed(document), catalogue)


@QUICK
@given(
    key=st.sampled_from(["values", "narratives", "header", "findings", "unit_name"]),
    depth=st.integers(min_value=1, max_value=5000),
)
def test_deep_nesting_raises_only_bundle_error(key, depth):
    catalogue, _, data = sample()
    nested = "[" * depth + "]" * depth
    text = data.decode().replace(f'"{key}": ', f'"{key}": {{"x": {nested}}}, "{key}_": ', 1)
    with pytest.raises(BundleError):
        parse_bundle(text.encode(), catalogue)


@QUICK
@given(
    number=st.sampled_from(
        ["1e999999999", "-1e-999999999", "9" * 4301, "1" + "0" * 400 + ".5", "0e99999", "1E+15"]
    ),
    indicator=st.sampled_from(["tthc.ho_so.tiep_nhan", "tai_chinh.dau_tu.ke_hoach"]),
)
def test_huge_numbers_raise_only_bundle_error(number, indicator):
    catalogue, _, data = sample()
    text = data.decode()
    start = text.index(f'"{indicator}": ') + len(indicator) + 4
    end = min(text.index(",", start), text.index("\n", start))
    mangled = text[:start] + number + text[end:]
    parse_only_bundle_error(mangled.encode(), catalogue)
    if len(number) < 4300:
        document = json.loads(mangled, parse_float=Decimal)
        try:
            resigned = signed(document)
        except ValueError:
            return  # our writer refuses such a number too
        parse_only_bundle_error(resigned, catalogue)


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@QUICK
@given(
    position=st.floats(min_value=0, max_value=1),
    garbage=st.binary(min_size=1, max_size=4).filter(lambda b: not is_utf8(b)),
)
def test_invalid_utf8_raises_only_bundle_error(position, garbage):
    catalogue, _, data = sample()
    cut = int(position * len(data))
    with pytest.raises(BundleError):
        parse_bundle(data[:cut] + garbage + data[cut:], catalogue)


@QUICK
@given(position=st.floats(min_value=0, max_value=1), byte=st.integers(0, 255))
def test_a_changed_byte_is_refused_or_changes_nothing(position, byte):
    catalogue, bundle, data = sample()
    at = min(int(position * len(data)), len(data) - 1)
    changed = data[:at] + bytes([byte]) + data[at + 1 :]
    try:
        parsed = parse_bundle(changed, catalogue)
    except BundleError:
        return
    assert parsed.sha256 == bundle.sha256  # only whitespace or an equivalent escape changed


@QUICK
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_bundle_error(junk):
    catalogue = sample()[0]
    parse_only_bundle_error(junk, catalogue)


@pytest.mark.parametrize("thing", [None, "text", 12, ["a"]])
def test_parse_refuses_what_is_not_bytes(thing):
    with pytest.raises(BundleError):
        parse_bundle(thing)  # type: ignore[arg-type]


def test_sizes_are_said_the_vietnamese_way_as_the_province_import_says_them(tmp_path):
    from cchc_desktop.bundle.reading import read_bundle_bytes
    from cchc_desktop.province.database import ProvinceDatabase
    from cchc_desktop.province.importer import import_paths

    big = tmp_path / "video.cchc.json"
    with big.open("wb") as stream:
        stream.truncate(25 * 1024 * 1024 + 300 * 1024)  # 25,3 MB, sparse
    with pytest.raises(BundleError) as raised:
        read_bundle_bytes(big)
    assert raised.value.kind == "too_large"
    assert "(25,3 MB;" in raised.value.reason and "25.3" not in raised.value.reason
    with pytest.raises(BundleError) as named:
        read_bundle(big, None)
    assert named.value.reason == f"Tệp «video.cchc.json»: {raised.value.reason}"
    with ProvinceDatabase.open(tmp_path / "tinh.sqlite3") as db:
        [refused] = import_paths(db, [big], load_catalogue()).rejected
    assert refused.message == named.value.reason


def test_read_bundle_bytes_explains_a_missing_file_or_a_folder(tmp_path):
    from cchc_desktop.bundle.reading import read_bundle_bytes

    with pytest.raises(BundleError) as missing:
        read_bundle_bytes(tmp_path / "khong-co.cchc.json")
    assert missing.value.kind == "unreadable" and "không tìm thấy tệp" in missing.value.reason
    with pytest.raises(BundleError) as folder:
        read_bundle_bytes(tmp_path)
    assert "thư mục, không phải tệp" in folder.value.reason
