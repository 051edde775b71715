"""Command line: `reviewer extract|import|status|reextract|set-date|check|reference|export|backup|decide|
agreement|team`, and the window when the words are project files or documents.

No traceback ever reaches a user: known errors are one line naming the file and the problem; an
unexpected one is one line too, with its trace in the log file.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path
from typing import NoReturn

from reviewer import __version__
from reviewer.display import shown
from reviewer.i18n import _
from reviewer.model import Kind
from reviewer.store.locations import is_server_url

COMMANDS = ("extract", "import", "status", "reextract", "set-date", "check", "reference", "export", "backup")
COMMANDS += ("decide", "agreement", "team")
EXTRACTING = ("extract", "import", "reextract", "set-date", "check")  # the commands that need the engine's lexicons
PROJECT_SUFFIX = ".frp"


class Parser(argparse.ArgumentParser):
    """Usage errors in one line, pointing at --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, _("{prog}: {problem} (see {prog} --help)", prog=self.prog, problem=shown(message)) + "\n")


def megabytes(text: str) -> int:
    """--max-size: a positive, finite number of megabytes, as bytes."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(_("must be a positive number of megabytes, not {value}",
                                           value=shown(repr(text))))
    return int(value * 1024 * 1024)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="reviewer", description=_("Find, review and export the figures in Chinese reports."))
    parser.add_argument("--version", action="version", version=f"figure-reviewer {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help=_("check this installation without a screen (read, extract, decide, export, window)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                description=_("with no command: the window (reviewer [PROJECT.frp | FILE...])"))

    ex = sub.add_parser("extract", help=_("extract the figures of documents (no window)"))
    ex.add_argument("files", nargs="+", type=Path, help=_("documents to read"))
    ex.add_argument("-o", "--output", type=Path,
                    help=_("output: FILE.json, FILE.csv, FILE.xlsx, or a folder (one JSON per input); "
                           "default stdout JSON"))
    ex.add_argument("--dates", action="store_true", help=_("include the dates and periods found"))
    ex.add_argument("--no-context", action="store_true", help=_("skip indicators (the fast scan)"))
    ex.add_argument("--split-articles", action="store_true",
                    help=_("treat a file of several articles ('-' lines between them) as one document each"))
    ex.add_argument("--max-size", type=megabytes, default="50", metavar="MB",
                    help=_("refuse files larger than this (default 50)"))

    imp = sub.add_parser("import", help=_("import documents into a review project (created if needed)"))
    imp.add_argument("project", help=_("the project: a file (.frp) or postgresql://host/database?project=NAME"))
    imp.add_argument("files", nargs="+", type=Path, help=_("documents to read"))
    imp.add_argument("--split-articles", action="store_true",
                     help=_("treat a file of several articles ('-' lines between them) as one document each"))
    imp.add_argument("--max-size", type=megabytes, default="50", metavar="MB",
                     help=_("refuse files larger than this (default 50)"))
    imp.add_argument("--reviewer", help=_("the name recorded with the import"))

    st = sub.add_parser("status", help=_("review progress of a project, per document and per reviewer"))
    st.add_argument("project", help=_("the project file (.frp)"))
    st.add_argument("--json", action="store_true", help=_("documents, figures and reviewers as JSON"))
    st.add_argument("--figures", action="store_true",
                    help=_("with --json: each document's figures too (id, text, status): the ids reviewer decide "
                           "takes"))

    rx = sub.add_parser("reextract", help=_("extract every document again (after an engine or lexicon update), "
                                            "keeping decisions"))
    rx.add_argument("project")
    rx.add_argument("--reviewer", help=_("the name recorded with the re-extraction"))

    sd = sub.add_parser("set-date", help=_("set a document's date (and reporting period) and extract its figures "
                                           "again under it, keeping decisions"))
    sd.add_argument("project")
    sd.add_argument("document", help=_("the document: its number in `reviewer status` (from 1), title or file"))
    sd.add_argument("date", help=_("the document's date, as 2024-01-15"))
    sd.add_argument("--reporting", metavar="PERIOD",
                    help=_("the period it reports on: 2023, 2025-01/2025-11, 2025-01-01/2025-06-30; "
                           "'auto' lets the engine infer it (default: as stored)"))
    sd.add_argument("--reviewer", help=_("the name recorded with the change"))

    ck = sub.add_parser("check", help=_("check the figures of documents or projects against each other "
                                        "(parts and totals, shares, growth, a figure stated twice)"))
    ck.add_argument("inputs", nargs="+", metavar="FILE_OR_PROJECT",
                    help=_("documents to read, or projects (.frp) checked as reviewed"))
    ck.add_argument("--json", action="store_true", help=_("the findings as JSON (offsets as reviewer extract's)"))
    ck.add_argument("--split-articles", action="store_true",
                    help=_("treat a file of several articles ('-' lines between them) as one document each"))
    ck.add_argument("--max-size", type=megabytes, default="50", metavar="MB",
                    help=_("refuse files larger than this (default 50)"))

    rf = sub.add_parser("reference", help=_("import a reference table (.xlsx or .csv: indicator, period, value, "
                                            "unit, region, source) into a project"))
    rf.add_argument("project")
    rf.add_argument("file", type=Path, help=_("the reference table"))
    rf.add_argument("--reviewer", help=_("the name recorded with the import"))

    ep = sub.add_parser("export", help=_("export a project's curated figures to .xlsx, .csv or .json"))
    ep.add_argument("project")
    ep.add_argument("-o", "--output", type=Path, required=True, help=_("OUT.xlsx, OUT.csv or OUT.json"))
    ep.add_argument("--states", default="confirmed,corrected",
                    help=_("states to export (approved sheet, CSV, JSON): any of pending,confirmed,corrected,rejected"))
    ep.add_argument("--documents", help=_("comma-separated document ids (see `reviewer status`); default all"))
    ep.add_argument("--per-document", action="store_true", help=_("one approved sheet per document"))
    ep.add_argument("--language", choices=("zh", "en"), default="zh", help=_("language of headers and sheet names"))

    ag = sub.add_parser("agreement", help=_("how far a project's reviewers agree, per pair and overall"))
    ag.add_argument("project")
    ag.add_argument("--json", action="store_true", help=_("the same numbers as JSON"))
    add_decide_parser(sub)

    bk = sub.add_parser("backup", help=_("a consistent copy of a project, even while it is open"))
    bk.add_argument("project", type=Path)
    bk.add_argument("-o", "--output", type=Path, required=True, help=_("the copy (COPY.frp)"))

    tm = sub.add_parser("team", help=_("a team's shared project on a PostgreSQL server"))
    team = tm.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    ti = team.add_parser("init", help=_("create the project the URL names (?project=NAME) on the server"))
    ti.add_argument("url", help=_("postgresql://[user@]host[:port]/database?project=NAME (no password: "
                                  "~/.pgpass, pg_service.conf or PGPASSWORD)"))
    ta = team.add_parser("add", help=_("let a person work on the project, as their own database role"))
    ta.add_argument("url", help=_("postgresql://[user@]host[:port]/database?project=NAME"))
    ta.add_argument("name", help=_("the person's database role (created, without a password, if new)"))
    ta.add_argument("--role", choices=("reviewer", "adjudicator", "manager"), required=True,
                    help=_("reviewer: decides figures; adjudicator: settles disagreements; manager: imports "
                           "and assigns documents"))
    tg = team.add_parser("assign", help=_("give a document to reviewers, and say how many must decide each figure"))
    tg.add_argument("url", help=_("postgresql://[user@]host[:port]/database?project=NAME"))
    tg.add_argument("document", help=_("the document: its number in `reviewer status` (from 1), title or file"))
    tg.add_argument("--to", required=True, metavar="NAME[,NAME...]", help=_("the reviewers, comma-separated"))
    tg.add_argument("--needs", type=int, choices=(1, 2, 3), default=None,
                    help=_("how many of them must decide each figure (default: all of them, at most 3)"))
    return parser


def wait_seconds(text: str) -> float:
    """--wait: a finite number of seconds, 0 or more (never a wait without end)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(_("must be a number of seconds, 0 or more, not {value}",
                                           value=shown(repr(text))))
    return value


