"""Bundle format v1: building, the exact round trip, file names, and the shipped JSON Schema."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from cchc_desktop.bundle import (
    Bundle,
    BundleError,
    ascii_name,
    build_bundle,
    bundle_bytes,
    bundle_file_name,
    bundle_report,
    parse_bundle,
)
from cchc_desktop.bundle.format import checksum, encode
from cchc_desktop.bundle.schema import bundle_json_schema, schema_path, schema_text
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.checks import check_report
from cchc_desktop.demo import create_demo_report
from cchc_desktop.model import Report, Unit
from cchc_desktop.store import Store
from cchc_desktop.units import commune

AT = dt.datetime(2026, 4, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def store(tmp_path: Path, catalogue: Catalogue):
    with Store.open(tmp_path / "cchc.sqlite3", catalogue, keep_backups=0) as opened:
        yield opened


@pytest.fixture
def demo(store: Store) -> Report:
    return store.load(create_demo_report(store))


def make_bundle(report: Report, catalogue: Catalogue, revision: int = 1) -> Bundle:
    findings = check_report(catalogue, report)
    return build_bundle(report, catalogue, findings, revision=revision, created_at=AT)


def validate_with_schema(data: bytes) -> None:
    """Every bundle the app writes is valid against the shipped schema."""
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    document = json.loads(data.decode("utf-8"))
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)


def test_round_trip_gives_identical_values_texts_and_header(demo, catalogue):
    bundle = make_bundle(demo, catalogue, revision=3)
    data = bundle_bytes(bundle)
    back = parse_bundle(data, catalogue)
    assert back.values == demo.values
    assert {k: type(v) for k, v in back.values.items()} == {
        k: type(v) for k, v in demo.values.items()
    }
    assert back.narratives == demo.narratives
    assert back.header == demo.header
    assert back.finding_list() == check_report(catalogue, demo)
    assert (back.unit_code, back.unit_name, back.province_code) == ("11074", "Xã Tứ Kỳ", "31")
    assert (back.period, back.revision, back.status, back.created_at) == ("2026-Q1", 3, "draft", AT)
    assert bundle_bytes(back) == data  # reading and writing again changes nothing


def test_decimals_are_plain_json_numbers_and_exact(store, catalogue):
    unit = Unit.from_official(commune("11074"))
    report_id = store.create_report(unit, "2026-Q2")
    store.set_value(report_id, "tai_chinh.dau_tu.ke_hoach", "590.161,540")
    store.set_value(report_id, "tai_chinh.dau_tu.giai_ngan", "212.901,285")
    report = store.load(report_id)
    data = bundle_bytes(make_bundle(report, catalogue))
    text = data.decode()
    assert '"tai_chinh.dau_tu.giai_ngan": 212901.285' in text
    assert '"tai_chinh.dau_tu.ke_hoach": 590161.54' in text
    assert "E+" not in text and "e+" not in text
    back = parse_bundle(data, catalogue)
    assert back.values["tai_chinh.dau_tu.giai_ngan"] == Decimal("212901.285")
    assert isinstance(back.values["tai_chinh.dau_tu.giai_ngan"], Decimal)
    assert not data.endswith(b"\n")


def test_checksum_covers_the_canonical_form(demo, catalogue):
    bundle = make_bundle(demo, catalogue)
    document = json.loads(bundle_bytes(bundle), parse_float=Decimal)
    stated = document.pop("sha256")
    assert stated == checksum(document) == parse_bundle(bundle_bytes(bundle), catalogue).sha256
    # Whitespace, key order and escapes are not part of the content.
    members = [f"{json.dumps(k)} :\t{encode(v)}" for k, v in reversed(document.items())]
    reordered = "{\r\n" + ",\n".join([*members, f'"sha256": "{stated}"']) + "}"
    assert parse_bundle(reordered.encode(), catalogue).sha256 == stated


def test_a_report_without_an_official_unit_code_cannot_be_bundled(store, catalogue):
    report_id = store.create_report(Unit(name="Xã Cũ", parent_body="UBND HUYỆN X"), "2021-Q3")
    report = store.load(report_id)
    with pytest.raises(BundleError) as raised:
        make_bundle(report, catalogue)
    assert raised.value.kind == "no_unit_code"
    assert "không có mã đơn vị chính thức" in raised.value.reason
    assert "Xã Cũ" in raised.value.reason


def test_file_name_sorts_and_reads(demo, catalogue):
    name = bundle_file_name(make_bundle(demo, catalogue, revision=3))
    assert name == "11074_Xa-Tu-Ky_2026-Q1_r003.cchc.json"
    assert ascii_name("Phường Đống Đa") == "Phuong-Dong-Da"
    assert ascii_name("Đặc khu Phú Quốc (cũ)") == "Dac-khu-Phu-Quoc-cu"
    names = [bundle_file_name(make_bundle(demo, catalogue, revision=r)) for r in (10, 2, 1)]
    assert sorted(names) == names[::-1]


def test_bundle_report_is_the_report_for_display(demo, catalogue):
    bundle = parse_bundle(bundle_bytes(make_bundle(demo, catalogue, revision=2)), catalogue)
    shown = bundle_report(bundle)
    assert shown.model_dump(exclude={"id", "revision", "created_at", "updated_at"}) == (
        demo.model_dump(exclude={"id", "revision", "created_at", "updated_at"})
    )
    assert (shown.id, shown.revision, shown.created_at) == (0, 2, AT)


def test_committed_schema_matches_the_model():
    assert schema_path().read_text(encoding="utf-8") == schema_text(), (
        "resources/schema/cchc-bundle-v1.schema.json is out of date: "
        "run `.venv/bin/python -m cchc_desktop.bundle.schema` and commit the file"
    )
    schema = bundle_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["values"]["additionalProperties"]["type"] == "number"


def test_bundles_validate_against_the_schema(demo, store, catalogue):
    validate_with_schema(bundle_bytes(make_bundle(demo, catalogue)))
    empty = store.load(store.create_report(demo.unit, "2026-Q2"))
    validate_with_schema(bundle_bytes(make_bundle(empty, catalogue)))
    broken = json.loads(bundle_bytes(make_bundle(demo, catalogue)))
    broken["unit_code"] = "1107"
    with pytest.raises(jsonschema.ValidationError):
        validate_with_schema(json.dumps(broken).encode())
