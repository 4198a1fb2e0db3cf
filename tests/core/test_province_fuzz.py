"""Malformed bundles never crash the importer and never import partly.

Generated cases: wrong types and missing keys anywhere at the top, in the
figures and in the header; huge and negative numbers; random bytes, invalid
UTF-8 and truncation; deep nesting. Each is tried as written (the checksum no
longer matches) and re-signed with a correct checksum (what a buggy or hostile
writer could produce), so that it reaches every check behind the checksum.
"""

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_desktop.bundle import bundle_bytes, parse_bundle
from cchc_desktop.bundle.format import checksum, encode
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.province import Outcome, ProvinceDatabase, import_paths, load_bundle
from cchc_desktop.province.sample import sample_bundle
from cchc_desktop.units import commune

CATALOGUE = load_catalogue()
GOOD = bundle_bytes(sample_bundle(commune("11074"), "2026-Q1", CATALOGUE))
DOCUMENT: dict[str, Any] = json.loads(GOOD, parse_float=Decimal)
TOP_KEYS = sorted(DOCUMENT)
VALUE_KEYS = sorted(DOCUMENT["values"])
HEADER_KEYS = sorted(DOCUMENT["header"])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.sampled_from([10**400, -1, 0, 10**15, 2**63])
    | st.decimals(allow_nan=False, allow_infinity=False, places=4)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def signed(document: dict[str, Any]) -> bytes:
    body = {k: v for k, v in document.items() if k != "sha256"}
    try:
        return encode({**body, "sha256": checksum(body)}, indent=1).encode()
    except (ValueError, TypeError, ArithmeticError):
        return encode(document, indent=1).encode()


def copy() -> dict[str, Any]:
    return json.loads(GOOD, parse_float=Decimal)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """A bundle document with one thing wrong, as written or re-signed."""
    document = copy()
    where = draw(st.sampled_from(["top", "drop", "value", "drop_value", "header", "finding"]))
    if where == "top":
        document[draw(st.sampled_from(TOP_KEYS))] = draw(json_values)
    elif where == "drop":
        del document[draw(st.sampled_from(TOP_KEYS))]
    elif where == "value":
        key = draw(st.sampled_from([*VALUE_KEYS, "khong.co.chi_tieu"]))
        document["values"][key] = draw(json_values)
    elif where == "drop_value":
        document["values"] = draw(json_values)
    elif where == "header":
        document["header"][draw(st.sampled_from(HEADER_KEYS))] = draw(json_values)
    else:
        document["findings"] = [draw(json_values)]
    if draw(st.booleans()):
        return signed(document)
    return encode(document, indent=1).encode()


@st.composite
def raw_bytes(draw: st.DrawFn) -> bytes:
    """Bytes that went wrong on the way: cut, a byte replaced, random, or nested deep."""
    kind = draw(st.sampled_from(["cut", "byte", "random", "nested"]))
    if kind == "cut":
        return GOOD[: draw(st.integers(min_value=0, max_value=len(GOOD) - 1))]
    if kind == "byte":
        at = draw(st.integers(min_value=0, max_value=len(GOOD) - 1))
        byte = draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"{", b'"']))
        return GOOD[:at] + byte + GOOD[at + 1 :]
    if kind == "random":
        return draw(st.binary(max_size=300))
    depth = draw(st.integers(min_value=100, max_value=200_000))
    return (
        b'{"format": "cchc-bundle", "format_version": 1, "values": '
        + b"[" * depth
        + b"]" * depth
        + b"}"
    )


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return CATALOGUE


@pytest.fixture(scope="module")
def place(tmp_path_factory) -> Iterator[tuple[ProvinceDatabase, Path]]:
    folder = tmp_path_factory.mktemp("fuzz")
    with ProvinceDatabase.open(folder / "province.sqlite3") as db:
        import_paths(db, [_write(folder, "good.cchc.json", GOOD)], CATALOGUE)
        yield db, folder


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _dump(db: ProvinceDatabase) -> list[str]:
    return list(db.conn.iterdump())


def _import_one(place: tuple[ProvinceDatabase, Path], data: bytes) -> None:
    db, folder = place
    before = _dump(db)
    path = _write(folder, "case.cchc.json", data)
    result = import_paths(db, [path], CATALOGUE)  # never raises
    [file] = result.files
    assert file.message.startswith("Tệp «case.cchc.json»")
    if file.outcome == Outcome.REJECTED:
        assert _dump(db) == before, "a rejected file changed the database"
    else:  # still a valid bundle (a harmless change, re-signed): stored whole or not at all
        expected = parse_bundle(data, CATALOGUE)
        stored = db.conn.execute(
            "SELECT id FROM bundles WHERE sha256 = ?", (expected.sha256,)
        ).fetchone()
        if file.outcome == Outcome.SKIPPED:
            assert _dump(db) == before
        else:
            assert load_bundle(db, stored[0]).sha256 == expected.sha256


SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(data=documents())
def test_malformed_documents_never_crash_nor_import_partly(place, data):
    _import_one(place, data)


@SETTINGS
@given(data=raw_bytes())
def test_damaged_bytes_never_crash_nor_import_partly(place, data):
    _import_one(place, data)


@pytest.mark.parametrize("key", TOP_KEYS)
def test_every_missing_key_is_refused_and_named(place, key):
    document = copy()
    del document[key]
    db, folder = place
    data = encode(document).encode() if key == "sha256" else signed(document)
    [file] = import_paths(db, [_write(folder, "missing.json", data)], CATALOGUE).files
    assert file.outcome == Outcome.REJECTED


def test_a_huge_number_and_a_deep_nesting_are_refused(place):
    db, folder = place
    document = copy()
    document["values"]["tthc.ho_so.tiep_nhan"] = 10**400
    huge = _write(folder, "huge.json", signed(document))
    deep = _write(folder, "deep.json", b"[" * 1_000_000 + b"]" * 1_000_000)
    result = import_paths(db, [huge, deep], CATALOGUE)
    assert [f.outcome for f in result.files] == [Outcome.REJECTED, Outcome.REJECTED]
