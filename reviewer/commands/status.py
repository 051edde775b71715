"""`reviewer status PROJECT [--json]`: review progress per document, overall and per reviewer,
as a table to read or JSON for a script."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reviewer.display import shown
from reviewer.i18n import N_, _
from reviewer.sources import changed_sources
from reviewer.store import Progress, ReviewerProgress, StoredFigure
from reviewer.store.opening import open_project
from reviewer.textwidth import pad, width

COLUMNS = (N_("reviewed"), N_("share"), N_("confirmed"), N_("corrected"), N_("rejected"), N_("pending"))
WIDTHS = (12, 7, 10, 10, 9, 8)
REVIEWER_COLUMNS = (N_("decided"), N_("confirmed"), N_("corrected"), N_("rejected"), N_("decisions"))
REVIEWER_WIDTHS = (12, 10, 10, 9, 10)
ID_WIDTH = 5


def right(text: str, columns: int) -> str:
    return " " * max(1, columns - width(text)) + text


def run_status(project: str | Path) -> int:
    with open_project(str(project), read_only=True) as opened:
        docs = opened.documents()
        progress = opened.progress_by_document()
        changed = {doc.id: reason for doc, reason in changed_sources(opened)}
        overall = opened.progress(progress)
        reviewers = opened.progress_by_reviewer()
    print(right(_("id"), ID_WIDTH) + "  " + pad(_("document"), 40)
          + "".join(right(_(c), w) for c, w in zip(COLUMNS, WIDTHS, strict=True)) + "  " + _("notes"))
    for doc in docs:
        p = progress[doc.id]
        notes = []
        if p.orphaned:
            notes.append(_("1 decision lost its figure") if p.orphaned == 1 else
                         _("{count} decisions lost their figure", count=p.orphaned))
        if doc.id in changed:
            notes.append(shown(changed[doc.id]))
        print(right(str(doc.id), ID_WIDTH) + "  " + row(doc.title, p, _("; ").join(notes)))
    everything = _("all 1 document") if len(docs) == 1 else _("all {count} documents", count=len(docs))
    print(" " * ID_WIDTH + "  " + row(everything, overall, _("{share} reviewed", share=f"{overall.share:.0%}")))
    if reviewers:  # who decided what: figures standing in their name, and decisions made in all
        print()
        print(pad(_("reviewer"), 47)
              + "".join(right(_(c), w) for c, w in zip(REVIEWER_COLUMNS, REVIEWER_WIDTHS, strict=True)))
        for r in reviewers:
            # another reviewer's on a shared project: how far they are, not how they decided
            how = ("—", "—", "—") if r.withheld else (r.confirmed, r.corrected, r.rejected)
            cells = (r.decided, *how, r.decisions)
            print(pad(shown(r.name) if r.name else _("(no name)"), 47)
                  + "".join(right(str(c), w) for c, w in zip(cells, REVIEWER_WIDTHS, strict=True)))
    return 0


def row(title: str, p: Progress, notes: str) -> str:
    cells = (f"{p.reviewed}/{p.total}", f"{p.share:.0%}", p.confirmed, p.corrected, p.rejected, p.pending)
    return pad(shown(title, 38), 40) + "".join(right(str(c), w) for c, w in zip(cells, WIDTHS, strict=True)) \
        + "  " + notes


def run_status_json(project: str | Path, figures: bool = False) -> int:
    print(json.dumps(status_report(project, figures), ensure_ascii=False, indent=2))
    return 0


def status_report(project: str | Path, figures: bool = False) -> dict:
    """What `status --json` prints: documents, the figures overall and each reviewer's part; with
    `figures`, each document's figures too (the ids `reviewer decide` takes)."""
    with open_project(str(project), read_only=True) as opened:
        where = opened.where if opened.shared else str(opened.path)
        docs = opened.documents()
        progress = opened.progress_by_document()
        changed = {doc.id: reason for doc, reason in changed_sources(opened)}
        overall = opened.progress(progress)
        reviewers = opened.progress_by_reviewer()
        listed = {doc.id: [figure_entry(f) for f in opened.figures(doc.id)] for doc in docs} if figures else {}
    return {
        "project": where,
        "documents": [{"id": doc.id, "title": doc.title, "source": doc.source, **counts(progress[doc.id]),
                       "source_changed": changed.get(doc.id), **({"figure_list": listed[doc.id]} if figures else {})}
                      for doc in docs],
        "figures": counts(overall),
        "reviewers": [reviewer(r) for r in reviewers],
    }


def figure_entry(f: StoredFigure) -> dict:
    return {"id": f.id, "start": f.start, "end": f.end, "text": f.text, "kind": f.final_kind.value,
            "value": None if f.final_value is None else str(f.final_value), "unit": f.final_unit,
            "indicator": f.final_indicator, "status": f.status.value, "reviewer": f.reviewer}


def counts(p: Progress) -> dict:
    return {"figures": p.total, "reviewed": p.reviewed, "share": round(p.share, 4), "pending": p.pending,
            "confirmed": p.confirmed, "corrected": p.corrected, "rejected": p.rejected,
            "decisions_lost_their_figure": p.orphaned}


def reviewer(r: ReviewerProgress) -> dict:
    """How a reviewer decided is null where it is withheld (another's, on a shared project)."""
    how = {"confirmed": r.confirmed, "corrected": r.corrected, "rejected": r.rejected}
    if r.withheld:
        how = dict.fromkeys(how)
    return {"name": r.name, "decided": r.decided, **how, "decisions": r.decisions}


def say(message: str) -> None:
    print(message, file=sys.stderr)
