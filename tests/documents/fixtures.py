"""Builders of real files for the reader tests: every fixture is made here, then read back."""
from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

REPORT_LINES = [
    "湖北省外贸运行情况",
    "2025年12月25日",
    "今年前11个月，湖北对外工程承包完成额80.6亿美元，同比增长20.5%。",
    "新签合同额121.6亿美元，同比增长25.1%。",
]


def make_docx(path: Path, heading: str = "湖北省外贸运行情况", table: list[list[str]] | None = None) -> Path:
    from docx import Document as Docx

    doc = Docx()
    doc.add_heading(heading, level=1)
    doc.add_paragraph("今年前11个月，湖北对外工程承包完成额80.6亿美元，同比增长20.5%。")
    rows = table or [["指标", "数值"], ["新签合同额", "121.6亿美元"]]
    grid = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    doc.add_paragraph("结案1310621件。")
    doc.save(str(path))
    return path


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A PDF with a real text layer in a CJK font, drawn by Qt."""
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(15, 15, 15, 15)))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.setFont(QFont("Noto Sans CJK SC", 11))
    for i, text in enumerate(pages):
        if i:
            writer.newPage()
        rect = QRectF(0, 0, writer.width(), writer.height())
        painter.drawText(rect, Qt.TextWordWrap, text)
    painter.end()
    return path


def make_html_pdf(path: Path, html: str, font_size: int = 9) -> Path:
    """HTML printed to PDF by Qt (QTextDocument + QPdfWriter), as a browser prints a page: a
    <table border="1"> comes out ruled, each cell boxed apart; a style page-break-before starts a page."""
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    doc = QTextDocument()
    doc.setDefaultFont(QFont("Noto Sans CJK SC", font_size))
    doc.setHtml(html)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    doc.print_(writer)
    return path


def make_ruled_pdf(path: Path, lines_above: list[str], rows: list[list[str]], lines_below: list[str] = ()) -> Path:
    """Text lines, then a table ruled with single lines shared by neighbouring cells (as Word
    prints one), going on over as many pages as it needs, then more lines; drawn by Qt with a CJK
    font. Every page of the table holds the same number of rows and objects."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setResolution(72)  # one unit a point
    painter = QPainter(writer)
    painter.setFont(QFont("Noto Sans CJK SC", 9))
    bottom = writer.height() - 40
    y = 40.0
    for line in lines_above:
        painter.drawText(QPointF(40, y), line)
        y += 16
    width = max(len(row) for row in rows)
    col_w = min(110.0, 500.0 / max(1, width))

    def rule(top: float, n: int) -> None:
        for k in range(n + 1):
            painter.drawLine(QPointF(40, top + 18 * k), QPointF(40 + width * col_w, top + 18 * k))
        for c in range(width + 1):
            painter.drawLine(QPointF(40 + c * col_w, top), QPointF(40 + c * col_w, top + 18 * n))

    top, on_page = y, 0
    for row in rows:
        if y + 18 > bottom:
            rule(top, on_page)
            writer.newPage()
            y = top = 40.0
            on_page = 0
        for c, text in enumerate(row):
            painter.drawText(QRectF(40 + c * col_w + 2, y, col_w - 4, 18), Qt.AlignVCenter | Qt.AlignLeft, text)
        y += 18
        on_page += 1
    rule(top, on_page)
    y += 20
    for line in lines_below:
        painter.drawText(QPointF(40, y), line)
        y += 16
    painter.end()
    return path


RULE = "---"


