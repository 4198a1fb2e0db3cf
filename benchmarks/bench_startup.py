"""Start-up time and memory of the app against a bare PySide6 ``QWizard``, same run.

(a) Wall time from spawning the process to the main window's first finished
paint (start screen, database holding the demo report), against
``benchmarks.bare_wizard``; target ≤ 1.5×. (b) Peak resident memory with the
demo report open in the wizard, against the same floor; target ≤ 1.3×. Both
children run offscreen with ``CCHC_EXIT_AFTER_PAINT=1`` (``ui.first_paint``),
interleaved, after one warm-up each; medians are compared. The warm-up also
writes the bytecode the later runs read (in the run's temporary folder), as an
installed app has it, even where ``PYTHONDONTWRITEBYTECODE`` is set. Run with
``python -m benchmarks.bench_startup [--runs N] [--profile]``; ``--profile``
also lists the app's slowest imports (``python -X importtime``).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.demo import demo_report
from cchc_desktop.store import Store

TIME_TARGET = 1.5
MEMORY_TARGET = 1.3
_PROBE = re.compile(r"first-paint epoch=(?P<epoch>[\d.]+) peak_kb=(?P<peak>\d+)")
_ROOT = Path(__file__).resolve().parent.parent


def environment(bytecode: Path) -> dict[str, str]:
    """The children's environment: offscreen, probe on, bytecode cached in ``bytecode``.

    A ``PYTHONDONTWRITEBYTECODE`` inherited from the shell would make every run compile
    the app's own modules again (about 25 ms), which no installed app does.
    """
    env = dict(os.environ, CCHC_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_ROOT), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawn to first paint, and peak KiB, of one child run."""
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=_ROOT)
    found = _PROBE.search(done.stdout)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return float(found["epoch"]) - started, int(found["peak"])


def medians(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, tuple[float, int]]:
    """Median time and median peak memory per command, runs interleaved."""
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for command in commands.values():
        measure(command, env)  # warm-up: page cache, .pyc files, font cache
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(measure(command, env))
    return {
        name: (statistics.median(t for t, _ in runs_), int(statistics.median(m for _, m in runs_)))
        for name, runs_ in samples.items()
    }


def slowest_imports(
    command: list[str], env: dict[str, str], count: int = 12
) -> list[tuple[float, str]]:
    """The app's imports with the largest cumulative time (ms), from ``-X importtime``."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=_ROOT,
    )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]) / 1000, parts[2].rstrip()))
    return sorted(rows, reverse=True)[:count]


def _verdict(ratio: float, target: float) -> str:
    return "OK" if ratio <= target else "OVER"


def run(runs: int = 7, profile: bool = False) -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as folder:
        db = Path(folder) / "bench.sqlite3"
        with Store.open(db, load_catalogue(), keep_backups=0) as store:
            report_id = demo_report(store)
        app = [python, "-m", "ui.app", "--db", str(db)]
        commands = {
            "floor": [python, "-m", "benchmarks.bare_wizard"],
            "start": app,
            "report": [*app, "--report", str(report_id)],
        }
        env = environment(Path(folder) / "bytecode")
        results = medians(commands, runs, env)
        slow = slowest_imports(app, env) if profile else []
    floor_s, floor_kb = results["floor"]
    start_s, _ = results["start"]
    _, report_kb = results["report"]
    time_ratio = start_s / floor_s
    memory_ratio = report_kb / floor_kb
    print(f"Start-up, medians of {runs} runs each (offscreen, interleaved)")
    rows = [
        ("bare QWizard, first paint", results["floor"]),
        ("app start screen, first paint", results["start"]),
        ("app with the demo report open", results["report"]),
    ]
    for label, (seconds, kb) in rows:
        print(f"  {label:<34} {seconds * 1000:7.0f} ms  {kb / 1024:6.1f} MiB peak")
    print(
        f"  time to first paint: ratio {time_ratio:.2f}× (target ≤ {TIME_TARGET:g}×) "
        f"{_verdict(time_ratio, TIME_TARGET)}"
    )
    print(
        f"  peak memory, report open: ratio {memory_ratio:.2f}× (target ≤ {MEMORY_TARGET:g}×) "
        f"{_verdict(memory_ratio, MEMORY_TARGET)}"
    )
    if slow:
        print("  slowest imports of the app (cumulative ms):")
        for ms, name in slow:
            print(f"    {ms:7.1f}  {name.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="list the app's slowest imports")
    arguments = parser.parse_args()
    run(arguments.runs, arguments.profile)


if __name__ == "__main__":
    main()
