"""Words the province side shows about a unit and its period.

The status words are the clerk's: ``cchc_desktop.status.status_word``.
"""


def unit_period_words(unit_name: str, unit_code: str, period_title: str) -> str:
    """``Xã Tứ Kỳ (11074), quý I năm 2026``."""
    return f"{unit_name} ({unit_code}), {period_title}"
