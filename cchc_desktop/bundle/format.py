"""The bundle file, format ``cchc-bundle`` version 1: one report revision on a USB stick.

A bundle is one UTF-8 JSON object (see ``resources/schema/cchc-bundle-v1.schema.json``).
Figures are JSON numbers in plain decimal notation (``212901.285``, never
``2.12901285E+5``) and are read back as ``Decimal``, so they round-trip exactly.

``sha256`` is the hex SHA-256 of the *canonical form* of the object without its
``sha256`` member: keys sorted by code point, no whitespace (``,`` and ``:``),
strings NFC-normalised and written as UTF-8 (only ``"``, ``\\`` and control
characters escaped), integers as digits, other numbers in plain decimal notation
without trailing fraction zeros (``1.50`` → ``1.5``, ``2.0`` → ``2``), ``true``,
``false``, ``null``. A truncated or altered file therefore fails the check.

This module holds the model and the canonical writer; :mod:`.reading` parses.
"""

import datetime as dt
import hashlib
import unicodedata
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from cchc_desktop.catalogue import Severity
from cchc_desktop.checks.findings import Finding, Status
from cchc_desktop.checks.kinds import KindCounts, Kinds, count_kinds
from cchc_desktop.model import Header, NfcModel, ReportStatus
from cchc_desktop.periods import parse_period
from cchc_desktop.vnformat import Number, plain_decimal

FORMAT_NAME = "cchc-bundle"
FORMAT_VERSION = 1
FILE_SUFFIX = ".cchc.json"
MAX_BUNDLE_BYTES = 20 * 1024 * 1024
# Figures of the report are < 10^15 (Indicator.parse); a bundle refuses anything
# far outside that before formatting it, so a hostile ``1e999999999`` costs nothing.
_MAX_DIGITS_BEFORE_POINT = 15
_MAX_DIGITS_AFTER_POINT = 12


class BundleError(ValueError):
    """A bundle cannot be built, read or trusted.

    ``reason`` is a Vietnamese sentence for the province officer or the clerk;
    ``kind`` a stable word for programs (``truncated``, ``not_json``,
    ``encoding``, ``format``, ``version``, ``checksum``, ``catalogue``,
    ``value``, ``field``, ``too_large``, ``unreadable``, ``no_unit_code``).
    """

    def __init__(self, reason: str, kind: str = "field") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


def _plain_number(value: Any) -> Any:
    """Figures are JSON numbers: ints, or Decimals (from ``parse_float=Decimal``)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError("phải là một số")
    if isinstance(value, Decimal):
        check_decimal_size(value)
    elif value >= 10**_MAX_DIGITS_BEFORE_POINT or value < 0:
        raise ValueError("số nằm ngoài khoảng cho phép")
    return value


def check_decimal_size(value: Decimal) -> None:
    """``ValueError`` for a Decimal that is not finite, negative or absurdly long."""
    if not value.is_finite():
        raise ValueError("phải là một số hữu hạn")
    if value < 0 or (value and value.adjusted() >= _MAX_DIGITS_BEFORE_POINT):
        raise ValueError("số nằm ngoài khoảng cho phép")
    exponent = value.as_tuple().exponent
    too_long = isinstance(exponent, int) and -exponent > _MAX_DIGITS_AFTER_POINT
    if too_long and value != round(value, _MAX_DIGITS_AFTER_POINT):
        raise ValueError("số có quá nhiều chữ số thập phân")


BundleNumber = Annotated[
    Number,
    BeforeValidator(_plain_number),
    WithJsonSchema({"type": "number", "minimum": 0, "exclusiveMaximum": 10**15}),
]


class BundleFinding(BaseModel):
    """One checker finding as the bundle carries it (``Finding.to_dict``)."""

    model_config = ConfigDict(extra="forbid")

    rule_id: str
    section: str
    severity: Severity
    status: Status
    indicators: list[str] = []
    narratives: list[str] = []
    message: str

    @classmethod
    def of(cls, finding: Finding) -> "BundleFinding":
        return cls.model_validate(finding.to_dict())

    def finding(self) -> Finding:
        return Finding.from_dict(self.model_dump(mode="json"))


class Bundle(NfcModel):
    """Bundle format v1. Build with :func:`build_bundle`, read with :func:`parse_bundle`.

    ``values`` are the figures the clerk typed (derived percentages are not
    carried: ``compute_derived`` gives them from the counts); ``narratives`` are
    keyed ``section.narrative``; ``findings`` are the checker's at export time.
    """

    model_config = ConfigDict(extra="forbid", title="CCHC bundle (format v1)")

    format: Literal["cchc-bundle"] = Field(description="Always cchc-bundle.")
    format_version: Literal[1] = Field(description="Bundle format version.")
    catalogue_id: str = Field(min_length=1, description="Catalogue the figures follow.")
    catalogue_version: str = Field(min_length=1)
    app_version: str = Field(description="CCHC Desktop version that wrote the bundle.")
    unit_code: str = Field(pattern=r"^\d{5}$", description="Official commune code.")
    unit_name: str = Field(min_length=1, description="Xã Tứ Kỳ, Phường …")
    province_code: str = Field(pattern=r"^\d{2}$", description="Official province code.")
    parent_body: str = Field(description="UBND THÀNH PHỐ HẢI PHÒNG, as printed.")
    issuing_body: str = Field(description="ỦY BAN NHÂN DÂN XÃ TỨ KỲ, as printed.")
    period: str = Field(description="2026-Q1 … 2026-Q4, 2026-H1, 2026-9M, 2026-Y, 2026-AH1.")
    period_title: str = Field(description="quý I năm 2026, as printed.")
    window_from: dt.date | None = Field(description="First day of the data window.")
    window_to: dt.date | None = Field(description="Last day of the data window.")
    revision: int = Field(
        ge=1, strict=True, description="Grows each time the unit sends a changed report."
    )
    status: ReportStatus
    values: dict[str, BundleNumber] = Field(
        description="Typed figures by indicator id; plain decimal JSON numbers."
    )
    narratives: dict[str, str] = Field(description="Texts by section.narrative key.")
    header: Header
    findings: list[BundleFinding] = Field(description="The checker's findings at export.")
    created_at: AwareDatetime = Field(description="When the bundle was written, with offset.")
    sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the canonical JSON of every other member (see the format).",
    )

    @model_validator(mode="after")
    def _window_in_order(self) -> "Bundle":
        if self.window_from and self.window_to and self.window_from > self.window_to:
            raise ValueError("ngày bắt đầu lấy số liệu sau ngày kết thúc")
        return self

    @field_validator("period")
    @classmethod
    def _known_period(cls, code: str) -> str:
        return parse_period(code).code

    def payload(self) -> dict[str, Any]:
        """Everything but ``sha256``, as JSON types (figures stay int/Decimal)."""
        data = self.model_dump(mode="json", exclude={"sha256", "values"})
        data["values"] = {key: self.values[key] for key in sorted(self.values)}
        return data

    def finding_list(self) -> list[Finding]:
        """The findings as the checker's own objects."""
        return [f.finding() for f in self.findings]

    def counts(self, kinds: Kinds) -> KindCounts:
        """The findings counted as the clerk's screens count them (errors, warnings …)."""
        return count_kinds(self.finding_list(), kinds)


