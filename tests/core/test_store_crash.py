"""Killing the writing process at any moment never damages the file or loses an
acknowledged edit: at most the edit in flight is lost."""

import os
import random
import subprocess
import sys
import time
from pathlib import Path

from cchc_desktop.store import Store
from tests.core.store_helpers import TU_KY, make_catalogue, write_catalogue
from tests.core.store_writer import TEXT, VALUE

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("store_writer.py")
ROUNDS = 25


def last_ack(output: str, kind: str) -> int:
    numbers = [int(line.split()[1]) for line in output.splitlines() if line.startswith(kind)]
    return max(numbers, default=0)


def test_kill_at_random_moments_loses_no_acknowledged_edit(tmp_path: Path) -> None:
    catalogue = make_catalogue(tmp_path)
    catalogue_file = write_catalogue(tmp_path)
    db = tmp_path / "cchc.sqlite3"
    with Store.open(db, catalogue) as store:
        report_id = store.create_report(TU_KY, "2026-Q1")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    rng = random.Random(20260301)
    acked_value = acked_text = 0
    started = time.monotonic()
    for round_number in range(ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(catalogue_file), str(report_id)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        if round_number % 5 == 0:
            time.sleep(rng.uniform(0.0, 0.3))  # may land while it opens the store
        else:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n"
            time.sleep(rng.uniform(0.0, 0.06))
        writer.kill()
        output, _ = writer.communicate()
        acked_value = max(acked_value, last_ack(output, "value"))
        acked_text = max(acked_text, last_ack(output, "text"))

        with Store.open(db, catalogue) as store:
            assert store.notices == []
            assert store.db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            report = store.load(report_id)
            value = report.values.get(VALUE, 0)
            assert value >= acked_value, f"round {round_number}: {value} < acked {acked_value}"
            text = report.narratives.get(TEXT, "Lần ghi 0")
            assert int(text.split()[-1]) >= acked_text
            # The figure and its history row were written together or not at all.
            last = [c for c in store.history(report_id) if c.key == VALUE][-1:]
            assert [c.new for c in last] == ([str(value)] if value else [])
    assert acked_value > ROUNDS  # the writer really wrote between kills
    assert time.monotonic() - started < 20
