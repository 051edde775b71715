"""The window's last line of defence: slots report errors as dialogs, never as tracebacks."""
from __future__ import annotations

import functools
import logging
import traceback

from reviewer.documents import DocumentError
from reviewer.store import StoreError
from reviewer.ui.labels import tr

log = logging.getLogger(__name__)


def reports_errors(method):
    """Slots never fail silently and never show a traceback: known errors become a dialog that
    says what to do, unexpected ones a dialog plus the full trace in the log."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (StoreError, DocumentError) as exc:
            self.report_error(str(exc))
        except Exception as exc:  # noqa: BLE001 - the last line of defence of a slot
            log.exception("unexpected error in %s", method.__name__)
            self.report_error(tr("Something went wrong: %1. The details are in the log (Help > Open log folder).")
                              .replace("%1", f"{type(exc).__name__}: {exc}"), traceback.format_exc())
    return wrapper
