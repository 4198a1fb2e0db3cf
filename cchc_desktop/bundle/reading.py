"""Reading a bundle someone brought on a USB stick: trust nothing, explain everything.

Whatever the bytes are — cut short by a pulled stick, re-saved by a text editor,
typed by hand, hostile — :func:`parse_bundle` either returns a valid
:class:`Bundle` or raises :class:`BundleError` whose ``reason`` tells a province
officer in plain Vietnamese what is wrong and what to do.
"""

import errno
import hmac
import json
import stat
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from cchc_desktop.bundle.format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_BUNDLE_BYTES,
    Bundle,
    BundleError,
    checksum,
)
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.os_words import os_error_words
from cchc_desktop.vnformat import format_number

_FIELD_WORDS = {
    "format": "tên định dạng",
    "format_version": "phiên bản định dạng",
    "catalogue_id": "mã danh mục chỉ tiêu",
    "catalogue_version": "phiên bản danh mục chỉ tiêu",
    "app_version": "phiên bản phần mềm",
    "unit_code": "mã đơn vị",
    "unit_name": "tên đơn vị",
    "province_code": "mã tỉnh",
    "parent_body": "cơ quan cấp trên",
    "issuing_body": "cơ quan ban hành",
    "period": "kỳ báo cáo",
    "period_title": "tên kỳ báo cáo",
    "window_from": "ngày bắt đầu lấy số liệu",
    "window_to": "ngày kết thúc lấy số liệu",
    "revision": "số lần gửi",
    "status": "trạng thái",
    "values": "số liệu",
    "narratives": "nội dung",
    "header": "phần đầu báo cáo",
    "findings": "kết quả kiểm tra",
    "created_at": "thời điểm tạo gói",
    "sha256": "mã kiểm tra (sha256)",
}

_TYPE_WORDS = {
    "missing": "còn thiếu",
    "extra_forbidden": "là trường lạ, định dạng này không có",
    "string_type": "phải là văn bản",
    "string_too_short": "không được để trống",
    "string_pattern_mismatch": "sai định dạng",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "greater_than_equal": "phải từ 1 trở lên",
    "dict_type": "phải là một bảng (đối tượng JSON)",
    "model_type": "phải là một bảng (đối tượng JSON)",
    "model_attributes_type": "phải là một bảng (đối tượng JSON)",
    "list_type": "phải là một danh sách",
    "literal_error": "có giá trị không hợp lệ",
    "enum": "có giá trị không hợp lệ",
    "date_type": "phải là ngày dạng yyyy-mm-dd",
    "date_parsing": "phải là ngày dạng yyyy-mm-dd",
    "date_from_datetime_parsing": "phải là ngày dạng yyyy-mm-dd",
    "date_from_datetime_inexact": "phải là ngày dạng yyyy-mm-dd",
    "datetime_type": "phải là thời điểm có múi giờ",
    "datetime_parsing": "phải là thời điểm có múi giờ",
    "datetime_from_date_parsing": "phải là thời điểm có múi giờ",
    "timezone_aware": "phải ghi rõ múi giờ",
}

_TRUNCATED = (
    "tệp bị cắt cụt, không trọn vẹn (thường do rút USB khi đang chép). Hãy xin xã chép lại tệp."
)
_ALTERED = (
    "mã kiểm tra (sha256) không khớp với nội dung: tệp đã bị sửa hoặc hỏng sau khi xuất. "
    "Hãy xin xã xuất và gửi lại gói dữ liệu."
)


def _fail(reason: str, kind: str) -> NoReturn:
    raise BundleError(reason, kind)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; a repeated key (which could hide a second value) is refused."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        normal = unicodedata.normalize("NFC", key)
        if normal in found:
            raise ValueError(f"khóa «{normal[:60]}» xuất hiện hai lần")
        found[normal] = value
    return found


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"«{name}» không phải là một số")


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):  # Notepad's byte-order mark
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end >= len(data) and "end of data" in error.reason:
            _fail(_TRUNCATED, "truncated")
        _fail(
            f"tệp không phải văn bản UTF-8 (byte lạ ở vị trí {error.start}); "
            "có thể tệp đã bị hỏng hoặc không phải gói dữ liệu CCHC.",
            "encoding",
        )


