"""Stored forms of values and the rows read back into models.

Figures are stored as canonical decimal text (``1730``, ``99.87``, never
``1.73E+3``) so that "unchanged" is a string comparison and the file reads the
same in any SQLite tool. They are read back as ``Decimal`` first, never through
the Vietnamese parser, which would take ``1.285`` for one thousand two hundred
and eighty-five.
"""

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.status import ReportStatus
from cchc_desktop.vnformat import Number, plain_decimal

if TYPE_CHECKING:  # the pydantic models are imported when a report is built, not to list them
    from cchc_desktop.model import Header, Report

HEADER_PREFIX = "header."


class ReportNotFound(LookupError):
    """No live report with that id (never created, purged, or in the trash)."""

    def __init__(self, report_id: int) -> None:
        super().__init__(f"Không tìm thấy báo cáo số {report_id}")
        self.report_id = report_id


@dataclass(frozen=True)
class ReportSummary:
    """One line of the report list."""

    id: int
    unit_code: str | None
    unit_name: str
    period: str
    period_title: str
    status: ReportStatus
    revision: int
    window_from: dt.date | None
    window_to: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp(moment: dt.datetime) -> str:
    """A fixed-width UTC time, so stored times sort as text."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def parse_day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def canonical(value: Number) -> str:
    """A figure as the database stores it: :func:`~cchc_desktop.vnformat.plain_decimal`.

    ``Decimal("1E+2")`` → ``100``; ``Decimal("99.870")`` → ``99.87``; ints as they are.
    """
    return plain_decimal(value)


def decode_value(catalogue: Catalogue, indicator_id: str, text: str) -> Number:
    """A stored figure as the indicator's type: count → int, anything else → Decimal.

    A figure the current catalogue no longer knows, or no longer accepts (its
    rules changed since it was typed), is kept as it was stored rather than lost.
    """
    try:
        number = Decimal(text)
    except InvalidOperation:
        return Decimal(0)
    if catalogue.has_indicator(indicator_id):
        try:
            return catalogue.indicator(indicator_id).parse(number)
        except ValueError:
            pass
    return int(number) if number == number.to_integral_value() and "." not in text else number


def summary(row: Mapping[str, Any]) -> ReportSummary:
    return ReportSummary(
        id=row["id"],
        unit_code=row["unit_code"],
        unit_name=row["unit_name"],
        period=row["period"],
        period_title=row["period_title"],
        status=ReportStatus(row["status"]),
        revision=row["revision"],
        window_from=parse_day(row["window_from"]),
        window_to=parse_day(row["window_to"]),
        created_at=parse_stamp(row["created_at"]),
        updated_at=parse_stamp(row["updated_at"]),
        deleted_at=parse_stamp(row["deleted_at"]) if row["deleted_at"] else None,
    )


def typed_values(catalogue: Catalogue, values: Mapping[str, str]) -> dict[str, Number]:
    """Stored figures as their indicators' types (see ``decode_value``)."""
    return {k: decode_value(catalogue, k, v) for k, v in values.items()}


def narratives_of(texts: Mapping[str, str]) -> dict[str, str]:
    """The narratives among a report's stored texts (the rest are header fields)."""
    return {k: v for k, v in texts.items() if not k.startswith(HEADER_PREFIX)}


def header_from_rows(rows: dict[str, str]) -> "Header":
    """The header from its stored JSON fields; a field that no longer validates is dropped."""
    from cchc_desktop.model import Header, validate_header_field

    fields: dict[str, Any] = {}
    for name, text in rows.items():
        try:
            fields[name] = validate_header_field(name, json.loads(text))
        except (ValueError, TypeError):
            continue
    return Header.model_validate(fields)


def build_report(
    row: Mapping[str, Any],
    catalogue: Catalogue,
    values: Mapping[str, str],
    texts: Mapping[str, str],
) -> "Report":
    from cchc_desktop.model import Report, Unit

    header_rows = {
        k[len(HEADER_PREFIX) :]: v for k, v in texts.items() if k.startswith(HEADER_PREFIX)
    }
    return Report(
        id=row["id"],
        catalogue_id=row["catalogue_id"],
        catalogue_version=row["catalogue_version"],
        unit=Unit(
            code=row["unit_code"],
            name=row["unit_name"],
            province_code=row["province_code"],
            parent_body=row["parent_body"],
            issuing_body=row["issuing_body"],
        ),
        period=row["period"],
        period_title=row["period_title"],
        window_from=parse_day(row["window_from"]),
        window_to=parse_day(row["window_to"]),
        status=ReportStatus(row["status"]),
        revision=row["revision"],
        header=header_from_rows(header_rows),
        narratives=narratives_of(texts),
        values=typed_values(catalogue, values),
        created_at=parse_stamp(row["created_at"]),
        updated_at=parse_stamp(row["updated_at"]),
    )
