"""Words the province side shows: statuses, a unit and its period, outcome names."""

STATUS_WORDS = {"draft": "Bản nháp", "ready": "Sẵn sàng", "final": "Chính thức"}


def unit_period_words(unit_name: str, unit_code: str, period_title: str) -> str:
    """``Xã Tứ Kỳ (11074), quý I năm 2026``."""
    return f"{unit_name} ({unit_code}), {period_title}"
