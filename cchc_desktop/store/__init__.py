"""The report store: one SQLite file, durable edits, history with undo, daily backups.

See :class:`Store`; the schema is in :mod:`cchc_desktop.store.migrations`.
"""

from cchc_desktop.store.database import StoreError
from cchc_desktop.store.exports import ExportState
from cchc_desktop.store.history import Change
from cchc_desktop.store.records import ReportNotFound, ReportSummary
from cchc_desktop.store.store import Store

__all__ = ["Change", "ExportState", "ReportNotFound", "ReportSummary", "Store", "StoreError"]
