"""The province summary: who has reported for a period, and the sums of their figures.

Every official commune of the province (``units.communes``) gets a row, reported
or not. The totals add up every count and money indicator over the communes
whose current bundle has that figure, and say how many those are. A derived
percentage is computed again from sums (``compute_derived``), never averaged
over communes — the province's on-time rate is Σ on time / Σ resolved — and
those sums are taken over the communes that gave *every* figure the rate needs
(numerator and denominator alike): a commune that gave the files received but
not the files digitised would otherwise pull the digitised rate down. Each
rate says how many communes it is over.
"""

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cchc_desktop.catalogue import Catalogue, Indicator, IndicatorKind, Section
from cchc_desktop.checks import compute_derived
from cchc_desktop.checks.derive import Derivation
from cchc_desktop.periods import parse_period
from cchc_desktop.province.database import ProvinceDatabase
from cchc_desktop.status import status_word
from cchc_desktop.units import communes, province_code, provinces
from cchc_desktop.vnformat import Number

SUMMED_KINDS = (IndicatorKind.COUNT, IndicatorKind.MONEY)
NOT_REPORTED = "Chưa báo cáo"


@dataclass(frozen=True)
class CommuneRow:
    """One official commune: its current bundle for the period, or nothing yet."""

    code: str
    name: str
    bundle_id: int | None = None
    revision: int | None = None
    status: str | None = None  # draft / ready / final
    errors: int = 0
    warnings: int = 0
    created_at: dt.datetime | None = None
    imported_at: dt.datetime | None = None
    file_name: str | None = None
    conflict: bool = False  # an open conflict for this unit and period
    replaced_final: bool = False  # a draft or ready revision newer than a final one
    values: Mapping[str, Number] = field(default_factory=dict)

    @property
    def reported(self) -> bool:
        return self.bundle_id is not None

    def state_words(self) -> str:
        """``Chưa báo cáo``, ``Xung đột`` (an open conflict) or ``Đã báo cáo``."""
        if not self.reported:
            return NOT_REPORTED
        return "Xung đột" if self.conflict else "Đã báo cáo"

    def cells(self) -> list[str]:
        """The row as every table shows it: code, name, state, revision, status, errors,
        warnings, when the bundle was made, its file (blanks for a commune not reported)."""
        if not self.reported:
            return [self.code, self.name, self.state_words(), *[""] * 6]
        made = f"{self.created_at.astimezone():%d/%m/%Y %H:%M}" if self.created_at else ""
        return [
            self.code,
            self.name,
            self.state_words(),
            str(self.revision),
            status_word(self.status or ""),
            str(self.errors),
            str(self.warnings),
            made,
            self.file_name or "",
        ]


@dataclass(frozen=True)
class Total:
    """One line of the totals: an indicator, its sum (or derived rate), how many gave it.

    ``communes`` is the number of reporting communes the line is over: those with
    this figure for a sum; for a derived rate, those that gave every figure it is
    computed from (its sums are taken over exactly them).
    """

    indicator: Indicator
    value: Number | None
    communes: int


@dataclass(frozen=True)
class Summary:
    province_code: str
    province_name: str
    period: str
    period_title: str
    rows: tuple[CommuneRow, ...]
    totals: tuple[Total, ...]
    made_at: dt.datetime

    @property
    def reported(self) -> tuple[CommuneRow, ...]:
        return tuple(r for r in self.rows if r.reported)

    @property
    def missing(self) -> tuple[CommuneRow, ...]:
        return tuple(r for r in self.rows if not r.reported)

    @property
    def final_count(self) -> int:
        return sum(1 for r in self.rows if r.status == "final")

    @property
    def conflict_count(self) -> int:
        return sum(1 for r in self.rows if r.conflict)

    def totals_by_section(self, catalogue: Catalogue) -> list[tuple[Section, list[Total]]]:
        """The totals someone gave a figure for, grouped by section in catalogue order;
        sections with none are left out."""
        by_section: dict[str, list[Total]] = {}
        for line in self.totals:
            if line.value is not None:
                by_section.setdefault(line.indicator.section, []).append(line)
        return [(s, by_section[s.id]) for s in catalogue.sections if s.id in by_section]

    def total(self, indicator_id: str) -> Number | None:
        for line in self.totals:
            if line.indicator.id == indicator_id:
                return line.value
        raise KeyError(f"Không có chỉ tiêu «{indicator_id}» trong bảng tổng hợp")

    def counts_text(self) -> str:
        """``Đã báo cáo 98/130 xã, phường (75 bản chính thức); chưa báo cáo 32.``"""
        return (
            f"Đã báo cáo {len(self.reported)}/{len(self.rows)} xã, phường, đặc khu "
            f"({self.final_count} bản chính thức); chưa báo cáo {len(self.missing)}."
        )


def decode_values(text: str) -> dict[str, Number]:
    """``values_json`` back to figures: integers stay ``int``, strings become ``Decimal``."""
    raw = json.loads(text)
    return {k: v if isinstance(v, int) else Decimal(v) for k, v in raw.items()}


def province_name(code: str | int) -> str:
    """``Tỉnh Cao Bằng``, ``Thành phố Hà Nội``; ``ValueError`` for an unknown code."""
    wanted = province_code(code)
    return dict(provinces())[wanted]


def summed_indicators(catalogue: Catalogue) -> tuple[Indicator, ...]:
    """The typed count and money indicators, in catalogue order: what the totals add."""
    return tuple(i for i in catalogue.indicators if i.kind in SUMMED_KINDS and not i.derived)


