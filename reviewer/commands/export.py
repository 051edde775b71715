"""`reviewer export PROJECT -o OUT.xlsx`: the same exporter as File > Export."""
from __future__ import annotations

import argparse
import sys

from reviewer.commands.agreement import project_agreement
from reviewer.commands.checking import project_findings
from reviewer.display import shown, shown_path
from reviewer.export import ExportOptions, export
from reviewer.i18n import _
from reviewer.model import Status
from reviewer.store.opening import open_project


class OptionError(ValueError):
    """An option's value cannot be used; str() says which and why."""


def parse_states(text: str) -> frozenset[Status]:
    try:
        return frozenset(Status(s.strip()) for s in text.split(",") if s.strip())
    except ValueError:
        raise OptionError(_("unknown state in --states {value}: use pending, confirmed, corrected, rejected",
                            value=shown(repr(text)))) from None


def parse_documents(text: str | None) -> frozenset[int] | None:
    if not text:
        return None
    try:
        return frozenset(int(d) for d in text.split(",") if d.strip())
    except ValueError:
        raise OptionError(_("--documents must be document numbers separated by commas (see reviewer status), "
                            "not {value}", value=shown(repr(text)))) from None


def run_export(args: argparse.Namespace) -> int:
    try:
        options = ExportOptions(states=parse_states(args.states), document_ids=parse_documents(args.documents),
                                per_document=args.per_document, language=args.language)
    except OptionError as exc:
        print(_("error: {message}", message=str(exc)), file=sys.stderr)
        return 2
    with open_project(args.project, read_only=True) as project:
        rows = export(project, args.output, options, checks=project_findings(project),
                      agreement=project_agreement(project))
    message = (_("1 figure exported to {path}", path=shown_path(args.output)) if rows == 1 else
               _("{count} figures exported to {path}", count=rows, path=shown_path(args.output)))
    print(message, file=sys.stderr)
    return 0
