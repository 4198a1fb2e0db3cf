"""The real reference reports, as text, that tests read whole (``tests/reference_reports``)."""

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent / "reference_reports"
REFERENCES = sorted(REFERENCE_DIR.glob("*.txt"))
