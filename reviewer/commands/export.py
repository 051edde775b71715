"""`reviewer export PROJECT -o OUT.xlsx`: the same exporter as File > Export."""
from __future__ import annotations

import argparse
import sys

from reviewer.export import ExportError, ExportOptions, export
from reviewer.model import Status
from reviewer.store import Project, StoreError


def parse_states(text: str) -> frozenset[Status]:
    try:
        return frozenset(Status(s.strip()) for s in text.split(",") if s.strip())
    except ValueError as exc:
        raise ExportError(f"unknown state in --states {text!r}: use pending, confirmed, corrected, rejected") from exc


def run_export(args: argparse.Namespace) -> int:
    try:
        options = ExportOptions(
            states=parse_states(args.states),
            document_ids=frozenset(int(d) for d in args.documents.split(",")) if args.documents else None,
            per_document=args.per_document,
            language=args.language,
        )
        with Project.open(args.project, read_only=True) as project:
            rows = export(project, args.output, options)
    except (StoreError, ExportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"error: --documents must be numbers separated by commas ({exc})", file=sys.stderr)
        return 2
    print(f"{rows} figures exported to {args.output}", file=sys.stderr)
    return 0
