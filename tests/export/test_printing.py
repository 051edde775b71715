"""The printed workbook is readable: the columns a reader needs on A4 landscape at a scale that
keeps the 11 pt text at 8 pt or more (fit-to-width of every column printed it at about 3 pt)."""
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from reviewer.commands.importing import import_documents
from reviewer.export import ExportOptions, export
from reviewer.export.printing import MARGIN_IN, PAPER_WIDTH_IN, column_pixels
from reviewer.model import Status
from reviewer.store import Project
from tests.conftest import SEEDS
from tests.export.office import libreoffice, to_pdf

SMALLEST_PT = 8
TEXT_PT = 11
NEEDED = {"document", "place", "indicator", "value", "unit", "period", "text", "sentence", "note"}


@pytest.fixture
def reviewed(tmp_path):
    with Project.open(tmp_path / "print.frp", create=True, reviewer="张三") as p:
        import_documents(p, sorted(SEEDS.glob("*.txt")), report=lambda m: None)
        for i, f in enumerate(p.figures()):
            if i % 3 == 0:
                p.decide(f.id, Status.CONFIRMED, note="核对无误" if i % 9 == 0 else None)
            elif i % 3 == 1:
                p.decide(f.id, Status.CORRECTED, value=str((f.value or 0) + 1), unit=f.unit, kind=f.kind.value)
        yield p


def printed_columns(ws):
    """The print area's columns, as 1-based numbers."""
    area = ws.print_area
    area = area[0] if isinstance(area, (list, tuple)) else area
    first, last = re.findall(r"\$([A-Z]+)\$\d+", area)
    from openpyxl.utils import column_index_from_string

    return range(column_index_from_string(first), column_index_from_string(last) + 1)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_sheet_prints_at_8_pt_or_more_on_a4_landscape(reviewed, tmp_path, language):
    out = tmp_path / f"print-{language}.xlsx"
    export(reviewed, out, ExportOptions(language=language))
    options = ExportOptions(language=language)
    book = load_workbook(out)
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9 and setup.orientation == "landscape", ws.title
        assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage
        scale = setup.scale
        assert scale * TEXT_PT / 100 >= SMALLEST_PT, (ws.title, scale)
        pixels = sum(column_pixels(ws.column_dimensions[ws.cell(1, c).column_letter].width)
                     for c in printed_columns(ws))
        printed_inches = pixels / 96 * scale / 100
        assert printed_inches <= PAPER_WIDTH_IN - 2 * MARGIN_IN, (ws.title, printed_inches)
        assert ws.print_title_rows.replace("$", "") == "1:1"  # the header row on every page
    approved = book[options.sheet("approved")]
    headers = {approved.cell(1, c).value for c in printed_columns(approved)}
    assert {options.header(k) for k in NEEDED} <= headers
    sentence = next(c for c in range(1, approved.max_column + 1)
                    if approved.cell(1, c).value == options.header("sentence"))
    assert approved.cell(2, sentence).alignment.wrap_text


@pytest.mark.skipif(not libreoffice() or not shutil.which("pdftotext"), reason="LibreOffice or poppler missing")
def test_libreoffice_prints_the_approved_sheet_at_8_pt_or_more(reviewed, tmp_path):
    out = tmp_path / "approved.xlsx"
    export(reviewed, out, ExportOptions(sheets=("approved",)))
    pdf = to_pdf(out, tmp_path / "pdf")
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, timeout=60).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', boxes)
    page = re.search(r'<page width="([\d.]+)"', boxes)
    assert page and float(page.group(1)) > 800  # A4 landscape: 842 pt wide
    # a run of Chinese characters is one em per character: its width over its length is the size
    sizes = [(float(x1) - float(x0)) / len(text) for x0, _, x1, _, text in words
             if len(text) >= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in text)]
    assert sizes, boxes[:2000]
    assert min(sizes) >= SMALLEST_PT - 0.05, sorted(sizes)[:5]
    headers = {text for *_, text in words}
    assert "所在句子" in headers and "备注" in headers  # the sentence and the note are on the first page
