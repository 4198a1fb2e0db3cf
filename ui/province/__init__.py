"""The province office's screens: «Tổng hợp» and its dialogs (import result, read-only
report, conflicts)."""

from ui.province.view import TITLE, ProvinceView

__all__ = ["TITLE", "ProvinceView"]
