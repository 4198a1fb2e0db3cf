"""Words the province side shows about a unit and its period.

The status words are the clerk's: ``cchc_desktop.status.status_word``.
"""


def shown_names(*files: tuple[str, str]) -> list[str]:
    """How to name each ``(file name, source)`` in one message: the name alone, or its
    source (:func:`source_of`) where another file of the message has the same name but
    came from elsewhere (an empty source — imported before sources were kept — stays the
    name)."""
    sources: dict[str, set[str]] = {}
    for name, source in files:
        sources.setdefault(name, set()).add(source or name)
    return [source if source and len(sources[name]) > 1 else name for name, source in files]


def unit_period_words(unit_name: str, unit_code: str, period_title: str) -> str:
    """``Xã Tứ Kỳ (11074), quý I năm 2026``."""
    return f"{unit_name} ({unit_code}), {period_title}"


# The reporting units are communes, wards and special zones (xã, phường, đặc khu): the
# view, the CSV, the PDF and the command line all call them ``đơn vị``.
COUNT_HEADER = "Số đơn vị có số liệu"
RATE_NOTE = (
    "Mỗi tỷ lệ được tính từ tổng số liệu của các đơn vị có đủ mọi số liệu để tính tỷ lệ "
    "đó (cả tử số và mẫu số); cột «Số đơn vị có số liệu» ghi số đơn vị ấy."
)


def communes_words(derived: bool, communes: int) -> str:
    """What a totals line is over: ``Tổng của 12 đơn vị có số liệu này`` or, for a rate,
    ``Tỷ lệ tính trên 12 đơn vị có đủ số liệu để tính``."""
    if derived:
        return f"Tỷ lệ tính trên {communes} đơn vị có đủ số liệu để tính"
    return f"Tổng của {communes} đơn vị có số liệu này"