# -- canonical JSON -------------------------------------------------------------------


def number_text(value: int | Decimal) -> str:
    """A figure as the bundle writes it: ``1730``, ``212901.285``, ``99.5``; no exponent."""
    # The exponent is bounded first, so that a hostile ``1E+999999999`` is refused
    # before it is written out; plain_decimal refuses NaN and infinity.
    if (
        isinstance(value, Decimal)
        and value.is_finite()
        and value
        and not -40 < value.adjusted() < 40
    ):
        raise ValueError("số nằm ngoài khoảng cho phép")
    return plain_decimal(value)


def _string(text: str) -> str:
    # The C string escaper behind json.dumps(ensure_ascii=False), without its
    # per-call set-up: a bundle has hundreds of strings and the province imports thousands.
    return encode_basestring(unicodedata.normalize("NFC", text))


def encode(value: Any, indent: int | None = None, _level: int = 0) -> str:
    """JSON text with sorted keys; ``indent=None`` gives the canonical (compact) form."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int | Decimal):
        return number_text(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = sorted(
            ((unicodedata.normalize("NFC", str(k)), v) for k, v in value.items()),
            key=lambda item: item[0],
        )
        colon = ":" if indent is None else ": "
        parts = [f"{_string(k)}{colon}{encode(v, indent, _level + 1)}" for k, v in items]
        return _join("{", parts, "}", indent, _level)
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        parts = [encode(v, indent, _level + 1) for v in value]
        return _join("[", parts, "]", indent, _level)
    raise TypeError(f"cannot encode {type(value).__name__} in a bundle")


def _join(opening: str, parts: list[str], closing: str, indent: int | None, level: int) -> str:
    if indent is None:
        return opening + ",".join(parts) + closing
    inner = "\n" + " " * (indent * (level + 1))
    return opening + inner + ("," + inner).join(parts) + "\n" + " " * (indent * level) + closing


def checksum(payload: dict[str, Any]) -> str:
    """Hex SHA-256 of the canonical form of ``payload`` (a bundle without ``sha256``)."""
    canonical = encode({k: v for k, v in payload.items() if k != "sha256"})
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def bundle_bytes(bundle: Bundle) -> bytes:
    """The file's bytes: indented UTF-8 JSON, keys sorted, no trailing newline.

    Written as the model says, ``sha256`` included; a bundle edited after
    :func:`build_bundle` keeps its old checksum and is refused when read.
    Without a trailing newline every strict prefix of the file is invalid JSON.
    """
    document = {**bundle.payload(), "sha256": bundle.sha256}
    return encode(document, indent=2).encode("utf-8")
