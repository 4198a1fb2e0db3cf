"""The one door through which Qt enters the UI: every widget module imports from here."""

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractItemView",
    "QAction",
    "QApplication",
    "QCloseEvent",
    "QHeaderView",
    "QKeySequence",
    "QLabel",
    "QMainWindow",
    "QMessageBox",
    "QObject",
    "QTableWidget",
    "QTableWidgetItem",
    "QTimer",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
]
