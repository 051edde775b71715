"""Command line: `reviewer extract`, and the window when no command is given."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from reviewer import __version__

log = logging.getLogger("reviewer")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer", description="Find, review and export the figures in Chinese reports.")
    parser.add_argument("--version", action="version", version=f"figure-reviewer {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation without a screen (read, extract, decide, export, window)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                description="with no command: the window (reviewer [PROJECT.frp | FILE...])")

    ex = sub.add_parser("extract", help="extract the figures of documents (no window)")
    ex.add_argument("files", nargs="+", type=Path, help="documents to read")
    ex.add_argument("-o", "--output", type=Path,
                    help="output: FILE.json, FILE.csv, FILE.xlsx, or a folder (one JSON per input); default stdout JSON")
    ex.add_argument("--dates", action="store_true", help="include the dates and periods found")
    ex.add_argument("--no-context", action="store_true", help="skip indicators (the fast scan)")
    ex.add_argument("--split-articles", action="store_true",
                    help="treat a file of several articles ('-' lines between them) as one document each")
    ex.add_argument("--max-size", type=float, default=50, metavar="MB", help="refuse files larger than this (default 50)")
    imp = sub.add_parser("import", help="import documents into a review project (created if needed)")
    imp.add_argument("project", type=Path, help="the project file (.frp)")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--split-articles", action="store_true")
    imp.add_argument("--max-size", type=float, default=50, metavar="MB", help="refuse files larger than this (default 50)")
    imp.add_argument("--reviewer", default=default_reviewer())

    st = sub.add_parser("status", help="review progress of a project, per document")
    st.add_argument("project", type=Path)

    rx = sub.add_parser("reextract", help="extract every document again (after an engine or lexicon update), keeping decisions")
    rx.add_argument("project", type=Path)
    rx.add_argument("--reviewer", default=default_reviewer())
    ep = sub.add_parser("export", help="export a project's curated figures to .xlsx, .csv or .json")
    ep.add_argument("project", type=Path)
    ep.add_argument("-o", "--output", type=Path, required=True, help="OUT.xlsx, OUT.csv or OUT.json")
    ep.add_argument("--states", default="confirmed,corrected",
                    help="states to export (approved sheet, CSV, JSON): any of pending,confirmed,corrected,rejected")
    ep.add_argument("--documents", help="comma-separated document ids (see `reviewer status`); default all")
    ep.add_argument("--per-document", action="store_true", help="one approved sheet per document")
    ep.add_argument("--language", choices=("zh", "en"), default="zh", help="language of headers and sheet names")
    return parser


def default_reviewer() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


COMMANDS = ("extract", "import", "status", "reextract", "export")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        from reviewer.ui.app import run_gui  # the window: `reviewer`, `reviewer PROJECT`, `reviewer FILE...`

        return run_gui(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    if args.self_test:
        from reviewer.selftest import run_self_test

        return run_self_test()
    if args.command == "extract":
        from reviewer.commands.extract import run_extract

        return run_extract(args.files, args.output, include_dates=args.dates, context=not args.no_context,
                           split=args.split_articles, size_limit=int(args.max_size * 1024 * 1024))
    if args.command == "export":
        from reviewer.commands.export import run_export

        return run_export(args)
    if args.command in ("import", "status", "reextract"):
        from reviewer.commands import project as commands

        if args.command == "import":
            return commands.run_import(args.project, args.files, args.split_articles, args.reviewer,
                                       size_limit=int(args.max_size * 1024 * 1024))
        if args.command == "status":
            return commands.run_status(args.project)
        return commands.run_reextract(args.project, args.reviewer)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
