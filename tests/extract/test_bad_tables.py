"""Bad tables read cell by cell (issue 12): ragged rows, empty tables, a header-only table, a cell
merged across everything, 200 columns, and any text or markup at all give no crash and no
invented figures: every figure of a table's cell is a number under a statement of its unit."""
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reviewer.documents import read_document
from reviewer.documents.table_places import place_in_tables
from reviewer.documents.tables import find_text_tables
from reviewer.extract import extract, figures_only
from tests.documents.test_tables import PIECES, TAGS, write_docx


def table_figures(path):
    doc = read_document(path)
    found = place_in_tables(extract(doc.text, tables=doc.tables), doc.tables)
    return [f for f in figures_only(found) if f.table is not None]


def test_ragged_rows_without_a_unit_give_no_figures(tmp_path):
    rows = [["指标", "数值", "增长"], ["全国", "139538"], ["城镇", "83137", "1.2", "多余"]]
    path = tmp_path / "ragged.html"
    path.write_text("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
                    + "</table>", encoding="utf-8")
    assert table_figures(path) == []


def test_ragged_rows_under_a_unit_give_the_cells_under_a_header(tmp_path):
    rows = [["指标", "数值（万人）", "增长（%）"], ["全国", "139538"], ["城镇", "83137", "1.2", "9"]]
    path = tmp_path / "ragged.html"
    path.write_text("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
                    + "</table>", encoding="utf-8")
    # 9 stands under no header: its unit cannot be told, so it is no figure
    assert [(f.text, f.unit) for f in table_figures(path)] == [("139538", "人"), ("83137", "人"), ("1.2", "%")]


def test_empty_and_header_only_tables_give_no_figures(tmp_path):
    empty = write_docx(tmp_path / "empty.docx", rows=[["", ""], ["", ""]])
    header = tmp_path / "header.html"
    header.write_text("<table><thead><tr><th>指标</th><th>数值（亿元）</th></tr></thead></table>", encoding="utf-8")
    for path in (empty, header):
        assert table_figures(path) == [], path


def test_a_cell_merged_across_everything_gives_no_figures(tmp_path):
    html = tmp_path / "merged.html"
    html.write_text("<table><tr><td colspan=1000 rowspan=65534>全部合并</td></tr><tr></tr>"
                    "<tr><td>甲</td><td>1</td><td>2</td></tr></table>", encoding="utf-8")
    docx = write_docx(tmp_path / "merged.docx", rows=[["全部合并（亿元）", "", ""], ["甲", "1", "2"]],
                      merges=[((0, 0), (0, 2))])
    assert table_figures(html) == []
    # in the .docx the merged cell is the header over every column: its unit is theirs
    assert [(f.text, f.unit, f.table.row_label) for f in table_figures(docx)] == [("1", "元", "甲"), ("2", "元", "甲")]


def test_200_columns_without_units_give_no_figures_and_with_a_unit_line_every_cell(tmp_path):
    rows = [[f"列{c}" for c in range(200)]] + [[f"行{r}"] + [str(r * c + 1) for c in range(1, 200)] for r in range(3)]
    bare = tmp_path / "wide.html"
    bare.write_text("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
                    + "</table>", encoding="utf-8")
    assert table_figures(bare) == []
    path = tmp_path / "wide.txt"
    path.write_text("表1 各列\n单位：万元\n" + "\n".join("\t".join(row) for row in rows), encoding="utf-8")
    found = table_figures(path)
    assert len(found) == 3 * 199 and {f.unit for f in found} == {"元"}
    assert found[-1].table.column_label == "列199" and found[-1].table.row_label == "行2"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=60))
def test_any_text_read_cell_by_cell_gives_figures_inside_their_cells(pieces):
    text = "".join(pieces)
    tables = find_text_tables(text)
    for figure in place_in_tables(extract(text, tables=tables), tables):
        assert text[figure.start:figure.end] == figure.text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(TAGS), max_size=60))
# cells outside any <table>: the page has no table, so no tab-parted line of its text is one
@example(tags=["单位：万元", "<td colspan=3>", "表1", "<table>", "表1", "<td>", "12.5"])
def test_any_markup_read_cell_by_cell_gives_figures_inside_their_cells(tmp_path_factory, tags):
    path = tmp_path_factory.mktemp("fuzz") / "page.html"
    path.write_text("<p>正文</p>" + "".join(tags), encoding="utf-8")
    doc = read_document(path)
    for figure in place_in_tables(extract(doc.text, tables=doc.tables), doc.tables):
        assert doc.text[figure.start:figure.end] == figure.text
        if figure.table is not None:
            cell = next(t for t in doc.tables if t.start <= figure.start <= t.end).cell_at(figure.start)
            assert cell is not None and figure.text in cell.text