def total_indicators(catalogue: Catalogue) -> tuple[Indicator, ...]:
    """The lines of the totals: summed indicators and the derived rates, catalogue order."""
    return tuple(i for i in catalogue.indicators if i.derived or i.kind in SUMMED_KINDS)


def compute_totals(catalogue: Catalogue, rows: tuple[CommuneRow, ...]) -> tuple[Total, ...]:
    """Sums over the reporting communes; each rate from sums over the communes that gave
    all of its inputs (so a rate and its own inputs always cover the same communes)."""
    summed = summed_indicators(catalogue)
    sums: dict[str, Number] = {}
    given: dict[str, int] = {}
    for row in rows:
        for indicator in summed:
            value = row.values.get(indicator.id)
            if value is not None:
                sums[indicator.id] = sums.get(indicator.id, 0) + value
                given[indicator.id] = given.get(indicator.id, 0) + 1
    derivation = Derivation(catalogue)
    lines: list[Total] = []
    for indicator in total_indicators(catalogue):
        if indicator.derived:
            lines.append(_derived_total(catalogue, derivation, indicator, rows))
        else:
            lines.append(Total(indicator, sums.get(indicator.id), given.get(indicator.id, 0)))
    return tuple(lines)


def _derived_total(
    catalogue: Catalogue,
    derivation: Derivation,
    indicator: Indicator,
    rows: tuple[CommuneRow, ...],
) -> Total:
    """The rate from its inputs summed over the communes that gave every one of them."""
    inputs = derivation.expand([indicator.id])
    sums: dict[str, Number] = {}
    over = 0
    for row in rows:
        values = [row.values.get(key) for key in inputs]
        if not inputs or any(v is None for v in values):
            continue
        over += 1
        for key, value in zip(inputs, values, strict=True):
            assert value is not None
            sums[key] = sums.get(key, 0) + value
    value = compute_derived(catalogue, sums).get(indicator.id) if over else None
    return Total(indicator, value, over)


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


_ROWS = """
SELECT c.unit_code, b.id, b.revision, b.status, b.errors, b.warnings, b.created_at,
       b.imported_at, b.file_name, b.period_title, b.values_json,
       EXISTS (SELECT 1 FROM conflicts x WHERE x.unit_code = c.unit_code
               AND x.period = c.period AND x.resolved_at IS NULL),
       b.status != 'final' AND EXISTS (
           SELECT 1 FROM bundles o WHERE o.unit_code = c.unit_code AND o.period = c.period
           AND o.status = 'final' AND o.revision < b.revision)
FROM current c JOIN bundles b ON b.id = c.bundle_id
WHERE c.province_code = ? AND c.period = ?
"""


def province_summary(
    db: ProvinceDatabase,
    catalogue: Catalogue,
    province: str | int,
    period: str,
    now: dt.datetime | None = None,
) -> Summary:
    """The summary of ``province`` (``01`` or ``1``) for ``period`` (``2026-Q1``).

    ``ValueError`` with a Vietnamese message for an unknown province or period.
    """
    code = province_code(province)
    parsed = parse_period(period)
    found: dict[str, Any] = {row[0]: row for row in db.conn.execute(_ROWS, (code, parsed.code))}
    title = parsed.title()
    rows: list[CommuneRow] = []
    for unit in communes(code):
        hit = found.get(unit.code)
        if hit is None:
            rows.append(CommuneRow(unit.code, unit.name))
            continue
        _, bundle_id, revision, status, errors, warnings, created, imported = hit[:8]
        file_name, period_title, values, conflict, replaced_final = hit[8:]
        if parsed.is_ad_hoc and period_title:
            title = period_title
        rows.append(
            CommuneRow(
                code=unit.code,
                name=unit.name,
                bundle_id=bundle_id,
                revision=revision,
                status=status,
                errors=errors,
                warnings=warnings,
                created_at=_time(created),
                imported_at=_time(imported),
                file_name=file_name,
                conflict=bool(conflict),
                replaced_final=bool(replaced_final),
                values=decode_values(values),
            )
        )
    frozen = tuple(rows)
    return Summary(
        province_code=code,
        province_name=province_name(code),
        period=parsed.code,
        period_title=title,
        rows=frozen,
        totals=compute_totals(catalogue, frozen),
        made_at=now or dt.datetime.now().astimezone(),
    )


def reported_periods(db: ProvinceDatabase, province: str | int | None = None) -> list[str]:
    """Periods with at least one current bundle (of ``province`` when given), newest first."""
    if province is None:
        rows = db.conn.execute("SELECT DISTINCT period FROM current")
    else:
        rows = db.conn.execute(
            "SELECT DISTINCT period FROM current WHERE province_code = ?",
            (province_code(province),),
        )
    periods = [str(p) for (p,) in rows]
    return sorted(periods, key=lambda p: parse_period(p).sort_key(), reverse=True)


def latest_import(db: ProvinceDatabase) -> tuple[str, str] | None:
    """The province and period of the counted bundle imported last (``("31", "2026-Q1")``),
    or ``None`` with nothing imported: where the view opens with no remembered choice."""
    row = db.conn.execute(
        "SELECT c.province_code, c.period FROM current c JOIN bundles b ON b.id = c.bundle_id"
        " ORDER BY b.imported_at DESC, b.id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))