def make_three_line_pdf(path: Path, blocks: list, header_rows: int = 1) -> Path:
    """Pages of paragraphs (wrapped), rules (RULE) and three-line tables (三线表: a list of rows, or
    (rows, header rows), drawn with a rule over the header, one under its header rows and one
    under the body, and no vertical lines, as Chinese statistics print them), drawn by Qt with a
    CJK font; a table that does not fit on the rest of a page starts the next one."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter, QPen
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setResolution(72)  # one unit a point
    painter = QPainter(writer)
    painter.setFont(QFont("Noto Sans CJK SC", 9))
    bottom = writer.height() - 40
    y = 40.0

    def rule(at: float, weight: float = 1.0, width: float = 400) -> None:
        painter.setPen(QPen(Qt.black, weight))
        painter.drawLine(QPointF(40, at), QPointF(40 + width, at))

    def room(height: float) -> None:
        nonlocal y
        if y + height > bottom:
            writer.newPage()
            y = 40.0

    for block in blocks:
        if block == RULE:
            room(6)
            rule(y)
            y += 6
        elif isinstance(block, str):
            box = painter.boundingRect(QRectF(40, 0, 400, 10000), Qt.TextWordWrap, block)
            room(box.height() + 6)
            painter.drawText(QRectF(40, y, 400, box.height()), Qt.TextWordWrap, block)
            y += box.height() + 6
        else:
            rows, heads = block if isinstance(block, tuple) else (block, header_rows)
            room(18 * len(rows) + 10)
            y += 4
            # columns as wide as their widest text and a gap, the font made smaller to fit the page
            n_cols = max(len(row) for row in rows)
            metrics = painter.fontMetrics()
            widths = [max(metrics.horizontalAdvance(row[c]) for row in rows if c < len(row)) + 12
                      for c in range(n_cols)]
            scale = min(1.0, (writer.width() - 80) / sum(widths))
            painter.setFont(QFont("Noto Sans CJK SC", max(4, int(9 * scale))))
            widths = [w * scale for w in widths]
            lefts = [40 + sum(widths[:c]) for c in range(n_cols)]
            rule(y, 1.5, sum(widths))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    align = Qt.AlignHCenter if r < heads else Qt.AlignLeft if c == 0 else Qt.AlignRight
                    painter.drawText(QRectF(lefts[c] + 3, y, widths[c] - 6, 18), Qt.AlignVCenter | align, text)
                y += 18
                if r + 1 == heads:
                    rule(y, 0.75, sum(widths))
            rule(y, 1.5, sum(widths))
            painter.setFont(QFont("Noto Sans CJK SC", 9))
            y += 6
    painter.end()
    return path


def make_scanned_pdf(path: Path) -> Path:
    """Only a picture on the page, like a scan: no text layer."""
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    image = QImage(400, 300, QImage.Format_RGB32)
    image.fill(QColor("white"))
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    painter.end()
    return path


def make_encrypted_pdf(path: Path, source: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def make_zip_bomb_docx(path: Path, megabytes: int = 600) -> Path:
    """A .docx whose document.xml inflates to hundreds of MB from a few hundred KB."""
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            chunk = b"0" * (1024 * 1024)
            for _ in range(megabytes):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def make_entity_docx(path: Path) -> Path:
    """Billion laughs in document.xml."""
    xml = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", xml)
    return path


def html_page(body: str, charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>湖北外贸</title>
<style>p {{ color: red }}</style><script>var x = "同比增长99%";</script></head>
<body><nav><a href="/">首页</a> 导航100个</nav>
<article><h1>湖北外贸</h1>{body}</article>
<footer>版权所有 2025</footer></body></html>"""


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def rewrite_docx(source: Path, path: Path, edits: dict[str, Callable[[bytes], bytes]]) -> Path:
    """A copy of the .docx `source` with some parts passed through an edit: {"word/styles.xml": f}."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, edits[info.filename](data) if info.filename in edits else data)
    return path


def make_localized_heading_docx(path: Path) -> Path:
    """What a Chinese Word writes: the heading style's id is "1" (its name stays "heading 1"),
    and the heading is not the first paragraph."""
    from docx import Document as Docx

    doc = Docx()
    doc.add_paragraph("内部资料")
    doc.add_heading("湖北省外贸运行情况", level=1)
    doc.add_paragraph("今年前11个月，湖北对外工程承包完成额80.6亿美元。")
    plain = path.with_name("plain-" + path.name)
    doc.save(str(plain))
    return rewrite_docx(plain, path,
                        {"word/styles.xml": lambda xml: xml.replace(b'w:styleId="Heading1"', b'w:styleId="1"'),
                         "word/document.xml": lambda xml: xml.replace(b'w:val="Heading1"', b'w:val="1"')})


def make_nested_table_docx(path: Path) -> Path:
    from docx import Document as Docx

    doc = Docx()
    doc.add_paragraph("前言")
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "新签合同额"
    inner.cell(0, 1).text = "121.6亿美元"
    doc.add_paragraph("结案1310621件。")
    doc.save(str(path))
    return path


ENTITY_XML = """<?xml version="1.0" encoding="UTF-16"?>
<!DOCTYPE w:document [<!ENTITY figure "受理案件1425918件">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&figure;</w:t></w:r></w:p></w:body></w:document>"""


def make_utf16_entity_docx(path: Path) -> Path:
    """A real .docx whose document.xml is UTF-16 (NUL bytes between the letters of <!DOCTYPE)
    and declares an entity."""
    good = make_docx(path.with_name("good-" + path.name))
    return rewrite_docx(good, path, {"word/document.xml": lambda _: ENTITY_XML.encode("utf-16")})


def make_styles_bomb_docx(path: Path, megabytes: int = 60) -> Path:
    """A real .docx whose styles part (which python-docx parses) inflates 1000:1."""
    good = make_docx(path.with_name("good-" + path.name))
    return rewrite_docx(good, path, {"word/styles.xml": lambda xml: xml + b" " * (megabytes * 1024 * 1024)})


def make_styles_doctype_docx(path: Path) -> Path:
    good = make_docx(path.with_name("good-" + path.name))
    return rewrite_docx(good, path, {"word/styles.xml": lambda xml: xml.replace(
        b"<w:styles", b'<!DOCTYPE w:styles [<!ENTITY x "x">]><w:styles', 1)})


def make_content_control_docx(path: Path) -> Path:
    good = make_docx(path.with_name("good-" + path.name))
    control = ('<w:sdt><w:sdtContent><w:p><w:r><w:t>控件里的受理案件12件</w:t></w:r></w:p>'
               '</w:sdtContent></w:sdt>').encode()
    return rewrite_docx(good, path, {"word/document.xml": lambda xml: xml.replace(b"<w:sectPr",
                                                                                  control + b"<w:sectPr", 1)})


def make_tab_stop_docx(path: Path) -> Path:
    """A paragraph with a custom tab stop (a w:tab in its properties, not in its text)."""
    from docx import Document as Docx
    from docx.shared import Cm

    doc = Docx()
    paragraph = doc.add_paragraph("受理案件1425918件")
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(3))
    doc.save(str(path))
    return path
