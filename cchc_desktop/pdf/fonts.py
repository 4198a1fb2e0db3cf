"""The four faces of Liberation Serif (metric twin of Times New Roman), embedded in every PDF."""

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cchc_desktop.resources import resource_path

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


@cache
def register_fonts() -> None:
    """Register the faces once per process, with ``<b>``/``<i>`` mapped inside paragraphs."""
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(REGULAR, bold, italic, name)


def width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in ``font`` at ``size``."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))
