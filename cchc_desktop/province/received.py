"""What the office received: one bundle read back, and the conflicts the officer settles.

A stored bundle is the file's bytes as received; reading it back re-verifies
its checksum, so what the officer opens is exactly what the commune sent.

A conflict is two different bundles of one unit, period and revision. The one
received first stays current until the officer chooses (:func:`resolve_conflict`:
the first or the other one). A newer revision settles the conflict by itself
(``superseded``).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cchc_desktop.bundle import Bundle, BundleError, parse_bundle
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.model import HEADER_LABELS
from cchc_desktop.province.database import ProvinceDatabase, transaction
from cchc_desktop.province.words import shown_names, unit_period_words
from cchc_desktop.status import status_word
from cchc_desktop.units import province_code
from cchc_desktop.vnformat import format_number


class NotFound(LookupError):
    """No bundle or conflict with that id; the message is Vietnamese."""


def load_bundle(db: ProvinceDatabase, bundle_id: int) -> Bundle:
    """The bundle as the commune sent it (checksum verified again).

    ``NotFound`` if there is no such bundle; ``BundleError`` if the stored copy
    no longer verifies (the database file was altered).
    """
    row = db.conn.execute(
        "SELECT document, file_name FROM bundles WHERE id = ?", (bundle_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"Không có gói dữ liệu số {bundle_id} trong tệp dữ liệu tổng hợp")
    try:
        return parse_bundle(bytes(row[0]))
    except BundleError as error:
        raise BundleError(
            f"Bản lưu của tệp «{row[1]}» trong dữ liệu tổng hợp bị hỏng: {error.reason} "
            "Hãy nhập lại tệp này.",
            error.kind,
        ) from None


@dataclass(frozen=True)
class BundleRef:
    """One side of a conflict."""

    id: int
    file_name: str
    status: str
    errors: int
    warnings: int
    created_at: dt.datetime
    imported_at: dt.datetime
    # How the file is named to the officer: its name, or where it came from
    # (``USB-A/x.cchc.json``) when the other side's file has the same name.
    shown_name: str = ""

    @property
    def shown(self) -> str:
        return self.shown_name or self.file_name

    def describe(self) -> str:
        """What tells this side apart: when it was made, its status, findings, file, import.

        ``lập lúc 22/11/2026 08:10, bản nháp, 0 lỗi, 2 cảnh báo, tệp «…», nhập lúc …``
        (local time).
        """
        status = status_word(self.status).lower()
        return (
            f"lập lúc {self.created_at.astimezone():%d/%m/%Y %H:%M:%S}, {status}, "
            f"{self.errors} lỗi, {self.warnings} cảnh báo, tệp «{self.shown}», "
            f"nhập lúc {self.imported_at.astimezone():%d/%m/%Y %H:%M}"
        )


@dataclass(frozen=True)
class Conflict:
    id: int
    unit_code: str
    unit_name: str
    province_code: str
    period: str
    period_title: str
    revision: int
    kept: BundleRef  # the one received first
    other: BundleRef
    current_id: int  # the bundle that counts now
    detected_at: dt.datetime
    resolved_at: dt.datetime | None
    resolution: str | None  # kept / other / superseded

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    def text(self) -> str:
        """One line for the officer (the sides: :meth:`BundleRef.describe`)."""
        words = unit_period_words(self.unit_name, self.unit_code, self.period_title)
        line = f"{words}: hai bản khác nhau cùng lần gửi {self.revision}"
        kept, other = self.kept.shown, self.other.shown
        if kept == other:
            return line
        return f"{line} — «{kept}» và «{other}»"


@dataclass(frozen=True)
class Difference:
    """One thing the two sides of a conflict say differently, as the officer reads it."""

    label: str  # the indicator's label, or the text's or header field's name
    first: str  # what the bundle received first says
    other: str  # what the other one says

    def text(self) -> str:
        return f"{self.label}: bản nhận trước {self.first} — bản nhận sau {self.other}"


_EMPTY = "(trống)"
_EXCERPT = 40


def _figure(value: Any, unit: str = "") -> str:
    if value is None:
        return _EMPTY
    return f"{format_number(value)} {unit}".rstrip()


def _excerpts(first: str, other: str) -> tuple[str, str]:
    """Both texts from a little before where they part, shortened."""
    same = 0
    while same < min(len(first), len(other)) and first[same] == other[same]:
        same += 1
    start = max(0, same - 10)

    def excerpt(text: str) -> str:
        if not text.strip():
            return _EMPTY
        part = text[start : start + _EXCERPT].replace("\n", " ")
        lead = "…" if start else ""
        tail = "…" if start + _EXCERPT < len(text) else ""
        return f"«{lead}{part}{tail}»"

    return excerpt(first), excerpt(other)


def _plain(value: Any) -> str:
    """A header field (text, list, signer…) in a few words."""
    if isinstance(value, dict):
        words = [_plain(v) for v in value.values()]
        return ", ".join(w for w in words if w and w != _EMPTY) or _EMPTY
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value) or _EMPTY
    text = str(value or "").strip()
    return text or _EMPTY


def bundle_differences(
    first: Bundle, other: Bundle, catalogue: Catalogue | None = None
) -> list[Difference]:
    """What ``other`` says differently from ``first``: figures (in catalogue order),
    then texts, then header fields."""
    found: list[Difference] = []
    known = {i.id: i for i in catalogue.indicators} if catalogue else {}
    keys = set(first.values) | set(other.values)
    order = [i for i in known if i in keys] + sorted(keys - set(known))
    for key in order:
        a, b = first.values.get(key), other.values.get(key)
        if a != b:
            indicator = known.get(key)
            label = indicator.label if indicator else key
            unit = indicator.unit if indicator else ""
            found.append(Difference(label, _figure(a, unit), _figure(b, unit)))
    names: dict[str, str] = {}
    for section in catalogue.sections if catalogue else ():
        for narrative in section.narratives:
            names[section.narrative_key(narrative.id)] = f"Nội dung «{narrative.label}»"
    texts = set(first.narratives) | set(other.narratives)
    for key in [k for k in names if k in texts] + sorted(texts - set(names)):
        a_text, b_text = first.narratives.get(key, ""), other.narratives.get(key, "")
        if a_text.strip() != b_text.strip():
            found.append(Difference(names.get(key, f"Nội dung {key}"), *_excerpts(a_text, b_text)))
    first_header = first.header.model_dump(mode="json")
    other_header = other.header.model_dump(mode="json")
    for field, label in HEADER_LABELS.items():
        a_field, b_field = first_header.get(field), other_header.get(field)
        if a_field != b_field:
            found.append(Difference(label, _plain(a_field), _plain(b_field)))
    return found


def conflict_differences(
    db: ProvinceDatabase, conflict: Conflict, catalogue: Catalogue | None = None
) -> list[Difference]:
    """What the two sides of ``conflict`` say differently (:func:`bundle_differences`).

    ``BundleError`` if a stored copy no longer verifies.
    """
    first = load_bundle(db, conflict.kept.id)
    other = load_bundle(db, conflict.other.id)
    return bundle_differences(first, other, catalogue)


def differences_text(differences: list[Difference], limit: int = 5) -> list[str]:
    """The first ``limit`` differences as lines, and how many more there are."""
    if not differences:
        return ["Hai bản chỉ khác nhau ở thời điểm lập hoặc phần kiểm tra."]
    lines = [d.text() for d in differences[:limit]]
    if len(differences) > limit:
        lines.append(f"… và {len(differences) - limit} chỗ khác nữa")
    return lines


_CONFLICTS = """
SELECT x.id, x.unit_code, k.unit_name, k.province_code, x.period, k.period_title,
       x.revision, x.detected_at, x.resolved_at, x.resolution, c.bundle_id,
       k.id, k.file_name, k.status, k.errors, k.warnings, k.created_at, k.imported_at,
       o.id, o.file_name, o.status, o.errors, o.warnings, o.created_at, o.imported_at,
       k.file_path, o.file_path
