"""Checks: the relations between a text's figures that arithmetic can settle (parts and total,
shares of a whole, growth against its two levels, a figure stated twice), each violation a
Finding naming its figures. Plain Python over the engine's figures or the reviewer's stored
ones; it knows the model, the lexicons and the text, never the store or Qt.

    from reviewer.checks import CheckFigure, Finding, check_document, check_project
"""

from reviewer.checks.model import CheckDocument, CheckFigure, Finding, Severity
from reviewer.checks.runner import check_document, check_project

__all__ = ["CheckDocument", "CheckFigure", "Finding", "Severity", "check_document", "check_project"]
