"""The report wizard: header, one page per catalogue section, then "Kiểm tra và xuất"."""

from ui.wizard.wizard import ReportWizard

__all__ = ["ReportWizard"]
