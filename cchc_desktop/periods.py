"""Reporting periods and their official data windows.

Codes: ``2026-Q1`` … ``2026-Q4`` (quý), ``2026-H1`` (6 tháng đầu năm), ``2026-9M``
(9 tháng), ``2026-Y`` (năm), and ``2026-AH1``, ``2026-AH2`` … for ad hoc reports
(đột xuất), which carry their own title. Windows follow the Ministry of Home
Affairs' regime (data from the 15th of the month before the period's first data
month to the 14th of its last month); the clerk may change them.
"""

import re
from dataclasses import dataclass
from datetime import date

_CODE = re.compile(r"^(?P<year>\d{4})-(?P<kind>Q[1-4]|H1|9M|Y|AH\d{1,2})$")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# (start month, start in previous year, end month) of each window: 15/start – 14/end
_WINDOWS = {
    "Q1": (12, True, 3),
    "Q2": (3, False, 6),
    "Q3": (6, False, 9),
    "Q4": (9, False, 12),
    "H1": (12, True, 6),
    "9M": (12, True, 9),
    "Y": (12, True, 12),
}


@dataclass(frozen=True)
class Period:
    """A reporting period, parsed from its code."""

    code: str
    year: int
    kind: str

    @property
    def is_ad_hoc(self) -> bool:
        return self.kind.startswith("AH")

    def title(self, ad_hoc_title: str = "") -> str:
        """How the report names the period: ``quý III năm 2022``, ``6 tháng đầu năm 2026``."""
        if self.is_ad_hoc:
            return ad_hoc_title or f"đột xuất năm {self.year}"
        if self.kind.startswith("Q"):
            return f"quý {_ROMAN[int(self.kind[1])]} năm {self.year}"
        return {
            "H1": f"6 tháng đầu năm {self.year}",
            "9M": f"9 tháng năm {self.year}",
            "Y": f"năm {self.year}",
        }[self.kind]

    def default_window(self) -> tuple[date, date] | None:
        """The official data window, or ``None`` for an ad hoc report (the clerk sets it)."""
        if self.is_ad_hoc:
            return None
        start_month, previous_year, end_month = _WINDOWS[self.kind]
        start = date(self.year - 1 if previous_year else self.year, start_month, 15)
        return start, date(self.year, end_month, 14)

    def sort_key(self) -> tuple[int, int, str]:
        """Orders periods within a year by the end of their window, ad hoc last."""
        window = self.default_window()
        return (self.year, window[1].month if window else 13, self.kind)


def parse_period(code: str) -> Period:
    """``ValueError`` with a Vietnamese message when the code is not a known period."""
    match = _CODE.match(code.strip().upper())
    if not match:
        raise ValueError(
            f"Kỳ báo cáo «{code}» không hợp lệ: dùng 2026-Q1 … 2026-Q4, 2026-H1 (6 tháng), "
            "2026-9M (9 tháng), 2026-Y (năm) hoặc 2026-AH1 (đột xuất)"
        )
    year, kind = int(match["year"]), match["kind"]
    if not 2000 <= year <= 2100:
        raise ValueError(f"Kỳ báo cáo «{code}»: năm {year} không hợp lệ")
    return Period(code=f"{year}-{kind}", year=year, kind=kind)
