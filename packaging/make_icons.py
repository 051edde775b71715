"""Render the application icon (resources/icons/figure-reviewer.svg) to the PNG sizes desktops
want. Run after changing the SVG: python packaging/make_icons.py"""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it to paint
    renderer = QSvgRenderer(str(ICONS / "figure-reviewer.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"figure-reviewer-{size}.png"))
    print(f"wrote {len(SIZES)} PNG sizes to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
