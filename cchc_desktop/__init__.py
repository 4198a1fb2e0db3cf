"""CCHC Desktop core: catalogue, report model, store, checks and exports.

This package never imports Qt; the desktop UI lives in the sibling ``ui`` package.
"""

__version__ = "0.1.0"
