"""Words the province side shows: statuses, a unit and its period, outcome names.

The status words are the clerk's (``cchc_desktop.status``), re-exported here for the
modules of the province side that import them from this one.
"""

from cchc_desktop.status import STATUS_WORDS, status_word

__all__ = ["STATUS_WORDS", "status_word", "unit_period_words"]


def unit_period_words(unit_name: str, unit_code: str, period_title: str) -> str:
    """``Xã Tứ Kỳ (11074), quý I năm 2026``."""
    return f"{unit_name} ({unit_code}), {period_title}"
