"""Durable save speed: ``Store.set_value`` against a raw SQLite UPSERT + COMMIT.

Both write to files in the same folder with the same pragmas (WAL,
``synchronous=FULL``), interleaved call by call so that both see the same disk.
Target: the store's median is at most twice the raw one. Run with
``python -m benchmarks.bench_store [--dir FOLDER] [--calls N]``; pick a folder on
the disk the app will use (a RAM-backed /tmp makes every fsync free and the
ratio meaningless).
"""

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.model import Unit
from cchc_desktop.store import Store

TARGET_RATIO = 2.0
INDICATOR = "tthc.ho_so.tiep_nhan"

_CATALOGUE = {
    "id": "bench",
    "version": "1",
    "title": "Benchmark",
    "parts": [{"id": "ket_qua", "title": "Kết quả thực hiện"}],
    "sections": [{"id": "tthc", "part": "ket_qua", "title": "Cải cách thủ tục hành chính"}],
    "indicators": [
        {"id": INDICATOR, "label": "Tổng số hồ sơ tiếp nhận", "unit": "hồ sơ", "kind": "count"}
    ],
    "rules": [],
}
_RAW_SCHEMA = (
    "CREATE TABLE report_values (report_id INTEGER NOT NULL, indicator TEXT NOT NULL, "
    "value TEXT NOT NULL, PRIMARY KEY (report_id, indicator)) WITHOUT ROWID"
)
_RAW_UPSERT = (
    "INSERT INTO report_values (report_id, indicator, value) VALUES (?, ?, ?) "
    "ON CONFLICT (report_id, indicator) DO UPDATE SET value = excluded.value"
)


def _raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(_RAW_SCHEMA)
    return conn


def measure(folder: Path, calls: int) -> tuple[float, float]:
    """Median seconds of one durable ``set_value`` and of one raw UPSERT + COMMIT."""
    catalogue = Catalogue.model_validate(_CATALOGUE)
    store_times: list[float] = []
    raw_times: list[float] = []
    raw = _raw_connection(folder / "raw.sqlite3")
    with Store.open(folder / "store.sqlite3", catalogue, keep_backups=0) as store:
        report_id = store.create_report(Unit(code="11074", name="Xã Tứ Kỳ"), "2026-Q1")
        warm_up = 20
        for number in range(1, calls + warm_up + 1):
            typed = str(number)  # a new value each time: a real write, never a no-op
            start = time.perf_counter()
            store.set_value(report_id, INDICATOR, typed)
            middle = time.perf_counter()
            raw.execute("BEGIN")
            raw.execute(_RAW_UPSERT, (report_id, INDICATOR, typed))
            raw.execute("COMMIT")
            end = time.perf_counter()
            if number > warm_up:
                store_times.append(middle - start)
                raw_times.append(end - middle)
    raw.close()
    return statistics.median(store_times), statistics.median(raw_times)


def run(folder: Path | None = None, calls: int = 300) -> None:
    """Print both medians and their ratio against the target."""
    with tempfile.TemporaryDirectory(prefix="cchc-bench-", dir=folder) as temporary:
        store_median, raw_median = measure(Path(temporary), calls)
        where = temporary
    ratio = store_median / raw_median
    verdict = "OK" if ratio <= TARGET_RATIO else "CHẬM HƠN MỤC TIÊU"
    print(f"Durable save, median of {calls} calls, files in {where}")
    print(f"  Store.set_value (history, updated_at) {store_median * 1000:8.3f} ms")
    print(f"  raw sqlite3 UPSERT + COMMIT           {raw_median * 1000:8.3f} ms")
    print(f"  ratio {ratio:.2f}× (target ≤ {TARGET_RATIO:g}×) {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the test files")
    parser.add_argument("--calls", type=int, default=300)
    arguments = parser.parse_args()
    run(arguments.dir, arguments.calls)


if __name__ == "__main__":
    main()