def _load_json(text: str) -> Any:
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_no_constant,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as error:
        # Cut inside a token (``11.``, ``tru``, ``\\u00``) or a string, or at its end.
        near_end = len(text.rstrip()) - error.pos <= 6 and error.msg != "Extra data"
        if near_end or error.msg.startswith("Unterminated string"):
            _fail(_TRUNCATED, "truncated")
        _fail(
            f"tệp không phải JSON hợp lệ (lỗi ở dòng {error.lineno}, cột {error.colno}); "
            "có thể tệp đã bị sửa tay hoặc không phải gói dữ liệu CCHC.",
            "not_json",
        )
    except RecursionError:
        _fail("tệp có cấu trúc lồng nhau quá sâu, không phải gói dữ liệu CCHC.", "not_json")
    except ValueError as error:  # huge integers, NaN, repeated keys
        _fail(f"tệp có nội dung không hợp lệ: {error}.", "value")


def _check_format(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict):
        _fail("tệp không phải gói dữ liệu CCHC (không phải một đối tượng JSON).", "format")
    if document.get("format") != FORMAT_NAME:
        _fail(
            "tệp không phải gói dữ liệu báo cáo CCHC (thiếu hoặc sai tên định dạng "
            f"«{FORMAT_NAME}»).",
            "format",
        )
    version = document.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        if isinstance(version, int) and not isinstance(version, bool) and version > 1:
            _fail(
                f"gói dữ liệu theo định dạng phiên bản {version}, mới hơn phần mềm này "
                f"(đọc được phiên bản {FORMAT_VERSION}). Hãy cập nhật phần mềm CCHC Desktop.",
                "version",
            )
        _fail("gói dữ liệu có phiên bản định dạng không hợp lệ.", "version")
    return document


def _check_sum(document: dict[str, Any]) -> None:
    stated = document.get("sha256")
    if not isinstance(stated, str):
        _fail("thiếu mã kiểm tra (sha256), không xác minh được tệp còn nguyên vẹn.", "field")
    try:
        actual = checksum(document)
    except UnicodeError:
        _fail("tệp có ký tự không hợp lệ (mã Unicode lẻ), có thể tệp đã bị hỏng.", "encoding")
    except (ValueError, TypeError, ArithmeticError, RecursionError):
        _fail("tệp có số liệu nằm ngoài khoảng cho phép hoặc cấu trúc lạ.", "value")
    if not hmac.compare_digest(stated.lower().encode(), actual.encode()):
        _fail(_ALTERED, "checksum")


def _place(loc: tuple[int | str, ...]) -> str:
    if not loc:
        return "gói dữ liệu"
    first = str(loc[0])
    words = _FIELD_WORDS.get(first, f"trường «{first[:60]}»")
    rest = loc[1:]
    if first in ("values", "narratives") and rest:
        return f"{words} «{str(rest[0])[:80]}»"
    if first == "findings" and rest and isinstance(rest[0], int):
        return f"{words}, mục {rest[0] + 1}" + (f" ({rest[1]})" if len(rest) > 1 else "")
    if rest:
        path = ".".join(str(p) for p in rest)
        return f"{words} ({first}.{path[:80]})"
    return f"{words} ({first})"


def _field_error(error: ValidationError) -> NoReturn:
    first = error.errors(include_url=False)[0]
    loc = tuple(first["loc"])
    place = _place(loc)
    kind = first["type"]
    if kind == "value_error":
        words = str(first.get("ctx", {}).get("error", first["msg"]))
    elif kind == "missing":
        _fail(f"gói dữ liệu thiếu {place}.", "field")
    else:
        words = _TYPE_WORDS.get(kind, "có giá trị không hợp lệ")
    _fail(f"{place}: {words}.", "value" if loc[:1] == ("values",) else "field")


