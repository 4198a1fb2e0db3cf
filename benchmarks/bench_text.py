"""How long the narrative checker takes on a whole reference report, against one keystroke.

Each reference report (``tests/reference_reports/*.txt``, taken whole: footnotes,
tables and all) is checked with ``check_text``, without and with the report's
figures of a section; the median is compared with one 60 Hz frame (the budget a
keystroke must stay under) and with a floor measured in the same run: a plain
regular-expression scan for the digits of the same text. The wizard checks one
narrative field at a time, a pause after the last keystroke; the largest demo
narrative is timed too. Run with ``python -m benchmarks.bench_text [FILE …]``;
not part of the tests.
"""

import re
import sys
from pathlib import Path

from benchmarks.bench_checks import median_ms
from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.demo import NARRATIVES, VALUES
from cchc_desktop.narrative_numbers import Figures, check_text

FRAME_MS = 1000 / 60
REFERENCE_DIR = Path(__file__).resolve().parents[1] / "tests" / "reference_reports"
_DIGITS = re.compile(r"\d[\d.,/]*")


def run(paths: list[Path] | None = None) -> None:
    paths = paths or sorted(REFERENCE_DIR.glob("*.txt"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in paths}
    if not texts:
        texts = {"demo narratives": "\n".join(NARRATIVES.values())}
        print(f"no reference report in {REFERENCE_DIR}: timing the demo narratives")
    catalogue = load_catalogue()
    figures = Figures(catalogue, "tthc", VALUES)
    worst = 0.0
    for name, text in texts.items():
        found = len(check_text(text))
        floor = median_ms(lambda t=text: _DIGITS.findall(t), runs=50)
        plain = median_ms(lambda t=text: check_text(t), runs=30)
        quoted = median_ms(lambda t=text: check_text(t, figures), runs=30)
        worst = max(worst, plain, quoted)
        print(
            f"{name}: {len(text):,} characters, {text.count(chr(10)) + 1} lines, {found} findings"
        )
        print(
            f"  check_text: {plain:.2f} ms median = {plain / FRAME_MS:.2f} of a "
            f"{FRAME_MS:.1f} ms frame = {plain / floor:.0f}× a digit scan ({floor:.3f} ms)"
        )
        print(
            f"  with the figures of a section: {quoted:.2f} ms = {quoted / FRAME_MS:.2f} of a frame"
        )
    key, largest = max(NARRATIVES.items(), key=lambda item: len(item[1]))
    section = Figures(catalogue, key.split(".")[0], VALUES)
    one = median_ms(lambda: check_text(largest, section), runs=200)
    print(
        f"one narrative field ({key}, {len(largest):,} characters, with figures): "
        f"{one:.3f} ms = {one / FRAME_MS:.3f} of a frame"
    )
    verdict = "under" if worst < FRAME_MS else "OVER"
    print(f"slowest whole report: {worst:.2f} ms, {verdict} one {FRAME_MS:.1f} ms frame")


if __name__ == "__main__":
    run([Path(a) for a in sys.argv[1:]] or None)
