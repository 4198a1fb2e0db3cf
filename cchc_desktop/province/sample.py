"""Sample bundles for any official commune, from the built-in demo report.

The figures are the demo's (``cchc_desktop.demo``), every count and money
figure multiplied by a small whole ``scale`` (1–3 by default, from the
commune's code): sums and inequalities still hold, rates stay the same, so
the checker finds no error. Used by the tests and the benchmark only: neither
the app nor the import uses it.
"""

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from cchc_desktop.bundle import Bundle, build_bundle, bundle_bytes, bundle_file_name
from cchc_desktop.catalogue import Catalogue, IndicatorKind
from cchc_desktop.checks import check_report
from cchc_desktop.demo import HEADER, NARRATIVES, VALUES
from cchc_desktop.model import Header, Report, ReportStatus, Unit
from cchc_desktop.periods import parse_period
from cchc_desktop.units import OfficialUnit
from cchc_desktop.vnformat import Number

SAMPLE_TIME = dt.datetime(2026, 3, 16, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _scaled(catalogue: Catalogue, scale: int) -> dict[str, Number]:
    values: dict[str, Number] = {}
    for key, value in VALUES.items():
        kind = catalogue.indicator(key).kind
        values[key] = value * scale if kind in (IndicatorKind.COUNT, IndicatorKind.MONEY) else value
    return values


def sample_report(
    unit: OfficialUnit,
    period: str,
    catalogue: Catalogue,
    *,
    scale: int | None = None,
    status: ReportStatus = ReportStatus.FINAL,
    created_at: dt.datetime = SAMPLE_TIME,
) -> Report:
    """A filled report of ``unit`` for ``period`` (scale 1–3 from the code when not given)."""
    parsed = parse_period(period)
    window = parsed.default_window()
    header = Header.model_validate({**HEADER, "place": unit.place})
    return Report(
        id=0,
        catalogue_id=catalogue.id,
        catalogue_version=catalogue.version,
        unit=Unit.from_official(unit),
        period=parsed.code,
        period_title=parsed.title(),
        window_from=window[0] if window else None,
        window_to=window[1] if window else None,
        status=status,
        header=header,
        narratives=dict(NARRATIVES),
        values=_scaled(catalogue, scale if scale is not None else 1 + int(unit.code) % 3),
        created_at=created_at,
        updated_at=created_at,
    )


def sample_bundle(
    unit: OfficialUnit,
    period: str,
    catalogue: Catalogue,
    *,
    revision: int = 1,
    scale: int | None = None,
    status: ReportStatus = ReportStatus.FINAL,
    created_at: dt.datetime = SAMPLE_TIME,
) -> Bundle:
    """The bundle of :func:`sample_report`, with the checker's findings."""
    report = sample_report(
        unit, period, catalogue, scale=scale, status=status, created_at=created_at
    )
    findings = check_report(catalogue, report)
    return build_bundle(report, catalogue, findings, revision=revision, created_at=created_at)


def write_sample_bundles(
    folder: Path,
    units: Iterable[OfficialUnit],
    period: str,
    catalogue: Catalogue,
    *,
    revision: int = 1,
    created_at: dt.datetime = SAMPLE_TIME,
) -> list[Path]:
    """One bundle file per unit in ``folder`` (created), named as the app names them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for unit in units:
        bundle = sample_bundle(unit, period, catalogue, revision=revision, created_at=created_at)
        path = folder / bundle_file_name(bundle)
        path.write_bytes(bundle_bytes(bundle))
        paths.append(path)
    return paths
