"""How long the checker takes on a completely filled report, against one 60 Hz frame.

Run with ``python -m benchmarks.bench_checks [catalogue.toml]``; not part of the tests.
"""

import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from cchc_desktop.catalogue import (
    BoundsRule,
    Catalogue,
    CrossPeriodRule,
    IndicatorKind,
    LessEqualRule,
    SumRule,
    load_catalogue,
)
from cchc_desktop.checks import Checker, Status
from cchc_desktop.vnformat import Number

FRAME_MS = 1000 / 60


def filled_values(catalogue: Catalogue, seed: int = 2023) -> dict[str, Number]:
    """Every typed indicator filled, then nudged a few passes towards obeying the rules."""
    rng = random.Random(seed)
    values: dict[str, Number] = {}
    for indicator in catalogue.indicators:
        if indicator.derived:
            continue
        if indicator.kind == IndicatorKind.COUNT:
            values[indicator.id] = rng.randint(1, 60)
        elif indicator.kind == IndicatorKind.PERCENT:
            values[indicator.id] = Decimal(rng.randint(5000, 10000)) / 100
        else:
            values[indicator.id] = Decimal(rng.randint(100, 100000)) / 100
    for _ in range(12):
        for rule in catalogue.rules:
            if isinstance(rule, SumRule) and rule.total in values:
                parts = [p for p in (*rule.parts, *rule.optional_parts) if p in values]
                rest = sum((values[p] for p in parts[:-1]), Decimal(0))
                if parts and values[rule.total] >= rest:
                    values[parts[-1]] = values[rule.total] - rest
                else:
                    values[rule.total] = rest + (values[parts[-1]] if parts else 0)
            elif isinstance(rule, LessEqualRule):
                right = sum((values.get(k, 0) for k in rule.right), Decimal(0))
                if values.get(rule.left, 0) > right:
                    values[rule.left] = right
            elif isinstance(rule, BoundsRule) and rule.indicator in values:
                value = values[rule.indicator]
                if rule.maximum is not None and value > rule.maximum:
                    values[rule.indicator] = rule.maximum
                if rule.minimum is not None and value < rule.minimum:
                    values[rule.indicator] = rule.minimum
    for indicator in catalogue.indicators:  # counts stay integers
        if indicator.id in values and indicator.kind == IndicatorKind.COUNT:
            values[indicator.id] = int(values[indicator.id])
    return values


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run(path: Path | None = None) -> None:
    catalogue = load_catalogue(path)
    start = time.perf_counter()
    checker = Checker(catalogue)
    build_ms = (time.perf_counter() - start) * 1000
    values = filled_values(catalogue)
    narratives = {key: "Đã thực hiện." for key in catalogue.narrative_keys()}
    previous = dict(values)
    for rule in catalogue.rules:  # last period's "in progress" is this period's carried over
        if isinstance(rule, CrossPeriodRule) and rule.indicator in values:
            previous[rule.previous] = values[rule.indicator]
    findings = checker.check(values, narratives, previous)
    failed = sum(1 for f in findings if f.status == Status.FAILED)
    pending = sum(1 for f in findings if f.status == Status.PENDING)

    full = median_ms(lambda: checker.check(values, narratives, previous), runs=300)
    slipped = {key: value + 1 for key, value in values.items()}
    slipped_findings = checker.check(slipped, {}, previous)
    full_slipped = median_ms(lambda: checker.check(slipped, {}, previous), runs=300)
    busiest = max(values, key=lambda key: len(checker.touching(key)))
    edited = dict(values)
    edited[busiest] = values[busiest] + 1

    def one_edit() -> None:
        checker.recheck(findings, edited, busiest, narratives, previous)

    recheck = median_ms(one_edit, runs=1000)

    print(f"catalogue {catalogue.id} {catalogue.version}: {len(catalogue.indicators)} indicators,")
    print(f"  {len(catalogue.rules)} rules; {len(values)} figures filled;")
    print(f"  findings on the filled report: {failed} failed, {pending} pending")
    for finding in [f for f in findings if f.status == Status.FAILED][:3]:
        print(f"    e.g. {finding.message}")
    print(f"Checker built in {build_ms:.2f} ms (once per catalogue)")
    print(f"full check: {full:.3f} ms median = {full / FRAME_MS:.3f} of a {FRAME_MS:.1f} ms frame")
    print(
        f"full check with every figure off by one ({len(slipped_findings)} findings): "
        f"{full_slipped:.3f} ms median = {full_slipped / FRAME_MS:.3f} of a frame"
    )
    print(
        f"recheck after one edit of {busiest} ({len(checker.touching(busiest))} rules): "
        f"{recheck:.3f} ms median = {recheck / FRAME_MS:.3f} of a frame"
    )


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