def add_decide_parser(sub) -> None:
    """`reviewer decide`: one decision from a script (reviewer/commands/decide.py)."""
    dc = sub.add_parser("decide", help=_("record one decision on a figure (confirm, reject or correct), "
                                         "saved before it returns"))
    dc.add_argument("project", help=_("the project file (.frp)"))
    dc.add_argument("figure", type=int, metavar="FIGURE_ID",
                    help=_("the figure's id (reviewer status PROJECT --json --figures lists them)"))
    dc.add_argument("decision", choices=("confirm", "reject", "correct"))
    dc.add_argument("value", nargs="?", help=_("correct: the value as a report writes it (650亿元, 1.5万, 12.5%%)"))
    dc.add_argument("--unit", help=_("correct: the unit (5 --unit 亿元 is 5亿元)"))
    dc.add_argument("--kind", choices=[k.value for k in Kind], help=_("correct: the kind of figure"))
    dc.add_argument("--indicator", help=_("correct: what the figure measures"))
    dc.add_argument("--note", help=_("a note kept with the decision"))
    dc.add_argument("--reviewer", required=True, help=_("the name the decision is recorded under"))
    dc.add_argument("--wait", type=wait_seconds, default=5.0, metavar="SECONDS",
                    help=_("how long to wait while another program writes the project (default 5)"))


def default_reviewer() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def window_word_problem(words: list[str]) -> str | None:
    """The first word that is neither a command, an existing file, a project path nor a shared
    project's URL."""
    from reviewer.store.locations import is_server_url

    for word in words:
        if not (word.endswith(PROJECT_SUFFIX) or is_server_url(word) or Path(word).is_file()):
            return word
    return None


