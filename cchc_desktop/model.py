"""The report as pydantic models: unit, period, header, narratives and values.

Every string is stored as Unicode NFC (clerks paste NFD and mixed text from Word);
the models normalise on the way in, so nothing downstream has to.
"""

import datetime as dt
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from cchc_desktop.periods import parse_period
from cchc_desktop.status import ReportStatus as ReportStatus
from cchc_desktop.units import OfficialUnit
from cchc_desktop.vnformat import Number, format_date_short


def nfc(value: Any) -> Any:
    """NFC-normalise every string inside ``value`` (lists and dicts included)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list | tuple):
        return type(value)(nfc(v) for v in value)
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


def _vietnamese_date(value: Any) -> Any:
    """Accept ``17/01/2022`` (how clerks write dates) besides ISO ``2022-01-17``."""
    if isinstance(value, str) and "/" in value:
        day, month, year = ([*value.strip().split("/"), "", ""])[:3]
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"ngày «{value}» không có thật") from None
    if value == "":
        return None
    return value


VnDate = Annotated[dt.date | None, BeforeValidator(_vietnamese_date)]

_ERROR_WORDS = {
    "date_from_datetime_parsing": "ngày phải viết dạng dd/mm/yyyy",
    "date_parsing": "ngày phải viết dạng dd/mm/yyyy",
    "date_type": "ngày phải viết dạng dd/mm/yyyy",
    "value_error": "",
    "string_too_short": "không được để trống",
    "string_pattern_mismatch": "sai định dạng",
    "string_type": "phải là văn bản",
    "list_type": "phải là một danh sách",
    "literal_error": "chỉ nhận TM (thay mặt) hoặc KT (ký thay)",
    "missing": "còn thiếu",
    "extra_forbidden": "không có trường này",
}


_FIELD_WORDS = {
    "kind": "loại văn bản",
    "number": "số, ký hiệu",
    "date": "ngày",
    "issuer": "cơ quan ban hành",
    "summary": "trích yếu",
    "authority": "hình thức ký",
    "title": "chức vụ",
    "name": "họ tên",
    "role": "nội dung",
    "position": "chức vụ",
    "contact": "email/điện thoại",
}


def _place_words(part: int | str) -> str:
    """A location part as a clerk reads it: ``0`` → ``dòng 1``, ``issuer`` → its Vietnamese."""
    if isinstance(part, int):
        return f"dòng {part + 1}"
    return _FIELD_WORDS.get(part, part)


def vietnamese_error(error: ValidationError, skip: int = 0) -> str:
    """The first problem of a validation error, in Vietnamese, with where it is.

    ``skip`` leaves out leading parts of the location that the caller already names.
    """
    first = error.errors()[0]
    where = ", ".join(_place_words(p) for p in first["loc"][skip:])
    words = _ERROR_WORDS.get(first["type"], "giá trị không hợp lệ")
    if first["type"] == "value_error":
        words = str(first.get("ctx", {}).get("error", first["msg"]))
    return f"{where}: {words}" if where else words


class NfcModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    @field_validator("*", mode="before")
    @classmethod
    def _nfc(cls, value: Any) -> Any:
        return nfc(value)


class Unit(NfcModel):
    """The reporting unit: an official commune (by code) or a free-text historical unit."""

    code: str | None = Field(default=None, pattern=r"^\d{5}$")
    name: str = Field(min_length=1)
    province_code: str | None = Field(default=None, pattern=r"^\d{2}$")
    parent_body: str = ""
    issuing_body: str = ""

    @classmethod
    def from_official(cls, unit: OfficialUnit) -> "Unit":
        return cls(
            code=unit.code,
            name=unit.name,
            province_code=unit.province_code,
            parent_body=unit.parent_body,
            issuing_body=unit.issuing_body,
        )


class Citation(NfcModel):
    """A cited document: ``Kế hoạch số 05/KH-UBND ngày 17/01/2022 của UBND thị xã về …``."""

    kind: str = Field(min_length=1)
    number: str = ""
    date: VnDate = None
    issuer: str = ""
    summary: str = ""

    def text(self) -> str:
        words = [self.kind]
        if self.number:
            words.append(f"số {self.number}")
        if self.date:
            words.append(f"ngày {format_date_short(self.date)}")
        if self.issuer:
            words.append(f"của {self.issuer}")
        if self.summary:
            words.append(self.summary if self.summary.startswith("về ") else f"về {self.summary}")
        return " ".join(words)


class Contact(NfcModel):
    """A row of the table of officials in charge of CCHC."""

    role: str = ""
    name: str = ""
    position: str = ""
    contact: str = ""


class Signer(NfcModel):
    """``TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH`` or ``KT. CHỦ TỊCH / PHÓ CHỦ TỊCH``, and the name."""

    authority: Literal["TM", "KT"] = "TM"
    title: str = "CHỦ TỊCH"
    name: str = ""


class Header(NfcModel):
    """The document's header and closing fields; number and date may stay blank on a draft."""

    number: str = ""
    place: str = ""
    date: VnDate = None
    addressee: str = ""
    preamble: str = ""
    citations: list[Citation] = []
    signer: Signer = Signer()
    recipients: list[str] = []
    contacts: list[Contact] = []


HEADER_LABELS: dict[str, str] = {
    "number": "Số văn bản",
    "place": "Địa danh",
    "date": "Ngày ban hành",
    "addressee": "Kính gửi",
    "preamble": "Căn cứ",
    "citations": "Văn bản trích dẫn",
    "signer": "Người ký",
    "recipients": "Nơi nhận",
    "contacts": "Cán bộ phụ trách CCHC",
}


def validate_header_field(name: str, value: Any) -> Any:
    """Validate one header field; ``ValueError`` with a Vietnamese message naming it."""
    if name not in Header.model_fields:
        raise ValueError(f"Không có trường «{name}» trong phần đầu báo cáo")
    label = HEADER_LABELS[name]
    try:
        return Header.model_validate({name: value}).__dict__[name]
    except ValidationError as error:
        raise ValueError(f"{label}: {vietnamese_error(error, skip=1)}") from None


def header_field_json(name: str, value: Any) -> str:
    """The stored (JSON) form of one validated header field."""
    annotation: Any = Header.model_fields[name].annotation
    return TypeAdapter(annotation).dump_json(value).decode()


class Report(NfcModel):
    """One report revision as the rest of the product sees it."""

    id: int
    catalogue_id: str
    catalogue_version: str
    unit: Unit
    period: str
    period_title: str
    window_from: dt.date | None = None
    window_to: dt.date | None = None
    status: ReportStatus = ReportStatus.DRAFT
    revision: int = 0
    header: Header = Header()
    narratives: dict[str, str] = {}
    values: dict[str, Number] = {}
    created_at: dt.datetime
    updated_at: dt.datetime

    @field_validator("period")
    @classmethod
    def _known_period(cls, code: str) -> str:
        return parse_period(code).code
