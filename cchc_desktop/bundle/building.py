"""From a report to a bundle and back: building, naming, and the read-only report view."""

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from cchc_desktop import __version__
from cchc_desktop.bundle.format import (
    FILE_SUFFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    Bundle,
    BundleError,
    BundleFinding,
    checksum,
)
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.checks.findings import Finding
from cchc_desktop.model import Report, Unit
from cchc_desktop.vnformat import Number


def _province_of(unit: Unit) -> str:
    if unit.province_code:
        return unit.province_code
    from cchc_desktop.units import commune

    return commune(unit.code or "").province_code


def _normal(value: Number) -> Number:
    """A figure as reading the bundle's text gives it back: an integral Decimal as int."""
    if isinstance(value, Decimal):
        value = value.normalize()
        return int(value) if value == value.to_integral_value() else value
    return value


def build_bundle(
    report: Report,
    catalogue: Catalogue,
    findings: Iterable[Finding],
    *,
    revision: int,
    created_at: dt.datetime | None = None,
) -> Bundle:
    """The bundle of one report revision, checksum included.

    ``BundleError`` (kind ``no_unit_code``) when the report's unit has no official
    code: the province office identifies communes by code, never by name.
    ``created_at`` defaults to now, in local time with its offset.
    """
    unit = report.unit
    if not unit.code:
        raise BundleError(
            f"Báo cáo của «{unit.name}» không có mã đơn vị chính thức nên không tạo được "
            "gói dữ liệu gửi tỉnh: tỉnh nhận báo cáo theo mã xã, phường. Hãy tạo báo cáo "
            "cho đơn vị chọn trong danh sách xã, phường chính thức.",
            "no_unit_code",
        )
    if revision < 1:
        raise ValueError("Số lần gửi phải từ 1 trở lên")
    moment = created_at or dt.datetime.now().astimezone()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    payload = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "catalogue_id": catalogue.id,
        "catalogue_version": catalogue.version,
        "app_version": __version__,
        "unit_code": unit.code,
        "unit_name": unit.name,
        "province_code": _province_of(unit),
        "parent_body": unit.parent_body,
        "issuing_body": unit.issuing_body,
        "period": report.period,
        "period_title": report.period_title,
        "window_from": report.window_from,
        "window_to": report.window_to,
        "revision": revision,
        "status": report.status,
        "values": {k: _normal(v) for k, v in report.values.items()},
        "narratives": dict(report.narratives),
        "header": report.header,
        "findings": [BundleFinding.of(f) for f in findings],
        "created_at": moment.replace(microsecond=0),
        "sha256": "0" * 64,
    }
    draft = Bundle.model_validate(payload)
    return draft.model_copy(update={"sha256": checksum(draft.payload())})


def bundle_report(bundle: Bundle, report_id: int = 0) -> Report:
    """The bundle as a :class:`Report`, for read-only display and printing.

    ``id`` is ``report_id`` (0 by default: no row of any store); the revision is
    the bundle's; created and updated times are the bundle's ``created_at``.
    """
    return Report(
        id=report_id,
        catalogue_id=bundle.catalogue_id,
        catalogue_version=bundle.catalogue_version,
        unit=Unit(
            code=bundle.unit_code,
            name=bundle.unit_name,
            province_code=bundle.province_code,
            parent_body=bundle.parent_body,
            issuing_body=bundle.issuing_body,
        ),
        period=bundle.period,
        period_title=bundle.period_title,
        window_from=bundle.window_from,
        window_to=bundle.window_to,
        status=bundle.status,
        revision=bundle.revision,
        header=bundle.header,
        narratives=dict(bundle.narratives),
        values=dict(bundle.values),
        created_at=bundle.created_at,
        updated_at=bundle.created_at,
    )


def ascii_name(text: str) -> str:
    """``Xã Tứ Kỳ`` → ``Xa-Tu-Ky``: accents dropped, case kept, anything else a dash."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")


def bundle_file_name(bundle: Bundle) -> str:
    """``26734_Xa-Tu-Ky_2026-Q1_r003.cchc.json``: sorts by unit, period, then revision."""
    name = ascii_name(bundle.unit_name)[:60].strip("-") or "don-vi"
    return f"{bundle.unit_code}_{name}_{bundle.period}_r{bundle.revision:03d}{FILE_SUFFIX}"