def say(message: str) -> None:
    print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        code = _main(argv)
        sys.stdout.flush()  # a closed pipe shows here, inside the guard
        return code
    except BrokenPipeError:
        # the reader went away (`reviewer extract x.txt | head -1`): as the Python docs advise,
        # point stdout at devnull so the interpreter's last flush does not fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        say(_("reviewer: interrupted"))
        return 130


def _main(argv: list[str]) -> int:
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        word = window_word_problem(argv)
        if word is not None:
            say(_("reviewer: {word}: no such command or file (commands: {commands}; see reviewer --help)",
                  word=shown(word), commands=", ".join(COMMANDS)))
            return 2
        from reviewer.ui.app import run_gui  # the window: `reviewer`, `reviewer PROJECT`, `reviewer FILE...`

        return run_gui(argv)
    args = build_parser().parse_args(argv)
    from reviewer.logs import setup_logging

    setup_logging()
    try:
        return run(args)
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - the last guard: one line for the user, the trace to the log
        return _known_error(exc) if _is_known(exc) else _unexpected(exc)


def _is_known(exc: Exception) -> bool:
    from reviewer.documents import DocumentError
    from reviewer.export import ExportError
    from reviewer.extract.lexicon import LexiconError
    from reviewer.store import StoreError

    return isinstance(exc, (StoreError, DocumentError, ExportError, LexiconError, OSError))


def _known_error(exc: Exception) -> int:
    from reviewer.display import shown_path

    if isinstance(exc, OSError) and exc.filename is not None:
        say(_("error: {path}: {reason}", path=shown_path(exc.filename), reason=shown(exc.strerror or str(exc))))
    else:
        say(_("error: {message}", message=shown(str(exc), limit=1000)))
    return 2


def _unexpected(exc: Exception) -> int:
    from reviewer.logs import log_to_file_only

    where = log_to_file_only("unexpected error in the command line", exc_info=(type(exc), exc, exc.__traceback__))
    error = shown(f"{type(exc).__name__}: {exc}")
    if where is None:
        say(_("reviewer: unexpected error ({error}); no log file could be written", error=error))
    else:
        from reviewer.display import shown_path

        say(_("reviewer: unexpected error ({error}); details in {log}", error=error, log=shown_path(where)))
    return 1


def load_lexicon() -> None:
    """The engine's word lists, loaded before any project is created or written: a broken user
    lexicon stops the command with one line and leaves nothing behind."""
    from reviewer.extract.lexicon import default_lexicon

    default_lexicon()


def run(args: argparse.Namespace) -> int:
    if getattr(args, "reviewer", "") is None and not is_server_url(str(getattr(args, "project", ""))):
        # a file records the login name; on a shared project the database role is the name
        args.reviewer = default_reviewer()
    if args.self_test:
        from reviewer.selftest import run_self_test

        return run_self_test()
    if args.command in EXTRACTING:
        load_lexicon()
    if args.command == "extract":
        from reviewer.commands.extract import run_extract

        return run_extract(args.files, args.output, include_dates=args.dates, context=not args.no_context,
                           split=args.split_articles, size_limit=args.max_size)
    if args.command in ("check", "reference"):
        from reviewer.commands import check

        if args.command == "check":
            return check.run_check(args.inputs, as_json=args.json, split=args.split_articles,
                                   size_limit=args.max_size)
        return check.run_reference(args.project, args.file, args.reviewer)
    if args.command == "agreement":
        from reviewer.commands.agreement import run_agreement

        return run_agreement(args.project, as_json=args.json)
    if args.command == "team":
        from reviewer.commands import team

        if args.team_command == "add":
            return team.run_team_add(args.url, args.name, args.role)
        if args.team_command == "assign":
            return team.run_team_assign(args.url, args.document, args.to, args.needs)
        return team.run_team_init(args.url)
    if args.command == "decide":
        from reviewer.commands.decide import DecideRequest, run_decide

        return run_decide(DecideRequest(args.project, args.figure, args.decision, args.value, args.unit, args.kind,
                                        args.indicator, args.note, args.reviewer, args.wait))
    if args.command == "status" and args.json:
        from reviewer.commands.status import run_status_json

        return run_status_json(args.project, figures=args.figures)
    if args.command == "export":
        from reviewer.commands.export import run_export

        return run_export(args)
    from reviewer.commands import project as commands

    if args.command == "import":
        return commands.run_import(args.project, args.files, args.split_articles, args.reviewer,
                                   size_limit=args.max_size)
    if args.command == "status":
        return commands.run_status(args.project)
    if args.command == "reextract":
        return commands.run_reextract(args.project, args.reviewer)
    if args.command == "set-date":
        from reviewer.commands.dates import run_set_date

        return run_set_date(args.project, args.document, args.date, args.reporting, args.reviewer)
    if args.command == "backup":
        return commands.run_backup(args.project, args.output)
    build_parser().print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
