"""CheckDocuments for the sum rules' tests, built by the real engine (and for tables, the real
text-table reader) over real-looking text."""

from reviewer.checks import CheckDocument, CheckFigure, Finding, check_document
from reviewer.documents.table_places import place_in_tables
from reviewer.documents.tables import find_text_tables
from reviewer.extract import extract


def document(text: str, tables: bool = False) -> CheckDocument:
    found_tables = find_text_tables(text) if tables else ()
    figures = extract(text, tables=found_tables) if tables else extract(text)
    if found_tables:
        figures = place_in_tables(figures, found_tables)
    checked = tuple(CheckFigure.of_figure(f, i, "doc") for i, f in enumerate(figures))
    return CheckDocument("doc", text, checked, tuple(found_tables))


def findings(text: str, rule: str, tables: bool = False) -> list[Finding]:
    return [f for f in check_document(document(text, tables)) if f.rule == rule]


def severities(text: str, rule: str, tables: bool = False) -> list[str]:
    return [f.severity.value for f in findings(text, rule, tables)]
