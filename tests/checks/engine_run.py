"""The checks' tests build their documents by running the real engine on real-looking text."""

from reviewer.checks import CheckDocument, CheckFigure, Finding, check_document, check_project
from reviewer.extract import extract


def document(text: str, name: str = "report") -> CheckDocument:
    return CheckDocument(name, text, tuple(CheckFigure.of_figure(f, i, name) for i, f in enumerate(extract(text))))


def findings(text: str, rule: str) -> list[Finding]:
    return [f for f in check_document(document(text)) if f.rule == rule]


def project_findings(texts: list[str], rule: str) -> list[Finding]:
    documents = [document(text, f"report{n}") for n, text in enumerate(texts)]
    return [f for f in check_project(documents) if f.rule == rule]


def suspects(text: str, rule: str) -> list[str]:
    """The text of each finding's first (suspect) figure."""
    return [f.figures[0].text for f in findings(text, rule)]
