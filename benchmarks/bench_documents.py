"""How fast documents open: a 20 MB text file (UTF-8 and GB18030), a 200-page PDF, two
pathological web pages (120 KB of unclosed "<a ", which took Python's html.parser 229 s, and 5 MB
of unclosed nested tags between text), a table of 5,000 rows as .txt, .docx and .html, and ruled
tables of 1,000 and 5,000 rows as .pdf over many pages, ruled as Word prints a table
(read as cells: the last column says how many; the PDF's table pages go through pdfplumber).

    .venv/bin/python benchmarks/bench_documents.py

Files are built in a temporary folder from the benchmark corpus; the PDF is drawn by Qt with a
CJK font (offscreen), so it has a real Chinese text layer.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpus import load_corpus  # noqa: E402

from reviewer.documents import read_document  # noqa: E402


def timed(path: Path, repeat: int = 3) -> tuple[float, int, str]:
    """The best of `repeat` readings; how the file was read (and its cells and pages, if any)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc = read_document(path)
        best = min(best, time.perf_counter() - t0)
    read_as = doc.encoding or doc.format
    if doc.tables:
        read_as += f", {sum(len(t.cells) for t in doc.tables):,} cells"
    if len(doc.page_starts) > 1:
        read_as += f", {len(doc.page_starts)} pages"
    return best, len(doc.text), read_as


TABLE_ROWS = 5000


def table_files(folder: Path) -> list[tuple[str, Path]]:
    """One table of 5,000 rows (and a header) of four columns, as .txt, .docx and .html."""
    from docx import Document as Docx

    rows = [["指标", "单位", "产量", "比上年增长（%）"]]
    rows += [[f"产品{r}", "万吨", f"{r * 3.7:.1f}", f"{r % 23 - 11}.{r % 10}"] for r in range(TABLE_ROWS)]
    txt = folder / "table.txt"
    body = "\n".join("\t".join(row) for row in rows)
    txt.write_text(f"表1 主要产品产量\n单位：万吨\n{body}\n", encoding="utf-8")
    html = folder / "table.html"
    html.write_text("<p>表1 主要产品产量</p><table><thead><tr>" + "".join(f"<th>{c}</th>" for c in rows[0])
                    + "</tr></thead><tbody>\n" + "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
                                                      for row in rows[1:]) + "</tbody></table>", encoding="utf-8")
    docx = Docx()
    docx.add_paragraph("表1 主要产品产量")
    grid = docx.add_table(rows=len(rows), cols=len(rows[0]))
    for tr, row in zip(grid.rows, rows, strict=True):
        for tc, value in zip(tr.cells, row, strict=True):
            tc.text = value
    docx.save(str(folder / "table.docx"))
    return [(f"{TABLE_ROWS:,}-row table {path.suffix}", path) for path in (txt, folder / "table.docx", html)]


PDF_TABLE_ROWS = (1000, 5000)


def pdf_table_files(folder: Path) -> list[tuple[str, Path]]:
    """The same table as in `table_files`, of 1,000 and of 5,000 rows, in a PDF ruled with single
    lines as Word prints one, going on over page after page. (Qt's print of an HTML table is no
    measure of the reader: it draws on every page the frame of the whole table, clipped, so its
    pages grow with the table: 169 KB for 1,000 rows, 1,058 KB for 5,000.)"""
    from tests.documents.fixtures import make_ruled_pdf

    out = []
    for n in PDF_TABLE_ROWS:
        rows = [["指标", "单位", "产量", "比上年增长（%）"]]
        # rows of the same length in both tables, so the pages are alike and only their number grows
        rows += [[f"产品{r:04d}", "万吨", f"{r % 900 * 3.7 + 100:.1f}", f"{r % 23 - 11}.{r % 10}"] for r in range(n)]
        path = make_ruled_pdf(folder / f"table-{n}.pdf", ["表1 主要产品产量", "单位：万吨"], rows)
        out.append((f"{n:,}-row table .pdf", path))
    return out


def pathological_pages(corpus: str) -> list[tuple[str, bytes]]:
    unclosed = "<p>受理案件1425918件</p>".encode() + b"<a " * 40_000
    sentences = [line for line in corpus.splitlines() if line.strip()][:2000]
    nested = []
    size = 0
    while size < 5 * 1024 * 1024:
        for line in sentences:
            piece = f"<div><span><b><a href='#'>{line}".encode()
            nested.append(piece)
            size += len(piece)
    return [("120 KB unclosed '<a ' html", unclosed),
            ("5 MB unclosed tags html", b"".join(nested)[: 5 * 1024 * 1024])]


def main() -> None:
    from tests.documents.fixtures import make_pdf

    corpus = "\n".join(text for _, text in load_corpus())
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        rows = []
        target = 20 * 1024 * 1024
        for encoding in ("utf-8", "gb18030"):
            data = corpus.encode(encoding, "replace")
            data = (data * (target // len(data) + 1))[:target]
            data = data[: data.rfind(b"\n") + 1]
            path = folder / f"big-{encoding}.txt"
            path.write_bytes(data)
            seconds, chars, detected = timed(path)
            rows.append((f"20 MB text ({encoding})", path.stat().st_size, chars, seconds, detected))
        for label, page in pathological_pages(corpus):
            path = folder / f"{label.split()[0]}.html"
            path.write_bytes(page)
            seconds, chars, detected = timed(path)
            rows.append((label, len(page), chars, seconds, detected))
        for label, path in table_files(folder):
            seconds, chars, detected = timed(path)
            rows.append((label, path.stat().st_size, chars, seconds, detected))
        per_row = []
        for (label, path), n in zip(pdf_table_files(folder), PDF_TABLE_ROWS, strict=True):
            seconds, chars, detected = timed(path, repeat=1)  # tens of seconds: pdfminer is slow
            rows.append((label, path.stat().st_size, chars, seconds, detected))
            per_row.append(seconds / n * 1000)
        pages = [corpus[i * 1200:(i + 1) * 1200] for i in range(200)]
        t0 = time.perf_counter()
        pdf = make_pdf(folder / "200-pages.pdf", pages)
        built = time.perf_counter() - t0
        seconds, chars, detected = timed(pdf)
        rows.append(("200-page PDF", pdf.stat().st_size, chars, seconds, detected))
    print(f"{'file':<28}{'bytes':>14}{'characters':>14}{'open (s)':>10}  read as")
    for label, size, chars, seconds, detected in rows:
        print(f"{label:<28}{size:>14,}{chars:>14,}{seconds:>10.2f}  {detected}")
    print(f"(the PDF took {built:.1f} s to draw)")
    print("PDF tables, ms a row: " + ", ".join(f"{n:,} rows {ms:.2f}" for n, ms in zip(PDF_TABLE_ROWS, per_row,
                                                                                   strict=True))
          + f" (linear: the same; {per_row[-1] / per_row[0]:.2f}x)")


if __name__ == "__main__":
    main()