FROM conflicts x
JOIN bundles k ON k.id = x.kept_id
JOIN bundles o ON o.id = x.other_id
LEFT JOIN current c ON c.unit_code = x.unit_code AND c.period = x.period
"""


def _ref(values: tuple[Any, ...], shown_name: str) -> BundleRef:
    bundle_id, file_name, status, errors, warnings, created, imported = values
    return BundleRef(
        bundle_id,
        file_name,
        status,
        errors,
        warnings,
        dt.datetime.fromisoformat(created),
        dt.datetime.fromisoformat(imported),
        shown_name,
    )


def _conflict(row: tuple[Any, ...]) -> Conflict:
    kept_name, other_name = shown_names((row[12], row[25]), (row[19], row[26]))
    return Conflict(
        id=row[0],
        unit_code=row[1],
        unit_name=row[2],
        province_code=row[3],
        period=row[4],
        period_title=row[5],
        revision=row[6],
        detected_at=dt.datetime.fromisoformat(row[7]),
        resolved_at=dt.datetime.fromisoformat(row[8]) if row[8] else None,
        resolution=row[9],
        current_id=row[10],
        kept=_ref(row[11:18], kept_name),
        other=_ref(row[18:25], other_name),
    )


def list_conflicts(
    db: ProvinceDatabase,
    province: str | int | None = None,
    period: str | None = None,
    *,
    include_resolved: bool = False,
) -> list[Conflict]:
    """Conflicts (open ones unless ``include_resolved``), oldest first."""
    where: list[str] = []
    arguments: list[str] = []
    if not include_resolved:
        where.append("x.resolved_at IS NULL")
    if province is not None:
        where.append("k.province_code = ?")
        arguments.append(province_code(province))
    if period is not None:
        where.append("x.period = ?")
        arguments.append(period)
    sql = _CONFLICTS + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY x.id"
    return [_conflict(row) for row in db.conn.execute(sql, arguments)]


def get_conflict(db: ProvinceDatabase, conflict_id: int) -> Conflict:
    row = db.conn.execute(_CONFLICTS + " WHERE x.id = ?", (conflict_id,)).fetchone()
    if row is None:
        raise NotFound(f"Không có xung đột số {conflict_id}")
    return _conflict(row)


def resolve_conflict(
    db: ProvinceDatabase, conflict_id: int, *, keep_other: bool, now: dt.datetime | None = None
) -> Conflict:
    """Settle an open conflict: the bundle received first (``keep_other=False``) or the
    other one becomes the current bundle of its unit and period.

    ``NotFound`` for an unknown id; ``ValueError`` if it is already settled.
    """
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="microseconds")
    with transaction(db.conn) as conn:
        conflict = get_conflict(db, conflict_id)
        if not conflict.open:
            raise ValueError(f"Xung đột số {conflict_id} đã được giải quyết")
        chosen = conflict.other if keep_other else conflict.kept
        conn.execute(
            "UPDATE current SET bundle_id = ? WHERE unit_code = ? AND period = ?",
            (chosen.id, conflict.unit_code, conflict.period),
        )
        conn.execute(
            "UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
            (moment, "other" if keep_other else "kept", conflict_id),
        )
    return get_conflict(db, conflict_id)
