"""Draw the application icon: ``resources/icons/cchc-desktop.png`` and ``.ico``.

A report sheet with a tick on a red tile. Drawn at 4× and scaled down, so the
edges are smooth without an anti-aliasing renderer. Run once after changing the
drawing: ``.venv/bin/python scripts/make_icon.py`` (Pillow comes with ReportLab).
"""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256
SCALE = 4
ICO_SIZES = [(16, 16), (20, 20), (24, 24), (32, 32), (40, 40), (48, 48), (64, 64), (256, 256)]

TILE = (183, 28, 28, 255)
SHEET = (255, 255, 255, 255)
FOLD = (224, 224, 224, 255)
LINE = (158, 158, 158, 255)
TICK_DISC = (255, 193, 7, 255)
TICK = (183, 28, 28, 255)


def draw() -> Image.Image:
    big = SIZE * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return int(x0 * SCALE), int(y0 * SCALE), int(x1 * SCALE), int(y1 * SCALE)

    pen.rounded_rectangle(box(8, 8, 248, 248), radius=48 * SCALE, fill=TILE)
    # The sheet, its folded corner and the lines of text.
    sheet = [(60, 36), (164, 36), (200, 72), (200, 220), (60, 220)]
    pen.polygon([(x * SCALE, y * SCALE) for x, y in sheet], fill=SHEET)
    pen.polygon([(x * SCALE, y * SCALE) for x, y in [(164, 36), (164, 72), (200, 72)]], fill=FOLD)
    for y, right in ((96, 176), (120, 176), (144, 150), (168, 130)):
        pen.rounded_rectangle(box(80, y, right, y + 10), radius=5 * SCALE, fill=LINE)
    # The tick in a disc at the bottom right.
    pen.ellipse(box(136, 148, 228, 240), fill=TICK_DISC)
    tick = [(156, 194), (176, 214), (210, 172)]
    pen.line([(x * SCALE, y * SCALE) for x, y in tick], fill=TICK, width=14 * SCALE, joint="curve")
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(ICONS / "cchc-desktop.png", optimize=True)
    image.save(ICONS / "cchc-desktop.ico", sizes=ICO_SIZES)
    print(f"{ICONS / 'cchc-desktop.png'}\n{ICONS / 'cchc-desktop.ico'}")


if __name__ == "__main__":
    main()
