"""The floor of ``bench_startup``: a bare PySide6 ``QWizard``, started like the app.

Same ``QApplication``, same first-paint probe (``ui.first_paint``, which imports
nothing but Qt), a handful of pages with a label each; nothing of CCHC Desktop.
Run ``CCHC_EXIT_AFTER_PAINT=1 python -m benchmarks.bare_wizard``.
"""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

from ui.first_paint import watch

PAGES = 12


def main() -> int:
    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    wizard.setWindowTitle("QWizard")
    for number in range(1, PAGES + 1):
        page = QWizardPage()
        page.setTitle(f"Trang {number}")
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(f"Nội dung trang {number}"))
        wizard.addPage(page)
    wizard.resize(1100, 680)
    watch(wizard)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