def _check_catalogue(bundle: Bundle, catalogue: Catalogue) -> None:
    if bundle.catalogue_id != catalogue.id:
        _fail(
            f"gói dữ liệu dùng danh mục chỉ tiêu «{bundle.catalogue_id[:60]}» "
            f"(phiên bản {bundle.catalogue_version[:20]}), phần mềm này dùng danh mục "
            f"«{catalogue.id}» (phiên bản {catalogue.version}). Hãy cập nhật phần mềm.",
            "catalogue",
        )
    typed: dict[str, Any] = {}
    for indicator_id, raw in bundle.values.items():
        if not catalogue.has_indicator(indicator_id):
            _fail(
                f"chỉ tiêu «{indicator_id[:80]}» không có trong danh mục «{catalogue.id}» "
                f"phiên bản {catalogue.version} của phần mềm này. Hãy cập nhật phần mềm.",
                "catalogue",
            )
        try:
            typed[indicator_id] = catalogue.indicator(indicator_id).parse(raw)
        except ValueError as error:
            _fail(f"số liệu sai: {error}.", "value")
    bundle.values = typed


def parse_bundle(data: bytes, catalogue: Catalogue | None = None) -> Bundle:
    """The bundle in ``data``; ``BundleError`` (and nothing else) when it cannot be trusted.

    With a ``catalogue``, the bundle must use it (same id; the version may differ)
    and every figure must be one of its indicators and pass its checks; the
    figures then come back typed as the store types them (counts ``int``, the
    rest ``Decimal``).
    """
    try:
        if not isinstance(data, bytes | bytearray | memoryview):
            _fail("dữ liệu đưa vào không phải nội dung một tệp.", "unreadable")
        data = bytes(data)
        if len(data) > MAX_BUNDLE_BYTES:
            _fail(_too_large(len(data)), "too_large")
        if not data.strip():
            _fail("tệp rỗng (thường do rút USB khi đang chép). Hãy xin xã chép lại.", "truncated")
        document = _check_format(_load_json(_decode(data)))
        _check_sum(document)
        try:
            bundle = Bundle.model_validate(document)
        except ValidationError as error:
            _field_error(error)
        if catalogue is not None:
            _check_catalogue(bundle, catalogue)
        return bundle
    except BundleError:
        raise
    except RecursionError:
        raise BundleError("tệp có cấu trúc lồng nhau quá sâu.", "not_json") from None
    except Exception as error:  # the last guard: a hostile file must never crash the import
        raise BundleError(f"tệp không đọc được ({type(error).__name__}).", "unreadable") from None


def _too_large(size: int) -> str:
    cap = MAX_BUNDLE_BYTES // (1024 * 1024)
    return (
        f"tệp quá lớn ({format_number(Decimal(size) / 2**20, 1)} MB; gói dữ liệu một báo cáo "
        f"không quá {cap} MB): không phải gói dữ liệu CCHC."
    )


def read_bundle_bytes(path: Path | str) -> bytes:
    """The bytes of the file at ``path``, at most one byte above the size cap (it may
    have grown since its size was read); ``BundleError`` (kinds ``too_large`` and
    ``unreadable``) whose Vietnamese reason does not name the file.

    A file above the size cap is refused from its size, without being read.
    """
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if info.st_size > MAX_BUNDLE_BYTES:
            _fail(_too_large(info.st_size), "too_large")
        with path.open("rb") as stream:
            return stream.read(MAX_BUNDLE_BYTES + 1)
    except OSError as error:
        _fail(os_error_words(error), "unreadable")


def read_bundle(path: Path | str, catalogue: Catalogue | None) -> Bundle:
    """The bundle in the file at ``path``; ``BundleError`` whose reason names the file.

    A file above the size cap is refused from its size, without being read.
    """
    path = Path(path)
    try:
        return parse_bundle(read_bundle_bytes(path), catalogue)
    except BundleError as error:
        raise BundleError(f"Tệp «{path.name}»: {error.reason}", error.kind) from None
